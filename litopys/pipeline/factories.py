"""Every litopys spaCy component, registered with ``Language.factory``.

A user can add any stage to a pipeline of their own::

    import spacy, litopys.pipeline.factories
    nlp = spacy.blank("uk")
    nlp.add_pipe("litopys_sentences"); nlp.add_pipe("litopys_morphology")
    nlp.add_pipe("litopys_entities"); nlp.add_pipe("litopys_actors")
    nlp.add_pipe("litopys_time"); nlp.add_pipe("litopys_events")
"""

from __future__ import annotations

from spacy.language import Language

from litopys.pipeline import extensions  # noqa: F401


@Language.factory("litopys_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.analysis import Sentences

    return Sentences(nlp, name)


@Language.factory(
    "litopys_morphology", assigns=["token.lemma", "token.pos", "token.morph", "token._.lemmas"]
)
def make_morphology(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.analysis import Morphology

    return Morphology(nlp, name)


@Language.factory(
    "litopys_entities",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.pos"],
    default_config={"model_path": None},
)
def make_entities(nlp: Language, name: str, model_path: str | None):  # type: ignore[no-untyped-def]
    from litopys.pipeline.entities import EntityRecognizer

    return EntityRecognizer(nlp, name, model_path=model_path)


@Language.factory("litopys_actors", assigns=["doc._.entities"], requires=["doc.spans"])
def make_actors(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.actors import ActorResolver

    return ActorResolver(nlp, name)


@Language.factory("litopys_time", assigns=["doc.spans"])
def make_time(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.time.tagger import TimeTagger

    return TimeTagger(nlp, name)


@Language.factory(
    "litopys_events", assigns=["doc._.events", "doc.spans"], requires=["doc._.entities"]
)
def make_events(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.events import EventExtractor

    return EventExtractor(nlp, name)


@Language.factory(
    "litopys_confidence",
    assigns=["doc._.events", "doc._.entities", "doc.spans", "doc.ents"],
    requires=["doc._.events", "doc._.entities"],
    default_config={"table_path": None},
)
def make_confidence(nlp: Language, name: str, table_path: str | None):  # type: ignore[no-untyped-def]
    from litopys.pipeline.confidence import ConfidenceScorer

    return ConfidenceScorer(nlp, name, table_path=table_path)
