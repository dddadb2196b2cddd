"""kg: Arabic news articles to a Neo4j knowledge graph.

The Python API is the one the command line uses:

- `kg.extract(texts)`: documents (entities with mentions) from article texts, no database;
- `kg.load(paths, driver)`: read, extract and write articles to Neo4j (`kg.load_paths`);
- `kg.extract_documents(articles)`: the streaming form of `extract`;
- `kg.to_networkx(...)`: the graph, or what a template or Cypher query returns, as NetworkX.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": ("kg.extraction", "extract"),
    "extract_documents": ("kg.extraction", "extract_documents"),
    "load": ("kg.loading", "load_paths"),
    "load_paths": ("kg.loading", "load_paths"),
    "to_networkx": ("kg.networkx_export", "to_networkx"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import the public functions on first use, so `import kg` stays cheap."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    return getattr(import_module(module), attribute)
