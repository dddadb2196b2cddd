"""A realistic synthetic Arabic news corpus of any size, for benchmarks and load tests.

Each article is one of the seed articles' bodies with its actors, places and years swapped
for others of the same kind from the knowledge base, so entities, relations and events vary
from article to article the way a real corpus's do, while the language stays real newswire.
Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from kg.ingest import iter_articles
from kg.kb import KbEntity, default_kb
from kg.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")


def _bodies(seed_dir: Path) -> list[str]:
    bodies = []
    for item in iter_articles([seed_dir]):
        if isinstance(item, Article):
            bodies.append("\n\n".join(item.text[s.start : s.end] for s in item.body))
    if not bodies:
        raise FileNotFoundError(f"no seed articles in {seed_dir}")
    return bodies


def _swappable(kb: tuple[KbEntity, ...]) -> dict[str, list[KbEntity]]:
    groups: dict[str, list[KbEntity]] = {}
    for entity in kb:
        groups.setdefault(f"{entity.label}:{entity.kind}", []).append(entity)
    return groups


def _vary(
    body: str,
    names: re.Pattern[str],
    by_alias: dict[str, KbEntity],
    swap: dict[str, str],
    shift: int,
) -> str:
    """The body with its entities swapped and its years shifted by `shift`."""
    text = names.sub(lambda m: swap.get(by_alias[m.group()].id, m.group()), body)
    return _YEAR.sub(lambda m: str(int(m.group()) + shift), text)


def generate_texts(count: int, seed: int = 0, seed_dir: Path = SEEDS) -> Iterator[dict]:
    """`count` article records (`id`, `title`, `source`, `published`, `text`), streamed."""
    rng = random.Random(seed)
    bodies = _bodies(seed_dir)
    kb = default_kb()
    groups = _swappable(kb)
    names = sorted(
        ((alias, entity) for entity in kb for alias in entity.aliases),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    # A name, not the start of a longer word (`إيران` but not `الإيرانية`).
    pattern = re.compile(
        "(?:" + "|".join(re.escape(alias) for alias, _ in names) + ")(?![\u0621-\u064a])"
    )
    by_alias = {alias: entity for alias, entity in names}
    outlets = ["تلفزيون سوريا", "عربي 21", "وكالة الأناضول", "الجزيرة نت", "العربي الجديد"]
    for number in range(count):
        swap: dict[str, str] = {}
        for members in groups.values():
            if len(members) > 1:
                shuffled = members[:]
                rng.shuffle(shuffled)
                swap.update(zip((m.id for m in members), (s.name for s in shuffled), strict=True))
        shift = rng.randint(-6, 2)
        text = _vary(bodies[number % len(bodies)], pattern, by_alias, swap, shift)
        year, month, day = 2023 + shift, rng.randint(1, 12), rng.randint(1, 28)
        yield {
            "id": f"synthetic-{seed}-{number:06d}",
            "title": text.split(".", 1)[0][:90],
            "source": rng.choice(outlets),
            "published": f"{year:04d}-{month:02d}-{day:02d}",
            "text": text,
        }


def write_jsonl(path: Path, count: int, seed: int = 0) -> Path:
    """Write `count` synthetic articles to one JSONL file and return its path."""
    with path.open("w", encoding="utf-8") as stream:
        for record in generate_texts(count, seed):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
