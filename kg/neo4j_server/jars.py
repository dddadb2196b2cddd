"""The Neo4j jars: pinned in a ``pom.xml`` beside this file, fetched once by Maven into a lib dir.

Two sets: the server's (``pom.xml``: Neo4j and Neo4j Browser) and cypher-shell's
(``cypher-shell.pom.xml``, kept apart because it needs other versions of shared libraries).
A stamp file ``<lib>/.kg-neo4j-version`` records the pinned versions a lib dir holds, so later
starts skip Maven entirely; a changed pin fetches a fresh lib dir and swaps it in whole.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.neo4j_server.logtail import last_lines

POM = Path(__file__).with_name("pom.xml")
SHELL_POM = Path(__file__).with_name("cypher-shell.pom.xml")
STAMP_NAME = ".kg-neo4j-version"
_NS = {"m": "http://maven.apache.org/POM/4.0.0"}

_MAVEN_MISSING = (
    "Maven is needed once to fetch the Neo4j jars for the local server: install it "
    "(apt-get install maven), or set NEO4J_URI to your own Neo4j"
)


@cache
def pinned_versions(pom: Path = POM) -> dict[str, str]:
    """The versions pinned in a pom's properties, Maven's own plugins left out:
    ``{"neo4j": "5.26.x", "neo4j-browser": "5.24.0"}`` for the server's."""
    props = ET.parse(pom).getroot().find("m:properties", _NS)
    if props is None:
        raise RuntimeError(f"{pom} has no <properties>")
    return {
        prop.tag.split("}")[-1].removesuffix(".version"): (prop.text or "").strip()
        for prop in props
        if prop.tag.endswith(".version") and not prop.tag.split("}")[-1].startswith("maven.")
    }


def neo4j_version() -> str:
    """The pinned Neo4j version."""
    return pinned_versions()["neo4j"]


def _stamp_text(pom: Path) -> str:
    return "".join(f"{name}={version}\n" for name, version in pinned_versions(pom).items())


def jars_ready(lib: Path, pom: Path = POM) -> bool:
    """Whether ``lib`` holds the jars of the versions ``pom`` pins."""
    stamp = lib / STAMP_NAME
    return stamp.is_file() and stamp.read_text() == _stamp_text(pom)


def fetch_jars(
    lib: Path,
    build_dir: Path,
    log_file: Path,
    on_step: Callable[[str], None],
    pom: Path = POM,
) -> None:
    """Fetch the runtime jars of the versions ``pom`` pins into ``lib`` with Maven (``~/.m2``
    caches them)."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise KgError(_MAVEN_MISSING)
    what = ", ".join(f"{name} {version}" for name, version in pinned_versions(pom).items())
    on_step(f"Fetching the jars of {what} with Maven (first time only)…")
    build_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pom, build_dir / "pom.xml")
    partial = lib.with_name(lib.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    command = [
        mvn,
        "-B",
        "-q",
        "-Dstyle.color=never",
        "-f",
        str(build_dir / "pom.xml"),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={partial}",
    ]
    with log_file.open("w") as log:
        result = subprocess.run(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, check=False
        )
    if result.returncode != 0 or not any(partial.glob("neo4j-*.jar")):
        shutil.rmtree(partial, ignore_errors=True)
        tail = " | ".join(last_lines(log_file, 3))
        raise KgError(
            f"Maven could not fetch the Neo4j jars (exit {result.returncode}); "
            f"see {log_file}: {tail}"
        )
    (partial / STAMP_NAME).write_text(_stamp_text(pom))
    old = lib.with_name(lib.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if lib.exists():
        lib.rename(old)
    partial.rename(lib)
    shutil.rmtree(old, ignore_errors=True)
