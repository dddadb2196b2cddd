"""`kg eval GOLD`: the real command on the project's own gold file of the seeds, and on gold
files a user writes, with their mistakes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from tests.integration.cli import SEEDS, run_kg

ROOT = Path(__file__).resolve().parents[2]
SEEDS_GOLD = ROOT / "evaluation" / "seeds_gold.jsonl"


def test_the_seeds_gold_is_scored_per_type_with_misses_and_errors_listed() -> None:
    result = run_kg("eval", str(SEEDS_GOLD), "--json", "--kinds", "all")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 2
    relations = report["relations"]
    assert relations["overall"]["gold"] == sum(
        len(json.loads(line)["relations"]) for line in SEEDS_GOLD.read_text("utf-8").splitlines()
    )
    # Facts the seeds state and kg is known to find (tests/integration/test_seed_facts.py).
    assert relations["LEADS"]["right"] >= 1 and relations["HEADQUARTERED_IN"]["right"] == 1
    for finding in report["missed"] + report["wrong"]:
        assert finding["article"].endswith(".txt") and finding["type"]


def _user_gold(tmp_path: Path, relations: list[dict]) -> Path:
    article = tmp_path / "articles" / "qaani.txt"
    article.parent.mkdir()
    shutil.copy(SEEDS / "001_7fa67fb2b680fd24.txt", article)
    text = article.read_text("utf-8")
    record = {
        "article": {
            "path": "articles/qaani.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        "entities": [
            {"id": "q", "label": "Person", "name": "إسماعيل قاآني", "aliases": ["قاآني"]},
            {"id": "f", "label": "Organization", "name": "فيلق القدس", "aliases": ["فيلق القدس"]},
            {"id": "b", "label": "Location", "name": "بيروت", "aliases": ["بيروت"]},
        ],
        "relations": relations,
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    return gold


def test_a_users_gold_counts_found_and_missed_facts(tmp_path: Path) -> None:
    gold = _user_gold(
        tmp_path,
        [
            {"type": "LEADS", "source": "q", "target": "f"},
            {"type": "VISITED", "source": "q", "target": "b"},
        ],
    )
    result = run_kg("eval", str(gold), "--show", "5")
    assert result.returncode == 0, result.stderr
    assert "missed" in result.stdout and "VISITED: إسماعيل قاآني -> بيروت" in result.stdout
    # the article never names Beirut: the listing says which entity kg did not find
    assert "بيروت  [not found: بيروت]" in result.stdout
    assert "missed relations: 1; kg found every entity of 0" in result.stdout
    report = json.loads(run_kg("eval", str(gold), "--json").stdout)
    assert report["relations"]["LEADS"] == {**report["relations"]["LEADS"], "gold": 1, "right": 1}
    assert report["relations"]["VISITED"]["right"] == 0
    assert report["missedCauses"]["relation"] == {"entitiesFound": 0, "entityNotFound": 1}


def test_an_edited_article_or_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    gold = _user_gold(tmp_path, [])
    (tmp_path / "articles" / "qaani.txt").write_text("نص آخر", "utf-8")
    result = run_kg("eval", str(gold))
    assert result.returncode == 1
    assert "SHA-256 differs" in result.stderr and "Traceback" not in result.stderr
    missing = run_kg("eval", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "no such gold file" in missing.stderr


def test_a_corpus_the_data_folder_lacks_is_named(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"article": {"corpus": "text/absent.txt.gz", "position": 3, "sha256": "x"}}\n', "utf-8"
    )
    result = run_kg("eval", str(gold), "--data", str(tmp_path))
    assert result.returncode == 1
    assert "absent.txt.gz" in result.stderr and "is absent" in result.stderr
