"""Spark extraction against single-process extraction, on the same real news, in one run.

    python benchmarks/spark_extract.py [--count 2000] [--master 'local[2]'] [--json]

Writes `--count` deduplicated ANT articles (`benchmarks/ant_corpus.py`) to a temporary
folder, then runs the real command line on them twice, one after the other on a quiet
machine: `kg extract` (one process) and `kg extract --engine spark --master MASTER`. It
checks that the two outputs are identical, byte for byte, and prints both times, the ratio
(target 1.7 on 2 cores with `local[2]`) and each command's fixed cost (the same two commands
on one article: Python, spaCy, the pipeline, and for Spark its JVM and executors), so that
the ratio on the remaining, per-article work is shown too.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ant_corpus import write_corpus

KG = [sys.executable, "-m", "kg.cli"]


def timed_extract(corpus: Path, output: Path, spark_master: str | None) -> float:
    """Seconds that one `kg extract` of `corpus` into `output` takes."""
    engine = ["--engine", "spark", "--master", spark_master] if spark_master else []
    started = time.perf_counter()
    subprocess.run([*KG, "extract", *engine, str(corpus), "-o", str(output)], check=True)
    return time.perf_counter() - started


def main() -> None:
    """Command line: run both extractions and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        words = write_corpus(work / "corpus.jsonl", args.count)
        (work / "one.jsonl").write_text(
            (work / "corpus.jsonl").read_text("utf-8").split("\n", 1)[0] + "\n", "utf-8"
        )
        fixed_local = timed_extract(work / "one.jsonl", work / "one-local.jsonl", None)
        fixed_spark = timed_extract(work / "one.jsonl", work / "one-spark.jsonl", args.master)
        local = timed_extract(work / "corpus.jsonl", work / "local.jsonl", None)
        spark = timed_extract(work / "corpus.jsonl", work / "spark.jsonl", args.master)
        identical = (work / "local.jsonl").read_bytes() == (work / "spark.jsonl").read_bytes()
    result = {
        "articles": args.count,
        "words": words,
        "master": args.master,
        "local_seconds": round(local, 1),
        "spark_seconds": round(spark, 1),
        "ratio": round(local / spark, 2),
        "local_fixed_seconds": round(fixed_local, 1),
        "spark_fixed_seconds": round(fixed_spark, 1),
        "ratio_without_fixed_costs": round((local - fixed_local) / (spark - fixed_spark), 2),
        "identical_output": identical,
    }
    print(
        f"{args.count} articles, {words:,} words\n"
        f"  kg extract                        {local:7.1f} s ({words / local:,.0f} w/s)\n"
        f"  kg extract --engine spark {args.master:8}{spark:7.1f} s ({words / spark:,.0f} w/s)\n"
        f"  ratio {result['ratio']} (target 1.7); without the fixed costs "
        f"({fixed_local:.1f} s and {fixed_spark:.1f} s) {result['ratio_without_fixed_costs']}\n"
        f"  identical output: {identical}"
    )
    if args.json:
        print(json.dumps(result))
    if not identical:
        sys.exit("the two extractions differ")


if __name__ == "__main__":
    main()
