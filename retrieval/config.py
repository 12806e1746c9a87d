"""The knobs of question analysis and composing (``ComposerConfig``), with their defaults tuned on
the tune half of the question sets; ``DEFAULT_CONFIG``, the defaults."""

from __future__ import annotations

from dataclasses import dataclass

from .common_words import COMMON_ZIPF


@dataclass(frozen=True, slots=True)
class ComposerConfig:
    """Tunable knobs of the composer (defaults tuned on the tune half of the question sets)."""

    a: float = 0.55  # weight of the sentence's own coverage
    b: float = 0.30  # weight of the window's coverage
    c: float = 0.15  # weight of the passage score
    cue_bonus: float = 0.08
    unseen_factor: float = 0.8
    unseen_name_factor: float = 3.0
    frame_factor: float = 0.3
    min_coverage: float = 0.33
    min_known_share: float = 0.5  # share of the question's known content terms the window needs
    pairs_need_both: bool = True  # a question with two known content terms needs both
    # quotes at most; sentences quoted as one (``join_margin``, an FAQ's answer after its
    # question) count once, so a passage's neighbours do not crowd out other quotes
    max_quotes: int = 3
    follow_ratio: float = 0.6  # further sentences need this share of the best score
    duplicate_jaccard: float = 0.6
    # a quoted sentence's neighbour in the text is quoted with it, as one quote, when the ranker
    # can hardly tell them apart: its logit within this of the best's (odds within a factor e)
    join_margin: float = 1.0
    # a first quote that only restates the question is quoted with the sentence after it
    # (``restatement.continued``)
    restating: bool = True
    related: int = 3
    soft_min: float = 0.4  # the cosine at which a sentence word stands in for a question word
    similar_passages: int = 3  # words of like meaning are sought in this many best passages
    min_word_share: float = 0.5  # share of all its content words, known or not, likewise
    correct_spelling: bool = True  # read an unknown word as the corpus word one edit away
    # a question's specific words (rare or no English: "tmux", "conda") that the corpus has
    # must all be in the cited document; with names_in_document, its names too
    specific_in_document: bool = True
    names_in_document: bool = True
    # ... in documents with sections only (a manual, a spec: a document of one topic), or in all
    specific_only_sectioned: bool = True
    # abstain when the corpus lacks a specific word of the question and the answer would come
    # from a document with sections ("How do I install JsonCpp with Conan?" over manuals that
    # never name Conan); news and encyclopaedia pages spell names in more ways than one
    unseen_specific_gate: bool = True
    # a question's evidence may be in the quote's neighbouring sentences too
    evidence_in_window: bool = True
    # the headings a passage sits under (and its document's title) count as near every sentence
    section_context: bool = True
    # ... and the title of a document without sections
    title_context: bool = False
    # ... and the title alone, over a passage under no heading but the document's own (its
    # title line): off, such a passage reads as one of a document without sections
    own_heading_context: bool = True
    # question types whose answer must show the evidence they ask for (a date for "when", a
    # quantity for "how many")
    evidence_needed: frozenset[str] = frozenset({"when", "number"})
    # ... and of those, the types whose confidence counts only this much when the evidence is
    # beside the best sentence, not in it ("How many days does the review take?" / "Nominations
    # are reviewed on a regular basis." beside a sentence with a figure): the trigger, trained
    # on questions where such a best sentence is rare, cannot tell (docs/benchmarks.md)
    evidence_beside: frozenset[str] = frozenset({"number"})
    evidence_beside_factor: float = 0.25
    # ... and, in English, the evidence must be of what is asked, not only of its kind: a date
    # ahead for "when will ...?", a count for "how many nurses ...?", a part for "how many of
    # the X ...?" (``asked.py``)
    fit_gate: bool = True
    # for "what is X?", a sentence among this many best that says what X is ("X is a library
    # for ...", ``definitions.defines_subject``) comes first (0: off); the trigger still judges the
    # best-ranked one. The ranker, trained mostly on encyclopaedia questions, gives "X is a ..."
    # little weight: a "what is" question there rarely asks for a definition.
    definition_first: int = 10
    # for a question asking for a kind of quantity (money, an age, an area, ...), a sentence
    # among this many best that states one comes first when the best does not (0: off)
    unit_first: int = 5
    # in English, for a "who" question asking for the doer of a verb ("Who leads X?"), a
    # sentence among this many best that names one ("X is led by Y", "the Y-led X") comes first
    # when the best names none (``precedence.doer_first``; 0: off)
    doer_first: int = 10
    # outside English, for a "how many" question, a sentence among this many best that holds a
    # figure new to the question comes first when the best holds none,
    # if the ranker scores it at least ``evidence_share`` of the best's score
    # (``precedence.evidence_first``; 0: off)
    evidence_first: int = 5
    evidence_share: float = 0.5
    # outside English, when the best meets the question only on its document's subject, a
    # sentence of the same document among this many best that holds another of its terms
    # comes first, if scored at least ``evidence_share`` of the best (``precedence.subject_first``;
    # 0: off)
    subject_first: int = 5
    # in English, when the best is a caption opening its document (``cues.verbless``), the
    # document's first statement among this many best comes first (0: off)
    statement_first: int = 5
    # answer only when the selector's confidence reaches this (None: the model's own threshold,
    # chosen on questions it was not trained on; QABOT_MIN_CONFIDENCE)
    min_confidence: float | None = None
    # an answer whose confidence is below this is flagged low_confidence and the channels say
    # so (None: the model's own level, below which its answers were mostly wrong in training)
    sure_confidence: float | None = None
    # in English, a sentence opening on a pronoun ("She lives in ...") holds the question's
    # terms its document's title holds (``surroundings.about_title``)
    pronoun_title: bool = True
    # for the term-coverage rules (below), in English, a sentence with a life's dates in
    # brackets ("(1935 - 1977)") holds "born" and "died" (``lifespan.life_terms``)
    life_terms: bool = True
    # ... and a number up to twenty written in words within a name holds its figure ("Article
    # Five" holds "5": ``numerals.other_forms``)
    number_forms: bool = True
    # the term-coverage rules above (min_coverage, min_known_share, min_word_share,
    # pairs_need_both) abstain too, on top of the confidence
    rule_gates: bool = True
    # ... which read the question's terms its document's file name holds as near the best
    # sentence, in a document with sections ("which oauth2client version dropped python 2.6?"
    # answered by "Drop Python 2.6 support." in ``oauth2client-changelog.md``, titled
    # "CHANGELOG"; ``composer.py``)
    rules_read_names: bool = True
    # ... and read the sentence quoted first, not the best of the ranker and the heading alone
    # that the other gates judge (``Ranking.judged``): "Why does redis-py give me bytes back
    # instead of strings?" quotes "All responses are returned as bytes in Python, to receive
    # decoded strings, ...", the heading's best "Special thanks to:"
    rules_read_quoted: bool = True
    # the cited document must hold the question's specific words (specific_in_document)
    specific_gate: bool = True
    # ... and name the question's subjects, terms of documents' titles few documents hold
    # (``subjects.py``)
    subject_gate: bool = True
    # ... and name what a yes/no question asks whether something supports, handles or works
    # with (``supports.py``)
    supports_gate: bool = True
    # ... and give a value for a question asking for a default or a limit (``values.py``)
    value_gate: bool = True
    # ... and, in English, say something of what is asked when it is its document's opening
    # (``openingonly.py``)
    opening_gate: bool = True
    # ... and, in English, name what a "how do I ...?" question asks to do, in words of like
    # meaning too, when the selector is not sure of the answer (``action.py``)
    action_gate: bool = True
    # ... and, in English, use a word of a "how do I ...?" question far from everyday English
    # (none of its forms used ``uncommon_zipf`` or more on wordfreq's scale), of
    # ``uncommon_share`` of its weight or more, in the cited manual (``uncommon.py``; 0: not
    # read)
    uncommon_zipf: float = 4.0
    uncommon_share: float = 0.15
    # ... and so of a "can / could X ...?" question, a word under this (0: not read)
    uncommon_can_zipf: float = 4.0
    # in a language that compounds (``compounds.py``), the parts of a question's compound are
    # sought in the index too, each counting this many times
    part_factor: float = 1.0
    # outside English, a question's word the corpus lacks that its language uses very often
    # (wordfreq's Zipf frequency this or more; ``common_words.py``: an interrogative, a
    # pronoun, an auxiliary no list holds) weighs as a framing word, ``frame_factor`` of an
    # unseen word's weight (None: as any unseen word)
    common_zipf: float | None = COMMON_ZIPF
    # where capitals do not mark names (German: every noun is capitalised), a question's word
    # the corpus lacks that is rare in its language (under ``rare_zipf`` on wordfreq's Zipf
    # scale: no word of wordfreq's small list) and that does not split into the corpus's terms
    # (``compounds.py``) weighs as an unseen name does, ``rare_unseen_factor`` (0: as any
    # unseen word): "Tesla", "Priestley", "Edikt" the corpus never has tell, as a name does in
    # English, that the question is about something it lacks ("In welchem Jahr starb Tesla?"
    # was answered with the year others died in)
    rare_unseen_factor: float = 3.0
    rare_zipf: float = 3.0


DEFAULT_CONFIG = ComposerConfig()

__all__ = ["DEFAULT_CONFIG", "ComposerConfig"]
