"""kg's spaCy parts are registered the way spaCy expects: factories with their metadata, and
entry points, so a saved pipeline loads in a process that never imported kg."""

from __future__ import annotations

import subprocess
import sys

from spacy.language import Language

from kg.models import ner_model_path
from kg.nlp import cues, span_filter  # noqa: F401  (their factories)


def test_factories_declare_what_they_assign_and_require() -> None:
    cue_meta = Language.get_factory_meta("kg_cue_rules")
    assert cue_meta.assigns == ["doc.ents"] and cue_meta.requires == ["token.norm"]
    filter_meta = Language.get_factory_meta("kg_description_filter")
    assert filter_meta.assigns == ["doc.ents"] and filter_meta.requires == ["doc.ents"]


def test_the_packaged_model_loads_without_importing_kg_first() -> None:
    script = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(ner_model_path())!r})\n"
        "doc = nlp('وقال ظريف للصحفيين في مطار طهران')\n"
        "print(type(nlp.tokenizer).__module__, len(doc))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    module, tokens = result.stdout.split()
    assert module == "kg.nlp.tokenizer" and int(tokens) > 5
