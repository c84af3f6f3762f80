"""Tests for the bundled NER model (litopys/models/ner_uk) and its training conversion."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "litopys" / "models" / "ner_uk"


def _load_script(name):
    """Import a module from scripts/ (not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ner_nlp():
    if not (MODEL / "config.cfg").exists():
        pytest.skip("model not built: run scripts/train_ner.py all")
    return spacy.load(MODEL)


@pytest.fixture(scope="module")
def train_ner():
    return _load_script("train_ner")


def test_ner_model_loads_with_licence(ner_nlp):
    assert ner_nlp.lang == "uk"
    assert "ner" in ner_nlp.pipe_names
    assert set(ner_nlp.get_pipe("ner").labels) == {
        "ART", "DATE", "DOC", "JOB", "LOC", "MISC", "MON", "ORG", "PCT", "PERIOD", "PERS",
        "QUANT", "TIME",
    }  # fmt: skip
    assert "CC BY-NC-SA 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")
    # morphology and dictionary features first, then the CNN and the tagger
    assert ner_nlp.pipe_names == ["litopys_ner_features", "tok2vec", "ner"]
    # every file stays small enough for the repository
    assert max(p.stat().st_size for p in MODEL.rglob("*") if p.is_file()) < 8 * 2**20


def test_ner_model_sees_the_features(ner_nlp):
    doc = ner_nlp("Посол Д. В. Богомолов прибув до Нанкіна.")
    by_text = {t.text: t for t in doc}
    assert by_text["Нанкіна"].lemma_ == "нанкін"
    assert str(by_text["Богомолов"].morph) == "Gaz=PERS"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Президент України Володимир Зеленський зустрівся у Києві з канцлером Німеччини.",
            {"PERS": "Володимир Зеленський", "LOC": "Києві"},
        ),
        (
            "У 1648 році Богдан Хмельницький розбив польське військо під Жовтими Водами.",
            {"PERS": "Богдан Хмельницький", "LOC": "Жовтими Водами"},
        ),
        (
            # the model without morphology features tagged "Полтавою" MISC
            "Гетьман Іван Мазепа уклав союз зі шведським королем Карлом XII під Полтавою.",
            {"PERS": "Іван Мазепа", "LOC": "Полтавою"},
        ),
    ],
    ids=["modern", "historical", "historical-hard"],
)
def test_ner_model_finds_pers_and_loc(ner_nlp, text, expected):
    doc = ner_nlp(text)
    found = {(ent.label_, ent.text) for ent in doc.ents}
    labels = {label for label, _ in found}
    assert {"PERS", "LOC"} <= labels, found
    for label, surface in expected.items():
        assert any(lab == label and surface in ent for lab, ent in found), (label, surface, found)


BRAT_TEXT = "Тарас Шевченко народився в Моринцях .\nВін навчався у Петербурзі.\n"
# Standard brat (spaces) and NER-UK style (tabs); a span ending mid-token; a nested LOC.
BRAT_ANN = (
    "T1\tPERS 0 14\tТарас Шевченко\n"
    "T2\tLOC\t27\t35\tМоринцях\n"
    "T3\tLOC 53 62\tПетербурз\n"
    "T4\tLOC 6 14\tШевченко\n"
    "R1\tRel Arg1:T1 Arg2:T2\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_train_ner_read_brat_tabs_and_spaces(tmp_path, train_ner):
    ann = tmp_path / "doc1.ann"
    ann.write_text(BRAT_ANN + "T5\tORG 0 5;6 14\tТарас Шевченко\n", encoding="utf-8")
    assert train_ner.read_brat(ann) == [
        (0, 14, "PERS"), (27, 35, "LOC"), (53, 62, "LOC"), (6, 14, "LOC"), (0, 14, "ORG"),
    ]  # fmt: skip


def test_train_ner_convert_brat_to_docbin(tmp_path, train_ner):
    data = tmp_path / "ner-uk" / "v2.0" / "data"
    (data / "bruk").mkdir(parents=True)
    (data / "bruk" / "doc1.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (data / "bruk" / "doc1.ann").write_text(BRAT_ANN, encoding="utf-8")
    (data / "bruk" / "doc2.txt").write_text("Київ .\n", encoding="utf-8")
    (data / "bruk" / "doc2.ann").write_text("T1\tLOC 0 4\tКиїв\n", encoding="utf-8")
    (data / "dev-test-split.txt").write_text("DEV\ndoc1\ndoc2\n\nTEST\ndoc2\n", encoding="utf-8")
    out = tmp_path / "corpus"

    report = train_ner.convert(tmp_path / "ner-uk", out, dev_fraction=0.5, seed=0)

    assert {p.name for p in out.iterdir()} == {
        "train.spacy",
        "dev.spacy",
        "test.spacy",
        "stats.json",
    }
    nlp = spacy.blank("uk")
    docs = {
        part: list(DocBin().from_disk(out / f"{part}.spacy").get_docs(nlp.vocab))
        for part in ("train", "dev", "test")
    }
    assert [d.text for d in docs["test"]] == ["Київ ."]
    assert [(e.text, e.label_) for e in docs["test"][0].ents] == [("Київ", "LOC")]
    doc1 = docs["train"] + docs["dev"]
    doc1 = [d for d in doc1 if d.text != "Київ ."]
    # Split at the line break; the span cut mid-token is expanded to "Петербурзі".
    assert [d.text for d in doc1] == [
        "Тарас Шевченко народився в Моринцях .",
        "Він навчався у Петербурзі.",
    ]
    ents = [(e.text, e.label_) for d in doc1 for e in d.ents]
    assert ents == [("Тарас Шевченко", "PERS"), ("Моринцях", "LOC"), ("Петербурзі", "LOC")]
    stats = (
        report["train"]
        if report["train"]["docs"] and report["train"]["kept"] == 3
        else report["dev"]
    )
    assert stats["spans"] == 4
    assert stats["kept"] == 3
    assert stats["expanded"] == 1
    assert stats["overlapping"] == 1
    assert stats["misaligned"] == 0


def test_train_ner_brat_to_doc_counts_misaligned(train_ner):
    nlp = spacy.blank("uk")
    stats = train_ner.ConversionStats()
    doc = train_ner.brat_to_doc(nlp, "Київ  і Львів", [(4, 6, "LOC"), (8, 13, "LOC")], stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("Львів", "LOC")]
    assert stats.misaligned == 1
    assert stats.kept == 1


# A made-up gold chronicle: a nested alias, a lower-case alias, a date, a name the
# gold leaves out, an alias cut inside a token.
GOLD_TEXT = (
    "У 1654 році гетьман Богдан Хмельницький уклав союз із Московським царством.\n"
    "Союзники рушили на Річ Посполиту, а Хмельницький писав до Варшави; Іван мовчав.\n"
)
GOLD = {
    "entities": [
        {"id": "bkh", "type": "PERSON", "name": "Богдан Хмельницький",
         "aliases": ["Богдан Хмельницький", "Хмельницький"]},
        {"id": "mos", "type": "GPE", "name": "Московське царство",
         "aliases": ["Московським царством", "Московським", "союзники"]},
        {"id": "rp", "type": "GPE", "name": "Річ Посполита", "aliases": ["Річ Посполиту"]},
        {"id": "war", "type": "GPE", "name": "Варшава", "aliases": ["Варшав"]},
        {"id": "ukr", "type": "LOC", "name": "Україна", "aliases": ["Україна"]},
    ],
    "timexes": [{"text": "1654 році", "value": "1654"}],
}


def test_train_ner_gold_to_doc(train_ner):
    nlp = spacy.blank("uk")
    stats = train_ner.GoldStats()
    doc = train_ner.gold_to_doc(nlp, GOLD_TEXT, GOLD, stats)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Богдан Хмельницький", "PERS"),   # longest alias first; not "Хмельницький" alone
        ("Московським царством", "LOC"),   # GPE -> LOC, as the entity stage reads it back
        ("Річ Посполиту", "LOC"),
        ("Хмельницький", "PERS"),
    ]
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["1654"] == "" and iob["році"] == ""  # a gold date: unannotated, not "O"
    assert iob["Іван"] == ""  # a capitalised word no alias covers: unannotated
    assert iob["Союзники"] == ""  # capitalised here, and "союзники" is not an alias as written
    assert iob["Варшави"] == ""  # "Варшав" is not word-bounded here; capitalised, so unannotated
    assert iob["гетьман"] == "O" and iob["уклав"] == "O"
    assert stats.lowercase == 1  # "союзники"
    assert stats.aliases == 11  # aliases and names, each once
    assert stats.found == 6  # "Хмельницький" and "Московським" also inside the longer ones
    assert stats.overlapping == 2
    assert stats.kept == 4
    assert stats.labels == {"PERS": 2, "LOC": 2}
    segments = train_ner.split_lines(doc)
    assert len(segments) == 2
    assert [e.text for e in segments[1].ents] == ["Річ Посполиту", "Хмельницький"]
    assert segments[0][0].ent_iob_ == ""  # "У": capitalised at the start, unannotated


def test_train_ner_convert_with_extra_gold(tmp_path, train_ner):
    data = tmp_path / "ner-uk" / "v2.0" / "data"
    (data / "bruk").mkdir(parents=True)
    (data / "bruk" / "doc1.txt").write_text("Київ .\n", encoding="utf-8")
    (data / "bruk" / "doc1.ann").write_text("T1\tLOC 0 4\tКиїв\n", encoding="utf-8")
    (data / "bruk" / "doc2.txt").write_text("Львів .\n", encoding="utf-8")
    (data / "bruk" / "doc2.ann").write_text("T1\tLOC 0 5\tЛьвів\n", encoding="utf-8")
    (data / "bruk" / "doc3.txt").write_text("Луцьк .\n", encoding="utf-8")
    (data / "bruk" / "doc3.ann").write_text("T1\tLOC 0 5\tЛуцьк\n", encoding="utf-8")
    (data / "dev-test-split.txt").write_text("DEV\ndoc1\ndoc2\n\nTEST\ndoc3\n", encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for i, name in enumerate(["a", "b", "c"]):
        (gold_dir / f"{name}.txt").write_text(f"Гетьман Мазепа{i} прибув.\n", encoding="utf-8")
        gold = {"text_file": f"{name}.txt", "language": "uk",
                "entities": [{"id": "m", "type": "PERSON", "name": f"Мазепа{i}",
                              "aliases": [f"Мазепа{i}"]}],
                "timexes": [], "events": []}
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "corpus"

    report = train_ner.convert(tmp_path / "ner-uk", out, dev_fraction=0.5, seed=0,
                               extra_gold=[f"{gold_dir}:odd"], extra_repeat=2)

    assert report["extra"]["texts"] == 2  # a and c: the odd half
    assert report["extra"]["kept"] == 2
    nlp = spacy.blank("uk")
    train = list(DocBin().from_disk(out / "train.spacy").get_docs(nlp.vocab))
    texts = [d.text for d in train]
    assert len(texts) == 5  # one NER-UK document, the two gold texts twice
    assert texts.count("Гетьман Мазепа0 прибув.") == 2 and texts.count("Гетьман Мазепа2 прибув.") == 2
    assert "Гетьман Мазепа1 прибув." not in texts
    test = list(DocBin().from_disk(out / "test.spacy").get_docs(nlp.vocab))
    assert [d.text for d in test] == ["Луцьк ."]  # NER-UK's own split is untouched
    dev = list(DocBin().from_disk(out / "dev.spacy").get_docs(nlp.vocab))
    assert len(dev) == 1 and "Мазепа" not in dev[0].text
    assert train_ner.parse_gold_spec("x/y:even") == (Path("x/y"), "even")
    assert train_ner.parse_gold_spec("x/y") == (Path("x/y"), None)
