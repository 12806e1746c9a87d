"""``retrieval.ranking``: every candidate sentence with its features and what it means together
with the question, in the selector's order."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval import QAEngine
from retrieval.analyzer import analyzer
from retrieval.candidates import Ranking
from retrieval.selection import FEATURES, MEANING_DIM

TEXTS = [
    "The Harbour Bridge opened in 1932 after eight years of construction.",
    "The bridge carries eight lanes of road traffic and two railway tracks.",
    "Ferries cross the harbour every twenty minutes from the main quay.",
]


def test_candidates_carry_their_features_and_meaning_best_first() -> None:
    ranking = QAEngine.from_texts(TEXTS).rank("When did the bridge open?")
    assert ranking is not None and len(ranking.candidates) >= 2
    for c in ranking.candidates:
        assert len(c.features) == len(FEATURES) and c.meaning.shape == (MEANING_DIM,)
        assert np.isfinite(c.meaning).all() and np.abs(c.meaning).sum() > 0
    assert list(ranking.logits) == sorted(ranking.logits, reverse=True)
    assert "1932" in ranking.candidates[0].sentence.text


def test_without_word_vectors_meaning_is_zero_and_ranking_still_works() -> None:
    ranking = QAEngine.from_texts(TEXTS, similar_words=False).rank("When did the bridge open?")
    assert ranking is not None
    assert all(not c.meaning.any() for c in ranking.candidates)
    assert "1932" in ranking.candidates[0].sentence.text


def rank_markdown(folder: Path, markdown: str, question: str) -> Ranking:
    """The ranking of ``question`` over one Markdown document."""
    (folder / "api.md").write_text(markdown, encoding="utf-8")
    ranking = QAEngine.from_directory(folder, index_dir=folder / "index").rank(question)
    assert ranking is not None
    return ranking


def test_a_list_items_first_sentence_is_in_the_window_of_its_later_ones(tmp_path: Path) -> None:
    ranking = rank_markdown(
        tmp_path, "# createInterface(options)\n\nThe options are:\n\n"
        "* `historySize` {number} Maximum number of history lines retained. To disable the\n"
        "  history set this value to `0`. This option makes sense only in a terminal.\n"
        "  **Default:** `30`.\n"
        "* `tabSize` {integer} The number of spaces a tab is equal to. **Default:** `8`.\n",
        "What is the default historySize?")
    window = {c.sentence.text: c.window for c in ranking.candidates}
    later = next(t for t in window if t.endswith("Default: 30."))
    assert not later.startswith("historySize")  # a later sentence of the item ...
    term = analyzer("en").term("historysize")
    assert term in window[later]  # ... has the item's subject near it
    assert term not in window["tabSize {integer} The number of spaces a tab is equal to. "
                              "Default: 8."]


def test_the_text_under_a_heading_past_its_signature_line_defines_it(tmp_path: Path) -> None:
    ranking = rank_markdown(
        tmp_path,
        "# readline\n\n### `rl.line`\n\n* {string}\n\nThe current input data being processed.\n\n"
        "### `rl.cursor`\n\n* {number|undefined}\n\nThe cursor position relative to `rl.line`.\n\n"
        "### `rl.getCursorPos()`\n\n* Returns: {Object}\n\n"
        "Returns the real position of the cursor in relation to the input prompt.\n",
        "What is rl.cursor?")
    defined = {c.sentence.text: c.features[FEATURES.index("defined")] for c in ranking.candidates}
    assert defined["The cursor position relative to rl.line."] == 1.0
    assert not any(v for t, v in defined.items() if not t.startswith("The cursor position"))


def test_what_an_acronym_stands_for_is_the_sentence_spelling_it_out(tmp_path: Path) -> None:
    (tmp_path / "glossary.md").write_text(
        "# Glossary\n\n## BSP\n\nA Board Support Crate provides a high level interface. "
        "It usually depends on a HAL crate.\n\n## HAL\n\nA Hardware Abstraction Layer crate "
        "provides a developer friendly interface to a microcontroller's features. It may also "
        "implement traits from the embedded-hal crate.\n\n## PAC\n\nA Peripheral Access "
        "Crate provides access to the registers.\n")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("What does HAL stand for?")
    assert ranking is not None
    assert ranking.candidates[0].sentence.text.startswith("A Hardware Abstraction Layer")


def test_a_lead_ins_list_cut_into_the_next_passage_is_quoted_whole(tmp_path: Path) -> None:
    long = " ".join(["The reasons for it are given in the section on ranges below."] * 5)
    items = "".join(f"{k}. Recommendation {k} is to weigh range {k}. {long}\n\n"
                    for k in range(1, 5))  # 60 words an item: the list outgrows its passage
    ranking = rank_markdown(
        tmp_path, "# Containers\n\nIf you write a container manager and wonder how many "
        "identifiers to assign to your containers, here are a few recommendations:\n\n" + items,
        "How many identifiers should a container manager assign to containers?")
    lead = next(c.sentence for c in ranking.candidates if c.sentence.text.endswith(":"))
    own = ranking.sents_of[lead.passage]
    assert not any("Recommendation 4" in s.text for s in own)  # the list goes on past it
    quoted = ranking.full_text(lead)
    assert "• Recommendation 1 is to weigh range 1." in quoted
    assert "• Recommendation 4 is to weigh range 4." in quoted


def test_only_a_document_of_more_than_one_passage_has_a_lead(tmp_path: Path) -> None:
    # a one-paragraph note's first sentence is any paragraph's first: it is no document's lead
    (tmp_path / "note.txt").write_text(
        "The harbour ferry leaves the quay at noon. It returns at six.\n", encoding="utf-8")
    body = " ".join(f"Section {k} of the guide describes harbour ferry timetables for week {k}."
                    for k in range(1, 80))  # several passages
    (tmp_path / "guide.txt").write_text(
        "The harbour ferry guide lists every crossing of the year.\n\n" + body + "\n",
        encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("When does the harbour ferry leave?")
    assert ranking is not None
    lead = {c.sentence.text: c.features[FEATURES.index("lead")] for c in ranking.candidates}
    assert lead["The harbour ferry leaves the quay at noon."] == 0.0
    assert lead["The harbour ferry guide lists every crossing of the year."] == 1.0
    assert not any(v for t, v in lead.items() if not t.startswith("The harbour ferry guide"))


def test_a_page_opening_on_a_caption_opens_with_its_first_statement_too(tmp_path: Path
                                                                          ) -> None:
    # a figure's caption before the text ("Diaphragm pump schematic.") states nothing: the
    # page's first sentence that does opens it too
    body = " ".join(f"Section {k} of the manual describes diaphragm pump seals for model {k}."
                    for k in range(1, 80))  # several passages
    (tmp_path / "pump.txt").write_text(
        "Diaphragm pump schematic.\n\nA diaphragm pump is a positive displacement pump that "
        "uses a flexing membrane.\n\nIt is used in wells.\n\n" + body + "\n",
        encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("What is a diaphragm pump?")
    assert ranking is not None
    lead = {c.sentence.text: c.features[FEATURES.index("lead")] for c in ranking.candidates}
    assert lead["Diaphragm pump schematic."] == 1.0
    assert lead["A diaphragm pump is a positive displacement pump that uses a flexing "
                "membrane."] == 1.0
    assert not any(v for t, v in lead.items() if t.startswith(("It is", "Section")))


def test_a_date_line_under_the_title_opens_no_document(tmp_path: Path) -> None:
    # a memo's or a proposal's date under its title ("2020-07-23") is no sentence of its: it
    # is no lead, which "what is X about?" prefers (it was quoted, sure, for that question)
    body = " ".join(f"Section {k} of the proposal describes frobnicator views for case {k}."
                    for k in range(1, 80))  # several passages
    (tmp_path / "prop.md").write_text(
        "# Proposal 9: frobnicator views\n\n2020-07-23\n\nThe frobnicator proposal adds "
        "views that slice graphs.\n\n" + body + "\n", encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("What is proposal 9 about?")
    assert ranking is not None
    lead = {c.sentence.text: c.features[FEATURES.index("lead")] for c in ranking.candidates}
    assert lead.get("2020-07-23", 0.0) == 0.0
    assert lead["The frobnicator proposal adds views that slice graphs."] == 1.0


def test_a_document_saying_what_it_is_defines_what_its_title_names(tmp_path: Path) -> None:
    (tmp_path / "frob-readme.md").write_text(
        "# Frobnicator\n\nFrobnicator 2.1 was released in May with many fixes to Frobnicator's "
        "parser.\n\nThis package provides a command-line tool that compresses log files by "
        "removing repeated lines.\n\nRun `frob --help` to see the options of Frobnicator. "
        "Frobnicator needs Python 3.10.\n")
    (tmp_path / "other.md").write_text(
        "# Weather notes\n\nThe weather was cold in May. Logs of the weather are kept in files.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert engine.ask("What is Frobnicator?").sentences[0].text.startswith("This package")
    # in a document about something else, "This package ..." says nothing of X
    assert not engine.ask("What is the weather?").sentences[0].text.startswith("This package")


def test_a_heading_saying_what_x_is_is_quoted_for_what_is_x(tmp_path: Path) -> None:
    (tmp_path / "tools.md").write_text(
        "# Valgrind tools\n\n## Cachegrind: a cache and branch-prediction profiler\n\n"
        "To use this tool, specify --tool=cachegrind on the command line. Cachegrind writes "
        "its counts to a file.\n\n## Massif: a heap profiler\n\nMassif measures how much heap "
        "memory a program uses. Cachegrind and Massif can be run on the same program.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    answer = engine.ask("What is Cachegrind?")
    assert answer.answered
    assert answer.sentences[0].text == "Cachegrind: a cache and branch-prediction profiler"
    assert answer.sentences[0].section == "Cachegrind: a cache and branch-prediction profiler"
    # a heading is quoted only for the "what is X?" it answers
    assert all("profiler" not in s.text for s in engine.ask("How do I run Cachegrind?").sentences)


def test_a_dated_heading_is_quoted_for_when_was_it(tmp_path: Path) -> None:
    (tmp_path / "releases.md").write_text(
        "# Frob release notes\n\n## Version 2.1 (2025-03-02)\n\n### Parser\n\n"
        "- Frob now reads gzip files.\n- The parser skips blank lines.\n\n"
        "## Version 2.0 (2024-11-20)\n\n### Parser\n\n- Frob reads plain text files.\n"
        "- Frob 2.0 drops Python 3.8.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    answer = engine.ask("When was Frob 2.1 released?")
    assert answer.answered
    assert answer.sentences[0].text == "Version 2.1 (2025-03-02)"
    # a heading is quoted for the date a "when" question asks, not for a condition
    assert all("2025" not in s.text
               for s in engine.ask("When does the parser skip lines?").sentences)


def test_a_signature_line_is_never_the_answer(tmp_path: Path) -> None:
    (tmp_path / "v8.md").write_text(
        "# v8.getHeapStatistics()\n\nReturns an object with the following properties:\n\n"
        "- heap_size_limit {number}\n- total_heap_size {number}\n\n"
        "## Fields\n\nheap_size_limit: the value of heap_size_limit is the maximum size of "
        "the V8 heap, in bytes.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    answer = engine.ask("What is heap_size_limit in v8.getHeapStatistics()?")
    assert answer.answered
    assert all(s.text != "heap_size_limit {number}" for s in answer.sentences)
    assert "maximum size" in answer.sentences[0].text


def test_a_title_line_is_no_heading_of_its_text_for_a_question_in_another_language(
        tmp_path: Path) -> None:
    # the plain model learned on documents whose titles never stood near their sentences
    # (SQuAD's, XQuAD's): a title line read as the heading of every paragraph under it put
    # the question's words that name the document's subject in every sentence's window and
    # flagged "context", which it had learned to doubt, and right answers were abstained.
    # The title still counts through the title's own features; English reads as it did.
    texts = {
        "de": ("Die Hafenbrücke\n\nDie Hafenbrücke wurde im Jahr 1932 nach acht Jahren Bauzeit "
               "eröffnet. Sie trägt acht Fahrspuren und zwei Gleise.\n\nFähren überqueren den "
               "Hafen alle zwanzig Minuten.\n", "Wann wurde die Hafenbrücke eröffnet?"),
        "en": ("The Harbour Bridge\n\nThe Harbour Bridge opened in 1932 after eight years of "
               "construction. It carries eight lanes and two railway tracks.\n\nFerries cross "
               "the harbour every twenty minutes.\n", "When did the Harbour Bridge open?"),
    }
    context = {}
    for lang, (text, question) in texts.items():
        folder = tmp_path / lang
        folder.mkdir()
        (folder / "bridge.txt").write_text(text, encoding="utf-8")
        engine = QAEngine.from_directory(folder, index_dir=folder / "index")
        ranking = engine.rank(question)
        assert ranking is not None and "1932" in ranking.candidates[0].sentence.text
        assert ranking.candidates[0].features[FEATURES.index("title")] > 0
        context[lang] = ranking.candidates[0].features[FEATURES.index("context")]
    assert context == {"de": 0.0, "en": 1.0}


def test_a_numbered_heading_read_as_a_sentence_is_no_candidate(tmp_path: Path) -> None:
    """A PDF's FAQ sets its questions as lines of text ("10.1. Si può compilare un kernel
    senza adattamenti per Debian?"), which met the question best and were quoted; the text
    under it answers (docs_blind19)."""
    (tmp_path / "faq.txt").write_text(
        "Il kernel Linux in Debian\n\n10.1. Si può compilare un kernel senza adattamenti per "
        "Debian? Sì, ma c'è un problema comune: le librerie C di Debian sono compilate con "
        "gli header del kernel più recenti.\n\n10.2. Quali strumenti servono? Il pacchetto "
        "kernel-package aiuta a compilare il kernel.\n", encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("posso compilare un kernel senza adattamenti per debian?")
    assert ranking is not None
    assert not any(c.sentence.text.startswith(("10.1.", "10.2.")) for c in ranking.candidates)
