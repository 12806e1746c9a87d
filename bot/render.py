"""Rendering an ``Answer`` for people: plain console text (Telegram HTML lives beside it).

Everything a user sees is rendered from the same ``Answer`` value, so channels never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval import Answer, SourceRef
from retrieval.ingest.read import BIDI_CONTROLS
from retrieval.ingest.report import DocumentReport

ANSI_BOLD, ANSI_RESET = "\033[1m", "\033[0m"


def mark(text: str, spans: list[tuple[int, int]], wrap: Callable[[str], str],
         escape: Callable[[str], str] = lambda s: s) -> str:
    """``text`` with each span passed through ``wrap`` and everything through ``escape``."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(wrap(escape(text[start:end])))
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def source_line(ref: SourceRef, places: str = "") -> str:
    """``Title › Section (p. 4) (publisher) <url> [id]`` with the parts that are known, on one
    line: a file name may hold a line break or a right-to-left override (``shown``)."""
    parts = [cited_title(ref.title or ref.id, places)]
    if ref.publisher:
        parts.append(f"({ref.publisher})")
    if ref.url:
        parts.append(f"<{ref.url}>")
    if ref.title and ref.title != ref.id:
        parts.append(f"[{ref.id}]")
    return shown(" ".join(parts))


# Control characters (a line break in a file name split a Sources line): shown as "?"
_CONTROLS_SHOWN = {c: "?" for c in [*range(0x20), 0x7f]}


def shown(text: str) -> str:
    """``text`` as one line a terminal shows as it is: control characters as "?", and no
    bidirectional controls (``BIDI_CONTROLS``: an override turned the rest of the line around)."""
    return BIDI_CONTROLS.sub("", text).translate(_CONTROLS_SHOWN)


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is 1 ("1 file", "2 files"; a noun of one
    word whose plural takes an -s, as every count qabot prints does)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cited_title(title: str, places: str) -> str:
    """A title with where in the document a citation points: "Guide › Install (p. 4)"."""
    if not places:
        return title
    return f"{title} {places}" if places.startswith("(p.") else f"{title} › {places}"


def read_as_note(answer: Answer) -> str:
    """``Read “formd” as “formed”.`` for the typos the answer was read with, or ``""``."""
    if not answer.read_as:
        return ""
    pairs = ", ".join(f"“{typo}” as “{word}”" for typo, word in answer.read_as.items())
    return f"Read {pairs}."


LOW_CONFIDENCE_NOTE = ("Not sure this answers your question: these are the closest sentences "
                       "I found; check them in their source.")


def notes(answer: Answer) -> list[str]:
    """What to say before the answer itself: how typos were read, and that the answer is
    unsure when its confidence is low."""
    out = [n] if (n := read_as_note(answer)) else []
    if answer.answered and answer.low_confidence:
        out.append(LOW_CONFIDENCE_NOTE)
    return out


def to_text(answer: Answer, bold: bool = False) -> str:
    """The answer as console text: numbered quotes, then the sources (or related documents);
    first, when the question had typos, how they were read, and when the answer is unsure, a
    word of caution."""
    body = _body_text(answer, bold)
    return "\n".join([*(f"({n})" for n in notes(answer)), body])


def _body_text(answer: Answer, bold: bool) -> str:
    wrap = (lambda s: f"{ANSI_BOLD}{s}{ANSI_RESET}") if bold else (lambda s: s)
    if not answer.answered:
        lines = [answer.text]
        if answer.related:
            lines += ["", "Related documents (they may not answer this):"]
            lines += [f"  - {source_line(r)}" for r in answer.related]
        return "\n".join(lines)
    lines = [f"“{mark(q.text, q.highlights, wrap)}” [{q.citation}]" for q in answer.sentences]
    lines += ["", "Sources:"]
    lines += [f"  [{i}] {source_line(r, answer.places(i))}"
              for i, r in enumerate(answer.sources, 1)]
    return "\n".join(lines)


def sources_text(refs: list[SourceRef]) -> str:
    """The corpus's documents as a numbered list."""
    return "\n".join(f"{i:>3}. {source_line(r)}" for i, r in enumerate(refs, 1))


def document_text(report: DocumentReport) -> str:
    """What was indexed of one document, block by block (``qabot show``): its title and file,
    then each block's status, kind, section and page, and its text (long ones cut)."""
    d = report.doc
    # the file's name, title and metadata come from the corpus: ``shown`` (an escape sequence
    # in a file name set the terminal's title and cleared its screen)
    lines = [shown(f"{d.id}: {d.title}"),
             shown(f"  file: {d.path}; read as {'a web page' if report.web else 'a document'}"
                   + (f", in {', '.join(report.languages)}" if report.languages else ""))]
    lines += [shown(f"  {key}: {getattr(d, key)}") for key in ("url", "publisher", "published")
              if getattr(d, key)]
    indexed = report.kept
    # (a document the index skips: its blocks are what the sieve kept, and none is indexed)
    kept = "kept" if report.skipped else "indexed"
    lines.append(f"  {counted(len(report.rows), 'block')}: {indexed} {kept}, "
                 f"{len(report.rows) - indexed} dropped")
    if report.skipped:
        lines.append(f"  not indexed: {report.skipped}, so the document is skipped")
    for r in report.rows:
        where = " › ".join(x for x in (r.section, f"p. {r.page}" if r.page else "") if x)
        lines += ["", shown(f"[{r.status}] {r.kind}" + (f" · {where}" if where else "")),
                  f"  {r.text if len(r.text) <= 300 else r.text[:299] + '…'}"]
    return "\n".join(lines)
