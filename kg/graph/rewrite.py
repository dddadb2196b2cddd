"""Rewriting part of the graph as if some articles had been loaded otherwise: without them
(`kg forget`), or with a new version in their place (an edited article).

Withdrawing an article's share is exact for what the graph computes from the set of articles
(mentions, facts, co-occurrence). What other articles resolved *through* it is not: events are
merged across articles (an event keeps the id and date its first report gave it), and a lone
family name links to the one person a full name elsewhere introduced. So the articles that
depend on the withdrawn ones (`dependents`) are withdrawn too and extracted again, with any new
versions, in the order they were first loaded, from the text the graph keeps, against what the
rest of the graph holds. All in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction, Transaction

from kg.arabic import match_key
from kg.extraction.pipeline import Extractor
from kg.graph import statements as cypher
from kg.graph.reader import events_from, people_from
from kg.graph.writer import delete_articles, refresh_entities, withdraw, write_documents
from kg.records import Article, Document, TextSpan

Tx = ManagedTransaction | Transaction


@dataclass(frozen=True)
class Rewritten:
    """What a rewrite did: the entities it touched (some may be gone), the dependents
    extracted again, and the documents written (dependents and new versions)."""

    entities: list[str]
    dependents: list[str]
    documents: list[Document]


def dependents(tx: Tx, ids: Sequence[str], excluded: Sequence[str]) -> list[str]:
    """The other articles (not in `excluded`, with their text kept) whose extraction went
    through `ids`: those reporting an event of the same type with a key participant in common
    with one of theirs (the same event, merged across articles, or a rival candidate for a
    merge), and those naming a person by the family name of a person they name in full."""
    others = [
        r["id"] for r in tx.run(cypher.EVENT_NEIGHBOURS, ids=list(ids), excluded=list(excluded))
    ]
    names = tx.run(cypher.PERSON_NAMES, ids=list(ids)).single(strict=True)["names"]
    families = {key.split()[-1] for key in map(match_key, names) if len(key.split()) > 1}
    if families:
        for record in tx.run(cypher.ONE_WORD_PERSON_MENTIONS, excluded=list(excluded)):
            if match_key(record["name"]) in families:
                others.append(record["id"])
    return sorted(set(others))


def stored_article(props: dict[str, Any]) -> Article:
    """An article as the graph keeps it (`text`, `body`, metadata), ready to be extracted
    again."""
    body = props.get("body") or []
    return Article(
        id=props["id"],
        text=props["text"],
        body=[TextSpan(body[i], body[i + 1]) for i in range(0, len(body) - 1, 2)],
        path="<graph>",
        title=props.get("title"),
        source=props.get("source"),
        url=props.get("url"),
        published=props.get("published"),
        lang=props.get("lang") or "ar",
        sha256=props.get("sha256") or "",
    )


def rewrite(
    tx: Tx,
    withdrawn: Sequence[str],
    new_versions: Sequence[Article] = (),
    excluded: Sequence[str] = (),
    loaded_at: str = "",
) -> Rewritten:
    """Withdraw the articles `withdrawn` and their dependents (none of `excluded`); delete
    the withdrawn ones that get no new version; then extract the dependents and the
    `new_versions` again, in load order (a new version takes the place of the article it
    replaces; a new article, `loaded_at`, comes last), and write them."""
    ids = list(withdrawn)
    others = dependents(tx, ids, sorted({*excluded, *ids}))
    placed = {
        r["article"]["id"]: r["article"]
        for r in tx.run(cypher.STORED_ARTICLES, ids=sorted({*others, *ids}))
    }
    articles = [stored_article(placed[i]) for i in others] + list(new_versions)
    when = {
        a.id: (placed[a.id].get("loadedAt") or "") if a.id in placed else loaded_at
        for a in articles
    }
    articles.sort(key=lambda a: (when[a.id], a.id))
    touched = withdraw(tx, ids + others)
    renewed = {a.id for a in new_versions}
    delete_articles(tx, [i for i in ids if i not in renewed])
    refresh_entities(tx, touched)
    documents = []
    if articles:
        extractor = Extractor()
        extractor.resolver.remember(
            events_from(tx.run(cypher.KNOWN_EVENTS)), people_from(tx.run(cypher.KNOWN_PEOPLE))
        )
        documents = list(extractor.documents(articles))
        write_documents(tx, documents, when)
    return Rewritten(touched, others, documents)
