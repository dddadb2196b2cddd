"""`kg forget`: take articles out of the graph as if they had never been loaded.

Forgetting withdraws what the articles contributed (the statements the writer uses when an
article is replaced: sentences, mentions, their share of co-occurrence and of every fact and
event) and deletes them; entities and events nothing mentions or reports any more go with
them. What other articles resolved *through* them is redone: the articles that reported one
of their events (events are merged across articles) and those whose lone family names may
have been linked through a full name they gave are extracted again from the text the graph
keeps, in the order they were loaded, with the state the rest of the graph gives. So the
graph afterwards is the graph of loading the other articles only.

Each batch of articles is forgotten in one transaction, under the graph's lease; `dry_run`
does it all in one transaction that is rolled back, and reports what would go.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, ManagedTransaction, Transaction

from kg.graph import statements as cypher
from kg.graph.lease import GraphLease, LeaseHolder
from kg.graph.reader import GraphReader, StoredVersion
from kg.graph.rewrite import dependents, rewrite
from kg.graph.writer import GraphWriter
from kg.ingest import iter_articles
from kg.ingest.identity import URL_DIGEST_HEX, URL_ID_PREFIX, file_article_id, url_article_id
from kg.ingest.identity import url_key as page_url_key
from kg.loading import DEFAULT_BATCH_SIZE, batched, same_article
from kg.records import Article

Tx = ManagedTransaction | Transaction


@dataclass
class ForgetReport:
    """What `forget` did (or, with `dry_run`, would do)."""

    dry_run: bool = False
    forgotten: list[tuple[str, str | None]] = field(default_factory=list)  # (id, title)
    unknown: list[str] = field(default_factory=list)  # targets that name no stored article
    sentences: int = 0
    mentions: int = 0
    facts_removed: list[tuple[str, str, str]] = field(default_factory=list)  # type, from, to
    events_removed: list[tuple[str, str, str | None]] = field(default_factory=list)
    entities_removed: list[tuple[str, str, str]] = field(default_factory=list)  # id, label, name
    reextracted: list[str] = field(default_factory=list)


def forget(
    targets: Iterable[str | Path],
    driver: Driver,
    database: str | None = None,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_wait: Callable[[LeaseHolder], None] | None = None,
) -> ForgetReport:
    """Forget the articles `targets` name: article ids, files or folders (the articles read
    from them) or URLs; the Python API behind `kg forget`.

    Targets that name no stored article are listed in the report's `unknown`. Holds the
    graph's lease (`on_wait` hears who holds it if someone does).
    """
    writer = GraphWriter(driver, database)
    writer.ensure_schema()
    report = ForgetReport(dry_run=dry_run)
    command = "kg forget --dry-run" if dry_run else "kg forget"
    with GraphLease(driver, database, command=command, on_wait=on_wait) as lease:
        ids = _stored_ids(targets, GraphReader(driver, database), report)
        with driver.session(database=database) as session:
            if dry_run:
                with session.begin_transaction() as tx:
                    _forget_in(tx, ids, set(ids), report)
                    tx.rollback()
            else:
                for chunk in batched(ids, batch_size):

                    def work(tx: ManagedTransaction, chunk: list[str] = chunk) -> ForgetReport:
                        part = ForgetReport()
                        _forget_in(tx, chunk, set(ids), part)
                        lease.confirm(tx)
                        return part

                    _add(report, session.execute_write(work))
    return report


def _add(total: ForgetReport, part: ForgetReport) -> None:
    total.forgotten += part.forgotten
    total.sentences += part.sentences
    total.mentions += part.mentions
    total.facts_removed += part.facts_removed
    total.events_removed += part.events_removed
    total.entities_removed += part.entities_removed
    total.reextracted += [i for i in part.reextracted if i not in total.reextracted]


# --- which stored articles the targets name ----------------------------------------------


def _candidates(target: str) -> Iterator[tuple[str, Article | None]]:
    """The ids `target` may name, each with the article read for it (None when not read)."""
    if page_url_key(target) is not None:
        yield str(url_article_id(target)), None
        yield URL_ID_PREFIX + _sha1(target.strip())[:URL_DIGEST_HEX], None  # earlier scheme
        return
    path = Path(target)
    if path.exists():
        for item in iter_articles([path]):
            if isinstance(item, Article):
                yield item.id, item
                for old in item.legacy_ids:
                    yield old, item
            elif ":" not in Path(item.path).name:  # a whole file no longer readable
                yield file_article_id(Path(item.path)), None
        return
    yield target, None
    yield file_article_id(path), None  # a file deleted since it was loaded


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _stored_ids(
    targets: Iterable[str | Path], reader: GraphReader, report: ForgetReport
) -> list[str]:
    """The ids of the stored articles the targets name, in order, without repeats; targets
    naming none go to `report.unknown`."""
    found: dict[str, None] = {}
    for target in map(str, targets):
        candidates = list(_candidates(target))
        stored = reader.stored_versions([i for i, _ in candidates])
        by_url = reader.articles_with_url(target) if page_url_key(target) is not None else []
        hits = [
            i
            for i, article in candidates
            if i in stored and _is_this_article(i, article, stored[i])
        ] + by_url
        if not hits:
            report.unknown.append(target)
        found.update(dict.fromkeys(hits))
    return list(found)


def _is_this_article(stored_id: str, article: Article | None, stored: StoredVersion) -> bool:
    """A stored article under an earlier-scheme id is the file's when the loader would take
    it over (`same_article`); any other id names its article."""
    return article is None or stored_id == article.id or same_article(stored, article)


# --- forgetting, in one transaction --------------------------------------------------------


def _forget_in(tx: Tx, ids: list[str], excluded: set[str], report: ForgetReport) -> None:
    """Forget the articles `ids` inside `tx` (none of `excluded` is extracted again), adding
    what went to `report`."""
    if not ids:
        return
    footprint = list(tx.run(cypher.FOOTPRINT, ids=ids))
    others = dependents(tx, ids, sorted(excluded))
    touched = tx.run(cypher.TOUCHED_ENTITIES, ids=ids + others).single(strict=True)["entities"]
    named = {r["id"]: (r["label"], r["name"]) for r in tx.run(cypher.ENTITIES_PRESENT, ids=touched)}
    rewritten = rewrite(tx, ids, excluded=sorted(excluded))

    facts = sorted({tuple(f) for record in footprint for f in record["facts"]})
    events = sorted({tuple(e) for record in footprint for e in record["events"]})
    still_facts = {tuple(r["fact"]) for r in tx.run(cypher.FACTS_PRESENT, facts=facts)}
    still_events = {r["id"] for r in tx.run(cypher.EVENTS_PRESENT, ids=[e[0] for e in events])}
    still_entities = {r["id"] for r in tx.run(cypher.ENTITIES_PRESENT, ids=sorted(named))}
    report.forgotten += [(r["id"], r["title"]) for r in footprint]
    report.sentences += sum(r["sentences"] for r in footprint)
    report.mentions += sum(r["mentions"] for r in footprint)
    report.facts_removed += [f for f in facts if f not in still_facts]
    report.events_removed += [e for e in events if e[0] not in still_events]
    report.entities_removed += [
        (entity, *named[entity]) for entity in sorted(named) if entity not in still_entities
    ]
    report.reextracted += rewritten.dependents
