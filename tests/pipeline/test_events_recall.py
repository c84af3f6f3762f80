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
