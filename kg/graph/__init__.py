"""Writing extracted documents to Neo4j and reading the graph back."""
