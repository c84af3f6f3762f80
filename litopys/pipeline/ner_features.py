"""Token features for the NER model: pymorphy3 lemma and tags, and dictionary hits.

The NER model (``litopys/models/ner_uk``) embeds, besides the word's own form,
prefix, suffix and shape, three attributes this component sets on every token
before ``tok2vec`` runs:

- ``LEMMA``: the pymorphy3 normal form, so that "Києві", "Києва" and "Київ" share
  one row. Of the parses pymorphy3 gives (all with the same score in its Ukrainian
  dictionary) the first one that is not a first name, surname or patronymic is
  preferred: "Харкові" is "харків", not the surname "Харко".
- ``TAG``: the part of speech of the first parse, the name tags any parse carries
  (``Name``, ``Surn``, ``Patr``, ``Abbr``), animacy, and ``unk`` for a word
  pymorphy3 only guesses ("Сянсі"), e.g. ``NOUN|Surn|anim`` or ``NOUN|unk``.
- ``MORPH``: ``Gaz=<TYPE>`` when the token is part of the longest entry of the
  litopys dictionaries that matches here: the actor gazetteer (``GPE``, ``ORG``,
  ``LOC``, ``DOC``; ``Adj`` for a state's adjective or a demonym), the persons
  dictionary's surnames (``PERS``) and the offices lexicon (``JOB``).

The component is part of the trained model's pipeline, so ``spacy.load`` of the
model needs this module imported first (``litopys.pipeline.entities`` does it).
It has no weights and no state; everything is cached per word form.

DOCS: docs/NER.md
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from litopys.pipeline.morph import language_cache, parses

NAME_TAGS = ("Name", "Surn", "Patr", "Abbr")
GAZ_TYPES = {"name": None, "abbr": None, "alias": None, "adjective": "Adj", "demonym": "Adj"}


@language_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, str]:
    """The lemma and the tag string of one token text.

    word (str): the token as written.
    RETURNS (tuple[str, str]): (lemma, tag), e.g. ("харків", "NOUN|Surn|anim").
    """
    if not any(ch.isalpha() for ch in word):
        return word.lower(), "PUNCT" if not any(ch.isdigit() for ch in word) else "NUM"
    ps = parses(word)
    if not ps:
        return word.lower(), "X|unk"
    first = ps[0]
    plain = next((p for p in ps if not any(t in p.tag for t in NAME_TAGS[:3])), first)
    flags = [t for t in NAME_TAGS if any(t in p.tag for p in ps)]
    parts = [str(first.tag.POS or "X"), *flags]
    if plain.tag.animacy:
        parts.append(str(plain.tag.animacy))
    if not any(p.is_known for p in ps):
        parts.append("unk")
    return plain.normal_form, "|".join(parts)


@lru_cache(maxsize=1)
def dictionary_index() -> tuple[dict[str, str], dict[str, int]]:
    """Surface forms of the litopys dictionaries with their feature type.

    RETURNS (tuple[dict[str, str], dict[str, int]]): form -> type, and for each
    first word the most words a form starting with it has.
    """
    from litopys.data.gazetteer import load_gazetteer, load_offices, load_persons

    index: dict[str, str] = {}
    for form, hits in load_gazetteer().forms():
        kinds = [h for h in hits if h.kind in GAZ_TYPES]
        if kinds:
            hit = kinds[0]
            index[form] = GAZ_TYPES[hit.kind] or hit.type
    for form in load_offices().forms():
        index.setdefault(form, "JOB")
    for form in load_persons().name_forms():
        index.setdefault(form, "PERS")
    longest: dict[str, int] = {}
    for form in index:
        words = form.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return index, longest


def dictionary_types(words: list[str]) -> list[str | None]:
    """The dictionary type of each token, by greedy longest match.

    words (list[str]): lower-cased token texts.
    RETURNS (list[str | None]): a type per token, None outside any entry.
    """
    index, longest = dictionary_index()
    out: list[str | None] = [None] * len(words)
    n = len(words)
    i = 0
    while i < n:
        step = 1
        for size in range(min(longest.get(words[i], 0), n - i), 0, -1):
            found = index.get(" ".join(words[i : i + size]))
            if found is not None:
                out[i : i + size] = [found] * size
                step = size
                break
        i += step
    return out


class NerFeatures:
    """Set LEMMA, TAG and MORPH on each token (see the module docstring)."""

    def __init__(self, name: str = "litopys_ner_features") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        types = dictionary_types([t.lower_ for t in doc])
        for tok, kind in zip(doc, types, strict=True):
            lemma, tag = word_features(tok.text)
            tok.lemma_ = lemma
            tok.tag_ = tag
            if kind is not None:
                tok.set_morph(f"Gaz={kind}")
        return doc


@Language.factory("litopys_ner_features")
def make_ner_features(nlp: Language, name: str) -> NerFeatures:
    """spaCy factory for ``NerFeatures`` (no settings)."""
    return NerFeatures(name)
