"""Run the real `kg` command line in a subprocess, as a user would, and where the seeds are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.connection import ConnectionSettings
from kg.ingest.identity import file_article_id

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_IDS = [file_article_id(path) for path in SEED_FILES]
"""The seeds' article ids (`000_1b65feb3fe5d18da-<digest of the path>`, ...), in order."""


def settings_env(settings: ConnectionSettings) -> dict[str, str]:
    """The environment that points `kg` at the test server."""
    env = dict(os.environ)
    env.update(NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username)
    env["NEO4J_PASSWORD"] = settings.password
    if settings.database:
        env["NEO4J_DATABASE"] = settings.database
    return env


def run_kg(*args: str, env: dict[str, str] | None = None, cwd: str | None = None):
    """Run `kg ARGS...` and return the completed process (text mode, output captured)."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
        check=False,
    )
