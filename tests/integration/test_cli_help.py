"""Every command's `--help`, as a user sees it, shows each option's whole help text.

Typer renders help with rich, which reads square brackets as markup and silently drops them
with their contents (`[env: NEO4J_URI]` vanished from `kg load --help` that way).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from kg.cli import _register, app

_register()
ROOT = typer.main.get_command(app)


def _commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's name path (Typer's command objects: a group has `commands`)."""
    if not hasattr(group, "commands"):
        return [path]
    found = [path] if path else []
    for name, command in group.commands.items():
        found += _commands(command, (*path, name))
    return found


def _command(path: tuple[str, ...]) -> Any:
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


def _flat(text: str) -> str:
    """Help text with rich's box drawing and line wrapping taken out."""
    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", text)).strip()


COMMANDS = _commands(ROOT)


def test_every_command_group_is_covered() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"load", "extract", "stats", "query", "export", "train", "ner tag", "neo4j env"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_shows_every_option_text_whole(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="kg", env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    shown = _flat(result.output)
    for parameter in _command(path).params:
        help_text = getattr(parameter, "help", None)
        if help_text:
            assert _flat(help_text) in shown, f"{parameter.name}: {help_text!r} not in help"
