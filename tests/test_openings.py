"""The openings a "what is X?" question adds to its retrieved passages (``openings.py``), and
the engine quoting a manual's opening for it."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.analyzer import analyzer
from retrieval.corpus import Document
from retrieval.ingest.sieve import QUOTE_NEVER, QUOTE_PROSE
from retrieval.openings import with_openings
from retrieval.packing import pack
from retrieval.sources import Source

TERMS = analyzer("en").term_set
MANUAL = pack(
    [Source("ninja", "The Ninja build system"), Source("make", "GNU Make")],
    [0, 0, 0, 0, 1],
    ["The Ninja build system",
     "Ninja is yet another build system.",
     "Run ninja in the build directory. Ninja reads build.ninja.",
     "ninja -t clean removes what ninja built.",
     "Make reads a makefile. Ninja files are not makefiles."],
    quote=[[QUOTE_NEVER], [QUOTE_PROSE], [QUOTE_PROSE], [QUOTE_PROSE], [QUOTE_PROSE]],
)


NINJA = ("What is Ninja?", "what_is", "en")  # a question, its cue and its language


def test_a_what_is_question_adds_the_first_prose_of_a_document_its_subject_titles() -> None:
    hits = [(3, 3.0), (2, 2.5), (4, 1.0)]
    assert with_openings(hits, *NINJA, MANUAL, TERMS) == [*hits, (1, 1.0)]
    # a document whose title does not name the subject adds nothing ("GNU Make"), nor one
    # not retrieved whose title is more than the subject ("The Ninja build system")
    assert with_openings([(4, 1.0)], *NINJA, MANUAL, TERMS) == [(4, 1.0)]


def test_an_opening_is_past_the_fields_of_a_documents_header() -> None:
    design = pack(
        [Source("roundup", "Roundup: an issue tracker"), Source("faq", "Roundup FAQ")],
        [0, 0, 0, 1],
        ["Roundup: an issue tracker", "Authors: Ka-Ping Yee, Richard Jones",
         "Roundup is an issue-tracking system.", "Roundup runs on Python."],
        quote=[[QUOTE_NEVER], [QUOTE_PROSE], [QUOTE_PROSE], [QUOTE_PROSE]],
    )
    # the design's title is Roundup and a colon: looked in, though not retrieved
    assert with_openings([(3, 2.0)], "What is Roundup?", "what_is", "en", design,
                         TERMS) == [(3, 2.0), (2, 2.0)]


def test_an_opening_already_retrieved_or_no_subject_adds_nothing() -> None:
    assert with_openings([(1, 2.0), (3, 1.0)], *NINJA, MANUAL, TERMS) == [
        (1, 2.0), (3, 1.0)]
    assert with_openings([(3, 3.0)], "How do I clean with ninja?", None, "en", MANUAL,
                         TERMS) == [(3, 3.0)]
    assert with_openings([], *NINJA, MANUAL, TERMS) == []


def test_the_engine_quotes_a_manuals_opening_for_what_its_subject_is() -> None:
    # thirty sections naming Ninja more often than its opening does, each retrieved before it
    step = ("The ninja rule {0} runs ninja on target {0}, with ninja flags for ninja. Ninja "
            "then writes the ninja log of target {0} for the next ninja run to read. ")
    usage = "\n\n".join(f"## Rule {i}\n\n{step.format(i) * 4}" for i in range(30))
    engine = QAEngine.from_documents([
        Document(id="ninja.md", title="The Ninja build system",
                 text=f"# The Ninja build system\n\nNinja is yet another build system, small "
                      f"and fast.\n\n{usage}\n"),
        Document(id="other.md", title="Other notes",
                 text="# Other notes\n\nSome people build with ninja and make.\n"),
    ])
    answer = engine.ask("What is Ninja?")
    assert answer.answered
    assert answer.sentences[0].text.startswith("Ninja is yet another build system")


def test_a_document_titled_x_is_looked_in_when_none_of_its_passages_was_retrieved() -> None:
    # every chapter of a manual names its subject over and over; the overview, whose title
    # opens with it, names it once, in the sentence saying what it is
    step = ("Tracker {0} sends tracker mail for the tracker, and the tracker web page of "
            "tracker {0} lists the tracker issues. ")
    chapters = [Document(id=f"chapter{i}.md", title=f"Tracker chapter {i}",
                         text=step.format(i) * 6) for i in range(12)]
    overview = Document(id="overview.md", title="Tracker: an issue system for teams",
                        text="Tracker is an issue tracking system that keeps a team's bugs, "
                             "tasks and requests.")
    engine = QAEngine.from_documents([*chapters, overview])
    assert "overview.md" not in {h.doc_id for h in engine.search("What is Tracker?", k=8)}
    answer = engine.ask("What is Tracker?")
    assert answer.answered
    assert answer.sentences[0].text.startswith("Tracker is an issue tracking system")


def test_the_engine_quotes_what_a_reference_says_under_the_term_asked_about(tmp_path) -> None:
    """Forty options each name "--squash" in their text; the one described under its own term
    is retrieved past them, and quoted for "What does --squash do?"."""
    options = "\n".join(f"--opt{i}::\n\tLike --squash for merge {i}, a --squash of squashes "
                        f"when --squash is given to merge {i}.\n" for i in range(40))
    (tmp_path / "gizmux-merge.adoc").write_text(
        "= gizmux-merge(1)\n\n== OPTIONS\n\n" + options
        + "\n--squash::\n\tProduce only one commit of all the changes.\n")
    engine = QAEngine.from_directory(tmp_path, similar_words=False)
    hits = engine._retrieve("What does --squash do?",
                            engine.reader.read("What does --squash do?", engine.config).query, 8)
    headed = [p for p, _ in hits if engine.collection.section_of(p).endswith("--squash")]
    assert headed  # added to what BM25 retrieved
    answer = engine.ask("What does --squash do in gizmux merge?")
    assert answer.sentences[0].text == "Produce only one commit of all the changes."
