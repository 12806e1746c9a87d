"""BibTeX databases (``ingest/bibtex.py``): an entry a section headed by its title, what a
reference list shows of it, its abstract; and TeX's accents read as the letters they print."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import QAEngine
from retrieval.ingest.latex import inline
from retrieval.ingest.read import format_of, parse
from retrieval.ingest.texaccents import accented

BIB = r"""This database was kept by hand: BibTeX reads this line as a comment.
@comment{nor is this read}
@string{nat = "Nature"}
@preamble{"\newcommand{\noopsort}[1]{}"}
@article{lee2020,
  author = {Lee, Ann and M{\"u}ller, Bob and others},
  title = {A {Fast} Method for {\emph{Sorting}} Graphs},
  journal = nat # " Methods",
  year = 2020, month = mar,
  pages = {1--10},
  abstract = {We sort a graph of a million nodes in two seconds on one core.},
  file = {:lee2020.pdf:PDF},
  note = "Preprint on arXiv",
}
@book(knuth1984, author="Donald E. Knuth and {Barnes and Noble, Inc.}", title="The {\TeX}book",
      publisher={Addison-Wesley}, year="1984")
@misc{broken, title = {A brace never closed
"""


def test_each_entry_is_a_section_headed_by_its_title() -> None:
    parsed = parse(BIB.encode(), "bibtex")
    rows = [(b.kind, b.section[0], b.text) for b in parsed.blocks]
    title = "A Fast Method for Sorting Graphs"
    assert rows == [
        ("heading", title, title),
        ("table_row", title, "Authors: Ann Lee, Bob Müller et al.; Year: 2020; Month: March; "
                             "Journal: Nature Methods; Pages: 1–10."),
        ("paragraph", title, "We sort a graph of a million nodes in two seconds on one core."),
        ("paragraph", title, "Preprint on arXiv"),
        ("heading", "The TeXbook", "The TeXbook"),
        ("table_row", "The TeXbook", "Authors: Donald E. Knuth and Barnes and Noble, Inc.; "
                                     "Year: 1984; Publisher: Addison-Wesley."),
    ]
    reasons = {d.reason.split(" (")[0]: d.block.text for d in parsed.dropped}
    assert reasons["a BibTeX field a reference list does not show"] == "file: :lee2020.pdf:PDF"
    assert "preamble" in " ".join(reasons)
    assert reasons["a BibTeX entry that cannot be read"].startswith("broken, title")
    assert parsed.meta == {}  # two entries: titled by the file's name
    one = parse(b"@misc{x, title={Only One}, year={2001}}", "bibtex")
    assert one.meta == {"title": "Only One"}
    with pytest.raises(ValueError, match="no entry"):
        parse(b"just words, no entries\n", "bibtex")


def test_a_bib_file_in_a_corpus_is_read_and_answers(tmp_path: Path) -> None:
    assert format_of("refs.bib") == "bibtex"
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "refs.bib").write_text(BIB)
    (corpus / "memo.txt").write_text("The lab moves to the new building in May.\n")
    engine = QAEngine.from_directory(corpus, index_dir=tmp_path / "index")
    answer = engine.ask("How fast is the method for sorting graphs?")
    assert "We sort a graph of a million nodes" in answer.sentences[0].text
    assert answer.sentences[0].source == "refs"


def test_tex_accents_and_letters_read_as_printed() -> None:
    assert accented(r"G\"odel, \'{E}cole, na\"{\i}ve, Erd\H{o}s, Fran\c{c}ois, \v{S}koda") == (
        "Gödel, École, naïve, Erdős, François, Škoda")
    assert accented(r"Stra\ss e, {\o}re, \AA{}ngstr\"om, \l{}\'od\'z") == (
        "Straße, {ø}re, Ångström, łódź")
    assert accented(r"\url{x} \label{y} \cite{z} \\'quoted'") == (
        r"\url{x} \label{y} \cite{z} \\'quoted'")
    assert inline(r"M{\"u}ller and G\"odel proved it") == "Müller and Gödel proved it"


def test_abbreviations_that_expand_without_bound_are_listed_as_broken_not_expanded() -> None:
    """Forty @strings each joining the one before twice: a value of 2^40 characters (the
    process was killed for its memory), a "billion laughs" in BibTeX."""
    data = (b'@string{a0 = "xx"}\n'
            + b"".join(b"@string{a%d = a%d # a%d}\n" % (i + 1, i, i) for i in range(40))
            + b"@article{k, title = a40, note = {The note.}}\n"
            + b"@article{j, title = {A fine title}, year = 2020}\n")
    parsed = parse(data, "bibtex")
    assert "A fine title" in [b.text for b in parsed.blocks]
    assert sum(len(b.text) for b in parsed.blocks) < 100_000
    assert any(d.reason.endswith("its @string abbreviations expand past what qabot reads)")
               for d in parsed.dropped)
