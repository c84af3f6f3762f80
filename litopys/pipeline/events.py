"""Events: who did what to whom, when, coded with CAMEO and grounded in a sentence.

For each sentence:
1. triggers: words and light-verb phrases from the event lexicon
   (``data/curated/event_triggers.tsv``, ``event_phrases.tsv``), looked up by
   every lemma pymorphy3 offers and by listed surface forms;
2. participants: actor mentions in the trigger's clause, given roles by case
   and preposition: the nominative subject (or, for a passive or a noun,
   the instrumental agent / the genitive) is the source; the partner
   ("з" + instrumental), the addressee (dative), the object (accusative) or
   "до/від/на/проти" + noun is the target; places after "в/у" are not
   participants. A person brings the polity they act for (their
   affiliation) to the same side. A pronoun subject ("він") takes the last
   subject of the text before it;
3. mode: "не" before the trigger (or its governing verb) makes it negated;
   an infinitive under a verb of wanting or proposing, a conditional "б",
   a future tense or a modal cue makes it hypothetical;
4. date: the time expression of the clause or sentence, else the narrative
   time of the paragraph (``date_source`` tells which).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from litopys.chronicle import Event, Timex
from litopys.lang import DEFAULT_LANGUAGE, load
from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.actors import ensure_entity, in_year
from litopys.pipeline.analysis import features, sentence_index
from litopys.pipeline.entities import gazetteer, narrative_years, period_ids
from litopys.pipeline.morph import UD_TO_PYMORPHY, current_language, is_known

ACTOR_TYPES = ("PERSON", "GPE", "ORG")
# the frame of verbs of relations that changed ("відносини погіршилися"): a relations noun
# must be their subject
RELATION_FRAME = "relations_change"
#: frames of verbs of saying ("заявили", "повідомили")
SAYING_FRAMES = frozenset({"say", "say_to", "say_about", "characterise"})
HARD_BOUNDARIES = {";", ":", "(", ")", "«", "»", "\"", "“", "”", "—", "–", "-"}
# the CAMEO "express intent" code for the root of the intended act
INTENT_CODES = {"04": "036"}
# a proposal, decision or agreement to do a cooperative act is an expressed intent (CAMEO 03),
# its subcode by the act's root (no subcode: 030)
PROPOSAL_CODES = {"04": "036", "06": "031", "07": "033", "08": "034"}
#: an acceptance negated is a rejection: "не погодилася" (080) is 120 asserted (session 15)
NEGATED_ACCEPTANCE = {"080": "120"}
#: a proposal or a demand renounced is rejected (session 15)
REJECT_CAMEO = "120"
#: roots of force: an attempt at one of them is asserted (session 15)
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: ... and an attempt at a cooperative act is an expressed intent
ATTEMPT_CAMEO = "030"
COOPERATIVE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08"})
# CAMEO roots whose events need no other party: a public statement ("заявив", "повідомив")
# is addressed to everyone
UNDIRECTED_ROOTS = frozenset({"01"})
# a characterisation ("назвав X Y", frame `characterise`) with no other party is a statement
CHARACTERISE_UNDIRECTED = "010"
# frames whose parties come together: a capital after "в/у" is where, once both sides are named
MEETING_FRAMES = frozenset({"sign", "meet_with", "negotiate_with", "talk_with", "discuss_with",
                            "agree_with", "consult_with", "treaty"})
# a word with an apostrophe ("зобов'язалася", "об’єднатися") is still a word
APOSTROPHES = str.maketrans("", "", "'’ʼ")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# the CAMEO root of meetings: a meeting noun with a verb of taking place is an event
MEETING_ROOT = "04"
# noun frames whose genitive is what the act was done to ("радянська окупація Литви",
# "облога Полтави"): with a state's adjective before the noun, the adjective acts
PATIENT_FRAMES = frozenset({"occupy", "seize", "blockade", "bomb", "shell", "recognize",
                            "release", "repress"})
# frames of signing: with no subject, the sides named by "між" after a treaty noun of the
# sentence ("підписаний", "було укладено «Договір між X і Y»") are the parties
SIGN_FRAMES = frozenset({"sign", "ratify"})
CONCESSION_REACH = 30  # tokens: how far back a concessive phrase's opener may stand
ASIDE_REACH = 12  # tokens: a bracketed aside this short is read across, not a clause boundary
TITLE_REACH = 300  # characters: how far a quoted title may reach around a date
YEARS_SPAN = re.compile(r"^P\d+Y$")  # a span of whole years ("80 років": P80Y)
ISO_YEAR = re.compile(r"^(\d{4})(-\d\d(?:-\d\d)?)?$")
#: tokens between the phrase of "since" ("з дня") and the trigger it dates ("з дня початку
#: війни", "з дня підписання")
SINCE_REACH = 2
MOVE_FRAMES = {"visit", "enter", "invade", "attack", "offensive", "occupy", "seize", "bomb",
               "shell", "blockade"}


CLAUSE_MARKS = frozenset({",", "—", "–", ":", ";"})  # punctuation that parts two clauses
#: frames of nouns that name a document or a truce: such a noun does not govern a trigger
#: noun near it ("Перемир'я завершило війну X з Y": the war is an event of its own)
DOCUMENT_FRAMES = frozenset({"treaty", "ceasefire"})
#: frames of meeting nouns ("конференція", "саміт"): on such a meeting decisions are taken
MEETING_NOUN_FRAMES = frozenset({"meet_with", "discuss", "consult_with", "negotiate_with"})
# a finite verb no lexicon row knows, between a named subject and another actor: an event of
# unknown type ("Наполеон розгромив ... російську армію"), coded by GENERIC_CAMEO, the root
# most gold events of the read sets have (05: 191 of 750), with a neutral Goldstein weight
GENERIC_FRAME = "generic"
#: the frame of travel and visits (042); with armies named before it in the sentence it is
#: a campaign (fighting, GENERIC_FORCE_CAMEO)
VISIT_FRAME = "visit"
GENERIC_CAMEO = "050"
GENERIC_FORCE_CAMEO = "190"  # ... or this when the clause names armies ("війська", "полк")
GENERIC_NOTE = " (type guessed: the verb is not in the trigger lexicon)"


@dataclass(frozen=True)
class EventWords:
    """The function words of one language the stage needs (``litopys/lang/<lang>/events.yaml``;
    the keys are documented there)."""

    subordinators: frozenset[str]
    coord: frozenset[str]              # coordinators, with ","
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    intent_governors: frozenset[str]
    place_preps: frozenset[str]
    in_preps: frozenset[str]
    target_preps: frozenset[str]
    with_preps: frozenset[str]
    head_of: frozenset[str]
    renounce_preps: frozenset[str]
    rejected_objects: frozenset[str]
    purpose_conjunctions: frozenset[str]
    attempt_words: frozenset[str]
    join_preps: frozenset[str]
    on_preps: frozenset[str]
    time_preps: frozenset[str]
    near_preps: frozenset[str]
    between_preps: frozenset[str]
    content_preps: frozenset[str]
    party_nouns: frozenset[str]
    party_determiners: frozenset[str]
    party_people: frozenset[str]
    deadline_preps: frozenset[str]
    year_nouns: frozenset[str]
    pronoun_gender: dict[str, str]
    aspect_verbs: frozenset[str]
    settlement_words: frozenset[str]
    negation: frozenset[str]
    complementizers: frozenset[str]
    question: frozenset[str]
    passive_endings: tuple[str, ...]
    reflexive_endings: tuple[str, ...]
    # the language's lemmas as the (Ukrainian) words of event_phrases.tsv; empty for uk
    phrase_words: dict[str, str]
    proposal_governors: frozenset[str]
    absorbing_governors: frozenset[str]
    request_nouns: frozenset[str]
    meeting_verbs: frozenset[str]
    decision: frozenset[str]
    meeting_work: frozenset[str]
    commitment: frozenset[str]
    factive: frozenset[str]
    embedders: frozenset[str]
    gapping: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    exchange: tuple[tuple[str, ...], ...]
    representatives: frozenset[str]
    stand_ins: frozenset[str]
    forces: frozenset[str]
    anniversary: frozenset[str]
    side_markers: tuple[str, ...]
    relative_subjects: frozenset[str]
    copulas: frozenset[str]
    first_person: frozenset[str]
    relation_nouns: frozenset[str]
    alternative_words: frozenset[str] = frozenset()
    concessive: tuple[tuple[str, ...], ...] = ()
    generic_stop: frozenset[str] = frozenset()
    during: tuple[tuple[str, ...], ...] = ()
    when_words: frozenset[str] = frozenset()
    since: tuple[tuple[str, ...], ...] = ()

    @property
    def pronouns(self) -> frozenset[str]:
        return self.singular_pronouns | self.plural_pronouns


@cache
def event_words(lang: str = DEFAULT_LANGUAGE) -> EventWords:
    """The event words of a language, read once (``litopys.lang.load("events", lang)``)."""
    data = load("events", lang)
    sets = {key: frozenset(data[key]) for key in (
        "subordinators", "intent_governors", "head_of", "complementizers")}
    return EventWords(
        coord=frozenset(data["coordinators"]) | {","},
        singular_pronouns=frozenset(data["pronouns"]["singular"]),
        plural_pronouns=frozenset(data["pronouns"]["plural"]),
        place_preps=frozenset(data["place_prepositions"]),
        in_preps=frozenset(data["in_prepositions"]),
        target_preps=frozenset(data["target_prepositions"]),
        with_preps=frozenset(data["with_prepositions"]),
        renounce_preps=frozenset(data["renounce_prepositions"]),
        rejected_objects=frozenset(data.get("rejected_objects") or ()),
        purpose_conjunctions=frozenset(data.get("purpose_conjunctions") or ()),
        attempt_words=frozenset(data.get("attempt_words") or ()),
        join_preps=frozenset(data["join_prepositions"]),
        on_preps=frozenset(data["on_prepositions"]),
        time_preps=frozenset(data["time_prepositions"]),
        near_preps=frozenset(data["near_prepositions"]),
        between_preps=frozenset(data["between_prepositions"]),
        content_preps=frozenset(data["content_prepositions"]),
        party_nouns=frozenset(data["party_nouns"]),
        party_determiners=frozenset(data["party_determiners"]),
        party_people=frozenset(data["party_people"]),
        deadline_preps=frozenset(data["deadline_prepositions"]),
        year_nouns=frozenset(data["year_nouns"]),
        pronoun_gender=dict(data["pronoun_gender"]),
        aspect_verbs=frozenset(data["aspect_verbs"]),
        settlement_words=frozenset(data["settlement_words"]),
        negation=frozenset(data["negation_particles"]),
        question=frozenset(data["question_particles"]),
        passive_endings=tuple(data["passive_endings"]),
        reflexive_endings=tuple(data["reflexive_endings"]),
        phrase_words=dict(data.get("phrase_words") or {}),
        gapping=frozenset(data.get("gapping_conjunctions") or ()),
        proposal_governors=frozenset(data.get("proposal_governors") or ()),
        absorbing_governors=frozenset(data.get("absorbing_governors") or ()),
        request_nouns=frozenset(data.get("request_nouns") or ()),
        meeting_verbs=frozenset(data.get("meeting_verbs") or ()),
        decision=frozenset(data.get("decision_governors") or ()),
        meeting_work=frozenset(data.get("meeting_work_nouns") or ()),
        commitment=frozenset(data.get("commitment_verbs") or ()),
        factive=frozenset(data.get("factive_governors") or ()),
        embedders=frozenset(data.get("embedding_words") or ()),
        attribution=tuple(tuple(w.split()) for w in data.get("attribution") or ()),
        exchange=tuple(tuple(w.split()) for w in data.get("exchange_phrases") or ()),
        representatives=frozenset(data.get("representative_nouns") or ()),
        stand_ins=frozenset(data.get("force_nouns") or ()) | frozenset(
            data.get("territory_nouns") or ()),
        relative_subjects=frozenset(data.get("relative_subjects") or ()),
        forces=frozenset(data.get("force_nouns") or ()),
        anniversary=frozenset(data.get("anniversary_words") or ()),
        side_markers=tuple(data.get("side_markers") or ()),
        copulas=frozenset(data.get("copulas") or ()),
        first_person=frozenset(data.get("first_person") or ()),
        relation_nouns=frozenset(data.get("relation_nouns") or ()),
        alternative_words=frozenset(data.get("alternative_name_words") or ()),
        concessive=tuple(tuple(w.split()) for w in data.get("concessive_markers") or ()),
        generic_stop=frozenset(data.get("generic_stop") or ()),
        during=tuple(tuple(w.split()) for w in data.get("during_phrases") or ()),
        when_words=frozenset(data.get("when_words") or ()),
        since=tuple(tuple(w.split()) for w in data.get("since_phrases") or ()),
        **sets,
    )


def lexicon():  # type: ignore[no-untyped-def]
    from litopys.data import lexicon as lx

    return lx


@cache
def phrase_vocabulary() -> frozenset[str]:
    """Every word of the multi-word triggers (``event_phrases.tsv``)."""
    return frozenset(w for p in lexicon().load_triggers().phrases for w in p.words)


@dataclass
class _Trigger:
    start: int          # token index
    end: int            # token index (exclusive)
    head: int           # token index of the word that carries the frame
    cameo: str
    frame: str
    pos: str
    lemma: str = ""


def _is_state(eid: str) -> bool:
    """Is the dictionary entry a state, not a town ("Мінські домовленості") or a body?"""
    try:
        actor = gazetteer().actor(eid)
    except KeyError:
        return False
    return actor.type == "GPE" and actor.polity is None


def _years_earlier(t: Timex, years: int) -> Timex | None:
    """The date ``years`` years before ``t`` (a year, a month or a day), or None."""
    m = ISO_YEAR.match(t.value or "")
    if m is None or int(m.group(1)) <= years or (m.group(2) or "").endswith("02-29"):
        return None

    def back(iso: str | None) -> str | None:
        return None if iso is None or not ISO_YEAR.match(iso) else \
            f"{int(iso[:4]) - years:04d}{iso[4:]}"
    return replace(t, value=back(t.value), begin=back(t.begin), end_date=back(t.end_date),
                   source="narrative", anchor=t.value)


def token_case(tok: Token) -> str | None:
    c = tok.morph.get("Case")
    return c[0] if c else None


class EventExtractor:
    """Extract coded events (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "litopys_events") -> None:
        self.name = name
        self.W = event_words(getattr(nlp, "lang", None) or DEFAULT_LANGUAGE)

    @staticmethod
    def words_for(doc: Doc) -> EventWords:
        """The event words of the document's language (``doc._.language``, set by
        ``pipeline/langid.py``; else the morphology language the doc is read in); a language
        without ``lang/<code>/events.yaml`` reads with the default language's words."""
        lang = getattr(doc._, "language", None) or current_language() or DEFAULT_LANGUAGE
        try:
            return event_words(lang)
        except FileNotFoundError:
            return event_words(DEFAULT_LANGUAGE)

    def __call__(self, doc: Doc) -> Doc:
        self.W = self.words_for(doc)
        self.F = features(doc)
        lx = lexicon()
        self.triggers = lx.load_triggers()
        self.cameo = lx.load_cameo()
        self.modality = lx.load_modality()
        self._phrase_vocab = phrase_vocabulary()
        entities = doc._.entities or {}
        # places that are not polities ("Маньчжурію") can be targets, never sources
        mentions = [m for m in doc.spans.get("mentions", []) if m.label_ in ACTOR_TYPES + ("LOC",)
                    and m._.entity_id]
        self.mention_tokens = {k for m in mentions for k in range(m.start, m.end)}
        self.body_starts = {m.start for m in mentions if m.label_ == "ORG"}
        timexes = list(doc.spans.get("timex", []))
        self.timex_tokens = {k for t in timexes for k in range(t.start, t.end)}
        self._years: list[int | None] | None = None  # narrative years, read when needed
        events: list[Event] = []
        trigger_spans: list[Span] = []
        last_subject: list[str] = []
        recent: list[tuple[str, str | None]] = []  # subjects, latest first, with gender
        narrative: Timex | None = None
        seen_keys: set[tuple] = set()  # type: ignore[type-arg]
        _, sent_no = sentence_index(doc)
        by_sent: dict[int, list[Span]] = {}
        for m in mentions:
            by_sent.setdefault(sent_no[m.start], []).append(m)
        times_by_sent: dict[int, list[Span]] = {}
        # "минуло 80 років з дня підписання": spans of years that an anniversary counts back
        self._years_since: dict[int, list[tuple[Span, int, int]]] = {}
        self._sent_triggers: list[_Trigger] = []  # the current sentence's (set per sentence)
        for t in timexes:
            value = t._.timex.value if t._.timex else None
            if value and not value.startswith("P") and not self._attributive(doc, t):
                times_by_sent.setdefault(sent_no[t.start], []).append(t)
            elif value and YEARS_SPAN.match(value):
                after = self._since_phrase_end(t.end)
                if after is not None:
                    self._years_since.setdefault(sent_no[t.start], []).append(
                        (t, int(value[1:-1]), after))
        main_by_sent: dict[int, list[Span]] = {}  # the dates that set the narrative time
        for sent in doc.sents:
            # a date in parentheses is an aside ("(... в 1927 р.)"), not the narrative time;
            # "заплатить вже за рік" is a look ahead, not the story's time
            main_line = [t for t in times_by_sent.get(sent_no[sent.start], [])
                         if not self._in_parentheses(doc, sent, t.start)
                         and not self._conceded(sent, t.start)
                         and not (t.start > sent.start
                                  and self.F.lower[t.start - 1] in self.W.deadline_preps)]
            if main_line and not self._future_only(sent) and not self._commemorates(sent):
                main_by_sent[sent_no[sent.start]] = main_line
        story: list[Event] = []  # the events of the current excerpt
        last_meeting: str | None = None  # the last named meeting that took place
        # blank lines are whitespace tokens; reading doc.text would join every token
        blanks = [k for k, w in enumerate(self.F.text) if w.isspace() and BLANK_LINE.search(w)]
        # the text's first story date, for an undated opening of the same excerpt
        opening = self._opening_date(doc, sent_no, main_by_sent, blanks)
        dated_before = False  # has the text set a story date yet?
        prev_end = 0
        for sent in doc.sents:
            k_sent = sent_no[sent.start]
            first = self._first_word(sent)
            excerpt = bisect_left(blanks, first)
            if excerpt > bisect_left(blanks, prev_end):
                # a blank line opens a new excerpt: a pronoun does not reach back over it,
                # and an excerpt that gives its own date opens a new time
                last_subject, recent = [], []
                if narrative is not None and self._opens_time(first, blanks, main_by_sent,
                                                              narrative):
                    narrative = None
            prev_end = next((k + 1 for k in range(sent.end - 1, sent.start - 1, -1)
                             if not self.F.text[k].isspace()), sent.end)
            sent_mentions = by_sent.get(k_sent, [])
            sent_timexes = times_by_sent.get(k_sent, [])
            found = self._find_triggers(sent)
            self._sent_triggers = found  # (a date goes to the trigger nearest it: _date)
            made: list[tuple[Event, _Trigger, tuple[int, int]]] = []
            for trig in found:
                clause = self._clause(sent, trig.head)
                src, tgt, passive = self._roles(doc, trig, clause, sent, sent_mentions)
                if trig.frame == GENERIC_FRAME:
                    parties = self._guessed_parties(doc, trig, clause, src, tgt, sent_mentions,
                                                    entities)
                    if parties is None:
                        continue
                    src, tgt = parties
                    if trig.cameo != GENERIC_FORCE_CAMEO and (
                            story and story[-1].cameo[:2] == GENERIC_FORCE_CAMEO[:2]
                            or any(t.cameo[:2] == GENERIC_FORCE_CAMEO[:2] for t in found)):
                        # a narrative of fighting: the unlisted verb is guessed as fighting
                        trig.cameo = GENERIC_FORCE_CAMEO
                if trig.frame == VISIT_FRAME and trig.pos == "VERB" and any(
                        self.F.lemma[j] in self.W.forces for j in range(sent.start, trig.start)):
                    # "Орлик із … армією … вирушив на Правобережжя": a journey with
                    # armies is a campaign, not a visit
                    trig.cameo = GENERIC_FORCE_CAMEO
                if not src and trig.pos == "VERB":
                    # "радянському уряду вдалося укласти": the dative is who did it
                    src = self._dative_experiencer(doc, clause, trig, sent_mentions)
                    tgt = [t for t in tgt if t not in src]
                if trig.frame == RELATION_FRAME:
                    # "Стосунки Польщі та Литви загострилися": the relations noun names the
                    # sides; "відносини між тими країнами погіршилися": the story's two
                    sides = self._relation_sides(clause, trig, sent_mentions)
                    if sides is None:
                        continue  # "ситуація загострилася": no relations, no event
                    if len(sides) >= 2:
                        src, tgt = sides[:1], sides[1:]
                    elif story and not sides:
                        src, tgt = self._two_parties(story, entities, [])
                    else:
                        continue
                group = self._party_subject(clause, trig, sent_mentions)
                if group == "parties":
                    # "сторони підписали перемир'я": the parties of the story's last event;
                    # never an actor picked from elsewhere in the sentence
                    if not story:
                        continue
                    src, tgt = self._two_parties(story, entities, tgt)
                elif group == "unnamed" and not any(
                        m._.entity_id in src and clause[0] <= m.start < clause[1]
                        for m in sent_mentions):
                    continue  # "Першими підтримку висловили сусідні країни": not the last actor
                # "в Гельсінкі відкрилася Нарада з безпеки …", "в Ялті почала роботу Кримська
                # конференція": the meeting named is an event of its own, where it met
                owner = next((m for m in sent_mentions if m.label_ == "ORG"
                              and m.start <= trig.head < m.end), None) \
                    if trig.pos == "NOUN" and trig.cameo[:2] == MEETING_ROOT else None
                # ("Другий етап переговорів тривав у Женеві": the meeting the story named)
                took_place = not src and trig.pos == "NOUN" and trig.cameo[:2] == MEETING_ROOT \
                    and (owner is not None or last_meeting is not None and not tgt
                         and self._location is not None) and self._took_place(trig, clause)
                # "у Бухаресті закінчився саміт НАТО": a meeting held by the one body its
                # genitive names is that body's event; the other side is not the story's
                held = not took_place and not tgt and trig.pos == "NOUN" \
                    and trig.cameo[:2] == MEETING_ROOT and self._took_place(trig, clause)
                if held:
                    # (an abbreviation does not decline: "саміт НАТО", any case the tagger
                    # gives it)
                    body = next((m._.entity_id for m in sent_mentions if m.start == trig.end
                                 and m.label_ in ACTOR_TYPES
                                 and (token_case(doc[m.start]) in ("Gen", None)
                                      or m.text.isupper())), None)
                    held = body is not None and src in ([], [body])
                    src = [body] if held else src  # type: ignore[list-item]
                took_place = took_place or held
                venue: list[str] = []
                if took_place and not held:
                    src = [owner._.entity_id if owner is not None else last_meeting]  # type: ignore[list-item]
                    if owner is not None:
                        last_meeting = owner._.entity_id
                    if not tgt and self._location is not None:
                        tgt = venue = [self._location]
                if trig.frame in SIGN_FRAMES and not (src and tgt):
                    # "у Ризі було укладено «Мирний договір між X і Y»", "договір між X та Y,
                    # ..., підписаний 18.03.1921": the sides of the document signed; "X
                    # уклала «Договір між X і Y»": the other side
                    named = self._document_parties(trig, sent, sent_mentions)
                    if len(named) >= 2 and not src:
                        src, tgt = named[:1], [t for t in named[1:] + tgt if t not in named[:1]]
                    elif len(named) >= 2 and src[0] in named:
                        tgt = [t for t in named if t not in src]
                    elif not src and not tgt and trig.pos == "VERB":
                        # "українсько-польська мирна угода, підписана 16 вересня 1658 р.":
                        # the compound on the document noun before names the sides
                        pair = self._treaty_adjective_parties(doc, trig, sent, entities,
                                                              sent_mentions)
                        if len(pair) >= 2:
                            src, tgt = pair[:1], pair[1:]
                if trig.pos == "NOUN" and trig.frame != "treaty" and not (src and tgt):
                    # "російсько-турецька війна", "польсько-радянських переговорах": the
                    # compound adjective before the noun names both sides; "російської
                    # агресії", "радянської окупації Литви": a state's adjective the one who acts
                    pair = self._adjective_parties(doc, trig, entities, sent_mentions)
                    if len(pair) >= 2 and (not src or src[0] in pair):
                        src, tgt = pair[:1], pair[1:] + [t for t in tgt if t not in pair]
                    elif len(pair) == 1 and pair[0] not in tgt and not src:
                        src = pair
                    elif len(pair) == 1 and pair[0] not in tgt + src and \
                            trig.frame in PATIENT_FRAMES:
                        src, tgt = pair, src + tgt
                if not src and trig.pos == "VERB" and not self._pronoun_subject(doc, clause, trig):
                    # "На Ялтинській конференції було вирішено", "на саміті домовилися": with
                    # no subject, the meeting named with "на" decides
                    venue_body = self._meeting_venue(doc, clause, trig, sent_mentions)
                    if venue_body is not None:
                        src, tgt = [venue_body], [t for t in tgt if t != venue_body]
                if not src and trig.pos == "VERB":
                    pronoun = self._pronoun_subject(doc, clause, trig) or \
                        self._impersonal_plural(trig, passive)
                    spoken = [e for e, _, _ in made if e.cameo[:2] in UNDIRECTED_ROOTS] \
                        if pronoun == "first" else []
                    if pronoun == "plural" and story:
                        # "вони підписали": the parties of the last event
                        src = [a for a in story[-1].source + story[-1].target if a not in tgt]
                    elif spoken:
                        # "Кулеба заявив: «Я провів консультації …»": the speaker
                        src = [a for a in spoken[-1].source if a not in tgt]
                    elif pronoun and last_subject:
                        src = [a for a in self._antecedent(pronoun, recent, last_subject)
                               if a not in tgt]
                    elif last_subject and not passive and self._continues(sent, trig):
                        # "І рішуче поставив підпис …": a sentence that opens with "і" and
                        # names no subject goes on with the last one
                        src = [a for a in last_subject if a not in tgt]
                    elif passive and tgt and story:
                        # an agentless passive continues the last event's agents
                        src = [a for a in story[-1].source if a not in tgt]
                    elif passive and not tgt and story and not sent_mentions:
                        # "Ще 12 грудня 1932р. було підписано угоду": no actor in the
                        # sentence, so the parties are those the narrative is about
                        src, tgt = list(story[-1].source), list(story[-1].target)
                if trig.frame == "treaty" and not self._treaty_parties(trig, src, tgt):
                    # "договір" is the report of a treaty only with its two sides:
                    # "між X і Y", "X з Y"; else it names a document
                    continue
                if trig.pos == "NOUN" and src and not tgt:
                    tgt = self._sentence_targets(doc, sent, sent_mentions, src)
                if trig.pos == "VERB" and tgt and not src and story and not passive and \
                        trig.cameo[:2] not in UNDIRECTED_ROOTS and trig.frame not in SAYING_FRAMES:
                    # "всі спроби взяти Білу Церкву штурмом не давали наслідків", "заявили
                    # …, звинувативши Україну": a verb with an object and no subject the text
                    # names goes on with the parties the narrative is about (a statement has
                    # its own speaker)
                    src = [a for a in story[-1].source + story[-1].target if a not in tgt]
                if trig.pos == "NOUN" and tgt and not src and story and \
                        (self.F.case[trig.head] == "Nom" or trig.frame == "invade"):
                    # "Наступного дня розпочався спільний наступ проти Червоної Армії":
                    # the parties the narrative is about
                    src = [a for a in story[-1].source + story[-1].target if a not in tgt]
                self._acting_capitals(doc, src + tgt, entities)
                # a region, a river or a sea does nothing: not a source ("похід на лівий берег
                # Дніпра", inherited by the next sentence)
                src = [a for a in self._with_affiliations(src, entities)
                       if a not in entities or entities[a].type != "LOC"]
                tgt = venue or [t for t in self._with_affiliations(tgt, entities) if t not in src]
                if not src:
                    continue  # nobody to say who did it
                # "тривали переговори військових місій Британії, Франції та СРСР":
                # a multilateral meeting has parties, not a source and a target
                multilateral = not tgt and len(src) >= 2 and trig.cameo[:2] in ("03", "04", "05")
                if multilateral and story and len(
                        [e for e in src if not any(entities.get(o) is not None and
                                                   entities[o].affiliation == e for o in src)]) < 2:
                    # (a capital or a person with the state they act for is one party: the
                    # other side is the story's, when it has one)
                    multilateral = not [a for a in story[-1].source + story[-1].target
                                        if a not in src]
                if not tgt and trig.frame == "characterise":
                    # "назвав X громом серед ясного неба": a remark; "назвав угоду Y
                    # незаконною" (a target): disapproval
                    trig.cameo = CHARACTERISE_UNDIRECTED
                if not tgt and trig.cameo[:2] not in UNDIRECTED_ROOTS and not multilateral \
                        and not took_place:
                    # "шведи почали наступ", "Росія підписала аналогічний договір": the
                    # other side is the story's: the parties of its last event
                    tgt = [a for a in (story[-1].source + story[-1].target if story else [])
                           if a not in src]
                if trig.pos == "NOUN" and not (src and tgt) and not multilateral and not \
                        took_place and not (
                        src and trig.frame in ("say", "say_about", "characterise")) and not (
                        src and self._aspect_object(trig)):
                    # a bare noun ("агресії", "війни") is talk about an event, not a report;
                    # "за заявою президента" is a statement with a speaker
                    continue
                if trig.cameo[:2] in UNDIRECTED_ROOTS and self._attribution(clause, trig):
                    continue  # "Про це повідомив X": who the text quotes, not an event
                mode = self._mode(doc, trig, clause)
                if mode == "negated" and trig.cameo in NEGATED_ACCEPTANCE:
                    # "Москва не погодилася", "не прийняла умов": an acceptance that did not
                    # happen is a rejection (CAMEO 12), asserted
                    trig.cameo, mode = NEGATED_ACCEPTANCE[trig.cameo], "asserted"
                elif mode == "hypothetical" and trig.cameo[:2] in COOPERATIVE_ROOTS and any(
                        self.F.lemma[j] in self.W.attempt_words
                        for j in range(max(clause[0], trig.start - 4), trig.start)):
                    # "намагався створити коаліцію": the attempt is an expressed intent
                    trig.cameo, mode = ATTEMPT_CAMEO, "asserted"
                date_t, source = self._date(doc, sent, trig, clause, sent_timexes, narrative)
                date_t = self._counted_back(trig, self._years_since.get(k_sent, ()),
                                            sent_timexes, date_t)
                if date_t is None and not dated_before and opening is not None and \
                        opening[0] == excerpt and k_sent < opening[1]:
                    # a text that opens undated and gives its first date later in the same
                    # excerpt: that date (never the sentence's own date, which may be an
                    # embedded clause's: "договір, який був підписаний у 1918")
                    date_t, source = opening[2], "narrative"
                # two clauses of one sentence with the same parties and their own dates
                # ("почали наступ 25 квітня, ... 6 травня вступили у Київ") are two events
                key = (trig.cameo[:2], tuple(src), tuple(tgt), sent.start, mode,
                       date_t.value if date_t is not None and source == "text" else None)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                code = self.cameo.get(trig.cameo)
                root = trig.cameo[:2]
                root_row = self.cameo.get(root)
                label = code.label if code else (root_row.label if root_row else "")
                weight = float(code.goldstein if code else
                               (root_row.goldstein if root_row else 0.0))
                if trig.frame == GENERIC_FRAME:
                    label += GENERIC_NOTE  # the type is guessed: say so, weigh it neutral
                    weight = weight if trig.cameo == GENERIC_FORCE_CAMEO else 0.0
                span = Span(doc, trig.start, trig.end, label=root)
                eid = f"e{len(events) + 1}"
                span._.event_id = eid
                trigger_spans.append(span)
                event = Event(
                    id=eid,
                    cameo=trig.cameo,
                    cameo_label=label,
                    goldstein=weight,
                    mode=mode,
                    date=date_t.value if date_t else None,
                    date_source=source,
                    source=src,
                    target=tgt,
                    trigger=span.text,
                    evidence=sent.text,
                    start=span.start_char,
                    end=span.end_char,
                    evidence_start=sent.start_char,
                    evidence_end=sent.end_char,
                    plover=(code.plover if code else (root_row.plover if root_row else None)),
                    date_begin=date_t.begin if date_t else None,
                    date_end=date_t.end_date if date_t else None,
                    location=self._location if self._location not in src + tgt else None,
                )
                events.append(event)
                if trig.frame == GENERIC_FRAME:
                    continue  # a guessed type: no later event takes its parties or date
                story.append(event)
                made.append((event, trig, clause))
                for extra in self._coordinated_dates(date_t, clause, sent_timexes):
                    # "підписані 12.10.1920 та 18.03.1921": one signing on each date
                    twin = replace(story[-1], id=f"e{len(events) + 1}", date=extra.value,
                                   date_source="text", date_begin=extra.begin,
                                   date_end=extra.end_date)
                    story.append(twin)
                    events.append(twin)
            for ev, trig, clause in made:
                # "зайняли Вільно, а через тиждень Гродно": the verb again, new parties
                gapped = self._gapped(doc, ev, trig, clause, sent, found, sent_mentions,
                                      sent_timexes, entities, len(events) + 1)
                if gapped is None:
                    continue
                g_ev, g_span = gapped
                key = (g_ev.cameo[:2], tuple(g_ev.source), tuple(g_ev.target), sent.start,
                       g_ev.mode, g_ev.date)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                trigger_spans.append(g_span)
                story.append(g_ev)
                events.append(g_ev)
            subj = [m._.entity_id for m in sent_mentions if self._is_subject(doc, m)]
            if subj:
                last_subject = subj[:2]
                recent = [(m._.entity_id, self._gender(m)) for m in sent_mentions
                          if self._is_subject(doc, m)] + recent[:4]
            main_line = main_by_sent.get(k_sent)
            if main_line:
                narrative = main_line[-1]._.timex
                dated_before = True
        doc._.events = events
        doc.spans["events"] = trigger_spans
        return doc

    def _gapped(self, doc: Doc, ev: Event, trig: _Trigger, clause: tuple[int, int],
                sent: Span, found: list[_Trigger], sent_mentions: list[Span],
                sent_timexes: list[Span], entities: dict,  # type: ignore[type-arg]
                number: int) -> tuple[Event, Span] | None:
        """The event of a verbless clause that repeats the verb before it (gapping):
        ", а через тиждень Гродно" after "зайняли Вільно" (the same source, a new target,
        the clause's own date), ", а Італія Албанію" (a new source and target)."""
        F = self.F
        lo, hi = clause
        if trig.pos != "VERB":
            return None
        dated = self._bracketed_date(hi, sent, sent_timexes)
        if dated is not None and dated[0] + 1 < sent.end and F.lower[dated[0]] in self.W.gapping:
            # "уклав договір зі Швецією (10.05.1710) і Кримським ханством (23.01.1711)": a
            # partner coordinated after a bracketed date, with a date of its own
            start = dated[0] + 1
        elif hi + 2 < sent.end and F.text[hi] == "," and F.lower[hi + 1] in self.W.gapping:
            start = hi + 2
        else:
            return None
        end = self._clause(sent, start)[1]
        if any(F.pos[k] in ("VERB", "AUX") for k in range(start, end)) or any(
                start <= t.start < end for t in found):
            return None
        while end > start and not F.text[end - 1][:1].isalnum():
            end -= 1  # the full stop is not part of the clause
        ms = [m for m in sent_mentions if start <= m.start < end]
        # "напала на Польщу, а в 1940 р. на Францію": the preposition of the first target
        preps = {self._slot(doc, m)[0] for m in sent_mentions
                 if lo <= m.start < hi and m._.entity_id in ev.target}
        own = [t for t in sent_timexes if start <= t.start < end]
        if not own and dated is not None:
            own = [t for _, t in filter(None, [self._bracketed_date(end, sent, sent_timexes)])]
        if not ms:
            # "а 24 квітня — військову": the same parties, another date, another object
            rest = next((k for k in range(start, sent.end) if F.text[k] in (",", ";")), sent.end)
            if not own or own[0].end >= rest or any(
                    F.pos[k] in ("VERB", "AUX") for k in range(start, rest)):
                return None
            ms_ids = None
        elif any(self._slot(doc, m)[0] not in preps | {None} for m in ms):
            return None  # "а в Ризі": a place or another phrase, not a new party
        else:
            ms_ids = [m._.entity_id for m in ms]
            if end < sent.end and F.text[end] in HARD_BOUNDARIES and \
                    self._bracketed_date(end, sent, sent_timexes) is None:
                return None  # "а Росія – постачати паливо", "а X, Y і Z:": a new subject
            listed = all(a.end < b.start and all(F.lower[k] in self.W.coord
                                                 for k in range(a.end, b.start))
                         for a, b in zip(ms, ms[1:], strict=False))
            cases = {self._slot(doc, m)[1] for m in sent_mentions
                     if lo <= m.start < hi and m._.entity_id in ev.target} - {None, "Nom"}
            if (len(ms) == 1 or listed) and cases and not preps - {None} and all(
                    not self._can_be(m, cases) for m in ms):
                return None  # a nominative that cannot be the object: a new subject
            if listed:
                ms = ms[:0]  # "а через тиждень Гродно і Ліду": all of them targets
        if ms_ids is None:
            src, tgt = list(ev.source), list(ev.target)
            if ev.date == own[0]._.timex.value:
                return None
        elif len(ms) >= 2 and self._slot(doc, ms[0])[1] in ("Nom", None):
            src, tgt = [ms[0]._.entity_id], ms_ids[1:]
        else:
            src, tgt = list(ev.source), ms_ids
        src = self._with_affiliations(src, entities)
        tgt = [t for t in self._with_affiliations(tgt, entities) if t not in src]
        if not src or not tgt or (ms_ids is not None and src == ev.source and tgt == ev.target):
            return None
        date_t = own[0]._.timex if own else None
        span = Span(doc, start, end, label=ev.cameo[:2])
        eid = f"e{number}"
        span._.event_id = eid
        out = replace(ev, id=eid, source=src, target=tgt, trigger=span.text,
                      start=span.start_char, end=span.end_char, location=None)
        if date_t is not None:
            out = replace(out, date=date_t.value, date_source="text", date_begin=date_t.begin,
                          date_end=date_t.end_date)
        return out, span

    def _bracketed_date(self, k: int, sent: Span,
                        sent_timexes: list[Span]) -> tuple[int, Span] | None:
        """A date alone in parentheses opening at token ``k`` ("(10.05.1710 р.)"): the
        token after the closing parenthesis and the date."""
        F = self.F
        if k >= sent.end or F.text[k] != "(":
            return None
        close = next((j for j in range(k + 1, min(k + 10, sent.end)) if F.text[j] == ")"), None)
        if close is None or close == k + 1 or any(
                j not in self.timex_tokens for j in range(k + 1, close)):
            return None
        date = next((t for t in sent_timexes if k < t.start < close), None)
        return None if date is None else (close + 1, date)

    # -- triggers ----------------------------------------------------------
    def _find_triggers(self, sent: Span) -> list[_Trigger]:
        lex = self.triggers
        F = self.F
        out: list[_Trigger] = []
        used: set[int] = set()
        lo, hi = sent.start, sent.end
        # light-verb phrases first ("вести переговори", "оголосити війну"); actor names
        # inside a phrase are skipped ("оголосили Німеччині війну")
        idx = [k for k in range(lo, hi) if k not in self.mention_tokens]
        words = self.W.phrase_words
        vocab = self._phrase_vocab
        # the reading that can be a phrase word ("вести": pymorphy3 offers "веста" first)
        lemmas = [self._phrase_lemma(k, words, vocab) for k in idx]
        for i in range(len(idx)):
            if idx[i] in used:
                continue
            for phrase, stop in lex.match_phrases(lemmas, i):
                a, b = idx[i], idx[stop - 1] + 1
                if any(k in used for k in range(a, b)):
                    continue
                used.update(range(a, b))
                # a participle read as its verb ("прийняті умови") is the verb of the phrase
                verbal = [k for k, lm in zip(idx[i:stop], lemmas[i:stop], strict=True)
                          if F.pos[k] == "VERB" or F.lemma[k] != lm and F.pos[k] == "ADJ"]
                head = verbal[0] if verbal else a
                out.append(_Trigger(a, b, head, phrase.cameo, phrase.frame,
                                    "VERB" if head == a and verbal else "NOUN"))
                break
        verbs: list[_Trigger] = []
        nouns: list[_Trigger] = []
        generic: list[_Trigger] = []
        for k in range(lo, hi):
            if k in used or not F.text[k].translate(APOSTROPHES).isalpha():
                continue
            if k > 0 and any(c.isdigit() for c in F.text[k - 1]) and len(F.text[k]) <= 4:
                continue  # "$296 тис": a unit after a number, not a word of action
            hits = lex.lookup_form(F.lower[k]) or []
            if not hits:
                for lemma in self._readings(k):
                    hits = lex.lookup(lemma)
                    if hits:
                        break
            if not hits:
                if self._generic_verb(k):
                    generic.append(_Trigger(k, k + 1, k, GENERIC_CAMEO, GENERIC_FRAME, "VERB",
                                            F.lemma[k]))
                continue
            tpos = F.pos[k]
            pos = "VERB" if tpos in ("VERB", "ADJ") and hits[0].pos == "VERB" else hits[0].pos
            if pos == "VERB" and tpos == "NOUN" and any(h.pos == "NOUN" for h in hits):
                pos = "NOUN"
            hit = next((h for h in hits if h.pos == pos), hits[0])
            if len({h.frame for h in hits}) > 1:
                hit = self._frame_by_complement(hits, k, hi) or hit
            if hit.pos == "VERB" and tpos == "ADJ" and k + 1 < hi and F.pos[k + 1] == "NOUN" \
                    and k + 1 not in self.mention_tokens and not self._agent_after(k):
                continue  # "відступлені території", "окупованих землях": a participle as an adjective
            trig = _Trigger(k, k + 1, k, hit.cameo, hit.frame, hit.pos, hit.lemma)
            if hit.frame == "renounce" and self._rejects_proposal(k, hi):
                trig.cameo = REJECT_CAMEO  # "відмовилася від пропозиції": a rejection
            (verbs if hit.pos == "VERB" else nouns).append(trig)
        # "погоджувався визнати", "відмовилася підписати": an infinitive right after
        # another trigger is its complement; the governing verb codes the event
        kept: list[_Trigger] = []
        for v in verbs:
            if kept and 0 <= v.start - kept[-1].end <= 2 and self._infinitive(v.head, first=True) and not any(
                    F.text[j] in (",", ";") for j in range(kept[-1].end, v.start)):
                gov = kept[-1]
                if self._pledged_act(gov, v):
                    kept[-1] = v  # "зобов'язалася постачати зерно": the promised act
                    continue
                if F.lemma[gov.head] in self.W.intent_governors and v.cameo[:2] in INTENT_CODES:
                    # "погодилися вести переговори": an expressed intent (CAMEO 036)
                    gov.cameo = INTENT_CODES[v.cameo[:2]]
                elif F.lemma[gov.head] in self.W.proposal_governors and \
                        v.cameo[:2] in COOPERATIVE_ROOTS:
                    # "домовилися ратифікувати", as "домовилися підписати угоду" below
                    gov.cameo = PROPOSAL_CODES.get(v.cameo[:2], "030")
                continue
            kept.append(v)
        verbs = kept
        # a noun phrase trigger after a content preposition ("угоду про припинення вогню")
        # names what the trigger before it was about, as a noun does below
        out = [t for t in out if t.pos != "NOUN" or not self._content_of(t, out + verbs, lo)]
        out = self._proposals(out, verbs)
        # a noun trigger stands for its own event only when no verb trigger
        # in the sentence governs it ("в бесіді з ... передав прохання")
        for n in nouns:
            if self._content_of(n, out + nouns, lo):
                continue  # "договір ... про припинення війни": what was agreed
            # (a document noun does not govern: "Договір завершив російсько-турецьку війну")
            if not any(abs(v.head - n.head) <= 4 and v.frame not in DOCUMENT_FRAMES
                       and not self._comma_between(v.head, n.head) for v in out):
                out.append(n)
                continue
            for v in out:
                if self._conveyed(v, n):
                    # "передав цю пропозицію", "висловив протест": what was conveyed codes
                    # the act
                    v.cameo = n.cameo
                    break
        for g in generic:
            # an unlisted verb is an event only in a clause no known trigger has
            g_lo, g_hi = self._clause(sent, g.head)
            if not any(g_lo <= t.head < g_hi for t in out):
                out.append(g)
        out.sort(key=lambda t: t.start)
        return self._requests(out, hi)

    def _guessed_parties(self, doc: Doc, trig: _Trigger, clause: tuple[int, int],
                         src: list[str], tgt: list[str], sent_mentions: list[Span],
                         entities: dict) -> tuple[list[str], list[str]] | None:  # type: ignore[type-arg]
        """The parties of an unlisted verb's event (``GENERIC_FRAME``), or None for no event:
        a subject the sentence names (a nominative or uninflected actor) and an actor of
        the verb's own clause; a place is where it happened ("обмежувалася Київським
        воєводством"). Armies in the clause make it fighting (``GENERIC_FORCE_CAMEO``)."""
        src = [a for a in src if self._acting_party(a, entities)]
        tgt = [t for t in tgt if self._acting_party(t, entities) and any(
            m._.entity_id == t and clause[0] <= m.start < clause[1] for m in sent_mentions)]
        if not (src and tgt) or not any(
                m._.entity_id in src and self._slot(doc, m) in ((None, "Nom"), (None, None))
                for m in sent_mentions):
            return None
        if any(self.F.lemma[j] in self.W.forces for j in range(*clause)):
            trig.cameo = GENERIC_FORCE_CAMEO
        return src, tgt

    def _generic_verb(self, k: int) -> bool:
        """Is token ``k`` a finite verb (past, present, future or an impersonal "-но/-то")
        that is not a copula, modal or verb of being (``generic_stop``)?"""
        F = self.F
        if F.pos[k] != "VERB" or not F.tags[k]:
            return False
        tag = F.tags[k][0]
        if not any(t in tag for t in ("past", "pres", "futr", "Impe")) or "infn" in tag:
            return False
        return not any(r in self.W.generic_stop for r in self._readings(k))

    def _readings(self, k: int) -> tuple[str, ...]:
        """Every pymorphy3 lemma of token ``k`` (its chosen lemma if it has none)."""
        return self.F.lemmas[k] or (self.F.lemma[k],)

    def _reads_as(self, k: int, words: frozenset[str]) -> bool:
        """Can token ``k`` be read (any of its lemmas) as one of ``words``?"""
        return any(lm in words for lm in self._readings(k))

    def _conveyed(self, v: _Trigger, n: _Trigger) -> bool:
        """Is the noun trigger ``n`` the direct object of a verb of saying or passing on
        (root 01: "передав цю пропозицію", "передала Литві свою вимогу"), with only modifiers
        and names between, and of another root?"""
        F = self.F
        return v.pos == "VERB" and v.cameo[:2] == "01" and n.cameo[:2] != "01" and \
            v.end <= n.start <= v.end + 5 and all(
                F.pos[j] in ("ADJ", "DET", "PRON") or j in self.mention_tokens
                for j in range(v.end, n.start)) and \
            F.case[n.head] in ("Acc", "Nom", None)

    def _meeting_venue(self, doc: Doc, clause: tuple[int, int], trig: _Trigger,
                       sent_mentions: list[Span]) -> str | None:
        """The meeting (an ORG mention whose head is a meeting noun of the lexicon:
        "конференції", "саміті") named with "на" before the trigger in its clause, or None."""
        for m in sent_mentions:
            if m.label_ != "ORG" or not (clause[0] <= m.start < trig.start) or \
                    self._prep_before(doc, m.start) not in self.W.on_preps:
                continue
            if any(h.frame in MEETING_NOUN_FRAMES for k in range(m.start, m.end)
                   for lm in self._readings(k) for h in self.triggers.lookup(lm) or []):
                return str(m._.entity_id)
        return None

    def _comma_between(self, a: int, b: int) -> bool:
        """Is there a comma (or a dash, a colon, a semicolon: ``CLAUSE_MARKS``) between
        tokens ``a`` and ``b``: a trigger does not govern a noun of another clause ("після
        початку російської агресії, Україна подала"; "Хотинська війна 1620–1621 — війна ...")?"""
        lo, hi = min(a, b), max(a, b)
        return any(self.F.text[j] in CLAUSE_MARKS for j in range(lo + 1, hi))

    def _infinitive(self, k: int, first: bool = False) -> bool:
        """Whether a reading of token ``k`` (only the first with ``first``) is an infinitive:
        pymorphy3 writes "infn" in Ukrainian tags, "INFN" in Russian ones."""
        tags = self.F.tags[k][:1] if first else self.F.tags[k]
        return any("infn" in t.lower() for t in tags)

    def _pledged_act(self, gov: _Trigger, act: _Trigger) -> bool:
        """Under a verb of undertaking (``commitment_verbs``) an infinitive act that is not
        negated is the event, promised (hypothetical: "зобов'язалася постачати зерно"); a
        negated one ("зобов'язалася не нападати") leaves the pledge itself (CAMEO 03)."""
        F = self.F
        return F.lemma[gov.head] in self.W.commitment and not any(
            F.lower[j] in self.W.negation for j in range(gov.end, act.start))

    def _content_of(self, n: _Trigger, others: list[_Trigger], lo: int) -> bool:
        """Whether a noun trigger (or noun phrase trigger) right after a content preposition
        ("про") follows another trigger of the sentence: it names what that event was about."""
        return n.start > lo and self.F.lower[n.start - 1] in self.W.content_preps \
            and any(t.start < n.start and t is not n for t in others)

    def _phrase_lemma(self, k: int, words: dict[str, str], vocab: frozenset[str]) -> str:
        """The reading of token ``k`` that can be a phrase word ("вести": pymorphy3 offers
        "веста" first); a participle listed in a trigger's forms ("прийняті" -> "прийнятий")
        stands for the trigger's lemma ("прийняти умови"); else the first reading."""
        F = self.F
        readings = [words.get(x, x) for x in self._readings(k)]
        for lm in readings:
            if lm in vocab:
                return lm
        for lm in readings:
            for hit in self.triggers.lookup_form(lm):
                if hit.pos == "VERB" and hit.lemma in vocab:
                    return str(hit.lemma)
        return words.get(F.lemma[k], F.lemma[k])

    def _proposals(self, out: list[_Trigger], verbs: list[_Trigger]) -> list[_Trigger]:
        """"запропонував західним державам укласти пакт", "прийняв рішення підписати",
        "предложили принять участие": a verb of proposing, deciding or agreeing with the
        infinitive of a cooperative act (up to five words on, no comma or verb between) is
        one event, the expressed intent (CAMEO 03), asserted; the act is not an event."""
        F = self.F
        every = sorted(out + verbs, key=lambda t: t.start)
        dropped: set[int] = set()
        for gov in every:
            # "відмовилася підписати", "вимагала вивести": the refusal or demand is the
            # event; the refused or demanded act is its content, whatever its root
            absorbs = F.lemma[gov.head] in self.W.absorbing_governors
            if id(gov) in dropped or not absorbs and F.lemma[gov.head] not in \
                    self.W.proposal_governors and gov.cameo[:2] != "03":
                continue
            for t in every:
                if t is gov or not 0 <= t.start - gov.end <= 5:
                    continue
                if self._pledged_act(gov, t):
                    break
                between = range(gov.end, t.start)
                if not self._infinitive(t.head) or any(
                        F.text[j] in (",", ";") or F.pos[j] in ("VERB", "AUX") for j in between):
                    break
                if absorbs:
                    dropped.add(id(t))
                elif t.cameo[:2] in COOPERATIVE_ROOTS:
                    gov.cameo = PROPOSAL_CODES.get(t.cameo[:2], "030")
                    dropped.add(id(t))
                break
        return [t for t in every if id(t) not in dropped]

    def _requests(self, out: list[_Trigger], hi: int) -> list[_Trigger]:
        """"звернулися з проханням прийняти", "надіслав ноти із запитом", "облягали Москву з
        проханням про допомогу": an act followed in its clause by "з" + a request noun
        (``request_nouns``) is the request (CAMEO 02); the requested act (an infinitive after
        the noun, up to a comma) is its content, not an event of its own."""
        F = self.F
        dropped: set[int] = set()
        for gov in out:
            if id(gov) in dropped:
                continue
            for j in range(gov.end, min(hi - 1, gov.end + 6)):
                if F.text[j] in HARD_BOUNDARIES or F.text[j] in (",", ";") or (
                        F.pos[j] in ("VERB", "AUX") and not self._infinitive(j)):
                    break
                if F.lower[j] not in self.W.with_preps or \
                        not self._reads_as(j + 1, self.W.request_nouns):
                    continue
                if gov.cameo[:2] != "02":
                    gov.cameo = "020"
                stop = next((k for k in range(j + 2, hi) if F.text[k] in (",", ";")
                             or F.text[k] in HARD_BOUNDARIES), hi)
                dropped.update(id(t) for t in out if t is not gov and j < t.start < stop
                               and (t.start == j + 1 or self._infinitive(t.head)))
                break
        return [t for t in out if id(t) not in dropped]

    def _rejects_proposal(self, k: int, hi: int) -> bool:
        """"відмовилася від радянської пропозиції", "відмовою уряду від пропозицій": the
        renounced thing is a proposal or a demand (``rejected_objects``), so the renouncing
        is a rejection (CAMEO 12), not a yielding (08)."""
        F = self.F
        for j in range(k + 1, min(hi, k + 5)):
            if F.lower[j] in self.W.renounce_preps:
                return any(F.lemma[i] in self.W.rejected_objects
                           for i in range(j + 1, min(hi, j + 4)))
        return False

    def _frame_by_complement(self, hits: list, k: int, hi: int):  # type: ignore[no-untyped-def]
        """Pick the lexicon row whose frame fits what follows the verb: an infinitive
        ("відмовився підписати": refuse), "від" + noun ("відмовився від": renounce) or "до" +
        a body's name ("вступила до НАТО": join)."""
        F = self.F
        nxt = range(k + 1, min(hi, k + 4))
        if any(h.frame == "host" for h in hits):
            # "прийняв посла Франції" hosts a visitor; "прийняли закон" adopts
            host = any(j in self.mention_tokens for j in nxt)
            return next((h for h in hits if (h.frame == "host") == host), None)
        for j in nxt:
            # the first complement decides: "відмовився від намірів розширити" renounces
            if F.lower[j] in self.W.renounce_preps:
                return next((h for h in hits if h.frame == "renounce"), None)
            if self._infinitive(j, first=True):
                return next((h for h in hits if h.frame in ("refuse", "intend")), None)
            if j in self.body_starts and F.lower[j - 1] in self.W.join_preps:
                # "вступила до НАТО": joining a body, not entering a town
                return next((h for h in hits if h.frame == "join"), None)
        return None

    # -- clauses and roles -------------------------------------------------
    def _clause(self, sent: Span, head: int) -> tuple[int, int]:
        text, low = self.F.text, self.F.lower
        lo = head
        while lo > sent.start:
            prev = text[lo - 1]
            if prev == ")":
                opened = self._aside_start(sent, lo - 1)
                if opened is not None:
                    lo = opened  # "(звідки й назва меморандуму)": an aside, read across
                    continue
            if prev in HARD_BOUNDARIES or (prev == "," and low[lo] in self.W.subordinators
                                           and not self._joins_names(lo)):
                break
            lo -= 1
        hi = head + 1
        while hi < sent.end:
            t = text[hi]
            if t == "(":
                closed = self._aside_end(sent, hi)
                if closed is not None:
                    hi = closed
                    continue
            if t in HARD_BOUNDARIES or (t == "," and hi + 1 < sent.end
                                        and low[hi + 1] in self.W.subordinators
                                        and not self._joins_names(hi + 1)):
                break
            hi += 1
        return lo, hi

    def _aside_end(self, sent: Span, k: int) -> int | None:
        """The token after the ")" that closes the short aside opened at token ``k``
        (ASIDE_REACH tokens at most, no other bracket inside, not a partner's date), or
        None."""
        text = self.F.text
        for j in range(k + 1, min(sent.end, k + ASIDE_REACH)):
            if text[j] == "(":
                return None
            if text[j] == ")":
                return None if self._partner_date(k, j) else j + 1
        return None

    def _partner_date(self, opened: int, closed: int) -> bool:
        """Is the aside from ``opened`` to ``closed`` a date alone after a name with a
        coordinated partner after it ("зі Швецією (10.05.1710 р.) і Литвою (23.01.1711 р.)"):
        each partner's own date, which keeps the clauses apart (``_gapped``)? Other dates in
        brackets ("22 (9) січня 1918 р.") are read across."""
        if not (opened > 0 and opened - 1 in self.mention_tokens and
                all(j in self.timex_tokens for j in range(opened + 1, closed))):
            return False
        start = opened - 1
        while start > 0 and start - 1 in self.mention_tokens:
            start -= 1  # the partner's name: "і Литвою (23.01.1711 р.)" closes the list
        low = self.F.lower
        return (closed + 1 < len(low) and low[closed + 1] in self.W.gapping) or \
            (start > 0 and low[start - 1] in self.W.gapping)

    def _aside_start(self, sent: Span, k: int) -> int | None:
        """The "(" that opens the short aside closed at token ``k``, or None."""
        text = self.F.text
        for j in range(k - 1, max(sent.start - 1, k - ASIDE_REACH), -1):
            if text[j] == ")":
                return None
            if text[j] == "(":
                return None if self._partner_date(j, k) else j
        return None

    def _joins_names(self, k: int) -> bool:
        """Does a multi-word coordinator start at token ``k`` (", а також СРСР"): it joins
        names, it does not open a clause."""
        low = self.F.lower
        return k + 1 < len(low) and f"{low[k]} {low[k + 1]}" in self.W.coord

    def _head(self, m: Span) -> Token:
        for t in m:
            if self.F.pos[t.i] in ("NOUN", "PROPN") and self.F.case[t.i]:
                return t
        return m[-1]

    def _prep_before(self, doc: Doc, k: int) -> str | None:
        """The preposition governing the noun phrase that starts at token k."""
        k -= 1
        # adjectives of the phrase; a name before it is another phrase ("В Мінську Україна":
        # pymorphy3 reads "Мінську" as the adjective "мінський" first)
        while k >= 0 and self.F.pos[k] == "ADJ" and k not in self.mention_tokens:
            k -= 1
        if k >= 0 and self.F.pos[k] == "ADP":
            return self.F.lower[k]
        return None

    def _slot(self, doc: Doc, m: Span) -> tuple[str | None, str | None]:
        """(preposition, case) of a mention; a person with an office in apposition
        ("з радянським повпредом ... Д. В. Богомоловим") takes the office's."""
        role_start = doc.user_data.get("litopys_role_start", {}).get(m.start)
        if role_start is not None:
            head = next((t for t in doc[role_start:m.start] if t.pos_ in ("NOUN", "PROPN")),
                        doc[role_start])
            return self._prep_before(doc, role_start), self.F.case[head.i]
        head = self._head(m)
        case = self.F.case[head.i]
        agent = self._representative(m.start)
        agent_case = None if agent is None else self.F.case[agent]
        if agent is not None and agent_case != "Nom" and self._plural_subject(agent, m.end):
            agent_case = "Nom"  # ru "страны Антанты предложили": "страны" read as a genitive
        if agent is not None and (agent_case != "Nom" or self.F.lemma[agent] in
                                  self.W.party_nouns or self._reads_as(agent, self.W.forces)) and (case in ("Gen", None) or any(
                "gent" in t for t in self.F.tags[head.i])):
            # "підписаний представниками Польщі", "уповноваженими урядів РСФРР": the noun
            # of those who act for the name stands in the clause for it; as a subject, only a
            # party noun ("підписали уряди Польщі та Литви", not "Делегація УНР … прибула")
            return self._prep_before(doc, agent), agent_case
        if case and not is_known(head.text) and "Sur" not in str(head.morph.get("NameType")):
            case = None  # a guessed case on a transliterated name is noise
        if m[-1].text.endswith("."):
            case = None  # an abbreviation ("Рос.", "Осман." of "Рос. та Осман. імперій")
        if case and (any("Fixd" in t for t in self.F.tags[head.i][:1]) or head.text.isupper()
                     and any("Abbr" in t and "Fixd" in t for t in self.F.tags[head.i])):
            # an indeclinable name ("Кеннеді") has every case; so has an abbreviation whose
            # first reading is another word's ("НАТО": the vocative of a first name)
            case = None
        prep = self._prep_before(doc, m.start)
        if case not in (None, "Nom") and prep is None and self._plural_subject(head.i, m.end):
            case = "Nom"
        return prep, case

    def _agent_after(self, k: int) -> bool:
        """Is the noun after the participle at ``k`` its agent, not the noun it qualifies: an
        instrumental noun of representatives that does not agree with it ("підписаний
        представниками Польщі")?"""
        F = self.F
        return F.case[k + 1] == "Ins" and F.case[k] != "Ins" and \
            self._reads_as(k + 1, self.W.representatives)

    def _representative(self, start: int) -> int | None:
        """The first of the nouns of representatives (``representative_nouns``) or parties
        (``party_nouns``: "уряди Польщі та Литви") right before token ``start``, each the
        genitive of the one before ("уповноваженими урядів")."""
        F = self.F
        k = start - 1
        found = None
        while k >= 0 and k not in self.mention_tokens and F.pos[k] in ("NOUN", "ADJ") and (
                self._reads_as(k, self.W.representatives)
                or self._reads_as(k, self.W.party_nouns)
                or self._reads_as(k, self.W.stand_ins)):
            found = k
            k -= 1
        return found

    def _plural_subject(self, k: int, end: int) -> bool:
        """"Турки почали війну", "Німці вторглися": a plural nominative reading of token
        ``k`` (pymorphy3 offers the genitive or the locative first) right before a plural
        finite verb (a date or an adverb between) is the subject."""
        F = self.F
        if not any("plur" in t and "nomn" in t for t in F.tags[k]):
            return False
        j = end
        while j < len(F.text) and j - end < 4 and (
                j in self.timex_tokens or F.pos[j] == "ADV" or F.text[j].isspace()):
            j += 1
        return j < len(F.text) and F.pos[j] == "VERB" and any(
            "plur" in t and ("past" in t or "pres" in t or "futr" in t) for t in F.tags[j][:1])

    def _slot_coord(self, doc: Doc, m: Span, previous: list[tuple[Span, str | None,
                    str | None]]) -> tuple[str | None, str | None]:
        """Like _slot, but a name coordinated with the one before it ("з X, Y та Z")
        shares that one's preposition."""
        prep, case = self._slot(doc, m)
        start = doc.user_data.get("litopys_role_start", {}).get(m.start, m.start)
        agent = self._representative(start)
        if agent is not None and prep is None:
            start = agent  # "між загоном X та військами Y": the coordinator is before the noun
        if prep is None and start > 0 and self.F.lower[start - 1] in self.W.coord and previous:
            pm, pprep, pcase = previous[-1]
            if 0 <= start - pm.end <= 1 and (case is None or pcase is None or case == pcase
                                              or pprep in self.W.between_preps):
                # ("між військами X та Y": Y is the other side of "між" in any case)
                return pprep, case or pcase
        return prep, case

    def _is_subject(self, doc: Doc, m: Span) -> bool:
        prep, case = self._slot(doc, m)
        return prep is None and case == "Nom" and not self._after_settlement(m)

    def _after_settlement(self, m: Span) -> bool:
        """Does a settlement word stand right before the mention ("станції Крути", "м. Ризі",
        ru "в 1919 г." excepted: the "г." of a date)?"""
        k = m.start - 1
        return k >= 0 and k not in self.timex_tokens and self._settlement_word(k)

    def _settlement_word(self, k: int) -> bool:
        """Is token ``k`` a settlement word, as written or in any reading (pymorphy3 offers
        "сель", a mudflow, for "селі" first)?"""
        return self.F.lower[k] in self.W.settlement_words or \
            self._reads_as(k, self.W.settlement_words)

    def _roles(self, doc: Doc, trig: _Trigger, clause: tuple[int, int], sent: Span,
               sent_mentions: list[Span]) -> tuple[list[str], list[str], bool]:
        """Source and target entity ids from case and preposition (see module docstring).

        RETURNS (tuple): sources, targets, and whether the trigger is passive.
        """
        lo, hi = clause
        role_tokens = doc.user_data.get("litopys_role_tokens", set())
        # (a name inside a phrase trigger, "оголосила Німеччині війну", takes part; a name
        # in a bracketed aside the clause reads across, "під Брестом (Білорусь) президенти
        # підписали", does not)
        inside = [m for m in sent_mentions if lo <= m.start < hi
                  and not (m.start <= trig.head < m.end) and m.start not in role_tokens
                  and not (self._in_parentheses(doc, sent, m.start)
                           and not self._in_parentheses(doc, sent, trig.head))]
        passive = trig.pos == "VERB" and self._passive(doc[trig.head], trig)
        aspect = trig.pos == "NOUN" and (self._aspect_verb(trig) is not None
                                         or self._aspect_after(trig, hi))
        if aspect and self._thing_subject(doc, trig, lo, inside):
            # "Бухарестський договір закінчив війну Росії з Туреччиною", "Мир завершив
            # війну ...": a thing, not an actor, ends it; the noun's parties are its own
            aspect = False
        src: list[str] = []
        tgt: list[str] = []
        subjects: list[tuple[int, int, str]] = []
        seen: list[tuple[Span, str | None, str | None]] = []
        places: list[str] = []
        between: list[str] = []  # "між X і Y"
        split: int | None = None  # "між X та Y з одного боку і Z з іншого": Z's place
        self._loc_ids = {m._.entity_id for m in inside if m.label_ == "LOC"}
        self._location: str | None = None  # "в Ризі": where it happened
        self._agentive: dict[str, bool] = {}
        for m in inside:
            eid = m._.entity_id
            prep, case = self._slot_coord(doc, m, seen)
            seen.append((m, prep, case))
            before = m.start < trig.start
            if prep in self.W.between_preps:
                between.append(eid)
            elif between and split is None and self._side_marker(seen[-2][0].end if len(seen) > 1
                                                                 else trig.end, m.start):
                # "між X та Y з одного боку і Z з іншого": Z is the other side of "між"
                split = len(between)
                between.append(eid)
                continue
            if trig.frame not in MOVE_FRAMES and self._place_slot(m, prep, case):
                # "в с. Андрусово", "у Ризі", "під Лисянкою": where, not whom
                self._note_location(m, trig)
                continue
            if m.label_ == "LOC" and prep is not None and trig.frame not in MOVE_FRAMES:
                continue  # "ситуація на Далекому Сході": what about, not where  # "на Далекому Сході": where, not whom
            if prep in self.W.place_preps and case in ("Loc", "Dat", None) \
                    and m.label_ in ("GPE", "LOC"):  # a body is no place: "в ООН", "в ЄС"
                if prep in self.W.in_preps:
                    self._note_location(m, trig)
                if m.label_ == "GPE" and prep in self.W.in_preps and not before \
                        and not self._is_town(eid):
                    places.append(eid)
                continue
            if prep in self.W.in_preps and m.label_ == "GPE" and trig.frame not in MOVE_FRAMES:
                self._note_location(m, trig)
                continue
            if prep is None and case == "Gen" and self._after_office(m):
                # "телеграмі генеральному секретарю Ліги Націй": the body behind the office
                tgt.append(eid)
                continue
            if trig.pos == "NOUN" and prep is None and case == "Ins" and not before:
                # "окупація Чехії Німеччиною": the instrumental is the agent, and a
                # genitive already taken as the source is the patient
                tgt.extend(src)
                src[:] = [eid]
                continue
            if aspect:
                # "Швеція почала облогу Полтави", "Облогу Полтави шведи почали": the
                # subject of the aspectual verb acts, the genitive is what it acts on
                if prep is None and case in ("Nom", None) and not self._gen_after(m, trig):
                    subjects.append((0 if before else 1, abs(m.start - trig.start), eid))
                elif prep is None and case == "Gen" and not before \
                        or prep in self.W.target_preps and case not in ("Loc", "Dat"):
                    tgt.append(eid)  # "облогу Полтави", "наступ на Київ", "проти Росії"
                elif prep is not None and self._place_slot(m, prep, case):
                    self._note_location(m, trig)
                continue
            if trig.pos == "NOUN":
                # (a name inside a noun phrase, "справа X проти Y", is its genitive too)
                after = 0 <= m.start - trig.end <= 6 or trig.start < m.start < trig.end
                coordinated = bool(src) and len(seen) > 1 and seen[-2][0]._.entity_id in src \
                    and self.F.lower[m.start - 1] in self.W.coord
                if prep is None and case in ("Gen", None) and (after and not src or coordinated):
                    src.append(eid)
                elif prep in self.W.target_preps or (prep is None and case in ("Dat", "Acc")):
                    tgt.append(eid)
                elif prep is None and case == "Nom":
                    subjects.append((0, abs(m.start - trig.start), eid))
                continue
            if prep in self.W.with_preps and m.start >= 2 and self.F.lower[m.start - 2] in self.W.head_of:
                subjects.append((0 if before else 1, abs(m.start - trig.start), eid))
                continue
            if prep in self.W.with_preps and before and len(seen) > 1 and \
                    seen[-2][1] is None and seen[-2][2] in ("Nom", None) and \
                    0 <= m.start - 1 - seen[-2][0].end <= 1:
                # "Рузвельт з Черчиллем пообіцяли": a co-subject
                subjects.append((0, abs(m.start - trig.start), eid))
                continue
            if prep is None and case == "Gen" and not before and m.start - trig.end <= 4 \
                    and trig.pos == "VERB":
                tgt.append(eid)  # "визнала незалежність України"
                continue
            if prep is None and case == "Nom":
                if passive or not before and trig.frame in PATIENT_FRAMES and self._is_city(eid):
                    tgt.append(eid)  # the patient of a passive; "захопили Київ": what was taken
                elif before and self._other_clause_subject(m, trig):
                    continue  # "X наклав на себе руки, Y засудили заочно": X's own verb
                else:
                    subjects.append((0 if before else 1, abs(m.start - trig.start), eid))
            elif prep is None and passive and (case == "Ins" or case is None and not before):
                # the agent: "обговорювалося ... Литвиновим", "Туреччиною були прийняті"
                src.append(eid)
            elif prep in self.W.with_preps and case == "Gen":
                # "відкликала посла з Москви", "вивів війська з Афганістану": where from,
                # the other party ("з боку X" has the noun between: X is a genitive)
                tgt.append(eid)
            elif prep is None and case == "Gen" and before and self._gen_of_subject(doc, m, trig):
                subjects.append((0, abs(m.start - trig.start), eid))
            elif prep in self.W.target_preps or (prep is None and case in ("Dat", "Acc", "Ins")):
                tgt.append(eid)
                if prep is None and case == "Ins" and not before:
                    self._agentive[eid] = True
            elif prep is None and case is None:
                # a name pymorphy3 cannot inflect ("Чан Кайши"): its side by position; before
                # a passive it is the patient ("М. Кричевського ... було захоплено в полон")
                if before and not passive:
                    subjects.append((0, abs(m.start - trig.start), eid))
                else:
                    tgt.append(eid)
        if not src and subjects:
            subjects.sort()
            best = subjects[0][0]
            if best == 1 and self._pronoun_subject(doc, clause, trig):
                subjects = []  # "він домовився ..., чи погодиться радянський уряд"
            else:
                src = [e for rank, _, e in subjects if rank == best][:4]
                if best == 0:
                    # "Литвинов відвідав Лондон": a nominative-looking inanimate noun after
                    # the verb, once the subject is known, is the object
                    tgt += [e for rank, _, e in subjects if rank == 1]
        if not src and trig.pos == "VERB" and self._plural_verb(trig.head) and (
                trig.frame in SAYING_FRAMES or any(
                    h.frame in SAYING_FRAMES for h in self.triggers.lookup(self.F.lemma[trig.head])
                    or [])):
            # "У МЗС заявили", "у РФ заявили про вихід", "У Кремлі повідомили": a body or a
            # state (its capital) named with "у/в" before a verb of saying with no subject
            # is who speaks
            speakers = [m for m in inside if m.start < trig.start and m.label_ in ("ORG", "GPE")
                        and self._prep_before(doc, m.start) in self.W.in_preps]
            if speakers:
                src = [speakers[-1]._.entity_id]
                tgt = [t for t in tgt if t not in src]
                if self._location == src[0]:
                    self._location = None
        self._between = between
        if split is not None:
            src = between[:split]
            tgt = between[split:] + [t for t in tgt if t not in between]
        self._partners = [m._.entity_id for m, prep, _ in seen if prep in self.W.with_preps]
        if not src and len(between) >= 2:
            # "Угоду між Росією і Польщею підписали": the two sides of "між"
            src = between[:1]
            tgt = [t for t in between[1:] + tgt if t not in src]
        # a place that is not a polity is never the one who acts
        src = [e for e in src if e not in self._loc_ids]
        if not src and not subjects and trig.pos == "VERB" and (
                passive or self._passive_form(doc, trig.head)):
            # no subject: an instrumental actor is the agent ("обговорювалося ...
            # Литвиновим з ...", "підписаний Пілсудським"); an active verb's instrumental
            # is its partner ("повідомив про переговори з главою МЗС Яном Ліпавським")
            agents = [t for t in tgt if self._agentive.get(t)]
            if agents:
                src = agents[:1]
                tgt = [t for t in tgt if t not in src]
        if not src and trig.pos == "VERB" and not passive and lo > sent.start + 1 and \
                self.F.lower[lo] in self.W.relative_subjects and self.F.text[lo - 1] == ",":
            # "зустрівся з Пілсудським, який запропонував": the name the relative word
            # stands for, right before its comma, is the subject of its clause
            antecedent = next((m for m in sent_mentions if m.end == lo - 1
                               and m.start not in role_tokens), None)
            if antecedent is not None:
                src = [antecedent._.entity_id]
                tgt = [t for t in tgt if t not in src]
        if not src and trig.pos == "VERB" and not (passive and tgt):
            # the subject of the sentence, outside a gerund or participle clause
            # (for a passive it is the patient: "Представники ... не були запрошені")
            side = tgt if passive else src
            for m in sent_mentions:
                if m.start < lo and self._is_subject(doc, m) and m.start not in role_tokens:
                    side.append(m._.entity_id)
                    nxt = m.end
                    # and the names coordinated with it
                    for m2 in sent_mentions:
                        if m2.start > m.start and m2.start < lo and \
                                self.F.lower[m2.start - 1] in self.W.coord and m2.start - nxt <= 1:
                            side.append(m2._.entity_id)
                            nxt = m2.end
                    break
        if not src and trig.pos == "VERB" and "VerbForm=Conv" in str(doc[trig.head].morph):
            # "Підписавши договір з Німеччиною, СРСР ...": the adverbial participle's
            # subject is the main clause's, after the comma that closes it
            comma = next((k for k in range(trig.end, sent.end) if self.F.text[k] == ","), None)
            for m in sent_mentions:
                if comma is None or m.start <= comma or m.start in role_tokens:
                    continue
                prep, case = self._slot(doc, m)
                if prep is None and case in ("Nom", None):
                    src.append(m._.entity_id)
                    tgt = [t for t in tgt if t != m._.entity_id]
                break
        ents = doc._.entities or {}
        polities = [e for e in src if e in ents and ents[e].type != "PERSON"]
        if src and not tgt and places and trig.frame not in ("say", "say_about", "characterise") \
                and not (len(polities) >= 2 and trig.frame in MEETING_FRAMES):
            # (but "Польща і РСФРР підписали договір у Ризі": both sides are there; the
            # capital is where they signed)
            # "просунути ідею ... в Лондоні і Вашингтоні": the governments there
            tgt = places
            self._location = None
        src = list(dict.fromkeys(src))
        tgt = [t for t in dict.fromkeys(tgt) if t not in src]
        return src, tgt, passive

    def _side_marker(self, a: int, b: int) -> bool:
        """Do tokens ``a``..``b`` hold a phrase that closes one side of "між" ("з одного
        боку", ``side_markers``)?"""
        words = " ".join(self.F.lower[a:b])
        return any(marker in words for marker in self.W.side_markers)

    def _note_location(self, m: Span, trig: _Trigger) -> None:
        """Keep the first place of the clause as the event's location, unless its phrase
        hangs off another noun ("мир на Далекому Сході і в регіоні": what peace, not where)."""
        if self._location is not None:
            return
        F = self.F
        k = m.start - 1
        while k > 0 and (F.pos[k] in ("ADJ", "ADP", "DET") or F.lower[k] in self.W.coord
                         or self._settlement_word(k)):
            k -= 1
        if k >= 0 and F.pos[k] in ("NOUN", "PROPN") and not trig.start <= k < trig.end \
                and k not in self.timex_tokens:
            return
        self._location = m._.entity_id

    def _place_slot(self, m: Span, prep: str | None, case: str | None) -> bool:
        """Is the mention a place where something happened: a settlement word before it
        ("с. Андрусово", "місті Ризі"), a preposition of nearness ("поблизу Смоленська"),
        or "в/у" with the locative (read as such when pymorphy3 offers the dative) of
        a town that is not a capital?"""
        if self._after_settlement(m):
            # (ru "в 1919 г. Польша": the "г." of a date is the year, not "город")
            return True
        if prep in self.W.near_preps:
            return True
        return prep in self.W.in_preps and case in ("Loc", "Dat") and m.label_ != "PERSON" \
            and self._is_town(m._.entity_id)

    def _acting_party(self, eid: str, entities: dict) -> bool:  # type: ignore[type-arg]
        """Can entity ``eid`` act: a person, a body, or a polity that is not a town?"""
        entity = entities.get(eid)
        if entity is None:
            return False
        return entity.type in ("PERSON", "ORG") or entity.type == "GPE" and not self._is_town(eid)

    @staticmethod
    def _is_town(eid: str) -> bool:
        """A town that is not a capital ("Ризі" is Latvia's, "Андрусово" is nobody's):
        a place where things happen, never a government that acts."""
        gaz = gazetteer()
        try:
            actor = gaz.actor(eid)
        except KeyError:
            return True  # not in the gazetteer: a village, a town of the text
        if actor.type != "GPE" or actor.polity is None:
            return actor.type == "LOC"
        return gaz.actor(actor.polity).capital != eid

    @staticmethod
    def _is_city(eid: str) -> bool:
        """A town or a capital (a place with a state of its own in the gazetteer, or no entry
        at all): after a verb of taking ("захопили Київ") it is what was taken."""
        try:
            actor = gazetteer().actor(eid)
        except KeyError:
            return True
        return actor.type == "GPE" and actor.polity is not None

    def _passive(self, tok: Token, trig: _Trigger) -> bool:
        """Passive participles, impersonal "-но/-то" forms, and a reflexive "-ся" form of
        a verb whose lexicon lemma is not reflexive ("обговорювалося")."""
        if any("pssv" in t for t in self.F.tags[tok.i]) or "Voice=Pass" in str(tok.morph):
            return True
        w = tok.lower_
        if w.endswith(self.W.passive_endings) and len(w) > 5:
            return True
        lemma = trig.lemma or tok.lemma_
        return w.endswith(self.W.reflexive_endings) and not lemma.endswith(self.W.reflexive_endings)

    def _first_word(self, sent: Span) -> int:
        """The first token of a sentence that is not whitespace (a blank line before it is
        a token of its own)."""
        return next((k for k in range(sent.start, sent.end) if not self.F.text[k].isspace()),
                    sent.start)

    def _opening_date(self, doc: Doc, sent_no: dict[int, int],
                      main_by_sent: dict[int, list[Span]],
                      blanks: list[int]) -> tuple[int, int, Timex] | None:
        """(excerpt, sentence number, date) of the text's first date that sets the story's
        time (blank lines part excerpts), or None: the date of an undated opening."""
        for sent in doc.sents:
            line = main_by_sent.get(sent_no[sent.start])
            if line:
                return bisect_left(blanks, self._first_word(sent)), sent_no[sent.start], \
                    line[0]._.timex
        return None

    def _passive_form(self, doc: Doc, k: int) -> bool:
        """Is token ``k`` a form that can take an instrumental agent: a participle, an
        impersonal "-но/-то" form or any reflexive verb ("обговорювалося", "підписаний")?
        (Wider than ``_passive``: a reflexive lemma of the lexicon counts too.)"""
        low = self.F.lower[k]
        return low.endswith(self.W.reflexive_endings + self.W.passive_endings) or \
            "VerbForm=Part" in str(doc[k].morph) or self.F.pos[k] == "ADJ"

    def _gen_of_subject(self, doc: Doc, m: Span, trig: _Trigger) -> bool:
        """Is a genitive mention part of the subject ("керівники України, США ... підписали")?"""
        k = m.start - 1
        while k >= 0 and k > m.start - 12:
            tok = doc[k]
            if tok.is_punct and tok.text != ",":
                return False
            if self.F.pos[tok.i] in ("NOUN", "PROPN") and self.F.case[tok.i] == "Nom":
                return not any(self.F.pos[j] == "VERB" for j in range(k + 1, m.start))
            if tok.pos_ == "VERB":
                return False
            k -= 1
        return False

    def _sentence_targets(self, doc: Doc, sent: Span, sent_mentions: list[Span],
                          src: list[str]) -> list[str]:
        """Targets from anywhere in the sentence, for a noun trigger with a source only."""
        out: list[str] = []
        for m in sent_mentions:
            eid = m._.entity_id
            if eid in src:
                continue
            prep, case = self._slot(doc, m)
            if prep in self.W.target_preps and prep not in self.W.place_preps:
                out.append(eid)
        return out

    @staticmethod
    def _opens_time(start: int, blanks: list[int], main_by_sent: dict[int, list[Span]],
                    narrative: Timex) -> bool:
        """Does the excerpt starting at token ``start`` (up to the next blank line) open a
        new time: is its first date outside the narrative time so far?"""
        nxt = bisect_left(blanks, start)
        end = blanks[nxt] if nxt < len(blanks) else 1 << 62
        dated = sorted((t for ts in main_by_sent.values() for t in ts if start <= t.start < end),
                       key=lambda t: t.start)
        if not dated or narrative.begin is None:
            return False
        first: Timex = dated[0]._.timex
        if first.begin is None or first.end_date is None or narrative.end_date is None:
            return False
        return first.end_date < narrative.begin or first.begin > narrative.end_date

    def _commemorates(self, sent: Span) -> bool:
        """Does the sentence mark an anniversary ("У 2020 році відзначаємо річницю битви"):
        its date is the writer's present, not the time of the story told after it?"""
        return any(self._reads_as(k, self.W.anniversary) for k in range(sent.start, sent.end))

    def _future_only(self, sent: Span) -> bool:
        tags = self.F.tags
        fut = past = False
        for k in range(sent.start, sent.end):
            first = tags[k][0] if tags[k] else ""
            if first.startswith("VERB"):
                # "заплатить": pymorphy3 reads the infinitive first, the future second
                fut = fut or any("futr" in t for t in tags[k] if t.startswith("VERB"))
                past = past or "past" in first
        return fut and not past

    def _attributive(self, doc: Doc, t: Span) -> bool:
        """A bare date hanging off a noun ("кордону 1772 року") names a thing, not when
        the sentence's events happen."""
        if t.start == 0:
            return False
        if not re.match(r"^-?\d{4}$", t._.timex.value or ""):
            return False  # a day or a month after a noun still dates the clause
        if self._in_title(doc, t):
            return True  # «Договір про утворення СРСР 1922 року»: a year of the title
        prev = doc[t.start - 1]
        first = doc[t.start]
        if not first.text[:1].isdigit():
            return False  # "турки того року почали": a year told by a word dates the clause
        if first.pos_ == "ADP" or first.lower_ in self.W.time_preps or \
                prev.lower_ in self.W.year_nouns:
            return False  # (and "Року 1979-го почалася війна": the year before its number)
        return prev.pos_ in ("NOUN", "PROPN", "ADJ") and self.F.case[prev.i] in ("Gen", "Acc", "Ins", "Loc") and \
            not t.text[:1].isupper() and not self._during(prev.i)

    def _during(self, k: int) -> bool:
        """Does the noun phrase ending at token ``k`` follow a phrase of "during"
        (``during_phrases``: "під час Женевської конференції 1954 року" dates the clause)?"""
        F = self.F
        j = k
        while j > 0 and k - j < 4 and F.pos[j] in ("NOUN", "PROPN", "ADJ"):
            for phrase in self.W.during:
                n = len(phrase)
                if j - n >= 0 and tuple(F.lower[j - n:j]) == phrase:
                    return True
            j -= 1
        return False

    def _conceded(self, sent: Span, k: int) -> bool:
        """Is token k inside a concessive phrase of its sentence ("незважаючи на період
        визнання у 1924 р., ...": ``concessive_markers`` up to the next comma)? Such a
        date is background, not the story's time."""
        doc = sent.doc
        for j in range(k - 1, max(sent.start, k - CONCESSION_REACH) - 1, -1):
            if doc[j].text in (",", ";", "—", "–", ":"):
                return False
            for marker in self.W.concessive:
                if tuple(t.lower_ for t in doc[j:j + len(marker)]) == marker:
                    return True
        return False

    def _in_title(self, doc: Doc, t: Span) -> bool:
        """Is the expression inside a title in «» quotes (opened before it and closed
        after it, no full stop between)?"""
        # (a title is short: only the stretch of text around the date is read, so a
        # sentence with a thousand dates costs no more per date; a stop ends the title)
        cache = getattr(self, "_doc_text", None)
        if cache is None or cache[0] is not doc:
            cache = (doc, doc.text)  # (Doc.text joins every token: read it once)
            self._doc_text = cache
        text = cache[1]
        before = text[max(0, t.start_char - TITLE_REACH):t.start_char].rsplit(".", 1)[-1]
        after = text[t.end_char:t.end_char + TITLE_REACH].split(".", 1)[0]
        return before.count("«") > before.count("»") and "»" in after

    def _in_parentheses(self, doc: Doc, sent: Span, k: int) -> bool:
        """Is token k inside brackets opened in its sentence? The bracket depth
        before each token is computed once per sentence (linear, not a scan of the
        sentence per time expression) and kept for the doc being processed."""
        cache = getattr(self, "_paren_depths", None)
        if cache is None or cache[0] is not doc:
            cache = (doc, {})
            self._paren_depths = cache
        depths = cache[1].get(sent.start)
        if depths is None:
            depth = 0
            depths = [0]
            for t in doc[sent.start:sent.end]:
                if t.text == "(":
                    depth += 1
                elif t.text == ")" and depth:
                    depth -= 1
                depths.append(depth)
            cache[1][sent.start] = depths
        return depths[min(k, sent.end) - sent.start] > 0

    def _after_office(self, m: Span) -> bool:
        """Is the mention the genitive complement of an office noun in a dative or
        accusative ("генеральному секретарю Ліги Націй")?"""
        k = m.start - 1
        if k < 0 or self.F.pos[k] not in ("NOUN", "PROPN"):
            return False
        if self.F.case[k] not in ("Dat", "Acc"):
            return False
        from litopys.pipeline.entities import offices

        return offices().lookup(self.F.lemma[k]) is not None

    def _treaty_adjective_parties(self, doc: Doc, trig: _Trigger, sent: Span,
                                  entities: dict,  # type: ignore[type-arg]
                                  sent_mentions: list[Span]) -> list[str]:
        """The states a compound adjective names on the document noun (frame ``treaty``)
        that a signing verb follows or precedes within its few words ("українсько-польська угода
        була підписана", "підписано радянсько-німецький договір"); [] when there is none."""
        F = self.F
        before = range(trig.start - 1, max(sent.start, trig.start - 5) - 1, -1)
        after = range(trig.end, min(sent.end, trig.end + 5))  # "підписано радянсько-німецький договір"
        for steps, stops in ((before, (";",)), (after, (";", ","))):
            for k in steps:
                if F.text[k] in HARD_BOUNDARIES or F.text[k] in stops:
                    break
                if self._treaty_noun(k):
                    noun = _Trigger(k, k + 1, k, trig.cameo, "treaty", "NOUN")
                    pair = self._adjective_parties(doc, noun, entities, sent_mentions)
                    if pair:
                        return pair
                    break
        return []

    def _document_parties(self, trig: _Trigger, sent: Span,
                          sent_mentions: list[Span]) -> list[str]:
        """The sides of a document the sentence names with "між" after a treaty noun
        (frame ``treaty``: "договір між Польщею та РСФРР", "«Угода між X і Y про ...»"), the
        one nearest the trigger, across commas and quotes; the names run from "між" to the
        next comma, quote or semicolon."""
        F = self.F
        best: tuple[int, list[str]] | None = None
        for k in range(sent.start + 1, sent.end):
            if F.lower[k] not in self.W.between_preps or not any(
                    self._treaty_noun(j) for j in range(max(sent.start, k - 3), k)):
                continue
            stop = next((j for j in range(k + 1, sent.end) if F.text[j] in (",", ";")
                         or F.text[j] in HARD_BOUNDARIES), sent.end)
            named = list(dict.fromkeys(m._.entity_id for m in sent_mentions if k < m.start < stop))
            if len(named) >= 2 and (best is None or abs(k - trig.head) < best[0]):
                best = (abs(k - trig.head), named)
        return best[1] if best else []

    def _adjective_parties(self, doc: Doc, trig: _Trigger, entities: dict,  # type: ignore[type-arg]
                           sent_mentions: list[Span]) -> list[str]:
        """The states an adjective right before a noun trigger names: a mention that ends
        in the trigger ("російської агресії": the entity stage reads "агресія" as an actor
        head), a compound ("російсько-турецька війна", "довготривалі радянсько-польські
        переговори": every part but the last a combining form, the gazetteer's ``prefix``
        forms such as "російсько", the last an adjective), or a state's adjective
        ("радянської окупації"). Each is read as the polity of the narrative year, and added
        to the document's entities when the text names it nowhere else."""
        F = self.F

        k = trig.start - 1
        c = k - 3 if k > 2 and F.text[k - 2] == "," else k - 2  # "російсько-турецька, тобто"
        if c >= 0 and F.lower[k - 1] in self.W.alternative_words and "-" in F.text[c] \
                and "-" not in F.text[k]:
            # "радянсько-фінська або Зимова війна": the compound before the other name
            # (read before the named war's own mention, which holds no state)
            hit = self._compound_parties(doc, c, entities)
            if hit:
                return hit
        owner = next((m for m in sent_mentions if m.start < trig.head < m.end), None)
        if owner is not None:
            return [owner._.entity_id] if _is_state(owner._.entity_id) and \
                F.pos[owner.start] == "ADJ" else []
        k = trig.start - 1
        if k > 0 and F.pos[k] == "ADJ" and "-" not in F.text[k] and \
                "-" in F.text[k - 1]:
            k -= 1  # one adjective between: "російсько-турецька затяжна війна"
        return self._compound_parties(doc, k, entities)

    def _compound_parties(self, doc: Doc, k: int, entities: dict) -> list[str]:  # type: ignore[type-arg]
        """The states a compound adjective at token ``k`` names ("російсько-турецька": every
        part but the last a combining form, the last an adjective), or a state's adjective,
        read as the polities of the narrative year; [] when any part is no state."""
        F = self.F
        gaz = gazetteer()
        if k < 0 or F.pos[k] != "ADJ" and "-" not in F.text[k] or k in self.mention_tokens:
            return []
        *firsts, last = F.lower[k].split("-")
        kinds = [("prefix",)] * len(firsts) + [("adjective",)]
        ids: list[str] = []
        for part, kind in zip(firsts + [last], kinds, strict=True):
            hit = next((h for h in gaz.lookup(part) if h.kind in kind and h.type == "GPE"), None)
            if hit is None:
                return []
            ids.append(hit.id)
        if self._years is None:
            self._years = narrative_years(doc)
        year = self._years[k]
        out: list[str] = []
        for eid in ids:
            capital = gaz.actor(eid)
            if capital.polity and gaz.actor(capital.polity).capital == eid:
                eid = capital.polity  # "московсько-польська війна": the capital's state
            rec = gaz.actor(in_year(period_ids(), eid, year))
            if not _is_state(rec.id):
                return []
            ensure_entity(entities, rec)
            out.append(rec.id)
        return list(dict.fromkeys(out))

    def _took_place(self, trig: _Trigger, clause: tuple[int, int]) -> bool:
        """Does a verb of taking place (``meeting_verbs``: "відкрилася", "відбулася",
        "тривав") or an aspectual verb with a noun of work ("почала роботу") govern the
        meeting noun in its clause?"""
        F = self.F
        lo, hi = clause
        for j in range(lo, hi):
            # (any reading: ru "начала" is the noun "начало" first)
            if j == trig.head or not any(t.startswith("VERB") for t in F.tags[j]):
                continue
            if self._reads_as(j, self.W.meeting_verbs):
                return True
            # ("почала свою діяльність": a pronoun or adjective between)
            work = j + 2 if j + 2 < hi and F.pos[j + 1] in ("ADJ", "DET", "PRON") else j + 1
            if self._reads_as(j, self.W.aspect_verbs) and work < hi and \
                    self._reads_as(work, self.W.meeting_work):
                return True
        return False

    def _treaty_noun(self, k: int) -> bool:
        """Is token ``k`` a document noun ("договір", "угода": frame ``treaty``)?"""
        return any(h.frame == "treaty" for lm in self._readings(k)
                   for h in self.triggers.lookup(lm))

    def _treaty_parties(self, trig: _Trigger, src: list[str], tgt: list[str]) -> bool:
        """Does a treaty noun name its two sides right after it: "договір (про ненапад)
        між X і Y", or "договір X з Y"?"""
        F = self.F
        if trig.start in self.mention_tokens:
            return False  # "Варшавський договір": a document's name
        near = range(trig.end, min(trig.end + 4, len(F.lower)))
        for k in near:
            if F.text[k] in (",", ";", ".", "—"):
                break
            if F.lower[k] in self.W.between_preps:
                return len(self._between) >= 2
        return bool(src and set(tgt) & set(self._partners))

    def _aspect_object(self, trig: _Trigger) -> bool:
        """Is the noun the object of an aspectual verb ("шведи почали наступ", "почали
        рішучий наступ"), so the sentence reports the event itself?"""
        F = self.F
        for k in range(trig.start - 1, max(trig.start - 4, -1), -1):
            if F.lemma[k] in self.W.aspect_verbs:
                return True
            if F.pos[k] not in ("ADJ", "DET", "ADV"):
                return False
        return False

    def _party_subject(self, clause: tuple[int, int], trig: _Trigger,
                       sent_mentions: list[Span]) -> str | None:
        """A plural party noun as the subject, with no name after it ("країни Балтії" names
        its parties): "parties" for "сторони", "обидві держави"; "unnamed" for a group the
        text does not name ("сусідні країни"); None when there is none."""
        F = self.F
        named = {k for m in sent_mentions for k in range(m.start - 1, m.end)}
        for k in range(clause[0], clause[1]):
            people = F.lemma[k] in self.W.party_people
            if k in range(trig.start, trig.end) or not (people or F.lemma[k] in self.W.party_nouns) \
                    or k in named or k + 1 in named \
                    or not any("plur" in t and "nomn" in t for t in F.tags[k]):
                continue
            if people:
                # "Президенти обговорили", "Співрозмовники скоординували": the noun alone (not
                # "керівники 35 держав", "європейські лідери", "Вашингтон і його союзники")
                bare = k < trig.start and (k == clause[0] or F.pos[k - 1] not in (
                    "ADJ", "DET", "CCONJ", "PRON", "NUM")) and (
                    k + 1 >= clause[1] or F.pos[k + 1] not in ("NOUN", "PROPN", "NUM", "ADJ",
                                                               "X", "PUNCT"))
                if bare:
                    return "parties"
                continue
            if F.lower[k] in self.W.party_determiners or (
                    k > 0 and F.lower[k - 1] in self.W.party_determiners) or (
                    k > 1 and F.pos[k - 1] == "ADJ" and F.lower[k - 2] in self.W.party_determiners):
                # "сторони", "обидві держави", "обидві договірні сторони"
                return "parties"  # "сторони", "обидві держави"
            if k > 0 and F.pos[k - 1] == "ADJ":
                return "unnamed"  # "сусідні країни", "європейські держави"
            if k + 1 < clause[1] and F.text[k + 1][:1].isupper() and k + 1 not in named:
                return "unnamed"  # "країни Заходу", "страны Антанты": a group not resolved
        return None

    def _plural_verb(self, k: int) -> bool:
        """Is token ``k`` (first reading) a plural finite verb, past or present?"""
        tags = self.F.tags[k]
        first = tags[0] if tags else ""
        return first.startswith("VERB") and "plur" in first and ("past" in first or "pres" in first)

    def _impersonal_plural(self, trig: _Trigger, passive: bool) -> str | None:
        """"Договір підписали вночі": a plural past verb with no subject continues the
        parties of the narrative."""
        tags = self.F.tags[trig.head]
        first = tags[0] if tags else ""
        if not passive and first.startswith("VERB") and "plur" in first and "past" in first:
            return "plural"
        return None

    def _pronoun_subject(self, doc: Doc, clause: tuple[int, int], trig: _Trigger) -> str | None:
        """"plural" / "singular" (or the gender) when a personal pronoun is the subject before
        the trigger; "first" for the first person singular ("я")."""
        lo, _ = clause
        for k in range(lo, trig.start):
            w = self.F.lower[k]
            if w in self.W.plural_pronouns:
                return "plural"
            if w in self.W.first_person:
                return "first"
            if w in self.W.singular_pronouns:
                return self.W.pronoun_gender.get(w, "singular")
        return None

    def _verb_number(self, k: int) -> str | None:
        """"plur" or "sing" for a finite verb at token ``k`` (its first reading), else None."""
        tag = next(iter(self.F.tags[k][:1]), "")
        if not tag.startswith("VERB") or not any(t in tag for t in ("past", "pres", "futr")):
            return None
        return "plur" if "plur" in tag else "sing"

    def _other_clause_subject(self, m: Span, trig: _Trigger) -> bool:
        """Is the nominative ``m`` before a finite verb trigger the subject of a clause of its
        own: a finite verb between them, a comma after that verb, and the two verbs differ in
        number ("Х напередодні наклав на себе руки, Y засудили заочно": the plural has no
        subject of its own, not X)?"""
        F = self.F
        number = self._verb_number(trig.head)
        if number is None:
            return False
        for j in range(m.end, trig.start):
            own = self._verb_number(j)
            if own is not None and own != number and any(
                    F.text[c] == "," for c in range(j + 1, trig.start)):
                return True
        return False

    def _own_verb(self, sent: Span, k: int, trig: _Trigger) -> bool:
        """Does the clause of token ``k`` have a finite verb of its own ("…, а 5 червня
        дійшло до Києва"): a date there dates that clause's happening?"""
        lo, hi = self._clause(sent, k)
        return any(j != trig.head and self._verb_number(j) is not None for j in range(lo, hi))

    def _continues(self, sent: Span, trig: _Trigger) -> bool:
        """Does the sentence open with a coordinator ("І", "А") and have no nominative name or
        noun before the finite verb ``trig``: its subject is the last sentence's?"""
        first = self._first_word(sent)
        if self.F.lower[first] not in self.W.gapping or trig.pos != "VERB" or \
                self._verb_number(trig.head) is None:
            return False
        return not any(self.F.pos[k] in ("NOUN", "PROPN", "PRON") and self.F.case[k] == "Nom"
                       for k in range(first + 1, trig.start))

    def _relation_sides(self, clause: tuple[int, int], trig: _Trigger,
                        sent_mentions: list[Span]) -> list[str] | None:
        """The sides of relations that changed (frame ``relations_change``): the names after a
        nominative relations noun (``relation_nouns``) of the trigger's clause, up to the
        trigger or, when the noun follows it, to the clause's end ("загострилися відносини між
        X і Y"); None when no relations noun is the subject ("ситуація загострилася")."""
        F = self.F
        lo, hi = clause
        noun = next((k for k in range(lo, hi) if k != trig.head and F.pos[k] == "NOUN"
                     and F.case[k] in ("Nom", None)
                     and self._reads_as(k, self.W.relation_nouns)), None)
        if noun is None:
            return None
        end = trig.start if noun < trig.start else hi
        sides: list[str] = []
        for m in sent_mentions:
            if noun < m.start < end and m.label_ in ACTOR_TYPES and \
                    m._.entity_id not in sides:
                sides.append(m._.entity_id)
        return sides

    def _gender(self, m: Span) -> str | None:
        g = self._head(m).morph.get("Gender")
        return g[0] if g else None

    @staticmethod
    def _antecedent(pronoun: str, recent: list[tuple[str, str | None]],
                    last_subject: list[str]) -> list[str]:
        """The subject a singular pronoun points to: the latest of its gender ("вона" after
        "Польща", not after "Пілсудський"), else the last sentence's subject."""
        found = next((eid for eid, g in recent if g == pronoun), None)
        return [found] if found else last_subject

    @staticmethod
    def _acting_capitals(doc: Doc, src: list[str], entities: dict) -> None:  # type: ignore[type-arg]
        """A capital that takes part in an event stands for its state even when the text
        never names the state ("Москва заявила протест Токіо" in 1937: the USSR, Japan)."""
        pending = doc.user_data.get("litopys_capital_polity", {})
        for eid in src:
            ent = entities.get(eid)
            if ent is not None and ent.affiliation is None and eid in pending:
                pol = gazetteer().actor(pending[eid])
                ensure_entity(entities, pol)
                ent.affiliation = pol.id

    def _with_affiliations(self, ids: list[str], entities: dict) -> list[str]:  # type: ignore[type-arg]
        out: list[str] = []
        for eid in ids:
            if eid not in out:
                out.append(eid)
            ent = entities.get(eid)
            if ent is not None and ent.affiliation and ent.affiliation not in out:
                out.append(ent.affiliation)
        return out

    # -- mode and date -----------------------------------------------------
    def _mode(self, doc: Doc, trig: _Trigger, clause: tuple[int, int]) -> str:
        lo, hi = clause
        mod = self.modality
        low, lem = self.F.lower, self.F.lemma
        # "збирався почати наступ": a noun reported by an aspectual verb takes that verb's
        # form (an infinitive under an intent is not a fact)
        head = self._aspect_verb(trig)
        head = trig.head if head is None else head
        morph = str(doc[head].morph)
        head_inf = "VerbForm=Inf" in morph
        for k in range(max(lo, trig.start - 4), trig.end):
            w = low[k]
            if w in self.W.negation or (mod.is_negation(w) and mod.negation[w].scope == "next"):
                if self._promised(k, lo):
                    # "зобов'язалася не підтримувати", "пообіцяла не нападати": a promise
                    # about the future, not a refusal
                    return "hypothetical"
                return "negated"
        if self._negated_after(trig, hi):
            # "участі в нараді не взяла", "угод підписано не було": the negated verb after
            return "negated"
        if self._in_exchange(trig, lo):
            # "в обмін на визнання і військову допомогу": what is promised in return
            return "hypothetical"
        if self._infinitive(head) and any(low[k] in self.W.decision or lem[k] in self.W.decision
                            for k in range(max(lo, head - 3), head)):
            # "Європейська рада вирішила надати статус": a decided cooperative act is
            # reported as done; "вирішила напасти" is an intent
            return "asserted" if trig.cameo[:2] in COOPERATIVE_ROOTS else "hypothetical"
        sent_start = sentence_index(doc)[0][trig.start]
        for k in range(lo, trig.start):
            # "відмовилася підписати": the refused act did not happen
            cue = mod.negation.get(low[k]) or mod.negation.get(lem[k])
            if cue is not None and cue.scope == "complement" and "VerbForm=Inf" in str(
                    doc[trig.head].morph):
                return "negated"
        for k in range(sent_start, hi):
            cue = mod.hypothetical.get(low[k]) or mod.hypothetical.get(lem[k])
            if cue is None:
                continue
            in_clause = lo <= k < hi
            if low[k] in self.W.question and k != lo and (k == 0 or self.F.text[k - 1] != ","):
                continue  # "Винниченко чи Грушевський": "or", not a question
            if len(low[k]) == 1 and k + 2 < hi and self.F.text[k + 1] == ".":
                continue  # "Росія б. змушена": "б." abbreviates "була", not the particle
            if trig.cameo[:2] in FORCE_ROOTS and lo <= k < trig.start and (
                    low[k] in self.W.attempt_words or lem[k] in self.W.attempt_words):
                # "вчинили спробу штурму", "спроби захопити Москву": an attempted attack is
                # the attack (CAMEO codes the act, not its outcome)
                return "asserted"
            if in_clause and k < trig.start and low[k] in self.W.purpose_conjunctions and \
                    not head_inf and trig.pos == "VERB" and any(
                        self._infinitive(j) for j in range(k + 1, trig.start)):
                # "Щоб уникнути припливу грошей, адміністрація блокувала": the purpose is
                # the infinitive's clause; the finite verb after it is the main clause's fact
                continue
            if in_clause and cue.scope in ("clause", "sentence"):
                return "hypothetical"
            if in_clause and k < trig.start and (
                    cue.scope == "next" and trig.start - k <= 2
                    or cue.scope == "complement" and trig.start - k <= 4
                    and (self.F.pos[k] != "VERB" or head_inf
                         or self._intent_object(cue.group, k, trig))):
                # "мав намір укласти" is hypothetical, "мав бесіду" is not
                return "hypothetical"
            # "Ця угода передбачала, що Чехословаччина ... звільнить": the cue
            # governs the clause that follows it
            if not in_clause and k < trig.start and cue.scope in ("sentence", "complement") \
                    and self.F.pos[k] == "VERB" and low[lo] in self.W.complementizers \
                    and k < lo:
                return "hypothetical"
        if head_inf and any(
                low[k] in self.W.factive or lem[k] in self.W.factive or self._aspect_fact(doc, k)
                for k in range(max(lo, head - 3), head)):
            # "змушена була віддати", "вдалося укласти", "почали пустошити": it happened
            return "asserted"
        if "VerbForm=Inf" in morph or "Tense=Fut" in morph:
            return "hypothetical"
        return "asserted"

    def _negated_after(self, trig: _Trigger, hi: int) -> bool:
        """Is the trigger negated by a verb after it: a noun whose governing verb follows it
        negated, with only the noun's complements between ("участі в нараді не взяла"), or an
        impersonal passive with a negated copula (``copulas``: "підписано не було")?"""
        F = self.F
        neg = self.W.negation
        if trig.pos == "VERB":
            k = trig.end
            return k + 1 < hi and F.lower[k] in neg and self._reads_as(k + 1, self.W.copulas)
        for k in range(trig.end, min(hi - 1, trig.end + 5)):
            if F.pos[k] in ("VERB", "AUX") or F.text[k] in (",", ";"):
                return False
            if F.lower[k] in neg:
                return F.pos[k + 1] in ("VERB", "AUX")
        return False

    def _in_exchange(self, trig: _Trigger, lo: int) -> bool:
        """Is the trigger named after an exchange phrase (``exchange_phrases``: "в обмін на")
        in its clause, with only its noun phrase (coordinated nouns too) between?"""
        F = self.F
        k = trig.start - 1
        while k >= lo and trig.start - k <= 8:
            w = F.lower[k]
            for words in self.W.exchange:
                n = len(words)
                if k - n + 1 >= lo and tuple(F.lower[k - n + 1:k + 1]) == words:
                    return True
            if w in (",", ";") or w in HARD_BOUNDARIES or F.pos[k] in ("VERB", "AUX"):
                return False
            k -= 1
        return False

    def _aspect_fact(self, doc: Doc, k: int) -> bool:
        """An aspectual verb in a finite past or present form ("почали", "продовжували")
        over an infinitive: the act began or went on."""
        if self.F.lemma[k] not in self.W.aspect_verbs or self.F.pos[k] != "VERB":
            return False
        morph = str(doc[k].morph)
        return "VerbForm=Inf" not in morph and "Tense=Fut" not in morph

    def _can_be(self, m: Span, cases: set[str]) -> bool:
        """Can the mention's head be read in one of the UD cases (any pymorphy3 reading)?"""
        want = {UD_TO_PYMORPHY[c] for c in cases if c in UD_TO_PYMORPHY}
        head = self._head(m).i
        return not self.F.tags[head] or any(w in t for t in self.F.tags[head] for w in want)

    def _attribution(self, clause: tuple[int, int], trig: _Trigger) -> bool:
        """Does the statement's clause open with an anaphoric "about this" before the verb
        ("Про це повідомив президент", "Про це йдеться у заяві"): the text names its source?"""
        low = self.F.lower
        for words in self.W.attribution:
            n = len(words)
            for k in range(clause[0], trig.start - n + 1):
                if tuple(low[k:k + n]) == words:
                    return True
        return False

    def _two_parties(self, story: list[Event], entities: dict,  # type: ignore[type-arg]
                     tgt: list[str]) -> tuple[list[str], list[str]]:
        """"Обидві держави", "сторони": the two polities or bodies the story was last about
        (persons stand for them through their affiliation), the latest first."""
        def polities(ev: Event) -> list[str]:
            return [e for e in ev.source + ev.target
                    if e in entities and entities[e].type in ("GPE", "ORG")]

        if len(polities(story[-1])) >= 2:
            # "сторони підписали": the parties of the story's last event, all of them
            src = list(story[-1].source)
            return src, [t for t in story[-1].target + tgt if t not in src]
        found: list[str] = []
        for ev in reversed(story[-6:]):
            for eid in ev.source + ev.target:
                ent = entities.get(eid)
                if eid in found or ent is None or ent.type not in ("GPE", "ORG") or \
                        self._is_town(eid) and ent.type == "GPE":
                    continue
                found.append(eid)
            if len(found) >= 2:
                break
        if len(found) < 2:
            src = list(story[-1].source)
            return src, [t for t in story[-1].target + tgt if t not in src]
        return found[:1], [t for t in found[1:2] + tgt if t != found[0]]

    def _coordinated_dates(self, date_t: Timex | None, clause: tuple[int, int],
                           sent_timexes: list[Span]) -> list[Timex]:
        """Dates coordinated with the event's own date in its clause ("12.10.1920 та
        18.03.1921"): the same event happened on each."""
        if date_t is None:
            return []
        lo, hi = clause
        spans = sorted((t for t in sent_timexes if lo <= t.start < hi), key=lambda t: t.start)
        out: list[Timex] = []
        prev = next((t for t in spans if t._.timex is date_t), None)
        if prev is None:
            return []
        for t in spans:
            if t.start < prev.end:
                continue
            between = range(prev.end, t.start)
            if not between or not all(self.F.lower[k] in self.W.coord for k in between):
                break
            if t._.timex.value != date_t.value and t._.timex.value not in {
                    x.value for x in out}:
                out.append(t._.timex)
            prev = t
        return out

    def _dative_experiencer(self, doc: Doc, clause: tuple[int, int], trig: _Trigger,
                            sent_mentions: list[Span]) -> list[str]:
        """Datives before an impersonal factive verb ("вдалося", "довелося") that governs
        the trigger: the ones who acted."""
        F = self.F
        gov = next((k for k in range(max(clause[0], trig.start - 3), trig.start)
                    if F.lemma[k] in self.W.factive or F.lower[k] in self.W.factive), None)
        if gov is None:
            return []
        return [m._.entity_id for m in sent_mentions
                if clause[0] <= m.start < gov and self._slot(doc, m) == (None, "Dat")]

    def _embedded(self, sent: Span, k: int, own_lo: int) -> bool:
        """Is token k in a clause (not the trigger's own) opened by an embedding word?"""
        lo = self._clause(sent, k)[0]
        return lo != own_lo and self.F.lower[lo] in self.W.embedders

    def _promised(self, neg: int, lo: int) -> bool:
        """Does a verb of promising or intending govern the negated word at ``neg``
        ("зобов'язалася не підтримувати", "обіцяв не нападати")?"""
        k = neg - 1
        if k < lo:
            return False
        cue = self.modality.hypothetical.get(self.F.lower[k]) or \
            self.modality.hypothetical.get(self.F.lemma[k])
        return cue is not None and cue.group == "intent_verbs" and self.F.pos[k] == "VERB"

    def _intent_object(self, group: str, k: int, trig: _Trigger) -> bool:
        """Is the noun trigger the object of a verb of intending or scheduling at ``k``
        ("планувала наступ", "призначив наступ"), with only modifiers between?"""
        if group != "intent_verbs" or trig.pos != "NOUN" or self.triggers.lookup(self.F.lemma[k]):
            return False  # "вимагало гарантій": the demand itself is the event
        return all(self.F.pos[j] in ("ADJ", "DET") for j in range(k + 1, trig.start))

    def _aspect_after(self, trig: _Trigger, hi: int) -> bool:
        """Is a fronted noun the object of an aspectual verb after it, with only its
        complement and the subject between ("Облогу Полтави шведські війська почали")?"""
        F = self.F
        for k in range(trig.end, min(hi, trig.end + 6)):
            if F.lemma[k] in self.W.aspect_verbs and F.pos[k] == "VERB":
                return True
            if F.pos[k] not in ("NOUN", "PROPN", "ADJ", "DET") and k not in self.mention_tokens:
                return False
        return False

    def _gen_after(self, m: Span, trig: _Trigger) -> bool:
        """Is a mention the genitive right after the noun trigger ("облогу Полтави"), whatever
        case pymorphy3 guessed first?"""
        return m.start == trig.end and any("gent" in t for t in self.F.tags[self._head(m).i])

    def _thing_subject(self, doc: Doc, trig: _Trigger, lo: int, inside: list[Span]) -> bool:
        """Is the subject of the aspectual verb before a noun trigger a thing: a document
        mention or a common noun in the nominative that names no actor ("Договір завершив
        війну X з Y", "Мир закінчив війну")? The nearest nominative before the verb decides."""
        verb = self._aspect_verb(trig)
        if verb is None:
            return False
        starts = {m.start: m for m in inside}
        F = self.F
        k = verb - 1
        while k >= lo:
            m = starts.get(k)
            if m is None:
                m = next((x for x in inside if x.start <= k < x.end), None)
            if m is not None:
                if self._slot(doc, m) in ((None, "Nom"), (None, None)):
                    return m.label_ == "DOC"
                k = m.start - 1
                continue
            if F.text[k] in CLAUSE_MARKS:
                return False
            if F.pos[k] == "NOUN" and F.case[k] == "Nom" and k not in self.mention_tokens \
                    and not self._verb_object(k, lo):
                return True
            k -= 1
        return False

    def _verb_object(self, k: int, lo: int) -> bool:
        """Is the noun ``k`` the object of a verb right before it (adjectives between): "X
        підпалив табір і почав відступ" ("табір" looks nominative, but is no subject)?"""
        F = self.F
        j = k - 1
        while j >= lo and F.pos[j] in ("ADJ", "DET"):
            j -= 1
        return j >= lo and F.pos[j] == "VERB"

    def _aspect_verb(self, trig: _Trigger) -> int | None:
        """The aspectual verb whose object a noun trigger is ("почати наступ"), if any."""
        if trig.pos != "NOUN":
            return None
        F = self.F
        for k in range(trig.start - 1, max(trig.start - 4, -1), -1):
            if F.lemma[k] in self.W.aspect_verbs:
                return k
            if F.pos[k] not in ("ADJ", "DET", "ADV"):
                return None
        return None

    def _nearer_other(self, t: Span, trig: _Trigger, clause: tuple[int, int]) -> bool:
        """Is the date ``t`` nearer another trigger of the clause than ``trig``?"""
        def gap(o: _Trigger) -> int:
            return max(o.start - t.end, t.start - o.end, 0)
        own = gap(trig)
        return any(o.head != trig.head and o.pos == "VERB" and clause[0] <= o.head < clause[1]
                   and gap(o) < own
                   for o in self._sent_triggers)

    def _since_phrase_end(self, k: int) -> int | None:
        """The token after a phrase of "since" (``since_phrases``: "з дня", "від дня")
        that starts at token ``k``, or None."""
        low = self.F.lower
        for phrase in self.W.since:
            if tuple(low[k:k + len(phrase)]) == phrase:
                return k + len(phrase)
        return None

    def _counted_back(self, trig: _Trigger, spans: list[tuple[Span, int, int]] | tuple[()],
                      sent_timexes: list[Span], date_t: Timex | None) -> Timex | None:
        """The date of an event an anniversary counts back to ("23 серпня 2019 р. минуло
        80 років з дня підписання договору": 1939-08-23): the sentence's date before the
        span of years, that many years earlier; else ``date_t`` unchanged."""
        for span, years, after in spans:
            if not after <= trig.start <= after + SINCE_REACH:
                continue
            base = max((t for t in sent_timexes if t.end <= span.start),
                       key=lambda t: t.start, default=None)
            shifted = None if base is None else _years_earlier(base._.timex, years)
            return shifted if shifted is not None else date_t
        return date_t

    def _when_antecedent(self, sent: Span, lo: int, sent_timexes: list[Span]) -> Span | None:
        """The date a clause opened by a word of "when" (``when_words``) at token ``lo``
        follows right after its comma ("у 1711 році, коли …"), or None."""
        if lo - 1 <= sent.start or self.F.lower[lo] not in self.W.when_words or \
                self.F.text[lo - 1] != ",":
            return None
        return next((t for t in sent_timexes if t.end == lo - 1), None)

    def _date(self, doc: Doc, sent: Span, trig: _Trigger, clause: tuple[int, int],
              sent_timexes: list[Span],
              narrative: Timex | None) -> tuple[Timex | None, str | None]:
        lo, hi = clause
        in_clause = [t for t in sent_timexes if lo <= t.start < hi]
        if not in_clause:
            # "… до 1711 року, коли Туреччина оголошує війну": the date "коли" hangs off
            antecedent = self._when_antecedent(sent, lo, sent_timexes)
            if antecedent is not None:
                return antecedent._.timex, "text"
        # a date inside another clause that a relative word or a complementizer opens ("…,
        # який був підписаний у 1918 р.") dates that clause's happening, not this one
        pool = in_clause or [t for t in sent_timexes if not self._embedded(sent, t.start, lo)
                             and not (narrative is not None and t.start >= hi
                                      and self._own_verb(sent, t.start, trig))]
        if pool:
            # a date in brackets is an aside ("перемир'я (до червня 1680)"): the last choice;
            # a date nearer another trigger of the clause is that one's ("Польща, що уклала
            # пакт у 1934 році, і Британія, яка підписала декларацію у 1938 році")
            best = min(pool, key=lambda t: (self._in_parentheses(doc, sent, t.start),
                                            self._nearer_other(t, trig, clause),
                                            t.start > trig.start, abs(t.start - trig.start)))
            return best._.timex, "text"
        if narrative is not None:
            return narrative, "narrative"
        return None, None
