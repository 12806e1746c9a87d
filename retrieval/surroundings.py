"""What surrounds a candidate sentence: the headings and title its passage sits under, its list
item's first sentence, the heading above it, the sentences that open its document and section,
the list items the next passage opens with, what its document names (in its text or its
file's name) and what its file name adds to its window, and whether a sentence speaks
of its title's subject by a pronoun."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .agents import DOER_CUES, doer_terms
from .analyzer import analyzer
from .candidates import Candidate
from .collection import Collection, Sentence
from .config import ComposerConfig
from .cues import bare, verbless
from .features import Asked, mass, shares
from .index import TermIndex
from .language import ENGLISH
from .lifespan import life_terms
from .numerals import other_forms
from .query import Query
from .selection import FEATURES


def opening_items(collection: Collection, p: int) -> list[Sentence]:
    """The list items that open the passage after ``p`` in its document."""
    nxt = p + 1
    if nxt >= collection.n_passages or collection.passage_doc[nxt] != collection.passage_doc[p]:
        return []
    sents = collection.sentences(nxt)
    k = 0
    while k < len(sents) and sents[k].item:
        k += 1
    return sents[:k]


def item_heads(sents: Sequence[Sentence]) -> dict[int, int]:
    """For each later sentence of a list item, the item's first sentence: number -> number."""
    out: dict[int, int] = {}
    head = -1
    for i, s in enumerate(sents):
        if s.first or not s.item:
            head = i if s.item else -1
        elif head >= 0:
            out[i] = head
    return out


def opening(p: int, sents: Sequence[Sentence], collection: Collection
             ) -> tuple[tuple[int, ...], int]:
    """Which sentences of passage ``p`` open its document (of more than one passage), and which
    opens its section (the first quotable one of the first passage of either; -1 for none). A
    document opening on an English caption (``cues.verbless``: a figure's caption before the
    text, "Diaphragm pump schematic.") opens with it and with its first sentence stating
    something ("A diaphragm pump ... is a positive displacement pump ..."). A line of fewer
    than two words (a memo's "2020-07-23" under its title, ``cues.bare``) opens no document."""
    first = next((i for i, s in enumerate(sents) if s.quotable), -1)
    lo, hi = collection.passage_range(int(collection.passage_doc[p]))
    starts_section = p == lo or collection.passage_section[p] != collection.passage_section[p - 1]
    # a document of one passage (a paragraph, a note) has no lead apart from its text: there
    # the first sentence is any paragraph's first (``first``)
    leads: tuple[int, ...] = ()
    lead = next((i for i, s in enumerate(sents) if s.quotable and not bare(s.text)), -1)
    if p == lo and hi - lo > 1 and lead >= 0:
        leads = (lead,)
        if collection.lang_of(p) == ENGLISH and verbless(sents[lead].text):
            stating = next((i for i, s in enumerate(sents)
                            if i > lead and s.quotable and not verbless(s.text)), -1)
            leads += (stating,) if stating >= 0 else ()
    return leads, (first if starts_section else -1)


def heading_above(sents: Sequence[Sentence], i: int) -> int:
    """The heading sentence ``i`` opens the text under (past signature lines: a name's type),
    or -1."""
    j = i - 1
    while j >= 0 and (sents[j].quotable or sents[j].item) and bare(sents[j].text):
        j -= 1
    return j if j >= 0 and not sents[j].quotable else -1


def specific_met(query: Query, passage: int, collection: Collection, config: ComposerConfig,
                  index: TermIndex | None) -> bool:
    """Whether the document of ``passage`` names every specific word of the question (none of
    which the corpus may lack)."""
    if not query.specific or index is None or not config.specific_in_document:
        return True
    doc = int(collection.passage_doc[passage])
    if config.specific_only_sectioned and not collection.sectioned(doc):
        return True
    lo, hi = collection.passage_range(doc)
    unmet = [t for t in query.specific - query.unseen if not index.holds_any(t, lo, hi)]
    return not unmet or not set(unmet) - document_names(collection, doc, query.lang)


def rules_row(question: str, query: Query, best: Candidate, collection: Collection,
              config: ComposerConfig) -> list[float]:
    """``best``'s features as the term-coverage rules read them (``named_row``): near the
    question's terms its file name holds (``rules_read_names``: "CHANGELOG" in
    ``oauth2client-changelog.md``), holding the "born", "died" its dates state (``life_terms``),
    the "5" of its "Article Five" (``number_forms``) and the "leads" of its "is led by Russia"
    (``agents.doer_terms``)."""
    text, lang = best.sentence.text, query.lang
    held = ((life_terms(text, lang) if config.life_terms else frozenset())
            | (other_forms(text, lang) if config.number_forms else frozenset())
            | (doer_terms(question, text, frozenset(query.terms))
               if lang == ENGLISH and query.cue in DOER_CUES and config.doer_first
               else frozenset()))
    if not config.rules_read_names and not held:
        return best.features
    return named_row(best, query, Asked.of(question, query), collection, held,
                     files=config.rules_read_names)


def named_row(candidate: Candidate, query: Query, asked: Asked, collection: Collection,
              held: frozenset[str] = frozenset(), files: bool = True) -> list[float]:
    """``candidate``'s feature row with the question's terms its document's file name holds
    (``document_names``: what the whole document is about, "oauth2client-changelog") counted in
    its window, as its headings and title are in a document with sections, and the terms
    ``held`` that its sentence states without the words (``lifespan.life_terms``; ``files``:
    with the file name's): its share of the question's weight and terms read again. The file
    name not in a document without sections, as its title is not either: a news page's
    headline names what its questions ask about, answered or not, and a corpus of paragraphs
    named for their articles (XQuAD's, named in English whatever the paragraph's language) gave
    English questions what the others could not have."""
    doc = int(collection.passage_doc[candidate.sentence.passage])
    extra = set(held) & set(query.terms)
    if files and collection.sectioned(doc):
        extra |= document_names(collection, doc, query.lang) & set(query.terms)
    extra -= candidate.window
    if not extra:
        return candidate.features
    window = candidate.window | extra
    alike = {t: sim for t, sim in candidate.window_similar.items() if t not in extra}
    known, word, pair = shares(window, alike, query, asked)
    row = list(candidate.features)
    for at, value in zip(_SHARES, (mass(window, query, alike), known, word, float(pair)),
                         strict=True):
        row[at] = value
    return row


_SHARES = [FEATURES.index(name) for name in ("win", "known_share", "word_share", "pair_missing")]
_NAME_PARTS = re.compile(r"[-_./\\]+")


def document_names(collection: Collection, doc: int, lang: str) -> set[str]:
    """The terms of a document's id, its file's name and folders ("libcst-parser-conversions",
    "alsa-asoundrc"): what it is about, named where its text never does (LibCST's notes say
    "our parser"), read as the question's language ``lang`` reads words."""
    return analyzer(lang).term_set(_NAME_PARTS.sub(" ", collection.sources[doc].id))


# a sentence opening on a personal pronoun ("She lives in a farmhouse ...", "It was founded in
# 1921") speaks of what its document is about: in a page titled "Marta Ilves", of Marta Ilves
_PRONOUN = re.compile(r"^\W*(?:he|she|it|they|his|her|its|their)\b", re.I)


def about_title(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` (in language ``lang``) opens on a pronoun standing for what its
    document's title names (English only)."""
    return lang == ENGLISH and _PRONOUN.match(sentence) is not None


def context(p: int, collection: Collection, qset: set[str], config: ComposerConfig,
             term_set: Callable[[str], set[str]]) -> set[str]:
    """The question terms that the headings passage ``p`` sits under (and, in a document with
    sections, its title) hold, read by ``term_set`` (the passage's language's): "How do I
    install X?" is answered under "X › Installation"."""
    section = collection.section_of(p)
    if section == "" and not config.own_heading_context:
        section = None
    if section is None or not config.section_context:
        if config.title_context:
            return term_set(collection.source_of(p).title) & qset
        return set()
    return term_set(f"{collection.source_of(p).title} {section}") & qset


__all__ = ["about_title", "context", "document_names", "heading_above", "item_heads",
           "named_row", "opening", "opening_items", "rules_row", "specific_met"]
