"""Compound splitting: a compound read as its parts in the index, the question and the
sentences, in languages that compound, and nowhere else."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from retrieval import QAEngine
from retrieval.compounds import Splitter, compounding, expand, languages_of
from retrieval.index import TermIndex
from retrieval.termcounts import count_term_blocks, count_terms


def _splitter(freq: dict[str, int], code: str = "de") -> Splitter:
    return Splitter(code, sorted(freq), lambda t: freq.get(t, 0))


def test_a_rare_compound_splits_into_frequent_parts_with_a_linking_element() -> None:
    freq = {"gericht": 9, "verfahr": 12, "gerichtsverfahr": 1, "bevolker": 7, "gross": 20}
    s = _splitter(freq)
    assert s.parts("gerichtsverfahr") == ("gericht", "verfahr")  # gericht + s + verfahr(en)
    assert s.parts("bevolkerungsgross") == ("bevolker", "gross")  # the corpus lacks the whole


def test_a_compound_more_frequent_than_its_parts_stays_whole() -> None:
    s = _splitter({"eisenbahn": 40, "eisen": 3, "bahn": 30})
    assert s.parts("eisenbahn") == ()  # sqrt(3 * 30) < 40


def test_parts_must_be_words_of_the_corpus_and_long_enough() -> None:
    s = _splitter({"schmal": 0, "spurbahn": 5, "haus": 9, "tur": 9, "haustur": 0})
    assert s.parts("schmalspurbahn") == ()  # "schmal" is not in the corpus
    assert s.parts("haustur") == ()  # "tur" is shorter than MIN_PART


def test_a_long_stem_that_lost_more_of_its_last_part_still_finds_it() -> None:
    """German Snowball stems "schmalspurschienen" to "schmalspurschi", "schienen" to
    "schien": the last part is the term the whole would stem to this stem with."""
    s = _splitter({"schmalspur": 4, "schien": 6, "schiff": 50})
    assert s.parts("schmalspurschi") == ("schmalspur", "schien")


def test_the_split_with_the_best_geometric_mean_wins() -> None:
    freq = {"hoch": 8, "druck": 8, "dampf": 8, "hochdruck": 1}
    assert _splitter(freq).parts("hochdruckdampf") == ("hoch", "druck", "dampf")
    freq["hochdruck"] = 30
    assert _splitter(freq).parts("hochdruckdampf") == ("hochdruck", "dampf")


def test_only_languages_that_write_compounds_solid_are_split() -> None:
    assert all(compounding(c) for c in ("de", "nl", "sv", "da", "no", "fi"))
    assert not any(compounding(c) for c in ("en", "es", "fr", "ru", "tr", None))
    assert languages_of(np.array([b"", b"ru", b"de"], dtype="S3")) == ["de"]
    assert languages_of(np.array([b"", b""], dtype="S3")) == []


GERMAN = [
    "Die Bevölkerung der Stadt wuchs schnell. Die Größe der Bevölkerung lag bei 1900 bei "
    "zwei Millionen.",
    "Im Jahr 1950 betrug die Größe der Stadt 500 Quadratkilometer. Das Gericht zog um.",
    "Die Bevölkerungsgröße Warschaus erreichte 1939 ihren Höchststand.",
    "Das Gericht eröffnete das Verfahren im Mai. Das Verfahren dauerte zwei Jahre.",
    "Ein Gerichtsverfahren gegen den Bürgermeister begann 1998.",
]


def test_a_compound_in_a_passage_counts_for_its_parts_in_german_only() -> None:
    langs = np.array([b"de"] * len(GERMAN), dtype="S3")
    counts, terms = count_terms(GERMAN, langs=langs)
    expanded = expand(counts, terms, langs)
    at = {t: i for i, t in enumerate(terms)}
    assert expanded[2, at["bevolkerungsgross"]] == 1
    assert expanded[2, at["bevolker"]] == 1 and counts[2, at["bevolker"]] == 0
    assert expanded[2, at["gross"]] == 1
    assert expanded[4, at["gericht"]] == 1 and expanded[4, at["verfahr"]] == 1
    english = np.array([b""] * len(GERMAN), dtype="S3")
    assert expand(counts, terms, english) is counts  # nothing added, nothing done
    # the block-by-block index counts the same way
    whole = TermIndex.from_counts(expanded.astype(np.int32), terms)
    blocks = TermIndex.from_blocks(count_term_blocks(GERMAN, langs=langs, blocks=3))
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(whole, key), getattr(blocks, key)), key


def test_a_german_question_with_a_compound_finds_the_passage_holding_its_parts() -> None:
    docs = [*GERMAN[:2], "Die Stadt liegt an einem Fluss. Der Fluss ist lang.",
            "Der Bürgermeister eröffnete 1950 das neue Rathaus."]
    engine = QAEngine.from_texts(docs, language="de")
    question = "Wie hoch war die Bevölkerungsgröße der Stadt im Jahr 1900?"
    query = engine.reader.read(question, engine.config).query
    assert query.parts == {"bevolkerungsgross": ("bevolker", "gross")}
    assert "bevolkerungsgross" in query.unseen  # the corpus lacks it ...
    terms, _ = query.search_terms()
    assert {"bevolker", "gross"} <= set(terms)  # ... its parts are sought
    hits = engine._retrieve(question, query, 4)
    assert hits[0][0] in (0, 1)  # a passage holding the parts
    # its score counts the parts it holds (the plain model's confidence learned on such scores)
    assert hits[0][1] > engine.index.score(query.terms, hits[0][0])
    answer = engine.ask(question, min_confidence=0)
    assert "zwei Millionen" in answer.text
    hits = engine.search("Bevölkerungsgröße", k=1)  # search reads the question as it is
    assert hits == [] or hits[0].doc_id == "doc0"


def test_an_english_corpus_is_not_split() -> None:
    texts = ["The football club plays in the stadium.", "The football stadium opened in 1923.",
             "A footballstadium is rare."]
    engine = QAEngine.from_texts(texts)
    assert engine.reader.splitter("en") is None
    counts, terms = count_terms(texts)
    index = TermIndex.from_counts(counts, terms)
    assert np.array_equal(engine.index.df, index.df)
    assert np.array_equal(engine.index.weights, index.weights)


@pytest.fixture
def german_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "korpus"
    root.mkdir()
    for i, text in enumerate(GERMAN):
        (root / f"text{i}.txt").write_text(text + "\n", encoding="utf-8")
    return root


def test_an_incremental_german_build_equals_a_full_one(german_corpus: Path,
                                                      tmp_path: Path) -> None:
    QAEngine.from_directory(german_corpus, language="de")
    (german_corpus / "text1.txt").unlink()
    (german_corpus / "neu.txt").write_text(
        "Die Größe des Verfahrens überraschte das Gericht. Die Stadtgröße blieb gleich.\n",
        encoding="utf-8")
    shutil.copy(german_corpus / "text2.txt", german_corpus / "kopie.txt")
    incremental = QAEngine.from_directory(german_corpus, language="de", rebuild=True)
    full = QAEngine.from_directory(german_corpus, language="de", index_dir=tmp_path / "full",
                                   rebuild=True, full=True)
    assert incremental.report.files_kept > 0
    _assert_same_index(incremental, full)


def _assert_same_index(a: QAEngine, b: QAEngine) -> None:
    assert a.index.vocabulary == b.index.vocabulary
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(a.index, key), getattr(b.index, key)), key



def test_a_corpus_mixing_german_and_english_splits_the_german_passages_only() -> None:
    texts = [*GERMAN, "The court case (Gerichtsverfahren) began in 1998.", "Das Gericht tagte."]
    langs = np.array([b"de"] * len(GERMAN) + [b"", b"de"], dtype="S3")
    counts, terms = count_terms(texts, langs=langs)
    before = counts.copy()
    expanded = expand(counts, terms, langs)
    assert (counts != before).nnz == 0  # the counts given are left as they were
    at = {t: i for i, t in enumerate(terms)}
    assert expanded[4, at["gericht"]] == 1  # German: "Gerichtsverfahren" counts for "Gericht"
    assert expanded[5, at["gericht"]] == 0  # English: not split
    whole = TermIndex.from_counts(expanded.astype(np.int32), terms)
    blocks = TermIndex.from_blocks(count_term_blocks(texts, langs=langs, blocks=4))
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(whole, key), getattr(blocks, key)), key
