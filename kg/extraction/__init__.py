"""Extraction: from cleaned articles to documents of entities, relations and events.

The package's layout is the pipeline, in order:

1. `analyse`: per article, stateless, parallel: sentences, the spaCy entity pipeline
   (`kg.nlp`), sentence skeletons and rule hits (`rules`), time expressions;
2. `resolve`: in article order, with the run's state: entity linking, relations, events
   merged across articles, mentions grouped per entity;
3. `pipeline`: the two put together (`Extractor`) and the Python API (`extract`,
   `extract_documents`, `extract_paths`).

Data flows one way: `rules` and `analyse` never import `resolve`, and nothing here imports
the graph side. The records passed between the stages are in `kg.records`.
"""
