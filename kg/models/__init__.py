"""Models shipped with the package: the trained Arabic NER pipeline in `kg/models/ner/`.

The directory is a saved spaCy pipeline (clitic-splitting tokenizer with its stem lexicon, and
one `ner` component with its own token-to-vector layer), written by `kg train`. A model from
`kg train --transformer` also has a `transformer` component that its `ner` listens to;
`kg.nlp.pipeline.build_pipeline(ner_model=...)` sources both.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from spacy.language import Language
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from kg.errors import KgError
from kg.nlp.remembered_vectors import remember_vectors


def models_path() -> Path:
    """The folder of the models shipped with the package."""
    return Path(str(resources.files("kg"))) / "models"


def ner_model_path() -> Path:
    """Where the packaged NER model lives (and where `kg train` writes by default)."""
    return Path(str(resources.files("kg"))) / "models" / "ner"


def load_ner(path: Path | None = None) -> Language:
    """Load a saved NER pipeline (the packaged one by default) on CPU, offline."""
    import spacy

    location = ner_model_path() if path is None else path
    config = location / "config.cfg"
    if not config.is_file():
        raise KgError(f"no NER model at {location}: train one with `kg train`")
    if "spacy-transformers" in config.read_text(encoding="utf-8"):
        try:
            import spacy_transformers  # noqa: F401  (registers the transformer component)
        except ImportError:
            raise KgError(
                f"{location} is a transformer model (kg train --transformer): "
                "pip install 'kg[transformers]' to load it"
            ) from None
    # thinc's default CPU matrix products go through BLIS; numpy's BLAS (OpenBLAS in numpy's
    # wheels) computes the same products three to four times faster on the cores measured
    # here (the NER's entities unchanged), so the model runs on numpy's ops without BLIS, on
    # one BLAS thread: the NER's matrices are too small to gain from more (measured: the same
    # time on two), while idle BLAS threads spin on the cores that kg's other processes (the
    # worker pool, Spark's Python workers, Neo4j) need.
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        return remember_vectors(spacy.load(location))
