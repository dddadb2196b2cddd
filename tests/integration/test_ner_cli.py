"""`kg ner tag` and `kg ner eval`: one output line per input token whatever the pipeline's own
tokens are, and conlleval-style scores. A rule-based pipeline saved to a temp dir makes the
predictions known exactly; one test runs the packaged statistical model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from kg.cli import ner_cmd
from kg.errors import KgError
from kg.nlp.tokenizer import TOKENIZER_CONFIG

runner = CliRunner()

PATTERNS = [
    {"label": "Location", "pattern": "لبنان"},
    {"label": "Person", "pattern": "جورج بوش"},
    {"label": "Organization", "pattern": "الحرس الثوري"},
    {"label": "Group", "pattern": "العرب"},
    {"label": "Misc", "pattern": "كأس العالم"},
]


@pytest.fixture(scope="module")
def rule_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"})
    ruler.add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("rules")
    nlp.to_disk(path)
    return path


def write(tmp_path: Path, text: str, name: str = "in.conll") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def tag(path: Path, *options: str) -> list[list[tuple[str, str]]]:
    result = runner.invoke(ner_cmd.app, ["tag", str(path), *options])
    assert result.exit_code == 0, result.output
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in result.stdout.split("\n"):
        if line:
            token, tab_tag = line.split("\t")
            sentences[-1].append((token, tab_tag))
        elif sentences[-1]:
            sentences.append([])
    return [s for s in sentences if s]


def test_tag_maps_clitic_split_entities_back_to_input_tokens(
    tmp_path: Path, rule_model: Path
) -> None:
    text = "\ufeffزار\tO\r\nجورج\nبوش،\nولبنان\nوللحرس\nالثوري.\n.\n\n\nقال\tx\tO\nالعرب\n\n\n"
    sentences = tag(write(tmp_path, text), "--model", str(rule_model))
    assert sentences == [
        [
            ("زار", "O"),
            ("جورج", "B-Person"),
            ("بوش،", "I-Person"),
            ("ولبنان", "B-Location"),
            ("وللحرس", "B-Organization"),
            ("الثوري.", "I-Organization"),
            (".", "O"),
        ],
        [("قال", "O"), ("العرب", "B-Group")],
    ]


def test_tag_anercorp_labels(tmp_path: Path, rule_model: Path) -> None:
    path = write(tmp_path, "العرب\nفي\nلبنان\nخلال\nكأس\nالعالم\n")
    sentences = tag(path, "--model", str(rule_model), "--labels", "anercorp")
    assert sentences == [
        [
            ("العرب", "O"),
            ("في", "O"),
            ("لبنان", "B-LOC"),
            ("خلال", "O"),
            ("كأس", "B-MISC"),
            ("العالم", "I-MISC"),
        ]
    ]


def test_tag_keeps_one_line_per_token_on_a_long_sentence(tmp_path: Path, rule_model: Path) -> None:
    tokens = ["ولبنان", "(", "بيروت", ")", "-", "جورج", "بوش", "؟", "..."] * 400
    sentences = tag(write(tmp_path, "\n".join(tokens) + "\n"), "--model", str(rule_model))
    assert [token for token, _ in sentences[0]] == tokens
    assert sum(t == "B-Location" for _, t in sentences[0]) == 400


GOLD = """جورج B-PERS
بوش I-PERS
زار O
لبنان B-LOC
.

وفد O
الحرس B-ORG
الثوري I-ORG
في O
بيروت B-LOC
مع O
العرب O
.

قال O
سمير B-PERS
من O
جامعة B-ORG
لبنان I-ORG
في O
كأس B-MISC
العالم I-MISC
"""


def tables(output: str) -> dict[str, dict[str, list[str]]]:
    """`kg ner eval`'s tables by heading (`4 types:`, ...): type -> P, R, F1, gold, pred."""
    found: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in output.splitlines():
        if line.endswith(":") and not line.startswith("gold labels"):
            current = found.setdefault(line[:-1], {})
        elif line and not line.startswith(("type", "gold labels")):
            current[line.split()[0]] = line.split()[1:]
    return found


def test_eval_scores_entities_like_conlleval(tmp_path: Path, rule_model: Path) -> None:
    result = runner.invoke(
        ner_cmd.app, ["eval", str(write(tmp_path, GOLD)), "--model", str(rule_model)]
    )
    assert result.exit_code == 0, result.output
    scored = tables(result.stdout)
    four, three = scored["4 types"], scored["3 types"]
    # Person: 1 of 2 found, no false positive; Location: 1 right, 1 wrong (جامعة لبنان is an
    # ORG), 1 missed; the MISC (كأس العالم) is found; the predicted Group is not scored.
    assert four["Person"] == ["1.0000", "0.5000", "0.6667", "2", "1"]
    assert four["Location"] == ["0.5000", "0.5000", "0.5000", "2", "2"]
    assert four["Organization"] == ["1.0000", "0.5000", "0.6667", "2", "1"]
    assert four["Misc"] == ["1.0000", "1.0000", "1.0000", "1", "1"]
    assert four["ALL"] == ["0.8000", "0.5714", "0.6667", "7", "5"]
    assert three["ALL"] == ["0.7500", "0.5000", "0.6000", "6", "4"]
    assert "Misc" not in three and "Group" not in four


def test_eval_maps_newsfane_fine_classes(tmp_path: Path, rule_model: Path) -> None:
    gold = "ال\tB-Group\nعرب\tI-Group\nفي\tO\nلبنان\tB-Nation\nو\tO\nكتاب\tB-Book\n"
    result = runner.invoke(
        ner_cmd.app, ["eval", str(write(tmp_path, gold)), "--model", str(rule_model)]
    )
    assert result.exit_code == 0, result.output
    rows = tables(result.stdout)["all labels"]
    # The pipeline sees `ال عرب` (two words) and finds no Group; Nation maps to Location.
    assert rows["Location"] == ["1.0000", "1.0000", "1.0000", "1", "1"]
    assert rows["Group"] == ["0.0000", "0.0000", "0.0000", "1", "0"]


def test_missing_file_is_a_user_error(tmp_path: Path, rule_model: Path) -> None:
    result = runner.invoke(ner_cmd.app, ["tag", str(tmp_path / "nope"), "--model", str(rule_model)])
    assert isinstance(result.exception, KgError)


def test_missing_model_is_a_user_error(tmp_path: Path) -> None:
    path = write(tmp_path, "لبنان\n")
    result = runner.invoke(ner_cmd.app, ["tag", str(path), "--model", str(tmp_path / "none")])
    assert isinstance(result.exception, KgError)


def test_packaged_model_tags_news(tmp_path: Path) -> None:
    tokens = [
        "وقال",
        "الرئيس",
        "اللبناني",
        "ميشال",
        "عون",
        "في",
        "بيروت",
        "إن",
        "حزب",
        "الله",
        "والأمم",
        "المتحدة",
    ]
    [sentence] = tag(write(tmp_path, "\n".join(tokens) + "\n"))
    assert [token for token, _ in sentence] == tokens
    tags = dict(sentence)
    assert tags["بيروت"] == "B-Location"
    assert tags["ميشال"] == "B-Person"
