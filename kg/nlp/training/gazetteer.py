"""Build the packaged gazetteer (`kg/data/gazetteer.tsv`, read by `kg.nlp.gazetteer`) from the
name lists of `../shared/data/gazetteers/`.

- `G` / `S`: given names and surnames of `persons_wikidata_name_units.tsv` seen at least
  `MIN_UNIT_COUNT` times (rarer units are mostly one-off transliterations);
- `P`: the full names of `persons_wikidata_full_names.tsv` (two words or more);
  of both person lists only the Wikidata rows (CC0), not the DziriNames ones;
- `L`: GeoNames places of at least `MIN_POPULATION` people (`places_geonames_ar.tsv`);
- `C`: the country names of `countries_ar.tsv` (short, common and official forms, each part
  of a `short، long` name).

Every name is keyed with `kg.arabic.match_key`, the key the pipeline's tokens carry, and kept
when it has at most `MAX_PHRASE` words. One line per key: `key<TAB>classes`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kg.arabic import is_arabic, match_key
from kg.nlp.gazetteer import GAZETTEER_FILE, MAX_PHRASE

GAZETTEER_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "gazetteers"
PACKAGED = Path(__file__).resolve().parents[2] / "data" / GAZETTEER_FILE
MIN_UNIT_COUNT = 2
MIN_POPULATION = 1000


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def gazetteer_entries(directory: Path = GAZETTEER_DIR) -> dict[str, str]:
    """Matching key -> class letters, from the four lists in `directory`."""
    classes: dict[str, set[str]] = defaultdict(set)

    def add(name: str, letter: str) -> None:
        key = match_key(name)
        if is_arabic(key) and len(key.split()) <= MAX_PHRASE:
            classes[" ".join(key.split())].add(letter)

    units: dict[tuple[str, str], int] = defaultdict(int)
    for row in _rows(directory / "persons_wikidata_name_units.tsv"):
        if row["source"] == "wikidata" and row["role"] in ("given", "surname"):
            units[row["arabic_key"], row["role"]] += int(row["count"] or 0)
    for (name, role), count in units.items():
        if count >= MIN_UNIT_COUNT:
            add(name, "G" if role == "given" else "S")
    for row in _rows(directory / "persons_wikidata_full_names.tsv"):
        if row["source"] == "wikidata" and len(row["arabic_key"].split()) >= 2:
            add(row["arabic_key"], "P")
    for row in _rows(directory / "places_geonames_ar.tsv"):
        if int(row["population"] or 0) >= MIN_POPULATION:
            add(row["arabic_name"], "L")
    for row in _rows(directory / "countries_ar.tsv"):
        # `إيران، الجمهوريّة الإسلاميّة الإيرانيّة`: a short name, then a long one.
        for name in row["arabic"].split("،"):
            add(name, "C")
    return {key: "".join(sorted(letters)) for key, letters in classes.items()}


def write_gazetteer(directory: Path = GAZETTEER_DIR, destination: Path = PACKAGED) -> int:
    """Write the packaged gazetteer file; return its number of keys."""
    entries = gazetteer_entries(directory)
    lines = [f"{key}\t{classes}" for key, classes in sorted(entries.items())]
    destination.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(entries)
