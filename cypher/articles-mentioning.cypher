// name: articles-mentioning
// answers: The articles that mention an entity, newest first: title, outlet, date, how often, and
//   the sentences that name it (in article order).
// param: entity string = "قاآني"  an id, an Arabic name or alias, or an English name
// param: sentences int = 3  at most this many sentences per article
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
MATCH (a:Article)-[m:MENTIONS]->(e)
RETURN a.id AS id,
       a.title AS title,
       a.source AS source,
       a.published AS published,
       m.count AS mentions,
       COLLECT { MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->(e)
                 WITH DISTINCT s ORDER BY s.idx RETURN s.text }[..$sentences] AS sentences,
       a.url AS url
ORDER BY published IS NULL, published DESC, id
