"""Events: roles from case and preposition, mode, date, affiliation."""

from __future__ import annotations

import pytest

import litopys


def _events(text: str):  # type: ignore[no-untyped-def]
    ch = litopys.extract(text)
    return ch, ch.events


def _one_trigger(evs, trigger: str):  # type: ignore[no-untyped-def]
    """The event whose trigger is written so."""
    return next(e for e in evs if e.trigger == trigger)


def test_events_meeting_with_partner_in_instrumental() -> None:
    ch, evs = _events("У жовтні 1935 р. відбулася зустріч радянського повпреда "
                      "Д. В. Богомолова з Чан Кайши.")
    ev = next(e for e in evs if e.cameo.startswith("04"))
    assert "bogomolov" in ev.source and "ussr" in ev.source
    assert "chiang_kai_shek" in ev.target
    assert ev.date == "1935-10" and ev.date_source == "text" and ev.mode == "asserted"


def test_events_passive_agent_in_instrumental() -> None:
    ch, evs = _events("Це питання обговорювалося 11 березня 1937 р. наркомом закордонних "
                      "справ СРСР М. М. Литвиновим з послом Китаю Цзян Тінфу.")
    ev = _one_trigger(evs, "обговорювалося")
    assert ev.source[0] == "litvinov" and "ussr" in ev.source
    assert any("цзян" in t for t in ev.target)
    assert ev.date == "1937-03-11"


@pytest.mark.parametrize("text,mode", [
    ("У 1936 р. СРСР не підписав пакт з Китаєм.", "negated"),
    ("У 1936 р. СРСР відмовився підписати пакт з Китаєм.", "asserted"),  # the refusal itself
    ("У 1936 р. СРСР планував підписати пакт з Китаєм.", "hypothetical"),  # not signed
    ("Китай сподівався, що СРСР підпише пакт з Китаєм.", "hypothetical"),
    ("Якби Японія напала на СРСР, Китай підтримав би СРСР.", "hypothetical"),
])
def test_events_mode(text: str, mode: str) -> None:
    _, evs = _events(text)
    assert evs, text
    assert evs[0].mode == mode or any(e.mode == mode for e in evs), [
        (e.trigger, e.mode) for e in evs]


def test_events_refusal_is_a_refusal() -> None:
    _, evs = _events("У 1936 р. СРСР відмовився підписати пакт з Китаєм.")
    assert evs[0].cameo.startswith("12")


def test_events_narrative_date() -> None:
    _, evs = _events("12 грудня 1932 р. СРСР і Китай відновили дипломатичні відносини. "
                     "Радянський уряд підкреслив значення цього кроку.")
    second = [e for e in evs if e.trigger.startswith("підкреслив")][0]
    assert second.date == "1932-12-12" and second.date_source == "narrative"


def test_events_declare_war_with_target_between() -> None:
    _, evs = _events("3 вересня 1939 р. Велика Британія оголосила Німеччині війну.")
    ev = evs[0]
    assert ev.cameo.startswith("19") and "gbr" in ev.source and "deu" in ev.target


def test_events_no_event_without_actors() -> None:
    _, evs = _events("Погода того літа була спекотна, і врожай виявився добрим.")
    assert evs == []


def test_events_offsets_point_into_original() -> None:
    text = "Ще 12 грудня 1932р. СРСР підписав угоду з Китаєм."
    ch = litopys.extract(text)
    for ev in ch.events:
        assert text[ev.start:ev.end] == ev.trigger
        assert text[ev.evidence_start:ev.evidence_end].strip() == ev.evidence


@pytest.mark.parametrize("text,location,parties", [
    ("18 березня 1921 року в Ризі Польща підписала мирний договір з РСФРР.",
     "riga", {"pol", "soviet_russia"}),
    ("Угоду між Росією і Польщею підписали 30 січня 1667 року в с. Андрусово.",
     None, {"tsardom_of_muscovy"}),  # "Росія" in 1667 is Muscovy (time-aware linking)
])
def test_events_place_is_location_not_party(text: str, location: str | None,
                                            parties: set[str]) -> None:
    _, evs = _events(text)
    ev = next(e for e in evs if e.cameo.startswith("05"))
    assert parties <= set(ev.source + ev.target)
    assert ev.location is not None and ev.location not in ev.source + ev.target
    if location:
        assert ev.location == location


def test_events_capital_as_government_stays_a_party() -> None:
    _, evs = _events("Литвинов просунув ідею в Лондоні і Вашингтоні.")
    assert "london" in evs[0].target and evs[0].location is None


def _one(evs, root: str):  # type: ignore[no-untyped-def]
    found = [e for e in evs if e.cameo.startswith(root)]
    assert found, [(e.trigger, e.cameo) for e in evs]
    return found[0]


@pytest.mark.parametrize("text,root,source,target", [
    # "між X і Y" gives both sides, of a verb and of a treaty noun
    ("Угоду між Польщею і Литвою підписали в 1920 році.", "05", "pol", "ltu"),
    ("У 1774 році договір між Росією і Туреччиною поклав край війні.", "05",
     "russian_empire", "tur"),
    # "сторони": the parties of the story's last event
    ("У 1667 році Московія уклала перемир'я з Польщею. Сторони підписали додатковий протокол.",
     "05", "tsardom_of_muscovy", "pol"),
    # a directed event with no target in its sentence: the other side of the story
    ("У 1709 році Росія воювала зі Швецією. Шведи почали наступ.", "19", "swe",
     "tsardom_of_muscovy"),
    # verb + object frames
    ("Президент України підписав заявку на членство в ЄС.", "02", "ukr", "eu"),
])
def test_events_parties_from_construction_and_story(text: str, root: str, source: str,
                                                    target: str) -> None:
    _, evs = _events(text)
    ev = _one(evs[1:] if text.count(".") > 1 else evs, root)
    assert source in ev.source and target in ev.target, (ev.source, ev.target)


@pytest.mark.parametrize("text", [
    "Варшавський договір передбачав спільну боротьбу.",  # a document's name, not its signing
    "Сторони підписали протокол.",  # whose sides? the text has not said: no event
])
def test_events_no_event_without_parties(text: str) -> None:
    _, evs = _events(text)
    assert not [e for e in evs if e.cameo.startswith("05")], [(e.trigger, e.source) for e in evs]


def test_events_unnamed_group_is_not_the_last_actor() -> None:
    _, evs = _events("У 2022 році Україна подала заявку до ЄС. "
                     "Першими підтримку висловили сусідні країни.")
    assert [e.trigger for e in evs] == ["подала заявку"]


def test_events_renounce_when_from_comes_first() -> None:
    _, evs = _events("Пілсудський відмовився від намірів розширити територію Польщі.")
    assert evs[0].cameo.startswith("08")


@pytest.mark.parametrize("sep,later,date", [
    (" ", " У 1937 р. СРСР підписав пакт з Китаєм.", "1932-12-12"),  # one paragraph
    ("\n\n", "", "1932-12-12"),  # an excerpt with no date of its own goes on in the old time
    ("\n\n", " У 1937 р. СРСР підписав пакт з Китаєм.", None),  # one that opens a new time
])
def test_events_blank_line_and_a_new_time(sep: str, later: str, date: str | None) -> None:
    _, evs = _events(f"12 грудня 1932 р. СРСР і Китай відновили відносини.{sep}"
                     f"Радянський уряд підкреслив значення цього кроку.{later}")
    second = [e for e in evs if e.trigger.startswith("підкреслив")][0]
    assert second.date == date


def test_events_stage_code_has_no_ukrainian_words() -> None:
    """Issue 12.1: the words live in litopys/lang/<lang>/events.yaml; the stage code holds
    none outside comments and docstrings."""
    import io
    import re
    import tokenize
    from pathlib import Path

    import litopys.pipeline.events as stage

    source = Path(stage.__file__).read_text(encoding="utf-8")
    words = []
    prev = None
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        docstring = tok.type == tokenize.STRING and prev in (tokenize.INDENT, tokenize.NEWLINE,
                                                             tokenize.NL, None)
        if tok.type == tokenize.STRING and not docstring and re.search("[а-яіїєґ]", tok.string,
                                                                        re.I):
            words.append((tok.start[0], tok.string))
        if tok.type not in (tokenize.COMMENT,):
            prev = tok.type
    assert words == []


@pytest.mark.parametrize("key", ["subordinators", "place_prepositions", "party_nouns",
                                 "aspect_verbs", "word_variants"])
def test_events_words_come_from_the_language_folder(key: str) -> None:
    from litopys.lang import load
    from litopys.pipeline.events import event_words

    assert load("events", "uk")[key]
    assert event_words("uk").subordinators


@pytest.mark.parametrize("pronoun,source", [("Вона", "pol"), ("Він", "pilsudski")])
def test_events_pronoun_takes_the_subject_of_its_gender(pronoun: str, source: str) -> None:
    _, evs = _events("У 1920 році Польща підписала договір з УНР. Пілсудський прибув до Києва. "
                     f"{pronoun} оголосила війну Росії." if pronoun == "Вона" else
                     "У 1920 році Пілсудський підписав договір з УНР. Польща вимагала Києва. "
                     f"{pronoun} оголосив війну Росії.")
    ev = _one(evs, "19")
    assert ev.source[0] == source, ev.source


def test_events_unlisted_verb_between_two_actors_is_an_event_of_guessed_type() -> None:
    # "перехитрив" is in no lexicon row: an event between the subject and its object, its
    # type guessed (the most frequent root) and said so, with a neutral Goldstein weight
    _, evs = _events("У 1921 р. Польща перехитрила Литву.")
    ev = _one_trigger(evs, "перехитрила")
    assert ev.source == ["pol"] and "ltu" in ev.target
    assert ev.cameo == "050" and "type guessed" in ev.cameo_label and ev.goldstein == 0.0
    assert ev.date == "1921"


def test_events_unlisted_verb_with_armies_in_its_clause_is_fighting() -> None:
    _, evs = _events("У 1920 р. польські війська потіснили Червону армію під Києвом.")
    assert any(e.trigger == "потіснили" and e.cameo == "190" for e in evs)


@pytest.mark.parametrize("text", [
    "У 1921 р. Польща була союзником Франції.",            # a copula: no act
    "У 1921 р. Литва обмежувалася Віленським краєм.",      # a verb of being, a place
    "Польща перехитрила Вільно.",                          # a town is no party
    "Перехитрила Литву.",                                  # no subject named
])
def test_events_unlisted_verb_needs_a_subject_and_a_party(text: str) -> None:
    _, evs = _events(text)
    assert not any("type guessed" in e.cameo_label for e in evs)


def test_events_unlisted_verb_yields_to_a_known_trigger_of_its_clause() -> None:
    # "поспішила підписати": the known trigger codes the clause, the unlisted verb adds none
    _, evs = _events("У 1921 р. Польща поспішила підписати договір з Литвою.")
    assert evs and not any("type guessed" in e.cameo_label for e in evs)


def test_events_year_of_a_meeting_after_during_dates_the_clause() -> None:
    # "під час Женевської конференції 1954 року": the year dates the proposal; after another
    # noun ("кордонів 1772 року") a year names a thing
    _, evs = _events("Під час Женевської конференції 1954 року Китай запропонував Франції "
                     "перемир'я.")
    assert _one_trigger(evs, "запропонував").date == "1954"


def test_events_abbreviated_state_adjectives_are_both_parties() -> None:
    # "Рос. та Осман. імперій": the abbreviation has no case of its own ("Осман" alone
    # reads as a nominative): both empires are the genitive parties of the talks
    _, evs = _events("Переговори Рос. та Осман. імперій розпочалися у квітні 1772 р.")
    ev = _one_trigger(evs, "Переговори")
    assert {"russian_empire", "ottoman_empire"} <= set(ev.source + ev.target)


@pytest.mark.parametrize("text", [
    "Бухарестський мирний договір закінчив війну Росії з Туреччиною.",
    "Мир завершив війну Росії з Туреччиною.",
    "Перемир'я завершило війну Росії з Туреччиною.",
])
def test_events_war_ended_by_a_thing_keeps_its_own_parties(text: str) -> None:
    # a document, a truce or the peace ends the war: it is not the aspectual verb's actor,
    # and the war's parties are its own genitive and "з" partner
    _, evs = _events(text)
    ev = next(e for e in evs if e.cameo.startswith("19"))
    assert ev.source == ["rus"] and ev.target == ["tur"]


def test_events_signing_verb_before_a_compound_named_treaty() -> None:
    # "підписано радянсько-німецький договір": the compound after the verb names the sides,
    # as it does before it ("радянсько-німецький договір був підписаний")
    _, evs = _events("23 серпня 1939 року було підписано радянсько-німецький договір про ненапад.")
    ev = _one_trigger(evs, "підписано")
    assert ev.cameo == "057" and {"ussr", "deu"} == set(ev.source + ev.target)


@pytest.mark.parametrize(("text", "trigger", "root"), [
    ("Козаки оволоділи Києвом.", "оволоділи", "19"),
    ("Польща порвала відносини з Литвою.", "порвала", "16"),
    ("У 1654 році Богдан Хмельницький порадився з Іваном Виговським.", "порадився", "04"),
])
def test_events_general_political_verbs(text: str, trigger: str, root: str) -> None:
    # general vocabulary of the CAMEO roots, not taken from any gold (session 14)
    _, evs = _events(text)
    assert _one_trigger(evs, trigger).cameo.startswith(root)


def test_events_a_town_after_a_verb_of_taking_is_what_was_taken() -> None:
    # "поляки захопили Київ" with no named subject: the capital after the verb is the object,
    # never the one who took it
    _, evs = _events("Того року поляки захопили Київ.")
    assert not any("kyiv" in e.source for e in evs)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Раніше у РФ заявили про припинення участі в угоді.", "rus"),
    ("В Офісі президента України повідомили про нові санкції проти Росії.",
     "office_of_president_ukr"),
])
def test_events_body_named_with_u_speaks_for_an_impersonal_plural(text: str, speaker: str) -> None:
    # "у РФ заявили": with no subject, the state or body named with "у/в" before a plural
    # verb of saying is who speaks (the shared gold's reading)
    _, evs = _events(text)
    assert any(speaker in e.source for e in evs)


@pytest.mark.parametrize("text", ["У 1999 році Польща вступила до НАТО.",
                                  "У 1934 році СРСР вступив у Лігу Націй."])
def test_events_entering_a_body_is_joining_it(text: str) -> None:
    # "вступити" with a body's name after "до/в" joins it (057), it does not occupy it (192)
    _, evs = _events(text)
    assert [e.cameo for e in evs] == ["057"]


def test_events_a_meeting_named_with_na_decides_when_no_subject() -> None:
    # "На Ялтинській конференції було підписано угоду": the conference is who acts (the
    # shared gold's "На К. к. была достигнута договоренность" -> the conference)
    _, evs = _events("У лютому 1945 року відбулася Ялтинська конференція. На Ялтинській "
                     "конференції було підписано угоду про Польщу.")
    ev = _one_trigger(evs, "підписано угоду")
    assert ev.source == ["yalta_conference"]
