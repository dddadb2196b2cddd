// name: shortest-paths
// answers: How two entities are connected: every shortest path of at most 6 steps between them,
//   through typed relations (LEADS, PART_OF, VISITED, ...), optionally through events (an event
//   links its agent, participants, targets and places) and sentence co-occurrence.
// param: from string = "قاآني"  the first entity: id, Arabic name, alias or English name
// param: to string = "حزب الله"  the second entity, found the same way
// param: events bool = true  also walk through Event nodes
// param: cooccurrence bool = true  also walk along CO_OCCURS_WITH (named in the same sentence)
// Direction is ignored. Paths never pass through articles or sentences. With both switches off,
// only typed facts connect the two.
CALL () {
  MATCH (e:Entity)
  WHERE e.id = $from OR e.name = $from OR $from IN e.aliases
     OR toLower(e.nameEn) = toLower($from)
  RETURN e, 1 AS exact, 0.0 AS score
  UNION
  WITH reduce(q = $from, c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/'] | replace(q, c, ' ')) AS q
  WITH q WHERE trim(q) <> ''
  CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node, score
  RETURN node AS e, 0 AS exact, score
}
WITH e AS a ORDER BY exact DESC, score DESC LIMIT 1
CALL () {
  MATCH (e:Entity)
  WHERE e.id = $to OR e.name = $to OR $to IN e.aliases
     OR toLower(e.nameEn) = toLower($to)
  RETURN e, 1 AS exact, 0.0 AS score
  UNION
  WITH reduce(q = $to, c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/'] | replace(q, c, ' ')) AS q
  WITH q WHERE trim(q) <> ''
  CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node, score
  RETURN node AS e, 0 AS exact, score
}
WITH a, e AS b ORDER BY exact DESC, score DESC LIMIT 1
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE a <> b
  AND all(n IN nodes(p) WHERE n:Entity OR ($events AND n:Event))
  AND all(r IN relationships(p)
          WHERE NOT type(r) IN ['MENTIONS', 'HAS_SENTENCE', 'REPORTS']
            AND ($cooccurrence OR type(r) <> 'CO_OCCURS_WITH'))
RETURN length(p) AS hops,
       [n IN nodes(p) | coalesce(n.name, n.type + ' ' + coalesce(n.date, ''))] AS via,
       [r IN relationships(p) | type(r)] AS relations,
       p AS path
ORDER BY hops, relations
