"""The last lines of a log file, for error messages that point at it."""

from __future__ import annotations

from pathlib import Path


def last_lines(path: Path, count: int) -> list[str]:
    """The last ``count`` non-blank lines of ``path``, Java stack frames left out."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return []
    kept = [line.strip() for line in lines if line.strip()]
    return [line for line in kept if not line.startswith(("at ", "..."))][-count:]


def tail_summary(path: Path, count: int = 4) -> str:
    """The last lines of ``path`` joined into one line (for one-line error messages)."""
    lines = last_lines(path, count)
    return " | ".join(lines) if lines else "(the log is empty)"
