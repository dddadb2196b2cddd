"""Asking a running server things over the network (loopback only): Bolt, version, Browser."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import neo4j
from neo4j.exceptions import DriverError, Neo4jError


def bolt_version(uri: str, auth: tuple[str, str], timeout: float = 5.0) -> str | None:
    """The Neo4j version (``CALL dbms.components()``) if Bolt answers, else None.

    Raises ``neo4j.exceptions.AuthError`` when the server answers but refuses ``auth``.
    """
    driver = neo4j.GraphDatabase.driver(
        uri, auth=auth, connection_timeout=timeout, max_connection_lifetime=60
    )
    try:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
            database_="system",
        )
        return str(records[0]["version"]) if records else None
    except neo4j.exceptions.AuthError:
        raise
    except (DriverError, Neo4jError, OSError):
        return None
    finally:
        driver.close()


def browser_serves(http_url: str, timeout: float = 5.0) -> bool:
    """Whether Neo4j Browser's page answers at ``<http_url>/browser/``."""
    try:
        with urllib.request.urlopen(f"{http_url}/browser/", timeout=timeout) as response:
            return response.status == 200 and b"Neo4j Browser" in response.read(65536)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_in_use(host: str, port: int) -> bool:
    """Whether something accepts TCP connections on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def http_answers(http_url: str, timeout: float = 5.0) -> bool:
    """Whether Neo4j's HTTP discovery endpoint answers at ``<http_url>/``."""
    try:
        with urllib.request.urlopen(f"{http_url}/", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False
