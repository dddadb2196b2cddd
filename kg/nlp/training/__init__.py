"""Training data, configuration and scoring for the statistical Arabic NER.

`corpora` turns the shared annotated corpora (ANERcorp, NewsFANE, WikiFANE, AQMAR) into spaCy
training docs and held-out development sets tokenised exactly as the pipeline tokenises raw
text; `unlabelled` and `vectors` build floret vectors from the ANT news; `gazetteer` builds the
packaged name list; `trainer` runs the steps; `evaluation`, `scoring` and `tagging` serve
`kg train`, `kg ner eval` and `kg ner tag`.
"""
