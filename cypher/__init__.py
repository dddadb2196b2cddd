"""Cypher files shipped with kg: the schema and the query templates (package `kg.cypher`)."""
