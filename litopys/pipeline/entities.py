"""Entities: find every mention of a person, polity, organisation, place or document.

Signals, merged by rules in this order (an earlier signal claims its tokens):
1. the actor gazetteer (every inflected form of states, bodies, places);
2. named documents ("пакт про ненапад", "Варшавський договір");
3. names after an organisation noun ("університету Цин-Хуа");
4. people: initials + surname ("Д. В. Богомоловим"), runs of capitalised
   words that pymorphy3 tags as names or does not know (transliterated
   names: "Чан Кайши", "Цзян Тінфу");
5. the trained NER model, for whatever the rules did not claim.

Output: ``doc.spans["mentions"]``; gazetteer mentions carry ``span._.entity_id``.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from litopys.data.loader import load_yaml
from litopys.lang import each_language, languages, load
from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.analysis import features
from litopys.pipeline.morph import (
    CASES,
    current_language,
    is_known,
    language_cache,
    parses,
    reads_as,
    tags_of,
)
from litopys.pipeline.time.tagger import names_an_earlier_year

INITIAL_RE = re.compile(r"^[A-ZА-ЯІЇЄҐ]\.(?:[-–—][A-ZА-ЯІЇЄҐ]\.)?$")  # "С.", "С.–К."
# "В.м.д.", "К.-к.м.д.": an encyclopedia's initials of its article's document (a capital,
# then lower-case initials), no person's
ABBREV_DOC_RE = re.compile(r"^[А-ЯІЇЄҐ]\.(?:[-–]?[А-ЯІЇЄҐа-яіїєґ]\.)*[-–]?[а-яіїєґ]\.?$")
ROMAN_RE = re.compile(r"^[IVXLCІХ]+$")
# one or two initials after a surname, as lists write them ("О.", "К.Г.", "В.І")
POSTFIX_INITIALS_RE = re.compile(r"^[А-ЯІЇЄҐ]\.(?:[А-ЯІЇЄҐ]\.?)?$")  # Latin, or Cyrillic І and Х typed for I and X
MODEL_NOT_PERSON = ("LOC", "ORG", "DOC", "MISC")
NAME_TAGS = ("Name", "Surn", "Patr")

ORDINAL_RE = re.compile(r"^\d{1,2}-[^\W\d_]{1,3}$")  # an ordinal number ("1-й полк")
# an ordinal with its case ending, in Roman or Arabic figures ("i-го", "ііі-го", "1-го")
CASED_ORDINAL_RE = re.compile(r"^([ivxlcіх]+|\d{1,2})-[^\W\d_]{1,3}$")
ROMAN_FIGURES = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
GENDERS = ("masc", "femn")
MODEL_LABELS = {"PERS": "PERSON", "ORG": "ORG", "LOC": "LOC", "DOC": "DOC"}
CLOSED_POS = {"PRON", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "VERB", "NUM", "INTJ", "DET"}
PAST_ENDED = ("femn", "neut", "plur")  # past forms no noun's genitive looks like
KIND_RANK = {"name": 0, "alias": 1, "abbr": 2, "adjective": 3}


@lru_cache(maxsize=4)
def words(name: str = "entities") -> dict[str, frozenset[str]]:
    """The word lists of a stage's language file (``litopys/lang/<lang>/<name>.yaml``),
    each key's lists of every language joined (until a document's language picks one).

    name (str): the file name ("entities", "actors").
    RETURNS (dict[str, frozenset[str]]): key -> the words of all languages.
    """
    out: dict[str, frozenset[str]] = {}
    for lang in languages():
        try:
            data = load(name, lang)
        except FileNotFoundError:
            continue
        for key, value in data.items():
            if isinstance(value, list):
                out[key] = out.get(key, frozenset()) | frozenset(value)
    return out  # (every key of every language: each_language() reads one key)


def rules() -> dict[str, frozenset[str]]:
    """The entity stage's word lists (``words("entities")``)."""
    return words("entities")


@lru_cache(maxsize=2)
def period_ids(key: str = "period_ids") -> dict[str, list[tuple[int, int, str]]]:
    """Polity ids that stood for another polity in some years (``period_ids`` rules, or
    ``period_affiliations``)."""
    data = load_yaml("entity_rules").get(key, {})
    return {k: [(int(a), int(b), str(c)) for a, b, c in v] for k, v in data.items()}


@lru_cache(maxsize=1)
def site_re() -> re.Pattern[str]:
    """A web site's name ("Lb.ua", "iPress.ua"): a word, a full stop, a top-level domain of
    ``site_domains`` (``entity_rules.yaml``)."""
    domains = "|".join(sorted(load_yaml("entity_rules").get("site_domains", [])))
    return re.compile(rf"^[^\W_][\w-]*(?:\.[\w-]+)*\.(?:{domains})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def capitalised_only() -> frozenset[str]:
    """Ids of entries whose name is also a common word, matched only where written
    capitalised (``capitalised_only`` in ``entity_rules.yaml``)."""
    return frozenset(load_yaml("entity_rules").get("capitalised_only", []))


@lru_cache(maxsize=1)
def first_word_lengths() -> dict[str, int]:
    """For each first word of a gazetteer form, the most words a form starting with it has."""
    out: dict[str, int] = {}
    for form, _ in gazetteer().forms():
        words = form.split(" ")
        if out.get(words[0], 0) < len(words):
            out[words[0]] = len(words)
    return out


def first_word_length(word: str) -> int:
    """The most words a gazetteer form starting with ``word`` has (0 for none); a compound
    adjective written with a hyphen ("західно-українська") counts as the dictionary's one
    word ("західноукраїнська")."""
    lengths = first_word_lengths()
    found = lengths.get(word, 0)
    if not found and "о-" in word:
        from litopys.data.gazetteer import compound_key

        found = lengths.get(compound_key(word), 0)
    return found


def ordinal_key(word: str) -> str:
    """A lower-case ordinal with its case ending as the Roman figure a dictionary name
    opens with ("i-го" -> "i", "1-го" -> "i", "ііі-го" -> "ііі": "I-го Універсалу" is the
    "I Універсал"); any other word unchanged."""
    m = CASED_ORDINAL_RE.match(word)
    if m is None:
        return word
    figure = m.group(1)
    if not figure.isdigit():
        return figure
    number, out = int(figure), ""
    for value, letters in ROMAN_FIGURES:
        while number >= value:
            out, number = out + letters, number - value
    return out or word


@lru_cache(maxsize=100_000)
def gazetteer_word(lower: str) -> str:
    """A lower-cased token as the gazetteer keys it (normalize_form, then ordinal_key;
    cached per word: the gazetteer pass keys every token of every doc)."""
    from litopys.data.gazetteer import normalize_form

    return ordinal_key(normalize_form(lower))


def narrative_years(doc: Doc) -> list[int | None]:
    """For every token, the year of the last dated time expression before it (the
    narrative year; the time stage runs first); a year that names an earlier time after a
    noun ("в кордонах 1772 року" in a text at 1920) does not move it.

    Computed once per doc and set of time expressions (the entity, actor and event stages
    ask ~5 times): cached in ``doc.user_data`` under the time expressions it read."""
    spans = sorted(doc.spans.get("timex", []), key=lambda s: s.start)
    key = (len(doc), *((s.start, s.start_char, s._.timex.value, s._.timex.precision)
                       if s._.timex else (s.start, s.start_char) for s in spans))
    cached = doc.user_data.get("litopys_narrative_years")
    if cached is not None and cached[0] == key:
        return list(cached[1])
    out = _narrative_years(doc, spans)
    doc.user_data["litopys_narrative_years"] = (key, tuple(out))
    return out


def _narrative_years(doc: Doc, spans: list[Span]) -> list[int | None]:
    """:func:`narrative_years` from the time expressions ``spans`` (sorted by start)."""
    out: list[int | None] = [None] * len(doc)
    text = doc.text  # (built on each access: once here)
    year: int | None = None
    k = 0
    for i in range(len(doc)):
        while k < len(spans) and spans[k].start <= i:
            value = spans[k]._.timex.value if spans[k]._.timex else None
            m = re.match(r"^(\d{4})", value or "")
            if m and not (spans[k]._.timex.precision == "year" and names_an_earlier_year(
                    text, spans[k].start_char, int(m.group(1)), year)):
                year = int(m.group(1))
            k += 1
        out[i] = year
    # before the first date a text is most often about the same period
    first = next((y for y in out if y is not None), None)
    if first is not None:
        for i in range(len(out)):
            if out[i] is not None:
                break
            out[i] = first
    return out


def state_actor_span(doc: Doc, i: int, j: int, rec) -> Span:  # type: ignore[no-untyped-def]
    """A state's adjective (tokens ``i``..``j``-1) with the actor noun at ``j``: the state
    itself ("радянський уряд"), or, with a noun for forces, envoys or a group, an
    organisation acting for the state ("німецькі війська", "польська делегація"; its state
    and noun go to ``doc.user_data`` for the actor stage)."""
    head = doc[j].lemma_
    assembly = doc[i].text.islower() and next(
        (h for h in rules()["assembly_heads"] if reads_as(doc[j].text, frozenset([h]))), None)
    if assembly:
        head = assembly  # "козацькій раді" ("раді" is first read as "рад")
    if (head in state_org_heads() or assembly) and rec.type == "GPE":
        span = Span(doc, i, j + 1, label="ORG")
        doc.user_data.setdefault("litopys_org_polity", {})[i] = rec.id
        doc.user_data.setdefault("litopys_org_head", {})[i] = head
    else:
        span = Span(doc, i, j + 1, label=rec.type)
        span._.entity_id = rec.id
    return span


def actor_noun(tok: Token, heads: frozenset[str], head_forms: frozenset[str] = frozenset()) -> bool:
    """Is the token an actor noun after a state's adjective ("уряд", "війська")? A group
    noun for people counts only in the plural ("польські повстанці", not "польський
    повстанець": one man).

    tok (Token): the word after the adjective.
    heads (frozenset[str]): the lemmas of the actor nouns.
    head_forms (frozenset[str]): actor nouns as written (a language pymorphy3 cannot read).
    RETURNS (bool): whether it is one.
    """
    if tok.lower_ in head_forms:
        return True
    if tok.lemma_ in rules()["member_heads"]:
        return any("plur" in t for t in tags_of(tok.text))
    return tok.lemma_ in heads


@lru_cache(maxsize=1)
def state_org_heads() -> frozenset[str]:
    """Nouns that, after a state's adjective, name an organisation or a group acting for
    the state, not the state itself: forces, envoys, estates ("польська шляхта")."""
    return rules()["force_heads"] | rules()["envoy_heads"] | rules()["group_heads"] | \
        rules()["member_heads"] | rules()["parliament_heads"]


@lru_cache(maxsize=1)
def abbreviated_adjectives() -> dict[str, tuple[str, ...]]:
    """Encyclopedic abbreviations of adjectives, without the full stop ("рос" ->
    ("російський", "российский")): the adjectives of every language's ``entities`` file
    (an abbreviation may stand for a word of each language; the morphology of the
    document's language agrees only its own)."""
    out: dict[str, tuple[str, ...]] = {}
    for table in each_language("entities", "abbreviated_adjectives"):
        for short, full in table.items():
            if full not in out.get(short, ()):
                out[short] = (*out.get(short, ()), full)
    return out


def _only_plural(word: str, lemmas: frozenset[str]) -> bool:
    """Is every reading of the word as one of these lemmas a plural ("річках", not
    "річки", which may be a genitive singular)?"""
    readings = [p for p in parses(word) if p.normal_form in lemmas]
    return bool(readings) and all("plur" in str(p.tag) for p in readings)


@lru_cache(maxsize=1)
def abbreviated_nouns() -> dict[str, tuple[str, ...]]:
    """Encyclopedic abbreviations of the nouns of state names, without the full stop
    ("імп" -> ("імперія", "империя")), of every language's ``entities`` file."""
    out: dict[str, tuple[str, ...]] = {}
    for table in each_language("entities", "abbreviated_nouns"):
        for short, full in table.items():
            if full not in out.get(short, ()):
                out[short] = (*out.get(short, ()), full)
    return out


@language_cache(maxsize=4096)
def agreeing_forms(adjective: str, noun: str) -> tuple[str, ...]:
    """The forms of an adjective that agree with some reading of a noun form
    ("російський", "імперії" -> "російської", ...)."""
    from litopys.pipeline.morph import parses

    adj = next((p for p in parses(adjective) if "ADJF" in str(p.tag)), None)
    if adj is None:
        return ()
    wanted = set()
    for p in parses(noun):
        tag = p.tag
        if tag.POS == "NOUN" and tag.case is not None:
            wanted.add((tag.case, "plur" if tag.number == "plur" or tag.gender is None
                        else tag.gender))
    out: list[str] = []
    for form in adj.lexeme:
        tag = form.tag
        key = (tag.case, "plur" if tag.number == "plur" else tag.gender)
        if key in wanted and form.word not in out:
            out.append(form.word)
    return tuple(out)


def offices():  # type: ignore[no-untyped-def]
    from litopys.data.gazetteer import load_offices

    return load_offices()


def gazetteer():  # type: ignore[no-untyped-def]
    """The actor gazetteer (loaded once)."""
    from litopys.data.gazetteer import load_gazetteer

    return load_gazetteer()


def capitalised(t: str) -> bool:
    """A capitalised word that is not all capitals (abbreviations are not names); on a
    token's text, for loops over ``features(doc).text``."""
    return len(t) > 1 and t[0].isupper() and t[0].isalpha() and not t.isupper()


def is_cap(tok: Token) -> bool:
    """``capitalised`` of a token."""
    return capitalised(tok.text)


LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z'-]*$")
QUOTES_OPEN = {"«", "\"", "“", "„"}
QUOTES_CLOSE = {"»", "\"", "”", "“"}


def named_doc_head(tok: Token) -> bool:
    """A document noun that takes its name in quotes ("постанова «Про ...»")."""
    return tok.lemma_ in rules()["doc_heads"] | rules()["quoted_doc_heads"]


def listed_names_end(doc: Doc, j: int) -> int:
    """The end of a list of two capitalised names or more in the genitive that opens at
    token ``j`` ("Галичини та Володимирії", "Сербів, Хорватів і Словенців"), or ``j``
    where there is none."""
    n = len(doc)
    seps = {",", *rules()["name_conjunctions"]}
    names = 0
    k = j
    while k < n and is_cap(doc[k]) and ("gent" in _reading_cases(doc[k]) or (
            names and not is_known(doc[k].text))):  # ("Володимирії": guessed otherwise)
        names += 1
        k += 1
        if k + 1 < n and doc[k].lower_ in seps and is_cap(doc[k + 1]):
            k += 1
        else:
            break
    return k if names >= 2 and doc[k - 1].lower_ not in seps else j


def split_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitalised words that holds two people's names in different cases
    ("Володимира Путіна Дмитро Пєсков": the office's genitive complement, then the
    subject): split where a first name agreeing with the word after it follows a word
    of another case.

    RETURNS (list[tuple[int, int]]): the runs, (start, end) each.
    """
    for k in range(start + 2, end - 1):
        if _first_name_before(doc[k], doc[k + 1]) and \
                _reading_cases(doc[k - 1], NAME_TAGS) and \
                not _reading_cases(doc[k - 1], NAME_TAGS) & _reading_cases(doc[k], ("Name",)):
            return [(start, k), *split_names(doc, k, end)]
    return [(start, end)]


def surname_genitive(tok: Token) -> bool:
    """A capitalised surname in the genitive ("Маршалла", "Керзона"), not two surnames
    joined by a hyphen."""
    if not is_cap(tok) or two_names(tok):
        return False
    return any("Surn" in t and "gent" in t for t in tags_of(tok.text)) or (
        known_surname(tok.text) and "gent" in _reading_cases(tok))


def document_number_end(doc: Doc, k: int, head: int | None = None) -> int:
    """The end of a document's number that opens at token ``k`` ("2202", "№ 64/2022",
    "4. 328") after a head of ``numbered_doc_heads`` ("резолюція 2202"; the head is token
    ``head``, by default the one before ``k``: "Указ Президента України № 64" has its
    issuer between); ``k`` where there is none, or where the number is a date ("закон 1991
    року")."""
    n = len(doc)
    head = k - 1 if head is None else head
    if k >= n or k == 0 or not reads_as(doc[head].text, rules()["numbered_doc_heads"]):
        return k
    j = k + 1 if doc[k].text in rules()["number_signs"] and k + 1 < n else k
    if not doc[j].text[:1].isdigit() or any(
            s.start <= j < s.end for s in doc.spans.get("timex", [])):
        return k
    end = j + 1
    if end + 1 < n and doc[end].text == "." and doc[end + 1].like_num and \
            not any(s.start <= end + 1 < s.end for s in doc.spans.get("timex", [])):
        end += 2  # "4. 328"
    return end


def issuer_tokens(spans: list[Span]) -> set[int]:
    """The tokens of the body and state mentions, the issuer a document's name may hold
    ("Верховної Ради України", "Президента України")."""
    return {k for s in spans if s.label_ in ("ORG", "GPE") for k in range(s.start, s.end)}


def quoted_title_end(doc: Doc, k: int) -> int:
    """The end of a title in quotes that opens at token ``k`` ("«Про ...»": capitalised,
    closed within the sentence), or ``k`` where none does."""
    n = len(doc)
    if k + 1 >= n or doc[k].text not in QUOTES_OPEN or not doc[k + 1].text[:1].isupper():
        return k
    close = next((j for j in range(k + 1, min(n, k + 30))
                  if doc[j].text in QUOTES_CLOSE or doc[j].is_sent_start), None)
    return close + 1 if close is not None and doc[close].text in QUOTES_CLOSE else k


def latin(word: str) -> bool:
    """A word in Latin script ("Twitter", "July")."""
    return bool(LATIN_RE.match(word))


def verbal(tok: Token) -> bool:
    """A participle or a word with a verb reading ("підписаний", "звані", "була"): it
    describes a name, and is no part of it."""
    return "Voice=" in str(tok.morph) or any(
        t.startswith(("VERB", "PRTF", "GRND")) or ",pssv" in t or ",actv" in t
        for t in tags_of(tok.text))


def finite_verb(tok: Token) -> bool:
    """A word with a past verb reading other than the masculine ("надала", a surname too by
    pymorphy3): it ends a name ("Європейська рада надала"); participles ("Об'єднаних")
    may stay inside."""
    return any(t.startswith("VERB") and "past" in t and any(g in t for g in PAST_ENDED)
               for t in tags_of(tok.text))  # (not "держав", "оборони": a noun's forms)


def two_names(tok: Token) -> bool:
    """Two surnames joined by a hyphen or dash ("Пілсудський-Петлюра", a treaty named
    after its signatories): two people, never one name. Both of them people of the persons
    dictionary, or two surnames after a document's noun ("договір Іваненко-Петренко");
    otherwise a double surname is one man's ("Антонов-Овсієнко")."""
    parts = tok.text.split("-")
    if len(parts) != 2 or not all(len(p) > 2 and p[0].isupper() for p in parts):
        return False
    if all(known_surname(p) for p in parts):
        return True
    if not all(known_surname(p) or any("Surn" in t for t in tags_of(p)[:2]) for p in parts):
        return False
    heads = rules()["doc_heads"]
    return any(t.lemma_ in heads for t in tok.doc[max(0, tok.i - 3):tok.i])


def is_initial(tok: Token) -> bool:
    return bool(INITIAL_RE.match(tok.text))


def initial_length(doc: Doc, i: int) -> int:
    """How many tokens the initial at ``i`` takes: 1 for "М.", 2 for a two-letter
    initial the tokenizer splits from its full stop ("Дж" "."), 0 for no initial."""
    text = features(doc).text
    if INITIAL_RE.match(text[i]):
        return 1
    if text[i] in rules()["digraph_initials"] and i + 2 < len(doc) and \
            text[i + 1] == "." and (capitalised(text[i + 2]) or INITIAL_RE.match(text[i + 2])):
        return 2
    return 0


def name_like(tok: Token) -> bool:
    """Could this capitalised token be part of a personal name?"""
    if not is_cap(tok):
        return False
    tags = tags_of(tok.text)
    if any(t in tag for tag in tags[:2] for t in NAME_TAGS):
        return True
    return not is_known(tok.text)


def _name_tagged(tok: Token) -> bool:
    """A name by the first readings of pymorphy3, or a surname in the persons dictionary
    ("Кучма" is also a kind of hat)."""
    tags = tags_of(tok.text)
    return any(t in tag for tag in tags[:2] for t in NAME_TAGS) or (
        tok.pos_ not in CLOSED_POS and known_surname(tok.text))


@language_cache(maxsize=100_000)
def known_surname(word: str) -> bool:
    """Is the word an inflected surname of someone in the persons dictionary?"""
    if not word[:1].isupper():
        return False
    from litopys.data.gazetteer import load_persons

    return bool(load_persons().lookup_surname(word.lower()))


def _maybe_name(tok: Token) -> bool:
    """Does any pymorphy3 parse read the token as a first name, surname or patronymic?"""
    return any(t in tag for tag in tags_of(tok.text) for t in NAME_TAGS)


def place_label(tok: Token) -> str:
    """GPE for a place the dictionaries do not know, LOC for a historical region named
    with "-щина" ("Брацлавщина", "Київщини"), which is not a polity."""
    return "LOC" if tok.lower_.endswith(region_endings()) else "GPE"


@lru_cache(maxsize=1)
def region_endings() -> tuple[str, ...]:
    """Endings of regions named with a suffix ("-щина"), for ``str.endswith``."""
    return tuple(sorted(rules()["region_endings"]))


def _reading_cases(tok: Token, only: tuple[str, ...] = (),
                   cases: tuple[str, ...] = CASES) -> set[str]:
    """The cases of the pymorphy3 readings of a token (only those with one of the tags in
    ``only``, if given)."""
    return {c for tag in tags_of(tok.text) if not only or any(x in tag for x in only)
            for c in cases if c in tag}


def _agree(adj: Token, noun: Token) -> bool:
    """Can the adjective agree with the noun in case in some reading (a word without a
    case reading agrees with anything)?"""
    return bool((_reading_cases(adj) or set(CASES)) & (_reading_cases(noun) or set(CASES)))


@lru_cache(maxsize=1)
def category_nouns() -> frozenset[str]:
    """Nouns for kinds of documents, bodies and actors ("договір", "партія", "уряд")."""
    return rules()["doc_heads"] | rules()["org_heads"] | rules()["actor_heads"]


def place_name_at(words: list[str], j: int, most: int | None = None,
                  types: tuple[str, ...] = ("GPE", "LOC")) -> tuple[int, Any]:
    """The longest dictionary name (not an adjective) of a state or a land (or of an entry
    of one of ``types``) that starts at word ``j``. RETURNS (tuple[int, GazetteerHit |
    None]): its length in words and the hit, or (0, None)."""
    longest = first_word_length(words[j])
    for size in range(min(longest, len(words) - j, most or longest), 0, -1):
        for hit in gazetteer().lookup(" ".join(words[j : j + size])):
            if hit.type in types and hit.kind != "adjective":
                return size, hit
    return 0, None


def _other_word(word: str, name: str) -> bool:
    """Can a lower-case word that has a place's form be a different, ordinary word
    ("гавані": "гавань"; "рима": a rhyme), by pymorphy3's dictionary?"""
    from litopys.pipeline.morph import parses

    return any(p.is_known and p.normal_form != name.lower()
               and not any(t in p.tag for t in NAME_TAGS) for p in parses(word))


def abbreviation_word(word: str) -> bool:
    """Is the word an abbreviation of capitals ("УЦР", "ОБСЄ"; two letters or more, a
    lower-case letter inside allowed: "КПбУ"), no Roman numeral?"""
    letters = word.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and word[:1].isupper() and \
        word[-1:].isupper() and sum(c.isupper() for c in letters) >= 2 and \
        not ROMAN_RE.match(word)


def spells(abbreviation: str, words: list[str]) -> bool:
    """Do the capitals of ``abbreviation`` spell the first letters of ``words`` in order
    (words between may be skipped, "Організації з безпеки і співробітництва в Європі"),
    or, opening with the first word's first letter, letters inside the words
    ("Західноукраїнської Народної Республіки", "ЗУНР")?"""
    caps = [c.lower() for c in abbreviation if c.isupper()]
    parts = [p.lower() for w in words for p in re.split(r"[-–]", w) if p]
    if not caps or not parts or caps[0] != parts[0][:1]:
        return False
    initials = iter(p[0] for p in parts)
    if all(c in initials for c in caps):
        return True
    text = iter("".join(parts))
    return all(c in text for c in caps)


def people_genitive(tok: Token) -> bool:
    """Is the word a noun for people in the genitive plural ("хліборобів", "есерів")?"""
    morph = tok.morph
    return tok.pos_ == "NOUN" and morph.get("Animacy") == ["Anim"] and \
        morph.get("Number") == ["Plur"] and morph.get("Case") == ["Gen"]


def located_word(tok: Token) -> bool:
    """Is the word no name the dictionaries know (see ``located``)?"""
    from litopys.pipeline.morph import parses

    if known_surname(tok.text):
        return False
    return not any(p.is_known and any(t in p.tag for t in NAME_TAGS) for p in parses(tok.text))


def located(tok: Token) -> bool:
    """Is a capitalised word after a preposition that takes no person ("біля Гродна",
    "около Шумлы"; ``locative_prepositions``), and no name the dictionaries know (a
    dictionary first name or surname, or one of the persons dictionary)? Then it is a
    place, whatever surname its ending lets the guesser read."""
    doc = tok.doc
    if tok.i == 0:
        return False
    before = doc[tok.i - 1].lower_
    if before in rules()["locative_case_prepositions"]:
        # "при Фрідланді", "на Калці": in the locative only a place
        return "loct" in _reading_cases(tok) and located_word(tok)
    if before not in rules()["locative_prepositions"]:
        return False
    return located_word(tok) or locative_name_only(tok)


def no_person_after(tok: Token) -> bool:
    """Is a capitalised word after a preposition that takes a person only in the locative
    ("при Сигізмунді", a dictionary name) a word no dictionary knows as a name, read in the
    locative ("при Фрідланді")? Then it names no person; which place it is, is left open
    (``no_person_prepositions``)."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].lower_ in rules()["no_person_prepositions"] and \
        "loct" in _reading_cases(tok) and located_word(tok)


def locative_name_only(tok: Token) -> bool:
    """"в Богуславі", "у Ярославі", "у Львові": after a preposition of place, a word the
    dictionary knows as a first name and also as an inanimate noun in the locative case
    (the town) is the town, since one is not "in" a person; not "у Ользі" (only a name)
    nor a surname of the persons dictionary."""
    if known_surname(tok.text):
        return False
    return "loct" in _reading_cases(tok, ("inan",))


def _first_name_before(tok: Token, nxt: Token) -> bool:
    """Can ``tok`` be a first name in the case of a name reading of ``nxt`` ("Софія
    Русова"; not "Києві Грушевський", where "Києві" as the name "Кий" is dative)?"""
    no_voct = CASES[:-1]
    if _reading_cases(tok, ("Name",), no_voct) & \
            _reading_cases(nxt, ("Surn", "Name", "Patr"), no_voct):
        return True
    # "Станіслав Потоцький": a surname with an adjective's form (pymorphy3 reads
    # "Потоцький" only as an adjective), agreeing with the first name in case and gender
    return bool(_case_genders(tok, "Name") & _case_genders(nxt, "ADJF"))


def _case_genders(tok: Token, only: str) -> set[tuple[str, str]]:
    """The (case, gender) pairs of the pymorphy3 readings of a token with the tag
    ``only`` (no vocative: "Поле" is no first name)."""
    return {(c, g) for tag in tags_of(tok.text) if only in tag
            for c in CASES[:-1] if c in tag for g in GENDERS if g in tag}


def east_asian_surname(tok: Token) -> bool:
    """A Chinese or Korean family name before a word pymorphy3 does not know ("Ван
    Цзінвей"), however ordinary the word is in Ukrainian."""
    doc = tok.doc
    if tok.lower_ not in rules()["east_asian_surnames"] or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    # a given name pymorphy3 does not know, or a one-syllable one ("Кім Чен Ин", "Нам Іл")
    return is_cap(nxt) and (not is_known(nxt.text) or len(nxt.text) <= 3)


GLOSS_BRACKETS = {"(": ")", "[": "]"}
GLOSS_MAX = 40  # tokens: a gloss is a name or two, an unclosed bracket no gloss


def glosses(doc: Doc) -> list[int]:
    """The tokens of foreign-language glosses in brackets: "(пол. Rzeczpospolita Obojga
    Narodów)", "[pl. Jan Wyhowski]", "(рос. Царство Польское)". A bracket opened by a
    language's abbreviation (``gloss_languages``) and then a capitalised or Latin word
    repeats a name in another language; it names no entity of its own.

    doc (Doc): the document.
    RETURNS (list[int]): the indices of the tokens inside such brackets, brackets included.
    """
    languages = rules()["gloss_languages"]
    out: list[int] = []
    n = len(doc)
    for i, text in enumerate(features(doc).text):
        close = GLOSS_BRACKETS.get(text)
        if close is None or i + 2 >= n or doc[i + 1].lower_.rstrip(".") not in languages:
            continue
        k = i + 2 if doc[i + 1].text.endswith(".") or doc[i + 2].text != "." else i + 3
        if k >= n or not (doc[k].text[:1].isupper() or latin(doc[k].text)):
            continue  # "(рос. та австрійські війська)": an abbreviated adjective
        end = next((j for j in range(k, min(n, i + GLOSS_MAX))
                    if doc[j].text in (close, "\n") or "\n" in doc[j].text), None)
        if end is not None and doc[end].text == close:
            out.extend(range(i, end + 1))
    return out


HEADLINE_MARKS = (":", "|")


@lru_cache(maxsize=512)
def region_name(adjective: str, head: str) -> str | None:
    """The nominative singular name of one region of a list that shares a plural head
    ("Чернігівського", "воєводство" -> "Чернігівське воєводство"), or None."""
    noun = next((p for p in parses(head) if p.tag.POS == "NOUN" and p.tag.gender), None)
    adj = next((p for p in parses(adjective.lower()) if "ADJF" in str(p.tag)), None)
    if noun is None or adj is None:
        return None
    form = adj.inflect({"nomn", noun.tag.gender})
    if form is None:
        return None
    return form.word[:1].upper() + form.word[1:] + " " + noun.normal_form


def tagged_not_genitive(tok: Token) -> bool:
    """Whether the tagger reads the word in a case and not in the genitive ("рішення" in
    "Національною Радою рішення ухвалено": the object, no part of the body's name)."""
    cases = tok.morph.get("Case")
    return bool(cases) and "Gen" not in cases


def run_on_end(doc: Doc, start: int, end: int, place: bool) -> int:
    """Where a name the model reads runs on into the ordinary words after it ("Національною
    Радою рішення", "Українського Державного Правління жорстокі репресії", "Бад-Емсі
    наприкінці травня"): after the name's first capitalised noun, a lower-case noun or
    adjective the tagger reads in a case other than the genitive, or an adverb, verb or
    pronoun, is no part of it; nor a preposition in a place's name. After a preposition in
    a body's or a document's name the case is the preposition's, and the rest is kept.
    RETURNS (int): the name's end."""
    noun = False
    for k in range(start, end):
        tok = doc[k]
        if tok.text[:1].isupper() or not tok.is_alpha:
            noun = noun or (tok.text[:1].isupper() and tok.pos_ in ("NOUN", "PROPN"))
            continue
        if not noun:
            continue
        if tok.pos_ in ("ADP", "CCONJ"):
            return k if place else end
        if tok.pos_ in ("ADV", "VERB", "AUX", "PRON", "SCONJ"):
            return k
        if tok.pos_ in ("NOUN", "ADJ") and tagged_not_genitive(tok):
            return k
    return end


@lru_cache(maxsize=4)
def not_name_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``not_names`` by first word: lemma phrases that name no actor ("змі", "празький
    весна"), longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in rules().get("not_names", frozenset()):
        parts = tuple(phrase.split())
        by_first.setdefault(parts[0], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


def _state_adjective(tok: Token) -> bool:
    """Is a lower-case word a relational adjective of a state the dictionary knows
    ("радянських", "російські")?"""
    from litopys.data.gazetteer import normalize_form

    if not tok.text.islower():
        return False
    hits = gazetteer().lookup(normalize_form(tok.lower_))
    return any(h.kind == "adjective" and gazetteer().actor(h.id).type == "GPE" for h in hits)


def not_names(doc: Doc) -> list[int]:
    """Tokens of names of periods, movements and policies and of common abbreviations
    (``not_names``: "ЗМІ", "Празької весни", "Відлига"): no entity starts inside them."""
    phrases = not_name_phrases()
    if not phrases:
        return []
    out: list[int] = []
    n = len(doc)

    def word(k: int, part: str) -> bool:
        return doc[k].lemma_ == part or doc[k].lower_ == part

    f = features(doc)
    for i, (lemma, lower) in enumerate(zip(f.lemma, f.lower, strict=True)):
        candidates = phrases.get(lemma, ()) + (
            phrases.get(lower, ()) if lower != lemma else ())
        if not candidates:
            continue
        if i and _state_adjective(doc[i - 1]) and lemma.lower() in state_org_heads():
            continue  # "радянські ЗМІ": the media of a state, a group of the state
        for parts in candidates:
            if i + len(parts) <= n and all(word(i + k, p) for k, p in enumerate(parts)):
                out.extend(range(i, i + len(parts)))
                break
    return out


@lru_cache(maxsize=1)
def latin_name_letters() -> tuple[tuple[str, str], ...]:
    """The Latin letter groups of transliterated names and their Cyrillic letters, longest
    first (``latin_name_letters`` of every language's entity words)."""
    table: dict[str, str] = {}
    for part in each_language("entities", "latin_name_letters"):
        table.update(part or {})
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


def latin_first_name(word: str) -> bool:
    """Is a capitalised Latin word a transliterated first name ("Dmytro", "Volodymyr"):
    read back into Cyrillic, does pymorphy3 know it as a first name?"""
    if not latin(word) or not word[:1].isupper():
        return False
    out, k, lower = [], 0, word.lower()
    while k < len(lower):
        for latin_part, cyr in latin_name_letters():
            if lower.startswith(latin_part, k):
                out.append(cyr)
                k += len(latin_part)
                break
        else:
            return False
    cyrillic = "".join(out)
    return any("Name" in tag for tag in tags_of(cyrillic.capitalize())[:2])


def adjective_alone(tok: Token) -> bool:
    """Is the token an adjective by every pymorphy3 reading it has in the dictionary
    ("Всеросійською", "Північний", "Дашавське"), and no gazetteer name? A place or a
    body the model finds in one adjective is the adjective of a name whose noun is left
    out ("Львівська, Хмельницька області"); a surname of that form is read by the person
    rules, not here.

    tok (Token): the model's one-word name.
    RETURNS (bool): True for an adjective alone.
    """
    from litopys.pipeline.morph import parses

    hits = gazetteer().lookup(tok.lower_)
    if any(h.kind != "adjective" for h in hits) or (hits and _listed_adjective(tok)):
        # a place's adjective alone ("Китайську народну армію") is still an adjective,
        # unless a list shares one noun: "Украинскую, Грузинскую ... ССР"
        return False
    ps = [p for p in parses(tok.text) if p.is_known]  # a guess is no evidence ("Асканія-Нова")
    return bool(ps) and all(p.tag.POS in ("ADJF", "ADJS") and "Surn" not in p.tag
                            for p in ps)


def _listed_adjective(tok: Token) -> bool:
    """Is the token one of a list of capitalised adjectives ("Украинскую, Грузинскую и
    Армянскую", "Лівобережну та Правобережну")?"""
    doc, i, n = tok.doc, tok.i, len(tok.doc)
    seps = rules()["list_separators"]

    def adjective_at(k: int) -> bool:
        return 0 <= k < n and doc[k].pos_ == "ADJ" and is_cap(doc[k])

    return (i >= 2 and doc[i - 1].lower_ in seps and adjective_at(i - 2)) or \
        (i + 2 < n and doc[i + 1].lower_ in seps and adjective_at(i + 2))


def common_word_alone(tok: Token) -> bool:
    """Is a capitalised word the model calls a place or a body an ordinary word: a
    sentence's first word that pymorphy3 reads only as a common animate noun ("Власник",
    "Суддя": people by their role), or a headline's tag before a colon or a bar ("ВІДЕО |",
    "ФОТО:", read as "Відео" after the normaliser) that it knows only as a common word?

    tok (Token): the model's one-word name.
    RETURNS (bool): True where the word names no place, state or body.
    """
    from litopys.pipeline.morph import parses

    if not sentence_initial(tok) or not is_known(tok.text):
        return False
    ps = [p for p in parses(tok.text) if p.is_known]
    if any(t in p.tag for p in ps for t in NAME_TAGS + ("Abbr",)):
        return False
    if all(p.tag.POS == "NOUN" and "anim" in p.tag and "inan" not in p.tag for p in ps):
        return True  # "Власник", "Суддя"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in HEADLINE_MARKS


def modern_spelling(lemma: str) -> str:
    """A lemma in the modern spelling for comparison with the word lists: the Galician
    spelling of the 1920s writes "делєґація" for "делегація"."""
    return lemma.replace("ґ", "г").replace("є", "е")


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Nouns (lemmas) for bodies, groups, meetings, states and polities: capitalised alone,
    they may name one ("Рада", "Сейм", "Директорія")."""
    r = rules()
    return frozenset().union(*(r[k] for k in (
        "org_heads", "body_heads", "envoy_heads", "polity_nouns", "assembly_heads",
        "group_heads", "member_heads", "meeting_heads", "actor_heads", "state_heads")))


def _common_noun_parses(tok: Token) -> list:  # type: ignore[type-arg]
    """The pymorphy3 readings of the word when every one is a dictionary common noun (no
    name, no abbreviation), else []."""
    from litopys.pipeline.morph import parses

    ps = parses(tok.text)
    if ps and all(p.is_known and p.tag.POS == "NOUN"
                  and not any(t in p.tag for t in NAME_TAGS + ("Abbr",)) for p in ps):
        return list(ps)
    return []


def common_noun_body(tok: Token) -> bool:
    """Is a capitalised word the model calls a body, inside a sentence, an ordinary noun
    ("Року французької мови", "конференцію Мира"): one the dictionary knows only as a common
    noun that is no noun for a body, a group, a meeting or a polity, and that no gazetteer
    lists ("Рада", "Сейм", "Директорія", "Антанта" stay)?"""
    if not tok.text[1:].islower() or sentence_initial(tok) or gazetteer().lookup(tok.lower_):
        return False  # ("УНРада": an abbreviation's capitals)
    ps = _common_noun_parses(tok)
    heads = body_nouns()
    return bool(ps) and all("Pltm" not in p.tag and modern_spelling(p.normal_form) not in heads
                            for p in ps)


def common_noun_place(tok: Token) -> bool:
    """Is a capitalised word the model calls a place, inside a sentence, an ordinary noun
    ("прокласти собі Шлях", "засідання Ставки", "епоха Конфесіоналізації"): one the
    dictionary knows only as a common noun (no name reading, no plural-only town name such
    as "Крути"), that no gazetteer lists and that no preposition of place or word for a
    settlement puts on the map ("під Крутами", "у місті Суми")?

    tok (Token): the model's one-word place.
    RETURNS (bool): True where the word names no place.
    """
    from litopys.pipeline.morph import parses

    if not tok.text[1:].islower() or gazetteer().lookup(tok.lower_) or \
            any(modern_spelling(p.normal_form) in rules()["envoy_heads"] |
                rules()["org_heads"] | rules()["polity_nouns"] for p in parses(tok.text)):
        return False  # ("Ся Делєґація", old spelling: a body's noun, left to the body rules)
    ps = _common_noun_parses(tok)
    if not ps or all("Pltm" in p.tag for p in ps):
        return False
    lands, abstract = tuple(rules()["land_endings"]), tuple(rules()["abstract_endings"])
    if any(p.normal_form.endswith(lands) and not p.normal_form.endswith(abstract) for p in ps):
        return False  # "створення Дакії": a land the dictionary keeps as a common noun
    doc, i = tok.doc, tok.i
    before = {doc[k].lower_ for k in range(max(0, i - 2), i)}
    marks = rules()["place_prepositions"] | rules()["locative_prepositions"] | \
        set(rules()["settlement_words"]) | set(rules()["water_words"])
    return not (before & marks) and not any(
        reads_as(doc[k].text, rules()["landmark_nouns"]) for k in range(max(0, i - 2), i))


@lru_cache(maxsize=1)
def place_adjective_re() -> re.Pattern[str]:
    """A relational adjective of a place: its stem, a suffix ("-ськ-", "-цьк-") and an
    adjective ending (``place_adjective_suffixes``, ``adjective_endings``)."""
    suffixes = "|".join(sorted(rules()["place_adjective_suffixes"], key=len, reverse=True))
    endings = "|".join(sorted(rules()["adjective_endings"], key=len, reverse=True))
    return re.compile(rf"^(\w{{3,}}?)(?:{suffixes})(?:{endings})$")


@language_cache(maxsize=20_000)
def place_adjective(word: str) -> bool:
    """Is a lower-cased adjective made from a place the gazetteer knows ("лозаннська" from
    "Лозанна", "версальська" from "Версаль"): its stem before "-ськ-"/"-цьк-"/"-зьк-",
    bare or with a vowel, is the place's name?"""
    m = place_adjective_re().match(word)
    if m is None:
        return False
    stem = m.group(1)
    return any(h.type in ("GPE", "LOC") for ending in ("", "а", "о", "я", "и", "і", "ь")
               for h in gazetteer().lookup(stem + ending))


def _agreeing_adjective(adj: Token, noun: Token) -> bool:
    """A lower-case word with an adjective reading in the case of the noun after it, though
    the tagger read it as a noun ("мирним договором": "мирне" is a noun too)."""
    if not adj.text.islower() or not adj.is_alpha:
        return False
    cases = _reading_cases(noun, only=("NOUN",))
    return any(t.startswith("ADJF") and any(c in t for c in cases) for t in tags_of(adj.text))


def _adjective_reading(tok: Token) -> bool:
    """Is the token an adjective, or a word the tagger read as a name that is an adjective
    too ("Українська", "Руська", "Польська" are read first as surnames)?"""
    return tok.pos_ == "ADJ" or (tok.pos_ == "PROPN" and any(
        t.startswith("ADJF") for t in tags_of(tok.text)))


def eponym(doc: Doc, span: Span) -> bool:
    """Is a person's name the name of a thing called after him ("вулицю Грушевського",
    "орденом Богдана Хмельницького", "премію імені Олеся Гончара"; ``eponym_nouns``, as
    lemmas or as written)? Then it names no actor of the text."""
    if span.label_ != "PERSON" or span.start == 0:
        return False
    before = doc[span.start - 1]
    nouns = rules()["eponym_nouns"]
    return before.text.islower() and (before.lemma_ in nouns or before.lower_ in nouns)


def sentence_initial(tok: Token) -> bool:
    """Is the token the first word of its sentence (after quotes or brackets)?"""
    from litopys.pipeline.analysis import sentence_index

    first, _ = sentence_index(tok.doc)
    doc = tok.doc
    return all(doc[k].is_punct or doc[k].is_space for k in range(first[tok.i], tok.i))


class EntityRecognizer:
    """Find entity mentions (see the module docstring for the signals)."""

    def __init__(self, nlp: Language, name: str = "litopys_entities",
                 model_path: str | None = None) -> None:
        self.name = name
        self.model_path = model_path
        self._ner = None
        self._ner_loaded = False

    # -- the NER model is optional: loaded lazily, once -------------------
    @property
    def ner(self):  # type: ignore[no-untyped-def]
        if not self._ner_loaded:
            self._ner_loaded = True
            path = Path(self.model_path) if self.model_path else default_model_path()
            if path is not None and (path / "config.cfg").exists():
                import spacy

                # the model's first component sets morphology features
                import litopys.pipeline.ner_features  # noqa: F401

                self._ner = spacy.load(path)
        return self._ner

    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        spans: list[Span] = []

        def claim(span: Span) -> bool:
            if span is None or any(taken[span.start : span.end]):
                return False
            for k in range(span.start, span.end):
                taken[k] = True
            spans.append(span)
            return True

        def release(first: int, last: int) -> None:
            """Give back the tokens first..last-1 (a longer name takes them). A dictionary
            name among them stays a mention of its entry inside the longer name ("України"
            in "Конституція України"): the actor stage adds it to the entry (it is no
            span of its own, so events read the longer name)."""
            inner = doc.user_data.setdefault("litopys_inner_mentions", [])
            for span in [s for s in spans if s.start < last and first < s.end]:
                spans.remove(span)
                for k in range(span.start, span.end):
                    taken[k] = False
                if span._.entity_id or span.label_ == "PERSON":
                    inner.append((span.start, span.end, span.label_, span._.entity_id))

        for k in glosses(doc):
            taken[k] = True  # "(пол. Jan Wyhowski)": a gloss of a name, no entity
        for k in not_names(doc):
            taken[k] = True  # "ЗМІ", "після Празької весни": no actor
        self._eponymous_bodies(doc, claim, taken)
        self._bodies(doc, claim, taken)
        self._quoted_orgs(doc, claim, taken)
        self._coordinated_regions(doc, claim, taken)
        self._coordinated_states(doc, claim, taken)
        self._named_places(doc, claim, taken)
        self._abbreviated(doc, claim, taken)
        self._gazetteer(doc, claim)
        self._place_surnames(doc, spans, taken)
        self._named_states(doc, claim, taken, release)
        self._meetings(doc, claim, taken)
        self._kind_assemblies(doc, claim, taken)
        self._marked_places(doc, claim, taken)
        self._named_landmarks(doc, claim, taken)
        self._quoted_documents(doc, spans, claim, taken, release)
        self._documents(doc, spans, claim, taken, release)
        self._abbreviated_documents(doc, spans, claim, taken)
        self._orgs(doc, claim, taken)
        self._abbreviations(doc, claim, taken)
        self._sites(doc, claim, taken)
        self._bodies_of_states(doc, spans, claim, release)
        self._surnames_before_initials(doc, claim, taken)
        predicted = self._predict(doc, taken) if self.ner is not None else []
        self.model_label = [""] * len(doc)
        for span in predicted:
            for k in range(span.start, span.end):
                self.model_label[k] = span.label_
        self._people(doc, claim, taken)
        for span in predicted:
            self._claim_model(doc, span, claim)
        self._places(doc, claim, taken)
        self._listed_places(doc, spans, claim, taken)
        self._short_documents(doc, spans, claim, taken)
        self._meeting_anaphora(doc, spans, claim, taken)
        self._bracketed_abbreviations(doc, spans)
        spans[:] = [self._with_given_name(doc, self._without_opener(doc, s), taken)
                    for s in spans if not eponym(doc, s)]
        spans.sort(key=lambda s: s.start)
        doc.spans["mentions"] = spans
        return doc

    def _gazetteer(self, doc: Doc, claim) -> None:  # type: ignore[no-untyped-def]
        gaz = gazetteer()
        first_len = first_word_lengths()
        heads = rules()["actor_heads"] | rules()["group_heads"]
        head_forms = rules()["actor_head_forms"]
        state_forms = rules()["state_form_heads"]  # "Грецьке королівство": the state
        language = current_language()
        # "чёрному" as the keys: "черному"; "I-го Універсалу" as "I Універсалу"
        words = [gazetteer_word(w) for w in features(doc).lower]
        stops = [t.is_punct or t.is_space for t in doc]
        years = narrative_years(doc)
        n = len(doc)
        i = 0
        while i < n:
            longest = first_word_length(words[i])
            matched = False
            for size in range(min(longest, n - i), 0, -1):
                if any(stops[i + 1 : i + size]):
                    continue
                hits = gaz.lookup(" ".join(words[i : i + size]))
                if not hits:
                    continue
                if years[i] is not None:
                    # "Варшавський договір" in a text about 1920 is not the Warsaw Pact
                    hits = [h for h in hits if gaz.actor(h.id).read_in(years[i])]
                    if not hits:
                        continue
                if not doc[i].text[:1].isupper():
                    hits = [h for h in hits if h.id not in capitalised_only()]
                    if not hits:
                        continue  # "захід" is a measure, "Захід" the West
                # "нацистам" in a Russian text: a name that is a common noun (a group's
                # name) is a word of one language; proper names and adjectives are read
                # in any document (a short one's language may be guessed wrong)
                hits = [h for h in hits if h.lang == language or h.cap
                        or h.kind not in ("name", "alias", "demonym")]
                if not hits:
                    continue
                hit = min(hits, key=lambda h: KIND_RANK.get(h.kind, 9))
                if hit.kind == "adjective":
                    # "радянський уряд": the adjective names the state only
                    # with an actor noun after it
                    j = self._past_adjectives(doc, i + size)
                    if j > i + size and (j >= n or not actor_noun(doc[j], state_org_heads())):
                        j = i + size  # only forces, envoys and groups take adjectives between
                    if j < n and (actor_noun(doc[j], heads, head_forms) or (
                            doc[j].text.islower() and doc[j].lemma_ in state_forms) or (
                            doc[i].text.islower() and doc[j].pos_ == "NOUN" and
                            reads_as(doc[j].text, rules()["assembly_heads"]))):
                        # "Нанкінський уряд" is the government of China, not the city
                        # "кримського правителя" in 1651: the Khanate's, not Ukraine's
                        polity = gaz.actor(hit.id).polity_at(years[i])
                        rec = gaz.actor(polity) if polity else gaz.actor(hit.id)
                        if rec.type == "LOC":
                            continue  # "чорноморського флоту": a sea is no actor
                        span = state_actor_span(doc, i, j, rec)
                    else:
                        continue
                else:
                    if size == 1 and len(words[i]) < 2:
                        continue
                    if size == 1 and hit.cap and hit.type in ("GPE", "LOC") and \
                            not doc[i].text[:1].isupper() and \
                            _other_word(words[i], gaz.actor(hit.id).name):
                        continue  # "у гавані" is a harbour ("росії" is still Russia)
                    if size == 1 and i + 1 < n and is_cap(doc[i + 1]) and \
                            not first_len.get(words[i + 1]) and \
                            _first_name_before(doc[i], doc[i + 1]):
                        continue  # "Софія Русова": a first name before a surname
                    span = Span(doc, i, i + size, label=hit.type)
                    span._.entity_id = hit.id
                if claim(span):
                    i = span.end
                    matched = True
                    break
            if not matched:
                i += 1

    @staticmethod
    def _past_adjectives(doc: Doc, j: int) -> int:
        """The index after up to two lower-case adjectives from ``j`` that agree with the
        noun after them and name no state ("українські козацькі полки", "німецькі
        окупаційні війська"); ``j`` itself where there are none."""
        gaz = gazetteer()
        k = j
        n = len(doc)
        while k < n and k - j < 2 and doc[k].text.islower() and \
                doc[k].is_alpha and doc[k].pos_ == "ADJ" and \
                not any(h.kind == "adjective" for h in gaz.lookup(doc[k].lower_)):
            k += 1
        if k > j and (k >= n or not _agree(doc[k - 1], doc[k])):
            return j
        return k

    def _abbreviated(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """Names with encyclopedic abbreviations of their adjectives ("Рос. імперії",
        "Пн. Кавказі", "Укр. Нар. Республіка", "рос. військ", "Зах. Україна"): each
        abbreviation is read as the adjective in the case and gender of the first full
        word after it, and the name looked up (a compass adjective before a land is a
        region, as "Західна Україна")."""
        short = abbreviated_adjectives()
        n = len(doc)
        i = 0
        while i < n:
            adjectives: list[tuple[str, ...]] = []
            j = i
            while j < n and doc[j].lower_.rstrip(".") in short and len(adjectives) < 3:
                dotted = doc[j].lower_.endswith(".")
                if not dotted and (j + 1 >= n or doc[j + 1].text != "."):
                    break
                adjectives.append(short[doc[j].lower_.rstrip(".")])
                j += 1 if dotted else 2  # "Осман" "." as two tokens
            if adjectives and j < n and not any(taken[i : j + 1]) and \
                    (span := self._abbreviated_state(doc, i, j, adjectives)) is not None and \
                    not any(taken[span.start : span.end]):
                claim(span)  # "Рос. імп."
                i = span.end
                continue
            if not adjectives or j >= n or not doc[j].is_alpha or any(taken[i : j + 1]):
                i += 1
                continue
            span = self._abbreviated_name(doc, i, j, adjectives)
            if span is not None and not any(taken[span.start : span.end]):
                claim(span)
                i = span.end
            else:
                i += 1

    @staticmethod
    def _abbreviated_state(doc: Doc, i: int, j: int,
                           adjectives: list[tuple[str, ...]]) -> Span | None:
        """The state that abbreviated ``adjectives`` (tokens ``i`` .. ``j``) and an
        abbreviated noun at ``j`` name ("Рос. імп." the Russian Empire), or None."""
        nouns = abbreviated_nouns()
        word = doc[j].lower_
        end = j + 1
        if not word.endswith("."):
            if end >= len(doc) or doc[end].text != ".":
                return None
            end += 1  # "імп" "." as two tokens
        full = nouns.get(word.rstrip("."))
        if not full:
            return None
        gaz = gazetteer()
        for noun in full:
            choices = [tuple(dict.fromkeys(f for a in alternatives for f in agreeing_forms(
                a, noun))) for alternatives in adjectives]
            for forms in itertools.islice(itertools.product(*choices), 64):
                names = [h for h in gaz.lookup(" ".join([*forms, noun]))
                         if h.kind != "adjective"]
                if names:
                    span = Span(doc, i, end, label=names[0].type)
                    span._.entity_id = names[0].id
                    return span
        return None

    @staticmethod
    def _abbreviated_name(doc: Doc, i: int, j: int,
                          adjectives: list[tuple[str, ...]]) -> Span | None:
        """The name that tokens ``i`` .. (the word at ``j`` and up to three more) spell
        with the abbreviated ``adjectives`` written out, or None."""
        gaz = gazetteer()
        rest = [t.lower_ for t in doc[j : j + 4]]
        choices = [tuple(dict.fromkeys(f for a in alternatives for f in agreeing_forms(
            a, doc[j].lower_))) for alternatives in adjectives]
        for forms in itertools.islice(itertools.product(*choices), 64):
            for size in range(len(rest), -1, -1):
                if size == 0 and len(forms) > 1:
                    continue
                hits = gaz.lookup(" ".join([*forms, *rest[:size]]))
                names = [h for h in hits if h.kind != "adjective"]
                if names and size:
                    span = Span(doc, i, j + size, label=names[0].type)
                    span._.entity_id = names[0].id
                    return span
                if hits and size == 0 and actor_noun(doc[j], rules()["actor_heads"] |
                                                     rules()["group_heads"]):
                    # "рос. військ", "франц. уряд"
                    return state_actor_span(doc, i, j, gaz.actor(hits[0].id))
        if len(adjectives) == 1 and set(adjectives[0]) & rules()["compass_adjectives"]:
            size, _ = place_name_at([t.lower_ for t in doc], j, most=3)
            if size:
                return Span(doc, i, j + size, label="LOC")  # "Зах. Україна"
        return None

    def _marked_places(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """A capitalised name after a word for a settlement ("с. Андрусово", "у селі
        Андрусове", "м. Невель") is a town (GPE); after a word for a river or a lake
        ("р. Збручь", "річки Дісна") a water body (LOC)."""
        towns = rules()["settlement_words"]
        waters = rules()["water_words"]
        joins = rules()["list_separators"]
        n = len(doc)
        text = features(doc).text
        for i in range(n - 1):
            word = text[i]  # abbreviations as written: "С." is an initial
            j = i + 1
            if j < n and text[j] == "." and not word.endswith("."):
                word += "."  # "с" "." as two tokens
                j += 1
            if word.endswith("."):
                if i > 0 and doc[i - 1].like_num:
                    continue  # "1709 р.": a year
                town, water = word in towns, word in waters
            else:
                town, water = reads_as(word, towns), reads_as(word, waters)
            if not (town or water) or j >= n or not capitalised(text[j]) or \
                    text[j].isupper() or sentence_initial(doc[j]):
                continue
            label = "GPE" if town else "LOC"
            if taken[j]:
                end = j + 1  # a name the dictionary knows: only the list after it
                while end < n and taken[end]:
                    end += 1
            else:
                if doc[j].pos_ == "ADJ" and j + 1 < n and doc[j + 1].text.islower() and \
                        doc[j + 1].pos_ == "NOUN":
                    continue  # "села Монастирщинського району": a district, not a name
                end = j + 1
                if end < n and not taken[end] and is_cap(doc[end]) and \
                        doc[end].pos_ in ("NOUN", "PROPN") and not _maybe_name(doc[end]):
                    end += 1  # "с. Нова Каховка"
                claim(Span(doc, j, end, label=label))
            if word.endswith(".") or not _only_plural(word, towns | waters):
                continue
            # "по річках Горинь, Случ і Лабунь": each name of the list after a plural noun
            while end + 1 < n and doc[end].lower_ in joins and is_cap(doc[end + 1]) and \
                    not doc[end + 1].text.isupper() and doc[end + 1].is_alpha:
                if not taken[end + 1] and (end + 2 < n and is_cap(doc[end + 2]) or any(
                        "Name" in tag for tag in tags_of(doc[end + 1].text)) or
                        end + 2 < n and doc[end + 2].pos_ in ("VERB", "AUX")):
                    break  # "та Іван Мазепа", "та Мазепа їхав": a person after the list
                if not taken[end + 1]:
                    claim(Span(doc, end + 1, end + 2, label=label))
                    end += 2
                else:
                    end += 2
                    while end < n and taken[end]:
                        end += 1

    @staticmethod
    def _named_landmarks(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"у палаці Долмабахче", "на острові Зміїний": a lower-case noun for a building or
        a landform with a capitalised name after it that is no person's is a place (LOC),
        the noun included."""
        landmarks = rules()["landmark_nouns"]
        n = len(doc)
        f = features(doc)
        for i in range(n - 1):
            j = i + 1
            if taken[i] or taken[j] or not f.text[i].islower() or f.pos[i] != "NOUN" or \
                    not reads_as(f.text[i], landmarks):
                continue
            if not is_cap(doc[j]) or _maybe_name(doc[j]) or sentence_initial(doc[j]) or \
                    known_surname(doc[j].text):
                continue
            end = j + 1
            if end < n and not taken[end] and is_cap(doc[end]) and not _maybe_name(doc[end]):
                end += 1
            claim(Span(doc, i, end, label="LOC"))

    @staticmethod
    def _place_surnames(doc: Doc, spans: list[Span], taken: list[bool]) -> None:
        """"Ігоря Жовкви", "Юрія Дрогобича": a town's name right after a dictionary first
        name in the same case is a surname; the dictionary's place there is given back (the
        person rules read the two words)."""
        no_voct = CASES[:-1]
        for span in [s for s in spans if len(s) == 1 and s.label_ in ("GPE", "LOC")]:
            i = span.start
            if i == 0 or taken[i - 1] or not is_cap(doc[i - 1]) or sentence_initial(doc[i]):
                continue
            first = doc[i - 1]
            if gazetteer().lookup(first.lower_) or not (
                    _reading_cases(first, ("Name",), no_voct) & _reading_cases(span[0])):
                continue
            if not any(p.is_known and "Name" in str(p.tag) for p in parses(first.text)):
                continue
            spans.remove(span)
            taken[i] = False

    @staticmethod
    def _issuer_title_end(doc: Doc, inner: set[int], i: int) -> int:
        """The end of "<document noun> <issuer in the genitive> «<title>»" or "... № N"
        ("Постанови Верховної Ради України «Про ...»", "Указ Президента України № 64"): the
        issuer is capitalised genitive words and mentions of bodies and states (no person);
        ``i + 1`` where the phrase has no issuer or no title or number after it (``inner``:
        the tokens of the body and state mentions, ``issuer_tokens``)."""
        n = len(doc)
        k = i + 1
        while k < n and k - i <= 8 and (k in inner or (
                is_cap(doc[k]) and "gent" in _reading_cases(doc[k]) and not doc[k].is_punct)):
            k += 1
        if k == i + 1 or k >= n:
            return i + 1
        title_end = quoted_title_end(doc, k)
        if title_end > k:
            return title_end
        number_end = document_number_end(doc, k, head=i)
        return number_end if number_end > k else i + 1

    def _documents(self, doc: Doc, spans: list[Span], claim, taken, release) -> None:  # type: ignore[no-untyped-def]
        heads = rules()["doc_heads"]
        bodies = {s.start: s for s in spans if s.label_ == "ORG"}
        f = features(doc)
        words = f.lower
        n = len(doc)
        quoted = rules()["quoted_doc_heads"]
        both = heads | quoted
        issuers = issuer_tokens(spans)
        for i in range(n):
            if taken[i] or f.pos[i] not in ("NOUN", "PROPN") or f.lemma[i] not in both:
                continue
            tok = doc[i]
            number_end = document_number_end(doc, i + 1)
            issued = self._issuer_title_end(doc, issuers, i) if is_cap(tok) else i + 1
            if issued > i + 1 and not any(taken[k] for k in range(i + 1, issued)
                                          if k not in issuers):
                # "Постанови Верховної Ради України «Про ...»", "Указ Президента України
                # № 64": the issuer in the genitive, then the title or the number
                release(i + 1, issued)
                claim(Span(doc, i, issued, label="DOC"))
                continue
            if tok.lemma_ not in heads and not (i + 1 < n and doc[i + 1].text in QUOTES_OPEN) \
                    and number_end == i + 1:
                continue  # "постанова" names a document only with its title in quotes
            start = i
            while start > 0 and (not taken[start - 1] or self._place_adjective(
                    doc, spans, start - 1)) and (is_cap(doc[start - 1]) or _agree(
                        doc[start - 1], tok)) and (  # ("Севрскому договором": MT agreement)
                    doc[start - 1].pos_ == "ADJ"
                    or (is_cap(doc[start - 1]) and any("ADJF" in t for t in tags_of(
                        doc[start - 1].text.split("-")[-1])))  # "Кючук-Кайнарджійський"
                    or (start == i and _agreeing_adjective(doc[start - 1], tok) and not any(
                        t.start <= start - 1 < t.end for t in doc.spans.get("timex", [])))
            ) and not doc[start - 1].is_punct and not verbal(doc[start - 1]):
                if taken[start - 1]:  # "в Лозанському мирному договорі" ("мирним": an
                    release(start - 1, start)  # adjective read as a noun; not "9 лютого")
                start -= 1  # not "підписаний Зборівський мир", "була підписана Декларація"
            if start > 0 and is_cap(tok) and not taken[start - 1] and \
                    ROMAN_RE.match(doc[start - 1].text):
                start -= 1  # "IV Універсал"
            if number_end > i + 1 and not any(taken[i + 1 : number_end]):
                claim(Span(doc, start, number_end, label="DOC"))  # "резолюція 2202"
                continue
            if is_cap(tok) and not sentence_initial(tok) and \
                    tok.lemma_ in rules()["polity_doc_heads"]:
                year = next((s for s in doc.spans.get("timex", []) if s.start == i + 1
                             and len(s) <= 2 and re.fullmatch(r"\d{4}", s[0].text)), None)
                if year is not None and not any(taken[year.start : year.end]):
                    claim(Span(doc, start, year.end, label="DOC"))  # "Конституції 1996 року"
                    continue
            # "Новий договір" at a sentence's start: a referential adjective, no name
            named = any(is_cap(t) and not (sentence_initial(t) and reads_as(
                t.text, rules()["referential_adjectives"])) for t in doc[start : i + 1])
            end = i + 1
            if end < n and not taken[end] and doc[end].text[:1].isupper() and \
                    doc[end].text.replace("-", "").isalnum() and \
                    doc[end].text.split("-")[0].isupper():
                end += 1  # "Договір СНО-1"
                named = True
            if end == i + 1 and end < n and not taken[end] and is_cap(tok) and \
                    not sentence_initial(tok) and surname_genitive(doc[end]):
                # "План Маршалла": a capitalised head with a person's surname names a
                # document; the surname stays a mention of the person
                doc.user_data.setdefault("litopys_inner_mentions", []).append(
                    (end, end + 1, "PERSON", None))
                claim(Span(doc, start, end + 1, label="DOC"))
                continue
            if end < n and doc[end].text in QUOTES_OPEN and named_doc_head(tok):
                close = next((k for k in range(end + 1, min(n, end + 30))
                              if doc[k].text in QUOTES_CLOSE or doc[k].is_sent_start), None)
                if close is not None and doc[close].text in QUOTES_CLOSE and \
                        doc[end + 1].text[:1].isupper():  # a title, not a quoted remark
                    claim(Span(doc, start, close + 1, label="DOC"))  # постанова «Про ...»
                    continue
            if end < n and doc[end].lower_ not in rules()["subject_prepositions"] and \
                    is_cap(tok):
                k = end  # "Декларація прав національностей України": the genitive chain
                while k < n and k - end < 5 and not taken[k] and \
                        doc[k].pos_ in ("NOUN", "ADJ") and "gent" in _reading_cases(doc[k]):
                    k += 1
                inside = not sentence_initial(tok)
                size, hit = place_name_at(words, k) if k < n else (0, None)
                if size and "gent" in _reading_cases(doc[k]) and (
                        k > end or (hit.type == "GPE" and (
                            inside or tok.lemma_ in rules()["polity_doc_heads"]))):
                    # the state's name is part of the document's ("Конституція України"),
                    # and so is a title in quotes after it ("Закон України «Про ...»")
                    title_end = quoted_title_end(doc, k + size)
                    release(k, title_end)
                    claim(Span(doc, start, title_end, label="DOC"))
                    continue
                body = bodies.get(k)
                if body is not None and "gent" in _reading_cases(doc[k]) and \
                        (inside or k > end) and not any(taken[end:k]):
                    # a body or a meeting in the genitive is part of the document's name
                    # ("Декларація Бухарестського саміту", "Резолюція Ради Безпеки ООН")
                    release(k, body.end)
                    claim(Span(doc, start, body.end, label="DOC"))
                    continue
            if end < n and doc[end].lower_ in rules()["subject_prepositions"] and \
                    end + 1 < n and doc[end + 1].pos_ in ("PRON", "DET", "SCONJ"):
                continue  # "домовленість про те, що ...": a clause, no document's name
            if end < n and doc[end].lower_ in rules()["subject_prepositions"]:
                k = end + 1
                while k < n and k - end <= 8 and not taken[k] and not (
                    doc[k].pos_ in ("AUX", "VERB") or finite_verb(doc[k])) and not (
                    # "договір про ненапад строком на три роки": a noun in the
                    # instrumental after the subject is no part of it (nor one the
                    # tagger reads as a name: "про зречення влади гетьманом")
                    k > end + 1 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text.islower()
                    and doc[k].morph.get("Case") == ["Ins"]) and (
                    doc[k].pos_ in ("NOUN", "ADJ", "PROPN")
                    or ((doc[k].lower_ in rules()["name_conjunctions"]
                         or doc[k].lower_ in rules()["subject_prepositions"])
                        and k + 1 < n and (doc[k + 1].pos_ in ("ADJ", "NOUN") or (
                            doc[k + 1].pos_ == "PROPN" and doc[k + 1].text.islower())))
                ) and not doc[k].is_punct:  # (nested: "Декларація про наміри підписання
                    k += 1                  # Угоди про асоціацію"; a lower-case word the
                    # tagger reads as a name is a noun: "про дружбу і кордон")
                if k > end + 1 and k < n and taken[k]:
                    # "Декларація про державний суверенітет України": the state's name
                    # in the genitive closes the subject
                    size, hit = place_name_at(words, k)
                    if size and hit.type == "GPE" and "gent" in _reading_cases(doc[k]):
                        release(k, k + size)
                        k += size
                    elif "gent" in _reading_cases(doc[k]) and \
                            reads_as(doc[k - 1].text, rules()["founding_nouns"]):
                        # "Угода про створення Співдружності Незалежних Держав": the body
                        # it founds, in the genitive, closes the subject
                        body = next((s for s in spans if s.start == k and s.label_ == "ORG"
                                     and s._.entity_id), None)
                        if body is not None:
                            release(k, body.end)
                            k = body.end
                if k > end + 1:
                    end = k
            if not named and "Number=Plur" in str(tok.morph):
                continue  # "договори про ненапад": a kind of document, not one document
            generic = end == i + 1 and not named
            if generic and (start == i or "Number=Plur" in str(tok.morph)
                            or tok.lemma_ not in rules()["treaty_heads"]
                            or any(reads_as(t.text, rules()["referential_adjectives"])
                                   for t in doc[start:i])):
                continue
            if end == i + 1 and start == i:
                continue
            if claim(Span(doc, start, end, label="DOC")) and generic:
                # "союзний договір": a name only if no other document of the text has
                # this head (the actor stage joins it to the one that has)
                doc.user_data.setdefault("litopys_generic_doc", {})[start] = i

    @staticmethod
    def _quoted_documents(doc: Doc, spans: list[Span], claim, taken, release) -> None:  # type: ignore[no-untyped-def]
        """A title in quotes that opens with a document's noun, capitalised (or with
        capitalised adjectives before it), is the document's name, up to the closing
        quote: "«Мировий договір між Україною і Росією з одної сторони й Польщею з другої»",
        "«Грамоту до всього українського народу»"; not where a name inside is claimed
        already (the events stage reads the state of "«Мировий договір між Україною і
        Росією»")."""
        heads = rules()["doc_heads"] | rules()["quoted_doc_heads"]
        n = len(doc)
        for k, text in enumerate(features(doc).text):
            if text not in QUOTES_OPEN or k + 2 >= n:
                continue
            end = quoted_title_end(doc, k)
            if end - k < 4:
                continue  # a title of a noun and at least one word more
            h = k + 1
            while h < end - 2 and doc[h].pos_ == "ADJ" and is_cap(doc[h]):
                h += 1  # "«Мировий договір ...»", "«Тимчасовий закон ...»"
            head = doc[h]
            if not (head.text[:1].isupper() or h > k + 1) or \
                    not (head.lemma_ in heads or reads_as(head.text, heads)):
                continue
            if any(taken[k + 1 : end - 1]):
                continue  # names inside are left as they are (events read them)
            release(k + 1, end - 1)
            claim(Span(doc, k + 1, end - 1, label="DOC"))

    @staticmethod
    def _meeting_anaphora(doc: Doc, spans: list[Span], claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Конференція прийняла рішення", "Конгрес підтвердив": a word for a meeting
        alone (no adjective before it, no name after it) after the text has named a meeting
        with that word is that meeting (the actor stage joins it to the named one); "альянс"
        alone (``alliance_words``) is the alliance (``alliance_ids``) the text named last."""
        heads = rules()["meeting_heads"]
        alliance_words = rules()["alliance_words"]
        alliances = rules()["alliance_ids"]
        n = len(doc)
        lemmas = features(doc).lemma
        for i, lemma in enumerate(lemmas):
            alliance = lemma in alliance_words
            if taken[i] or not (lemma in heads or alliance):
                continue
            tok = doc[i]
            if not (tok.text.islower() or sentence_initial(tok)):
                continue
            if i > 0 and doc[i - 1].pos_ == "ADJ" or i + 1 < n and taken[i + 1]:
                continue  # "мирна конференція", "конференції ООН": not the one named
            # ("альянс утворив": the alliance the text named last, "НАТО")
            named = [s for s in spans if s.label_ == "ORG" and s.end <= i and (
                s._.entity_id in alliances if alliance else
                len(s) > 1 and s[-1].lemma_ == tok.lemma_)]
            if not named:
                continue
            span = Span(doc, i, i + 1, label="ORG")
            span._.entity_id = named[-1]._.entity_id
            if claim(span) and not span._.entity_id:
                doc.user_data.setdefault("litopys_same_as", {})[i] = named[-1].start

    @staticmethod
    def _bracketed_abbreviations(doc: Doc, spans: list[Span]) -> None:
        """"Української Центральної Ради (УЦР)", "Угоди про створення Співдружності
        Незалежних Держав (СНД)": an all-capital abbreviation in brackets right after a name
        whose words' first letters spell it (in order; a letter may also come from inside a
        word, "ЗУНР", if the first one opens the name) names what that name names, there
        and wherever the text writes it again. Not "Сан-Франциско (США)" (no such letters),
        nor an abbreviation the dictionary gives another entry."""
        n = len(doc)
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        found: dict[str, Span] = {}
        for i in range(2, n - 1):
            tok = doc[i]
            if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not abbreviation_word(tok.text):
                continue
            name = by_end.get(i - 1)
            if name is None or name.label_ == "PERSON" or len(name) < 2 or \
                    not spells(tok.text, [t.text for t in name]):
                continue
            own = by_start.get(i)
            if own is not None and (own.end != i + 1 or own._.entity_id and
                                    own._.entity_id != name._.entity_id):
                continue
            found.setdefault(tok.text, name)
        if not found:
            return
        same_as = doc.user_data.setdefault("litopys_same_as", {})
        for k, tok in enumerate(doc):
            name = found.get(tok.text)
            if name is None or k < name.end:
                continue
            own = by_start.get(k)
            if own is not None and (own.end != k + 1 or own._.entity_id and
                                    own._.entity_id != name._.entity_id):
                continue
            if own is None and any(s.start <= k < s.end for s in spans):
                continue
            span = Span(doc, k, k + 1, label=name.label_)
            span._.entity_id = name._.entity_id
            if own is not None:
                spans.remove(own)
            spans.append(span)
            if not name._.entity_id:
                same_as[k] = name.start

    @staticmethod
    def _with_given_name(doc: Doc, span: Span, taken: list[bool]) -> Span:
        """A surname with the first name before it that the persons dictionary gives that
        person ("Богдан Хмельницький", "Володимиром Зеленським", where pymorphy3 does not
        read the first name as one) is one mention."""
        k = span.start - 1
        if span.label_ != "PERSON" or k < 0 or taken[k] or not is_cap(doc[k]):
            return span
        from litopys.data.gazetteer import load_persons

        if not load_persons().lookup_full(f"{doc[k].lower_} {span.text.lower()}"):
            return span
        taken[k] = True
        out = Span(doc, k, span.end, label="PERSON")
        out._.entity_id = span._.entity_id
        return out

    @staticmethod
    def _without_opener(doc: Doc, span: Span) -> Span:
        """A personal name without the capitalised particle or adverb that opens its
        sentence ("Ще Іван IV Грозний", "Вже Петро I": ``name_openers``)."""
        if span.label_ != "PERSON" or len(span) < 2 or \
                span[0].lower_ not in rules()["name_openers"]:
            return span
        out = Span(doc, span.start + 1, span.end, label=span.label_)
        out._.entity_id = span._.entity_id
        return out

    @staticmethod
    def _place_adjective(doc: Doc, spans: list[Span], k: int) -> bool:
        """Is the token at ``k`` a place the dictionaries do not know read from a capitalised
        adjective alone ("в Лозанському" before "мирному договорі"): a word of the
        document's name, to be taken back."""
        span = next((s for s in spans if s.start <= k < s.end), None)
        return span is not None and len(span) == 1 and not span._.entity_id and \
            span.label_ in ("GPE", "LOC") and doc[k].pos_ == "ADJ" and is_cap(doc[k])

    @staticmethod
    def _abbreviated_documents(doc: Doc, spans: list[Span], claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"В.м.д." after "Версальський мирний договір": initials whose letters are the
        first letters of a document's words (each part of a hyphenated word too) are a
        short mention of that document (the actor stage gives it the document's name)."""
        documents = [s for s in spans if s.label_ == "DOC"]
        if not documents:
            return
        for i, tok in enumerate(doc):
            if taken[i] or not ABBREV_DOC_RE.match(tok.text):
                continue
            letters = [c.lower() for c in tok.text if c.isalpha()]
            for target in documents:
                parts = [p for t in target for p in re.split(r"[-–]", t.text) if p[:1].isalpha()]
                if [p[0].lower() for p in parts] != letters:
                    continue
                span = Span(doc, i, i + 1, label="DOC")
                if target._.entity_id:
                    span._.entity_id = target._.entity_id
                else:
                    doc.user_data.setdefault("litopys_abbrev_of", {})[i] = target.start
                claim(span)
                break

    @staticmethod
    def _short_documents(doc: Doc, spans: list[Span], claim, taken) -> None:  # type: ignore[no-untyped-def]
        """A document head alone ("Декларація", "договором") where exactly one named
        document of the text has that head: a short mention of it (the actor stage joins
        it, or drops it where no one document takes it)."""
        short = rules()["short_doc_heads"]
        named: dict[str, int] = {}
        for span in spans:
            if span.label_ == "DOC":
                for lemma in {t.lemma_ for t in span if t.pos_ in ("NOUN", "PROPN")} & short:
                    named[lemma] = named.get(lemma, 0) + 1
        if not named:
            return
        generic = doc.user_data.setdefault("litopys_generic_doc", {})
        bare = doc.user_data.setdefault("litopys_bare_doc", set())
        for i, tok in enumerate(doc):
            if taken[i] or tok.pos_ not in ("NOUN", "PROPN") or named.get(tok.lemma_) != 1 \
                    or "Number=Plur" in str(tok.morph) or tok.text.isupper():
                continue
            if i > 0 and (doc[i - 1].pos_ in ("ADJ", "DET", "PRON") or taken[i - 1]
                          or reads_as(doc[i - 1].text, rules()["referential_adjectives"])):
                continue  # "аналогічний договір", "ця угода": not the one with the head
            if claim(Span(doc, i, i + 1, label="DOC")):
                generic[i] = i
                bare.add(i)

    def _orgs(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        heads = rules()["org_heads"]
        for i, tok in enumerate(doc[:-1]):
            # not after a name the gazetteer already read ("Верховної Ради Леонід
            # Кравчук"), and not a person's first name ("партії Іван ...")
            if tok.lemma_ in heads and not taken[i] and not taken[i + 1] and \
                    is_cap(doc[i + 1]) and not any("Name" in t for t in tags_of(doc[i + 1].text)[:2]):
                j = i + 1
                while j < len(doc) and is_cap(doc[j]) and not taken[j]:
                    j += 1
                claim(Span(doc, i + 1, j, label="ORG"))

    def _people(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """People: initials + surname, then runs of capitalised name-like words.

        Runs inside a sentence are read first; a run at the start of a sentence
        is ambiguous ("Оточення Чан Кайши"), so its leading ordinary words are
        dropped unless the run (or its tail) is a name already seen inside a
        sentence.
        """
        stop = rules()["not_person"]
        digraphs = rules()["digraph_initials"]
        n = len(doc)
        text = features(doc).text
        runs: list[tuple[int, int]] = []
        i = 0
        while i < n:
            t = text[i]
            if taken[i] or not (capitalised(t) or t in digraphs or INITIAL_RE.match(t)):
                i += 1  # (no initial and no capitalised word: neither test below passes)
                continue
            tok = doc[i]
            if initial_length(doc, i):
                j = i
                count = 0
                while j < n and initial_length(doc, j) and count < 3 and not taken[j]:
                    j += initial_length(doc, j)
                    count += 1
                if j < n and is_cap(doc[j]) and not taken[j]:
                    end = j + 1
                    if end < n and is_cap(doc[end]) and not taken[end] and name_like(doc[end]):
                        end += 1
                    if claim(Span(doc, i, end, label="PERSON")):
                        i = end
                        continue
                i = j
                continue
            if not is_cap(tok) or tok.lemma_ in stop or two_names(tok):
                i += 1  # ("Пілсудський-Петлюра": two people, not one)
                continue
            if self._not_person(doc[i]):
                i += 1  # the model reads it as a place or a body: leave it to the model
                continue
            j = i
            while j < n and not taken[j] and j - i < 5 and not self._not_person(doc[j]):
                if is_cap(doc[j]):
                    j += 1
                elif doc[j].lower_ in rules()["name_particles"] and j > i:
                    k = j  # "фон дер Ляєн": one particle or more, then a capitalised word
                    while k < n and k - j < 3 and doc[k].lower_ in rules()["name_particles"]:
                        k += 1
                    k = max(k, j + 1)
                    if k < n and is_cap(doc[k]) and not taken[k]:
                        j = k + 1
                    else:
                        break
                elif ROMAN_RE.match(doc[j].text) and j + 1 < n and is_cap(doc[j + 1]) and \
                        not taken[j + 1]:
                    j += 2
                elif ROMAN_RE.match(doc[j].text) and j > i:
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        category = category_nouns()
        trimmed: list[tuple[int, int]] = []
        for start, end in runs:
            # "Договір Пілсудський", "Вона": a category noun or a function word
            # is not part of a name, nor a word of address ("Дорогі Друзі", "Пане Петре")
            while start < end and not east_asian_surname(doc[start]) and (
                                   doc[start].lemma_ in category
                                   or doc[start].pos_ in CLOSED_POS
                                   or offices().lookup(doc[start].lower_) is not None
                                   or reads_as(doc[start].text, rules()["address_words"])):
                start += 1
            # "У Ялті Сталін", "Цар Олексій Михайлович": an ordinary word before a
            # known name is not part of it
            while start < end - 1 and is_known(doc[start].text) and \
                    not _maybe_name(doc[start]) and not east_asian_surname(doc[start]) and \
                    any(_name_tagged(t) for t in doc[start + 1 : end]):
                start += 1
            if start > 0 and start < end and not taken[start - 1] and \
                    (doc[start - 1].lower_ in rules()["saint_words"]
                     or doc[start - 1].lemma_ in rules()["saint_words"]):
                start -= 1  # "святого Петра": the saint's word is part of the name
            # "обрання Кравчука Президентом": an office after a name is no part of it
            while end - 1 > start and offices().lookup(doc[end - 1].lower_) is not None and \
                    not _name_tagged(doc[end - 1]):
                end -= 1
            if start < end:
                trimmed.append((start, end))
        runs = [part for start, end in trimmed for part in split_names(doc, start, end)]
        seen: set[tuple[str, ...]] = set()
        initial_runs = []
        for start, end in runs:
            if sentence_initial(doc[start]):
                initial_runs.append((start, end))
                continue
            run = doc[start:end]
            if len(run) >= 2:
                if any(name_like(t) for t in run) and all(
                    name_like(t) or is_known(t.text) or ROMAN_RE.match(t.text) for t in run
                ):  # ("Катерини II", "Карла XII": a regnal number)
                    if claim(Span(doc, start, end, label="PERSON")):
                        seen.add(tuple(t.lower_ for t in run))
            elif self._single_name(run[0], False):
                if claim(Span(doc, start, end, label="PERSON")):
                    seen.add((run[0].lower_,))
        for start, end in initial_runs:
            words = [t.lower_ for t in doc[start:end]]
            tail = next((k for k in range(start, end) if tuple(words[k - start:]) in seen), None)
            if tail is not None:
                claim(Span(doc, tail, end, label="PERSON"))
                continue
            k = start
            while k < end and is_known(doc[k].text) and not _name_tagged(doc[k]) \
                    and not east_asian_surname(doc[k]):
                k += 1
            if k == end:
                continue
            run = doc[k:end]
            if len(run) >= 2:
                if any(name_like(t) for t in run):
                    claim(Span(doc, k, end, label="PERSON"))
            elif self._single_name(run[0], k == start):
                claim(Span(doc, k, end, label="PERSON"))

    @staticmethod
    def _single_name(tok: Token, initial: bool) -> bool:
        if any(h.kind == "adjective" for h in gazetteer().lookup(tok.lower_)):
            return False  # "Українську" (громадську групу): a state's adjective
        if latin(tok.text):
            return False  # "Twitter", "July": a foreign word alone is no name here
        if located(tok) or no_person_after(tok):
            return False  # "около Шумлы": a place (read by ``_places``); "при Фрідланді"
        tags = tags_of(tok.text)
        first = tags[0] if tags else ""
        if known_surname(tok.text) and len(tok.text) > 3 and tok.pos_ not in CLOSED_POS:
            # a dictionary surname; at a sentence start only before a verb ("Кучма
            # провів ...", not "Того ж дня")
            doc = tok.doc
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if not initial or (nxt is not None and nxt.pos_ == "VERB"):
                return True
        doc = tok.doc
        if any("ADJF" in t for t in tags) and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].pos_ in ("NOUN", "ADJ") and doc[tok.i + 1].text.islower():
            return False  # "Української армії": an adjective before its noun
        if initial and any("inan" in tag and ("masc" in tag or "femn" in tag)
                           and "voct" not in tag and not any(t in tag for t in NAME_TAGS)
                           for tag in tags):
            # "Кордон пройшов ...": a thing's noun too, opening a sentence (not the
            # vocative or neuter guesses pymorphy3 adds to surnames: "Руденко")
            return False
        if any(t in first for t in NAME_TAGS):
            return "Surn" in first or "Name" in first
        if initial:
            return False
        if not is_known(tok.text):
            # an unknown capitalised word mid-sentence: a name, unless the
            # guesser reads it as a verb form
            return "VERB" not in first and "GRND" not in first
        return False

    def _predict(self, doc: Doc, taken: list[bool]) -> list[Span]:
        """The NER model's entities as spans of this doc (NER-UK labels).

        The model is the slowest part of the pipeline, so it reads only the
        sentences in which a capitalised word is left that the rules have not
        explained (most of a text is explained by the gazetteer).
        """
        from litopys.pipeline.analysis import sentence_index

        first, _ = sentence_index(doc)
        starts: dict[int, int] = {}
        for i, text in enumerate(features(doc).text):
            if taken[i] or not capitalised(text):
                continue
            tok = doc[i]
            if i == first[i] and is_known(tok.text) and not _maybe_name(tok):
                continue  # an ordinary word opening the sentence
            if _name_tagged(tok) and is_known(tok.text):
                continue  # a name the dictionary knows: the rules read it well
            starts.setdefault(first[i], i)
        if not starts:
            return []
        bounds = []
        for s_start in sorted(starts):
            end = s_start + 1
            while end < len(doc) and first[end] == s_start:
                end += 1
            bounds.append((doc[s_start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
        out: list[Span] = []
        full = doc.text  # a property that joins every token: read it once
        texts = [full[a:b] for a, b in bounds]
        for (a, _), pred in zip(bounds, self.ner.pipe(texts), strict=True):
            for ent in pred.ents:
                span = doc.char_span(a + ent.start_char, a + ent.end_char, label=ent.label_,
                                     alignment_mode="expand")
                if span is not None:
                    out.append(span)
        return out

    def _not_person(self, tok: Token) -> bool:
        """The model calls the token a place or a body, and pymorphy3 does not know it
        as a name ("Ялті" in "У Ялті Сталін ..."), and no office stands before the run
        ("дипломата Строуба Телботта" is a person whatever the model says)."""
        if self.model_label[tok.i] not in MODEL_NOT_PERSON or _name_tagged(tok):
            return False
        doc = tok.doc
        if east_asian_surname(tok) or (tok.i > 0 and east_asian_surname(doc[tok.i - 1])):
            return False  # "Чан Кайши", "Цзян Тінфу": the model often reads them as places
        k = tok.i - 1
        while k >= 0 and is_cap(doc[k]) and self.model_label[k] == self.model_label[tok.i]:
            k -= 1  # the start of the run
        return not (k >= 0 and doc[k].pos_ == "NOUN" and doc[k].text.islower()
                    and offices().lookup(doc[k].lemma_) is not None)

    @staticmethod
    def _listed_places(doc: Doc, spans: list[Span], claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Смоленськ, Дорогобуж, Біла, Невель": one capitalised word between two places
        of a list is a place too, even where it was read as a person (``spans``, the
        claimed spans, change in place)."""
        seps = rules()["list_separators"]
        at: dict[int, Span] = {}
        for span in spans:
            for k in range(span.start, span.end):
                at[k] = span

        def place_at(k: int) -> bool:
            return k in at and at[k].label_ == "GPE"

        def town_at(k: int) -> bool:
            # a place no dictionary knows, or a city of a state (not a state itself)
            return place_at(k) and (not at[k]._.entity_id or
                                    gazetteer().actor(at[k]._.entity_id).polity is not None)

        for i in range(2, len(doc)):  # (the last word of a list may end the text)
            tok, old = doc[i], at.get(i)
            if not is_cap(tok) or (old is not None and (old.label_ != "PERSON" or len(old) > 1)):
                continue
            between = i + 2 < len(doc) and doc[i - 1].lower_ in seps and \
                doc[i + 1].lower_ in seps and \
                place_at(i - 2) and place_at(i + 2) and not known_surname(tok.text)
            # "в Молдавии и Валахии": the second of two words after a preposition that
            # takes no person, in the first one's case, is a place too
            second = doc[i - 1].lower_ in rules()["name_conjunctions"] and place_at(i - 2) \
                and len(at[i - 2]) == 1 and located(doc[i - 2]) and \
                bool(_reading_cases(tok) & _reading_cases(doc[i - 2])) and located_word(tok)
            # "Рівно — Сарни — ... — Вілейка — Дієна": the first or last stop of a route of
            # places joined by dashes
            dashes = ("—", "–")
            route = not known_surname(tok.text) and located_word(tok) and (
                (doc[i - 1].text in dashes and place_at(i - 2) and i >= 4
                 and doc[i - 3].text in dashes and place_at(i - 4))
                or (i + 4 < len(doc) and doc[i + 1].text in dashes and place_at(i + 2)
                    and doc[i + 3].text in dashes and place_at(i + 4)))
            # "під Білою Церквою та Корсунню": the same after a place of several words
            # that follows a preposition of place
            first = at.get(i - 2)
            second = second or (
                doc[i - 1].lower_ in rules()["name_conjunctions"] and place_at(i - 2) and
                first.start > 0 and doc[first.start - 1].lower_ in
                rules()["locative_prepositions"] and
                bool(_reading_cases(tok) & _reading_cases(doc[i - 2])) and located_word(tok))
            # "у районі Білої Церкви, Василькова, Богуслава": a person by the model, the
            # last of a list of two towns or more, in the case of the one before it (not
            # "з Польщею, Литвою та Сіцінським": states)
            last = old is not None and i >= 4 and doc[i - 1].lower_ in seps and doc[i - 3].lower_ in seps and \
                town_at(i - 2) and town_at(i - 4) and not known_surname(tok.text) and \
                (i + 1 >= len(doc) or not is_cap(doc[i + 1])) and \
                bool(_reading_cases(tok) & _reading_cases(doc[i - 2]))
            if between or second or route or last:
                if old is not None:
                    spans.remove(old)
                    taken[i] = False
                claim(Span(doc, i, i + 1, label="GPE"))

    def _places(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"до Переяслава", "у Ялті", "під Іловайськом": a capitalised inanimate noun
        after a preposition of place, inside a sentence, is a place."""
        text = features(doc).text
        for i, t in enumerate(text):
            if taken[i] or i == 0 or not capitalised(t):
                continue
            tok = doc[i]
            if sentence_initial(tok):
                continue
            if doc[i - 1].lower_ not in rules()["place_prepositions"] or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if (_maybe_name(tok) or "Animacy=Anim" in str(tok.morph)) and not located(tok):
                continue
            if tok.lemma_ in rules()["doc_heads"] | rules()["org_heads"] or \
                    reads_as(tok.text, rules()["body_heads"] | rules()["platform_words"]):
                continue  # "в Офісі президента": a body's noun, no place ("у Фейсбуці")
            claim(Span(doc, i, i + 1, label=place_label(tok)))

    @staticmethod
    def _coordinated_regions(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """Capitalised adjectives in a list that share one plural noun for a region
        ("Київське, Брацлавське та Чернігівське воєводства", "трьох воєводств: Київського,
        Чернігівського та Брацлавського") name one region each (LOC), called by the
        adjective with the noun in the singular ("Чернігівське воєводство")."""
        landmarks = rules()["landmark_nouns"]
        joins = rules()["list_separators"]
        compass = rules()["compass_adjectives"]
        names = doc.user_data.setdefault("litopys_span_names", {})
        n = len(doc)

        def adjective(k: int) -> bool:
            tok = doc[k]  # not "Північний та Південний райони": a compass word alone
            return not taken[k] and is_cap(tok) and not sentence_initial(tok) and (
                tok.pos_ == "ADJ" or any(t.startswith("ADJF") for t in tags_of(tok.text)[:1])
            ) and not reads_as(tok.text, compass)

        def listed(k: int, step: int) -> list[int]:
            out: list[int] = []
            while 0 <= k < n and adjective(k):
                out.append(k)
                sep = k + step
                if not (0 <= sep < n and doc[sep].lower_ in joins):
                    break
                k = sep + step
                if 0 <= k < n and doc[k].lower_ in joins and doc[k].text != doc[sep].text:
                    k += step  # ", та"
            return out

        f = features(doc)
        for h in range(len(doc)):
            if not f.text[h].islower() or f.pos[h] != "NOUN" or \
                    f.lemma[h] not in landmarks or \
                    not any("plur" in t for t in tags_of(f.text[h])):
                continue
            head = doc[h]
            before = listed(h - 1, -1)
            first = h + 2 if h + 2 < n and doc[h + 1].text in (":", "—", "–") else h + 1
            after = listed(first, 1)
            for group in (before, after):
                if len(group) < 2:
                    continue
                for k in group:
                    name = region_name(doc[k].text, head.lemma_)
                    if name and claim(Span(doc, k, k + 1, label="LOC")):
                        names[k] = name

    @staticmethod
    def _coordinated_states(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """Capitalised adjectives (or their encyclopedic abbreviations) joined by "та",
        "і" or a comma that share one plural state noun ("Російської та Османської
        імперій", "Рос. та Осман. імперій", "Литовської і Польської держав") name one state
        each: the state its adjective and the noun in the singular name ("Російська
        імперія"). The adjective next to the noun, where the dictionary found it with the
        noun, keeps that mention."""
        from litopys.data.gazetteer import normalize_form

        heads = rules()["state_heads"]
        joins = rules()["list_separators"]
        short = abbreviated_adjectives()
        gaz = gazetteer()

        def element(k: int) -> tuple[int, int, tuple[str, ...]] | None:
            """The adjective (start, end, full form) that ends at token ``k``."""
            tok = doc[k]
            if tok.text == "." and k > 0 and doc[k - 1].lower_ in short and is_cap(doc[k - 1]):
                return k - 1, k + 1, short[doc[k - 1].lower_]  # "Осман" "."
            if tok.text.endswith(".") and tok.lower_.rstrip(".") in short and is_cap(tok):
                return k, k + 1, short[tok.lower_.rstrip(".")]  # "Рос."
            if is_cap(tok) and not sentence_initial(tok) and (
                    tok.pos_ == "ADJ" or any(t.startswith("ADJF") for t in tags_of(tok.text)[:1])):
                return k, k + 1, (tok.text,)
            return None

        f = features(doc)
        for h in range(3, len(doc)):
            if not f.text[h].islower() or f.lemma[h] not in heads or \
                    not any("plur" in t for t in tags_of(f.text[h])):
                continue
            head = doc[h]
            found: list[tuple[int, int, tuple[str, ...]]] = []
            k = h - 1
            while k >= 0 and (item := element(k)) is not None:
                found.append(item)
                if item[0] < 2 or doc[item[0] - 1].lower_ not in joins:
                    break
                k = item[0] - 2
            if len(found) < 2:
                continue  # one adjective: the dictionary's name with the noun
            for start, end, adjectives in found:
                if any(taken[start:end]) or start == h - 1 and len(adjectives) == 1 and \
                        adjectives[0] == doc[start].text:
                    continue  # "Османської імперій": the dictionary's, with the noun
                names = [region_name(a, head.lemma_) for a in adjectives]
                hits = [x for name in names if name
                        for x in gaz.lookup(normalize_form(name.lower())) if x.type == "GPE"]
                if hits:
                    span = Span(doc, start, end, label="GPE")
                    span._.entity_id = hits[0].id
                    claim(span)

    def _named_places(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """Places named by an adjective: a compass word before a state or a region
        ("Західна Україна", "Західної Волині") is a region, not the state; a capitalised
        adjective before a noun for a building or a landform ("Лівадійському палаці",
        "Біловезька пуща", "Донецький аеропорт") is a place; so is a capitalised adjective
        and a capitalised noun after a preposition of place ("у Козачій Діброві")."""
        compass = rules()["compass_adjectives"]
        landmarks = rules()["landmark_nouns"]
        heads = category_nouns() | rules()["body_heads"] | rules()["meeting_heads"] | \
            rules()["state_heads"] | rules()["event_nouns"]
        gaz = gazetteer()
        f = features(doc)
        words = f.lower
        for i in range(len(doc) - 1):
            if taken[i] or not capitalised(f.text[i]) or not (
                    f.pos[i] == "ADJ" or any(t.startswith("ADJF") for t in tags_of(f.text[i]))):
                continue
            tok = doc[i]
            nxt = doc[i + 1]
            if not _agree(tok, nxt):
                continue
            if reads_as(tok.text, compass) and is_cap(nxt):
                size, _ = place_name_at(words, i + 1, most=3)
                end = i + 1 + size
                if size and not any(taken[i:end]) and not gaz.lookup(" ".join(words[i:end])):
                    claim(Span(doc, i, end, label="LOC"))  # not "Велика Британія"
            elif nxt.text.islower() and (nxt.lemma_ in landmarks or reads_as(nxt.text, landmarks)) \
                    and not taken[i + 1] and \
                    not gaz.lookup(" ".join(words[i : i + 2])) and \
                    not any(gaz.lookup(" ".join(words[k : i + 1])) for k in range(max(0, i - 2), i)):
                # not "Речі Посполитої землі": the adjective ends a name before it
                claim(Span(doc, i, i + 2, label="LOC"))
            elif i > 0 and doc[i - 1].lower_ in rules()["place_prepositions"] and \
                    is_cap(nxt) and nxt.pos_ in ("NOUN", "PROPN") and not taken[i + 1] and \
                    not sentence_initial(tok) and \
                    (i + 2 >= len(doc) or not doc[i + 2].text[:1].isupper()) and \
                    not reads_as(nxt.text, heads) and \
                    not any(gaz.lookup(w) for w in (words[i], words[i + 1])) and \
                    not gaz.lookup(" ".join(words[i : i + 2])):
                # "у Козачій Діброві", "біля Червоної Гірки": a place named by an adjective
                # and a noun (the noun alone read as a surname)
                claim(Span(doc, i, i + 2, label=place_label(nxt)))

    @staticmethod
    def _eponymous_bodies(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """A body named after a person is one organisation: "Наукове товариство імені
        Т. Шевченка", "1-й український полк імені Богдана Хмельницького". Before "імені"
        (``eponym_words``) a head noun of a body, an organisation or a force, with its
        adjectives; after it the person's initials and capitalised names."""
        heads = rules()["eponym_heads"] | rules()["body_heads"] | rules()["org_heads"] | \
            rules()["force_heads"]
        n = len(doc)
        eponym_words = rules()["eponym_words"]
        for e, lower in enumerate(features(doc).lower):
            if lower not in eponym_words or e == 0 or taken[e]:
                continue
            head = e - 1
            if taken[head] or doc[head].pos_ != "NOUN" or not reads_as(doc[head].text, heads):
                continue
            start = head
            while start > 0 and head - start < 4 and not taken[start - 1] and (
                    doc[start - 1].pos_ == "ADJ" or ORDINAL_RE.match(doc[start - 1].text)
                    or (is_cap(doc[start - 1]) and any(
                        t.startswith("ADJF") for t in tags_of(doc[start - 1].text)[:2]))):
                start -= 1  # "Наукове товариство", "1-й український полк"
            end = e + 1
            names = 0
            while end < n and end - e <= 4 and not taken[end] and (
                    is_initial(doc[end]) or is_cap(doc[end])
                    or (doc[end].text == "." and end > e + 1 and is_initial(doc[end - 1]))):
                names += not is_initial(doc[end]) and doc[end].text != "."
                end += 1
            if names == 0:
                continue  # "імені" without a name after it
            claim(Span(doc, start, end, label="ORG"))

    def _bodies(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """Bodies named by a capitalised head and the words in the genitive after it:
        "Рада Міністрів СРСР", "Народні збори Західної України" (with the state or land
        they belong to), "Організація американських держав". A name the gazetteer knows
        ("Рада народних комісарів") is left to it."""
        heads = rules()["body_heads"]
        forces = rules()["force_heads"]
        gaz = gazetteer()
        n = len(doc)
        f = features(doc)
        words = f.lower
        people_heads = rules()["people_body_heads"]
        for i in range(n):
            if taken[i] or f.pos[i] != "NOUN":
                continue
            tok = doc[i]
            of_people = tok.text.islower() and reads_as(tok.text, people_heads)
            if not reads_as(tok.text, heads) and not of_people:  # ("Рада": "рад" first)
                if reads_as(tok.text, forces):
                    self._named_force(doc, i, claim, taken)
                continue
            start = i
            lower = False
            if i > 0 and is_cap(doc[i - 1]) and doc[i - 1].pos_ == "ADJ" and not taken[i - 1]:
                start = i - 1  # "Народні збори", "Верховна Рада"
                while start > 0 and is_cap(doc[start - 1]) and _adjective_reading(doc[start - 1]) \
                        and not taken[start - 1] and _agree(doc[start - 1], tok):
                    start -= 1  # "Генеральна Військова Канцелярія", "Українська Національна Рада"
            elif not is_cap(tok):
                lower = True  # "сейму Карпатської України": only with the polity
            known_end = next((j for j in range(min(n, i + 6), start + 1, -1)
                              if gaz.lookup(" ".join(words[start:j]))), None)
            if known_end is not None:
                # the gazetteer knows the name ("Верховна Рада"), unless a polity follows:
                # "Рада народних комісарів Української СРР" is that republic's own body
                size, hit = place_name_at(words, known_end) if known_end < n else (0, None)
                own = {gaz.actor(h.id).polity for h in gaz.lookup(
                    " ".join(words[start:known_end]))}
                if size and hit.type == "GPE" and hit.id not in own and \
                        not any(taken[start:known_end + size]) and \
                        "gent" in _reading_cases(doc[known_end]):
                    claim(Span(doc, start, known_end + size, label="ORG"))
                    doc.user_data.setdefault("litopys_org_polity", {})[start] = hit.id
                continue
            j = i + 1
            polity = None
            polity_at = (j, j)
            while j < n and not taken[j] and j - i <= 6 and not is_initial(doc[j]):
                t = doc[j]
                genitive = "gent" in _reading_cases(t)
                size, hit = place_name_at(words, j)
                if size and (genitive or t.text.isupper()):
                    polity = hit.id if hit.type == "GPE" else None
                    polity_at = (j, j + size)
                    j += size
                    break
                if j > i + 1 and t.text.islower() and t.pos_ == "NOUN" and \
                        not any("plur" in tag for tag in tags_of(t.text)) and \
                        people_genitive(doc[j - 1]):
                    break  # "Ради народних міністрів впливу": an object after the name
                if t.pos_ in ("NOUN", "ADJ", "PROPN") and genitive and not (
                        t.text.islower() and finite_verb(t)) and not (  # "Європейська рада надала"
                        t.text.islower() and tagged_not_genitive(t)):  # "Радою рішення"
                    j += 1
                    continue
                if t.lower_ in rules()["name_conjunctions"] and j > i + 1 and j + 1 < n and \
                        not taken[j + 1] and doc[j - 1].pos_ == "NOUN" and \
                        doc[j + 1].pos_ == "NOUN" and doc[j + 1].text.islower() and \
                        "gent" in _reading_cases(doc[j + 1]):
                    j += 1  # "Рада національної безпеки і оборони України"
                    continue
                break
            known = bool(gaz.lookup(words[i]))  # "Директорії": a name already, alone
            named = polity is not None or (j - i >= 2 and not sentence_initial(doc[start])
                                           and not known)
            # every word capitalised, two adjectives or more: a name without complement
            titled = i - start >= 2 and is_cap(tok) and not sentence_initial(doc[start])
            # "Учредительное собрание", "Центральна рада" inside a sentence: one
            # capitalised adjective before a lower-case head names the body too
            titled = titled or (i - start == 1 and not sentence_initial(doc[start])
                                and _agree(doc[start], tok))
            if of_people and polity is None and not titled:
                if j - i < 2 or not people_genitive(doc[j - 1]) or \
                        any(h.kind != "adjective" for k in range(i + 1, j)
                            for h in gaz.lookup(words[k])):
                    continue  # ("партія есерів": the dictionary's party)
                named = True  # "з'їзд українських хліборобів", "партію хліборобів-демократів"
            elif titled and j - i < 2:
                j, named = i + 1, True
            elif j - i < 2 or not named or (lower and polity is None):
                continue
            if doc[j - 1].pos_ == "ADJ" and (lower or polity_at[1] != j):
                continue  # a phrase must end on its noun (or on a name: "Війська Запорізького")
            if claim(Span(doc, start, j, label="ORG")) and polity is not None:
                doc.user_data.setdefault("litopys_org_polity", {})[start] = polity
                # "Сойму Карпатської України": the state's name is a mention of the state
                doc.user_data.setdefault("litopys_inner_mentions", []).append(
                    (*polity_at, "GPE", polity))

    @staticmethod
    def _named_force(doc: Doc, i: int, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Українська Галицька армія", "Добровольческая армия": capitalised adjectives
        before a lower-case noun for armed forces, inside a sentence, name the force (not
        a state's adjective alone: "Польська армія" is the state's army, read later)."""
        start = i
        while start > 0 and i - start < 4 and not taken[start - 1] and \
                is_cap(doc[start - 1]) and (doc[start - 1].pos_ == "ADJ" or any(
                    t.startswith("ADJF") for t in tags_of(doc[start - 1].text))) and \
                _agree(doc[start - 1], doc[i]):
            start -= 1
        if start == i or not doc[i].text.islower() or sentence_initial(doc[start]):
            return
        if i - start == 1 and any(h.kind == "adjective"
                                  for h in gazetteer().lookup(doc[start].lower_)):
            return
        if any(gazetteer().lookup(" ".join(t.lower_ for t in doc[k : start + 1]))
               for k in range(max(0, start - 2), start)):
            return  # "Речі Посполитої війська": the adjective ends a name before it
        claim(Span(doc, start, i + 1, label="ORG"))

    @staticmethod
    def _surnames_before_initials(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Барна О. С.", "Усов К.Г.", "Німченко В.І": a capitalised word with one or two
        initials after it, and no name after them, is a surname with its initials (the
        order of lists and references), not a place ("у Фастові П. Скоропадський": the
        initial opens the next name)."""
        n = len(doc)
        text = features(doc).text
        for k in range(n - 1):
            if not POSTFIX_INITIALS_RE.match(text[k + 1]) or taken[k] or \
                    not capitalised(text[k]):
                continue
            tok = doc[k]
            if not tok.is_alpha or tok.text.isupper() or len(tok.text) < 3 or \
                    sentence_initial(tok):
                continue
            j = k + 1
            while j < n and j - k <= 2 and not taken[j] and POSTFIX_INITIALS_RE.match(doc[j].text):
                j += 1
            if j == k + 1 or not doc[j - 1].text.endswith(".") and j - k == 2 and \
                    len(doc[j - 1].text) == 2:
                continue  # ("В." alone at a sentence's end is read as an initial)
            if j < n and (is_cap(doc[j]) or doc[j].like_num):
                continue  # the initials open the next name
            claim(Span(doc, k, j, label="PERSON"))

    @staticmethod
    def _quoted_orgs(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"партія «Слуга народу»", "газета «Правда»", "партия «Единая Россия»": a name
        in quotes after a noun for an organisation is the organisation (the words inside,
        a state's name among them, belong to it; a name the gazetteer knows keeps its
        id); so is one after a noun for a unit, a faction or a fund ("дивізії СС
        «Вікінг»", "фракція «Батьківщина»"; ``quoted_org_heads``)."""
        heads = rules()["org_heads"] | rules()["quoted_org_heads"]
        gaz = gazetteer()
        n = len(doc)
        f = features(doc)
        for i in range(n - 2):
            if f.lemma[i] not in heads and not reads_as(f.text[i], heads):
                continue
            q = i + 1  # the opening quote
            if doc[q].text.isupper() and doc[q].text.isalpha() and q + 2 < n:
                q += 1  # "дивізії СС «Вікінг»": an abbreviation between
            if doc[q].text not in QUOTES_OPEN or not doc[q + 1].text[:1].isupper():
                continue
            close = next((k for k in range(q + 1, min(n, q + 9))
                          if doc[k].text in QUOTES_CLOSE or doc[k].is_sent_start), None)
            if close is None or doc[close].text not in QUOTES_CLOSE or close == q + 1 or \
                    any(taken[q + 1 : close]):
                continue
            span = Span(doc, q + 1, close, label="ORG")
            hit = next((h for h in gaz.lookup(span.text.lower()) if h.type == "ORG"), None)
            if hit is not None:
                span._.entity_id = hit.id
            claim(span)

    @staticmethod
    def _named_states(doc: Doc, claim, taken, release) -> None:  # type: ignore[no-untyped-def]
        """"Кубанська Народна Республіка", "Донецько-Криворізька Радянська Республіка":
        capitalised adjectives before a capitalised noun for a state name a state (GPE)
        the gazetteer does not know, not a body; opening a sentence, two adjectives or
        more. "Королівство Галичини та Володимирії": a capitalised noun for a state with
        a list of names in the genitive is one state (the names it holds stay mentions
        of their lands)."""
        heads = rules()["state_heads"]
        gaz = gazetteer()
        for i, tok in enumerate(doc):
            if not is_cap(tok) or tok.pos_ not in ("NOUN", "PROPN") or \
                    not reads_as(tok.text, heads):
                continue
            end = listed_names_end(doc, i + 1)
            if end > i + 1:
                release(i, end)
                span = Span(doc, i, end, label="GPE")
                hit = next((h for h in gaz.lookup(" ".join(t.lower_ for t in span))
                            if h.type == "GPE"), None)
                if hit is not None:
                    span._.entity_id = hit.id  # "Королівство Сербів, Хорватів і Словенців"
                    inner = doc.user_data.get("litopys_inner_mentions", [])
                    inner[:] = [m for m in inner if m[3] != hit.id]  # (its own pieces)
                claim(span)
                continue
            if taken[i]:
                continue
            start = i
            while start > 0 and i - start < 4 and not taken[start - 1] and \
                    is_cap(doc[start - 1]) and not verbal(doc[start - 1]) and any(
                        t.startswith("ADJF") for t in tags_of(
                            doc[start - 1].text.split("-")[-1])) and \
                    _agree(doc[start - 1], tok):
                start -= 1
            if start == i or (i - start < 2 and sentence_initial(doc[start])):
                continue
            if all(doc[k].lemma_ in rules()["state_form_adjectives"] for k in range(start, i)):
                continue  # "Федеративної Республіки" (Югославія): a form, no state named
            claim(Span(doc, start, i + 1, label="GPE"))

    @staticmethod
    def _kind_assemblies(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """An assembly named by its kind: a lower-case adjective of ``assembly_kinds``
        before a lower-case assembly noun agreeing with it ("військова рада",
        "старшинської ради"; the golds list them as bodies). The adjective
        may open a sentence ("Старшинська рада виконувала ...")."""
        kinds = rules()["assembly_kinds"]
        heads = rules()["assembly_heads"]
        text = features(doc).text
        for i in range(len(doc) - 1):
            if taken[i] or taken[i + 1] or not text[i + 1].islower():
                continue
            adj, head = doc[i], doc[i + 1]
            if not (adj.text.islower() or sentence_initial(adj)) or \
                    not reads_as(adj.text, kinds) or not reads_as(head.text, heads) or \
                    not _agree(adj, head):
                continue
            claim(Span(doc, i, i + 2, label="ORG"))

    @staticmethod
    def _meetings(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Ялтинська конференція", "Віденського конгресу", "Паризька мирна конференція":
        a capitalised adjective (up to two lower-case adjectives may follow) before a noun
        for a meeting of states names the meeting, a body (ORG). Opening a sentence, the
        adjective must be a place's or unknown ("Міжнародна конференція" is no name)."""
        heads = rules()["meeting_heads"]
        gaz = gazetteer()
        f = features(doc)
        for i in range(len(doc)):
            if taken[i] or not f.text[i].islower() or f.lemma[i] not in heads:
                continue
            tok = doc[i]
            start = i
            while start > 0 and i - start < 2 and not taken[start - 1] and \
                    doc[start - 1].text.islower() and doc[start - 1].pos_ == "ADJ" and \
                    _agree(doc[start - 1], tok):
                start -= 1
            k = start - 1
            if k < 0 or taken[k] or not is_cap(doc[k]) or verbal(doc[k]) or not (
                    doc[k].pos_ == "ADJ" or any(t.startswith("ADJF")
                                                for t in tags_of(doc[k].text))):
                continue
            if not _agree(doc[k], tok):
                continue
            if sentence_initial(doc[k]) and is_known(doc[k].text) and \
                    not gaz.lookup(doc[k].lower_) and not place_adjective(doc[k].lower_):
                continue
            claim(Span(doc, k, i + 1, label="ORG"))

    def _claim_model(self, doc: Doc, span: Span, claim) -> None:  # type: ignore[no-untyped-def]
        label = MODEL_LABELS.get(span.label_)
        if label is None:
            return
        # "Донецький аеропорт і": no conjunction, preposition or lower-case word at the end
        end = span.end
        while end > span.start and (doc[end - 1].pos_ in ("CCONJ", "ADP", "PUNCT", "PART")
                                    or (doc[end - 1].text.islower() and end - 1 > span.start
                                        and (doc[end - 1].pos_ == "ADJ"
                                             or finite_verb(doc[end - 1])))):
            end -= 1  # (and "Європейська рада надала": a verb the tagger missed)
        if end == span.start:
            return
        if label != "PERSON":
            end = run_on_end(doc, span.start, end, label == "LOC")
            while end > span.start and doc[end - 1].pos_ in ("CCONJ", "ADP", "PUNCT"):
                end -= 1  # "Центру, міністр оборони": cut at "міністр", not at the comma
            if end == span.start:
                return
        k = end
        while k < len(doc) and k - end < 3 and doc[k].text.islower() and doc[k].pos_ == "ADJ":
            k += 1
        if k < len(doc) and doc[k].lemma_ in rules()["event_nouns"] and (
                doc[end - 1].pos_ == "ADJ" or any(t.startswith("ADJF")
                                                  for t in tags_of(doc[end - 1].text))):
            return  # "Другої світової війни": the model's name is an event's adjective
        span = Span(doc, span.start, end, label=span.label_)
        if label != "PERSON" and all(is_initial(t) or t.is_punct for t in span):
            return  # "Е. (Ю.) К. Глебович": initials name no state or body
        if any(t.pos_ in ("VERB", "AUX") for t in span):
            return  # "Петлюра прийняв рішення", "рішенням Сойму стало" are not names
        if any(t.lemma_ in rules()["event_nouns"] or t.text in (":", ";", "(", ")")
               for t in span):
            return  # "Полтавській битві", "Польсько-радянської війни": events, not actors
        if len(span) == 2 and span[0].pos_ == "ADJ" and span[-1].text.islower() and \
                offices().lookup(span[-1].lemma_):
            return  # "Київського митрополита": an office, not a place
        if label in ("ORG", "GPE", "LOC") and any(
                t.text.islower() and (offices().lookup(t.lemma_) or offices().lookup(t.lower_))
                for t in span) and not any(
                reads_as(t.text, rules()["body_heads"] | rules()["org_heads"]) for t in span):
            return  # "Верховний головнокомандуючий прапорщик": an office and a rank
        if all(latin(t.text) or not t.is_alpha for t in span) and \
                any(t.text.islower() for t in span):
            return  # "Global food security in jeopardy": a foreign phrase
        if label in ("ORG", "GPE") and len(span) > 1 and span[-1].text.islower() and \
                sentence_initial(span[0]) and \
                span[-1].lemma_ not in category_nouns() | rules()["body_heads"] | \
                state_org_heads():
            return  # "Українське питання." opening a sentence: a common noun, no name
        if label != "PERSON" and any(_name_tagged(t) for t in span if t.pos_ == "PROPN"):
            return
        if label == "PERSON" and (not any(is_cap(t) for t in span)
                                  or any(t.like_num for t in span)):
            return  # ("June 17": a date, no name)
        if label == "PERSON" and not any(_maybe_name(t) or not is_known(t.text)
                                         or is_initial(t) for t in span):
            return  # "Радянських": ordinary words, however capitalised
        if label == "PERSON" and len(span) == 1 and (latin(span[0].text)
                                                     or two_names(span[0])):
            return  # "Twitter"; "Пілсудський-Петлюра" (two people)
        if label == "PERSON" and len(span) == 1 and offices().lookup(span[0].lower_):
            return  # "Гетьман зберігав право ...": an office, not a name
        if len(span) == 1 and span[0].lemma_ in category_nouns():
            return  # "називають Договором": a category noun alone is no name
        if all(reads_as(t.text, rules()["address_words"]) or not any(c.isalpha() for c in t.text)
               for t in span) and any(t.is_alpha for t in span):
            return  # "Шановні Колеги", "Друзі": a form of address names nobody
        if len(span) == 1 and reads_as(span[0].text, rules()["platform_words"]):
            return  # "у Фейсбуці", "в Інтернеті": where it was said, no place
        if label != "PERSON" and len(span) == 1 and adjective_alone(span[0]):
            return  # "Всеросійською", "Дашавське": an adjective without its noun names nothing
        if label != "PERSON" and len(span) == 1 and common_word_alone(span[0]):
            return  # "Власник фірми ...", "ВІДЕО | ...": an ordinary word, no place or body
        if label != "PERSON" and all(t.lemma_ in rules()["state_heads"] or
                                     t.lemma_ in rules()["state_form_adjectives"] for t in span):
            return  # "Федеративної Республіки" (Югославія), "Королівство": no state named
        if label == "ORG" and len(span) == 1 and common_noun_body(span[0]):
            return  # "Року французької мови": a common noun, no body
        if label == "LOC" and len(span) == 1 and common_noun_place(span[0]) and \
                not self._listed_with_place(doc, span.start):
            return  # "прокласти собі Шлях", "засідання Ставки": a common noun, no place
        if label == "DOC" and not any(t.lemma_ in rules()["doc_heads"] for t in span):
            return  # a document has a head noun ("договір", "пакт"); "Масандрі" has none
        if label != "PERSON" and len(span) == 2 and span[1].text[:1].isupper() and \
                not first_word_lengths().get(span[1].lower_) and \
                _first_name_before(span[0], span[1]):
            label = "PERSON"  # "Станіслава Потоцького": a first name and its surname
        elif label in ("LOC", "ORG") and len(span) >= 2 and span[0].pos_ == "ADJ" and \
                is_cap(span[0]) and (span[-1].lemma_ in rules()["state_heads"]
                                     or reads_as(span[-1].text, rules()["state_heads"])):
            label = "GPE"  # "з Венеціанською республікою": a state, whatever the model says
        elif label == "PERSON" and len(span) == 1 and no_person_after(span[0]) and \
                not located(span[0]):
            return  # "при Фрідланді": no person, and no place the golds agree on
        elif label == "PERSON" and len(span) == 1 and located(span[0]):
            label = "LOC" if place_label(span[0]) == "LOC" else "GPE"  # "около Шумлы"
        elif label != "PERSON" and 2 <= len(span) <= 3 and latin_first_name(span[0].text) and \
                all(latin(t.text) and t.text[:1].isupper() for t in span):
            label = "PERSON"  # "Dmytro Kuleba" in an English quotation
        elif label != "PERSON" and len(span) == 1 and \
                any("Name" in tag for tag in tags_of(span[0].text)[:1]) and \
                not gazetteer().lookup(span[0].lower_):
            label = "PERSON"  # "Ігор виїхав": a first name the model calls a place
        if label == "LOC" and len(span) == 1 and place_label(span[0]) == "LOC":
            label = "LOC_REGION"  # "Брацлавщину": a historical region
        elif label == "LOC" and len(span) > 1 and span[-1].text.islower() and \
                is_known(span[-1].text) and not _maybe_name(span[-1]):
            label = "LOC_REGION"  # "Радянських районів": a region named by a common noun
        elif label == "LOC":
            # NER-UK has no GPE: a place the gazetteer does not know is most often a
            # town or a country in political prose
            label = "GPE"
        if label in ("ORG", "DOC", "GPE") and not any(t.text[:1].isupper() for t in span):
            return
        claim(Span(doc, span.start, span.end, label="LOC" if label == "LOC_REGION" else label))

    def _listed_with_place(self, doc: Doc, i: int) -> bool:
        """Is token ``i`` in a list with another word the model reads as a place
        ("Трипіллям, Стайками, Васильковом")?"""
        seps = rules()["list_separators"]
        return any(0 <= k < len(doc) and 0 <= sep < len(doc) and doc[sep].lower_ in seps
                   and self.model_label[k] == "LOC" for k, sep in ((i - 2, i - 1), (i + 2, i + 1)))

    @staticmethod
    def _sites(doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"інформує Lb.ua", "повідомляє iPress.ua": a web site's name is an organisation
        (a news site quoted as a source), no person."""
        pattern = site_re()
        for i, text in enumerate(features(doc).text):
            if not taken[i] and "." in text and pattern.match(text):
                claim(Span(doc, i, i + 1, label="ORG"))

    @staticmethod
    def _bodies_of_states(doc: Doc, spans: list[Span], claim, release) -> None:  # type: ignore[no-untyped-def]
        """A body followed by the name of its state in the genitive is named with it
        ("Верховної Ради України", "МЗС Литви", "Міноборони Росії"): one mention of the
        body, acting for that state; the state's name stays a mention of the state. A body
        of another state keeps its own ("Рада Європи" before a state is left as it is)."""
        gaz = gazetteer()
        by_start = {s.start: s for s in spans}
        for body in sorted([s for s in spans if s.label_ == "ORG"], key=lambda s: s.start):
            state = by_start.get(body.end)
            if state is None or state.label_ != "GPE" or not state._.entity_id or \
                    "gent" not in _reading_cases(doc[state.start]):
                continue
            eid = body._.entity_id
            try:
                if gaz.actor(state._.entity_id).type != "GPE":
                    continue
                # a dictionary body of this very state ("Верховної Ради України"), or an
                # abbreviation the dictionary lacks ("МЗС Литви"); not another state's
                # body or an international one
                if eid is not None and gaz.actor(eid).polity != state._.entity_id:
                    continue
            except KeyError:
                continue
            if eid is None and not (len(body) == 1 and (
                    doc[body.start].text.isupper()
                    or doc[body.start].text in rules()["ministry_short_names"])):
                continue
            release(body.start, state.end)
            span = Span(doc, body.start, state.end, label="ORG")
            span._.entity_id = eid
            if claim(span) and eid is None:
                doc.user_data.setdefault("litopys_org_polity", {})[body.start] = \
                    state._.entity_id

    def _abbreviations(self, doc: Doc, claim, taken) -> None:  # type: ignore[no-untyped-def]
        """"Української СРР", "ДНР", "ЦК": all-capital abbreviations the gazetteer
        lacks, with the capitalised adjectives before them; and the short names of
        ministries ("Міноборони")."""
        short = rules()["ministry_short_names"]  # "Міноборони", "Мін'юст"
        for i, t in enumerate(features(doc).text):
            if not taken[i] and t in short:
                claim(Span(doc, i, i + 1, label="ORG"))
                continue
            if taken[i] or len(t) < 2 or not t.isupper() or not t.isalpha():
                continue
            if ROMAN_RE.match(t):
                continue
            start = i
            while start > 0 and not taken[start - 1] and doc[start - 1].pos_ == "ADJ" and \
                    is_cap(doc[start - 1]):
                start -= 1
            label = "GPE" if t.endswith("Р") else "ORG"
            claim(Span(doc, start, i + 1, label=label))

def default_model_path() -> Path | None:
    """The NER model shipped inside the package, if present."""
    path = Path(__file__).resolve().parent.parent / "models" / "ner_uk"
    return path if path.exists() else None
