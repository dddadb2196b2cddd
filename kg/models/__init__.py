"""Models shipped with the package: the trained Arabic NER pipeline in `kg/models/ner/`.

The directory is a saved spaCy pipeline (clitic-splitting tokenizer with its stem lexicon, and
one `ner` component with its own token-to-vector layer), written by `kg train`. To use the NER
inside another pipeline: `nlp.add_pipe("ner", source=load_ner())`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from spacy.language import Language

from kg.errors import KgError


def ner_model_path() -> Path:
    """Where the packaged NER model lives (and where `kg train` writes by default)."""
    return Path(str(resources.files("kg"))) / "models" / "ner"


def load_ner(path: Path | None = None) -> Language:
    """Load a saved NER pipeline (the packaged one by default) on CPU, offline."""
    import spacy

    import kg.nlp.tokenizer  # the tokenizer the model config names
    import kg.nlp.training.features  # noqa: F401  (its token features)

    location = ner_model_path() if path is None else path
    if not (location / "config.cfg").is_file():
        raise KgError(f"no NER model at {location}: train one with `kg train`")
    return spacy.load(location)
