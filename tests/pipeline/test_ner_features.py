"""Tests for the NER model's feature component (litopys/pipeline/ner_features.py)."""

import spacy

from litopys.pipeline.ner_features import dictionary_types, word_features


def test_lemma_prefers_a_common_noun_over_a_name_reading():
    # pymorphy3 reads "Харкові" first as the surname "Харко"
    lemma, tag = word_features("Харкові")
    assert lemma == "харків"
    assert "Surn" in tag.split("|")
    assert word_features("Києва")[0] == word_features("Києві")[0] == "київ"


def test_tag_marks_names_abbreviations_and_guesses():
    assert word_features("Іван")[1].split("|")[:2] == ["NOUN", "Name"]
    assert "Abbr" in word_features("ООН")[1]
    assert word_features("Сянсі")[1].endswith("unk")
    assert word_features("1937")[1] == "NUM"
    assert word_features(",") == (",", "PUNCT")


def test_dictionary_types_take_the_longest_entry():
    words = "посол сполучених штатів америки у японії".split()
    assert dictionary_types(words) == ["JOB", "GPE", "GPE", "GPE", None, "GPE"]
    assert dictionary_types(["ліги", "націй"]) == ["ORG", "ORG"]
    assert dictionary_types(["японський", "уряд"])[0] == "Adj"
    assert dictionary_types([]) == []


def test_component_sets_lemma_tag_and_morph():
    nlp = spacy.blank("uk")
    nlp.add_pipe("litopys_ner_features")  # registered through the spacy_factories entry point
    doc = nlp("Повпред Д. В. Богомолов прибув до Нанкіна.")
    by_text = {t.text: t for t in doc}
    assert by_text["Богомолов"].lemma_ == "богомолов"
    assert str(by_text["Богомолов"].morph) == "Gaz=PERS"
    assert by_text["Нанкіна"].lemma_ == "нанкін"
    assert str(by_text["прибув"].morph) == ""
    assert by_text["прибув"].tag_ == "VERB"
