"""Actors: merge mentions into entities with canonical names, offices and affiliation.

- Gazetteer mentions go to their dictionary entry (canonical name, CAMEO code,
  Wikidata id).
- People: each mention is put into the nominative ("Литвиновим" ->
  "Литвинов"); a mention joins an existing person when its words are a subset
  of that person's words ("Литвинов" joins "М. М. Литвинов", "Цзяну" joins
  "Цзян Тінфу"). Transliterated words pymorphy3 does not know are kept as
  written, since guessing their case endings does more harm than good.
- Offices come from the words to the left of a name ("народним комісаром
  закордонних справ СРСР М. М. Литвиновим"), put into the nominative; the
  first polity inside the office phrase that is not a place of posting
  ("посол СРСР у Китаї") is the person's affiliation.

Output: ``doc._.entities`` (id -> Entity) and ``span._.entity_id`` on every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from litopys.chronicle import Entity, Mention
from litopys.data.loader import load_yaml
from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.analysis import features, sentence_index
from litopys.pipeline.entities import (
    gazetteer,
    initial_length,
    is_initial,
    narrative_years,
    offices,
    period_ids,
    rules,
    words,
)
from litopys.pipeline.morph import (
    CASES,
    UD_TO_PYMORPHY,
    gender_of,
    nominative,
    parses_ranked,
    reads_as,
    tags_of,
)

SLUG_RE = re.compile(r"[^\w']+")


def slug(text: str) -> str:
    return SLUG_RE.sub("-", text.lower()).strip("-")


def token_case(tok: Token) -> str | None:
    c = tok.morph.get("Case")
    return UD_TO_PYMORPHY.get(c[0]) if c else None


@dataclass
class _Person:
    words: list[str]                      # nominative, without initials, lower case
    name: str                             # display name
    size: int
    spans: list[Span] = field(default_factory=list)
    initial: str = ""                     # the first letter of the given name, if known


def person_name(span: Span) -> tuple[str, list[str]]:
    """Nominative display name and the lower-case name words of a person mention."""
    out: list[str] = []
    words: list[str] = []
    gender = "masc"
    for tok in span:
        # known readings only: a guessed parse of an unknown word ("Даладье") has
        # no say in the gender
        name_genders = {g for p in _parses(tok.text) if p.is_known and "Name" in str(p.tag)
                        for g in ("masc", "femn") if g in str(p.tag)}
        if name_genders == {"femn"}:
            gender = "femn"
    # the one case the given names before the surname can be in ("Микита": the
    # nominative) picks the surname's reading ("Микита Швачка", not "Швачко")
    name_cases: set[str] | None = None
    for tok in span[:-1]:
        cases = {c for p in _parses(tok.text) if p.is_known and "Name" in str(p.tag)
                 for c in CASES[:-1] if c in str(p.tag)}
        if cases:
            name_cases = cases if name_cases is None else name_cases & cases
    case = next(iter(name_cases)) if name_cases and len(name_cases) == 1 else None
    skip = {tok.i + 1 for tok in span if tok.i < span.end - 1 and initial_length(
        span.doc, tok.i) == 2}  # the full stop of "Дж."
    saints = rules()["saint_words"]
    for tok in span:
        if tok.i in skip:
            continue
        if tok.i == span.start and (tok.lower_ in saints or tok.lemma_ in saints):
            # "святого Петра": the saint's word is shown (in the nominative), but it is
            # no name word a later "Петро" must match
            out.append(tok.text if tok.text.endswith(".") else
                       nominative(tok.text, None, prefer="ADJF", gender=gender))
            continue
        if is_initial(tok) or tok.i + 1 in skip:
            out.append(tok.text + ("." if tok.i + 1 in skip else ""))
            continue
        text = tok.text
        name_parses = [str(p.tag) for p in _parses(text)
                       if any(t in str(p.tag) for t in ("Name", "Surn", "Patr"))]
        if "-" in text and tok.i < span.end - 1:
            nom = _hyphenated_first_name(text, gender)  # "Франк-Вальтером" -> "Франк-Вальтер"
        elif any(gender in t or "Fixd" in t for t in name_parses):
            nom = nominative(text, case, prefer="Surn" if tok.i == span.end - 1
                             else "Name", gender=gender)
        else:
            # not known as a name of this person's gender: keep it as written
            nom = text
        out.append(nom)
        words.append(nom.lower())
    name = " ".join(out)
    name = re.sub(r"(\w\.) (?=\w\.)", r"\1 ", name)
    return name, words


def _hyphenated_first_name(text: str, gender: str) -> str:
    """A double first name in any case ("Франк-Вальтером", "Жан-Марком") in the nominative:
    each part that the dictionary knows as a name of the person's gender is put in the
    nominative; the word stays as written unless every part is such a name."""
    parts = text.split("-")
    out = []
    for part in parts:
        tags = [str(p.tag) for p in _parses(part) if p.is_known
                and ("Name" in str(p.tag) or "Surn" in str(p.tag))]
        if not any(gender in t for t in tags):
            return text
        out.append(keep_capitals(nominative(part, None, prefer="Name", gender=gender), part))
    return "-".join(out)


def keep_capitals(word: str, written: str) -> str:
    """``word`` with a capital wherever ``written`` (the same word as written, maybe in
    another case) has one at the start of the word or of a hyphenated part."""
    parts, orig = word.split("-"), written.split("-")
    if len(parts) != len(orig):
        parts, orig = [word], [written]
    return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                    for p, o in zip(parts, orig, strict=True))


def _parses(word: str):  # type: ignore[no-untyped-def]
    from litopys.pipeline.morph import parses

    return parses(word)


def _word_match(a: str, b: str) -> bool:
    """Same name word, allowing a case ending on a word pymorphy3 cannot inflect."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2


def _lemmas(tok: Token) -> set[str]:
    """The token's lemma and the normal forms of all its pymorphy3 readings."""
    from litopys.pipeline.morph import normal_forms

    return {tok.lemma_} | normal_forms(tok.text)  # (cached per word)


def _move_mention(entities: dict[str, Entity], span: Span, target_id: str | None) -> None:
    """Take the span's mention from the entity it names: to ``target_id`` (the span then
    names that entity), or nowhere (None). An entity left without mentions goes."""
    eid = span._.entity_id
    old = entities[eid]
    moved = [m for m in old.mentions if (m.start, m.end) == (span.start_char, span.end_char)]
    old.mentions = [m for m in old.mentions if m not in moved]
    if target_id is not None:
        target = entities[target_id]
        target.mentions = sorted(target.mentions + moved, key=lambda m: m.start)
        span._.entity_id = target_id
    if not old.mentions:
        del entities[eid]


def _merge_entity(doc: Doc, entities: dict[str, Entity], source: Entity, target: Entity,
                  relabel: bool = False) -> None:
    """Join all of ``source``'s mentions to ``target`` and drop ``source``; its spans name
    ``target`` (and take its type as their label with ``relabel``)."""
    target.mentions = sorted(target.mentions + source.mentions, key=lambda m: m.start)
    del entities[source.id]
    for span in doc.spans.get("mentions", []):
        if span._.entity_id == source.id:
            span._.entity_id = target.id
            if relabel:
                span.label_ = target.type


def phrase_nominative(tokens: list[Token]) -> str:
    """Put an office phrase into the nominative: the words agreeing with its head
    change, its complements ("закордонних справ СРСР") stay as written."""
    if not tokens:
        return ""
    # the case of the phrase is the case of its first noun ("Лівадійському палаці": the
    # adjective's first reading is dative, the noun's locative)
    pos = [_pos(t, tokens[k + 1] if k + 1 < len(tokens) else None)
           for k, t in enumerate(tokens)]
    head_case = next((token_case(t) for t, p in zip(tokens, pos, strict=True)
                      if p in ("NOUN", "PROPN")), None)
    out: list[str] = []
    changing = True
    head_gender = None
    for k, tok in enumerate(tokens):
        case = token_case(tok)
        if head_case is None:
            head_case = case
        if pos[k] == "ADJ" and case != head_case and \
                any(head_case in str(p.tag) for p in _parses(tok.text) if head_case):
            case = head_case
        if changing and pos[k] in ("NOUN", "PROPN") and case == head_case:
            body = next((p.normal_form for p in _parses(tok.text)
                         if p.normal_form in rules()["body_heads"]), None)
            if body is not None:
                out.append(body)  # "Ради Міністрів" -> "рада", not "рад"
            elif any(p.normal_form == tok.lower_ and "nomn" in str(p.tag)
                     for p in _parses(tok.text)):
                out.append(tok.lower_ if not tok.text.isupper() else tok.text)
            elif not tok.text.isupper() and (single := next(
                    (p.normal_form for p in _parses(tok.text) if p.is_known
                     and p.tag.POS == "NOUN" and "plur" not in p.tag
                     and ((case and case in p.tag)
                          or (case is None and p.normal_form == tok.lower_))), None)):
                # a singular noun's nominative is its dictionary form (some entries carry
                # no number: "Конституцію" would inflect to the plural)
                out.append(single)
            else:
                out.append(nominative(tok.text, case, prefer="NOUN").lower()
                           if not tok.text.isupper() else tok.text)
            head_gender = gender_of(tok.text, case)
            # everything after the head noun is a complement ("рейхсканцлер Німеччини")
            changing = False
            continue
        if changing and pos[k] == "ADJ" and case == head_case:
            nxt = next((t for t, p in zip(tokens[k + 1:], pos[k + 1:], strict=True)
                        if p in ("NOUN", "PROPN")), None)
            g = gender_of(nxt.text, case) if nxt is not None else head_gender
            first, dash, last = tok.text.rpartition("-")
            # "Донецько-Криворізьку": the last part of a compound agrees, the first stays
            out.append(first.lower() + dash + nominative(last, case, prefer="ADJF",
                                                         gender=g).lower())
            continue
        changing = False
        out.append(tok.text)
    text = " ".join(out)
    text = re.sub(r"([«“„]) ", r"\1", re.sub(r" ([,.»”])", r"\1", text))
    return text.replace("- ", "-").replace(" -", "-")


def _pos(tok: Token, nxt: Token | None) -> str:
    """The part of speech for putting a phrase in the nominative: a capitalised adjective
    the tagger read as a surname before a noun ("Польську делегацію") is an adjective."""
    if tok.pos_ == "PROPN" and nxt is not None and nxt.pos_ == "NOUN" and \
            any("ADJF" in str(p.tag) for p in _parses(tok.text)):
        return "ADJ"
    if tok.pos_ == "NOUN" and nxt is not None and nxt.pos_ == "NOUN" and tok.text.islower():
        # "мирним договором": an adjective read as a noun ("мирне"), agreeing in case
        case = token_case(nxt)
        if case and any("ADJF" in str(p.tag) and case in str(p.tag) for p in _parses(tok.text)):
            return "ADJ"
    return tok.pos_


def role_name(phrase: list[Token]) -> str:
    """The nominative of an office phrase: the offices lexicon's own form for the longest
    office it starts with ("народним комісаром закордонних справ" -> "народний комісар
    закордонних справ"; Russian "народного комиссара иностранных дел" -> "народный комиссар
    иностранных дел"), the rest as written; else the phrase put in the nominative."""
    lex = offices()
    words = [t.lower_ for t in phrase]
    for k in range(len(phrase), 0, -1):
        hit = lex.lookup(" ".join(words[:k]))
        if hit is not None:
            rest = "".join(t.text_with_ws for t in phrase[k:]).strip()
            return f"{hit.office} {rest}".strip()
    return phrase_nominative(phrase)


def _shortest_forms(p: _Person) -> None:
    """Use the shortest written variant of each name word in a cluster: "Севрюком"
    (a case form pymorphy3 cannot undo) becomes "Севрюк" when "О. Севрюк" is also there."""
    variants = {w for s in p.spans for w in person_name(s)[1]}
    def best(word: str) -> str:
        cands = [v for v in variants if _word_match(v, word) and len(v) < len(word)
                 and word.startswith(v)]
        return min(cands, key=len) if cands else word
    p.words = [best(w) for w in p.words]
    out = []
    for part in p.name.split(" "):
        low = part.lower()
        short = best(low)
        out.append(part[: len(short)] if short != low else part)
    p.name = " ".join(out)


def mention_index(mentions) -> dict[int, Span]:  # type: ignore[no-untyped-def]
    """Token index -> the mention covering it (the last one listed, where two overlap)."""
    at: dict[int, Span] = {}
    for m in mentions:
        for k in range(m.start, m.end):
            at[k] = m
    return at


def in_year(rules: dict[str, list[tuple[int, int, str]]], eid: str, year: int | None) -> str:
    """The id a period rule gives ``eid`` in ``year`` ("ussr" in 1918 -> "soviet_russia")."""
    for first, last, other in rules.get(eid, ()):
        if year is not None and first <= year <= last:
            return other
    return eid


def ensure_entity(entities: dict[str, Entity], rec) -> None:  # type: ignore[no-untyped-def]
    """Add a dictionary actor (a person's or a body's polity) as an entity if missing."""
    if rec.id not in entities:
        entities[rec.id] = Entity(id=rec.id, type=rec.type, name=rec.name, key=rec.id,
                                  cameo=rec.cameo, wikidata=rec.wikidata)


@lru_cache(maxsize=1)
def gazetteer_ids() -> frozenset[str]:
    """Ids of the actor dictionary (a span may carry an id set by an earlier run)."""
    return frozenset(a.id for a in gazetteer().actors())


def _sole_holder(people: list[Entity], entities: dict[str, Entity], state: str | None,
                 lemma: str) -> Entity | None:
    """The one person of the text with the office ``lemma`` names who acts for ``state``
    (among ``people``, the persons with roles), or None when there is none or more."""
    hit = offices().lookup(lemma)
    if hit is None:
        return None
    holders = [p for p in people if p.affiliation == state and any(
        hit.office in r or lemma in r.lower().split() for r in p.roles)]
    # (the state is tested last: a span's id is not always a string)
    return holders[0] if len(holders) == 1 and state in entities else None


def _bare_noun(doc: Doc, tok: Token, mention_at: dict[int, Span],
               determiners: frozenset[str] = frozenset(), adjective_after: bool = False) -> bool:
    """Is ``tok`` a noun in the singular standing alone: no adjective, determiner or number
    before it (but one of ``determiners``, "ця країна"), no name, noun or capitalised word
    after it (nor an adjective, with ``adjective_after``: "республіка радянського типу")?"""
    if not any(t.startswith("NOUN") and "plur" not in t for t in tags_of(tok.text)[:1]):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.pos_ in ("ADJ", "DET", "NUM") and prev.lemma_ not in determiners:
        return False  # "новий посол", "сусідня країна", "Османська імперія"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = ("NOUN", "PROPN", "ADJ") if adjective_after else ("NOUN", "PROPN")
    return nxt is None or not (nxt.i in mention_at or nxt.pos_ in after
                               or nxt.text[:1].isupper() and not nxt.is_sent_start)


@dataclass
class _ShortRefs:
    """The document's mentions as the short-reference passes (``_bare_offices``,
    ``_state_nouns``, ``_group_nouns``) see and extend them: built once, each pass adds its
    one-token mentions with :meth:`add`, and :meth:`commit` writes them to the doc."""

    doc: Doc
    mentions: list[Span]
    mention_at: dict[int, Span]
    sent_no: list[int]
    role_tokens: set[int]
    added: list[Span] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> _ShortRefs:
        mentions = list(doc.spans.get("mentions", []))
        return cls(doc, mentions, mention_index(mentions), sentence_index(doc)[1],
                   doc.user_data.get("litopys_role_tokens", set()))

    def sentence(self, k: int) -> int:
        return self.sent_no[k] if self.sent_no else 0

    def free(self, tok: Token) -> bool:
        """Is ``tok`` neither in a mention nor a role word of a person's title?"""
        return tok.i not in self.mention_at and tok.i not in self.role_tokens

    def add(self, ent: Entity, tok: Token) -> None:
        """Make the one-token ``tok`` a mention of ``ent``."""
        span = Span(self.doc, tok.i, tok.i + 1, label=ent.type)
        span._.entity_id = ent.id
        ent.mentions.append(Mention(span.start_char, span.end_char, span.text,
                                    self.sentence(tok.i)))
        ent.mentions.sort(key=lambda m: m.start)
        self.added.append(span)
        self.mention_at[tok.i] = span

    def commit(self) -> None:
        if self.added:
            self.doc.spans["mentions"] = sorted([*self.mentions, *self.added],
                                                key=lambda m: m.start)


def _title_of(doc: Doc, entities: dict[str, Entity], span: Span, start: int, person: Entity,
              sent_no: list[int] | None) -> Span:
    """Move the state's mention ``span`` to ``person``, as the title from ``start`` to the
    span's end ("радянський повпред", "Президент України"); RETURNS the new mention."""
    ent = entities[span._.entity_id]
    ent.mentions = [m for m in ent.mentions
                    if (m.start, m.end) != (span.start_char, span.end_char)]
    title = doc[start:span.end]
    person.mentions.append(Mention(title.start_char, title.end_char, title.text,
                                   sent_no[span.start] if sent_no else 0))
    new = Span(doc, start, span.end, label="PERSON")
    new._.entity_id = person.id
    return new


def parliament_of(pol_id: str | None, head: str | None, year: int | None):  # type: ignore[no-untyped-def]
    """The dictionary entry of a state's parliament ("український парламент" -> the
    Verkhovna Rada; ``parliaments`` in entity_rules.yaml), where the head noun is one for a
    parliament and the entry can be read in the narrative's year; else None."""
    if not pol_id or head not in rules()["parliament_heads"]:
        return None
    pid = load_yaml("entity_rules").get("parliaments", {}).get(pol_id)
    if pid is None:
        return None
    try:
        rec = gazetteer().actor(pid)
    except KeyError:
        return None
    return rec if rec.read_in(year) else None


@lru_cache(maxsize=1)
def capital_ids() -> frozenset[str]:
    """Ids of the cities the actor dictionary gives as some state's capital."""
    return frozenset(a.capital for a in gazetteer().actors() if a.capital)


def persons():  # type: ignore[no-untyped-def]
    from litopys.data.gazetteer import load_persons

    return load_persons()


def link_person(p: _Person, spans: list[Span], year: int | None):  # type: ignore[no-untyped-def]
    """The dictionary record of a person cluster, if exactly one fits.

    Candidates come from the full name, then the surname; a candidate must have
    been alive in the narrative year and have given names that fit the initials or
    first names the text uses ("Ф. Рузвельт" is Franklin, not Theodore).
    """
    book = persons()
    cands = []
    for span in spans:
        cands = book.lookup_full(span.text)
        if cands:
            break
    # a full-name form already holds the given name or initials, in whichever language
    # it is written ("Иоахим" for "Йоахім"): no letters left to check
    by_full = bool(cands)
    if not cands:
        cands = book.lookup_surname(" ".join(p.words)) or book.lookup_surname(p.words[-1])
    if not cands:
        return None
    initials = {t.text[0].lower() for s in spans for t in s if is_initial(t)}
    given = {w[0] for w in p.words[:-1]} if len(p.words) > 1 else set()
    letters = initials | given

    def fits(rec) -> bool:  # type: ignore[no-untyped-def]
        if year is not None and rec.born and rec.died and not (
                rec.born + 15 <= year <= rec.died + 1):
            return False
        if letters and rec.given and not by_full:
            firsts = {w[0].lower() for w in rec.given.split() if w}
            if not letters & firsts:
                return False
        return True

    fitting = [r for r in cands if fits(r)]
    if len(fitting) == 1:
        return fitting[0]
    polities = {r.polity_at(year) for r in fitting}
    if len(fitting) > 1 and len(polities) == 1 and None not in polities:
        # "Рузвельт" with no year: which Roosevelt is open, that he acts for the USA is not
        return _PolityOnly(polities.pop())
    return None


@dataclass
class _PolityOnly:
    """An ambiguous dictionary match whose candidates all act for one polity."""

    polity: str
    id: str = ""
    name: str = ""
    wikidata: str | None = None

    def polity_at(self, year: int | None) -> str:
        return self.polity


class ActorResolver:
    """Merge mentions into entities (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "litopys_actors") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        gaz = gazetteer()
        entities: dict[str, Entity] = {}
        people: list[_Person] = []
        mentions = list(doc.spans.get("mentions", []))
        _, sent_no = sentence_index(doc)

        def sentence_of(span: Span) -> int:
            return sent_no[span.start] if sent_no else 0

        def add(eid: str, etype: str, name: str, span: Span, **kw: object) -> None:
            ent = entities.get(eid)
            if ent is None:
                ent = entities[eid] = Entity(id=eid, type=etype, name=name, key=eid, **kw)
            ent.mentions.append(Mention(span.start_char, span.end_char, span.text,
                                        sentence_of(span)))
            span._.entity_id = eid

        # people first by size, so that "Литвинов" can join "М. М. Литвинов"
        inner_people = [Span(doc, a, b, label=label) for a, b, label, _ in
                        doc.user_data.get("litopys_inner_mentions", []) if label == "PERSON"]
        person_spans = sorted(
            [*(s for s in mentions if s.label_ == "PERSON"), *inner_people],
            key=lambda s: (-sum(1 for t in s if not is_initial(t)), s.start),
        )
        for span in person_spans:
            name, words = person_name(span)
            if not words:
                continue
            found = None
            letters = [t.text[0].lower() for t in span if is_initial(t)
                       or initial_length(doc, t.i) == 2]
            initial = letters[0] if letters else (words[0][:1] if len(words) > 1 else "")
            for p in people:
                if letters and len(words) == 1 and not _word_match(words[0], p.words[-1]):
                    continue  # "Г. К. Богдановым" is no "Богдан Хмельницький"
                if initial and p.initial and initial != p.initial:
                    continue  # "А. Л." and "Б. И. Ордин-Нащокин": two people
                if all(any(_word_match(w, pw) for pw in p.words) for w in words):
                    found = p
                    break
            size = len(words) * 10 + len(span)  # full given names beat initials
            if found is None:
                found = _Person(words=words, name=name, size=size, initial=initial)
                people.append(found)
            elif not found.initial:
                found.initial = initial
            elif size > found.size:
                found.name, found.size = name, size
            found.spans.append(span)
        years = self._narrative_years(doc)
        linked: dict[str, tuple[object, int | None]] = {}
        for p in people:
            _shortest_forms(p)
            spans = sorted(p.spans, key=lambda s: s.start)
            year = years[spans[0].start] if years else None
            rec = link_person(p, spans, year)
            if rec is not None and rec.id:
                eid, name = rec.id, rec.name
            else:
                eid, name = "person:" + slug(" ".join(p.words)), p.name
                if eid in entities and p.initial:
                    # another person of the same surname ("А. Л." and "Б. И. Ордин-Нащокін")
                    eid = "person:" + slug(f"{p.initial} {' '.join(p.words)}")
            if rec is not None:
                linked[eid] = (rec, year)
            for span in spans:
                add(eid, "PERSON", name, span)
        for eid, (rec, year) in linked.items():
            ent = entities[eid]
            ent.wikidata = rec.wikidata  # type: ignore[attr-defined]
            ent._polity = rec.polity_at(year)  # type: ignore[attr-defined]

        periods = period_ids()
        acting = period_ids("period_affiliations")
        known_ids = gazetteer_ids()
        capitals: dict[str, str] = {}
        abbreviations: dict[int, int] = doc.user_data.get("litopys_abbrev_of", {})
        span_names: dict[int, str] = doc.user_data.get("litopys_span_names", {})
        names_at: dict[int, str] = {}
        for span in mentions:
            if span.label_ == "PERSON":
                continue
            if span._.entity_id and span._.entity_id in known_ids:
                year = years[span.start] if years else None
                # an abbreviation names the state of its own time whatever the narrative's
                # year ("сучасної РФ" in a text on 1667)
                modern = len(span) == 1 and span.text.isupper() and len(span.text) > 1
                rec = gaz.actor(span._.entity_id if modern else
                                in_year(periods, span._.entity_id, year))
                add(rec.id, rec.type, rec.name, span, cameo=rec.cameo, wikidata=rec.wikidata)
                other = in_year(acting, rec.id, year)
                if other != rec.id and other in known_ids and entities[rec.id].affiliation is None:
                    pol = gaz.actor(other)
                    ensure_entity(entities, pol)
                    entities[rec.id].affiliation = pol.id
                if rec.id in capital_ids() and rec.polity:
                    # a capital that acts stands for its government (metonymy):
                    # "Москва побоювалася"; settled once every mention is in
                    capitals.setdefault(
                        rec.id, in_year(periods, rec.polity_at(year) or rec.polity, year))
                if rec.type == "ORG" and rec.polity and entities[rec.id].affiliation is None:
                    # a body acts for its polity: "Верховна Рада" for Ukraine
                    pol_id = in_year(periods, rec.polity_at(year) or rec.polity, year)
                    if pol_id in known_ids:
                        pol = gaz.actor(pol_id)
                        ensure_entity(entities, pol)
                        entities[rec.id].affiliation = pol.id
                continue
            # a many-word place stays as written ("Жовтими Водами"); a state named by its
            # noun goes into the nominative ("Кубанську Народну Республіку")
            named = ("DOC", "ORG", "LOC", "GPE") if len(span) == 1 or span.label_ != "GPE" \
                or span[-1].lemma_ in rules()["state_heads"] else ("DOC", "ORG", "LOC")
            name = phrase_nominative(list(span)) if span.label_ in named else span.text
            if span.label_ in named and span.text[:1].isupper():
                name = name[:1].upper() + name[1:]
                written = span.text.split()
                if len(written) == len(name.split()):
                    # "Західна Україна", "Кючук-Кайнарджійський": each word (and each
                    # part of a hyphenated word) keeps its capital letter
                    name = " ".join(keep_capitals(w, o)
                                    for w, o in zip(name.split(), written, strict=True))
            # "Київського, Чернігівського та Брацлавського воєводств": one region each
            name = span_names.get(span.start, name)
            if span.start in abbreviations:  # "В.м.д.": the document it abbreviates
                name = names_at.get(abbreviations[span.start], name)
            names_at[span.start] = name
            rec = self._lookup_name(name)
            if rec is not None:
                add(rec.id, rec.type, rec.name, span, cameo=rec.cameo, wikidata=rec.wikidata)
            else:
                eid = f"{span.label_.lower()}:{slug(name)}"
                pol_id = doc.user_data.get("litopys_org_polity", {}).get(span.start)
                head = doc.user_data.get("litopys_org_head", {}).get(span.start)
                year = years[span.start] if years else None
                if pol_id:
                    # the state the adjective stands for in the narrative's year, and the
                    # state that acts for it then ("українська делегація" in 1918: the UNR)
                    pol_id = in_year(periods, pol_id, year)
                    acting_id = in_year(acting, pol_id, year)
                    pol_id = acting_id if acting_id in known_ids else pol_id
                parliament = parliament_of(pol_id, head, year)
                if parliament is not None:
                    # "Український парламент ратифікував": the Verkhovna Rada
                    add(parliament.id, parliament.type, parliament.name, span,
                        cameo=parliament.cameo, wikidata=parliament.wikidata)
                    if entities[parliament.id].affiliation is None:
                        ensure_entity(entities, gaz.actor(pol_id))
                        entities[parliament.id].affiliation = pol_id
                    continue
                if pol_id and head:
                    # "радянська" and "російська делегація" in 1921: one delegation
                    eid = f"org:{pol_id}:{slug(head)}"
                    name = entities[eid].name if eid in entities else name
                add(eid, span.label_, name, span)
                if pol_id and entities[eid].affiliation is None:
                    # "німецькі війська" act for Germany (of the narrative's year)
                    pol = gaz.actor(pol_id)
                    ensure_entity(entities, pol)
                    entities[eid].affiliation = pol.id

        self._inner_mentions(doc, entities, sentence_of)
        self._merge_short_bodies(doc, entities)
        self._merge_same_as(doc, entities)
        self._merge_generic_documents(doc, entities)
        self._merge_place_forms(doc, entities)
        self._drop_people_alone(doc, entities)
        for city, pol_id in capitals.items():
            # only a polity the text itself names: a capital alone adds no state ...
            if pol_id in entities and entities[pol_id].mentions and \
                    entities[city].affiliation is None:
                entities[city].affiliation = pol_id
        # ... unless it acts: the events stage gives an acting capital its state
        doc.user_data["litopys_capital_polity"] = {
            city: pol_id for city, pol_id in capitals.items() if pol_id in known_ids}
        self._roles(doc, entities)
        self._predicative_roles(doc, entities)
        self._office_alone(doc, entities)
        refs = _ShortRefs.of(doc)
        self._bare_offices(refs, entities)
        self._state_nouns(refs, entities)
        self._group_nouns(refs, entities)
        refs.commit()
        self._ruler_titles(doc, entities)
        for ent in list(entities.values()):
            polity = getattr(ent, "_polity", None)
            if ent.type == "PERSON" and ent.affiliation is None and polity:
                try:
                    pol = gaz.actor(polity)
                except KeyError:
                    continue
                ensure_entity(entities, pol)
                ent.affiliation = pol.id
        doc._.entities = entities
        return doc

    @staticmethod
    def _narrative_years(doc: Doc) -> list[int | None]:
        """For every token, the year of the last dated time expression before it."""
        return narrative_years(doc)

    @staticmethod
    def _inner_mentions(doc: Doc, entities: dict[str, Entity], sentence_of) -> None:  # type: ignore[no-untyped-def]
        """A dictionary name inside a longer name ("України" in "Конституція України",
        "Речі Посполитої" in "військо Речі Посполитої"; ``litopys_inner_mentions``, set by
        the entity stage) is a mention of its entry too."""
        known = gazetteer_ids()
        for start, end, _label, eid in doc.user_data.get("litopys_inner_mentions", []):
            if eid not in known:
                continue
            ensure_entity(entities, gazetteer().actor(eid))
            span = doc[start:end]
            ent = entities[eid]
            if any(m.start == span.start_char for m in ent.mentions):
                continue
            ent.mentions.append(Mention(span.start_char, span.end_char, span.text,
                                        sentence_of(span)))
            ent.mentions.sort(key=lambda m: m.start)

    @staticmethod
    def _drop_people_alone(doc: Doc, entities: dict[str, Entity]) -> None:
        """A state named only by the word for its people ("чехів", "серби") in the whole
        text is not an actor of the text: the people are mentioned, the state is not."""
        gaz = gazetteer()
        alone = {eid for eid, ent in entities.items()
                 if ent.type == "GPE" and ent.mentions and all(
                     {h.kind for h in gaz.lookup(m.text.lower()) if h.id == eid} == {"demonym"}
                     for m in ent.mentions)}
        alone -= {e.affiliation for e in entities.values()}  # a person's state stays
        if not alone:
            return
        for eid in alone:
            del entities[eid]
        doc.spans["mentions"] = [s for s in doc.spans.get("mentions", [])
                                 if s._.entity_id not in alone]

    @staticmethod
    def _merge_short_bodies(doc: Doc, entities: dict[str, Entity]) -> None:
        """"Сойму" or "Рада комісарів" in a text that names "Сойм Карпатської України" or
        "Рада народних комісарів Української СРР": a shorter capitalised mention whose
        words are all words of exactly one longer body of the text, head noun first, is a
        short mention of that body, not an entity of its own."""
        known = gazetteer_ids()
        mentions = list(doc.spans.get("mentions", []))
        bodies: list[tuple[str, int, set[str], set[str]]] = []  # id, size, head, words
        for span in mentions:
            eid = span._.entity_id
            if span.label_ != "ORG" or len(span) < 2 or eid not in entities:
                continue  # (a dictionary body too: "Рада" in a text on "Верховна Рада")
            head = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
            if head is not None:
                bodies.append((eid, len(span), _lemmas(head),
                               set().union(*(_lemmas(t) for t in span))))
        if not bodies:
            return
        for span in mentions:
            eid = span._.entity_id
            if span.label_ not in ("ORG", "GPE") or eid in known or eid not in entities or \
                    not span.text[:1].isupper():
                continue
            head = _lemmas(span[0])
            targets = {bid for bid, size, bhead, words in bodies
                       if bid != eid and size > len(span) and head & bhead
                       and all(_lemmas(t) & words for t in span)}
            if len(targets) != 1:
                continue
            _move_mention(entities, span, targets.pop())

    @staticmethod
    def _merge_same_as(doc: Doc, entities: dict[str, Entity]) -> None:
        """A mention the entity stage found to refer back to an earlier one ("Конференція"
        after "Лозаннська конференція"; ``litopys_same_as``) is a mention of that one's
        entity."""
        same_as = doc.user_data.get("litopys_same_as")
        if not same_as:
            return
        by_start = {s.start: s for s in doc.spans.get("mentions", [])}
        for start, antecedent in same_as.items():
            span, earlier = by_start.get(start), by_start.get(antecedent)
            if span is None or earlier is None or span._.entity_id not in entities or \
                    earlier._.entity_id not in entities or \
                    span._.entity_id == earlier._.entity_id:
                continue
            _move_mention(entities, span, earlier._.entity_id)

    @staticmethod
    def _merge_place_forms(doc: Doc, entities: dict[str, Entity]) -> None:
        """"Андрусово" and "Андрусовом": one-word places no dictionary knows, written in
        two cases, are one place (the shorter form, most often the nominative, names it)."""
        places = sorted((e for e in entities.values() if e.type in ("GPE", "LOC")
                         and e.id.startswith(("gpe:", "loc:")) and " " not in e.name),
                        key=lambda e: (len(e.name), e.id))
        for k, short in enumerate(places):
            if short.id not in entities:
                continue
            for other in places[k + 1:]:
                if other.id in entities and other.type == short.type and \
                        _word_match(short.name.lower(), other.name.lower()):
                    _merge_entity(doc, entities, other, short)
        # "Андрусовом" read as a surname where the text names the village "Андрусово"
        lone = [e for e in entities.values() if e.type == "PERSON" and e.id.startswith(
            "person:") and " " not in e.name and all(" " not in m.text for m in e.mentions)]
        for person in lone:
            place = next((p for p in places if p.id in entities and _word_match(
                p.name.lower(), person.name.lower())), None)
            if place is None:
                continue
            _merge_entity(doc, entities, person, place, relabel=True)

    @staticmethod
    def _merge_generic_documents(doc: Doc, entities: dict[str, Entity]) -> None:
        """"мирний договір", "політичну конвенцію": a document named by lower-case
        adjectives and its head noun is a short mention of the one other document of the
        text whose name has that head and those adjectives ("Ризький мирний договір"),
        and no entity where several have them; where none has the head, or none the
        adjectives ("політична" beside "Військова конвенція"), it is a document of its
        own."""
        generic = doc.user_data.get("litopys_generic_doc", {})
        if not generic:
            return
        bare = doc.user_data.get("litopys_bare_doc", set())
        drop: set[int] = set()
        spans = [s for s in doc.spans.get("mentions", []) if s.label_ == "DOC"]
        named: dict[str, set[str]] = {}  # entity id -> the head lemmas of its mentions
        named_words: dict[str, set[str]] = {}  # entity id -> the lemmas of all its words
        for span in spans:
            if span.start not in generic and span._.entity_id in entities:
                named.setdefault(span._.entity_id, set()).update(
                    *(_lemmas(t) for t in span if t.pos_ in ("NOUN", "PROPN")))
                named_words.setdefault(span._.entity_id, set()).update(
                    *(_lemmas(t) for t in span))
        for span in spans:
            eid = span._.entity_id
            if span.start not in generic or eid not in entities:
                continue
            head = _lemmas(doc[generic[span.start]])
            targets = [tid for tid, lemmas in named.items() if tid != eid and head & lemmas]
            adjectives = [_lemmas(t) for t in doc[span.start : generic[span.start]]]
            targets = [tid for tid in targets
                       if all(a & named_words[tid] for a in adjectives)]
            if span.start in bare and len(targets) != 1:
                drop.add(span.start)  # a head alone names no document of its own
                targets = targets or [eid]
            if not targets:
                continue
            _move_mention(entities, span,
                          targets[0] if len(targets) == 1 and span.start not in drop else None)
        if drop:
            doc.spans["mentions"] = [s for s in doc.spans.get("mentions", [])
                                     if s.start not in drop or s.label_ != "DOC"]

    @staticmethod
    def _lookup_name(name: str):  # type: ignore[no-untyped-def]
        hits = gazetteer().lookup(name.lower())
        hits = [h for h in hits if h.kind != "adjective"]
        return gazetteer().actor(hits[0].id) if hits else None

    def _roles(self, doc: Doc, entities: dict[str, Entity]) -> None:
        """Offices in apposition to the left of each person mention, and affiliation."""
        stops = words("actors")["role_stops"]
        locative = words("actors")["locative_preps"]
        office_lex = offices()
        gaz = gazetteer()
        years = narrative_years(doc)
        sent_first, _ = sentence_index(doc)
        role_tokens: set[int] = set()
        role_start: dict[int, int] = {}
        doc.user_data["litopys_role_tokens"] = role_tokens
        doc.user_data["litopys_role_start"] = role_start
        previous: Span | None = None
        mention_at = mention_index(doc.spans.get("mentions", []))
        for span in doc.spans.get("mentions", []):
            if span.label_ != "PERSON" or span._.entity_id not in entities:
                continue
            ent = entities[span._.entity_id]
            # walk left to the start of the office phrase
            k = span.start - 1
            lo = max(sent_first[span.start], span.start - 12)
            start = None
            while k >= lo:
                tok = doc[k]
                if tok.is_punct and tok.text not in ("-", "'"):
                    break
                if tok.lower_ in stops:
                    break
                m = mention_at.get(k)
                if m is not None and m.label_ == "PERSON":
                    break
                if tok.pos_ == "VERB" and "VerbForm=Part" not in str(tok.morph):
                    break
                # (a ranked dictionary: only the likeliest reading, "дел" is not "деть")
                if not office_lex.lookup(tok.lemma_) and any(
                        t.startswith("VERB") and ("past" in t or "pres" in t or "futr" in t)
                        for t in (tok._.tags[:1] if parses_ranked(tok.text) else tok._.tags)):
                    break  # "гетьманом став": a verb reading ends the office phrase
                if office_lex.lookup(tok.lemma_) or office_lex.lookup(tok.lower_):
                    start = k
                k -= 1
            if start is None:
                # "Губерт Масаржик та Войтех Мастні": a coordinated name shares the office
                if previous is not None and previous._.entity_id in entities and \
                        0 < span.start - previous.end <= 1 and \
                        doc[previous.end].lower_ in words("actors")["coordinators"]:
                    prev_ent = entities[previous._.entity_id]
                    for r in prev_ent.roles:
                        if r not in ent.roles:
                            ent.roles.append(r)
                    ent.affiliation = ent.affiliation or prev_ent.affiliation
                    if previous.start in role_start:
                        role_start[span.start] = role_start[previous.start]
                previous = span
                continue
            previous = span
            # include adjectives agreeing with the office ("народним комісаром")
            while start > lo and doc[start - 1].pos_ == "ADJ" and not doc[start - 1].is_punct \
                    and token_case(doc[start - 1]) == token_case(doc[start]):
                start -= 1
            phrase = list(doc[start : span.start])
            role_tokens.update(range(start, span.start))
            role_start[span.start] = start
            role = role_name(phrase)
            if role and role not in ent.roles:
                ent.roles.append(role)
            if ent.affiliation is None:
                aff = self._affiliation(phrase, mention_at, entities, gaz, locative,
                                        years[phrase[0].i] if len(phrase) else None)
                ent.affiliation = self._polity_of(aff, entities, gaz) if aff else None

    def _predicative_roles(self, doc: Doc, entities: dict[str, Entity]) -> None:
        """An office in the instrumental with a verb of appointment or being, in a sentence
        with one person: "повпредом у Китаї було призначено Д. В. Богомолова", "Литвинов
        став наркомом закордонних справ"."""
        verbs = words("actors")["role_verbs"]
        office_lex = offices()
        gaz = gazetteer()
        years = narrative_years(doc)
        locative = words("actors")["locative_preps"]
        role_tokens = doc.user_data.setdefault("litopys_role_tokens", set())
        role_start = doc.user_data.setdefault("litopys_role_start", {})
        mentions = list(doc.spans.get("mentions", []))
        mention_at = mention_index(mentions)
        _, sent_no = sentence_index(doc)
        by_sentence: dict[int, list[Span]] = {}
        for m in mentions:
            if m.label_ == "PERSON" and m._.entity_id in entities:
                by_sentence.setdefault(sent_no[m.start] if sent_no else 0, []).append(m)
        for sent in doc.sents:
            people = by_sentence.get(sent_no[sent.start] if sent_no else 0, [])
            if len({m._.entity_id for m in people}) != 1 or \
                    any(m.start in role_start for m in people):
                continue
            if not any(reads_as(t.text, verbs) for t in sent):
                continue  # "став" is also a pond: any reading of the word counts
            for tok in sent:
                m = mention_at.get(tok.i)
                if tok.i in role_tokens or (m is not None and m.label_ not in ("GPE", "ORG")) \
                        or token_case(tok) != "ablt" or tok.pos_ != "NOUN" \
                        or not office_lex.lookup(tok.lemma_):
                    continue
                start = tok.i
                while start > sent.start and doc[start - 1].pos_ == "ADJ" and \
                        token_case(doc[start - 1]) == "ablt":
                    start -= 1
                end = tok.i + 1
                while end < sent.end:
                    nxt = doc[end]
                    m = mention_at.get(end)
                    if m is not None and m.label_ in ("GPE", "ORG"):
                        end = m.end
                    elif nxt.lower_ in locative and end + 1 < sent.end and \
                            mention_at.get(end + 1) is not None and \
                            mention_at[end + 1].label_ in ("GPE", "ORG"):
                        end = mention_at[end + 1].end
                    elif nxt.pos_ in ("NOUN", "ADJ") and token_case(nxt) == "gent" and \
                            m is None:
                        end += 1
                    else:
                        break
                phrase = list(doc[start:end])
                ent = entities[people[0]._.entity_id]
                role = role_name(phrase)
                if role and role not in ent.roles:
                    ent.roles.append(role)
                role_tokens.update(range(start, end))
                if ent.affiliation is None:
                    aff = self._affiliation(phrase, mention_at, entities, gaz, locative,
                                            years[phrase[0].i] if len(phrase) else None)
                    ent.affiliation = self._polity_of(aff, entities, gaz) if aff else None
                break

    @staticmethod
    def _office_alone(doc: Doc, entities: dict[str, Entity]) -> None:
        """"Радянський повпред прибув": a state adjective with an office and no name after
        it is the one person of that state the text gives that office, when there is
        exactly one; otherwise it stays a mention of the state."""
        office_lex = offices()
        role_tokens = doc.user_data.get("litopys_role_tokens", set())
        mentions = list(doc.spans.get("mentions", []))
        people = [e for e in entities.values() if e.type == "PERSON" and e.roles]
        _, sent_no = sentence_index(doc)
        changed = False
        for n, span in enumerate(mentions):
            head = span[-1]
            if span.label_ != "GPE" or len(span) < 2 or span.start in role_tokens or \
                    not office_lex.lookup(head.lemma_):
                continue
            nxt = mentions[n + 1] if n + 1 < len(mentions) else None
            if nxt is not None and nxt.label_ == "PERSON" and nxt.start == span.end:
                continue  # "радянського повпреда Д. В. Богомолова": the office of a name
            person = _sole_holder(people, entities, span._.entity_id, head.lemma_)
            if person is None:
                continue
            mentions[n] = _title_of(doc, entities, span, span.start, person, sent_no)
            changed = True
        pronoun_adjectives = words("actors")["pronoun_adjectives"]
        for n, span in enumerate(mentions):
            # "Президент України також зазначив": an office before a state's name in the
            # genitive, with no name after it, is the one person the text gives that office
            k = span.start - 1
            if span.label_ not in ("GPE", "ORG") or k < 0 or k in role_tokens or \
                    doc[k].pos_ != "NOUN" or not office_lex.lookup(doc[k].lemma_) or \
                    "gent" not in str(span[0].morph) + " ".join(tags_of(span[0].text)):
                continue
            nxt = mentions[n + 1] if n + 1 < len(mentions) else None
            if nxt is not None and nxt.label_ == "PERSON" and nxt.start <= span.end + 1:
                continue  # "президент України Володимир Зеленський": the office of a name
            if any(m.start < k + 1 and k < m.end for m in mentions if m is not span):
                continue
            person = _sole_holder(people, entities, span._.entity_id, doc[k].lemma_)
            if person is None:
                continue
            start = k - 1 if k > 0 and doc[k - 1].pos_ == "ADJ" and \
                doc[k - 1].lemma_ not in pronoun_adjectives and not any(
                    m.start <= k - 1 < m.end for m in mentions) else k
            mentions[n] = _title_of(doc, entities, span, start, person, sent_no)
            changed = True
        if changed:
            for ent in entities.values():
                ent.mentions.sort(key=lambda m: m.start)
            doc.spans["mentions"] = sorted(mentions, key=lambda m: m.start)

    @staticmethod
    def _bare_offices(refs: _ShortRefs, entities: dict[str, Entity]) -> None:
        """"Президент провів переговори", "Посол передав ноту": an office noun in the
        singular with no name, state or adjective of its own is the one person the text named
        before it with that office ("Президент України Володимир Зеленський"), when exactly
        one person of the text has it."""
        people = [e for e in entities.values() if e.type == "PERSON" and e.roles and e.mentions]
        if not people:
            return
        office_lex = offices()
        doc = refs.doc
        for i, pos in enumerate(features(doc).pos):
            if pos != "NOUN":
                continue
            tok = doc[i]
            if not tok.is_alpha or not refs.free(tok):
                continue
            hit = office_lex.lookup(tok.lemma_)
            if hit is None or not _bare_noun(doc, tok, refs.mention_at):
                continue  # "президент України", "посол Франції", "радянський повпред"
            holders = [p for p in people if any(
                hit.office in r or tok.lemma_ in r.lower().split() for r in p.roles)
                and p.mentions[0].start < tok.idx]
            if len(holders) == 1:
                refs.add(holders[0], tok)

    @staticmethod
    def _state_nouns(refs: _ShortRefs, entities: dict[str, Entity]) -> None:
        """"Того ж року країна підписала угоду", "ця держава": a noun for a state
        (``state_nouns``) in the singular, alone or after a demonstrative, with no name, noun
        or capitalised word after it, is the state that the last earlier sentence naming
        states (within two sentences) named first."""
        vocab = words("actors")
        nouns = vocab.get("state_nouns", frozenset())
        if not nouns:
            return
        dets = vocab.get("state_noun_determiners", frozenset())
        gaz = gazetteer()

        def is_state(eid: str) -> bool:
            try:
                rec = gaz.actor(eid)
            except KeyError:
                return False
            return rec.type == "GPE" and rec.polity is None

        doc, sentence = refs.doc, refs.sentence
        states = [m for m in refs.mentions
                  if m.label_ == "GPE" and is_state(m._.entity_id or "")]
        for i, lemma in enumerate(features(doc).lemma):
            if lemma not in nouns:
                continue
            tok = doc[i]
            if not refs.free(tok) or \
                    not _bare_noun(doc, tok, refs.mention_at, dets, adjective_after=True):
                continue  # "країна Рад", "держава Ізраїль", "сусідня країна"
            here = sentence(tok.i)
            earlier = [m for m in states if m.start < tok.i and here - 2 <= sentence(m.start) < here]
            if not earlier:
                continue
            last = max(sentence(m.start) for m in earlier)
            first = min((m for m in earlier if sentence(m.start) == last), key=lambda m: m.start)
            ent = entities.get(first._.entity_id or "")
            if ent is not None:
                refs.add(ent, tok)

    @staticmethod
    def _group_nouns(refs: _ShortRefs, entities: dict[str, Entity]) -> None:
        """"Делегація підписала", "Військо атакувало": a noun for a body or a force
        (``group_nouns``) in the singular, alone or after a demonstrative, with no name, noun
        or capitalised word after it, is what the last earlier use of that noun (within five
        sentences) named: the body it heads ("польське військо") or the name in the genitive
        right after it ("делегація УНР")."""
        vocab = words("actors")
        nouns = vocab.get("group_nouns", frozenset())
        if not nouns:
            return
        dets = vocab.get("state_noun_determiners", frozenset())
        doc, mention_at = refs.doc, refs.mention_at
        last: dict[str, tuple[int, str]] = {}  # lemma -> (sentence, entity id) of its last use
        for i, lemma in enumerate(features(doc).lemma):
            if lemma not in nouns:
                continue
            tok = doc[i]
            if not tok.is_alpha:
                continue
            here = refs.sentence(tok.i)
            inside = mention_at.get(tok.i)
            after = mention_at.get(tok.i + 1)
            if inside is not None and inside.label_ in ("ORG", "GPE") and inside._.entity_id:
                last[lemma] = (here, inside._.entity_id)  # "польське військо"
                continue
            if after is not None and after.label_ in ("ORG", "GPE") and after._.entity_id:
                last[lemma] = (here, after._.entity_id)  # "делегація УНР"
                continue
            if not refs.free(tok) or \
                    not _bare_noun(doc, tok, mention_at, dets, adjective_after=True):
                continue  # "нова делегація", "російська армія" (the entity stage's own)
            seen = last.get(lemma)
            ent = entities.get(seen[1]) if seen is not None and here - seen[0] <= 5 else None
            if ent is not None:
                refs.add(ent, tok)

    @staticmethod
    def _ruler_titles(doc: Doc, entities: dict[str, Entity]) -> None:
        """"Короля", "кримського хана", "короля Польщі", "султанові": a ruler's title in the
        singular with no name after it is the ruler who held that office of that polity in
        the narrative year (``rulers.yaml``). The polity is the one an adjective before the
        title or a state's genitive after it names; for a bare title, the one polity of the
        document with that office then, else the polity of a holder the text names ("Богдан
        Хмельницький ... Гетьман надіслав"), else the title's only polity (a khan is the
        Crimean khan, a sultan the Ottoman one). A ruler the text neither names nor calls by
        title twice stays out (the shared dev gold leaves such a background ruler
        unannotated: "видав план війни султанові"); a named one takes every title."""
        from litopys.data.gazetteer import RulerRecord, load_rulers

        def pairs(key: str) -> dict[str, list[str]]:
            out: dict[str, list[str]] = {}
            for item in words("actors").get(key, ()):
                word, _, rest = item.partition(":")
                out[word] = rest.split(",")
            return out

        titles = pairs("ruler_titles")
        sole = pairs("ruler_sole_polity")
        if not titles:
            return
        reigns = load_rulers()
        gaz = gazetteer()
        book = persons()
        periods = period_ids()
        years = narrative_years(doc)
        role_tokens = doc.user_data.get("litopys_role_tokens", set())
        mentions = list(doc.spans.get("mentions", []))
        mention_at = mention_index(mentions)
        _, sent_no = sentence_index(doc)

        def polity_ids(eid: str, year: int) -> set[str]:
            return {eid, in_year(periods, eid, year)}

        def adjective_polity(tok: Token, year: int) -> set[str]:
            hits = [h for h in gaz.lookup(tok.lower_) if h.kind == "adjective"
                    and h.type in ("GPE", "LOC")]
            return polity_ids(hits[0].id, year) if hits else set()

        def singular(tok: Token) -> bool:
            # the tagger's number is unreliable here ("султанові" as a plural adjective):
            # a noun reading in the singular, the locative only after a preposition
            after_prep = tok.i > 0 and doc[tok.i - 1].pos_ == "ADP"
            for tag in tags_of(tok.text):
                if not tag.startswith("NOUN") or "plur" in tag:
                    continue
                if "loct" not in tag or after_prep:
                    return True
            return False

        named = {e.id for e in entities.values() if e.type == "PERSON" and e.mentions}

        doc_polities: set[str] = set()
        for ent in entities.values():
            if ent.type == "GPE" and ent.mentions:
                doc_polities.add(ent.id)
        pending: dict[str, list[tuple[int, int, Span | None, RulerRecord]]] = {}
        from litopys.pipeline.morph import normal_forms

        f = features(doc)
        for i, (lemma, lower, text) in enumerate(zip(f.lemma, f.lower, f.text, strict=True)):
            # (the title tests below, first on the lists: most tokens are no title)
            if i in role_tokens or (lemma.lower() not in titles and lower not in titles and
                                    lemma not in titles and
                                    not any(w in titles for w in normal_forms(text))):
                continue
            tok = doc[i]
            if not tok.is_alpha:
                continue
            title = next((w for w in (tok.lemma_.lower(), tok.lower_) if w in titles), None)
            if title is None:
                title = next((w for w in sorted(_lemmas(tok)) if w in titles), None)
            if title is None:
                continue
            if not singular(tok):
                continue  # "королі Польщі обиралися": kings in general
            year = years[tok.i] if years else None
            inside = mention_at.get(tok.i)
            if year is None or (inside is not None and inside.label_ != "GPE"):
                continue
            if inside is not None and inside.label_ == "GPE" and inside.end != tok.i + 1:
                continue  # "Королівство Польське" and the like: a state's own name
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            after = mention_at.get(tok.i + 1)
            if nxt is not None and (after is not None and after.label_ == "PERSON" or (
                    after is None and nxt.is_alpha and nxt.text[:1].isupper()
                    and not nxt.is_sent_start)):
                continue  # "король Ян Казимир", "султан Ахмед": the office of a name
            start, end = tok.i, tok.i + 1
            wanted: set[str] = set()
            if inside is not None and inside.start < tok.i:
                # "польський король": the entity stage made the phrase the state
                start = inside.start
                wanted = polity_ids(inside._.entity_id or "", year)
            elif tok.i > 0 and (doc[tok.i - 1].pos_ == "ADJ" or
                                adjective_polity(doc[tok.i - 1], year)):
                prev = doc[tok.i - 1]
                wanted = adjective_polity(prev, year)
                if not wanted or prev.i in mention_at:
                    continue  # "новий король", "коронного гетьмана": not a state's title
                start = prev.i
            if not wanted and after is not None and after.label_ == "GPE" and \
                    "gent" in str(after[0].morph) + " ".join(tags_of(after[0].text)):
                wanted = polity_ids(after._.entity_id or "", year)  # "король Польщі"
                end = after.end
            offices_of = set(titles[title])
            if not wanted and "*" in offices_of:
                continue  # "правитель" names no office: only with its state
            cands = [r for r in reigns if r.first <= year <= r.last
                     and ("*" in offices_of or r.office in offices_of)]
            if wanted:
                cands = [r for r in cands if r.polity in wanted or wanted & set(r.also)]
            else:
                local = {r.polity for r in cands if r.polity in doc_polities or any(
                    in_year(periods, a, year) == r.polity or a in r.also
                    for a in doc_polities)}
                if not local:
                    # "Богдан Хмельницький ... Гетьман надіслав": the holder the text names
                    local = {r.polity for r in cands if r.person in named}
                if not local:
                    local = {r.polity for r in cands if r.polity in sole.get(title, ())}
                if len(local) != 1:
                    continue
                cands = [r for r in cands if r.polity in local]
            if len({r.person for r in cands}) != 1:
                continue
            reign = cands[0]
            try:
                rec = book.person(reign.person)
            except KeyError:
                continue
            old = inside if inside is not None else (after if end > tok.i + 1 else None)
            pending.setdefault(rec.id, []).append((start, end, old, reign))
        replaced: list[tuple[Span, Span | None, str | None]] = []
        for pid, titles_of in pending.items():
            if len(titles_of) < 2 and pid not in named:
                continue  # a ruler the text names once by title is background, not an actor
            # (a ruler the text names is an actor already: "гетьман" after "Богдан
            # Хмельницький" is a mention of him)
            rec = book.person(pid)
            for start, end, old, reign in titles_of:
                # (read before the new span's id is set: span extensions are keyed by offsets)
                old_id = old._.entity_id if old is not None else None
                span = Span(doc, start, end, label="PERSON")
                span._.entity_id = rec.id
                replaced.append((span, old, old_id))
                ent = entities.get(rec.id)
                if ent is None:
                    ent = entities[rec.id] = Entity(id=rec.id, type="PERSON", name=rec.name,
                                                    key=rec.id, wikidata=rec.wikidata)
                ent.mentions.append(Mention(span.start_char, span.end_char, span.text,
                                            sent_no[start] if sent_no else 0))
                if reign.office not in ent.roles:
                    ent.roles.append(reign.office)
                if ent.affiliation is None:
                    pol = gaz.actor(reign.polity)
                    ensure_entity(entities, pol)
                    ent.affiliation = pol.id
        if not replaced:
            return
        gone = {(o.start, o.end) for _, o, _ in replaced if o is not None}
        for _, old, old_id in replaced:
            if old is not None and old_id in entities:
                ent = entities[old_id]
                ent.mentions = [m for m in ent.mentions
                                if (m.start, m.end) != (old.start_char, old.end_char)]
        kept = [m for m in mentions if (m.start, m.end) not in gone]
        doc.spans["mentions"] = sorted([*kept, *(s for s, _, _ in replaced)],
                                       key=lambda m: m.start)

    @staticmethod
    def _polity_of(eid: str, entities: dict[str, Entity], gaz) -> str:  # type: ignore[no-untyped-def]
        """A person in an office of a body acts for the body's polity ("голова Верховної
        Ради" -> Ukraine); a body with no known polity stands for itself."""
        try:
            rec = gaz.actor(eid)
        except KeyError:
            ent = entities.get(eid)
            if ent is not None and ent.type == "ORG" and ent.affiliation:
                return ent.affiliation  # "голова Ради Міністрів СРСР" acts for the USSR
            return eid
        if rec.type == "ORG" and rec.polity:
            try:
                pol = gaz.actor(rec.polity)
            except KeyError:
                return eid
            ensure_entity(entities, pol)
            return pol.id
        return eid

    @staticmethod
    def _affiliation(phrase, mention_at, entities, gaz, locative,  # type: ignore[no-untyped-def]
                     year: int | None = None):
        for k, tok in enumerate(phrase):
            prev = phrase[k - 1].lower_ if k > 0 else ""
            if prev in locative:
                continue
            m = mention_at.get(tok.i)
            if m is not None and m._.entity_id in entities and \
                    entities[m._.entity_id].type in ("GPE", "ORG"):
                return m._.entity_id
            hits = [h for h in gaz.lookup(tok.lower_) if h.type in ("GPE", "ORG")]
            if hits:
                # "маршалок литовський" in 1667: of the Grand Duchy, not of Lithuania
                rec = gaz.actor(in_year(period_ids(), hits[0].id, year))
                ensure_entity(entities, rec)
                return rec.id
        return None
