"""A life's span in brackets states a birth and a death without the words: "what year was X
born?" is answered by "X (4 June 1902 - 9 March 1977) was a ..." (``lifespan.life_terms``)."""

from __future__ import annotations

import dataclasses

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.lifespan import life_terms
from tests.test_openingonly import OTHERS

# a page about a person, long enough to have an opening (more than one passage)
KASK = (
    "Tõnu Kask (4 June 1902 – 9 March 1977) was an Estonian composer and organist.\n"
    "He studied the organ in Leipzig and came home to play in the cathedral of his town, where "
    "he stayed for forty years and trained a generation of church musicians.\n"
    "His hymns are sung in most parishes of the country, and his organ works are still played "
    "at the summer festival that bears his name.\n"
    "Critics praised his plain harmonies and his patience with amateur choirs, whom he rehearsed "
    "every week without pay.")


def _engine(life: bool = True) -> QAEngine:
    docs = [Document("kask", "Tõnu Kask", KASK)]
    docs += [Document(f"doc{i}", title, text) for i, (title, text) in enumerate(OTHERS)]
    # (the corpus has the words "born" and "died": a question's term it lacks is not weighed)
    docs.append(Document("museum", "Museum", "The museum shows the house where the painter was "
                         "born. The names of those who died in the war are on its wall."))
    # the rules read the page's file name ("kask") as near every sentence too: off, so that
    # the dates alone are measured
    config = dataclasses.replace(ComposerConfig(), life_terms=life, rules_read_names=False)
    return QAEngine.from_documents(docs, config=config)


def test_a_life_span_answers_when_someone_was_born_or_died():
    for question in ("when was kask born", "when did kask die"):
        answer = _engine().ask(question)
        assert answer.answered, question
        assert answer.sentences[0].text.startswith("Tõnu Kask (4 June 1902")
    # without: "born" is found nowhere near the name, and the question's two terms are apart
    assert _engine(life=False).ask("when was kask born").abstained == "terms_apart"


def test_which_brackets_state_a_life():
    both = {"born", "die"}
    assert both <= life_terms("Elvis Aaron Presley (January 8, 1935 – August 16, 1977) was an "
                              "American singer.", "en")
    assert both <= life_terms("Justinian I (c. 482 – 14 November 565), commonly known as "
                              "Justinian the Great, was Byzantine Emperor.", "en")
    born = life_terms("Amy Poehler (born September 16, 1971) is an American actress.", "en")
    assert "born" in born and "die" not in born
    assert not life_terms("The banner was used on game covers from 2005-2010.", "en")
    assert not life_terms("It is described in the manual (pages 10-20).", "en")
    assert not life_terms("Elvis Presley (8. Januar 1935 – 16. August 1977) war ein Sänger.",
                          "de")
