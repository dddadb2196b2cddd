// name: stats
// answers: What the graph holds: the number of nodes of each label and of relationships of
//   each type, and the number of articles with the time of the last load (`kg stats`).
CALL () {
  MATCH (n)
  UNWIND labels(n) AS name
  RETURN 'label' AS kind, name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
  UNION ALL
  MATCH (a:Article)
  RETURN 'last load' AS kind, max(a.loadedAt) AS name, count(a) AS count
}
RETURN kind, name, count
ORDER BY kind, name
