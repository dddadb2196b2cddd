// name: entity-profile
// answers: Everything the graph holds about one entity: its names and aliases, type labels, the
//   articles that mention it, and every typed relation in or out with the sentences that state it.
// param: entity string = "قاآني"  an id (esmail-qaani), an Arabic name or alias (إسماعيل قاآني, قاآني) or an English name
// The entity is found by exact id, name, alias or English name, else by the best match of the
// Arabic full-text index `entity_names` (so any spelling the analyzer normalises works).
CALL () {
  MATCH (e:Entity)
  WHERE e.id = $entity OR e.name = $entity OR $entity IN e.aliases
     OR toLower(e.nameEn) = toLower($entity)
  RETURN e, 1 AS exact, 0.0 AS score
  UNION
  WITH reduce(q = $entity, c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/'] | replace(q, c, ' ')) AS q
  WITH q WHERE trim(q) <> ''
  CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node, score
  RETURN node AS e, 0 AS exact, score
}
WITH e ORDER BY exact DESC, score DESC LIMIT 1
RETURN e.id AS id,
       e.name AS name,
       e.nameEn AS nameEn,
       [l IN labels(e) WHERE l <> 'Entity'] AS types,
       e.kind AS kind,
       e.aliases AS aliases,
       e.mentionCount AS mentions,
       COLLECT {
         MATCH (a:Article)-[m:MENTIONS]->(e)
         RETURN a{.id, .title, .source, .published, mentions: m.count}
         ORDER BY a.published DESC, a.id
       } AS articles,
       COLLECT {
         MATCH (e)-[r]-(other:Entity)
         WHERE type(r) <> 'CO_OCCURS_WITH'
         RETURN {
           relation: type(r),
           direction: CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END,
           other: other.id,
           otherName: other.name,
           time: coalesce(r.since, r.date),
           articles: r.articles,
           evidence: r.evidence
         }
         ORDER BY type(r), other.id
       } AS relations
