"""``<home>/conf/neo4j.conf``: written by kg on every start, read back for the ports in use.

Only Neo4j 5.x setting names: the server validates strictly and refuses unknown names.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError
from kg.neo4j_server import jvm
from kg.neo4j_server.layout import HOST, Layout

_HEADER = """\
# Written by kg on every `kg neo4j start`: edits here are overwritten.
# Ports come from KG_NEO4J_BOLT_PORT / KG_NEO4J_HTTP_PORT (defaults 7687 / 7474), further
# settings from KG_NEO4J_SETTINGS (`name=value;name=value`).
"""


def extra_settings() -> dict[str, str]:
    """The settings `$KG_NEO4J_SETTINGS` adds or overrides: `name=value` pairs separated by
    `;` (e.g. `db.tx_log.rotation.size=1M`)."""
    settings = {}
    for pair in os.environ.get("KG_NEO4J_SETTINGS", "").split(";"):
        if not pair.strip():
            continue
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise KgError(f"KG_NEO4J_SETTINGS: {pair.strip()!r} is not name=value")
        settings[name.strip()] = value.strip()
    return settings


def render(layout: Layout, bolt_port: int, http_port: int) -> str:
    """The text of neo4j.conf for this home and these ports."""
    settings = {
        # Reachable from this machine only.
        "server.default_listen_address": HOST,
        "server.default_advertised_address": HOST,
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"{HOST}:{bolt_port}",
        "server.bolt.advertised_address": f"{HOST}:{bolt_port}",
        "server.http.enabled": "true",
        "server.http.listen_address": f"{HOST}:{http_port}",
        "server.http.advertised_address": f"{HOST}:{http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.directories.data": layout.data.as_posix(),
        "server.directories.logs": layout.logs.as_posix(),
        "server.directories.run": layout.run.as_posix(),
        "server.directories.import": layout.import_dir.as_posix(),
        "server.directories.plugins": layout.plugins.as_posix(),
        # The JVM gets -Xms/-Xmx from jvm.py; these mirror them so SHOW SETTINGS tells the truth.
        "server.memory.heap.initial_size": jvm.HEAP_INITIAL,
        "server.memory.heap.max_size": jvm.HEAP_MAX,
        # Set explicitly: the default would claim about half of the machine's memory.
        "server.memory.pagecache.size": jvm.PAGECACHE,
        "dbms.usage_report.enabled": "false",
        # Bolt's event loops otherwise wait a 5 s quiet period each on shutdown (stop: 12 s -> 2 s).
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "1",
    } | extra_settings()
    return _HEADER + "".join(f"{name}={value}\n" for name, value in settings.items())


def write(layout: Layout, bolt_port: int, http_port: int) -> None:
    """Write neo4j.conf for this home and these ports."""
    layout.conf_dir.mkdir(parents=True, exist_ok=True)
    layout.conf_file.write_text(render(layout, bolt_port, http_port))


def read_settings(conf_file: Path) -> dict[str, str]:
    """The ``name=value`` settings of a neo4j.conf (empty if it does not exist)."""
    try:
        text = conf_file.read_text()
    except FileNotFoundError:
        return {}
    settings: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            settings[name.strip()] = value.strip()
    return settings


def configured_ports(conf_file: Path) -> tuple[int, int] | None:
    """The (Bolt, HTTP) ports a written neo4j.conf uses, or None if there is no usable conf."""
    settings = read_settings(conf_file)
    try:
        bolt = int(settings["server.bolt.listen_address"].rpartition(":")[2])
        http = int(settings["server.http.listen_address"].rpartition(":")[2])
    except (KeyError, ValueError):
        return None
    return bolt, http
