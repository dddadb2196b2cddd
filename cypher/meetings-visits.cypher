// name: meetings-visits
// answers: Who met or visited whom, and when: Visit and Meeting events (one per happening, however
//   many outlets report it) and VISITED / MET_WITH facts, in a date range, optionally for one entity.
// param: entity string = ""  only rows this entity takes part in (id, name, alias); empty: everyone
// param: from string = ""  earliest date, as a prefix: 2023, 2023-09 or 2023-09-01; empty: open
// param: to string = ""  latest date, as a prefix; empty: open
// Dates are ISO strings of varying precision (2020, 2023-09, 2023-09-22); `from` and `to`
// compare at the precision both sides have, so from 2023-09 keeps a fact dated 2023 and to 2023
// keeps one dated 2023-12-31. Undated rows are listed only when both bounds are empty.
// An event lists its agents (who), participants and targets (whom) and places (where); a
// VISITED fact is who -> where, a MET_WITH fact who -> whom.
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
CALL (focus) {
  MATCH (ev:Event)
  WHERE ev.type IN ['Visit', 'Meeting']
    AND (size(focus) = 0 OR EXISTS { (ev)-->(x:Entity) WHERE x IN focus })
  RETURN ev.date AS date, ev.type AS what,
         COLLECT { MATCH (ev)-[:AGENT]->(x) RETURN x.name ORDER BY x.name } AS who,
         COLLECT { MATCH (ev)-[:PARTICIPANT|TARGET]->(x) RETURN x.name ORDER BY x.name } AS whom,
         COLLECT { MATCH (ev)-[:PLACE]->(x) RETURN x.name ORDER BY x.name } AS `where`,
         COLLECT { MATCH (a:Article)-[:REPORTS]->(ev) RETURN DISTINCT coalesce(a.source, a.id) }
           AS outlets,
         COLLECT { MATCH (a:Article)-[rep:REPORTS]->(ev) RETURN rep.evidence ORDER BY a.id }[0]
           AS evidence,
         ev.id AS id
  UNION
  MATCH (s:Entity)-[r:VISITED|MET_WITH]->(t:Entity)
  WHERE size(focus) = 0 OR s IN focus OR t IN focus
  RETURN r.date AS date, type(r) AS what, [s.name] AS who,
         CASE type(r) WHEN 'MET_WITH' THEN [t.name] ELSE [] END AS whom,
         CASE type(r) WHEN 'VISITED' THEN [t.name] ELSE [] END AS `where`,
         COLLECT { MATCH (a:Article) WHERE a.id IN r.articles
                   RETURN DISTINCT coalesce(a.source, a.id) } AS outlets,
         r.evidence[0] AS evidence,
         null AS id
}
WITH * WHERE (($from = '' AND $to = '') OR
   (date >= left($from, size(date)) AND left(date, size($to)) <= $to))
RETURN date, what, who, whom, `where`, size(outlets) AS outlets, evidence, id
ORDER BY date IS NULL, date, what, who
