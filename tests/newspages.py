"""What a reader sees of a saved news page, read without qabot: the visible text runs of an HTML
page in its declared charset, a text file's lines, a PDF's text lines, a Word file's paragraphs.
The held-out news sets' own tests (``test_news_blind2.py`` to ``test_news_blind5.py``) check their
gold answers and furniture against it."""

from __future__ import annotations

import html.parser
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import docx
import pypdf

from retrieval import QAEngine
from retrieval.answer import Answer
from retrieval.corpus import load_directory


def pages(folder: Path) -> list[Path]:
    """A set's pages: its files, not an index qabot saved beside them (``.qabot-index``)."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def furniture(path: Path) -> list[str]:
    """A set's furniture list: one line of a page's furniture a line."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_HIDDEN = {"script", "style", "head", "noscript", "template", "title"}


class TextRuns(html.parser.HTMLParser):
    """The visible text of a page, one run per stretch of text between two tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.runs: list[str] = []
        self._cur: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._cur).split())
        if re.search(r"\w", text):
            self.runs.append(text)
        self._cur = []

    def handle_starttag(self, tag, attrs) -> None:
        self._flush()
        if tag in _HIDDEN:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs) -> None:
        self._flush()

    def handle_endtag(self, tag) -> None:
        self._flush()
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data) -> None:
        if not self.hidden:
            self._cur.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def declared_charset(raw: bytes) -> str:
    found = re.search(rb"""charset=["']?([-\w]+)""", raw[:2048], re.I)
    return found.group(1).decode("ascii") if found else "utf-8"


def lines(path: Path) -> list[str]:
    """What a reader sees of a page: its text lines, an HTML page's visible text runs, a PDF's
    text lines or a Word file's paragraphs."""
    if path.suffix == ".html":
        raw = path.read_bytes()
        parser = TextRuns()
        parser.feed(raw.decode(declared_charset(raw)))
        parser.close()
        return parser.runs
    if path.suffix == ".pdf":
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    elif path.suffix == ".docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def flat(runs: list[str]) -> str:
    """Runs or lines as one line of text, spaces collapsed."""
    return " ".join(" ".join(runs).split())


def article(path: Path, furniture: list[str]) -> str:
    """A page's text without its furniture: the lines that are not furniture, and, in a PDF or
    a Word file, whose lines are wrapped by the writer, without the text of a furniture line of
    20 characters or more (a shorter one is left out only as a whole line)."""
    fset = set(furniture)
    text = flat([line for line in lines(path) if line not in fset])
    if path.suffix in (".pdf", ".docx"):
        for f in sorted((f for f in furniture if len(f) >= 20), key=len, reverse=True):
            text = text.replace(f, " ")
        text = " ".join(text.split())
    return text


def rows(questions: Path) -> list[dict]:
    """A question set's rows, as written."""
    return [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def engine(folder: Path, n_pages: int) -> QAEngine:
    """qabot's engine over a news set's ``folder``, every one of its ``n_pages`` pages (HTML,
    text, PDF or Word) read as a document."""
    docs, _ = load_directory(folder)
    assert len(docs) == n_pages
    return QAEngine.from_documents(docs)


def furniture_quoted(ask: Callable[[str], Answer], questions: Iterable[str],
                     furniture_file: Path) -> list[tuple[str, str]]:
    """The (question, quote) pairs where ``ask`` (``QAEngine.ask``) quotes a line of the set's
    furniture of 20 characters or more (a shorter one may be a few words of the article too)."""
    long = [line for line in furniture(furniture_file) if len(line) >= 20]
    quoted = [(q, s.text) for q in questions for s in ask(q).sentences]
    assert quoted
    return [(q, text) for q, text in quoted if any(f in text for f in long)]


def misplaced_furniture(folder: Path, furniture_file: Path,
                        words: tuple[int, int] = (450, 800)) -> list[str]:
    """What is wrong with a news set's pages and furniture list: a furniture line on no page, an
    article (a page without its furniture, ``article``) not ``words`` long, a furniture line of
    20 characters or more that is also article text. Empty: nothing."""
    listed = furniture(furniture_file)
    found = pages(folder)
    everywhere = {line for p in found for line in lines(p)}
    all_text = " ".join(flat(lines(p)) for p in found)
    wrong = [f"not on any page: {f}" for f in listed if f not in everywhere and f not in all_text]
    for page in found:
        text = article(page, listed)
        if not words[0] <= len(text.split()) <= words[1]:
            wrong.append(f"{page.name}: {len(text.split())} words of article")
        wrong += [f"{page.name}: furniture in the article: {f}" for f in listed
                  if len(f) >= 20 and f in text]
    return wrong


def misplaced_answers(rows: list[dict], texts: dict[str, str], furniture_lines: list[str],
                      own_page_only: bool = False) -> tuple[list[str], Counter[str]]:
    """What is wrong with a news set's questions, and how many answerable ones each page has:
    an unanswerable row with answers, sources or another expectation; an answerable one without
    exactly one source, or an answer of more than 8 words, not verbatim in its page's text
    (``texts``: page id -> text), or inside a furniture line; with ``own_page_only``, an answer
    found on another page too (a follow-up story shares its words with the first)."""
    folded = [f.casefold() for f in furniture_lines]
    wrong: list[str] = []
    per_page: Counter[str] = Counter()
    for r in rows:
        if r["kind"] == "unanswerable":
            if not (r["answers"] == [] and r["sources"] == [] and r["expect"] == "abstain"):
                wrong.append(f"{r['id']}: unanswerable, yet answered")
            continue
        if not (r["expect"] == "answer" and len(r["sources"]) == 1 and r["answers"]):
            wrong.append(f"{r['id']}: no answer, or not one source")
            continue
        source = r["sources"][0]
        per_page[source] += 1
        for answer in r["answers"]:
            if not 1 <= len(answer.split()) <= 8:
                wrong.append(f"{r['id']}: {answer!r} is not 1-8 words")
            if answer not in texts[source]:
                wrong.append(f"{r['id']}: {answer!r} not in {source}'s text")
            if any(answer.casefold() in f for f in folded):
                wrong.append(f"{r['id']}: {answer!r} in the furniture")
            if own_page_only and [p for p, t in texts.items() if p != source and answer in t]:
                wrong.append(f"{r['id']}: {answer!r} on another page too")
    return wrong, per_page
