"""Where the local Neo4j server lives on disk, and which ports it uses.

Everything belongs to one per-user directory, the *home*:

- ``<home>/lib``: the Neo4j jars fetched by Maven (or ``$KG_NEO4J_LIB`` when set, so that a second
  home can reuse the jars of the first without another fetch);
- ``<home>/cypher-shell``: cypher-shell's jars, fetched by the first ``kg neo4j shell``;
- ``<home>/conf/neo4j.conf``: written by kg on every start;
- ``<home>/data``, ``logs``, ``run``, ``import``, ``plugins``: Neo4j's own directories;
- ``<home>/password``: the generated password of the ``neo4j`` user, mode 0600;
- ``<home>/run/kg-neo4j.pid``: the server's process id; ``<home>/logs/console.log``: its output.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
HOST = "127.0.0.1"


def server_home() -> Path:
    """The per-user directory of the local Neo4j server.

    ``$KG_NEO4J_HOME`` when set, otherwise ``$XDG_DATA_HOME/kg/neo4j`` (``~/.local/share/kg/neo4j``
    when ``XDG_DATA_HOME`` is unset or not absolute).
    """
    explicit = os.environ.get("KG_NEO4J_HOME")
    if explicit:
        return Path(explicit).expanduser().absolute()
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "kg" / "neo4j"


def _port_from_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        port = int(raw)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise KgError(f"{name}={raw!r} is not a TCP port: use a number from 1 to 65535")
    return port


def bolt_port() -> int:
    """The Bolt port for a new start: ``$KG_NEO4J_BOLT_PORT`` or 7687."""
    return _port_from_env("KG_NEO4J_BOLT_PORT", DEFAULT_BOLT_PORT)


def http_port() -> int:
    """The HTTP (and Neo4j Browser) port for a new start: ``$KG_NEO4J_HTTP_PORT`` or 7474."""
    return _port_from_env("KG_NEO4J_HTTP_PORT", DEFAULT_HTTP_PORT)


@dataclass(frozen=True)
class Layout:
    """The paths of one server home."""

    home: Path

    @classmethod
    def current(cls) -> Layout:
        """The layout of :func:`server_home`."""
        return cls(server_home())

    @property
    def lib(self) -> Path:
        """The jar directory: ``$KG_NEO4J_LIB`` when set, else ``<home>/lib``."""
        explicit = os.environ.get("KG_NEO4J_LIB")
        return Path(explicit).expanduser().absolute() if explicit else self.home / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def run(self) -> Path:
        return self.home / "run"

    @property
    def import_dir(self) -> Path:
        return self.home / "import"

    @property
    def plugins(self) -> Path:
        return self.home / "plugins"

    @property
    def build(self) -> Path:
        """Scratch directory for the Maven project that fetches the jars."""
        return self.home / "build"

    @property
    def shell_lib(self) -> Path:
        """cypher-shell's jars (``kg neo4j shell``), apart from the server's."""
        return self.home / "cypher-shell"

    @property
    def shell_build(self) -> Path:
        """Scratch directory for the Maven project that fetches cypher-shell."""
        return self.home / "build-cypher-shell"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.run / "kg-neo4j.pid"

    @property
    def lock_file(self) -> Path:
        return self.run / "kg-neo4j.lock"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    @property
    def system_database(self) -> Path:
        """Exists once the server has started at least once (the initial password is then fixed)."""
        return self.data / "databases" / "system"

    def make_dirs(self) -> None:
        """Create the home and Neo4j's directories (user-only: data and password live here)."""
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path in (self.conf_dir, self.data, self.logs, self.run, self.import_dir, self.plugins):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
