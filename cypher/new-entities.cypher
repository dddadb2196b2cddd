// name: new-entities
// answers: Which entities are new: each entity with the first time the graph saw it, keeping those
//   first seen on or after a date, newest first.
// param: since string = ""  a date prefix (2023, 2023-09, 2023-09-22); empty: every entity
// param: by choice(loaded|published) = "loaded"  loaded: the earliest `loadedAt` of the articles that name it (when kg load wrote them); published: their earliest `published` date
// "The articles that name it" are those that mention it or report an event it takes part in.
// `loadedAt` is when the current version of an article was written (a changed article, loaded
// again, gets a new time). Articles without a `published` date do not count for `by: published`.
MATCH (e:Entity)
WITH e, COLLECT {
  MATCH (a:Article)-[:MENTIONS]->(e) RETURN a
  UNION
  MATCH (a:Article)-[:REPORTS]->(:Event)-->(e) RETURN a
} AS articles
WITH e, articles,
     reduce(m = null, a IN articles |
       CASE WHEN m IS NULL OR a.loadedAt < m THEN a.loadedAt ELSE m END) AS firstLoaded,
     reduce(m = null, a IN articles |
       CASE WHEN a.published IS NOT NULL AND (m IS NULL OR a.published < m)
            THEN a.published ELSE m END) AS firstPublished
WITH *, CASE $by WHEN 'published' THEN firstPublished ELSE firstLoaded END AS firstSeen
WHERE firstSeen IS NOT NULL AND firstSeen >= $since
RETURN e.id AS id,
       e.name AS name,
       e.nameEn AS nameEn,
       [l IN labels(e) WHERE l <> 'Entity'] AS types,
       firstSeen,
       firstLoaded,
       firstPublished,
       size(articles) AS articles
ORDER BY firstSeen DESC, articles DESC, id
