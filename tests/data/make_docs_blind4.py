#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind4/: a fourth held-out mixed-format documentation set (20 files),
written without running qabot, to measure it on documents and questions nobody tuned on --
"the Rust docs we use": the documentation the Rust toolchain (1.95.0, installed by rustup)
ships under share/doc/.

* 13 files are copied from the toolchain's documentation byte for byte (HTML pages made by
  mdBook and by rustdoc, two Markdown READMEs, a licence text and Cargo's third-party licence
  notices), and one is derived:
  ``rust-releases-recent.md`` is the head of the toolchain's ``releases.md`` (its release
  notes, 894 KB), cut before the heading of its 9th release, so it holds the notes of the
  8 newest releases (1.95 back to 1.91.0, point releases included), byte for byte.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from mdBook
  HTML pages of the toolchain's books (read from the installed files, not embedded), as
  3 PDFs (fpdf2) and 3 DOCX files (python-docx). ``read_mdbook`` below turns the page's
  ``<main>`` element into blocks (headings, paragraphs, list items, code blocks, tables,
  block quotes), its words unchanged; code lines that mdBook hides (``<span class="boring">``)
  are left out, as a reader of the page does not see them.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind4.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind4.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docsgen

SHARE = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc")
HTML = SHARE / "rust/html"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("book-strings.html", HTML / "book/ch08-02-strings.html", "copy"),
    ("cargo-profiles.html", HTML / "cargo/reference/profiles.html", "copy"),
    ("cargo-workspaces.html", HTML / "cargo/reference/workspaces.html", "copy"),
    ("rustc-lint-levels.html", HTML / "rustc/lints/levels.html", "copy"),
    ("nomicon-send-and-sync.html", HTML / "nomicon/send-and-sync.html", "copy"),
    ("reference-type-layout.html", HTML / "reference/type-layout.html", "copy"),
    ("std-collections.html", HTML / "std/collections/index.html", "copy"),
    ("std-string.html", HTML / "std/string/struct.String.html", "copy"),
    ("rust-docs-index.html", HTML / "index.html", "copy"),
    ("clippy-readme.md", SHARE / "clippy/README.md", "copy"),
    ("rustfmt-readme.md", SHARE / "rustfmt/README.md", "copy"),
    ("cc-by-sa-4.0.txt", SHARE / "rust/licenses/CC-BY-SA-4.0.txt", "copy"),
    ("cargo-third-party-licenses.txt", SHARE / "cargo/LICENSE-THIRD-PARTY", "copy"),
]

# the derived file: (file name, source path, number of release sections kept)
RELEASES = ("rust-releases-recent.md", HTML / "releases.md", 8)

# (file name, source page, title, author, subject, keywords); a DOCX also has comments (its
# source) -- see GENERATED_DOCX
GENERATED_PDF = [
    ("book-panic-or-not.pdf", HTML / "book/ch09-03-to-panic-or-not-to-panic.html",
     "To panic! or Not to panic!", "Steve Klabnik, Carol Nichols and Chris Krycho",
     "The Rust Programming Language, chapter 9.3: when to call panic! and when to return Result",
     "Rust, error handling, panic, Result"),
    ("cargo-toml-vs-cargo-lock.pdf", HTML / "cargo/guide/cargo-toml-vs-cargo-lock.html",
     "Cargo.toml vs Cargo.lock", "The Cargo contributors",
     "The Cargo Book, guide: what Cargo.toml and Cargo.lock are for",
     "Cargo, Cargo.toml, Cargo.lock, dependencies"),
    ("edition-guide-editions.pdf", HTML / "edition-guide/editions/index.html",
     "What are editions?", "The Rust Edition Guide contributors",
     "The Rust Edition Guide: what editions are, compatibility and migrating",
     "Rust, editions, edition guide"),
]

GENERATED_DOCX = [
    ("clippy-configuration.docx", HTML / "clippy/configuration.html",
     "Configuring Clippy", "The Clippy contributors",
     "The Clippy book: clippy.toml, lint levels in Cargo.toml and attributes, MSRV, disabling evaluation",
     "Rust toolchain 1.95.0 documentation, share/doc/rust/html/clippy/configuration.html; Apache-2.0 OR MIT",
     "Clippy, Rust, lints, configuration"),
    ("style-guide.docx", HTML / "style-guide/index.html",
     "The Rust Style Guide", "The Rust style team",
     "The default Rust style: formatting conventions, indentation, line width, comments, attributes, items",
     "Rust toolchain 1.95.0 documentation, share/doc/rust/html/style-guide/index.html; Apache-2.0 OR MIT",
     "Rust, style guide, rustfmt, formatting"),
    ("rbe-unit-testing.docx", HTML / "rust-by-example/testing/unit_testing.html",
     "Unit testing", "The Rust by Example contributors",
     "Rust by Example: unit tests, tests and ?, testing panics, running and ignoring tests",
     "Rust toolchain 1.95.0 documentation, share/doc/rust/html/rust-by-example/testing/unit_testing.html; Apache-2.0 OR MIT",
     "Rust, testing, unit tests, cargo test"),
]

# --- reading an mdBook page -------------------------------------------------------------------


def _hidden(tag: str, attrs: dict[str, str | None]) -> bool:
    """mdBook's hidden code lines (``<span class="boring">``), which a reader does not see."""
    return tag == "span" and "boring" in (attrs.get("class") or "").split()


def read_mdbook(src: Path) -> list[tuple] | None:
    """The blocks of an mdBook page's ``<main>``; None if the page is missing."""
    if not src.is_file():
        print(f"missing source, not generated from: {src}", file=sys.stderr)
        return None
    reader = docsgen.HtmlBlocks("main", first_title=True, left_out=_hidden)
    reader.feed(src.read_text(encoding="utf-8"))
    return reader.blocks


def cp1252_only(block: tuple) -> tuple:
    """``docsgen.cp1252_only``, two spaces made one. None is dropped from the three pages used
    (checked)."""
    return docsgen.cp1252_only(block, squeeze=True)


# --- the derived release notes ----------------------------------------------------------------


def releases_head(out: Path, name: str, src: Path, keep: int) -> None:
    """The head of releases.md up to (not including) its (keep+1)-th "Version ..." heading."""
    if not src.is_file():
        print(f"missing source, not copied: {src}", file=sys.stderr)
        return
    data = src.read_bytes()
    starts = [m.start() for m in re.finditer(rb"(?m)^Version \d+\.\d+(?:\.\d+)? \(", data)]
    end = starts[keep] if len(starts) > keep else len(data)
    (out / name).write_bytes(data[:end])


WRITE = docsgen.Writer("tests/data/make_docs_blind4.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind4")
    docsgen.copy_sources(out, COPIES)
    releases_head(out, *RELEASES)
    for name, src, title, author, subject, keywords in GENERATED_PDF:
        blocks = read_mdbook(src)
        if blocks is not None:
            WRITE.pdf([cp1252_only(b) for b in blocks], out / name, title, author, subject, keywords)
    for name, src, title, author, subject, comments, keywords in GENERATED_DOCX:
        blocks = read_mdbook(src)
        if blocks is not None:
            WRITE.docx(blocks, out / name, title, author, subject, comments, keywords)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
