"""NER training data: reading, label mapping, projection onto pipeline tokens, the dev split,
and a tiny real training run that saves and loads a model."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.models import load_ner
from kg.nlp.tokenizer import TOKENIZER_CONFIG
from kg.nlp.training.align import join_tokens, transfer_spans
from kg.nlp.training.augment import swap_mentions
from kg.nlp.training.conll import TaggedSentence, iob_spans, parse_lines, read_conll
from kg.nlp.training.corpora import AQMAR_DEV, Sources, build_corpora, load_corpora, read_aqmar
from kg.nlp.training.labels import coarse_label, relabel
from kg.nlp.training.projection import project
from kg.nlp.training.segmented import rejoin
from kg.nlp.training.split import sentence_key, shingles, tail_indices
from kg.nlp.training.tagging import tag_sentences
from kg.nlp.training.trainer import TrainingPlan, train_ner
from tests.shared_data import shared_data_file


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("ar", config=TOKENIZER_CONFIG)


def sentence(text: str) -> TaggedSentence:
    """`token/TAG token ...` (a bare token is O) as a tagged sentence."""
    pairs = [item.rpartition("/") if "/" in item else ("", "", item) for item in text.split()]
    return TaggedSentence(
        tuple(token or tag for token, _, tag in pairs),
        tuple(tag if token else "O" for token, _, tag in pairs),
    )


def test_reader_strips_direction_marks_bom_and_crlf() -> None:
    lines = [
        "\ufeff\u200eفرانكفورت\tB-Population-Center\r\n",
        "\u200e(\tO\r\n",
        "\u200f\tO\n",
        "\r\n",
        "\n",
    ]
    [only] = list(parse_lines(lines))
    assert only.tokens == ("فرانكفورت", "(", "\u200f")
    assert only.tags == ("B-Population-Center", "O", "O")


def test_iob_spans_follow_conlleval() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"]
    assert iob_spans(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PERS")]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PERS", "Person"),
        ("ORG", "Organization"),
        ("LOC", "Location"),
        ("MISC", "Misc"),
        ("Politician", "Person"),
        ("Police", "Person"),
        ("Entertainment", "Organization"),
        ("Land", "Misc"),
        ("Air", "Misc"),
        ("Celestial", None),
        ("Religious_PER", "Person"),
        ("Media", "Organization"),
        ("Nation", "Location"),
        ("Water-Body", "Location"),
        ("Building-Grounds", "Facility"),
        ("Airport", "Facility"),
        ("Group", "Group"),
        ("Book", "Misc"),
        ("Medical-Science", None),
    ],
)
def test_label_mapping(label: str, expected: str | None) -> None:
    assert coarse_label(label) == expected


def test_relabel_drops_unmapped_types() -> None:
    tags = ["B-Celestial", "I-Celestial", "B-Nation"]
    assert relabel(tags, coarse_label) == ["O", "O", "B-Location"]


def test_segmented_clitics_are_joined_back_to_their_words() -> None:
    segmented = sentence(
        "و/O تعتبر/O مدينة/O جوبا/B-Population-Center عاصمة/O ها/O ،/O و/B-Nation لبنان/I-Nation"
        " ل/O الدولة/O على/O ه/O و/O 2011/O"
    )
    joined = rejoin(segmented)
    assert joined.tokens == (
        "وتعتبر", "مدينة", "جوبا", "عاصمتها", "،", "ولبنان", "للدولة", "عليه", "و", "2011",
    )  # fmt: skip
    assert joined.tags == ("O", "O", "B-Population-Center", "O", "O", "B-Nation", *"OOOO")


def test_projection_leaves_the_clitic_out_of_the_entity(nlp: Language) -> None:
    text, offsets = join_tokens(["زار", "الوزير", "بيروت", "ولبنان", "."])
    spans = [(offsets[2][0], offsets[2][1], "Location"), (offsets[3][0], offsets[3][1], "Location")]
    counts: Counter[str] = Counter()
    doc = project(nlp.tokenizer, text, spans, counts)
    assert [(e.text, e.label_) for e in doc.ents] == [("بيروت", "Location"), ("لبنان", "Location")]
    assert doc.text == text
    assert counts["lost"] == 0


def test_projection_keeps_multiword_spans(nlp: Language) -> None:
    text = "أعلن اتحاد صناعة السيارات في ألمانيا"
    doc = project(nlp.tokenizer, text, [(5, 25, "Organization")], Counter())
    assert [(e.text, e.label_) for e in doc.ents] == [("اتحاد صناعة السيارات", "Organization")]


def test_segmented_normalised_spans_transfer_to_the_original_text() -> None:
    source = "و اعلن ال عرب في ب يروت"
    target = "وأعلن العرب في بيروت"
    mapped = transfer_spans(source, [(7, 13, "Group")], target)
    assert [target[s:e] for s, e, _ in mapped] == ["العرب"]


def test_swapped_mentions_keep_types_and_context(nlp: Language) -> None:
    texts = [
        ("قال الرئيس جورج بوش في واشنطن", [(11, 19, "Person"), (23, 29, "Location")]),
        ("وصل ميشال عون إلى بيروت", [(4, 13, "Person"), (18, 23, "Location")]),
    ]
    docs = [project(nlp.tokenizer, text, spans, Counter()) for text, spans in texts]
    copies = swap_mentions(docs, nlp.tokenizer, seed=1, counts=Counter())
    assert len(copies) == 2
    persons = {"جورج بوش", "ميشال عون"}
    for copy, original in zip(copies, docs, strict=True):
        assert [e.label_ for e in copy.ents] == [e.label_ for e in original.ents]
        assert copy.ents[0].text in persons
        assert copy.ents[1].text in {"واشنطن", "بيروت"}
        assert copy.text.split()[0] == original.text.split()[0]
    again = swap_mentions(docs, nlp.tokenizer, seed=1, counts=Counter())
    assert [d.text for d in copies] == [d.text for d in again]


def test_dev_split_is_the_last_stretch() -> None:
    assert tail_indices(100, 0.15) == list(range(85, 100))
    assert tail_indices(7, 0.15) == [6]


def _toy_corpora(nlp: Language):
    story = [
        sentence("قال/O الرئيس/O جورج/B-PERS بوش/I-PERS في/O واشنطن/B-LOC إن/O العرب/O ."),
        sentence("وزار/O وفد/O من/O الأمم/B-ORG المتحدة/I-ORG مدينة/O بغداد/B-LOC أمس/O ."),
        sentence("وأكد/O المتحدث/O أن/O المحادثات/O في/O مطار/O دمشق/B-LOC كانت/O مفيدة/O ."),
    ]
    held_out = sentence("ثم/O عاد/O الوفد/O إلى/O القاهرة/B-LOC بعد/O المحادثات/O الطويلة/O .")
    # The last sentence is the development set; its copy earlier in the corpus is not trained.
    anercorp = [*story, held_out, held_out]
    newsfane = [
        sentence(
            "قال الرئيس جورج/B-Politician بوش/I-Politician في واشنطن/B-Population-Center"
            " ان ال/B-Group عرب/I-Group ."
        ),
        sentence("و اكد المتحدث ان المحادثات في مطار/B-Airport دمشق/I-Airport كانت مفيده ."),
        sentence("خبر/O اخر/O لا/O يوجد/O في/O انيركورب/B-Nation ."),
        sentence("ثم عاد ال/B-Group وفد/I-Group الى القاهره بعد المحادثات الطويله ."),
    ]
    return build_corpora(nlp.tokenizer, Sources(anercorp, newsfane), anercorp_dev_fraction=0.25)


def test_toy_corpora_merge_and_split(nlp: Language) -> None:
    corpora = _toy_corpora(nlp)
    train_keys = {sentence_key(t.text.split()) for t in corpora.train}
    dev_keys = {sentence_key(t.text.split()) for t in corpora.dev}
    assert not train_keys & dev_keys
    assert corpora.report["anercorp train sentences dropped as copies of dev"] == 1
    assert corpora.report["newsfane train sentences dropped as copies of dev"] == 1
    assert corpora.report["newsfane sentences unmatched (left out)"] == 1
    assert [d.text for d in corpora.dev] == ["ثم عاد الوفد إلى القاهرة بعد المحادثات الطويلة ."]
    entities = {(e.text, e.label_) for doc in [*corpora.train, *corpora.dev] for e in doc.ents}
    assert ("جورج بوش", "Person") in entities
    assert ("العرب", "Group") in entities
    # NewsFANE's airport overlaps ANERcorp's LOC: ANERcorp's convention wins.
    assert ("دمشق", "Location") in entities
    assert not any(label == "Facility" for _, label in entities)


@pytest.fixture(scope="module")
def real_corpora(nlp: Language):
    return load_corpora(nlp.tokenizer, shared_data_file("ner"))


def test_real_dev_sets_are_held_out_stretches(real_corpora) -> None:
    assert set(real_corpora.dev_gold) == {"anercorp", "wikifane", "aqmar"}
    anercorp = read_conll(shared_data_file("ner/anercorp_train.conll"))
    assert real_corpora.dev_gold["anercorp"] == anercorp[-len(real_corpora.dev_gold["anercorp"]) :]
    assert len(real_corpora.dev_gold["anercorp"]) == round(0.15 * len(anercorp))
    aqmar = read_aqmar(shared_data_file("ner/aqmar"))
    held_out = [s for name in AQMAR_DEV for s in aqmar[name]]
    assert real_corpora.dev_gold["aqmar"] == held_out


def test_real_dev_text_never_appears_in_training(real_corpora) -> None:
    dev_reference: set[str] = set()
    for gold in (s for sentences in real_corpora.dev_gold.values() for s in sentences):
        dev_reference |= shingles(sentence_key(gold.tokens))
    for doc in real_corpora.train:
        key = sentence_key(doc.text.split())
        if len(key) >= 12:
            assert len(shingles(key) & dev_reference) < 0.3 * len(shingles(key)), doc.text


def test_real_corpora_lose_no_entity_in_projection(real_corpora) -> None:
    report = real_corpora.report
    assert report["lost"] == 0
    assert report["entity:Person"] > 10000 and report["entity:Group"] > 2000
    assert report["entity:Misc"] > 2000
    assert len(real_corpora.dev) > 600 and len(real_corpora.train) > 20000


def test_tiny_training_run_saves_and_loads(nlp: Language, tmp_path: Path) -> None:
    corpora = _toy_corpora(nlp)
    corpora.dev = corpora.train[:1]
    corpora.dev_gold = {}
    result = train_ner(
        tmp_path / "model",
        corpora=corpora,
        plan=TrainingPlan(vectors=False, gazetteer=False),
        overrides={"training.max_steps": 4, "training.eval_frequency": 2},
    )
    loaded = load_ner(result.model_dir)
    assert loaded.pipe_names == ["ner"]
    [tags] = tag_sentences(loaded, [["وزار", "جورج", "بوش", "بغداد", "."]])
    assert len(tags) == 5


def test_kg_train_command_trains_scores_and_saves(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from kg.cli.train_cmd import train

    data = tmp_path / "data"
    data.mkdir()
    stories = [
        "زار/O جورج/B-PERS بوش/I-PERS مدينة/O بغداد/B-LOC {n} ./O",
        "وقالت/O الأمم/B-ORG المتحدة/I-ORG إن/O العرب/O في/O لبنان/B-LOC {n} ./O",
    ]
    lines = []
    for n in range(30):
        for story in stories:
            for item in story.format(n=f"{n}/O").split():
                token, _, tag = item.rpartition("/")
                lines.append(f"{token} {tag}")
            lines.append("")
    (data / "anercorp_train.conll").write_text("\n".join(lines), encoding="utf-8")
    (data / "newsfane_gold_140k.tsv").write_text("ال\tB-Group\nعرب\tI-Group\n", encoding="utf-8")
    app = typer.Typer()
    app.command()(train)
    output = tmp_path / "model"
    result = CliRunner().invoke(
        app,
        [
            "--data",
            str(data),
            "-o",
            str(output),
            "--no-wikipedia",
            "--no-vectors",
            "--no-gazetteer",
            "--set",
            "training.max_steps=6",
            "--set",
            "training.eval_frequency=3",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "development, anercorp, 4 types" in result.stdout
    assert "recall on names seen / unseen in training" in result.stdout
    assert "anercorp dev sentences: 9" in result.stdout
    assert "[1] corpora ..." in result.stdout and "[2] training: done in" in result.stdout
    assert load_ner(output).pipe_names == ["ner"]
