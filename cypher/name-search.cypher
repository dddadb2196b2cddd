// name: name-search
// answers: Which entities carry a name: a search of the Arabic full-text index `entity_names`
//   over names, English names and aliases, best match first (قاآني finds إسماعيل قاآني).
// param: query string = "قاآني"  words to find; Lucene syntax works: "الحرس الثوري", سليم*, قاسم~
// param: limit int = 10  at most this many entities
// The Arabic analyzer ignores hamza forms on alef, final yeh/alef maqsura and teh marbuta/heh,
// diacritics and common prefixes and suffixes, so most spellings of a name meet.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.id AS id,
       node.name AS name,
       node.nameEn AS nameEn,
       [l IN labels(node) WHERE l <> 'Entity'] AS types,
       node.aliases AS aliases,
       node.mentionCount AS mentions,
       round(score, 3) AS score
ORDER BY score DESC, mentions DESC
LIMIT $limit
