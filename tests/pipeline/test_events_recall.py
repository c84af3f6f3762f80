"""Events in whole documents, recall (issue 14, session 16): events whose parties are named
but were lost. Sentences are made up for these tests."""

from __future__ import annotations

import litopys


def _names(text: str) -> list[tuple[list[str], list[str], str, str]]:
    ch = litopys.extract(text)
    names = {e.id: e.name for e in ch.entities}
    return [([names[i] for i in e.source], [names[i] for i in e.target], e.cameo, e.trigger)
            for e in ch.events]


def test_a_noun_right_after_a_verb_is_its_object_not_a_subject() -> None:
    # "табір" looks nominative, but it is the object of "підпалити": the second verb of the
    # coordination keeps the first one's subject
    evs = _names("У 1678 році Ібрагім-паша наказав підпалити табір і почав відступ від Чигирина.")
    assert any(src == ["Ібрагім-паша"] and trig.startswith("відступ") for src, _, _, trig in evs), evs


def test_a_verb_with_an_object_and_no_subject_goes_on_with_the_story() -> None:
    # no subject named: the parties the narrative is about took part in it
    evs = _names("У 1702 р. польське військо напало на Молдову. "
                 "Проте всі спроби взяти Сучаву штурмом не давали наслідків.")
    took = [e for e in evs if e[3].startswith("взяти")]
    assert took and "Польща" in took[0][0] and took[0][1] == ["Сучава"], evs


def test_a_statement_with_no_subject_takes_no_speaker_from_the_story() -> None:
    # a statement has its own speaker: the story's parties are not taken for it
    evs = _names("У 1702 р. Польща напала на Молдову. Згодом повідомив Туреччину про напад.")
    assert not any(e[3].startswith("повідомили") for e in evs), evs


def test_verbs_of_siege_and_liberation() -> None:
    # codebook verbs the lexicon lacked (session 16): besieging (191), taking back (192)
    evs = _names("У 1683 р. турецьке військо облягло Відень.\n"
                 "У 1943 р. Червона армія визволила Київ від Німеччини.")
    assert any(t.startswith("облягло") and c == "191" for _, _, c, t in evs), evs
    assert any(t.startswith("визволила") and c[:2] == "19" for _, _, c, t in evs), evs
