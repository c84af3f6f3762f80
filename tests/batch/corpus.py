"""A small corpus of our own for the batch tests (written for litopys, CC0)."""

from __future__ import annotations

from pathlib import Path

TEXTS: dict[str, str] = {
    "brest.txt": (
        "Берестейський мир\n\n"
        "9 лютого 1918 року УНР підписала мирний договір з Німеччиною. "
        "Наступного дня радянська делегація на чолі з Львом Троцьким відмовилася "
        "підписати мир і залишила Брест.\n"
    ),
    "brest_memoir.txt": (
        "Спогади делегата\n\n"
        "У лютому 1918 року Українська Народна Республіка підписала мир з Німеччиною "
        "в Бересті. Олександр Севрюк заявив, що Центральна Рада веде переговори самостійно.\n"
    ),
    "hetman.txt": (
        "Гетьманат\n\n"
        "29 квітня 1918 р. гетьманом став Павло Скоропадський, який проголосив Українську "
        "Державу. Влітку 1918 р. уряд Скоропадського вів переговори з Радянською Росією.\n"
    ),
    "litvinov.txt": (
        "Дипломатія 1933 року\n\n"
        "16 листопада 1933 року Максим Литвинов підписав угоду зі США про встановлення "
        "дипломатичних відносин. Литвинов заявив, що СРСР прагне миру.\n"
    ),
    "litvinov_press.txt": (
        "Газетна замітка\n\n"
        "17 листопада 1933 року СРСР і США встановили дипломатичні відносини. "
        "Нарком Литвинов зустрівся з президентом Рузвельтом у Вашингтоні.\n"
    ),
    "kyiv.txt": (
        "Київ, березень 1918\n\n"
        "3 березня 1918 р. Радянська Росія підписала мирний договір з Центральними державами. "
        "Німецькі війська вступили в Київ.\n"
    ),
}


def write_corpus(directory: Path, copies: int = 1) -> list[Path]:
    """Write the corpus (each text ``copies`` times, each copy a distinct document)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(copies):
        for name, text in TEXTS.items():
            p = directory / (name if copies == 1 else f"{k:03d}-{name}")
            body = text if copies == 1 else f"{text}\nПримірник {k + 1}.\n"
            p.write_text(body, encoding="utf-8")
            paths.append(p)
    return paths
