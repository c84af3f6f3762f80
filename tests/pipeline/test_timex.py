"""Tests for the time-expression tagger (litopys.pipeline.time)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from litopys.evaluate import locate_gold_timexes
from litopys.pipeline.time.tagger import VALUE_RE, tag

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "eval" / "dev"
SEED = SHARED / "samples" / "seed.txt"

# The seed's gold time expressions (it has no gold file of its own).
SEED_GOLD = [
    ("12 грудня 1932р.", "1932-12-12"),
    ("влітку 1934р.", "1934-SU"),
    ("1927 р.", "1927"),
    ("Жовтень 1935р.", "1935-10"),
    ("7 березня 1933р.", "1933-03-07"),
    ("11 березня 1937р.", "1937-03-11"),
    ("У травні-червні 1937р.", "1937-05/1937-06"),
]

# (text, value of the last expression found); a context sentence before the
# expression sets the narrative reference time where one is needed.
CASES = [
    # full dates
    ("Угоду підписали 12 грудня 1932 р. у Нанкіні.", "1932-12-12"),
    ("Угоду підписали 12 грудня 1932р. у Нанкіні.", "1932-12-12"),
    ("Угоду підписали 12.12.1932 у Нанкіні.", "1932-12-12"),
    ("Угоду підписали 12.12.1932 р.", "1932-12-12"),
    ("Угоду підписали 5 грудня 1994 року в Будапешті.", "1994-12-05"),
    ("Нараду скликали 1 січня 1919 року.", "1919-01-01"),
    ("Це сталося 29 лютого 1932 року.", "1932-02-29"),
    ("Події 1920 р. Наказ видали 12-го грудня.", "1920-12-12"),
    ("Події 1920 р. Наказ видали 24 квітня.", "1920-04-24"),
    ("Договір від 21 квітня 1920 року набрав чинності.", "1920-04-21"),
    ("Договір підписано 21 квітня, 1920 року.", "1920-04-21"),
    # Russian forms left by machine translation
    ("Это случилось 12 декабря 1932 года.", "1932-12-12"),
    ("Угоду підписано 7 марта 1933 г.", "1933-03-07"),
    ("Зустріч відбулася 3 мая 1937 году.", "1937-05-03"),
    ("В сентябре 1938 года был подписан договор.", "1938-09"),
    ("Договор 1932 г. был расторгнут.", "1932"),
    # months and years
    ("Жовтень 1935р. відбулася зустріч.", "1935-10"),
    ("Зустріч відбулася у жовтні 1935 року.", "1935-10"),
    ("Зустріч відбулася у листопаді 1917 р.", "1917-11"),
    ("Зустріч відбулася в лютому 1918 року.", "1918-02"),
    ("Події 1937 року. У травні почалися переговори.", "1937-05"),
    ("Події 1937 року. У середині березня почалися переговори.", "1937-03"),
    # years
    ("Революція 1927 р. змінила все.", "1927"),
    ("Голод 1932 року забрав мільйони.", "1932"),
    ("Це сталося у 1932-му.", "1932"),
    ("Після 1932-го все змінилося.", "1932"),
    ("1920 рік став переломним.", "1920"),
    ("У 1965 році почалися переговори.", "1965"),
    ("У 1965 році, під час конференції", "1965"),
    ("кордони Речі Посполитої 1772 року", "1772"),
    ("Усе змінилося в 1991, коли впав СРСР.", "1991"),
    ("Війська відступили до 1921.", "1921"),
    # ranges
    ("Перемовини 1932–1937 рр. тривали довго.", "1932/1937"),
    ("Перемовини 1932-1937 років тривали довго.", "1932/1937"),
    ("Він жив там з 1932 по 1937 рік.", "1932/1937"),
    ("Він жив там з 1932 до 1937 року.", "1932/1937"),
    ("протягом 1933–1934 років", "1933/1934"),
    ("Це тривало з 1941 по 1945 рр.", "1941/1945"),
    ("У травні-червні 1937р. дипломатія працювала.", "1937-05/1937-06"),
    ("з травня по липень 1937 року", "1937-05/1937-07"),
    ("з 3 по 5 січня 1919 року", "1919-01-03/1919-01-05"),
    ("3 й 4 січня 1919 року", "1919-01-03/1919-01-04"),
    ("3–4 січня 1919 року", "1919-01-03/1919-01-04"),
    ("У ніч із 29 на 30 вересня 1938 року", "1938-09-29/1938-09-30"),
    ("в ніч з 21 на 22 квітня 1920 року", "1920-04-21/1920-04-22"),
    ("з 5 травня до 7 червня 1920 року", "1920-05-05/1920-06-07"),
    ("між 1932 і 1937 роками", "1932/1937"),
    # seasons
    ("Ще влітку 1934р. він домовився.", "1934-SU"),
    ("Восени 1919 року УНР опинилась у скруті.", "1919-FA"),
    ("Навесні 1920 року почався наступ.", "1920-SP"),
    ("Взимку 1919 року армія відступала.", "1919-WI"),
    ("Весной 1920 года начался поход.", "1920-SP"),
    ("Події 1919 року. Восени того ж року уклали угоду.", "1919-FA"),
    ("Події 1919 року. Влітку наступного року уклали угоду.", "1920-SU"),
    ("Події 1919 року. Восени уклали угоду.", "1919-FA"),
    ("Це було літо 1941 року.", "1941-SU"),
    # parts and halves
    ("На початку 1935 р. почалися переговори.", "1935"),
    ("Наприкінці 1930-х років війна наблизилася.", "193X"),
    ("до середини 1960-х років", "196X"),
    ("Це сталося в кінці 1918 року.", "1918"),
    ("у другій половині XIX ст.", "18XX"),
    # decades and centuries
    ("у 30-х роках", "193X"),
    ("у 1960-х роках", "196X"),
    ("у 1930-ті роки", "193X"),
    ("тридцятих років XX ст.", "193X"),
    ("у двадцятих роках ХХ століття", "192X"),
    ("у 90-х роках XIX століття", "189X"),
    ("у XVII столітті", "16XX"),
    ("у ХVІІ столітті", "16XX"),
    ("у XX ст.", "19XX"),
    ("у 20 столітті", "19XX"),
    ("у XVII–XVIII ст.", "16XX/17XX"),
    ("у V ст. до н. е.", "-04XX"),
    ("у 480 р. до н. е.", "-0479"),
    ("у 44 р. до н.е.", "-0043"),
    # durations
    ("Чехословаччина протягом 10 днів звільнить область.", "P10D"),
    ("Переговори тривали протягом двох тижнів.", "P2W"),
    ("Окупація тривала 10 років.", "P10Y"),
    ("Облога тривала три місяці.", "P3M"),
    ("Він був у засланні впродовж п'яти років.", "P5Y"),
    ("Протягом півроку нічого не змінилося.", "P6M"),
    # relative and anaphoric
    ("Переговори почалися 24 квітня 1920 року. Наступного дня розпочався наступ.", "1920-04-25"),
    ("Угоду підписали 24 квітня 1920 року. Того ж дня війська рушили.", "1920-04-24"),
    ("Угоду підписали 24 квітня 1920 року. Напередодні була нарада.", "1920-04-23"),
    ("Угоду підписали 24 квітня 1920 року. Через два тижні війська увійшли в Київ.", "1920-05-08"),
    ("Угоду підписали 24 квітня 1920 року. За місяць до того почалися переговори.", "1920-03"),
    ("Угоду підписали 24 квітня 1920 року. Наступного року все змінилося.", "1921"),
    ("Угоду підписали у 1938 році. Польща заплатить вже за рік.", "1939"),
    ("Угоду підписали 24 квітня 1920 року. В цей час армія відступала.", "1920-04-24"),
    ("Угоду підписали у 1920 році. Того ж року почалася війна.", "1920"),
    ("Угоду підписали 24 квітня 1920 року. Через три дні почався наступ.", "1920-04-27"),
    ("Угоду підписали 24 квітня 1920 року. За два дні до того була нарада.", "1920-04-22"),
    ("Угоду підписали 24 квітня 1920 року. Наступного місяця почався наступ.", "1920-05"),
    ("Угоду підписали 21 квітня 1920 року, а 24 квітня — військову.", "1920-04-24"),
    ("конвенціями від 21 квітня та 24 квітня 1920 року", "1920-04-24"),
    ("Події 1920 року. Третього січня почався наступ.", "1920-01-03"),
    ("Двадцять першого березня 1918 року Рада ухвалила закон.", "1918-03-21"),
    ("альманах «Гроно» (1920) вийшов у Києві", "1920"),
    ("відновлювали у 1994, 1997 і 2005 роках", "2005"),
    ("Події 1937 року. Арешти почалися у лютому.", "1937-02"),
    ("Події 1937 року. Цього року почалися арешти.", "1937"),
    ("з 2001 по 2004 рр працював на заводі", "2001/2004"),
    ("у середині XIX ст на Поділлі", "18XX"),
    # Old Style double dates
    ("1 (14) лютого 1918 р. запроваджено новий календар.", "1918-02-14"),
    ("25 жовтня (7 листопада) 1917 р. більшовики захопили владу.", "1917-11-07"),
    # times of day
    ("21 серпня 1939 року о 23:15 прийшла телеграма.", "1939-08-21T23:15"),
    ("Пакт підписали 23 серпня 1939 року. О 2:00 ночі текст був готовий.", "1939-08-23T02:00"),
]

# Texts with no time expression at all.
NEGATIVES = [
    "У бою загинули 1932 солдати.",
    "Уряд виділив 10 000 гривень на відбудову.",
    "Див.: Історія України. – К., 2002. – с. 1932.",
    "Див. стор. 45 та с. 112.",
    "Кордон пройшов по р. Збруч.",
    "Армія налічувала 1500 вояків і 30 гармат.",
    "Штраф становив 200 р. з кожного двору.",
    "Він лютого ворога не боявся.",
    "У кімнаті було 12 стільців і 3 столи.",
    "Таблиця 3.2 показує зростання на 12,5 відсотка.",
    "Номер телефону 1234 5678.",
    "№ 1932 р. справи загублено.",
    "Тоді багато хто вважав гарною ідеєю вирішення своїх інтересів.",
    "До цього часу Чан Кайши переконався в марності надій.",
    "Листопад засипав стежки.",
    "Марта прийшла додому.",
    "Та одного дня в ньому щось зламалося.",
    "порушення ч. 1 ст. 172-6 КУпАП",
    "ТОВ «Вест Іст Груп» уклало договір.",
]

# (text, the span that must be found).
SPANS = [
    ("Ще 12 грудня 1932р. було підписано угоду.", "12 грудня 1932р."),
    ("Революція в 1927 р. і походи.", "1927 р."),
    ("У травні-червні 1937р. радянська дипломатія", "У травні-червні 1937р."),
    ("У 1965 році, під час роботи", "У 1965 році"),
    ("У ніч із 29 на 30 вересня 1938 року у Мюнхені", "ніч із 29 на 30 вересня 1938 року"),
    ("до середини 1960-х років п'ять країн", "середини 1960-х років"),
    ("Польща заплатить вже за рік своєю державністю", "за рік"),
    ("в кордонах 1772 року.", "1772 року"),
    ("Чехословаччина протягом 10 днів звільнить", "протягом 10 днів"),
    ("Він написав 3 й 4 січня 1919 року ноти.", "3 й 4 січня 1919 року"),
    ("Сто років тому відбулась подія", "Сто років тому"),
    ("На початку 1935 р. почалися переговори.", "На початку 1935 р."),
    ("Це сталося у другій половині XIX ст. на Поділлі.", "другій половині XIX ст."),
]


@pytest.mark.parametrize("text,value", SEED_GOLD)
def test_timex_seed_expressions(text: str, value: str) -> None:
    found = tag(f"Подія: {text} Кінець.")
    assert [(t.text, t.value) for t in found] == [(text, value)]


@pytest.mark.parametrize("text,value", CASES)
def test_timex_values(text: str, value: str) -> None:
    found = tag(text)
    assert found, f"nothing found in {text!r}"
    assert found[-1].value == value, [(t.text, t.value) for t in found]


@pytest.mark.parametrize("text", NEGATIVES)
def test_timex_no_false_alarms(text: str) -> None:
    assert [(t.text, t.value) for t in tag(text)] == []


@pytest.mark.parametrize("text,span", SPANS)
def test_timex_spans(text: str, span: str) -> None:
    assert span in [t.text for t in tag(text)]


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        ("100 років тому, в ніч з 21 на 22 квітня", "2020-04-23", "1920"),
        ("Сто років тому відбулась подія", "2020-04-23", "1920"),
        ("Сто років тому відбулась подія", None, None),
        ("П'ять років тому уряд змінився.", "2020", "2015"),
        ("Кілька років тому уряд змінився.", "2020", None),
        ("24 квітня військові підписали конвенцію.", None, None),
        ("24 квітня військові підписали конвенцію.", "2020-04-23", "2020-04-24"),
        ("Наступного дня розпочався наступ.", None, None),
    ],
)
def test_timex_anchor(text: str, anchor: str | None, value: str | None) -> None:
    found = tag(text, anchor=anchor)
    assert found
    assert found[0].value == value


def test_timex_fields() -> None:
    text = "Угоду підписали 24 квітня 1920 року. Наступного дня розпочався наступ."
    first, second = tag(text)
    assert (first.begin, first.end_date, first.precision, first.source) == (
        "1920-04-24",
        "1920-04-24",
        "day",
        "text",
    )
    assert (second.value, second.source, second.anchor) == ("1920-04-25", "narrative", "1920-04-24")
    season = tag("влітку 1934р.")[0]
    assert (season.begin, season.end_date, season.precision) == (
        "1934-06-01",
        "1934-08-31",
        "season",
    )
    decade = tag("у 30-х роках XX ст.")[0]
    assert (decade.begin, decade.end_date, decade.precision) == (
        "1930-01-01",
        "1939-12-31",
        "decade",
    )
    old = tag("1 (14) лютого 1918 р.")[0]
    assert (old.value, old.old_style) == ("1918-02-14", "1918-02-01")
    half = tag("у другій половині XIX ст.")[0]
    assert half.begin >= "1850-01-01" and half.end_date == "1899-12-31"


def test_timex_offsets_in_text_order() -> None:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else "12 грудня 1932р. і 1937 р."
    found = tag(text)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --------------------------------------------------------------------------
# Gold files: ../shared/eval/dev and the seed
# --------------------------------------------------------------------------

# Expressions counted from the moment of writing need a document date.
NEEDS_ANCHOR = re.compile(r"(?:тому|назад)$")


def _gold_files() -> list[tuple[str, str, list[dict]]]:
    docs = []
    if SEED.exists():
        gold = [{"text": t, "value": v} for t, v in SEED_GOLD]
        docs.append(("seed.txt", SEED.read_text(encoding="utf-8"), gold))
    for path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DEV / gold["text_file"]).read_text(encoding="utf-8")
        docs.append((gold["text_file"], text, gold["timexes"]))
    return docs


def score(text: str, gold: list[dict], found: list) -> dict[str, int]:
    """Count matches as ../shared/eval/FORMAT.md scores time expressions.

    text (str): the document.
    gold (list[dict]): gold timexes ({"text", "value"}), in text order.
    found (list[Timex]): the system's timexes.
    RETURNS (dict[str, int]): tp (overlap and same value), detected (overlap),
        gold (scored gold), system (system spans not on a null gold).
    """
    spans = [sp for sp in locate_gold_timexes(text, gold) if sp[0] >= 0 or sp[2] is not None]
    used: set[int] = set()
    counts = {"tp": 0, "detected": 0, "gold": 0, "system": 0}
    counts["gold"] = sum(1 for s in spans if s[2] is not None)
    for t in found:
        hit = None
        for i, (s, e, _v) in enumerate(spans):
            if i not in used and t.start < e and s < t.end:
                hit = i
                break
        if hit is not None and spans[hit][2] is None:
            used.add(hit)
            continue
        counts["system"] += 1
        if hit is not None:
            used.add(hit)
            counts["detected"] += 1
            counts["tp"] += t.value == spans[hit][2]
    return counts


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not available")
def test_timex_gold_files() -> None:
    total = {"tp": 0, "detected": 0, "gold": 0, "system": 0}
    for _name, text, gold in _gold_files():
        # Gold expressions that need the document date are left out here.
        gold = [g for g in gold if not NEEDS_ANCHOR.search(g["text"])]
        found = [t for t in tag(text) if not NEEDS_ANCHOR.search(t.text)]
        for k, v in score(text, gold, found).items():
            total[k] += v
    p = total["tp"] / max(total["system"], 1)
    r = total["tp"] / max(total["gold"], 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    accuracy = total["tp"] / max(total["detected"], 1)
    print(f"timex seed+dev: P={p:.3f} R={r:.3f} F1={f1:.3f} value accuracy={accuracy:.3f}")
    assert f1 >= 0.9
    assert accuracy >= 0.9


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not available")
def test_timex_gold_warsaw_with_anchor() -> None:
    # The article with "Сто років тому" was published on 23 April 2020 (SOURCES.md).
    text = (DEV / "warsaw_1920.txt").read_text(encoding="utf-8")
    gold = json.loads((DEV / "warsaw_1920.gold.json").read_text(encoding="utf-8"))["timexes"]
    counts = score(text, gold, tag(text, anchor="2020-04-23"))
    assert counts["tp"] == counts["gold"]
    # The gold leaves out the second "з 21 на 22 квітня 1920 року" and "1772 року".
    assert counts["system"] - counts["tp"] <= 2


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    "12|1932|р.|року|грудня|травні|-|–|з|по|на|ніч|влітку|XVII|ст.|до н. е.|(14)|о 23:15|30-х"
    "|років|тому|Наступного дня|протягом|10|днів|У|.|,| |\n|1 (14) лютого|12.12.1932|Сто|за"
    "|рік|до того|восени|того ж року|İ|’|(|1920)|ІХ|ст|лютому|між|9999".split("|")
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=14).map(" ".join)))
def test_timex_property_offsets_and_values(text: str) -> None:
    for anchor in (None, "2020-04-23"):
        found = tag(text, anchor=anchor)
        for t in found:
            assert text[t.start : t.end] == t.text
            assert t.value is None or VALUE_RE.match(t.value), t.value
        assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
