"""The write phase on real news: `kg load` against `kg import` of the same extraction output.

    python benchmarks/write_phase.py [--articles 10000] [--workers 2] [--json]

Writes `articles` deduplicated ANT articles (`ant_corpus.py`) to a temporary folder, extracts
them once with `kg extract --workers N` (timed: the extraction phase), then writes that output
into an empty database twice, each command in its own process: `kg load OUT.jsonl` (batched
transactions, no NLP) and `kg import OUT.jsonl` (neo4j-admin's bulk import, stopping and
starting the server). Prints each phase's seconds and peak memory and the ratio of the two
writes, measured in this one run. Like `run.py` it runs its own local server
(`.bench-neo4j/`, ports 7689/7476) and wipes it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ant_corpus import write_corpus
from run import _use_bench_server, relationship_count, server_env, wipe

# Runs a command and reports its peak memory: the largest resident set among the processes
# it waited for (the command, and its worker processes).
_PEAK = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def timed(command: list[str], env: dict[str, str]) -> dict:
    """Run one kg command in its own process: its seconds and peak memory (MiB)."""
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:4])} failed: {child.stderr.strip()}")
    peak_kib = int(child.stderr.strip().splitlines()[-1])
    return {"seconds": round(seconds, 1), "peak_mib": round(peak_kib / 1024)}


def main(argv: list[str] | None = None) -> int:
    """Command line: extract once, write twice, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args(argv)
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(name, None)
    _use_bench_server()
    from kg import neo4j_server
    from kg.connection import open_driver, resolve_settings

    kg = [sys.executable, "-m", "kg.cli"]
    started = neo4j_server.running_pid() is None
    result: dict = {"articles": args.articles}
    try:
        with tempfile.TemporaryDirectory() as folder:
            corpus, extracted = Path(folder) / "corpus.jsonl", Path(folder) / "extracted.jsonl"
            result["words"] = write_corpus(corpus, args.articles)
            extract = ["extract", str(corpus), "-o", str(extracted), "--workers", str(args.workers)]
            result["extract"] = timed([*kg, *extract], dict(os.environ))
            print(f"kg extract: {result['extract']}", flush=True)
            neo4j_server.start()
            settings = resolve_settings()
            env = server_env(settings)
            with open_driver(settings) as driver:
                wipe(driver)
            result["load"] = timed([*kg, "load", str(extracted)], env)
            print(f"kg load: {result['load']}", flush=True)
            with open_driver(settings) as driver:
                result["relationships"] = relationship_count(driver)
                wipe(driver)
            # kg import writes into the local server's files: it is named by KG_NEO4J_HOME and
            # its ports, never by NEO4J_URI (which kg import refuses).
            result["import"] = timed([*kg, "import", str(extracted)], dict(os.environ))
            print(f"kg import: {result['import']}", flush=True)
            with open_driver(settings) as driver:
                imported = relationship_count(driver)
            if imported != result["relationships"]:
                loaded = result["relationships"]
                raise SystemExit(f"kg import wrote {imported} relationships, kg load {loaded}")
    finally:
        if started:
            neo4j_server.stop()
    ratio = result["load"]["seconds"] / result["import"]["seconds"]
    result["load_over_import"] = round(ratio, 2)
    print(
        f"{args.articles:,} articles ({result['words']:,} words), "
        f"{result['relationships']:,} relationships: kg extract --workers {args.workers} "
        f"{result['extract']['seconds']} s; kg load {result['load']['seconds']} s "
        f"(peak {result['load']['peak_mib']} MiB); kg import {result['import']['seconds']} s; "
        f"load / import {ratio:.2f}"
    )
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
