"""Analysing articles as an Apache Spark job: `kg extract --engine spark`.

The driver reads the input with kg's own readers (so ids, duplicates and read failures are
those of a local run) and sends the articles to the executors a window at a time. Each
partition is analysed by one pipeline, built once in each executor's Python process and kept
for the partitions that follow; the analyses come back in input order, for the resolution,
which has to see the articles one after the other and so stays on the driver. Two windows
are in flight at once, so executors never wait for the driver or for a window's last
partition.

Executors import kg: in a `local[...]` master they run the driver's own Python; on a cluster
they need kg installed, or the packed environment the README's "Beyond one machine" names.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError, first_line
from kg.extraction.analyse import Analyser
from kg.records import Article, ArticleAnalysis

if TYPE_CHECKING:
    from pyspark import SparkConf, SparkContext

DEFAULT_MASTER = "local[*]"
ARTICLES_PER_PARTITION = 16
PARTITIONS_PER_CORE = 4
WINDOWS_IN_FLIGHT = 2
INSTALL_HINT = "kg extract --engine spark needs PySpark: pip install 'kg[spark]'"

LOG_CONFIG = Path(__file__).with_name("spark_log4j2.properties")
# In a local master the JVM only passes articles between Python processes: its quick compiler
# and one garbage-collector thread leave the cores to them (about 6% faster on 2 cores).
LOCAL_JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]

_executor_analyser: Analyser | None = None


def analyse_partition(articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
    """The analyses of one partition's articles, in order, by this process's pipeline.

    Runs on the executors; the pipeline is built by the first partition a Python worker
    takes and reused by the next ones (Spark reuses its Python workers).
    """
    global _executor_analyser
    if _executor_analyser is None:
        _executor_analyser = Analyser()
    analyser = _executor_analyser
    for article in articles:
        yield analyser.analyse(article)


_PYTHON_ERROR = re.compile(r"^(\w+(?:Error|Exception)): (.+)$", re.MULTILINE)


def _job_failure(error: BaseException) -> str:
    """What went wrong in a failed job: the executor's Python error where there is one
    (Spark wraps it in a Java stack trace), else the first line of Spark's message."""
    found = _PYTHON_ERROR.findall(str(error))
    if not found:
        return first_line(error)
    name, message = found[-1]
    if name == "ModuleNotFoundError" and "'kg'" in message:
        return f"{message} on the executors: install kg there (README, Beyond one machine)"
    return f"{name}: {message}"


_MASTER_URL = re.compile(
    r"local(\[(\d+|\*)(,\d+)?\])?|local-cluster\[[\d, ]+\]|yarn|spark://\S+|k8s://\S+"
)


def check_master(master: str) -> None:
    """Raise `KgError` unless `master` has the form of a Spark master URL."""
    if not _MASTER_URL.fullmatch(master):
        raise KgError(
            f"not a Spark master URL: {master!r} (local, local[N], local[*], "
            "spark://HOST:PORT, yarn, k8s://https://HOST:PORT)"
        )


def spark_log() -> Path:
    """Where Spark's own log goes when kg starts Spark (not under `spark-submit`)."""
    return Path(tempfile.gettempdir()) / f"kg-spark-{os.getpid()}.log"


def _spark_message(log: Path) -> str:
    """The reason Spark gives in its log for failing to start (its first exception)."""
    text = log.read_text("utf-8", errors="replace") if log.exists() else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("WARNING: Using incubator")]
    for line in lines:
        if "Exception" in line or "Error" in line:
            return line.split(": ", 1)[-1].strip()
    return lines[0] if lines else "Spark exited before it started"


def _launch_jvm(conf: SparkConf, log: Path) -> None:
    """Start Spark's JVM for this process, its own output going to `log` (so that the
    user reads kg's messages), unless one is running already."""
    from pyspark import SparkContext
    from pyspark.java_gateway import launch_gateway

    if SparkContext._gateway is not None:  # one JVM a process; a second context reuses it
        return
    with log.open("ab") as stream:
        try:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": stream, "stderr": stream})
        except Exception:  # pyspark's "Java gateway process exited": the reason is the log's
            raise KgError(f"cannot start Spark: {_spark_message(log)} (log: {log})") from None
    SparkContext._gateway = gateway
    SparkContext._jvm = gateway.jvm


@contextmanager
def spark_context(master: str | None = None) -> Iterator[SparkContext]:
    """A Spark context for kg's job, stopped at the end.

    `master` is a Spark master URL; without one, the master `spark-submit` was given, else
    `local[*]` (every core of this machine). A local master runs the executors' Python as
    this interpreter, so that they import the same kg. Started here, Spark writes its own
    log to a file in the temporary folder, which failures name.
    """
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        raise KgError(INSTALL_HINT) from None
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    conf = SparkConf().setAppName("kg extract")
    if master or not under_submit:
        conf.setMaster(master or DEFAULT_MASTER)
    chosen = conf.get("spark.master", "") or ""
    if chosen:
        check_master(chosen)
    log = spark_log()
    if not under_submit:
        java_options = [f"-Dlog4j2.configurationFile={LOG_CONFIG}"]
        if chosen.startswith("local"):
            java_options += LOCAL_JVM_OPTIONS
        conf.set("spark.driver.extraJavaOptions", " ".join(java_options))
        _launch_jvm(conf, log)
    conf.set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    # PySpark takes the executors' Python from PYSPARK_PYTHON when the context is made.
    given_python = os.environ.get("PYSPARK_PYTHON")
    if chosen.startswith("local") and given_python is None:
        os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        context = SparkContext.getOrCreate(conf)
    except Exception as error:  # py4j and pyspark raise many kinds; all mean "no Spark"
        where = f" with master {chosen}" if chosen else ""
        raise KgError(f"cannot start Spark{where}: {first_line(error)} (log: {log})") from None
    finally:
        if given_python is None:
            os.environ.pop("PYSPARK_PYTHON", None)
    context.setLogLevel("ERROR")
    try:
        yield context
    finally:
        context.stop()
    log.unlink(missing_ok=True)  # kept, and named, only when something failed


def analyse_on_spark(
    articles: Iterable[Article], context: SparkContext
) -> Iterator[ArticleAnalysis]:
    """Analyses of `articles`, in order, computed by the executors of `context`.

    Memory stays flat: the driver holds at most `WINDOWS_IN_FLIGHT` windows of articles and
    their analyses.
    """
    partitions = max(1, context.defaultParallelism) * PARTITIONS_PER_CORE
    window_size = partitions * ARTICLES_PER_PARTITION

    def analyse_window(window: list[Article]) -> list[ArticleAnalysis]:
        rdd = context.parallelize(window, min(partitions, len(window)))
        try:
            return rdd.mapPartitions(analyse_partition).collect()
        except Exception as error:  # a failed Spark job comes back as a Py4J error
            log = spark_log()
            where = f" (Spark's log: {log})" if log.exists() else ""
            raise KgError(f"the Spark job failed: {_job_failure(error)}{where}") from None

    iterator = iter(articles)
    pending: deque[Future[list[ArticleAnalysis]]] = deque()
    with ThreadPoolExecutor(WINDOWS_IN_FLIGHT) as jobs:
        try:
            while True:
                while len(pending) < WINDOWS_IN_FLIGHT and (
                    window := list(islice(iterator, window_size))
                ):
                    pending.append(jobs.submit(analyse_window, window))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for job in pending:
                job.cancel()
