// name: timeline
// answers: The events an entity took part in, in date order: type, its role (AGENT, PARTICIPANT,
//   TARGET, PLACE), who else and where, how many outlets report it and what they said.
// param: entity string = "قاآني"  an id, an Arabic name or alias, or an English name
// param: from string = ""  earliest date, as a prefix (2020, 2023-09); empty: open
// param: to string = ""  latest date, as a prefix; empty: open
// Dates are ISO strings of varying precision (2020, 2023-09, 2023-09-22); `from` and `to`
// compare at the precision both sides have, so from 2023-09 keeps a fact dated 2023 and to 2023
// keeps one dated 2023-12-31. Undated rows are listed only when both bounds are empty.
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
MATCH (ev:Event)-[role]->(e)
WITH e, ev, collect(type(role)) AS roles
WHERE (($from = '' AND $to = '') OR
   (ev.date >= left($from, size(ev.date)) AND left(ev.date, size($to)) <= $to))
RETURN ev.date AS date,
       ev.dateQualifier AS qualifier,
       ev.type AS event,
       roles,
       COLLECT { MATCH (ev)-[:AGENT|PARTICIPANT|TARGET]->(x) WHERE x <> e
                 RETURN x.name ORDER BY x.name } AS with,
       COLLECT { MATCH (ev)-[:PLACE]->(x) WHERE x <> e RETURN x.name ORDER BY x.name } AS `where`,
       COUNT { MATCH (a:Article)-[:REPORTS]->(ev) RETURN DISTINCT coalesce(a.source, a.id) }
         AS outlets,
       COLLECT { MATCH (a:Article)-[rep:REPORTS]->(ev) RETURN rep.evidence ORDER BY a.id }[0]
         AS evidence,
       ev.id AS id
ORDER BY date IS NULL, date, event
