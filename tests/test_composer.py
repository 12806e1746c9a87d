"""Answer composing: citations, highlights, duplicates and abstention."""

from __future__ import annotations

import dataclasses

import pytest

from retrieval import NOT_FOUND, QAEngine
from retrieval.composer import ComposerConfig, parse_query
from retrieval.corpus import Document

TEXTS = [
    "The harbour bridge was opened in 1932 by the premier of the state. It carries eight lanes "
    "of traffic and two railway tracks across the harbour.",
    "The city zoo houses more than 4,000 animals from 350 species. Its elephants arrived in 1916 "
    "on a ship from Asia.",
    "The harbour bridge was opened in 1932 by the premier of the state, reports said. Tourists "
    "can climb the arch of the bridge with a guide.",
]


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine.from_texts(TEXTS, ids=["bridge", "zoo", "bridge-copy"])


def test_answers_with_a_cited_verbatim_sentence(engine):
    answer = engine.ask("When was the harbour bridge opened?")
    assert answer.answered
    first = answer.sentences[0]
    assert "1932" in first.text and first.source in ("bridge", "bridge-copy")
    assert first.text in TEXTS[0] + TEXTS[2]
    assert answer.sources[first.citation - 1].id == first.source


def test_highlights_mark_the_matched_words(engine):
    first = engine.ask("When was the harbour bridge opened?").sentences[0]
    marked = {first.text[a:b].lower() for a, b in first.highlights}
    assert {"harbour", "bridge", "opened"} <= marked


def test_near_duplicate_sentences_are_quoted_once(engine):
    answer = engine.ask("When was the harbour bridge opened by the premier?")
    texts = [s.text for s in answer.sentences]
    assert sum("opened in 1932" in t for t in texts) == 1


def test_a_sentence_quoted_with_what_follows_it_is_not_quoted_again():
    # "It was owned by Hans Weber." came first, then "The Red Mill bakery opened in 1901. It
    # was owned by Hans Weber." (the sentence the pronoun needs, with what follows it)
    engine = QAEngine.from_texts(["The Red Mill bakery opened in 1901. It was owned by Hans "
                                  "Weber. The bakery sells rye bread."], ids=["bakery"])
    answer = engine.ask("Who owned the bakery?")
    texts = [s.text for s in answer.sentences]
    assert sum("owned by Hans Weber" in t for t in texts) == 1
    assert "Hans Weber" in texts[0]


def test_json_shape(engine):
    data = engine.ask("How many animals does the zoo have?").model_dump(mode="json")
    assert {"question", "answered", "text", "sentences", "sources"} <= data.keys()
    s = data["sentences"][0]
    assert {"text", "source", "title", "score"} <= s.keys() and "4,000" in s["text"]
    assert {"id", "title", "url", "publisher"} <= data["sources"][0].keys()


@pytest.mark.parametrize(
    "question",
    ["hello", "thanks!", "asdf qwerty zxcv", "", "???", "Who won the football World Cup?",
     "What is the population of Mongolia?"],
)
def test_abstains_when_the_corpus_does_not_hold_the_answer(engine, question):
    answer = engine.ask(question)
    assert not answer.answered and answer.text == NOT_FOUND and answer.sentences == []
    assert answer.sources == []


def test_abstention_offers_related_documents_not_an_answer(engine):
    answer = engine.ask("Who designed the harbour lighthouse in Lisbon?")
    assert not answer.answered
    assert answer.related and answer.sentences == []


def test_search_returns_hits_best_first(engine):
    hits = engine.search("zoo elephants", k=3)
    assert hits[0].doc_id == "zoo"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_from_texts_checks_ids(engine):
    with pytest.raises(ValueError):
        QAEngine.from_texts(["a b c"], ids=["x", "y"])


def test_from_texts_warns_of_each_text_left_out_and_of_no_other():
    from structlog.testing import capture_logs

    menu = "Home\nNews\n"  # nothing to quote
    with capture_logs() as logs:
        engine = QAEngine.from_texts([menu, TEXTS[0], menu, menu, TEXTS[1], menu],
                                     ids=["m1", "bridge", "m2", "zoo", "zoo", "m1"])
    assert engine.document_ids() == ["bridge", "zoo"]
    # one warning a text left out, an id it shares with a text kept or not
    assert [e["path"] for e in logs if e["event"] == "file_skipped"] == ["m1", "m2", "zoo", "m1"]


# --- words of like meaning (retrieval/similarity.py) -------------------------------------------

LIKE_TEXTS = [
    "The town of Birch asked the governor about taxes in May.",
    "The town of Alder asked the governor for assistance after the storm in June.",
    "The villagers left their homes before dawn, fearing floods from the broken dam.",
]


@pytest.mark.parametrize("similar", [False, True])
def test_a_word_of_like_meaning_ranks_its_sentence_first(similar):
    engine = QAEngine.from_texts(LIKE_TEXTS, similar_words=similar,
                                 config=ComposerConfig(min_confidence=0.0))
    first = engine.ask("Which town asked the governor for help?").sentences[0]
    # Both towns "asked the governor"; only Alder's sentence says "assistance" (~ "help").
    assert ("Alder" in first.text) is similar


def test_a_word_of_like_meaning_counts_towards_coverage():
    config = ComposerConfig(min_coverage=0.7)
    question = "What were the villagers afraid of?"  # the text says "fearing"
    exact = QAEngine.from_texts(LIKE_TEXTS, similar_words=False, config=config).ask(question)
    alike = QAEngine.from_texts(LIKE_TEXTS, similar_words=True, config=config).ask(question)
    assert not exact.answered
    assert alike.answered and "fearing floods" in alike.sentences[0].text
    assert alike.coverage > 0.7


def test_names_only_match_exactly():
    engine = QAEngine.from_texts(LIKE_TEXTS)
    query = parse_query("What did Macron tell the town about the storm?", engine.index)
    # a name the corpus lacks is no synonym of one it has: it is never offered for matching
    assert "macron" not in query.words and query.words["storm"] == "storm"
    assert "town" in query.words and "what" not in query.words


def test_the_terms_of_one_written_word_weigh_less_each():
    engine = QAEngine.from_texts([
        "The registry daemon keeps track of applications.",
        "Report bugs in at-spi2-core to the core tracker; spi 2 is the bus.",
        "The spi bus runs 2 core jobs."])
    apart = parse_query("What does registry do in spi 2 core?", engine.index)
    joined = parse_query("What does registry do in at-spi2-core?", engine.index)
    # "at-spi2-core" is one word of three terms: each weighs its idf over the square root of 3
    for term in ("spi", "2", "core"):
        assert joined.weights[term] == pytest.approx(apart.weights[term] / 3 ** 0.5)
    assert joined.weights["registri"] == apart.weights["registri"]
    # a hyphen between stop words and a term parts nothing: "at" is no term
    assert parse_query("What is re-run?", engine.index).weights == parse_query(
        "What is run?", engine.index).weights


def test_abstains_when_most_question_words_are_missing(engine):
    # "elephants" is a rare word of the corpus, but "gravitational" and "constant" are nowhere
    question = "What is the gravitational constant for elephants?"
    assert not engine.ask(question).answered
    lenient = QAEngine.from_texts(TEXTS, config=ComposerConfig(min_word_share=0.0,
                                                               min_confidence=0.0))
    assert lenient.ask(question).answered  # the rule, not the coverage, refuses it


def test_a_word_of_like_meaning_is_highlighted_too():
    answer = QAEngine.from_texts(LIKE_TEXTS).ask("Which town asked the governor for help?")
    first = answer.sentences[0]
    marked = {first.text[a:b].lower() for a, b in first.highlights}
    assert {"town", "asked", "governor", "assistance"} <= marked and "storm" not in marked


def test_a_lead_in_is_quoted_with_its_list():
    engine = QAEngine.from_texts(["Frob Manual\n\nFrob is a tool for files.\n\n"
                                  "Frob needs three things to run:\n\n- a POSIX shell\n"
                                  "- the zlib library\n- 2 GB of disk space\n\n"
                                  "Frob is free software under the MIT licence.\n"])
    answer = engine.ask("What things does frob need to run?")
    assert answer.sentences[0].text == ("Frob needs three things to run:\n• a POSIX shell\n"
                                        "• the zlib library\n• 2 GB of disk space")
    assert len(answer.sentences) == 1 or "zlib" not in answer.sentences[1].text


def test_what_is_prefers_the_sentence_that_defines_it():
    engine = QAEngine.from_texts([
        "For documentation on gizmux, see the gizmux manual page in the source tree.\n\n"
        "A small example configuration for gizmux is in the examples folder.\n\n"
        "gizmux is a terminal multiplexer: it runs many programs in one screen.\n"])
    assert engine.ask("What is gizmux?").sentences[0].text.startswith("gizmux is a terminal")


def test_a_rare_word_must_be_in_the_cited_document_with_sections(tmp_path):
    """In a document with sections (a manual: one topic), not in a paragraph or a news page."""
    (tmp_path / "venv.md").write_text(
        "# Environments\n\n## Creating one\n\nTo create a virtual environment, run the venv "
        "module with the target directory.\n")
    (tmp_path / "gizmux.md").write_text(
        "# Gizmux\n\n## Keys\n\nThe gizmux prefix key is set in the configuration file.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert engine.ask("How do I create a virtual environment with venv?").answered
    assert not engine.ask("How do I create a virtual environment with gizmux?").answered
    flat = QAEngine.from_texts([
        "To create a virtual environment, run the venv module with the target directory.",
        "The gizmux prefix key is set in the configuration file of the terminal."])
    assert flat.ask("How do I create a virtual environment with gizmux?").answered


def test_a_sentence_pointing_back_is_quoted_with_the_one_before():
    engine = QAEngine.from_texts([
        "Frob reads files. When a file is frobbed, it is sometimes useful to keep the old copy "
        "afterwards. This can be done by passing --keep before the file name. Frob is fast."])
    (first, *_) = engine.ask("How do I keep the old copy after frobbing a file?").sentences
    assert first.text == ("When a file is frobbed, it is sometimes useful to keep the old copy "
                          "afterwards. This can be done by passing --keep before the file name.")


def test_what_does_x_stand_for_finds_the_words_its_initials_spell():
    engine = QAEngine.from_texts([
        "Blip is a tool for making command lines. The name Blip stands for Basic Line Input "
        "Parser. Blip is written in Python and runs on every system."])
    assert "Basic Line Input Parser" in engine.ask("What does Blip stand for?").sentences[0].text


def test_an_faqs_question_is_quoted_with_its_answer_and_the_answer_not_again():
    engine = QAEngine.from_texts([
        "Frob FAQ\n\n1. Can Frob encrypt archives with a password?\n\n"
        "Frob does not encrypt archives; use a separate tool to encrypt archives.\n\n"
        "2. Is Frob fast?\n\nFrob reads a gigabyte of archives a second on a laptop.\n"],
        config=ComposerConfig(min_confidence=0.0))
    answer = "Frob does not encrypt archives; use a separate tool to encrypt archives."
    texts = [q.text for q in engine.ask("Can Frob encrypt archives with a password?").sentences]
    assert texts[0] == f"1. Can Frob encrypt archives with a password? {answer}"
    assert not any(t.startswith("Frob does not encrypt") for t in texts[1:])
    # the answer ranked first: its question is not quoted after it, with it again
    texts = [q.text for q in engine.ask("Which tool should I use to encrypt archives?").sentences]
    assert texts[0] == answer
    assert sum(answer in t for t in texts) == 1



@pytest.mark.parametrize(("lang", "text", "question", "answer"), [
    ("el", "Σεισμοί στην Κρήτη\n\nΓιατί η Κρήτη έχει τόσους σεισμούς; Το νησί βρίσκεται πάνω "
     "από το σημείο όπου η αφρικανική πλάκα βυθίζεται κάτω από την ευρασιατική.\n\n"
     "Το λιμάνι του Ηρακλείου δέχεται πλοία κάθε μέρα.\n",
     "Γιατί η Κρήτη έχει τόσους σεισμούς;", "Το νησί βρίσκεται πάνω"),
    ("ar", "الطاقة الشمسية في المغرب\n\nلماذا اختير موقع ورزازات؟ تتمتع المنطقة بأكثر من 3000 "
     "ساعة من أشعة الشمس سنويا.\n\nيمتد المجمع على مساحة 3000 هكتار قرب المدينة.\n",
     "لماذا اختير موقع ورزازات؟", "تتمتع المنطقة"),
])
def test_a_question_in_the_text_marked_in_its_scripts_way_is_quoted_with_its_answer(
        lang, text, question, answer):
    engine = QAEngine.from_documents([Document("d", "", text, lang=lang)],
                                     config=ComposerConfig(min_confidence=0.0))
    first = engine.ask(question).sentences[0].text
    assert first.startswith(question) and answer in first

def test_an_items_own_lead_in_is_quoted_with_its_sub_items():
    engine = QAEngine.from_texts([
        "Rules\n\n1. Scope. These rules apply to every member of the club.\n\n"
        "2. Guests. You may bring guests provided that You meet the following conditions:\n\n"
        "(a) You must sign them in at the desk;\n\n(b) You must stay with them at all times.\n\n"
        "3. Fees. Members pay their fees every year in January.\n"])
    text = engine.ask("Which conditions must I meet to bring guests?").sentences[0].text
    assert text.endswith("following conditions:\n• (a) You must sign them in at the desk;\n"
                         "• (b) You must stay with them at all times.")


@pytest.mark.parametrize(("texts", "without", "with_it"), [
    (["The harbour bridge was opened by the premier of the state.",
      "The zoo's elephants arrived on a ship from Asia in 1916."],
     "When was the harbour bridge opened?", "When did the zoo's elephants arrive?"),
    (["The bug bounty of the project is managed through a platform for researchers.",
      "Each module is imported only once per interpreter session, for efficiency reasons."],
     "How much does the project's bug bounty pay?",
     "How often is each module imported per session?"),
])
def test_a_question_asking_for_a_date_or_number_needs_one_in_its_answer(texts, without, with_it):
    engine = QAEngine.from_texts(texts)
    missing = engine.ask(without)
    assert not missing.answered
    # it says why, its confidence aside (which may be over the threshold)
    assert missing.abstained == ("no_date" if without.startswith("When") else "no_quantity")
    answered = engine.ask(with_it)
    assert answered.answered and answered.abstained is None


def test_an_abstention_says_why(engine):
    assert engine.ask("asdf qwerty zxcv").abstained == "nothing_matched"
    assert engine.ask("What is the population of Mongolia?").abstained in (
        "nothing_matched", "low_confidence", "terms_apart")
    data = engine.ask("How many animals does the zoo have?").model_dump(mode="json")
    assert data["answered"] and data["abstained"] is None


def test_the_sentence_under_a_heading_naming_x_defines_x():
    engine = QAEngine.from_texts([
        "gizmux\n======\n\nA package of small utilities that use the proc file-system.\n\n"
        "Latest\n------\n\nFor the latest gizmux source, visit the gizmux project page.\n\n"
        "The gizmux icons were drawn by a designer who let gizmux use them.\n"])
    assert engine.ask("What is gizmux?").sentences[0].text.startswith("A package of small")


def test_a_which_version_question_needs_a_number():
    engine = QAEngine.from_texts(["This version of the frob library does not handle the REAL "
                                  "type yet, and the manual says so."])
    assert not engine.ask("Which version of frob added support for the REAL type?").answered


def test_a_number_beside_the_answer_but_not_in_it_counts_for_less():
    texts = ["Nominations for the spotlight are reviewed by the steering committee on a regular "
             "basis. The steering committee has 12 members from 5 companies."]
    question = "How many days does the steering committee take to review spotlight nominations?"
    engine, full = (QAEngine.from_texts(texts, config=ComposerConfig(evidence_beside_factor=f))
                    for f in (0.25, 1.0))
    assert engine.rank(question).candidates[0].sentence.text.startswith("Nominations")
    assert engine.ask(question).confidence == pytest.approx(
        0.25 * full.ask(question).confidence, abs=1e-3)
    inside = QAEngine.from_texts(["Nominations for the spotlight are reviewed by the steering "
                                  "committee within 14 days."])
    assert inside.ask(question).answered


def test_the_headings_a_passage_sits_under_count_near_its_sentences():
    from retrieval.corpus import Document
    from retrieval.index import TermIndex
    from retrieval.ingest.blocks import Block, Parsed
    from retrieval.layout import build_collection

    def blocks(*rows):
        return [Block(kind, text, section, level=len(section) if kind == "heading" else 0)
                for kind, text, section in rows]

    guide = Parsed(blocks(("heading", "Frob", ("Frob",)),
                          ("heading", "Installation", ("Frob", "Installation")),
                          ("paragraph", "Some text about the tool comes first here.",
                           ("Frob", "Installation")),
                          ("paragraph", "Run make and then make install as root.",
                           ("Frob", "Installation"))))
    other = Parsed(blocks(("paragraph", "The installation of a new kitchen takes a week.", ())))
    collection, texts = build_collection([Document("guide", "", "", parsed=guide),
                                          Document("other", "", "", parsed=other)])
    engine = QAEngine(TermIndex.build(texts), collection, similar_words=False)
    assert engine.ask("How do I do the frob installation?").sentences[0].text == (
        "Run make and then make install as root.")


def test_names_and_rare_words_are_asked_of_english_questions_only():
    from retrieval.composer import parse_query

    engine = QAEngine.from_texts(["Der Stadtrat hat am Montag den Plan für den Hafen gebilligt.",
                                  "The gizmux prefix key is set in the configuration file."])
    assert parse_query("What is the gizmux prefix key?", engine.index).specific == {"gizmux"}
    assert parse_query("Wann hat der Stadtrat den Plan gebilligt?", engine.index).specific == set()
    # a release's number is named as a name is: a manual that never writes "5.0" tells
    # nothing of what 5.0 does or when it comes out
    assert parse_query("When is gizmux 5.0 coming out?", engine.index).specific == {
        "gizmux", "5.0"}
    assert parse_query("Is the key set in 2 files?", engine.index).specific == set()


def test_a_manual_never_naming_a_specific_word_of_the_question_is_not_about_it(tmp_path):
    from retrieval.collection import Sentence
    from retrieval.composer import _lacks_specific

    manual = ("# Gizmux\n\n## Installation\n\nInstall gizmux with the vcpkg package manager: "
              "run vcpkg install gizmux.\n")
    (tmp_path / "gizmux.md").write_text(manual)
    engine = QAEngine.from_directory(tmp_path, similar_words=False)
    plain = QAEngine.from_texts([manual.split("\n\n")[-1]], similar_words=False)  # no heading
    at = Sentence(0, 0, "Install gizmux with the vcpkg package manager.", True)
    for question, lacks in (("How do I install gizmux with Conan?", True),  # "conan": nowhere
                            ("How do I install gizmux with vcpkg?", False)):
        query = parse_query(question, engine.index)
        assert _lacks_specific(query, at, engine.collection) is lacks
        # a page without headings (news spell a name more ways than one) is not judged so
        assert not _lacks_specific(parse_query(question, plain.index), at, plain.collection)
    assert engine.ask("How do I install gizmux with Conan?").text == NOT_FOUND


def test_a_manual_its_file_names_is_about_what_the_name_says(tmp_path):
    """The notes of a project often never spell its name ("our parser"): the file's name does,
    and a question naming the project is asked of them."""
    from retrieval.collection import Sentence
    from retrieval.composer import _lacks_specific

    notes = ("# Parser conversions\n\n## Productions\n\nA production is a line in our "
             "grammar definition.\n")
    (tmp_path / "gizmux-parser-notes.md").write_text(notes)
    engine = QAEngine.from_directory(tmp_path, similar_words=False)
    at = Sentence(0, 0, "A production is a line in our grammar definition.", True)
    for question, lacks in (("What is a production in gizmux's parser?", False),
                            ("What is a production in Conan's parser?", True)):
        assert _lacks_specific(parse_query(question, engine.index), at, engine.collection) is lacks
    assert engine.ask("What is a production in gizmux's parser?").sentences[0].text == (
        "A production is a line in our grammar definition.")


FROB_LIST = ("Frob is a tool for archives.\n\nA mailing list is available to discuss Frob.\n\n"
             "In order to join, just send an empty mail to frob-subscribe at example dot org.\n\n"
             "Frob is written in C and runs on every system.")
FROB_QUESTION = "How can I join the Frob mailing list?"
FROB_SENTENCES = ["A mailing list is available to discuss Frob.",
                  "In order to join, just send an empty mail to frob-subscribe at example dot org."]


def test_two_best_sentences_next_to_each_other_are_one_quote_in_the_texts_order():
    texts = [FROB_LIST, "Gizmo is a text editor. Its mailing list is closed."]
    engine = QAEngine.from_texts(texts)
    ranking = engine.rank(FROB_QUESTION)
    assert ranking is not None
    assert ranking.logits[0] - ranking.logits[1] <= ComposerConfig().join_margin
    first = engine.ask(FROB_QUESTION).sentences[0]
    # verbatim, with the paragraph break between them; not the paragraph before
    assert first.text == "\n".join(FROB_SENTENCES)
    assert first.text in engine.passage(first.passage)
    marked = [first.text[a:b].lower() for a, b in first.highlights]
    assert {"mailing", "list", "join"} <= set(marked) and marked.count("frob") == 2

    # (not as a first quote restating the question, ``restatement.py``, with what follows it)
    apart = QAEngine.from_texts(texts, config=ComposerConfig(join_margin=-1.0, restating=False))
    assert [q.text for q in apart.ask(FROB_QUESTION).sentences][:2] == FROB_SENTENCES


def test_sentences_quoted_as_one_take_one_of_the_three_quotes(tmp_path):
    # the two best sentences, next to each other, are one quote: the next best, from other
    # manuals, still get the other two (they counted as three sentences, and crowded one out)
    pages = {"frob": "Frob is a tool for archives.\n\n" + " ".join(FROB_SENTENCES),
             "gizmo": "Gizmo has a mailing list for its users.",
             "wodget": "The Wodget mailing list is archived online.",
             "zorp": "Zorp once ran a mailing list."}
    for name, text in pages.items():
        (tmp_path / f"{name}.md").write_text(f"# {name.title()}\n\n## Community\n\n{text}\n")
    config = ComposerConfig(join_margin=10.0, follow_ratio=0.0)
    quotes = QAEngine.from_directory(tmp_path, config=config).ask(FROB_QUESTION).sentences
    assert quotes[0].text == " ".join(FROB_SENTENCES)
    assert len(quotes) == 3
    fewer = dataclasses.replace(config, max_quotes=2)
    assert len(QAEngine.from_directory(tmp_path, config=fewer).ask(FROB_QUESTION).sentences) == 2
    # pages without sections (web pages, plain texts) quote the three chosen sentences only
    texts = list(pages.values())
    assert len(QAEngine.from_texts(texts, config=config).ask(FROB_QUESTION).sentences) == 2


def test_sentences_with_more_than_whitespace_between_are_not_one_quote():
    # "$ frob --join" is a code block: a reader sees it between the two sentences (the first
    # restates the question: ``restatement.py`` would quote the next with it, for a passage's
    # text keeps no code block that leads in from no colon, and nothing there tells it apart)
    engine = QAEngine.from_texts([FROB_LIST.replace(
        "\n\nIn order", "\n\n    $ frob --join\n\nIn order"), "Gizmo is a text editor."],
        config=ComposerConfig(restating=False))
    assert [q.text for q in engine.ask(FROB_QUESTION).sentences][:2] in (
        FROB_SENTENCES, FROB_SENTENCES[::-1])


def test_the_sentence_after_a_lead_ins_code_joins_its_quote_after_the_code():
    # the code is quoted after its lead-in: the quote of both reads as the text does
    text = FROB_LIST.replace("discuss Frob.\n\nIn order",
                             "discuss Frob, to join it type:\n\n    $ frob --join\n\nIn order")
    config = ComposerConfig(join_margin=10.0)  # whatever the selector's margin between them
    engine = QAEngine.from_texts([text, "Gizmo is a text editor."], config=config)
    first = engine.ask(FROB_QUESTION).sentences[0]
    assert first.text == ("A mailing list is available to discuss Frob, to join it type:\n"
                          "    $ frob --join\n" + FROB_SENTENCES[1])
    code = first.text.index("    $ frob"), first.text.index(" --join\n") + 7
    assert {first.text[a:b].lower() for a, b in first.highlights} >= {"mailing", "list", "join"}
    assert not any(a < code[1] and b > code[0] for a, b in first.highlights)  # none in code


def test_a_specific_word_the_corpus_has_elsewhere_is_met_by_the_cited_files_name(tmp_path):
    """"gizmux" is in the corpus (another page names it) but not in the text of the notes that
    answer: their file's name holds it, so they may be cited for a question naming it."""
    (tmp_path / "gizmux-notes.md").write_text(
        "# Notes\n\n## Sessions\n\nA session is detached with the detach key, Control-B then D.\n")
    (tmp_path / "other-tools.md").write_text(
        "# Other tools\n\n## Terminals\n\nSome people prefer gizmux to screen for terminals.\n")
    engine = QAEngine.from_directory(tmp_path, similar_words=False)
    answer = engine.ask("How do I detach a session in gizmux?")
    assert answer.answered
    assert answer.sentences[0].text == (
        "A session is detached with the detach key, Control-B then D.")


def test_a_model_number_is_not_met_by_its_number_alone():
    # "X300" reads as "x" and "300": the X400's price, 300 euros, met the question's number,
    # and the X400 line was quoted first at a confidence of 0.93
    engine = QAEngine.from_texts([
        "The X200 router weighs 3 kilograms and costs 90 euros. The X300 router weighs 5 "
        "kilograms and costs 150 euros. The X400 router weighs 8 kilograms and costs 300 "
        "euros."], ids=["routers"])
    answer = engine.ask("How much does the X300 router weigh?")
    assert answer.sentences[0].text == "The X300 router weighs 5 kilograms and costs 150 euros."
    # a name's one-digit version is no model number: "2" in "Python 2.6" moves nothing
    from retrieval.precedence import code_first

    engine = QAEngine.from_texts(["Version 4.0 of the library dropped support for Python 2.6. "
                                  "The oauth2client library talks to Google services."])
    ranking = engine.rank("Which oauth2client version dropped Python 2.6?")
    assert ranking is not None
    assert code_first("Which oauth2client version dropped Python 2.6?", ranking.candidates,
                       10) == 0


def test_an_acronym_the_corpus_lacks_is_read_as_the_words_it_spells_out():
    texts = ["Northgate Foods has agreed to buy Pellham Markets for $1.9 billion. Northgate chief "
             "executive Angela Whitfield said the deal would give the company scale. Shares "
             "of Pellham jumped 27% in morning trading."]
    answer = QAEngine.from_texts(texts).ask("Who is the CEO of Northgate Foods?")
    assert "Angela Whitfield" in answer.sentences[0].text
    assert answer.read_as == {"CEO": "chief executive"}
    # a corpus that writes the acronym keeps it as it is
    kept = QAEngine.from_texts([texts[0] + " The CEO joined in 2019."]).ask(
        "Who is the CEO of Northgate Foods?")
    assert kept.read_as == {}


def test_a_number_in_the_code_a_lead_in_is_quoted_with_is_no_evidence(tmp_path):
    """A "how many" question is not answered by a lead-in whose only number is in its code."""
    (tmp_path / "frob.md").write_text(
        "# Frob\n\n## Workers\n\nFrob serves requests with a pool of worker processes.\n\n"
        "To set the number of worker processes frob starts, run:\n\n```\nfrob --workers 8\n```\n")
    engine = QAEngine.from_directory(tmp_path, save=False, similar_words=False)
    answer = engine.ask("How many worker processes does frob start?")
    assert not answer.answered
    quote = engine.ask("How do I set the worker processes frob starts?").sentences[0]
    assert quote.text.endswith("run:\n    frob --workers 8")


def test_the_rules_read_a_documents_file_name_as_near_its_every_sentence():
    # a changelog titled "CHANGELOG" speaks of the project its file is named for in every
    # sentence: "Drop Python 2.6 support." answers which gizmo-wire-client version dropped it
    log = ("Release notes\n\nv4.0.0\n\n* Drop Python 2.6 support.\n* Add a cache for tokens.\n\n"
           "v3.0.0\n\n* Add retries to the transport.\n")
    docs = [Document("gizmo-wire-client-changelog", "CHANGELOG", log),
            Document("gadget-guide", "Gadget guide",
                     "Gadgets are configured with a file. The file lists every gadget and its "
                     "options.")]
    question = "which gizmo-wire-client version dropped python 2.6?"
    answer = QAEngine.from_documents(docs, config=ComposerConfig(min_confidence=0.0)).ask(question)
    assert answer.answered and "Drop Python 2.6 support." in answer.sentences[0].text
    # read without them, the project's name is three of its seven terms apart from the answer
    off = QAEngine.from_documents(docs, config=ComposerConfig(min_confidence=0.0,
                                                              rules_read_names=False))
    assert off.ask(question).abstained == "terms_apart"
    # a question no sentence of it meets but by the names is still abstained
    assert QAEngine.from_documents(docs).ask(
        "which gizmo-wire-client version dropped the login form?").abstained is not None
    # ... and a document without sections is not read so: a corpus of paragraphs named for
    # their articles (XQuAD's, named in English whatever the language) or a news page
    flat = [Document("gizmo-wire-client-changelog", "CHANGELOG",
                     "The release dropped Python 2.6 support and added a cache for tokens."),
            docs[1]]
    assert QAEngine.from_documents(flat, config=ComposerConfig(min_confidence=0.0)).ask(
        question).abstained == "terms_apart"


def test_the_term_coverage_rules_read_the_sentence_quoted_first(engine):
    # the reweighing quotes a sentence meeting the question ("All responses are returned as
    # bytes ..."), while the heading's best, which the other gates judge, meets none of it
    # ("Special thanks to:"): the rules read what is quoted (``compose`` passes it)
    from retrieval.candidates import Candidate
    from retrieval.collection import Sentence
    from retrieval.composer import TERMS_APART, _abstention
    from retrieval.selection import FEATURES

    def candidate(text: str, share: float) -> Candidate:
        row = [0.0] * len(FEATURES)
        for name in ("win", "known_share", "word_share"):
            row[FEATURES.index(name)] = share
        return Candidate(Sentence(0, 0, text, True), set(), set(), set(), {}, row)

    judged = candidate("Special thanks to:", 0.1)
    quoted = candidate("All responses are returned as bytes.", 0.9)
    only_rules = ComposerConfig(rules_read_names=False, specific_gate=False,
                                unseen_specific_gate=False, subject_gate=False,
                                supports_gate=False, value_gate=False, opening_gate=False,
                                evidence_needed=frozenset())
    question = "why does the bridge give bytes back?"
    query = parse_query(question, engine.index, only_rules)

    def why(first: Candidate) -> str | None:
        return _abstention(question, query, judged, 0.9, 0.1, engine.collection, only_rules,
                           None, [], lambda: "", first)

    assert why(quoted) is None
    assert why(judged) == TERMS_APART
