"""Every Cypher statement kg sends but the templates of `cypher/`: fixed strings, values only
as parameters (the loader's reads, the lease, the writer's and `kg forget`'s statements, the
exporter's reads).

Labels and relationship types cannot be parameters in Cypher, so the statements that name
one are built once, here, from the allow-lists of `kg.schema`, never from input text.

What the graph keeps is a function of the set of articles loaded wherever that can be: a
fact's provenance is kept per sentence (`sentences`, `evidence`, `times`, `sentenceRules`) and
its `rules` and time are computed from it; an entity's aliases, mention count and (outside the
knowledge base) name are computed from its mentions. So withdrawing an article's share leaves
exactly what the other articles give.
"""

from __future__ import annotations

from kg.schema import ENTITY_LABELS, EVENT_ROLES, RELATION_TYPES

# --- what the loader reads before it writes -------------------------------------------

# The stored version of each article (by its id or by an id of the earlier scheme).
STORED_VERSIONS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256, a.pipeline AS pipeline, a.title AS title
"""

# The articles stored with one of these texts (SHA-256): a new copy of one is not stored.
SAME_TEXT = """
UNWIND $hashes AS sha256
MATCH (a:Article {sha256: sha256})
RETURN sha256, a.id AS id
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

# --- the lease: one writer per graph at a time (kg.graph.lease) --------------------------

# Locks the lease node (creating it if need be) before anything of it is read, so that two
# clients deciding whether it is free cannot both decide yes.
LOCK_LEASE = """
MERGE (l:KgLease {name: $name})
SET l.name = $name
RETURN properties(l) AS lease, timestamp() AS now
"""

TAKE_LEASE = """
MATCH (l:KgLease {name: $name})
SET l.holder = $holder, l.command = $command, l.pid = $pid, l.host = $host,
    l.since = timestamp(), l.expires = timestamp() + $ttl
"""

# Renewing is also the check every write transaction makes last, before it commits: it holds
# the lease node's lock to the end, so nobody takes the lease over while a batch is written.
RENEW_LEASE = """
MATCH (l:KgLease {name: $name, holder: $holder})
SET l.expires = timestamp() + $ttl
RETURN count(l) AS held
"""

RELEASE_LEASE = """
MATCH (l:KgLease {name: $name, holder: $holder})
DELETE l
"""

# --- computed properties, shared by the statements that write and withdraw -----------------

# A fact's `rules`, `count` and time from its per-sentence lists: the most precise time any
# sentence states, the earliest of equally precise ones (`since` for lasting states, `date`
# for the rest; `$stateTypes`).
_FACT_SUMMARY = """
SET r.count = size(r.sentences),
    r.rules = COLLECT {
      UNWIND r.sentenceRules AS joined UNWIND split(joined, '+') AS rule
      WITH DISTINCT rule WHERE rule <> '' RETURN rule ORDER BY rule
    }
WITH r, COLLECT {
  UNWIND r.times AS time WITH time WHERE time <> '' RETURN time ORDER BY size(time) DESC, time
  LIMIT 1
} AS best
WITH r, best[0] AS time
SET r.since = CASE WHEN type(r) IN $stateTypes THEN time END,
    r.date = CASE WHEN type(r) IN $stateTypes THEN null ELSE time END,
    r.datePrecision = CASE size(time) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year'
                      END
"""

# The spelling an entity outside the knowledge base (its id has a `label:` prefix) is named by:
# the one its mentions use most, the first in Unicode order among equally frequent ones.
_DERIVED_NAME = """
SET e.name = CASE WHEN e.id CONTAINS ':' AND e.mentionCount > 0 THEN COLLECT {
      MATCH (:Sentence)-[m:MENTIONS]->(e) WITH m.text AS spelling, count(*) AS uses
      RETURN spelling ORDER BY uses DESC, spelling LIMIT 1
    }[0] ELSE e.name END
"""

# A fact's provenance lists, read once into variables: indexing a property inside a list
# comprehension (`r.evidence[i]`) reads the whole list again for every element, which made
# updating a fact that thousands of sentences state quadratic in their number.
_PROVENANCE = (
    "coalesce(r.sentences, []) AS sentences, r.evidence AS evidence, r.times AS times, "
    "r.sentenceRules AS sentenceRules, r.since AS since, r.date AS date, r.rules AS rules"
)
# A fact written before per-sentence times and rules were kept: each old sentence is taken to
# state the fact's time and all its rules.
_OLD_TIME = "coalesce(times[i], since, date, '')"
_OLD_RULES = (
    "coalesce(sentenceRules[i], reduce(joined = '', rule IN coalesce(rules, []) | "
    "joined + CASE joined WHEN '' THEN '' ELSE '+' END + rule))"
)

# --- withdrawing what articles contributed (a new version replaces them, or kg forget) ----

# Every entity the articles' contributions touch: those they mention, the targets of facts
# they support (a fact's source is always mentioned) and the members of events they report.
# After the withdrawal each is refreshed, and goes if nothing mentions or relates to it.
TOUCHED_ENTITIES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
UNWIND COLLECT {
  MATCH (a)-[:MENTIONS]->(e:Entity) RETURN e.id AS entity
  UNION
  MATCH (a)-[:MENTIONS]->(:Entity)-[r]->(e:Entity)
  WHERE type(r) <> 'CO_OCCURS_WITH' AND id IN r.articles RETURN e.id AS entity
  UNION
  MATCH (a)-[:REPORTS]->(:Event)-->(e:Entity) RETURN e.id AS entity
} AS entity
RETURN collect(DISTINCT entity) AS entities
"""

# The articles' mentions go, and with them their share of the entities' mention counts.
DETACH_MENTIONS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})-[m:MENTIONS]->(e:Entity)
SET e.mentionCount = e.mentionCount - m.count
DELETE m
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

# Facts keep the provenance of other articles, with their rules and time computed again from
# it; a fact no article supports any more goes. One row per relationship, all withdrawn
# articles at once: with a row per (article, fact), the positions to keep would be computed
# for every row before the first row shortened the lists, and a fact two withdrawn articles
# share would index past their end.
WITHDRAW_FACTS = f"""
MATCH (s:Entity)-[r]->(:Entity)
WHERE s.id IN $entityIds AND type(r) <> 'CO_OCCURS_WITH'
  AND any(article IN r.articles WHERE article IN $ids)
WITH r, {_PROVENANCE}
WITH r, sentences, evidence, times, sentenceRules, since, date, rules,
     [i IN range(0, size(sentences) - 1)
      WHERE NOT any(id IN $ids WHERE sentences[i] STARTS WITH id + ':s')] AS keep
SET r.articles = [x IN r.articles WHERE NOT x IN $ids],
    r.sentences = [i IN keep | sentences[i]],
    r.evidence = [i IN keep | evidence[i]],
    r.times = [i IN keep | {_OLD_TIME}],
    r.sentenceRules = [i IN keep | {_OLD_RULES}]
WITH r
{_FACT_SUMMARY}
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

DELETE_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a
"""

# After a withdrawal (and the batch written after it): the entities it touched get their
# aliases and name computed from the mentions left, and those nothing mentions or relates to
# any more go.
REFRESH_WITHDRAWN_ENTITIES = f"""
UNWIND $ids AS id
MATCH (e:Entity {{id: id}})
SET e.aliases = COLLECT {{
      MATCH (:Sentence)-[m:MENTIONS]->(e) WITH DISTINCT m.text AS alias
      RETURN alias ORDER BY alias
    }}
{_DERIVED_NAME}
WITH e WHERE e.mentionCount = 0 AND NOT EXISTS {{ (e)-[]-(:Entity|Event) }}
DETACH DELETE e
"""

# --- kg forget: which articles, and which others depend on them ---------------------------

ARTICLES_BY_URL = """
UNWIND $urls AS url
MATCH (a:Article {url: url})
RETURN url, a.id AS id
"""

# The articles (with their text stored, so they can be extracted again) that report an event
# of the same type and with a key participant in common with an event these articles report:
# their reports were, or could have been, merged with these articles' (the same event, or a
# rival candidate that left a report unmerged).
EVENT_NEIGHBOURS = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(e:Event)-[:AGENT|TARGET|PARTICIPANT]->(x:Entity)
MATCH (x)<-[:AGENT|TARGET|PARTICIPANT]-(near:Event)<-[:REPORTS]-(other:Article)
WHERE near.type = e.type AND NOT other.id IN $excluded AND other.text IS NOT NULL
RETURN DISTINCT other.id AS id
"""

# The names of people with at least two words these articles mention.
PERSON_NAMES = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_SENTENCE]->(:Sentence)-[m:MENTIONS]->(:Person)
WITH DISTINCT m.text AS name WHERE trim(name) CONTAINS ' '
RETURN collect(name) AS names
"""

# One-word mentions of people in the other articles (with their text stored): a family name
# alone may have been linked through a full name another article gave.
ONE_WORD_PERSON_MENTIONS = """
MATCH (a:Article)-[:HAS_SENTENCE]->(:Sentence)-[m:MENTIONS]->(:Person)
WHERE a.text IS NOT NULL AND NOT a.id IN $excluded AND NOT trim(m.text) CONTAINS ' '
RETURN DISTINCT a.id AS id, m.text AS name
"""

STORED_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN properties(a) AS article
"""

# What withdrawing these articles would take: their sentences, mentions, the facts and events
# they support, and the entities they touch (see `TOUCHED_ENTITIES`).
FOOTPRINT = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.title AS title,
       COUNT { (a)-[:HAS_SENTENCE]->() } AS sentences,
       COUNT { (a)-[:HAS_SENTENCE]->()-[:MENTIONS]->() } AS mentions,
       COLLECT {
         MATCH (a)-[:MENTIONS]->(s:Entity)-[r]->(t:Entity)
         WHERE type(r) <> 'CO_OCCURS_WITH' AND id IN r.articles
         RETURN [type(r), s.id, t.id]
       } AS facts,
       COLLECT { MATCH (a)-[:REPORTS]->(e:Event) RETURN [e.id, e.type, e.date] } AS events
"""

# Which of these entities, events and facts are (still) in the graph.
ENTITIES_PRESENT = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.name AS name, [label IN labels(e) WHERE label <> 'Entity'][0] AS label
"""

EVENTS_PRESENT = """
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id
"""

FACTS_PRESENT = """
UNWIND $facts AS fact
MATCH (s:Entity {id: fact[1]})-[r]->(t:Entity {id: fact[2]})
WHERE type(r) = fact[0]
RETURN DISTINCT fact
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
# its aliases (kept sorted and distinct), and its name is computed again (`_DERIVED_NAME`).
ADD_ENTITY_MENTIONS = f"""
UNWIND $rows AS row
MATCH (e:Entity {{id: row.id}})
SET e.mentionCount = coalesce(e.mentionCount, 0) + row.count,
    e.aliases = COLLECT {{
      UNWIND coalesce(e.aliases, []) + row.aliases AS alias
      WITH DISTINCT alias RETURN alias ORDER BY alias
    }}
{_DERIVED_NAME}
"""

# One row per relationship and batch (two rows for one relationship would each read the
# lists before either writes): the per-sentence provenance grows, kept in one canonical order
# (by sentence id) whatever order articles were loaded in, and the rules and time are
# computed from it (`_FACT_SUMMARY`).
_MERGE_RELATION = f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}})
MATCH (t:Entity {{id: row.target}})
MERGE (s)-[r:%s]->(t)
WITH r, row, {_PROVENANCE}
WITH r, row, [i IN range(0, size(sentences) - 1)
              | [sentences[i], evidence[i], {_OLD_TIME}, {_OLD_RULES}]]
           + [i IN range(0, size(row.sentences) - 1) WHERE NOT row.sentences[i] IN sentences
              | [row.sentences[i], row.evidence[i], row.times[i], row.sentenceRules[i]]]
           AS supports
WITH r, row, COLLECT {{
  UNWIND supports AS support RETURN support ORDER BY support[0]
}} AS supports
SET r.sentences = [support IN supports | support[0]],
    r.evidence = [support IN supports | support[1]],
    r.times = [support IN supports | support[2]],
    r.sentenceRules = [support IN supports | support[3]],
    r.articles = COLLECT {{
      UNWIND coalesce(r.articles, []) + row.articles AS article
      WITH DISTINCT article RETURN article ORDER BY article
    }}
WITH r
{_FACT_SUMMARY}
"""
MERGE_RELATIONS = {
    relation_type: _MERGE_RELATION % relation_type for relation_type in RELATION_TYPES
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

# --- the exporter (kg.graph.networkx_export) ---------------------------------------------

ALL_NODES = "MATCH (n) RETURN n"
ALL_RELATIONSHIPS = "MATCH ()-[r]->() RETURN r"
NODES_BY_ELEMENT_ID = "MATCH (n) WHERE elementId(n) IN $ids RETURN n"

# --- kg import (kg.importing): the bulk first load ----------------------------------------

# Whether the database holds anything at all (kg import writes into an empty one only).
ANY_NODE = "RETURN EXISTS { MATCH (n) } AS found"

# neo4j-admin reads an empty CSV field as no property, so two values kg stores cannot be
# written to its files: an entity no sentence mentions has `aliases: []`, a fact stated by
# one sentence giving no time has `times: ['']`. These put them back once the files are in.
AFTER_IMPORT = (
    "MATCH (e:Entity) WHERE e.aliases IS NULL SET e.aliases = []",
    "MATCH (:Entity)-[r]->(:Entity) WHERE r.sentences IS NOT NULL AND r.times IS NULL "
    "SET r.times = ['']",
)
