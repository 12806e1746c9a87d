"""Typos: one edit away from a corpus word, never a common word; a name only to a rare word."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.analyzer import term_of
from retrieval.composer import ComposerConfig
from retrieval.spelling import common_word, correct, edits1


def test_edits1_makes_every_single_edit():
    out = edits1("form")
    assert {"orm", "fomr", "farm", "forms", "fform"} <= out and "form" not in out
    assert "müller" in edits1("müler")  # the word's own letters can be inserted


def _frequency(df: dict[str, int]):
    return lambda term: df.get(term, 0)


def test_the_candidate_in_most_passages_wins_and_the_longer_spelling_on_a_tie():
    df = _frequency({"form": 3, "norm": 9})
    assert correct("formd", term_of, df, common=lambda w: False) == ("formed", "form")
    assert correct("forme", term_of, _frequency({"form": 1, "forg": 5}),
                   common=lambda w: False) == ("forge", "forg")


@pytest.mark.parametrize(
    ("word", "why"),
    [("forn", "shorter than 5 letters"), ("f0rmd", "not all letters"),
     ("zzzzzz", "nothing one edit away")],
)
def test_no_correction(word, why):
    assert correct(word, term_of, _frequency({"form": 3}), common=lambda w: False) is None, why


def test_a_word_is_never_read_as_another_without_its_first_letter():
    """"async" is no slip of "sync", "unmount" none of "mount": a letter before a word is a
    prefix; a letter left out of a word's start is still put back ("nstall")."""
    assert correct("async", term_of, _frequency({"sync": 5}), common=lambda w: False) is None
    assert correct("unmount", term_of, _frequency({"mount": 5}), common=lambda w: False) is None
    assert correct("nstall", term_of, _frequency({term_of("install"): 2}),
                   common=lambda w: False) == ("install", term_of("install"))


def test_a_word_in_common_use_is_never_corrected():
    assert common_word("dairy") and common_word("ruined") and not common_word("pacakges")
    assert correct("dairy", term_of, _frequency({term_of("daily"): 5})) is None
    assert correct("pacakges", term_of, _frequency({term_of("packages"): 2})) == (
        "packages", term_of("packages"))


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine.from_texts(
        ["The harbour bridge was opened in 1932 by the premier of the state.",
         "The city zoo houses more than 4,000 animals. Its elephants arrived in 1916."],
        similar_words=False)


def test_a_question_with_a_typo_is_answered_and_says_how_it_was_read(engine):
    answer = engine.ask("When was the harbour bridge opned?")
    assert answer.answered and "1932" in answer.sentences[0].text
    assert answer.read_as == {"opned": "opened"}
    assert answer.model_dump(mode="json")["read_as"] == {"opned": "opened"}


def test_correction_can_be_turned_off(engine):
    off = QAEngine(engine.index, engine.collection, similar_words=False,
                   config=ComposerConfig(correct_spelling=False))
    assert off.ask("When was the harbour bridge opned?").read_as == {}


def test_names_are_not_corrected(engine):
    # An unknown name is the surest sign of a question about something else.
    answer = engine.ask("When did the elephants of Londn arrive?")
    assert answer.read_as == {}


@pytest.fixture(scope="module")
def names() -> QAEngine:
    return QAEngine.from_texts(
        ["The Treaty of Maastricht was signed in 1992.",
         "Canadian trappers reached the coast of Labrador in 1780.",
         "The priestly families kept the temple archives."],
        similar_words=False)


def test_a_misspelt_name_is_read_as_the_corpus_name_one_edit_away(names):
    # "Maastrich" (a letter left out) is no other name: read as the corpus's rare word
    answer = names.ask("When was the Treaty of Maastrich signed?")
    assert answer.read_as == {"Maastrich": "maastricht"}
    assert answer.answered and "1992" in answer.sentences[0].text


@pytest.mark.parametrize("question", [
    "When did Canarian trappers reach the coast?",  # "Canadian": a word in common use
    "Which archives did Priestley keep?",  # "priestly", another word, not the name
])
def test_a_name_is_never_read_as_a_common_word(names, question):
    assert names.ask(question).read_as == {}


def test_a_name_is_corrected_only_to_a_word_in_no_common_use():
    df = _frequency({term_of("canadian"): 3, term_of("gegeen"): 1})
    assert correct("canarian", term_of, df, name=True) is None
    assert correct("canarian", term_of, df) == ("canadian", term_of("canadian"))
    assert correct("geegen", term_of, df, name=True) == ("gegeen", "gegeen")


def test_a_name_is_corrected_only_for_a_letter_left_out_or_two_swapped():
    # other names differ from a corpus word by a letter more or one replaced: "KCachegrind" is
    # no "Cachegrind", "CMake" no "gmake"
    df = _frequency({"cachegrind": 4, "gmake": 2, "maastricht": 1, "beroid": 1})
    assert correct("kcachegrind", term_of, df, name=True) is None
    assert correct("cmake", term_of, df, name=True) is None
    assert correct("kcachegrind", term_of, df) is None  # (no word is read without its first)
    assert correct("maastrich", term_of, df, name=True) == ("maastricht", "maastricht")
    assert correct("beriods", term_of, df, name=True) == ("beroids", "beroid")
    assert edits1("abc", slips=True) <= edits1("abc")
    assert "ab" not in edits1("abc", slips=True) and "abd" not in edits1("abc", slips=True)


def test_an_off_topic_question_with_a_typo_still_abstains(engine):
    answer = engine.ask("How many animals live in the ocena?")  # "ocena": no corpus word near
    assert not answer.answered and answer.read_as == {}


def test_a_word_too_long_to_be_a_typo_is_not_corrected_and_costs_nothing():
    # a 4,096-letter "word" used to be spelled ~220,000 ways (8 s, 1 GB): now none are tried
    looked_up = []

    def counting(word):
        looked_up.append(word)
        return term_of(word)

    assert correct("formed" * 683, counting, _frequency({"form": 3}),
                   common=lambda w: False) is None
    assert looked_up == []
    long_typo = "internationalisatoin"  # 20 letters: still a word one may mistype
    assert correct(long_typo, term_of, _frequency({term_of("internationalisation"): 2}),
                   common=lambda w: False) == ("internationalisation",
                                               term_of("internationalisation"))


def test_rare_words_are_told_as_wordfreq_tells_them_without_holding_its_large_list():
    """``rare_word`` keeps only the words at ``RARE_ZIPF`` or more of wordfreq's large list
    (about 4 of its 34 MiB) and lets wordfreq's tables go; it answers as ``zipf_frequency``
    does, around the threshold, for words of letters and for those wordfreq reads itself."""
    import itertools

    from wordfreq import get_frequency_dict, iter_wordlist, zipf_frequency

    from retrieval.spelling import RARE_ZIPF, rare_word

    rare_word.cache_clear()
    get_frequency_dict.cache_clear()  # (``common_word`` may have loaded the small list)
    assert rare_word("tmux") and not rare_word("backer")  # 1.5 and 3.0 on wordfreq's scale
    assert get_frequency_dict.cache_info().currsize == 0  # the large list is not held
    words = [w for w in itertools.islice(iter_wordlist("en", "large"), 60_000, 140_000, 40)
             if w.isascii()] + ["snubbed", "conda", "npm", "qabotx", "don't", "o'clock"]
    assert any(zipf_frequency(w, "en", wordlist="large") < RARE_ZIPF for w in words)
    assert any(zipf_frequency(w, "en", wordlist="large") >= RARE_ZIPF for w in words)
    assert [w for w in words
            if rare_word(w) != (zipf_frequency(w, "en", wordlist="large") < RARE_ZIPF)] == []


def test_common_words_are_told_as_wordfreq_tells_them_without_holding_its_small_list():
    """``common_word`` keeps the words of wordfreq's small list and lets wordfreq's tables go;
    it answers as ``zipf_frequency`` does: for words of the small list, of the large list
    beyond it, and for words it hands to wordfreq (capitals, letters beyond ASCII)."""
    import itertools

    from wordfreq import get_frequency_dict, iter_wordlist, zipf_frequency

    from retrieval import spelling

    spelling.common_word.cache_clear()
    spelling._common.cache_clear()
    assert common_word("dairy") and not common_word("pacakges")
    assert get_frequency_dict.cache_info().currsize == 0  # the small list is not held
    small = list(itertools.islice(iter_wordlist("en", "small"), 0, None, 7))
    large = list(itertools.islice(iter_wordlist("en", "large"), 20_000, 200_000, 60))
    words = [*small, *large, "Dairy", "müller", "straße", "packages", "qabotx"]
    told = {w: zipf_frequency(w, "en", wordlist="small") > 0 for w in words}
    assert any(told.values()) and not all(told.values())
    assert [w for w in words if common_word(w) != told[w]] == []


def test_a_kept_word_list_holds_no_freed_blocks(monkeypatch):
    """The words kept are copied once wordfreq's tables are gone, then the freed memory is
    handed back (``_listed``)."""
    from retrieval import spelling

    released = []
    monkeypatch.setattr(spelling, "release_freed_memory", lambda: released.append(1))
    words = spelling._listed("small", lambda zipf: zipf >= 5.0)
    assert released == [1] and {"the", "and"} <= words and "dairy" not in words


@pytest.mark.parametrize(("wordlist", "at_least"), [("large", 2.5), ("small", 0.01)])
def test_the_words_kept_are_those_of_wordfreqs_own_frequency_dict(wordlist, at_least):
    """Read by bands, the list gives the words ``get_frequency_dict``'s frequencies keep (no
    word is in two bands with another verdict)."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    from retrieval import spelling

    want = frozenset(w for w, f in get_frequency_dict("en", wordlist).items()
                     if round(freq_to_zipf(f), 2) >= at_least)
    get_frequency_dict.cache_clear()
    assert spelling._listed(wordlist, lambda zipf: zipf >= at_least) == want
