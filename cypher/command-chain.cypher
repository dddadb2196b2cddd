// name: command-chain
// answers: Who an entity answers to: every chain of LEADS, MEMBER_OF and PART_OF relations upward
//   from it (person -> the force it leads -> the corps that force is part of), to the top.
// param: entity string = "قاآني"  an id, an Arabic name or alias, or an English name
// One row per complete chain (longest first); an entity with nothing above it gives one row with
// only itself (0 levels).
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
MATCH p = (e)-[:LEADS|MEMBER_OF|PART_OF*0..6]->(top:Entity)
WHERE NOT EXISTS { (top)-[:LEADS|MEMBER_OF|PART_OF]->(:Entity) }
RETURN length(p) AS levels,
       [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | {
         from: startNode(r).id, relation: type(r), to: endNode(r).id,
         since: r.since, articles: r.articles, evidence: r.evidence[0]
       }] AS steps,
       p AS path
ORDER BY levels DESC, chain
