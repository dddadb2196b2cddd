"""The graph side: documents to Neo4j, and the graph back to Python.

- writing: `rows` (documents to statement rows, pure), `statements` (every Cypher statement
  but the templates), `writer` (runs them, one transaction per batch), `rewrite` (withdrawing
  articles and extracting again those that resolved through them: `kg forget`, edits),
  `lease` (one writer per graph at a time);
- reading: `reader` (what the loader needs, and `stats`), `templates` (the `.cypher` files of
  `cypher/`), `query` (running a template or statement), `networkx_export` (to NetworkX and
  files).
"""
