"""The Spark engine's messages (`kg.extraction.analyse.spark`), without starting Spark."""

from __future__ import annotations

import sys

import pytest

from kg.errors import KgError
from kg.extraction.analyse import spark

JAVA_WRAPPED = """An error occurred while calling z:PythonRDD.collectAndServe.
: org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 0.0 failed
org.apache.spark.api.python.PythonException: Traceback (most recent call last):
  File "worker.py", line 4197, in invoke_udf
{error}
\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException(PythonRunner.scala:1097)
"""


def test_without_pyspark_the_message_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(KgError, match=r"pip install 'kg\[spark\]'"), spark.spark_context():
        pass


@pytest.mark.parametrize(
    ("python_error", "said"),
    [
        ("MemoryError: out of memory", "MemoryError: out of memory"),
        (
            "ModuleNotFoundError: No module named 'kg'",
            "No module named 'kg' on the executors: install kg there",
        ),
    ],
)
def test_a_failed_job_is_told_by_the_executor_error(python_error: str, said: str) -> None:
    message = spark._job_failure(RuntimeError(JAVA_WRAPPED.format(error=python_error)))
    assert message.startswith(said)


def test_a_failed_job_without_a_python_error_gives_sparks_first_line() -> None:
    error = RuntimeError("Job cancelled because SparkContext was shut down\n\tat somewhere")
    assert spark._job_failure(error) == "Job cancelled because SparkContext was shut down"
