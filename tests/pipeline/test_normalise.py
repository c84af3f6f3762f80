from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litopys.pipeline.normalise import normalise


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12 грудня 1932р.", "12 грудня 1932 р."),
        ("1932-1937рр.", "1932-1937 рр."),
        ("з’ясувати", "з'ясувати"),
        ("пам`ятав", "пам'ятав"),
        ("Kиїв", "Київ"),  # Latin K in a Cyrillic word
        ("ч\u00adерез", "через"),
        ("гоминьдановские", "гоминьдановские"),
        ("Paris", "Paris"),  # a Latin word stays Latin
        ("1930-1932гг.", "1930-1932 гг."),  # Russian "годы" (lang/ru)
        ("Лока\u0301рнські уго\u0301ди", "Локарнські угоди"),  # stress marks
        ("Пет- люра і Падерев-\nський", "Петлюра і Падеревський"),  # broken at a line end
        ("північно- та південно-західний", "північно- та південно-західний"),
        ("Республики[1]. Далі", "Республики. Далі"),  # a footnote mark
        ("[Павла] Скоропадського", "[Павла] Скоропадського"),  # an editor's insertion
        ("Собеський[pl. Jan Sobieski]", "Собеський [pl. Jan Sobieski]"),  # a glued gloss
        ("Варшава(пол. Warszawa)", "Варшава (пол. Warszawa)"),
        ("5(17) березня", "5(17) березня"),  # two calendars: no letter before the bracket
        ("КЮЧУК-КАЙНАРДЖІЙСЬКИЙ МИРНИЙ ДОГОВІР 1774",
         "Кючук-Кайнарджійський мирний договір 1774"),
        ("ЗАКЛЮЧНИЙ АКТ НАРАДИ З БЕЗПЕКИ В ЄВРОПІ", "Заключний акт наради з безпеки в Європі"),
        ("уряд СРСР і ЗУНР", "уряд СРСР і ЗУНР"),  # abbreviations stay
        ("САН-ФРАНЦИСЬКА КОНФЕРЕНЦІЯ", "Сан-Франциська конференція"),
        # Roman numerals are no heading words, in Latin or Cyrillic letters
        ("У XVII-XVIII ст. козаки", "У XVII-XVIII ст. козаки"),
        ("У ХІХ-ХХ ст. козаки", "У ХІХ-ХХ ст. козаки"),
        ("ДОГОВІР МИРУ XVII СТОЛІТТЯ", "Договір миру XVII століття"),
        ("5723Переговори 1920 року", "5723 Переговори 1920 року"),  # a glued view counter
        ("Ту-154 і 2-й полк", "Ту-154 і 2-й полк"),
        ("з Іваном Петренком О.Мельник", "з Іваном Петренком О. Мельник"),  # a glued initial
        ("О.П.Мельник у м.Львові", "О.П. Мельник у м.Львові"),
    ],
)
def test_normalise_rewrites(text: str, expected: str) -> None:
    assert normalise(text)[0] == expected


def test_normalise_offsets_point_into_original() -> None:
    text = "Ще 12 грудня 1932р. було підписано угоду з’ясувати ч\u00adерез"
    norm, offsets = normalise(text)
    i = norm.index("1932 р.")
    s, e = offsets.span(i, i + len("1932 р."))
    assert text[s:e] == "1932р."
    j = norm.index("через")
    s, e = offsets.span(j, j + 5)
    assert text[s:e] == "ч\u00adерез"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalise_map_is_monotonic(text: str) -> None:
    norm, offsets = normalise(text)
    assert len(offsets.to_orig) == len(norm) + 1
    prev = -1
    for v in offsets.to_orig:
        assert 0 <= v <= len(text)
        assert v >= prev
        prev = v


@pytest.mark.parametrize(
    "text,written",
    [
        ("Договір підписали Пет- люра і Пілсудський.", "Пет- люра"),
        ("Договір Варша\u0301вський підписали.", "Варша\u0301вський"),
        ("Делєґація Республики[1] прибула.", "Республики"),
    ],
)
def test_normalise_dropped_characters_map_back(text: str, written: str) -> None:
    """A word with characters dropped maps back onto the word as written."""
    norm, offsets = normalise(text)
    clean = written.replace("- ", "").replace("\u0301", "")
    i = norm.index(clean)
    s, e = offsets.span(i, i + len(clean))
    assert text[s:e] == written
