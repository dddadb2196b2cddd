"""Every Cypher statement kg sends but the templates of `cypher/`: fixed strings, values only
as parameters (the loader's reads, the writer's statements, the exporter's reads).

Labels and relationship types cannot be parameters in Cypher, so the statements that name
one are built once, here, from the allow-lists of `kg.schema`, never from input text.
"""

from __future__ import annotations

from kg.schema import ENTITY_LABELS, EVENT_ROLES, RELATION_TYPES

EXISTING_VERSIONS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256, a.pipeline AS pipeline
"""

KNOWN_EVENTS = """
MATCH (e:Event)
RETURN e.id AS id, e.type AS type, e.date AS date, e.datePrecision AS precision,
       e.dateQualifier AS qualifier,
       COLLECT { MATCH (e)-[r]->(x:Entity) RETURN [type(r), x.id] } AS roles
"""

KNOWN_PEOPLE = """
MATCH (p:Person)
RETURN p.id AS id, [p.name] + coalesce(p.aliases, []) AS names
"""

# --- removing what an earlier version of an article contributed --------------------------

# The article's mentions go, and with them their share of the entities' mention counts;
# report the entities it mentioned (their facts and aliases may change).
DETACH_MENTIONS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})-[m:MENTIONS]->(e:Entity)
SET e.mentionCount = e.mentionCount - m.count
DELETE m
RETURN collect(DISTINCT e.id) AS entityIds
"""

# The article's share of co-occurrence goes (before its sentences do).
WITHDRAW_CO_OCCURRENCE = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->(a:Entity)
MATCH (s)-[:MENTIONS]->(b:Entity)
WHERE a.id < b.id
WITH id, a, b, count(DISTINCT s) AS shared
MATCH (a)-[r:CO_OCCURS_WITH]->(b)
SET r.weight = r.weight - shared, r.articles = [x IN r.articles WHERE x <> id]
SET r.count = r.weight
WITH r WHERE r.weight <= 0
DELETE r
"""

# Facts keep the provenance of other articles; a fact no article supports any more goes.
# One row per relationship, all withdrawn articles at once: with a row per (article, fact),
# the positions to keep would be computed for every row before the first row shortened the
# lists, and a fact two withdrawn articles share would index past their end.
WITHDRAW_FACTS = """
MATCH (s:Entity)-[r]->(:Entity)
WHERE s.id IN $entityIds AND type(r) <> 'CO_OCCURS_WITH'
  AND any(article IN r.articles WHERE article IN $ids)
WITH r, [i IN range(0, size(r.sentences) - 1)
         WHERE NOT any(id IN $ids WHERE r.sentences[i] STARTS WITH id + ':s')] AS keep
SET r.articles = [x IN r.articles WHERE NOT x IN $ids],
    r.sentences = [i IN keep | r.sentences[i]],
    r.evidence = [i IN keep | r.evidence[i]]
SET r.count = size(r.sentences)
WITH r WHERE r.count = 0
DELETE r
"""

WITHDRAW_REPORTS = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[rep:REPORTS]->(e:Event)
DELETE rep
WITH DISTINCT e
WHERE NOT EXISTS { (:Article)-[:REPORTS]->(e) }
DETACH DELETE e
"""

DELETE_SENTENCES = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_SENTENCE]->(s:Sentence)
DETACH DELETE s
"""

# --- writing ------------------------------------------------------------------------------

MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props
"""

CREATE_SENTENCES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CREATE (a)-[:HAS_SENTENCE]->(:Sentence {
  id: row.id, idx: row.idx, text: row.text, start: row.start, end: row.end
})
"""

MERGE_ENTITIES = {
    label: f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: row.id}})
SET e:{label}, e += row.props
"""
    for label in ENTITY_LABELS
}

CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (s:Sentence {id: row.sentence})
MATCH (e:Entity {id: row.entity})
CREATE (s)-[:MENTIONS {start: row.start, end: row.end, text: row.text}]->(e)
"""

MERGE_ARTICLE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count
"""

# One row per entity and batch: its new mentions are added to its count, its spellings to
# its aliases (kept sorted and distinct).
ADD_ENTITY_MENTIONS = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.mentionCount = coalesce(e.mentionCount, 0) + row.count,
    e.aliases = COLLECT {
      UNWIND coalesce(e.aliases, []) + row.aliases AS alias
      WITH DISTINCT alias RETURN alias ORDER BY alias
    }
"""

# One row per relationship and batch (two rows for one relationship would each read the
# lists before either writes): provenance lists grow, kept in one canonical order (by
# sentence id, article, rule) whatever order articles were loaded in, and the time keeps the
# most precise value stated (`since` for lasting states, `date` for the others).
_MERGE_RELATION = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:%s]->(t)
WITH r, row, coalesce(r.sentences, []) AS old, coalesce(r.evidence, []) AS oldEvidence
WITH r, row,
     old + [i IN range(0, size(row.sentences) - 1) WHERE NOT row.sentences[i] IN old
            | row.sentences[i]] AS sentences,
     oldEvidence + [i IN range(0, size(row.sentences) - 1) WHERE NOT row.sentences[i] IN old
                    | row.evidence[i]] AS evidence
WITH r, row, COLLECT {
  UNWIND range(0, size(sentences) - 1) AS i
  WITH sentences[i] AS sentence, evidence[i] AS text
  RETURN [sentence, text] AS pair ORDER BY sentence
} AS pairs
SET r.sentences = [pair IN pairs | pair[0]],
    r.evidence = [pair IN pairs | pair[1]],
    r.articles = COLLECT {
      UNWIND coalesce(r.articles, []) + row.articles AS article
      WITH DISTINCT article RETURN article ORDER BY article
    },
    r.rules = COLLECT {
      UNWIND coalesce(r.rules, []) + row.rules AS rule
      WITH DISTINCT rule RETURN rule ORDER BY rule
    }
SET r.count = size(r.sentences)
WITH r, row
WHERE row.time IS NOT NULL AND (r.%s IS NULL OR size(row.time) > size(r.%s))
SET r.%s = row.time, r.datePrecision = row.precision
"""
MERGE_RELATIONS = {
    (relation_type, field): _MERGE_RELATION % (relation_type, field, field, field)
    for relation_type in RELATION_TYPES
    for field in ("since", "date")
}

MERGE_EVENTS = """
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e.type = row.type, e += row.time
WITH e, row
MATCH (a:Article {id: row.article})
MERGE (a)-[rep:REPORTS]->(e)
SET rep.sentences = row.sentences, rep.evidence = row.evidence, rep.rule = row.rule
"""

MERGE_EVENT_ROLES = {
    role: f"""
UNWIND $rows AS row
MATCH (e:Event {{id: row.event}})
MATCH (x:Entity {{id: row.entity}})
MERGE (e)-[:{role}]->(x)
"""
    for role in EVENT_ROLES
}

# One row per pair (smaller id first) and batch: the batch's shared sentences are added to
# the weight, its articles to the sorted list.
ADD_CO_OCCURRENCE = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
MERGE (a)-[r:CO_OCCURS_WITH]->(b)
SET r.weight = coalesce(r.weight, 0) + row.weight,
    r.articles = COLLECT {
      UNWIND coalesce(r.articles, []) + row.articles AS article
      WITH DISTINCT article RETURN article ORDER BY article
    }
SET r.count = r.weight
"""

# After an article was replaced: the entities it mentioned get their aliases recomputed
# (a spelling only it used goes), and those nothing mentions or relates to any more go.
REFRESH_WITHDRAWN_ENTITIES = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.aliases = COLLECT {
      MATCH (:Sentence)-[m:MENTIONS]->(e) WITH DISTINCT m.text AS alias
      RETURN alias ORDER BY alias
    }
WITH e WHERE e.mentionCount = 0 AND NOT EXISTS { (e)-[]-(:Entity|Event) }
DETACH DELETE e
"""

# --- the exporter (kg.graph.networkx_export) ---------------------------------------------

ALL_NODES = "MATCH (n) RETURN n"
ALL_RELATIONSHIPS = "MATCH ()-[r]->() RETURN r"
NODES_BY_ELEMENT_ID = "MATCH (n) WHERE elementId(n) IN $ids RETURN n"
