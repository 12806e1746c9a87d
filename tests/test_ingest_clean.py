"""Boilerplate removal: general signals, checked on the seeds and on synthetic pages."""

from __future__ import annotations

import re

import pytest

from retrieval.ingest.clean import (
    clean,
    explain,
    is_prose,
    looks_like_web_page,
    reader_address,
    repeated_lines,
    web_signals,
)
from retrieval.ingest.sentences import split_sentences

from .conftest import SEEDS

# Phrases that only page furniture uses: none may survive cleaning of any seed.
FURNITURE = re.compile(
    r"read more|read next|don.t miss|\[report\]|leave a reply|email address will not|previous "
    r"story|next story|newsletter|privacy policy|sign.up|support us|your support|dear readers|"
    r"getty images|kremlin\.ru|back to top|read full article|ad-free|remind me later|"
    r"not all news on the site",
    re.I,
)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_furniture_survives_in_the_seeds(path):
    kept = clean(path.read_text(encoding="utf-8"))
    assert kept, "the article body must survive"
    for para in kept:
        assert not FURNITURE.search(para), para


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_bodies_are_mostly_kept(path):
    text = path.read_text(encoding="utf-8")
    kept = clean(text)
    assert len(" ".join(kept).split()) >= 0.45 * len(text.split())


def test_teaser_block_headlines_are_dropped_with_their_label():
    page = (
        "The council approved the new budget on Monday after a long debate.\n\n"
        "RELATED STORIES:\n"
        "Mayor under fire as bridge repairs stall\n"
        "Five things to know about the new tram line\n\n"
        "The budget includes money for schools and roads across the city."
    )
    kept = clean(page)
    assert kept == [
        "The council approved the new budget on Monday after a long debate.",
        "The budget includes money for schools and roads across the city.",
    ]


def test_inline_teaser_marker_and_bracket_tags_are_dropped():
    page = (
        "Officials said the port would reopen next week after repairs.\n\n"
        "READ MORE: Storm leaves thousands without power\n\n"
        "Flood warnings lifted across the region [VIDEO]\n\n"
        "Shipping companies welcomed the decision, saying delays had cost millions."
    )
    kept = clean(page)
    assert len(kept) == 2 and all("READ MORE" not in k and "[VIDEO]" not in k for k in kept)


def test_donation_appeal_block_is_dropped_but_quoted_we_is_kept():
    page = (
        '"We will not give up our land," the minister told reporters on Friday.\n\n'
        "Talks are expected to resume in Geneva next month, officials said.\n\n"
        "Dear readers,\n\n"
        "We rely on you. Our reporting is free because readers like you support us every month.\n\n"
        "Every contribution, big or small, keeps our journalism independent. Thank you.\n\n"
        "Monthly\n\nAnnual\n\nContinue"
    )
    kept = clean(page)
    assert kept == [
        '"We will not give up our land," the minister told reporters on Friday.',
        "Talks are expected to resume in Geneva next month, officials said.",
    ]


def test_photo_caption_glued_to_its_credit_is_dropped():
    page = (
        "The president spoke to parliament for two hours on Tuesday.\n\n"
        "The president at the podium. He spoke about the economy.\n"
        "Jane Doe/Reuters via Getty Images\n\n"
        "Opposition leaders walked out before the end of the speech."
    )
    kept = clean(page)
    assert kept == [
        "The president spoke to parliament for two hours on Tuesday.",
        "Opposition leaders walked out before the end of the speech.",
    ]


def test_long_prose_without_final_punctuation_is_kept():
    para = (
        "Many important complexity classes can be defined by bounding the time or space used by "
        "the algorithm. Some important complexity classes of decision problems defined in this "
        "manner are the following"
    )
    assert is_prose(para)
    assert clean(para) == [para]


def test_academic_we_in_a_single_paragraph_is_kept():
    para = (
        "However, some problems are easier to analyze in terms of unusual resources. For "
        "example, we say that a machine accepts an input if some branch accepts it, and we "
        "measure the cost by the number of steps along the shortest accepting branch."
    )
    assert clean(para) == [para]


def test_lines_repeated_across_documents_are_dropped():
    footer = "Copyright holders reserve their rights to these pages and this footer text."
    docs = [f"Story number {i} tells of an event in town number {i}.\n\n{footer}" for i in range(4)]
    repeated = repeated_lines(docs)
    assert clean(docs[0], repeated) == ["Story number 0 tells of an event in town number 0."]


def test_reader_address_ignores_quoted_speech():
    assert reader_address('"We must act," he said.') == 0
    assert reader_address("We need your help today.") == 2


def test_explain_gives_a_reason_for_every_paragraph():
    decisions = explain("Leave a Reply\n\nThe vote was held on Sunday in all regions.")
    assert [(d.keep, bool(d.reason)) for d in decisions] == [(False, True), (True, True)]


def test_short_paragraphs_in_another_language_are_prose():
    # English function words are rare in German or Spanish: the stop-word density test, which
    # catches keyword lists in English pages, must not take every short paragraph for one.
    german = ("Die Bundesregierung hat am Dienstag eine Reform der Rente angekündigt.\n\n"
              "Die Gewerkschaften riefen zu Streiks im ganzen Land auf.\n\n"
              "In Berlin demonstrierten tausende Menschen gegen die Pläne.")
    assert all(d.keep for d in explain(german))
    listing = "Armenia, Russia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, Azerbaijan, Turkey."
    english = ("The minister said on Monday that the plan would be delayed until next year, "
               "and that the talks with the unions would go on.\n\n")
    kept = {d.text: d.keep for d in explain(english + listing)}
    assert kept[listing] is False and any(kept.values())


def _sentences(text: str, repeated: frozenset[str] | set[str] = frozenset()) -> set[str]:
    return {s for p in clean(text, repeated) for s in split_sentences(p)}


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_page_flattened_into_one_line_is_cleaned_as_the_page_is(path):
    # Text pulled from HTML often comes as one line, its line ends turned into spaces: the
    # gaps left where lines ended set the headlines, credits and teasers apart again.
    text = path.read_text(encoding="utf-8")
    flat = " ".join(text.split("\n"))
    assert "\n" not in flat
    assert _sentences(flat) == _sentences(text)


def test_a_flattened_page_without_line_gaps_keeps_most_of_its_prose():
    # Single spaces everywhere: fragments glue to the sentence after them, so a little
    # furniture may stay, but the page is not dropped whole for the teaser inside it.
    text = (SEEDS / "004_ecccbed35c387cb0.txt").read_text(encoding="utf-8")
    kept, flat = _sentences(text), _sentences(" ".join(text.split()))
    assert len(kept & flat) >= 0.8 * len(kept)


def test_a_long_prose_paragraph_is_kept_whole_and_verbatim():
    sentence = "The committee met on Tuesday and reviewed the budget of the regional council. "
    paragraph = (sentence * 30).strip()  # 390 words: judged in pieces, all of them prose
    kept = clean(paragraph)
    assert len(kept) > 1 and all(p in paragraph for p in kept)
    assert " ".join(kept) == paragraph


def test_a_teaser_inside_a_long_line_drops_only_its_own_piece():
    prose = "The council approved the new budget for schools and roads after a long debate. " * 12
    line = (prose + "READ MORE:  Ten things to do this weekend  " + prose).strip()
    kept = " ".join(clean(line))
    assert "Ten things" not in kept and "READ MORE" not in kept
    assert kept.count("The council approved") == 24


@pytest.mark.parametrize("line", [
    "You may want to subscribe to the nettle-bugs mailing list.",
    "If you would like to contribute code for Wget, please read the HACKING file.",
    "Copyright (c) 2020 The Authors. All rights reserved.", "See also: the manual page.",
    "$ ./bootstrap"])
def test_what_documentation_says_too_is_no_sign_of_a_web_page(line):
    assert web_signals([line]) == []


@pytest.mark.parametrize("line", ["READ MORE: Putin warns Armenia", "Sign up for our newsletter",
                                  "Alexei Druzhinin/AFP via Getty Images", "Leave a Reply"])
def test_page_furniture_is_a_sign_of_a_web_page(line):
    assert len(web_signals([line])) == 1


def test_a_long_word_is_read_in_one_pass_for_furniture() -> None:
    """A data URI or a base64 line is one word of thousands of characters: the patterns for an
    address and for a word of code once tried every start inside it (seconds for 20,000
    characters, growing with the square of its length); a short line with one still counts."""
    word = "iVBORw0KGgo" * 20_000
    assert web_signals([f"Sign up for our newsletter {word}"]) == ["sign up"]
    assert web_signals([f"{word} $session.login() and joe@example.com"]) == []


PROSE = "The council approved the budget on Tuesday after a long debate."


def test_two_kinds_of_furniture_make_a_web_page_and_one_word_in_a_manual_does_not():
    assert looks_like_web_page([PROSE, "Sign up for our newsletter", "Privacy policy", PROSE])
    manual = [PROSE] * 60 + ["Register the XSLT pattern associated to @cur",
                             "Register a new document, apply key computations",
                             "Register an XSLT extension module to the library."]
    assert not looks_like_web_page(manual)
    # a furniture word in code is an identifier; "log in" and "login" are one phrase
    faq = [PROSE] * 40 + ["To log in, use the login method:", "$ftp->login('user', 'pw');",
                          "$session.login()", "Net::FTP::login"]
    assert web_signals(faq[40:]) == ["log in"]
    assert not looks_like_web_page(faq)
    assert not looks_like_web_page([PROSE] * 40 + ["Log in", "Login", "Log-in"])
    # the same furniture line over and over on a short page still marks it
    assert looks_like_web_page([PROSE] * 10 + ["READ MORE: Putin warns Armenia"] * 3)


def test_one_search_for_every_furniture_phrase_finds_what_the_searches_kind_by_kind_find(
        ) -> None:
    """``marker_kinds`` and ``web_signals`` search a paragraph kind by kind only when one
    pattern of every kind's phrases finds one: it must find one exactly when some kind does."""
    from pathlib import Path

    from retrieval.ingest import clean
    from retrieval.ingest.segment import paragraphs

    texts = [f"{pre}{phrase}{post}" for phrases in clean.MARKERS.values() for phrase in phrases
             for pre, post in (("", ""), ("A ", " b."), ("x", ""), ("", "y"), ("(", ")"))]
    data = Path(__file__).parent / "data"
    for path in sorted(data.glob("docs_*/*.md"))[:40]:
        texts += paragraphs(path.read_text(encoding="utf-8"))
    for text in texts:
        for one, kinds in ((clean._ANY_MARKER_RE, list(clean.MARKERS)),
                           (clean._ANY_SIGNAL_RE, clean._SIGNAL_KINDS)):
            assert (one.search(text) is not None) == any(
                clean._MARKER_RE[k].search(text) for k in kinds), text


def test_a_notice_is_found_as_the_pattern_finds_it() -> None:
    """``is_notice`` looks an ASCII text through for the pattern's phrases first: the same
    answers as the pattern alone, in any case, with and without the phrases."""
    import random

    from retrieval.ingest.clean import _NOTICE_RE, is_notice

    rng = random.Random(3)
    parts = ["Copyright", "COPYRIGHT", "copyrights", "(c) 2014", "(C)1999", "(c)", "©",
             "All Rights Reserved", "all  rights reserved", "rights", "text", " ", ".", "ſ",
             "K", "\u212a", "a", "c", "(", "2020"]
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert is_notice(text) == bool(_NOTICE_RE.search(text)), text


def test_common_english_words_are_those_wordfreq_rates_common() -> None:
    """``_common_english`` looks a lower-case ASCII word up in the list's common words: the
    same answer as ``zipf_frequency``, for every word of the list (and in other cases) and
    for words it does not hold."""
    import random
    import string

    from wordfreq import get_frequency_list, zipf_frequency

    from retrieval.ingest.clean import _COMMON_ZIPF, _common_english

    rnd = random.Random(3)
    words = [w for band in get_frequency_list("en", "small") for w in band]
    words += ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(4, 9)))
              for _ in range(5000)]
    words += [w.upper() for w in words[:300]] + [w.capitalize() for w in words[:300]]
    words += ["café", "naïve", "straße", "don't", "über"]
    for w in words:
        assert _common_english.__wrapped__(w) == (
            zipf_frequency(w, "en", wordlist="small") >= _COMMON_ZIPF), w


def test_stop_words_are_counted_in_any_case_as_when_lower_cased() -> None:
    """``stopword_density`` looks words up as written among every case of the stop words: the
    same count as lower-casing each, since no character outside ASCII lower-cases to ASCII
    but the Kelvin sign (to "k", in no stop word)."""
    import random

    from retrieval.ingest.clean import _STOPWORDS, _STOPWORDS_ANY_CASE, stopword_density
    from retrieval.ingest.segment import words

    outside = [c for c in map(chr, range(0x80, 0x110000)) if c.lower().isascii()]
    assert outside == ["\u212a"] and not any("k" in w for w in _STOPWORDS)
    assert {w.lower() for w in _STOPWORDS_ANY_CASE} == _STOPWORDS
    rnd = random.Random(17)
    pool = [*_STOPWORDS, "Kelvin", "\u212aey", "İt", "ıt", "ſo", "word", "ﬁt", "ÆON", "δ"]
    for _ in range(3000):
        picked = [rnd.choice(pool) for _ in range(rnd.randint(0, 12))]
        text = " ".join("".join(c.upper() if rnd.random() < 0.3 else c for c in w)
                        for w in picked)
        ws = words(text)
        expected = (sum(w.lower() in _STOPWORDS for w in ws) / len(ws)) if ws else 0.0
        assert stopword_density(text) == expected, text
