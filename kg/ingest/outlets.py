"""The region's news outlets by web domain (`kg/data/outlets.json`): which outlet a URL is.

An article whose page names no outlet (no `og:site_name`, JSON-LD `publisher` or byline) gets
the outlet of its URL's domain, and failing that the domain itself (`example-news.com`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    """One outlet: its name as it calls itself, its domains and its knowledge-base id."""

    name: str
    domains: tuple[str, ...]
    kb: str | None = None


@cache
def outlets() -> tuple[Outlet, ...]:
    """The packaged outlets, in file order."""
    raw = json.loads((resources.files("kg") / "data" / "outlets.json").read_text("utf-8"))
    return tuple(
        Outlet(entry["name"], tuple(entry["domains"]), entry.get("kb")) for entry in raw["outlets"]
    )


@cache
def _by_domain() -> dict[str, Outlet]:
    return {domain: outlet for outlet in outlets() for domain in outlet.domains}


def url_host(url: str) -> str | None:
    """The host of `url` in lower case without `www.` (None when it has none)."""
    candidate = url if "//" in url else f"//{url}"
    try:
        host = urlsplit(candidate.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def outlet_for_url(url: str) -> str | None:
    """The name of the outlet that publishes at `url`: a known outlet of its domain (or of a
    domain above it: `ar.irna.ir` is `irna.ir`), else the domain itself; None without a host."""
    host = url_host(url)
    if host is None:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        outlet = _by_domain().get(".".join(labels[start:]))
        if outlet is not None:
            return outlet.name
    return host


def outlet_entity_ids() -> frozenset[str]:
    """The knowledge-base ids of the known outlets (to tell reporters from actors)."""
    return frozenset(outlet.kb for outlet in outlets() if outlet.kb)
