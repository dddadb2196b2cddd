"""Training data, configuration and scoring for the statistical Arabic NER.

`corpora` turns the two shared corpora (ANERcorp, NewsFANE) into spaCy training and
development docs tokenised exactly as the pipeline tokenises raw text; `trainer` runs spaCy's
training on them; `scoring` and `tagging` serve `kg ner eval` and `kg ner tag`.
"""
