"""``retrieval.precedence``: which candidate comes first when the best lacks what the question
plainly asks for."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from retrieval import QAEngine
from retrieval.candidates import Candidate
from retrieval.collection import Sentence
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.precedence import (
    defined_first,
    definition_first,
    doer_first,
    evidence_first,
    precede,
    statement_first,
    subject_first,
)
from retrieval.query import Query
from retrieval.selection import FEATURES


def _candidate(text: str, defined: bool = False) -> Candidate:
    features = [0.0] * len(FEATURES)
    features[FEATURES.index("defined")] = float(defined)
    return Candidate(Sentence(0, 0, text, True), set(), set(), set(), {}, features)


def test_a_sentence_saying_what_x_is_comes_first_from_among_the_best_few() -> None:
    ranked = [_candidate(t) for t in (
        "Also, programs that use legacy APIs cannot be compiled against libxcrypt.",
        "libxcrypt is currently maintained at GitHub.",  # says something of it, not what it is
        "libxcrypt is a modern library for one-way hashing of passwords.",
    )]
    assert definition_first("What is libxcrypt?", ranked, 5, set()) == 2
    assert definition_first("What is libxcrypt?", ranked, 2, set()) == 0  # beyond the best two
    assert definition_first("What is libxcrypt?", ranked[2:] + ranked[:2], 5, set()) == 0
    # "a growing sport in southern California" asks for an instance, not what a sport is
    sports = [_candidate("College sports are popular in southern California."),
              _candidate("Rugby is also a growing sport in southern California.")]
    assert definition_first("What is a growing sport in southern California?", sports, 5,
                             set()) == 0


def test_outside_english_a_sentence_saying_what_x_is_comes_before_one_under_its_heading() -> None:
    """A README's badges open the text under its title "jaconv": they are first under a heading
    that is X (``defined``), yet the sentence that says what jaconv is answers "jaconv って何？"
    (docs_blind17); the text under the heading comes first only where none says it."""
    badges = _candidate("latest version license download GitHub stars", defined=True)
    says = _candidate("jaconv (Japanese Converter) は文字種変換を高速に行います。")
    other = _candidate("jaconv をインストールします。")
    assert defined_first("jaconv って何？", "ja", [other, badges, says], 5) == 2
    assert defined_first("jaconv って何？", "ja", [other, badges], 5) == 1
    assert defined_first("jaconv って何？", "ja", [says, badges], 5) == 0


def _lead(text: str) -> Candidate:
    c = _candidate(text)
    c.features[FEATURES.index("lead")] = 1.0
    return c


def test_a_caption_opening_its_page_gives_way_to_the_page_s_stating_opening() -> None:
    # a figure's caption states nothing: the page's first statement (a lead too) comes first
    ranked = [_lead("Diaphragm pump schematic."), _candidate("Diaphragm pumps are used in wells."),
              _lead("A diaphragm pump is a positive displacement pump.")]
    assert statement_first(ranked, 5) == 2
    assert statement_first(ranked, 2) == 0  # beyond the best two
    assert statement_first(ranked[1:], 5) == 0  # the best states something
    # a sentence that states something is no caption, however short
    assert statement_first([_lead("The pump failed."), *ranked[2:]], 5) == 0
    # nor does a caption give way to anything but an opening
    assert statement_first(ranked[:2], 5) == 0


def test_a_page_opening_on_a_caption_is_quoted_from_its_first_statement() -> None:
    pump = ("Diaphragm pump schematic.\n"
            "A diaphragm pump (also known as a membrane pump) is a positive displacement pump "
            "that uses the reciprocating action of a rubber diaphragm and suitable valves on "
            "either side of it to pump a fluid.\n"
            "There are three main types of diaphragm pumps: those driven by compressed air, "
            "those driven by an electric motor through a crank, and those driven by a solenoid. "
            "Each kind suits a different range of flows and pressures.\n"
            "Diaphragm pumps are used in medicine to move blood, in sewage works to move sludge, "
            "and in aquariums to move air through the water. They run dry without harm and can "
            "handle liquids with solids in them.\n"
            "The first such pumps were made of leather and wood, and were worked by hand on "
            "ships and in mines. Modern ones use synthetic rubber and last for many years.")
    docs = [Document("pump", "Diaphragm pump", pump),
            Document("bakery", "Bakery", "The bakery opens at six. Its bread is baked in an oven."),
            Document("choir", "Choir", "The choir was founded in 1921. It sings every year.")]
    ranking = QAEngine.from_documents(docs).rank("diaphragm pump")
    assert ranking is not None
    assert ranking.candidates[0].sentence.text.startswith("A diaphragm pump (also known as")


def _holding(text: str, score: float = 0.5, evidence: bool = True) -> Candidate:
    c = _candidate(text)
    c.features[FEATURES.index("evidence")] = float(evidence)  # a figure or date new to it
    c.score = score  # the ranker's
    return c


def test_outside_english_a_sentence_holding_the_figure_asked_for_comes_first() -> None:
    """"Hvor lang er Gudenåen?" asks a figure: the plain model put the sentence that meets the
    question's words best, and holds none, before the one that states the length."""
    ranked = [_holding("Gudenåen har en lang historie som transportvej.", 0.99, False),
              _holding("Gudenåen er Danmarks længste vandløb.", 0.8, False),
              _holding("Åen er omkring 160 kilometer lang.", 0.9)]
    assert evidence_first(ranked, 5, 0.5) == 2
    assert evidence_first(ranked, 2, 0.5) == 0  # beyond the best two
    assert evidence_first(ranked[2:] + ranked[:2], 5, 0.5) == 0  # the best holds one
    assert evidence_first(ranked[:2], 5, 0.5) == 0  # none holds one: the best stays
    # a best whose count is written out ("soltanto dieci") stays before a sentence the ranker
    # scores far lower that merely holds a date
    palio = [_holding("Le contrade sono diciassette, ma ne corrono soltanto dieci.", 0.91, False),
             _holding("La prima corsa si tiene il 2 luglio.", 0.43)]
    assert evidence_first(palio, 5, 0.5) == 0
    assert evidence_first(palio, 5, 0.4) == 1

    def first(cue: str | None, lang: str) -> str:
        moved = list(ranked)
        precede("?", Query((), {}, cue, lang=lang), moved, np.zeros(len(moved)),
                ComposerConfig(), set())
        return moved[0].sentence.text

    assert first("number", "da").startswith("Åen er omkring 160")
    # a year is read outside English, a century is not: a best giving one ("siglo XVIII")
    # stays before a sentence that names a year
    assert first("when", "da").startswith("Gudenåen har")
    assert first(None, "da").startswith("Gudenåen har")  # no figure asked for
    assert first("number", "en").startswith("Gudenåen har")  # English has its units and gates


def _within(text: str, window: set[str]) -> Candidate:
    return Candidate(Sentence(0, 0, text, True), set(), set(), window, {},
                     [0.0] * len(FEATURES))


def test_who_leads_x_brings_the_sentence_naming_who_leads_it_first() -> None:
    query = Query(("lead", "csto"), {"lead": 0.8, "csto": 0.2}, "who",
                  known=frozenset({"lead", "csto"}))
    campaign = _within('He accused Moscow of leading a "coordinated propaganda campaign".',
                       {"lead", "csto"})
    kremlin = _within("The Kremlin had no word that Armenia was leaving the CSTO.", {"csto"})
    bloc = _within("The bloc, a defence pact, is led by Russia.", {"csto"})
    elsewhere = _within("The union is led by Ms Smith.", set())  # no word of the CSTO near
    question = "Who leads the CSTO?"
    assert doer_first(question, query, [campaign, kremlin, bloc], 5) == 2
    assert doer_first(question, query, [campaign, kremlin, bloc], 2) == 0  # beyond the two best
    assert doer_first(question, query, [campaign, elsewhere], 5) == 0
    assert doer_first(question, query, [bloc, campaign], 5) == 0  # the best names it
    assert doer_first("Who is the CSTO's chair?", query, [campaign, bloc], 5) == 0


def _sentence(text: str, passage: int, number: int, matched: set[str], window: set[str],
              score: float, lead: bool = False) -> Candidate:
    features = [0.0] * len(FEATURES)
    features[FEATURES.index("lead")] = float(lead)
    c = Candidate(Sentence(passage, number, text, True), matched, matched, window, {}, features)
    c.score = score
    return c


def test_outside_english_the_sentence_after_an_opening_that_names_only_the_subject_comes_first(
) -> None:
    question = "Kde se narodil Jan Evangelista Purkyně?"
    query = Query(("narodil", "jan", "evangelist", "purkyn"), {}, None,
                  frozenset({"narodil", "jan", "evangelist", "purkyn"}), lang="cs")
    subject = {"jan", "evangelist", "purkyn"}
    opening = _sentence("Jan Evangelista Purkyně byl český přírodovědec.", 0, 0, subject,
                        subject | {"narodil"}, 0.9, lead=True)
    born = _sentence("Narodil se 17. prosince 1787 v Libochovicích.", 0, 1, {"narodil"},
                     subject | {"narodil"}, 0.6)
    later = _sentence("Purkyně zemřel v Praze.", 1, 0, {"purkyn"}, {"purkyn"}, 0.5)
    doc_of = {0: 0, 1: 0, 2: 1}.__getitem__
    assert subject_first(query, [opening, born, later], doc_of, 5, 0.5) == 1
    assert subject_first(query, [opening, born, later], doc_of, 1, 0.5) == 0  # beyond the best
    assert subject_first(query, [opening, born, later], doc_of, 5, 0.7) == 0  # scored too low
    # a best that is no opening stays first, though another holds the subject
    assert subject_first(query, [born, opening, later], doc_of, 5, 0.5) == 0
    # nor does an opening give way where its document is a single passage
    assert subject_first(query, [opening, born], doc_of, 5, 0.5) == 0
    # nor to a sentence whose window lacks what the opening holds
    alone = _sentence("Narodil se v Libochovicích.", 0, 1, {"narodil"}, {"narodil"}, 0.6)
    assert subject_first(query, [opening, alone, later], doc_of, 5, 0.5) == 0

    def first(lang: str) -> str:
        moved = [opening, born, later]
        precede(question, replace(query, lang=lang), moved, np.zeros(3), ComposerConfig(),
                set(), doc_of)
        return moved[0].sentence.text

    assert first("cs").startswith("Narodil")
    assert first("en").startswith("Jan")  # English's ranker weighs its own features


def test_who_runs_x_brings_the_sentence_naming_x_s_leader_first() -> None:
    query = Query(("run", "council"), {"run": 0.5, "council": 0.5}, "who",
                  known=frozenset({"run", "council"}))
    cabinet = _within("Members of the council's cabinet voted six to two for the plan.",
                      {"council"})
    chamber = _within('"Our members are worried," said chamber president Ann Lee.', {"council"})
    leader = _within("Council leader Margaret Doyle said there was no alternative.", {"council"})
    question = "Who runs Millbrook's council?"
    # one named by the council's role first, then one named by any role
    assert doer_first(question, query, [cabinet, chamber, leader], 5) == 2
    assert doer_first(question, query, [cabinet, chamber], 5) == 1
    assert doer_first(question, query, [leader, cabinet], 5) == 0  # the best names them
    assert doer_first("Who is the council?", query, [cabinet, leader], 5) == 0
