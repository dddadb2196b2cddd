"""`kg ner tag` and `kg ner eval`: the NER model on pre-tokenised CoNLL-style files.

Input: one token per line (first column), blank lines between sentences, UTF-8 with or
without a byte-order mark, columns separated by whitespace; `eval` reads the gold tag from the
last column. The pipeline splits clitics internally; output always has one line per input
token.

Gold labels in `eval`: a file whose labels are all ANERcorp's (PERS, ORG, LOC, MISC) is scored
ANERcorp-style, over the four types and over PERS/ORG/LOC: predicted Facility and Group (which
ANERcorp does not annotate) are treated as `O`. Any other file is scored on all six labels,
FANE's fine classes (Politician, Nation, Building-Grounds, Book, ...) mapped to them and
classes without a counterpart (Celestial, Plant, ...) treated as `O`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError

app = typer.Typer(
    help="Tag or score pre-tokenised text (one token per line) with the NER model.",
    no_args_is_help=True,
)

FileArg = Annotated[
    Path,
    typer.Argument(help="Tokens one per line, blank line between sentences.", show_default=False),
]
ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", help="A saved spaCy pipeline directory (default: the packaged NER)."),
]


class LabelSet(str, Enum):
    """Which labels `tag` prints."""

    own = "own"
    anercorp = "anercorp"


def _read(path: Path):
    from kg.nlp.training.conll import read_conll

    try:
        return read_conll(path)
    except FileNotFoundError:
        raise KgError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise KgError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise KgError(f"cannot read {path}: {exc.strerror}") from None


@app.command()
def tag(
    file: FileArg,
    model: ModelOpt = None,
    labels: Annotated[
        LabelSet,
        typer.Option(
            "--labels",
            help="own: Person/Organization/Location/Facility/Group/Misc; anercorp: "
            "PERS/ORG/LOC/MISC (Facility and Group printed as O).",
        ),
    ] = LabelSet.own,
) -> None:
    """Print `token<TAB>TAG` (IOB2) for every input token, in order, sentences blank-separated."""
    from kg.models import load_ner
    from kg.nlp.training.labels import TO_ANERCORP, relabel
    from kg.nlp.training.tagging import tag_sentences

    sentences = _read(file)
    predicted = tag_sentences(load_ner(model), [s.tokens for s in sentences])
    lines: list[str] = []
    for sentence, tags in zip(sentences, predicted, strict=True):
        if labels is LabelSet.anercorp:
            tags = relabel(tags, TO_ANERCORP.get)
        lines.extend(f"{token}\t{t}" for token, t in zip(sentence.tokens, tags, strict=True))
        lines.append("")
    typer.echo("\n".join(lines), nl=False)


@app.command("eval")
def evaluate(file: FileArg, model: ModelOpt = None) -> None:
    """Print entity-level P/R/F1 per type (exact spans, conlleval-style) against the last column."""
    from kg.models import load_ner
    from kg.nlp.training.evaluation import evaluate_sentences
    from kg.nlp.training.scoring import format_scores

    sentences = _read(file)
    if not sentences:
        raise KgError(f"{file} has no tokens")
    scheme, tables = evaluate_sentences(load_ner(model), sentences)
    typer.echo(f"gold labels: {scheme}")
    for name, scores in tables.items():
        typer.echo(f"\n{name}:")
        typer.echo(format_scores(scores))
