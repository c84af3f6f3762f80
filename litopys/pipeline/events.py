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

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from litopys.model import Event, Timex
from litopys.pipeline import extensions  # noqa: F401

ACTOR_TYPES = ("PERSON", "GPE", "ORG")
SUBORDINATORS = {"що", "який", "яка", "яке", "які", "якого", "якій", "яким", "якому", "якої",
                 "щоб", "коли", "де", "але", "проте", "хоча", "бо", "оскільки", "тому",
                 "однак", "зате", "а"}
HARD_BOUNDARIES = {";", ":", "(", ")", "«", "»", "\"", "“", "”", "—"}
PRONOUNS = {"він", "вона", "вони", "воно"}
PLACE_PREPS = {"в", "у", "на", "при", "біля", "поблизу"}


def lexicon():  # type: ignore[no-untyped-def]
    from litopys.data import lexicon as lx

    return lx


@dataclass
class _Trigger:
    start: int          # token index
    end: int            # token index (exclusive)
    head: int           # token index of the word that carries the frame
    cameo: str
    frame: str
    pos: str


def token_case(tok: Token) -> str | None:
    c = tok.morph.get("Case")
    return c[0] if c else None


class EventExtractor:
    """Extract coded events (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "litopys_events") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        lx = lexicon()
        self.triggers = lx.load_triggers()
        self.cameo = lx.load_cameo()
        self.modality = lx.load_modality()
        entities = doc._.entities or {}
        mentions = [m for m in doc.spans.get("mentions", []) if m.label_ in ACTOR_TYPES
                    and m._.entity_id]
        timexes = list(doc.spans.get("timex", []))
        events: list[Event] = []
        trigger_spans: list[Span] = []
        last_subject: list[str] = []
        narrative: Timex | None = None
        last_para = 0
        for sent in doc.sents:
            para = doc.text.count("\n\n", 0, sent.start_char)
            if para != last_para:
                narrative, last_para = None, para
            sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
            sent_timexes = [t for t in timexes if sent.start <= t.start < sent.end
                            and t._.timex.value and not t._.timex.value.startswith("P")]
            found = self._find_triggers(sent)
            for trig in found:
                clause = self._clause(sent, trig.head)
                src, tgt = self._roles(doc, trig, clause, sent, sent_mentions)
                if not src and not tgt:
                    continue
                if not src and self._pronoun_subject(doc, clause) and last_subject:
                    src = list(last_subject)
                src = self._with_affiliations(src, entities)
                tgt = [t for t in self._with_affiliations(tgt, entities) if t not in src]
                if not src and not tgt:
                    continue
                mode = self._mode(doc, trig, clause)
                date_t, source = self._date(trig, clause, sent_timexes, narrative)
                code = self.cameo.get(trig.cameo)
                root = trig.cameo[:2]
                root_row = self.cameo.get(root)
                span = Span(doc, trig.start, trig.end, label=root)
                eid = f"e{len(events) + 1}"
                span._.event_id = eid
                trigger_spans.append(span)
                events.append(Event(
                    id=eid,
                    cameo=trig.cameo,
                    cameo_label=(code.label if code else (root_row.label if root_row else "")),
                    goldstein=float(code.goldstein if code else
                                    (root_row.goldstein if root_row else 0.0)),
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
                ))
            subj = [m._.entity_id for m in sent_mentions if self._is_subject(doc, m)]
            if subj:
                last_subject = subj[:2]
            if sent_timexes:
                narrative = sent_timexes[-1]._.timex
        doc._.events = events
        doc.spans["events"] = trigger_spans
        return doc

    # -- triggers ----------------------------------------------------------
    def _find_triggers(self, sent: Span) -> list[_Trigger]:
        lex = self.triggers
        out: list[_Trigger] = []
        used: set[int] = set()
        toks = list(sent)
        # light-verb phrases first ("вести переговори", "оголосити війну")
        lemmas = [t.lemma_ for t in toks]
        for i in range(len(toks)):
            if toks[i].i in used:
                continue
            for phrase, stop in lex.match_phrases(lemmas, i):
                if any(toks[j].i in used for j in range(i, stop)):
                    continue
                for j in range(i, stop):
                    used.add(toks[j].i)
                head = next((toks[j].i for j in range(i, stop)
                             if toks[j].pos_ == "VERB"), toks[i].i)
                out.append(_Trigger(toks[i].i, toks[stop - 1].i + 1, head, phrase.cameo,
                                    phrase.frame, "VERB" if toks[i].pos_ == "VERB" else "NOUN"))
                break
        verbs: list[_Trigger] = []
        nouns: list[_Trigger] = []
        for tok in toks:
            if tok.i in used or not tok.is_alpha:
                continue
            hits = lex.lookup_form(tok.lower_) or []
            if not hits:
                for lemma in tok._.lemmas or (tok.lemma_,):
                    hits = lex.lookup(lemma)
                    if hits:
                        break
            if not hits:
                continue
            pos = "VERB" if tok.pos_ in ("VERB", "ADJ") and hits[0].pos == "VERB" else hits[0].pos
            if pos == "VERB" and tok.pos_ == "NOUN" and any(h.pos == "NOUN" for h in hits):
                pos = "NOUN"
            hit = next((h for h in hits if h.pos == pos), hits[0])
            trig = _Trigger(tok.i, tok.i + 1, tok.i, hit.cameo, hit.frame, hit.pos)
            (verbs if hit.pos == "VERB" else nouns).append(trig)
        out.extend(verbs)
        # a noun trigger stands for its own event only when no verb trigger
        # in the sentence governs it ("в бесіді з ... передав прохання")
        for n in nouns:
            if not any(abs(v.head - n.head) <= 4 for v in out):
                out.append(n)
        out.sort(key=lambda t: t.start)
        return out

    # -- clauses and roles -------------------------------------------------
    @staticmethod
    def _clause(sent: Span, head: int) -> tuple[int, int]:
        doc = sent.doc
        lo = head
        while lo > sent.start:
            prev = doc[lo - 1]
            if prev.text in HARD_BOUNDARIES:
                break
            if prev.text == "," and doc[lo].lower_ in SUBORDINATORS:
                break
            lo -= 1
        hi = head + 1
        while hi < sent.end:
            tok = doc[hi]
            if tok.text in HARD_BOUNDARIES:
                break
            if tok.text == "," and hi + 1 < sent.end and doc[hi + 1].lower_ in SUBORDINATORS:
                break
            hi += 1
        return lo, hi

    @staticmethod
    def _head(m: Span) -> Token:
        for t in m:
            if t.pos_ in ("NOUN", "PROPN") and token_case(t):
                return t
        return m[-1]

    def _prep(self, doc: Doc, m: Span) -> str | None:
        k = m.start - 1
        while k >= 0 and doc[k].pos_ == "ADJ":
            k -= 1
        if k >= 0 and doc[k].pos_ == "ADP":
            return doc[k].lower_
        return None

    def _is_subject(self, doc: Doc, m: Span) -> bool:
        return token_case(self._head(m)) == "Nom" and self._prep(doc, m) is None

    def _roles(self, doc: Doc, trig: _Trigger, clause: tuple[int, int], sent: Span,
               sent_mentions: list[Span]) -> tuple[list[str], list[str]]:
        lo, hi = clause
        inside = [m for m in sent_mentions if lo <= m.start < hi and
                  not (trig.start <= m.start < trig.end)]
        src: list[str] = []
        tgt: list[str] = []
        head_tok = doc[trig.head]
        passive = (
            "Voice=Pass" in str(head_tok.morph)
            or head_tok.lower_.endswith(("ся", "сь", "но", "то"))
            and token_case(head_tok) is None and trig.pos == "VERB"
            and head_tok.lower_.endswith(("лося", "лася", "вся", "но", "то"))
        )
        for m in inside:
            eid = m._.entity_id
            head = self._head(m)
            case = token_case(head)
            prep = self._prep(doc, m)
            if prep in PLACE_PREPS and case in ("Loc", None):
                continue
            if prep in ("в", "у") and m.label_ == "GPE" and trig.frame not in (
                    "visit", "enter", "invade", "attack", "offensive"):
                continue
            if trig.pos == "NOUN":
                if prep is None and case == "Gen" and m.start > trig.start and \
                        m.start - trig.end <= 6:
                    side = src
                elif prep is None and case == "Nom":
                    side = src
                else:
                    side = tgt
            elif prep is None and case == "Nom":
                side = src
            elif prep is None and case == "Ins" and passive:
                side = src
            elif prep == "з" and case == "Gen":  # "з боку X"
                side = src
            else:
                side = tgt
            if eid not in side and eid not in (src if side is tgt else tgt):
                side.append(eid)
        if not src and trig.pos == "VERB":
            # a subject outside the clause (gerund or participle clauses, lists)
            for m in sent_mentions:
                if m.start < lo and self._is_subject(doc, m):
                    src.append(m._.entity_id)
                    break
        return src, tgt

    @staticmethod
    def _pronoun_subject(doc: Doc, clause: tuple[int, int]) -> bool:
        lo, hi = clause
        return any(doc[k].lower_ in PRONOUNS for k in range(lo, hi))

    @staticmethod
    def _with_affiliations(ids: list[str], entities: dict) -> list[str]:  # type: ignore[type-arg]
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
        lo, _ = clause
        mod = self.modality
        head = doc[trig.head]
        window = [doc[k] for k in range(max(lo, trig.start - 4), trig.end)]
        if any(t.lower_ in ("не", "ні") or mod.is_negation(t.lower_) and
               mod.negation[t.lower_].scope == "next" for t in window):
            return "negated"
        for t in doc[lo:clause[1]]:
            cue = mod.hypothetical.get(t.lower_) or mod.hypothetical.get(t.lemma_)
            if cue is None:
                continue
            if cue.scope in ("clause", "sentence") or t.i < trig.start:
                return "hypothetical"
        if "VerbForm=Inf" in str(head.morph) or "Tense=Fut" in str(head.morph):
            return "hypothetical"
        return "asserted"

    @staticmethod
    def _date(trig: _Trigger, clause: tuple[int, int], sent_timexes: list[Span],
              narrative: Timex | None) -> tuple[Timex | None, str | None]:
        lo, hi = clause
        in_clause = [t for t in sent_timexes if lo <= t.start < hi]
        pool = in_clause or sent_timexes
        if pool:
            best = min(pool, key=lambda t: (t.start > trig.start, abs(t.start - trig.start)))
            return best._.timex, "text"
        if narrative is not None:
            return narrative, "narrative"
        return None, None
