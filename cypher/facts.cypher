// name: facts
// answers: The typed facts of the graph (LEADS, PART_OF, VISITED, KILLED_BY, ...) with their time,
//   how many sentences and articles state them, and the sentences themselves.
// param: type string = ""  one relation type, e.g. LEADS or SUPPORTS (any case); empty: all types
// param: entity string = ""  only facts about this entity (id, name, alias); empty: all entities
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
WITH collect(e) AS focus
WHERE $entity = '' OR size(focus) > 0
MATCH (s:Entity)-[r]->(t:Entity)
WHERE type(r) <> 'CO_OCCURS_WITH'
  AND ($type = '' OR type(r) = toUpper($type))
  AND (size(focus) = 0 OR s IN focus OR t IN focus)
RETURN s.id AS source,
       s.name AS sourceName,
       type(r) AS relation,
       t.id AS target,
       t.name AS targetName,
       coalesce(r.since, r.date) AS time,
       r.count AS sentences,
       r.articles AS articles,
       r.rules AS rules,
       r.evidence AS evidence
ORDER BY relation, source, target
