// name: corroboration
// answers: How well each fact and event is sourced: typed relations and events ranked by the
//   number of independent outlets that report them, with the outlets, articles and one sentence.
// param: minOutlets int = 1  keep only rows reported by at least this many outlets
// param: entity string = ""  only facts and events involving this entity; empty: all
// An outlet is the article's `source`; an article with no known source counts as its own outlet.
// Facts (`kind` fact) come from the relations' `articles`; events (`kind` event) from REPORTS.
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
  MATCH (s:Entity)-[r]->(t:Entity)
  WHERE type(r) <> 'CO_OCCURS_WITH' AND (size(focus) = 0 OR s IN focus OR t IN focus)
  RETURN 'fact' AS kind,
         s.name + ' ' + type(r) + ' ' + t.name AS statement,
         coalesce(r.since, r.date) AS date,
         COLLECT { MATCH (a:Article) WHERE a.id IN r.articles
                   RETURN DISTINCT coalesce(a.source, a.id) } AS outlets,
         r.articles AS articles,
         r.evidence[0] AS evidence,
         [s.id, t.id] AS entities,
         null AS id
  UNION
  MATCH (ev:Event)
  WHERE size(focus) = 0 OR EXISTS { (ev)-->(x:Entity) WHERE x IN focus }
  WITH ev, COLLECT { MATCH (ev)-[role]->(x:Entity)
                     RETURN toLower(type(role)) + ': ' + x.name AS part ORDER BY type(role), x.name }
           AS parts
  RETURN 'event' AS kind,
         ev.type + ' (' + reduce(text = '', p IN parts |
           text + CASE WHEN text = '' THEN '' ELSE '; ' END + p) + ')' AS statement,
         ev.date AS date,
         COLLECT { MATCH (a:Article)-[:REPORTS]->(ev) RETURN DISTINCT coalesce(a.source, a.id) }
           AS outlets,
         COLLECT { MATCH (a:Article)-[:REPORTS]->(ev) RETURN a.id ORDER BY a.id } AS articles,
         COLLECT { MATCH (a:Article)-[rep:REPORTS]->(ev) RETURN rep.evidence ORDER BY a.id }[0]
           AS evidence,
         COLLECT { MATCH (ev)-->(x:Entity) RETURN DISTINCT x.id ORDER BY x.id } AS entities,
         ev.id AS id
}
WITH * WHERE size(outlets) >= $minOutlets
RETURN kind, statement, date, size(outlets) AS outlets, outlets AS sources, articles, evidence,
       entities, id
ORDER BY outlets DESC, kind, date DESC, statement
