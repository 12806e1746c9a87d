"""Nothing is silently dropped: every block of a source document, found by a reading of the file
independent of qabot's readers, is in the index or in ``qabot show``'s dropped list with a
reason. Over a sample of the documentation corpus, one document or more per format."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from retrieval import QAEngine
from retrieval.corpus import load_directory
from retrieval.errors import UnknownDocumentError
from retrieval.ingest.report import explain_document, find_named

from .conftest import ROOT

DOCS = ROOT / "tests" / "data" / "docs_corpus"
SAMPLE = ["tutorial-modules.html", "nodejs-security.md", "zstd-testing.md", "apache-2.0.txt",
          "tmux-readme.txt", "nodejs-commit-queue.pdf", "shared-mime-info-spec.pdf",
          "nodejs-diagnostic-tooling-tiers.docx", "nodejs-security-release-memo.docx"]


def norm(text: str) -> str:
    """Words only, case and numbers folded: how a unit is looked for in what was indexed."""
    return " ".join(re.sub(r"\d+", "#", w) for w in re.findall(r"\w+", text.casefold()))


def units_docx(path: Path) -> list[str]:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return [p.text for p in d.paragraphs] + cells


def units_markdown(path: Path) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))
    out = []
    for t in tokens:
        if t.type == "inline":
            out.append("".join(" " if c.type in ("softbreak", "hardbreak") else c.content
                               for c in t.children or [] if c.type in (
                                   "text", "code_inline", "softbreak", "hardbreak")))
    return out


class _Blocks(HTMLParser):
    BLOCK = frozenset("h1 h2 h3 h4 h5 h6 p li td th dt dd".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.units: list[str] = []
        self.skip = 0
        self.skipped: list[str] = []  # the tags of the elements skipped, innermost last

    @staticmethod
    def _noteref(tag, attrs):
        """A footnote reference's marker (the ARIA role ``doc-noteref``): no block's text, and
        listed among the dropped."""
        return tag in ("a", "sup") and ("role", "doc-noteref") in attrs

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head") or self._noteref(tag, attrs):
            self.skip += 1
            self.skipped.append(tag)
        if tag in self.BLOCK:
            self.units.append("")
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.skipped and tag == self.skipped[-1]:
            self.skip -= 1
            self.skipped.pop()
        if tag in self.BLOCK and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and not self.skip:
            self.units[-1] += data


def units_html(path: Path) -> list[str]:
    p = _Blocks()
    p.feed(path.read_text(encoding="utf-8"))
    return p.units


def units_pdf(path: Path) -> list[str]:
    return [line for page in PdfReader(str(path)).pages
            for line in (page.extract_text() or "").splitlines()]


def units_text(path: Path) -> list[str]:
    return re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))


READERS = {".docx": units_docx, ".md": units_markdown, ".html": units_html, ".pdf": units_pdf,
           ".txt": units_text}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("coverage")
    for name in SAMPLE:
        shutil.copy(DOCS / name, root / name)
    return root


@pytest.mark.parametrize("name", SAMPLE)
def test_every_block_is_indexed_or_dropped_with_a_reason(corpus, name):
    engine = QAEngine.from_directory(corpus, save=False)
    units = [norm(u) for u in READERS[Path(name).suffix](corpus / name)]
    missing = unaccounted(engine, corpus, name, units, shown="dropped")
    assert not missing, f"{len(missing)} of {len(units)} blocks neither indexed nor dropped: " \
        f"{missing[:5]}"


def unaccounted(engine: QAEngine, corpus: Path, name: str, units: list[str],
                shown: str | tuple[str, ...]) -> list[str]:
    """The ``units`` (normalised) of document ``name`` neither in its indexed passages nor in
    ``qabot show``'s rows whose status starts with ``shown``; every drop must give its reason."""
    docs, _ = load_directory(corpus)
    try:
        reports = [explain_document(docs, name)]
        titles = ""
    except UnknownDocumentError:  # a file of several documents (a mail archive): each one's
        i = find_named([d.id for d in docs], [d.path for d in docs], name)
        reports = [explain_document(docs, d.id) for d in docs if d.path == docs[i].path]
        titles = " ".join(r.doc.title for r in reports)  # (a message's Subject is its title)
    ids = [s.id for s in engine.collection.sources]
    indexed, shown_text = [], [titles]
    for report in reports:
        lo, hi = engine.collection.passage_range(ids.index(report.doc.id))
        indexed += [engine.passage(p) for p in range(lo, hi)]
        assert all(r.status != "dropped: " for r in report.rows)  # every drop has its reason
        shown_text += [r.text for r in report.rows if r.status.startswith(shown)]
    index_text, rows_text = norm(" ".join(indexed)), norm(" ".join(shown_text))
    return [u for u in units if u and u not in index_text and u not in rows_text]
