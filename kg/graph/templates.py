"""The Cypher templates of `cypher/`: their headers, their parameters, and typing user values.

A template is one `.cypher` file (shipped as package `kg.cypher`) that starts with a header of
`//` comment lines::

    // name: entity-profile
    // answers: Everything the graph holds about one entity ...
    //   (an indented `//` line continues the field above it)
    // param: entity string = "قاآني"  an id, an Arabic name or alias ...

Parameter types are `string`, `int`, `float`, `bool`, `list` (of strings) and
`choice(a|b|...)` (one of those strings). The default is a JSON value (a bare word is read as a
string). The query itself uses only `$name` parameters, so the file runs unchanged in Neo4j
Browser once the parameters are set with `:param`.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from kg.errors import KgError

NOT_TEMPLATES = frozenset({"schema.cypher"})
"""Cypher files of the package that are not query templates."""

_FIELD = re.compile(r"^//\s*(name|answers|param):\s*(.*)$")
_CONTINUATION = re.compile(r"^//\s{2,}(\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>string|int|float|bool|list|choice\([^)]*\))"
    r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|\[[^\]]*\]|\S+))?\s*(?P<help>.*)$"
)
_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})


@dataclass(frozen=True)
class Param:
    """One `$parameter` of a template, with its type, default and description."""

    name: str
    type: str
    default: Any
    help: str = ""
    choices: tuple[str, ...] = ()

    def convert(self, raw: str) -> Any:
        """The value of `raw` (command-line text) as this parameter's type; `ValueError` if not."""
        if self.type == "string":
            return raw
        if self.type == "int":
            return int(raw)
        if self.type == "float":
            return float(raw)
        if self.type == "bool":
            word = raw.strip().lower()
            if word in _TRUE | _FALSE:
                return word in _TRUE
            raise ValueError(raw)
        if self.type == "list":
            return _list_value(raw)
        if raw in self.choices:
            return raw
        raise ValueError(raw)

    @property
    def type_name(self) -> str:
        """The type as the header writes it."""
        return f"choice({'|'.join(self.choices)})" if self.choices else self.type


@dataclass(frozen=True)
class Template:
    """A Cypher query template: its name, the question it answers, its parameters and text."""

    name: str
    answers: str
    params: tuple[Param, ...]
    cypher: str = field(repr=False)

    def param(self, name: str) -> Param:
        """The parameter called `name` (`KgError` naming the known ones if there is none)."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise KgError(
            f"template {self.name!r} has no parameter {name!r}{_suggestion(name, self.names())}"
            f"; its parameters: {known}"
        )

    def entity_params(self) -> list[Param]:
        """The parameters that name an entity (looked up by id, name, alias or English name)."""
        return [p for p in self.params if f"e.id = ${p.name} " in self.cypher]

    def names(self) -> list[str]:
        """The parameter names, in header order."""
        return [p.name for p in self.params]

    def defaults(self) -> dict[str, Any]:
        """Every parameter with its default value."""
        return {p.name: p.default for p in self.params}

    def bind(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """The defaults overridden by `values` (already typed); unknown names raise `KgError`."""
        bound = self.defaults()
        for name, value in (values or {}).items():
            self.param(name)
            bound[name] = value
        return bound

    def browser_params(self) -> str:
        """The Neo4j Browser command that sets every parameter to its default."""
        pairs = ", ".join(
            f"{p.name}: {json.dumps(p.default, ensure_ascii=False)}" for p in self.params
        )
        return f":params {{{pairs}}}"


def parse_template(text: str, source: str = "<template>") -> Template:
    """The template in `text`: its header fields and the whole text as the query.

    Raises `KgError` when the header lacks a name or a parameter line is malformed.
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        continuation = _CONTINUATION.match(line)
        if continuation and last is not None:
            if last == "param":
                params[-1] = _extend_help(params[-1], continuation.group(1))
            else:
                fields[last] += " " + continuation.group(1)
            continue
        match = _FIELD.match(line)
        if not match:
            last = None
            continue
        key, value = match.groups()
        last = key
        if key == "param":
            params.append(_parse_param(value.strip(), source))
        else:
            fields[key] = value.strip()
    if not fields.get("name"):
        raise KgError(f"{source}: the header has no `// name:` line")
    return Template(fields["name"], fields.get("answers", ""), tuple(params), text)


def _extend_help(param: Param, more: str) -> Param:
    return Param(
        param.name, param.type, param.default, f"{param.help} {more}".strip(), param.choices
    )


def _parse_param(spec: str, source: str) -> Param:
    match = _PARAM.match(spec)
    if not match:
        raise KgError(f"{source}: cannot read the parameter line {spec!r}")
    name, type_, raw_default, help_ = match.group("name", "type", "default", "help")
    choices: tuple[str, ...] = ()
    if type_.startswith("choice("):
        choices = tuple(c.strip() for c in type_[len("choice(") : -1].split("|") if c.strip())
        type_ = "choice"
    param = Param(name, type_, None, help_.strip(), choices)
    if raw_default is None:
        return param
    try:
        default = json.loads(raw_default)
    except json.JSONDecodeError:
        default = param.convert(raw_default)
    return Param(name, type_, default, help_.strip(), choices)


def _list_value(raw: str) -> list[str]:
    text = raw.strip()
    if text.startswith("["):
        value = json.loads(text)
        if not isinstance(value, list):
            raise ValueError(raw)
        return value
    return [item.strip() for item in text.split(",") if item.strip()]


@cache
def templates() -> dict[str, Template]:
    """Every template shipped in `kg.cypher`, by name (sorted)."""
    found: dict[str, Template] = {}
    for entry in sorted(files("kg.cypher").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".cypher") or entry.name in NOT_TEMPLATES:
            continue
        template = parse_template(entry.read_text(encoding="utf-8"), entry.name)
        found[template.name] = template
    return found


def get_template(name: str) -> Template:
    """The template called `name`; `KgError` with the closest names when there is none."""
    known = templates()
    if name in known:
        return known[name]
    raise KgError(
        f"no template {name!r}{_suggestion(name, list(known))}; `kg query --list` shows them all"
    )


def parse_params(template: Template, pairs: list[str]) -> dict[str, Any]:
    """Typed parameter values from `k=v` strings, checked against `template`'s header.

    Raises `KgError` for a pair without `=`, an unknown name or a value of the wrong type.
    """
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise KgError(f"--param needs NAME=VALUE, got {pair!r}")
        param = template.param(name)
        try:
            values[name] = param.convert(raw)
        except (ValueError, json.JSONDecodeError):
            expected = f"one of {', '.join(param.choices)}" if param.choices else param.type
            raise KgError(
                f"parameter {name!r} of template {template.name!r} expects {expected}, got {raw!r}"
            ) from None
    return values


def _suggestion(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=3, cutoff=0.5)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
