"""Answer composing: the best-ranked sentence (``ranking.py``) quoted with its citation, or
abstention.

qabot answers only when the selector's confidence that the best sentence answers reaches
``min_confidence`` (``selection.py``) and, with ``rule_gates``, the best sentence's window
covers at least ``min_coverage`` of the question's weight, holds at least ``min_known_share``
of the question's content terms that the corpus has (both of them when there are two) and
``min_word_share`` of all its content words, the corpus's or not ("What is the speed of light
in a vacuum?" meets only "green light"): that
is term coverage, not a score threshold, so a question whose salient terms are not found
together in the corpus is abstained. A term met only by a word of like meaning counts as found,
and so does one its document's file name holds (what the whole document is about);
those rules read the sentence quoted first, the other gates the best of the ranker and the
heading alone (``Ranking.judged``).
It abstains too when the cited document lacks one of the question's specific words (names and
words rare in English, ``query.py``), or, citing a document with sections, when the corpus has
none of one; or when a question of a type in ``evidence_needed`` ("when", "how many", "which
version") is answered by a quote without a date or a number, or in English with one of another
time or thing (``asked.py``: a past date for "when will ...?"); when the number is only in a
sentence beside the best one, not in it, the confidence counts for less (``evidence_beside``).

What is quoted for a chosen sentence (bounded, with its list or the sentence that points back
at it) is ``quotes.py``'s; a best sentence restating the question is quoted with the one after
it (``restatement.py``). Chosen sentences next to each other in the text, with only whitespace
between them, that the ranker can hardly tell apart (``join_margin``) are one quote, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

from .action import asked_action, names_action
from .answer import NOT_FOUND, Answer, Quote, SourceRef
from .asked import holds_asked
from .candidates import Candidate, Ranking
from .collection import Collection, Sentence
from .config import DEFAULT_CONFIG, ComposerConfig
from .cues import is_question
from .features import mass
from .index import TermIndex
from .language import ENGLISH
from .openingonly import opening_only
from .query import FRAME_WORDS, Query, parse_query
from .quotes import MAX_QUOTE_CHARS, without_code
from .ranking import rank
from .restatement import continued
from .selection import FEATURES, Selector, rules_met
from .selection import bundled as bundled_selector
from .similarity import WordVectors
from .sources import Source
from .subjects import missing_subject
from .supports import unnamed_support
from .surroundings import document_names, rules_row
from .uncommon import missing_uncommon
from .values import asks_value, states_value


def compose(
    question: str,
    query: Query,
    hits: Sequence[tuple[int, float]],
    collection: Collection,
    config: ComposerConfig = DEFAULT_CONFIG,
    vectors: WordVectors | None = None,
    index: TermIndex | None = None,
    selector: Selector | None = None,
) -> Answer:
    """Answer ``question`` from the retrieved passages ``hits`` ((passage, score), best first);
    ``vectors`` find words of like meaning (``None``: exact terms only);
    ``index`` tells which documents hold the question's specific words (``None``: not checked);
    ``selector`` ranks the candidates and says how sure it is (the bundled one by default)."""
    related = _related(hits, collection, config.related)
    selector = selector or bundled_selector()
    ranking = rank(question, query, hits, collection, config, vectors, index, selector)
    if ranking is None:
        return _abstain(question, query, related, why=NOTHING_MATCHED)
    candidates, sents_of = ranking.candidates, ranking.sents_of
    best = candidates[0]
    # whether to answer is judged on the best of the ranker and the heading (the documentation
    # reweighing of ``rerank.py`` chooses what is quoted, not whether)
    judged = ranking.judged or best
    items_of, quoted = ranking.items_of, ranking.full_text
    coverage = mass(best.window, query, best.window_similar)
    threshold = selector.threshold if config.min_confidence is None else config.min_confidence
    sure = selector.sure if config.sure_confidence is None else config.sure_confidence
    confidence = ranking.confidence
    if ranking.says_what:  # "what is X?" answered by the sentence saying what X is
        confidence = max(confidence, threshold)
    if (query.cue in config.evidence_needed and query.cue in config.evidence_beside
            and not judged.features[_EVIDENCE]):
        confidence *= config.evidence_beside_factor
    evidence = cache(lambda: _evidence_text(judged.sentence, sents_of, quoted, config))
    why = _abstention(question, query, judged, confidence, threshold, collection, config, index,
                      hits, evidence, best if config.rules_read_quoted else judged)
    if why is not None:
        return _abstain(question, query, related, coverage, confidence, why)

    groups = [[best]]  # each quote's candidates: one, or sentences next to each other
    chosen = [best]
    for at, c in enumerate(candidates[1:], 1):
        if len(groups) >= config.max_quotes or c.score < config.follow_ratio * best.score:
            break
        # once ``max_quotes`` sentences are chosen, the quotes they make stay as they are: a
        # sentence after them is quoted on its own, if a quote is left, or not at all; and
        # only from a document with sections (a manual's passage is of one topic; what a web
        # page has past its best sentences is too often its furniture: a byline, a newsletter)
        more = len(chosen) >= config.max_quotes
        if more and not collection.sectioned(int(collection.passage_doc[c.sentence.passage])):
            continue
        if any(_jaccard(c.terms, o.terms) >= config.duplicate_jaccard for o in chosen):
            continue
        if any(c.sentence.number in items_of(o.sentence.passage).get(o.sentence.number, ())
               for o in chosen if o.sentence.passage == c.sentence.passage):
            continue  # an item of a list already quoted with its lead-in
        if any(o.sentence.passage == c.sentence.passage
               and (c.sentence.number in ranking.follows(o.sentence)
                    or (is_question(c.sentence.text)
                        and o.sentence.number in ranking.follows(c.sentence))) for o in chosen):
            # quoted after the sentence before it (an FAQ's answer), or an FAQ's question whose
            # answer is quoted already
            continue
        holder = next((g for g in groups if any(
            o.sentence.passage == c.sentence.passage
            and o.sentence.number in ranking.follows(c.sentence) for o in g)), None)
        if holder is not None:
            # it is quoted with what follows it, which a quote holds already ("The bakery
            # opened in 1901." before "It was owned by Hans Weber."): one quote of both, or
            # none (the same sentence was quoted twice)
            if not more and (len(_joined([*holder, c], ranking, set(), collection)[0])
                             <= MAX_QUOTE_CHARS):
                chosen.append(c)
                holder.append(c)
            continue
        close = ranking.logits[0] - ranking.logits[at] <= config.join_margin
        group = next((g for g in groups if close and _beside(g, c, ranking, collection)
                      and len(_joined([*g, c], ranking, set(), collection)[0])
                      <= MAX_QUOTE_CHARS), None)
        if group is not None and more:
            continue
        chosen.append(c)
        if group is None:
            groups.append([c])
        else:
            group.append(c)

    groups = continued(groups, ranking, query, collection) if config.restating else groups
    qset = set(query.terms)
    sources: list[SourceRef] = []
    numbers: dict[str, int] = {}
    quotes = []
    for group in groups:
        p = group[0].sentence.passage
        src = collection.source_of(p)
        if src.id not in numbers:
            sources.append(_ref(src))
            numbers[src.id] = len(sources)
        text, marks = _joined(group, ranking, qset, collection)
        quotes.append(
            Quote(
                text=text, source=src.id, title=src.title,
                score=round(max(c.score for c in group), 4),
                citation=numbers[src.id], passage=p, highlights=marks,
                section=collection.section_of(p) or None, page=collection.page_of(p),
            )
        )
    verb = asked_action(question, query.lang) if config.action_gate and confidence < sure else None
    if verb and vectors and not names_action(verb, " ".join(
            [evidence(), collection.section_of(judged.sentence.passage) or "",
             *(f"{q.text} {q.section or ''}" for q in quotes)]), vectors, config.soft_min):
        return _abstain(question, query, related, coverage, confidence, ACTION_UNNAMED)
    text = " ".join(f"“{q.text}” [{q.citation}]" for q in quotes)
    matched_terms = sorted(set().union(*(c.matched for c in chosen)))
    return Answer(
        question=question, answered=True, text=text, sentences=quotes, sources=sources,
        related=[], matched_terms=matched_terms, coverage=round(coverage, 4),
        confidence=round(confidence, 4), read_as=dict(query.read_as),
        low_confidence=confidence < sure,
    )


_SPECIFIC = FEATURES.index("specific_met")
_EVIDENCE = FEATURES.index("evidence")
_DEFAULT = FEATURES.index("ev_default")


def _beside(group: Sequence[Candidate], c: Candidate, ranking: Ranking,
            collection: Collection) -> bool:
    """Whether candidate ``c`` is the sentence just after what ``group`` quotes (its sentences
    with those quoted after them), or just before it in its paragraph, with nothing but
    whitespace between them in the text (or the code the one before leads in to, quoted with
    it: ``_gap``), none of them of a list: two of the best sentences
    next to each other are one passage of the text, quoted as one ("A mailing-list is
    available to discuss libsodium. In order to join, just send a random mail to ...")."""
    p, number = c.sentence.passage, c.sentence.number
    lists = ranking.items_of(p)
    if any(o.sentence.passage != p for o in group) or any(
            s.item or s.number in lists for s in (c.sentence, *(o.sentence for o in group))):
        return False
    opening = min((o.sentence for o in group), key=lambda s: s.number)
    last = max(max((o.sentence.number, *ranking.follows(o.sentence))) for o in group)
    if number == last + 1:
        return _gap(ranking, collection, p, last, number) is not None
    # a sentence opening its paragraph is not quoted after the last one of the paragraph before
    return (number == opening.number - 1 and not opening.first
            and not collection.between(p, number, opening.number).strip())


def _gap(ranking: Ranking, collection: Collection, p: int, a: int, b: int) -> str | None:
    """What a quote of passage ``p``'s sentences ``a`` and ``b`` (the next) holds between them:
    the whitespace of the text, or a line break after the code ``a`` leads in to (quoted
    after it already); ``None`` when the text holds more between them."""
    between = collection.between(p, a, b)
    if not between.strip():
        return between
    code = ranking.quoted_from(p)[a].code
    return "\n" if code and between == "\n" + "\n".join(code) + "\n" else None


def _joined(group: Sequence[Candidate], ranking: Ranking, qset: set[str],
            collection: Collection) -> tuple[str, list[tuple[int, int]]]:
    """One quote of ``group``'s sentences in the order of the text, each with what is quoted
    after it (its code too), and the whitespace of the text between them (a paragraph break
    stays one), and its highlights."""
    text = ""
    marks: list[tuple[int, int]] = []
    covered = -1
    for c in sorted(group, key=lambda o: o.sentence.number):
        number = c.sentence.number
        if number <= covered:
            continue  # quoted already, after the sentence before it
        if text:
            text += _gap(ranking, collection, c.sentence.passage, covered, number) or ""
        part, spans = ranking.quote(c, qset)
        marks.extend((a + len(text), b + len(text)) for a, b in spans)
        text += part
        covered = max((number, *ranking.follows(c.sentence)))
    return text, marks


def _lacks_specific(query: Query, sentence: Sentence, collection: Collection) -> bool:
    """The question names a specific word (a name, a word rare in English: "Conan", "DNSSEC")
    that the corpus never has, and the answer would come from a document with sections (a
    manual, a spec), whose topic a word it never has is not, unless its file's name names it
    (``document_names``: "LibCST" asked of ``libcst-parser-conversions.md``)."""
    unseen = query.specific & query.unseen
    doc = int(collection.passage_doc[sentence.passage])
    return (bool(unseen) and collection.sectioned(doc)
            and bool(unseen - document_names(collection, doc, query.lang)))


def _evidence_text(sentence: Sentence, sents_of: Mapping[int, Sequence[Sentence]],
                   quoted: Callable[[Sentence], str], config: ComposerConfig) -> str:
    """Where a quote's evidence (a date, a number) may be: the quote (its words, not its
    code), and with ``evidence_in_window`` the sentences beside it."""
    text = without_code(quoted(sentence))
    if not config.evidence_in_window:
        return text
    sents = sents_of[sentence.passage]
    near = [sents[j].text for j in (sentence.number - 1, sentence.number + 1)
            if 0 <= j < len(sents)]
    return " ".join([text, *near])


def _jaccard(sa: set[str], sb: set[str]) -> float:
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def _ref(src: Source) -> SourceRef:
    return SourceRef(id=src.id, title=src.title, url=src.url, publisher=src.publisher,
                     published=src.published)


def _related(hits: Sequence[tuple[int, float]], collection: Collection, n: int) -> list[SourceRef]:
    out: list[SourceRef] = []
    seen: set[str] = set()
    for p, _ in hits:
        src = collection.source_of(p)
        if src.id not in seen:
            seen.add(src.id)
            out.append(_ref(src))
        if len(out) >= n:
            break
    return out


# Why qabot abstained (``Answer.abstained``): nothing in the corpus met the question; the best
# sentence's confidence is below the threshold; the question's weighty terms are not found
# together; a specific word of it (a name, a rare word) is not in the cited document; what a yes/no
# question asks whether something supports is not named there, nor, in a manual, a word of a "how
# do I" question far from everyday English (``uncommon.py``); a "when" or "how many" question's
# best sentence holds no date or quantity of its own; a question asking for a default or a limit is
# answered by a quote that states none (``values.py``); the best is its document's opening and says
# nothing else of what is asked (``openingonly.py``); an answer the selector is not sure of names
# no action of the kind a "how do I" asks for (``action.py``).
NOTHING_MATCHED, LOW_CONFIDENCE, TERMS_APART = "nothing_matched", "low_confidence", "terms_apart"
SPECIFIC_MISSING, SUBJECT_MISSING = "specific_word_missing", "subject_missing"
SUPPORT_UNNAMED, UNCOMMON_MISSING = "support_unnamed", "uncommon_word_missing"
OPENING_ONLY, NO_VALUE, ACTION_UNNAMED = "opening_only", "no_value", "action_unnamed"
NO_EVIDENCE = {"when": "no_date", "number": "no_quantity"}


def _abstention(question: str, query: Query, best: Candidate, confidence: float,
                threshold: float, collection: Collection, config: ComposerConfig,
                index: TermIndex | None, hits: Sequence[tuple[int, float]],
                evidence_text: Callable[[], str], quoted: Candidate) -> str | None:
    """Why the best candidate does not answer (``Answer.abstained``), the checks in order, each
    only when those before it passed; ``None``: it answers. The term-coverage rules read
    ``quoted``, the candidate quoted first."""
    if confidence < threshold:
        return LOW_CONFIDENCE
    if config.rule_gates and not rules_met(rules_row(question, query, quoted, collection,
                                                     config), config):
        return TERMS_APART
    if ((config.specific_gate and not best.features[_SPECIFIC])
            or (config.unseen_specific_gate
                and _lacks_specific(query, best.sentence, collection))):
        return SPECIFIC_MISSING
    doc = int(collection.passage_doc[best.sentence.passage])
    if config.subject_gate and index is not None and missing_subject(
            query, doc, collection, index, {int(collection.passage_doc[p]) for p, _ in hits}):
        return SUBJECT_MISSING
    if config.supports_gate and index is not None and unnamed_support(
            question, query, doc, collection, index):
        return SUPPORT_UNNAMED
    if config.uncommon_zipf > 0 and index is not None and missing_uncommon(
            question, query, doc, collection, index, best.window_similar,
            config.uncommon_zipf, config.uncommon_share, config.uncommon_can_zipf):
        return UNCOMMON_MISSING
    if query.cue in config.evidence_needed and not holds_asked(
            query.cue, evidence_text(), question, query.lang, config.fit_gate):
        return NO_EVIDENCE.get(query.cue or "", "no_evidence")
    if config.value_gate and asks_value(question, query.lang) and not states_value(
            evidence_text(), question, bool(best.features[_DEFAULT])):
        return NO_VALUE
    if config.opening_gate and query.lang == ENGLISH and opening_only(
            best.features, best.sentence.text, question):
        return OPENING_ONLY
    return None


def _abstain(question: str, query: Query, related: list[SourceRef], coverage: float = 0.0,
             confidence: float = 0.0, why: str = LOW_CONFIDENCE) -> Answer:
    return Answer(question=question, answered=False, text=NOT_FOUND, related=related,
                  coverage=round(coverage, 4), confidence=round(confidence, 4),
                  read_as=dict(query.read_as), abstained=why)


__all__ = ["FRAME_WORDS", "ComposerConfig", "Query", "compose", "parse_query", "rules_met"]
