"""Caches added for speed (session 16) give what the uncached code gave."""

from __future__ import annotations

from litopys.pipeline.ingest import from_text


def test_narrative_years_cached_per_doc_and_time_expressions(pipeline) -> None:
    """narrative_years is computed once per doc; a changed time expression recomputes it."""
    from litopys.pipeline.entities import _narrative_years, narrative_years

    doc = pipeline.make_doc(from_text(
        "У 1920 році армія відступила. 12 березня 1921 року в Ризі підписали мир."))
    spans = sorted(doc.spans["timex"], key=lambda s: s.start)
    first = narrative_years(doc)
    assert first == _narrative_years(doc, spans)
    assert narrative_years(doc) == first and narrative_years(doc) is not first
    assert 1920 in first and 1921 in first
    spans[-1]._.timex.value = "1930-03-12"
    assert 1930 in narrative_years(doc) and 1921 not in narrative_years(doc)


def test_reads_as_is_any_normal_form_among_the_lemmas() -> None:
    from litopys.pipeline.morph import parses, reads_as

    for word in ("Рада", "став", "раді", "Київ"):
        for lemmas in (frozenset({"рада"}), frozenset({"стати", "київ"}), frozenset()):
            assert reads_as(word, lemmas) == any(p.normal_form in lemmas for p in parses(word))


def test_gazetteer_word_is_the_normalised_ordinal_key() -> None:
    from litopys.data.gazetteer import normalize_form
    from litopys.pipeline.entities import gazetteer_word, ordinal_key

    for word in ("чёрному", "i-го", "1-го", "київ", "пів-острова"):
        assert gazetteer_word(word) == ordinal_key(normalize_form(word))


def test_rule_loops_read_the_feature_lists_of_the_tokens(pipeline) -> None:
    """The entity and actor loops read ``features(doc)`` instead of making Tokens: the
    lists hold what the tokens say after the whole pipeline, and ``capitalised`` is
    ``is_cap`` on a token's text."""
    from litopys.pipeline.analysis import features
    from litopys.pipeline.entities import capitalised, is_cap

    doc = pipeline.make_doc(from_text(
        "Президент УНР С. Петлюра 9 лютого 1918 року у Бресті підписав «Мирний договір» "
        "з Німеччиною, а гетьман П. Скоропадський жив у м. Києві."))
    f = features(doc)
    assert f.text == [t.text for t in doc] and f.lower == [t.lower_ for t in doc]
    assert f.lemma == [t.lemma_ for t in doc] and f.pos == [t.pos_ for t in doc]
    assert [capitalised(t.text) for t in doc] == [is_cap(t) for t in doc]
    assert any(capitalised(t) for t in f.text) and not capitalised("УНР")
