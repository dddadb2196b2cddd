// kg schema: constraints and indexes, created before any data is written (`kg load` runs this
// file itself; it is safe to run again). Paste it into Neo4j Browser to prepare an empty database.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
// A copy of a stored article (same text) is found by its SHA-256, and not stored again.
CREATE INDEX article_sha256 IF NOT EXISTS FOR (n:Article) ON (n.sha256);
// The lease that lets one kg write to the graph at a time (kg/graph/lease.py).
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (n:KgLease) REQUIRE n.name IS UNIQUE;
