"""`make notebook` serves the project's notebooks with JupyterLab, against the given graph."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.connection import ConnectionSettings
from tests.integration.cli import settings_env

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.loads(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_make_notebook_serves_the_analysis_notebook(neo4j_settings: ConnectionSettings) -> None:
    port, token = _free_port(), secrets.token_hex(8)
    args = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "notebook", f"JUPYTER_ARGS={args}"],
        cwd=ROOT,
        env=settings_env(neo4j_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        notebook, kernels = None, None
        deadline = time.monotonic() + 120
        while notebook is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(1)
            notebook = _get(f"http://127.0.0.1:{port}/api/contents/analysis.ipynb?token={token}")
        kernels = _get(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert notebook is not None, output
    assert notebook["type"] == "notebook"
    assert "kg.to_networkx()" in json.dumps(notebook["content"])
    assert kernels is not None and "python3" in kernels["kernelspecs"]
