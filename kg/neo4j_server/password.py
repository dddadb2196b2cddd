"""The ``neo4j`` user's password: generated once, kept in ``<home>/password`` (mode 0600), and
given to Neo4j with ``neo4j-admin dbms set-initial-password`` before the first start."""

from __future__ import annotations

import os
import secrets
import subprocess

from kg.errors import KgError
from kg.neo4j_server import jvm
from kg.neo4j_server.layout import Layout

USERNAME = "neo4j"


def read_password(layout: Layout) -> str | None:
    """The stored password, or None if this home has none yet."""
    try:
        return layout.password_file.read_text().strip() or None
    except FileNotFoundError:
        return None


def ensure_password(layout: Layout) -> str:
    """The stored password, generating and storing a random one (user-only file) if missing."""
    existing = read_password(layout)
    if existing:
        os.chmod(layout.password_file, 0o600)
        return existing
    password = secrets.token_urlsafe(24)
    layout.password_file.unlink(missing_ok=True)
    fd = os.open(layout.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    return password


def set_initial_password(java: str, layout: Layout, password: str) -> None:
    """Run Neo4j's admin tool to set the initial password (only effective before the first start).

    The arguments go through a java ``@argfile`` (user-only, deleted afterwards) so that the
    password never shows on a process listing. ``--`` ends the options, so that a password that
    starts with ``-`` (``token_urlsafe`` makes one about one time in 32) is not read as an option.
    """
    layout.run.mkdir(parents=True, exist_ok=True)
    argfile = layout.run / "set-initial-password.args"
    argfile.unlink(missing_ok=True)
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        for arg in (jvm.ADMIN_MAIN, "dbms", "set-initial-password", "--", password):
            handle.write(_argfile_quote(arg) + "\n")
    try:
        result = subprocess.run(
            [java, "-cp", jvm.classpath(layout.lib), f"@{argfile}"],
            env=jvm.neo4j_env(layout.home, layout.conf_dir),
            cwd=layout.home,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )
    finally:
        argfile.unlink(missing_ok=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise KgError(
            "could not set the initial Neo4j password "
            f"(neo4j-admin exit {result.returncode}): {detail[0] if detail else 'no output'}"
        )


def _argfile_quote(arg: str) -> str:
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
