"""Evaluation: extraction scored against hand-annotated articles (`kg eval GOLD`).

`gold` reads gold files (the format is documented there and in `evaluation/GUIDELINES.md`),
`scoring` matches documents to gold articles and tallies entities, relations and events per
type, and `run` puts them together: it fetches each article's text (from a corpus of the data
folder or a file), checks its SHA-256, extracts all articles as one run, and scores them.
"""
