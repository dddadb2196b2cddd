"""Arabic NLP for kg: tokenizer with clitic splitting, normalised matching, entity finding."""
