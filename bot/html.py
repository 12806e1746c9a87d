"""Rendering for Telegram's HTML parse mode: answers, passages and document lists as messages.

Everything that comes from the corpus or from a user is escaped (``<``, ``>``, ``&``, and quotes
inside attributes). A message holds at most ``TELEGRAM_LIMIT`` characters, counted as Telegram
counts them (UTF-16 code units); longer text is cut between paragraphs or sentences, and a cut
never falls inside a tag or an entity because every piece is rendered from plain text on its own.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from retrieval import Answer, Quote, SourceRef
from retrieval.ingest.sentences import sentence_spans
from retrieval.quotes import CODE_INDENT

from .render import cited_title, counted, mark, notes

TELEGRAM_LIMIT = 4096
RELATED_SHOWN = 3
TITLE_CHARS = 160  # a corpus title can be a whole paragraph: keep footers and lists compact
MIN_TITLE_CHARS = 16  # a title shortened to fit a line keeps this much
FIELD_CHARS = 80  # a publisher or a date, likewise
URL_CHARS = 1024  # a longer address is no link (and would crowd a message out)

Spans = Sequence[tuple[int, int]]
Cutter = Callable[[str], list[int]]


def escape(text: str) -> str:
    """``text`` safe in Telegram HTML: ``<``, ``>`` and ``&`` as entities."""
    return html.escape(text, quote=False)


def escape_attribute(text: str) -> str:
    """``text`` safe inside a double-quoted attribute value (``href="..."``)."""
    return escape(text).replace('"', "&quot;")


def telegram_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def bold(text: str, spans: Spans) -> str:
    """``text`` escaped, with ``spans`` (character offsets into the raw text) in ``<b>``."""
    return mark(text, list(spans), lambda s: f"<b>{s}</b>", escape)


def quoted(text: str, spans: Spans) -> str:
    """A quote's ``text`` escaped, ``spans`` in bold, and each line of code after its lead-in
    (opening with ``CODE_INDENT``) set as code, ``<code>``, without its indent: Telegram shows
    it in a monospaced font, to be copied as typed (and nests no bold in it)."""
    if not text.startswith(CODE_INDENT) and "\n" + CODE_INDENT not in text:
        return bold(text, spans)
    out, at = [], 0
    for line in text.split("\n"):
        if line.startswith(CODE_INDENT):
            out.append(f"<code>{escape(line[len(CODE_INDENT):])}</code>")
        else:
            out.append(bold(line, [(max(a, at) - at, min(b, at + len(line)) - at)
                                   for a, b in spans if a < at + len(line) and b > at]))
        at += len(line) + 1
    return "\n".join(out)


def _paragraphs(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\n+", text)]


def _sentences(text: str) -> list[int]:
    return [s.start for s in sentence_spans(text)]


def _words(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\s+", text)]


CUTTERS: tuple[Cutter, ...] = (_paragraphs, _sentences, _words)


def _pieces(text: str, spans: Spans, limit: int, cutters: Sequence[Cutter]) -> Iterator[str]:
    """``text`` rendered in pieces within ``limit``: cut where the first cutter allows, each
    piece still too long by the next cutter, and halved when no cutter is left."""
    rendered = quoted(text, spans)
    if telegram_len(rendered) <= limit or len(text) < 2:
        yield rendered
        return
    points: list[int] = []
    while cutters and not points:
        points = [p for p in cutters[0](text) if 0 < p < len(text)]
        cutters = cutters[1:]
    if not points:
        points = [len(text) // 2]  # one endless word; escaping can grow it 5 times
    bounds = [0, *points, len(text)]
    for a, b in itertools.pairwise(bounds):
        clipped = [(max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a]
        yield from _pieces(text[a:b], clipped, limit, cutters)


def html_chunks(text: str, spans: Spans = (), limit: int = TELEGRAM_LIMIT) -> list[str]:
    """``text`` (a quote's) escaped, ``spans`` in bold, lines of code as code (``quoted``), as
    few pieces of at most ``limit`` as fit, cut between paragraphs or sentences (between
    words, or inside one, only when it alone is longer than ``limit``)."""
    packed = pack(list(_pieces(text, spans, limit, CUTTERS)), limit, sep="")
    return [chunk.strip() for chunk in packed if chunk.strip()]


def pack(blocks: Sequence[str], limit: int = TELEGRAM_LIMIT, sep: str = "\n\n") -> list[str]:
    """Whole HTML blocks (each within ``limit``) joined by ``sep`` into as few messages as fit."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        joined = f"{current}{sep}{block}" if current else block
        if current and telegram_len(joined) > limit:
            messages.append(current)
            joined = block
        current = joined
    if current:
        messages.append(current)
    return messages


def short(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_line(ref: SourceRef, places: str = "") -> str:
    """A document on one line: its title (a link when the url is a web address) and where the
    citation points in it ("› Install (p. 4)"), publisher, date; every part bounded, so that
    metadata of any length leaves a message within Telegram's limit."""
    title = escape(cited_title(short(ref.title or ref.id), short(places)))
    url = web_address(ref.url)
    line = f'<a href="{escape_attribute(url)}">{title}</a>' if url else title
    extra = ", ".join(escape(short(x, FIELD_CHARS)) for x in (ref.publisher, ref.published) if x)
    return f"{line} · {extra}" if extra else line


def web_address(url: str | None) -> str | None:
    """``url`` when it may become a link: an http(s) address of at most ``URL_CHARS``
    characters (never "javascript:", "file:", "data:" ...); else ``None``."""
    if not url or len(url) > URL_CHARS:
        return None
    scheme = url.split(":", 1)[0].lower()
    return url if scheme in ("http", "https") and url[len(scheme):].startswith("://") else None


# Telegram formats at most 100 entities of a message and ignores the rest (a <b>, an <a>, an <i>
# each count): the matched words of an answer's quotes are bold up to this many runs, which
# leaves room for its notes, its sources' links and title, and the lines of code its quotes
# set as <code> (a lead-in's: at most ``sieve.MAX_CODE_LINES`` a quote)
MAX_BOLD_RUNS = 60


def bold_runs(text: str, spans: Spans) -> list[tuple[int, int]]:
    """``spans`` sorted, those apart by white space alone made one run ("<b>Collective
    Security</b>", not two entities for what reads as one)."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and start >= runs[-1][1] and not text[runs[-1][1]:start].strip():
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        elif not runs or start >= runs[-1][1]:
            runs.append((start, end))
    return runs


def _quote_pieces(q: Quote, limit: int, runs: Spans | None = None) -> list[str]:
    """One quoted sentence, matched words in bold (``runs``: its bold runs, when not all of
    them), then its citation marker: “…” [1]."""
    marker = f"” [{q.citation}]"
    spans = bold_runs(q.text, q.highlights) if runs is None else runs
    pieces = html_chunks(q.text, spans, limit - len(marker) - 1) or [""]
    pieces[0] = "“" + pieces[0]
    pieces[-1] += marker
    return pieces


def quote_blocks(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Every quoted sentence of the answer as HTML blocks (a very long one takes several), at
    most ``MAX_BOLD_RUNS`` bold runs in all (the first quote's first)."""
    blocks: list[str] = []
    budget = MAX_BOLD_RUNS
    for q in answer.sentences:
        runs = bold_runs(q.text, q.highlights)[:budget]
        budget -= len(runs)
        blocks += _quote_pieces(q, limit, runs)
    return blocks


def quote_html(q: Quote, ref: SourceRef, limit: int = TELEGRAM_LIMIT) -> str:
    """One quote and the document it is from, as a single message (cut short if need be)."""
    return pack([*_quote_pieces(q, limit), f"— {source_line(ref, q.where)}"], limit,
                sep="\n")[0]


def answer_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The answer as messages: quotes with citations and a compact sources footer, or a friendly
    abstention offering up to ``RELATED_SHOWN`` related documents; first, when the question had
    typos, how they were read."""
    note = [f"<i>{escape(n)}</i>" for n in notes(answer)]
    if not answer.answered:
        blocks = [*note, f"{escape(answer.text)} I only answer from my documents, so I won't "
                  "guess."]
        if answer.related:
            blocks.append("These come closest, though they may not answer it:\n" + "\n".join(
                f"• {source_line(r)}" for r in answer.related[:RELATED_SHOWN]))
        return pack(blocks, limit)
    footer = "<b>Sources</b>\n" + "\n".join(
        f"[{i}] {source_line(r, answer.places(i))}" for i, r in enumerate(answer.sources, 1))
    return pack([*note, *quote_blocks(answer, limit), footer], limit)


def passage_html(ref: SourceRef, passage: str, cited: tuple[int, int],
                 limit: int = TELEGRAM_LIMIT) -> str:
    """A passage under its document's title line, with the cited sentence in bold, as one
    message: a passage too long for one (a paragraph holding a 240,000-character base64 blob,
    which no cut between words shortens) is shown around the cited sentence, an ellipsis
    where it is cut. One Quote tap sent every piece of it, dozens of messages, each tap
    counted once by the rate limit."""
    title = source_line(ref)
    budget = limit - telegram_len(title) - 2  # the "\n\n" between them
    window = len(passage)
    while True:
        text, spans = _around(passage, cited, window)
        body = bold(text, spans)
        size = telegram_len(body)
        if size <= budget or window <= 1:
            return f"{title}\n\n{body}"
        # escaping ("&" -> "&amp;") and UTF-16 (astral characters count 2) grow the text
        window = min(window - 1, window * budget // size)


def _around(text: str, cited: tuple[int, int], window: int) -> tuple[str, Spans]:
    """At most ``window`` characters of ``text`` around ``cited`` (as much before it as after
    when both sides are cut; the sentence's start when it alone is longer), "…" marking each
    cut, and where ``cited`` falls in them."""
    if len(text) <= window:
        return text, [cited]
    start, end = cited
    room = max(window - 2, 1)  # the ellipses
    end = min(end, start + room)
    a = max(0, min(start - (room - (end - start)) // 2, len(text) - room))
    b = min(len(text), a + room)
    head, tail = ("…" if a > 0 else ""), ("…" if b < len(text) else "")
    return head + text[a:b] + tail, [(start - a + len(head), end - a + len(head))]


def sources_page(refs: Sequence[SourceRef], page: int, per_page: int,
                 limit: int = TELEGRAM_LIMIT) -> str:
    """One page of the numbered list of documents (``page`` counts from 0), within ``limit``:
    each line gets an equal share of it, measured as Telegram counts (a page of ten titles in
    "mathematical bold" letters, two UTF-16 units each, was 4,196 and refused), so a page
    still holds ``per_page`` documents and is found without measuring the pages before it."""
    first = page * per_page
    pages = max(1, -(-len(refs) // per_page))
    head = f"<b>My {counted(len(refs), 'document')}</b>" + (
        f" (page {page + 1} of {pages})" if pages > 1 else "")
    share = (limit - telegram_len(head)) // max(per_page, 1) - 1  # a line and its "\n"
    lines = [_line_within(f"{i}. ", r, share)
             for i, r in enumerate(refs[first : first + per_page], first + 1)]
    return "\n".join([head, *lines])


def _line_within(prefix: str, ref: SourceRef, budget: int) -> str:
    """``prefix`` and the document's source line in at most ``budget`` UTF-16 units: its
    title shortened as far as need be, then its link, publisher and date left out."""
    title, chars = ref.title or ref.id, TITLE_CHARS
    line = prefix + source_line(ref)
    while (size := telegram_len(line)) > budget and chars > MIN_TITLE_CHARS:
        chars = max(MIN_TITLE_CHARS, min(chars - 1, chars * budget // size))
        line = prefix + source_line(ref.model_copy(update={"title": short(title, chars)}))
    if size > budget:  # a long address or publisher: the title alone
        line = prefix + source_line(SourceRef(id=ref.id, title=short(title, chars)))
    return line
