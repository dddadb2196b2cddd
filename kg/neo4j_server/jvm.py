"""Finding Java and building the JVM command line that runs Neo4j."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from kg.errors import KgError

MIN_JAVA = 17

# Heap and page cache for a 2-core / 24 GiB machine shared with the rest of the pipeline.
HEAP_INITIAL = "1g"
HEAP_MAX = "2g"
PAGECACHE = "512m"

# The flags of Neo4j 5.26's default `server.jvm.additional` (what `bin/neo4j` would pass).
_NEO4J_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]

SHELL_MAIN = "org.neo4j.shell.Main"
SERVER_MAIN = "org.neo4j.server.CommunityEntryPoint"
ADMIN_MAIN = "org.neo4j.server.startup.Neo4jAdminCommand"

_JAVA_MISSING = (
    "Java 17 is needed to run the local Neo4j server: install OpenJDK 17 "
    "(apt-get install openjdk-17-jre-headless), or set NEO4J_URI to your own Neo4j"
)


def find_java() -> str:
    """The ``java`` executable (``$JAVA_HOME/bin/java`` first), checked to be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if not java:
        raise KgError(_JAVA_MISSING)
    major = java_major_version(java)
    if major is None:
        raise KgError(f"{java} did not report a Java version. {_JAVA_MISSING}")
    if major < MIN_JAVA:
        raise KgError(f"{java} is Java {major}, too old. {_JAVA_MISSING}")
    return java


def java_major_version(java: str) -> int | None:
    """The major version ``java -version`` reports (8 for "1.8.0_x"), or None if it says none."""
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def classpath(lib: Path) -> str:
    """Every jar of ``lib`` (java expands the wildcard itself)."""
    return str(lib / "*")


def server_command(java: str, home: Path, conf_dir: Path, lib: Path) -> list[str]:
    """The command that runs the server in the foreground, in one JVM (no bootloader fork)."""
    return [
        java,
        f"-Xms{HEAP_INITIAL}",
        f"-Xmx{HEAP_MAX}",
        *_NEO4J_JVM_FLAGS,
        "-cp",
        classpath(lib),
        SERVER_MAIN,
        f"--home-dir={home}",
        f"--config-dir={conf_dir}",
        "--console-mode",
    ]


def shell_command(java: str, lib: Path, args: list[str]) -> list[str]:
    """The command that runs cypher-shell with ``args``."""
    return [
        java,
        "-Xmx512m",
        "-Dfile.encoding=UTF-8",
        "-Dstdout.encoding=UTF-8",
        "--enable-native-access=ALL-UNNAMED",
        "-cp",
        classpath(lib),
        SHELL_MAIN,
        *args,
    ]


def neo4j_env(home: Path, conf_dir: Path) -> dict[str, str]:
    """Our environment plus NEO4J_HOME/NEO4J_CONF (the admin tool needs them: without them it
    guesses the home from the working directory and fails)."""
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(home)
    env["NEO4J_CONF"] = str(conf_dir)
    return env
