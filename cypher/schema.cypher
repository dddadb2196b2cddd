// kg schema: constraints and indexes, created before any data is written (`kg load` runs this
// file itself; it is safe to run again). Paste it into Neo4j Browser to prepare an empty database.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
