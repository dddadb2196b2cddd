"""kg: Arabic news articles to a Neo4j knowledge graph.

The Python API is the one the command line uses:

- `kg.extract(texts)`: documents (entities with mentions, relations, events), no database;
- `kg.extract_documents(articles)`: the streaming form of `extract`;
- `kg.extract_paths(paths)`: the documents of the files under `paths` (`kg extract`);
- `kg.load_paths(paths, driver)` (also `kg.load`): read, extract and write to Neo4j (`kg load`);
- `kg.forget(targets, driver)`: take articles out as if never loaded (`kg forget`);
- `kg.stats(driver)`: what the graph holds (`kg stats`);
- `kg.run_template(driver, template, params)`: a Cypher template's result (`kg query`);
- `kg.to_networkx(...)`: the graph, or what a template or query returns, as NetworkX
  (`kg export`);
- `kg.write_html(graph, path)`: such a graph as a self-contained interactive page
  (`kg export --format html`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": ("kg.extraction.pipeline", "extract"),
    "extract_documents": ("kg.extraction.pipeline", "extract_documents"),
    "extract_paths": ("kg.extraction.pipeline", "extract_paths"),
    "load": ("kg.loading", "load_paths"),
    "load_paths": ("kg.loading", "load_paths"),
    "forget": ("kg.forgetting", "forget"),
    "stats": ("kg.graph.reader", "stats"),
    "run_template": ("kg.graph.query", "run_template"),
    "to_networkx": ("kg.graph.networkx_export", "to_networkx"),
    "write_html": ("kg.graph.html_export", "write_html"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import the public functions on first use, so `import kg` stays cheap."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    return getattr(import_module(module), attribute)
