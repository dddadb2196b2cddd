"""`kg train --transformer PATH` end to end, with nothing downloaded: a tiny WordPiece tokenizer
and a tiny BERT built here from sixty real ANERcorp sentences stand in for a local copy of an
Arabic BERT; the real command line fine-tunes it for a few steps, the model is saved with the
transformer's weights inside, the tiny model's directory is deleted, and a new process tags
with the saved model. This shows the wiring (config, training loop, serialisation, offline
loading, tagging, sourcing into the default pipeline), not any accuracy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp.training.conll import TaggedSentence, read_conll
from kg.nlp.training.corpora import ANERCORP_FILE, NEWSFANE_FILE
from tests.integration.cli import run_kg
from tests.shared_data import shared_data_file

SENTENCES = 60  # the last 15% become the development split
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
IOB2 = re.compile(r"^(O|[BI]-(.+))$")


def offline_env() -> dict[str, str]:
    return {**os.environ, **OFFLINE}


def write_tagged(path: Path, sentences: list[TaggedSentence], separator: str) -> None:
    lines = []
    for sentence in sentences:
        pairs = zip(sentence.tokens, sentence.tags, strict=True)
        lines += [f"{token}{separator}{tag}" for token, tag in pairs]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def build_tiny_bert(texts: list[str], directory: Path) -> int:
    """A WordPiece tokenizer trained on `texts` and a 2-layer BERT of width 32, saved as a Hugging
    Face model directory; returns the model's parameter count."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertModel, BertTokenizerFast

    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    wordpiece.train_from_iterator(
        texts, trainers.WordPieceTrainer(vocab_size=400, special_tokens=SPECIAL_TOKENS)
    )
    vocab = sorted(wordpiece.get_vocab().items(), key=lambda item: item[1])
    directory.mkdir()
    vocab_file = directory / "vocab.txt"
    vocab_file.write_text("".join(f"{piece}\n" for piece, _ in vocab), encoding="utf-8")
    tokenizer = BertTokenizerFast(str(vocab_file), do_lower_case=False, strip_accents=False)
    tokenizer.save_pretrained(directory)

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=256,
    )
    model = BertModel(config)
    model.save_pretrained(directory)
    return model.num_parameters()


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory):
    """Train with the real CLI on the tiny BERT, then delete the tiny BERT's directory."""
    root = tmp_path_factory.mktemp("trf")
    anercorp = read_conll(shared_data_file(f"ner/{ANERCORP_FILE}"))[:SENTENCES]
    newsfane = read_conll(shared_data_file(f"ner/{NEWSFANE_FILE}"))[:SENTENCES]
    data = root / "data"
    data.mkdir()
    write_tagged(data / ANERCORP_FILE, anercorp, " ")
    write_tagged(data / NEWSFANE_FILE, newsfane, "\t")

    bert = root / "tiny-bert"
    with pytest.MonkeyPatch.context() as patch:
        for key, value in OFFLINE.items():
            patch.setenv(key, value)
        parameters = build_tiny_bert([" ".join(s.tokens) for s in anercorp], bert)

    output = root / "model"
    result = run_kg(
        "train",
        "--transformer",
        str(bert),
        "-o",
        str(output),
        "--data",
        str(data),
        "--no-wikipedia",
        "--set",
        "training.max_steps=8",
        "--set",
        "training.eval_frequency=4",
        "--set",
        "training.optimizer.learn_rate.warmup_steps=2",
        "--set",
        "training.optimizer.learn_rate.initial_rate=0.001",
        env=offline_env(),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.rmtree(bert)  # loading must need neither the original model nor a hub
    return output, result.stdout, parameters, anercorp


def test_train_saves_the_transformer_weights_inside_the_model(trained) -> None:
    output, stdout, parameters, _ = trained
    assert "development, anercorp, 4 types" in stdout
    assert f"anercorp dev sentences: {round(0.15 * SENTENCES)}" in stdout
    assert (output / "config.cfg").read_text("utf-8").count("spacy-transformers") >= 2
    weights = output / "transformer" / "model"
    # float32 weights of every parameter, plus the tokenizer's files
    assert weights.stat().st_size > 4 * parameters


def test_a_new_process_tags_with_the_saved_model_offline(trained, tmp_path: Path) -> None:
    from kg.nlp.pipeline import build_pipeline

    output, _, _, anercorp = trained
    sentences = [*anercorp[:3], TaggedSentence(("زار", "كوالالمبور", "أمس", "."), ("O",) * 4)]
    tokens_file = tmp_path / "tokens.conll"
    tokens_file.write_text(
        "\n\n".join("\n".join(s.tokens) for s in sentences) + "\n", encoding="utf-8"
    )
    result = run_kg("ner", "tag", str(tokens_file), "--model", str(output), env=offline_env())
    assert result.returncode == 0, result.stderr[-3000:]

    nlp = build_pipeline(ner_model=output)
    assert nlp.pipe_names[:2] == ["transformer", "ner"]
    labels = set(nlp.get_pipe("ner").labels)
    assert {"Person", "Organization", "Location"} <= labels

    blocks = [block.split("\n") for block in result.stdout.strip("\n").split("\n\n")]
    assert [len(block) for block in blocks] == [len(s.tokens) for s in sentences]
    for block, sentence in zip(blocks, sentences, strict=True):
        previous = "O"
        for line, token in zip(block, sentence.tokens, strict=True):
            word, tag = line.split("\t")
            assert word == token
            match = IOB2.match(tag)
            assert match, tag
            if match.group(2):
                assert match.group(2) in labels
            if tag.startswith("I-"):
                assert previous[2:] == tag[2:], (previous, tag)
            previous = tag

    doc = nlp(" ".join(anercorp[0].tokens))
    assert len(doc) > 0
    assert doc._.trf_data is not None and len(doc._.trf_data.tensors) > 0


def run_main(*args: str, block_spacy_transformers: bool = False):
    """`kg ARGS` in a subprocess, optionally as if spacy-transformers were not installed."""
    code = (
        "import sys\n"
        + ("sys.modules['spacy_transformers'] = None\n" if block_spacy_transformers else "")
        + "from kg.cli import main\n"
        + f"sys.argv = ['kg', *{list(args)!r}]\n"
        + "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=offline_env(),
        timeout=300,
        check=False,
    )


def test_transformer_path_errors_are_one_line(tmp_path: Path) -> None:
    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    (not_a_model / "config.json").write_text("{}", encoding="utf-8")
    cases = [
        (["--transformer", str(tmp_path / "missing"), "-o", str(tmp_path)], "not a directory"),
        (["--transformer", str(not_a_model), "-o", str(tmp_path)], "missing tokenizer"),
        (["--transformer", str(not_a_model)], "needs -o/--output"),
    ]
    for args, message in cases:
        result = run_main("train", *args)
        assert result.returncode == 1, result.stderr
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_missing_spacy_transformers_says_what_to_install(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    for name in ("config.json", "vocab.txt", "model.safetensors"):
        (model / name).write_text("{}", encoding="utf-8")
    result = run_main(
        "train",
        "--transformer",
        str(model),
        "-o",
        str(tmp_path / "out"),
        block_spacy_transformers=True,
    )
    assert result.returncode == 1, result.stderr
    assert "pip install 'kg[transformers]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_loading_a_transformer_model_without_spacy_transformers_says_what_to_install(
    trained, tmp_path: Path
) -> None:
    output, *_ = trained
    tokens_file = tmp_path / "tokens.conll"
    tokens_file.write_text("زار\nدمشق\n", encoding="utf-8")
    result = run_main(
        "ner", "tag", str(tokens_file), "--model", str(output), block_spacy_transformers=True
    )
    assert result.returncode == 1, result.stderr
    assert "pip install 'kg[transformers]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
