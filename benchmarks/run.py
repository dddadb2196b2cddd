"""kg's speed, measured in one run against one Neo4j server, with ratios against baselines.

    python benchmarks/run.py [--articles N | --quick] [--workers N] [--json]
    python benchmarks/run.py --quick --extraction-only   # extraction words/s only, no Neo4j
    python benchmarks/run.py --curve 1000,5000,10000      # the README's scale curve
    python benchmarks/run.py --curve 10000 --real         # the same on real news (ANT)

Measures, on a synthetic corpus generated from the seeds and the knowledge base
(`benchmarks/synthetic.py`): extraction words per second per core; relationships per second
written by kg's batched writer and by a naive loader that sends one MERGE per statement (the
baseline); the time to load the unchanged corpus again as a fraction of the first load; peak memory.

The graph is wiped. So by default the benchmark runs its own local server (home
`.bench-neo4j/` beside this folder, Bolt port 7689, HTTP port 7476, started and stopped here);
`--uri` (with NEO4J_USERNAME / NEO4J_PASSWORD) points it at another server, whose database it
wipes too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_HOME = Path(__file__).resolve().parent.parent / ".bench-neo4j"
QUICK_ARTICLES = 300
NAIVE_SHARE = 0.25  # the naive loader writes this share of the documents (it is slow)


def _use_bench_server() -> None:
    os.environ.update(
        KG_NEO4J_HOME=str(BENCH_HOME), KG_NEO4J_BOLT_PORT="7689", KG_NEO4J_HTTP_PORT="7476"
    )


def server_env(settings) -> dict[str, str]:
    """This process's environment with the server of `settings` named, for a kg command."""
    env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username)
    env["NEO4J_PASSWORD"] = settings.password
    return env


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


WIPE = (
    # Relationships first: a hub node's thousands of them would not fit one transaction.
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)


def wipe(driver) -> None:
    """Delete everything, in batches (`IN TRANSACTIONS` needs auto-commit transactions)."""
    with driver.session() as session:
        for statement in WIPE:
            session.run(statement).consume()


def relationship_count(driver) -> int:
    """How many relationships the graph holds."""
    return driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]


def measure_extraction(articles: list) -> dict:
    """Words per CPU second of the whole extraction (NLP, rules, linking, events)."""
    from kg.extraction.pipeline import Extractor

    extractor = Extractor()
    extractor.document(articles[0])  # load the pipeline outside the measurement
    words = sum(len(a.text.split()) for a in articles)
    cpu = time.process_time()
    documents = [extractor.document(a) for a in articles]
    cpu = time.process_time() - cpu
    return {"documents": documents, "words": words, "words_per_sec_per_core": words / cpu}


def measure_writer(driver, documents: list, batch_size: int) -> dict:
    """Relationships per second written by kg's writer, batch by batch.

    The first batch is a warm-up, not timed: it includes Neo4j compiling each statement's
    plan once, which a long load pays once too.
    """
    from kg.graph.writer import GraphWriter
    from kg.loading import batched

    wipe(driver)
    writer = GraphWriter(driver)
    writer.ensure_schema()
    warm_up, *batches = list(batched(documents, batch_size))
    writer.write(warm_up)
    before = relationship_count(driver)
    start = time.perf_counter()
    for batch in batches:
        writer.write(batch)
    seconds = time.perf_counter() - start
    return {"rels": relationship_count(driver) - before, "seconds": seconds}


NAIVE_STATEMENTS = {
    "article": "MERGE (a:Article {id: $id}) SET a.title = $title",
    "sentence": "MATCH (a:Article {id: $article}) MERGE (s:Sentence {id: $id}) "
    "SET s.text = $text MERGE (a)-[:HAS_SENTENCE]->(s)",
    "entity": "MERGE (e:Entity {id: $id}) SET e.name = $name",
    "mention": "MATCH (s:Sentence {id: $sentence}) MATCH (e:Entity {id: $entity}) "
    "MERGE (s)-[:MENTIONS {start: $start}]->(e)",
}


def measure_naive(driver, documents: list) -> dict:
    """The baseline: one auto-committed MERGE per statement, as a simple loader would do.

    The first document is a warm-up, as for the writer.
    """
    from kg.ids import sentence_id

    def write(session, document) -> None:
        article = document.article.id
        session.run(NAIVE_STATEMENTS["article"], id=article, title=document.article.title)
        for sentence in document.sentences:
            session.run(
                NAIVE_STATEMENTS["sentence"],
                article=article,
                id=sentence_id(article, sentence.idx),
                text=sentence.text,
            ).consume()
        for entity in document.entities:
            session.run(NAIVE_STATEMENTS["entity"], id=entity.id, name=entity.name).consume()
            for mention in entity.mentions:
                session.run(
                    NAIVE_STATEMENTS["mention"],
                    sentence=sentence_id(article, mention.sentence),
                    entity=entity.id,
                    start=mention.start,
                ).consume()

    wipe(driver)
    with driver.session() as session:
        write(session, documents[0])
        before = relationship_count(driver)
        start = time.perf_counter()
        for document in documents[1:]:
            write(session, document)
        seconds = time.perf_counter() - start
    return {"rels": relationship_count(driver) - before, "seconds": seconds}


def measure_load(driver, corpus: Path, batch_size: int, workers: int) -> dict:
    """`kg load` end to end on an empty graph, then again on the unchanged corpus."""
    from kg.loading import load_paths

    wipe(driver)
    start = time.perf_counter()
    first = load_paths([corpus], driver, batch_size=batch_size, workers=workers)
    first_seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = load_paths([corpus], driver, batch_size=batch_size, workers=workers)
    again_seconds = time.perf_counter() - start
    assert len(again.unchanged) == len(first.written), "the re-load re-wrote articles"
    return {
        "articles": len(first.written),
        "first_seconds": first_seconds,
        "reload_seconds": again_seconds,
        "rels": relationship_count(driver),
    }


def run(articles: int, batch_size: int, workers: int) -> dict:
    """Every measurement on a corpus of `articles` synthetic articles."""
    from synthetic import write_jsonl

    from kg.connection import open_driver, resolve_settings
    from kg.ingest import iter_articles

    settings = resolve_settings()
    with tempfile.TemporaryDirectory() as folder, open_driver(settings) as driver:
        corpus = write_jsonl(Path(folder) / "corpus.jsonl", articles, seed=1)
        parsed = [a for a in iter_articles([corpus]) if not hasattr(a, "reason")]
        extraction = measure_extraction(parsed)
        documents = extraction.pop("documents")
        writer = measure_writer(driver, documents, batch_size)
        naive = measure_naive(driver, documents[: max(1, int(len(documents) * NAIVE_SHARE))])
        load = measure_load(driver, corpus, batch_size, workers)
    load_rate = writer["rels"] / writer["seconds"]
    naive_rate = naive["rels"] / naive["seconds"]
    return {
        "articles": articles,
        "words": extraction["words"],
        "extract_words_per_sec_per_core": round(extraction["words_per_sec_per_core"]),
        "load_rels_per_sec": round(load_rate),
        "naive_rels_per_sec": round(naive_rate),
        "writer_vs_naive": round(load_rate / naive_rate, 1),
        "load_seconds": round(load["first_seconds"], 2),
        "reload_seconds": round(load["reload_seconds"], 2),
        "reload_fraction": round(load["reload_seconds"] / load["first_seconds"], 4),
        "peak_rss_mb": round(peak_rss_mb()),
        "workers": workers,
    }


def curve(sizes: list[int], workers: int, plot: Path, real: bool = False) -> list[dict]:
    """`kg load` of corpora of each size into an empty graph: time and the loader's memory.

    Each load is the real command in its own process, so its peak memory is its own. The
    corpora are synthetic, or with `real` deduplicated ANT articles (`ant_corpus.py`).
    """
    from ant_corpus import write_corpus
    from synthetic import write_jsonl

    from kg.connection import open_driver, resolve_settings

    settings = resolve_settings()
    env = server_env(settings)
    rows = []
    with tempfile.TemporaryDirectory() as folder, open_driver(settings) as driver:
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            if real:
                write_corpus(corpus, size)
            else:
                write_jsonl(corpus, size, seed=1)
            wipe(driver)
            command = [sys.executable, "-m", "kg.cli", "load", str(corpus)]
            start = time.perf_counter()
            child = subprocess.run(
                [*command, "--workers", str(workers)], env=env, capture_output=True, text=True
            )
            seconds = time.perf_counter() - start
            if child.returncode != 0:
                raise SystemExit(f"kg load failed on {size} articles: {child.stderr.strip()}")
            rows.append(
                {
                    "articles": size,
                    "seconds": round(seconds, 1),
                    "articles_per_sec": round(size / seconds, 1),
                    "peak_rss_mb": round(_child_peak_rss_mb()),
                    "relationships": relationship_count(driver),
                }
            )
    if len(rows) > 1:  # one size is a row, not a curve
        _plot(rows, plot)
    return rows


def _child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in rows]
    figure, time_axis = plt.subplots(figsize=(6, 3.5))
    time_axis.plot(sizes, [r["seconds"] for r in rows], "o-", color="tab:blue")
    time_axis.set_xlabel("articles")
    time_axis.set_ylabel("kg load, seconds", color="tab:blue")
    memory_axis = time_axis.twinx()
    memory_axis.plot(sizes, [r["peak_rss_mb"] for r in rows], "s--", color="tab:red")
    memory_axis.set_ylabel("peak memory, MiB", color="tab:red")
    memory_axis.set_ylim(bottom=0)
    figure.tight_layout()
    figure.savefig(path, dpi=120)


def report(result: dict) -> None:
    """The figures, and each against its target."""
    checks = [
        (
            "extraction words/s per core",
            result["extract_words_per_sec_per_core"],
            ">= 5000",
            result["extract_words_per_sec_per_core"] >= 5000,
        ),
        ("writer rels/s", result["load_rels_per_sec"], "", True),
        ("naive rels/s", result["naive_rels_per_sec"], "", True),
        ("writer / naive", result["writer_vs_naive"], ">= 10", result["writer_vs_naive"] >= 10),
        (
            "re-load / first load",
            result["reload_fraction"],
            "< 0.05",
            result["reload_fraction"] < 0.05,
        ),
        ("first load seconds", result["load_seconds"], "", True),
        ("peak RSS MiB", result["peak_rss_mb"], "", True),
    ]
    print(f"{result['articles']} articles, {result['words']} words, {result['workers']} worker(s)")
    for name, value, target, ok in checks:
        verdict = "" if not target else ("  ok" if ok else "  MISSED")
        print(f"  {name:30} {value:>12} {target:>8}{verdict}")


def extraction_only(articles: int) -> int:
    """Print the extraction's words per second per core on the synthetic corpus."""
    from synthetic import write_jsonl

    from kg.ingest import iter_articles

    with tempfile.TemporaryDirectory() as folder:
        corpus = write_jsonl(Path(folder) / "corpus.jsonl", articles, seed=1)
        parsed = [a for a in iter_articles([corpus]) if not hasattr(a, "reason")]
        result = measure_extraction(parsed)
    print(
        f"extraction: {result['words']:,} words of {articles} articles, "
        f"{result['words_per_sec_per_core']:,.0f} words per second per core"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark (or the scale curve) and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--uri", help="benchmark this server (its database is wiped)")
    parser.add_argument("--curve", help="comma-separated sizes: print the scale curve")
    parser.add_argument(
        "--real", action="store_true", help="the curve on real news (ANT) instead of synthetic"
    )
    parser.add_argument(
        "--extraction-only",
        action="store_true",
        help="measure extraction words per second per core only (no Neo4j needed)",
    )
    args = parser.parse_args(argv)
    if args.extraction_only:
        return extraction_only(QUICK_ARTICLES if args.quick else args.articles)
    if args.uri:
        os.environ["NEO4J_URI"] = args.uri
    else:
        for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
            os.environ.pop(name, None)
        _use_bench_server()
    from kg import neo4j_server

    started = not args.uri and neo4j_server.running_pid() is None
    try:
        if args.curve:
            sizes = [int(n) for n in args.curve.split(",")]
            plot = Path(__file__).with_name("scale_real.png" if args.real else "scale.png")
            rows = curve(sizes, args.workers, plot, real=args.real)
            print("| articles | seconds | articles/s | peak MiB | relationships |")
            print("| --- | --- | --- | --- | --- |")
            for row in rows:
                print("| " + " | ".join(str(v) for v in row.values()) + " |")
            result: dict | list = rows
        else:
            result = run(
                QUICK_ARTICLES if args.quick else args.articles, args.batch_size, args.workers
            )
            report(result)
    finally:
        if started:
            neo4j_server.stop()
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
