// name: co-occurrence
// answers: An entity's neighbourhood: the entities named in the same sentences, by the number of
//   sentences (weight) and articles they share, with any typed facts that link the two.
// param: entity string = "قاآني"  an id, an Arabic name or alias, or an English name
// param: minWeight int = 1  keep neighbours sharing at least this many sentences
// param: limit int = 25  at most this many neighbours
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
MATCH (e)-[c:CO_OCCURS_WITH]-(other:Entity)
WHERE c.weight >= $minWeight
RETURN other.id AS id,
       other.name AS name,
       other.nameEn AS nameEn,
       [l IN labels(other) WHERE l <> 'Entity'] AS types,
       c.weight AS sentences,
       size(c.articles) AS articles,
       COLLECT { MATCH (e)-[r]-(other) WHERE type(r) <> 'CO_OCCURS_WITH'
                 RETURN DISTINCT type(r) AS t ORDER BY t } AS facts
ORDER BY sentences DESC, articles DESC, id
LIMIT $limit
