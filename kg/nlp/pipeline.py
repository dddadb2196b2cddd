"""The default spaCy pipeline: one combined entity step over the clitic-aware tokenizer.

kg's components and tokenizer are registered with spaCy through entry points
(`pyproject.toml`: `spacy_factories`, `spacy_tokenizers`, `spacy_architectures`), so the
names in a pipeline config resolve without importing their modules first.

Components, in order, and why that order is the precedence:

1. `ner`: the statistical NER trained on ANERcorp, NewsFANE, WikiFANE and AQMAR with floret
   vectors and a gazetteer feature (`kg train`), sourced from the packaged model
   (`kg/models/ner/`), on the model's own vocabulary (its vectors are keyed on its strings);
   it finds names no list knows. Its Misc spans stay in `doc.ents` for `kg ner tag`; the graph
   never receives them.
   `kg_description_filter` then drops its spans that are descriptions, not names
   (`منظمة إرهابية`, a month name).
2. `kg_cue_rules`: names typed by the word before them (`العميد ...`, `وكالة "..."`); they only
   fill gaps the NER left, never cut or retype its spans.
3. `kb_ruler`: spaCy's entity ruler over the curated knowledge base, matching on `NORM` (each
   token's matching key) so one pattern per spelling finds every hamza, ya, ta marbuta,
   tatweel, diacritic and clitic variant. It overwrites what the others found where they
   overlap: a curated id beats a guess. Its spans carry the id in `ent.ent_id_`.
4. `kg_state_bodies_over_places`: the state institutions again, over the places the ruler
   found inside them (`وزارة الخارجية السعودية`, whose adjective is also Saudi Arabia's name);
   `kg_place_cues` (`kg/nlp/places.py`): places announced by their kind; then
   `kg_leader_splitter` (`kg/nlp/leaders.py`): an organisation named with its leader
   (`التحالف بقيادة السعودية`) is cut into the body and the leader.
5. `kg_patronym_joiner` (`kg/nlp/patronyms.py`): a Person span that starts at `بن` takes
   the given name before it (`خالد بن سلمان`, not the knowledge base's `بن سلمان`).
6. `kg_title_trimmer` (`kg/nlp/titles.py`): a Person span starts at the name, not at the
   title or the demonym before it (`الرئيس السوري بشار الأسد` names بشار الأسد), so the
   relation rules read the title and linking the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from kg.kb import KbEntity, default_kb
from kg.nlp.tokenizer import blank_arabic

# Components a sourced NER may listen to (spacy-transformers' `transformer`, spaCy's `tok2vec`).
UPSTREAM_FACTORIES = frozenset({"transformer", "tok2vec"})


def kb_patterns(kb: Iterable[KbEntity]) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns, one per knowledge-base spelling."""
    return [
        {"label": entity.label, "pattern": alias, "id": entity.id}
        for entity in kb
        for alias in entity.aliases
    ]


def build_pipeline(
    kb: Iterable[KbEntity] | None = None,
    ner_model: Path | None = None,
    statistical: bool = True,
) -> Language:
    """A fresh pipeline: NER (the packaged model, or `ner_model`), cue rules, KB ruler.

    `statistical=False` leaves the NER out (knowledge base and cue rules only).
    """
    if statistical:
        from kg.models import load_ner

        source = load_ner(ner_model)
        # The NER's vectors are keyed on the strings of its own vocabulary: share it.
        nlp = blank_arabic(source.vocab)
        # A transformer-based NER (`kg train --transformer`) listens to an upstream component:
        # source that first, so it annotates each Doc before the NER reads it.
        for name in source.pipe_names[: source.pipe_names.index("ner")]:
            if source.get_pipe_meta(name).factory in UPSTREAM_FACTORIES:
                nlp.add_pipe(name, source=source)
        nlp.add_pipe("ner", source=source)
        nlp.add_pipe("kg_description_filter")
    else:
        nlp = blank_arabic()
    nlp.add_pipe("kg_cue_rules")
    state_bodies = nlp.add_pipe("kg_state_bodies")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="kb_ruler",
        config={"phrase_matcher_attr": "NORM", "overwrite_ents": True},
    )
    kb = tuple(default_kb() if kb is None else kb)
    ruler.add_patterns(kb_patterns(kb))
    adjectives = nlp.add_pipe(
        "kg_state_bodies", name="kg_state_bodies_over_places", config={"over_places_only": True}
    )
    places = nlp.add_pipe("kg_place_cues")
    leaders = nlp.add_pipe("kg_leader_splitter")
    leaders.add_leaders(kb)
    patronyms = nlp.add_pipe("kg_patronym_joiner")
    trimmer = nlp.add_pipe("kg_title_trimmer")
    demonyms = [d for entity in kb for d in entity.demonyms]
    for component in (state_bodies, adjectives, places, trimmer):
        component.add_demonyms(demonyms)
    places.add_known_places(a for e in kb if e.label == "Location" for a in e.aliases)
    trimmer.add_person_names(a for e in kb if e.label == "Person" for a in e.aliases)
    patronyms.add_persons((a, e.id) for e in kb if e.label == "Person" for a in e.aliases)
    return nlp


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The default pipeline, built once per process."""
    return build_pipeline()
