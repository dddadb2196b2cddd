"""`kg eval GOLD`: score extraction against hand-annotated articles, per type, with examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.console import counting_status, out

app = typer.Typer()


def _table(title: str, tallies: dict[str, Any], total: Any) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("type", "gold", "found", "right", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*sorted(tallies.items()), ("overall", total)]
    for name, tally in rows:
        table.add_row(
            name,
            str(tally.gold),
            str(tally.found),
            str(tally.right),
            f"{tally.precision:.3f}",
            f"{tally.recall:.3f}",
            f"{tally.f1:.3f}",
            style="bold" if name == "overall" else None,
        )
    return table


def _tally_dict(tally: Any) -> dict[str, Any]:
    return {
        "gold": tally.gold,
        "found": tally.found,
        "right": tally.right,
        "precision": round(tally.precision, 4),
        "recall": round(tally.recall, 4),
        "f1": round(tally.f1, 4),
    }


def _causes(findings: list, kind: str) -> dict[str, int]:
    """How many missed facts of a kind had every entity found, and how many had one missing."""
    from kg.evaluation.scoring import ENTITIES_FOUND

    missed = [f for f in findings if f.kind == kind]
    found = sum(f.cause == ENTITIES_FOUND for f in missed)
    return {"entitiesFound": found, "entityNotFound": len(missed) - found}


def _findings(title: str, findings: list, show: int) -> None:
    if show <= 0 or not findings:
        return
    out.print(f"\n{title} ({len(findings)}; the first {min(show, len(findings))}):", style="bold")
    for finding in findings[:show]:
        line = Text(f"{finding.article}  {finding.kind} {finding.type}: {finding.description}")
        if finding.cause:
            line.append(f"  [{finding.cause}]", style="dim")
        out.print(line)
        if finding.evidence:
            out.print(Text(f"    « {finding.evidence} »"), style="dim")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold file (JSON Lines of annotated articles).")],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Folder of the corpora the gold names (default KG_DATA_DIR, else ../shared/data).",
        ),
    ] = None,
    show: Annotated[
        int, typer.Option("--show", min=0, help="How many missed and wrong facts to list.")
    ] = 20,
    kinds: Annotated[
        str,
        typer.Option("--kinds", help="Which findings to list: relation, event, entity, or all."),
    ] = "relation,event",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every figure and finding as one JSON object.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that analyse articles.")
    ] = 1,
) -> None:
    """Extract the gold file's articles and print precision, recall and F1 per type of entity,
    relation and event, then the facts that were missed and those that were wrong."""
    from kg.evaluation.run import evaluate as run_evaluation
    from kg.evaluation.scoring import overall

    with counting_status("extracting and scoring articles") as advance:
        scores = run_evaluation(gold, data, workers, on_article=advance)
    wanted = {"relation", "event", "entity"} if kinds == "all" else set(kinds.split(","))
    if as_json:
        payload = {
            "articles": scores.articles,
            **{
                section: {
                    **{name: _tally_dict(t) for name, t in sorted(tallies.items())},
                    "overall": _tally_dict(overall(tallies)),
                }
                for section, tallies in (
                    ("relations", scores.relations),
                    ("events", scores.events),
                    ("entities", scores.entities),
                )
            },
            "eventRoles": _tally_dict(scores.roles),
            "eventDates": _tally_dict(scores.dates),
            "missedCauses": {kind: _causes(scores.missed, kind) for kind in ("relation", "event")},
            "missed": [vars(f) for f in scores.missed if f.kind in wanted],
            "wrong": [vars(f) for f in scores.wrong if f.kind in wanted],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    out.print(f"{scores.articles} article(s) of {gold}")
    out.print(_table("relations", scores.relations, overall(scores.relations)))
    out.print(_table("events", scores.events, overall(scores.events)))
    roles, dates = scores.roles, scores.dates
    out.print(
        f"event roles: P {roles.precision:.3f} R {roles.recall:.3f} F1 {roles.f1:.3f}; "
        f"dates right {dates.right} of {dates.gold} annotated ({dates.found} dated)"
    )
    out.print(_table("entities (named in the text)", scores.entities, overall(scores.entities)))
    for kind in ("relation", "event"):
        causes = _causes(scores.missed, kind)
        out.print(
            f"missed {kind}s: {sum(causes.values())}; kg found every entity of "
            f"{causes['entitiesFound']} (a rule or the classifier could state them), "
            f"not every entity of {causes['entityNotFound']}"
        )
    _findings("missed", [f for f in scores.missed if f.kind in wanted], show)
    _findings("wrong", [f for f in scores.wrong if f.kind in wanted], show)
