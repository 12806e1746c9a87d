#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths, as in the make_docs_*.py scripts)
"""Build tests/data/formats/: the files an office or a newsroom keeps besides PDF and Word --
an e-book (EPUB), an OpenDocument text (ODT), a Rich Text memo (RTF), saved e-mails (EML), a
mail archive (mbox) and spreadsheets saved as text (CSV, TSV) -- for
tests/data/formats_questions.jsonl.

Every word of them is from two PyPI sdists under the 3-clause BSD licence (SymPy 1.14.0 and
NetworkX 3.6.1, read as make_docs_blind15.py reads them: ``pip download --no-deps --no-binary
:all: -d ~/.cache/qabot-sdists sympy==1.14.0 networkx==3.6.1``), turned into these formats by
tests/formatwriters.py, deterministically (fixed dates, fixed zip times): the e-mails' senders,
dates and greeting lines and the tables' column names are this script's; their text is the
sources'. Usage (the project venv: docutils)::

    python tests/data/make_formats.py [OUT_DIR]   # default tests/data/formats
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from formatwriters import (  # noqa: E402
    plain_text,
    write_eml,
    write_epub,
    write_mbox,
    write_odt,
    write_rtf,
    xhtml_body,
)
from make_docs_blind15 import NETWORKX, NX_DOC, SYMPY, SYMPY_DOC, read_sphinx_rst, sdist  # noqa: E402

TUTORIAL = f"{SYMPY_DOC}/tutorials/intro-tutorial"
NX_DEVS = "NetworkX Developers <networkx-discuss@googlegroups.com>"


def blocks_of(tarball: str, member: str) -> list[tuple]:
    blocks = read_sphinx_rst(sdist(tarball, member))
    if blocks is None:
        sys.exit(f"missing source {member}: see the docstring for the pip download command")
    return blocks


def until(blocks: list[tuple], heading: str) -> list[tuple]:
    """``blocks`` up to the first heading ``heading``."""
    for i, b in enumerate(blocks):
        if b[0] in ("h1", "h2", "h3") and b[1] == heading:
            return blocks[:i]
    return blocks


def release(version: str) -> tuple[list[tuple], str]:
    """The blocks of NetworkX's notes for ``version`` and its release date line's date."""
    blocks = blocks_of(NETWORKX, f"{NX_DOC}/release/release_{version}.rst")
    date = next(b[1] for b in blocks if b[0] == "p" and b[1].startswith("Release date:"))
    return blocks, date.removeprefix("Release date:").strip()


def epub() -> bytes:
    chapters = []
    for name in ("gotchas", "basic_operations", "printing"):
        blocks = blocks_of(SYMPY, f"{TUTORIAL}/{name}.rst")
        chapters.append((blocks[0][1], xhtml_body(blocks)))
    return write_epub("SymPy Tutorial: Gotchas, Basic Operations and Printing", chapters,
                      date="2025-04-27", publisher="SymPy Development Team")


def odt() -> bytes:
    blocks = blocks_of(NETWORKX, f"{NX_DOC}/developer/new_contributor_faq.rst")
    return write_odt(blocks, title="NetworkX New Contributor FAQ", date="2025-12-08T10:00:00")


def rtf() -> bytes:
    blocks = blocks_of(NETWORKX, f"{NX_DOC}/developer/core_developer.rst")
    return write_rtf(blocks, title="NetworkX Core Developer Guide")


def announcement() -> bytes:
    blocks, _ = release("3.1")
    body = plain_text(until(blocks, "Improvements")[1:])
    return write_eml("[ANN] NetworkX 3.1 released", NX_DEVS, "networkx-discuss@googlegroups.com",
                     "Tue, 04 Apr 2023 18:30:00 +0000", body)


def reply() -> bytes:
    notes, _ = release("3.1")
    highlights = plain_text([b for b in until(notes, "Improvements") if b[0] == "li"])
    policy = until(blocks_of(NETWORKX, f"{NX_DOC}/developer/deprecations.rst")[1:], "Todo")
    body = ("Hi all,\n\n" + plain_text(policy[:12])
            + "\nOn Tue, 4 Apr 2023 at 18:30, NetworkX Developers wrote:\n"
            + "".join(f"> {line}\n" if line else ">\n" for line in highlights.splitlines())
            + "\n-- \nA NetworkX core developer\nhttps://networkx.org\n")
    return write_eml("Re: [ANN] NetworkX 3.1 released", "A NetworkX core developer <core@networkx.example>",
                     "networkx-discuss@googlegroups.com", "Wed, 05 Apr 2023 08:00:00 +0000", body)


def mbox() -> bytes:
    messages = []
    for version, hour in (("3.2.1", 9), ("3.4.1", 10), ("3.4.2", 11)):
        blocks, date = release(version)
        day, month, year = date.split()
        stamp = f"{day} {month[:3]} {year} {hour:02d}:00:00 +0000"
        data = write_eml(f"[ANN] NetworkX {version} released", NX_DEVS,
                         "networkx-discuss@googlegroups.com", stamp, plain_text(blocks[1:]))
        messages.append(("networkx-discuss@googlegroups.com", f"Mon Jan  1 {hour:02d}:00:00 {year}", data))
    return write_mbox(messages)


def release_log_csv() -> str:
    """Version, release date, the Python versions supported and any further note of each
    release in NetworkX's old release log."""
    blocks = blocks_of(NETWORKX, f"{NX_DOC}/release/old_release_log.rst")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Version", "Release date", "Python support", "Note"])
    row: list[str] = []
    for b in blocks:
        if b[0] in ("h1", "h2") and b[1].startswith("NetworkX "):
            if row:
                writer.writerow(row)
            row = [b[1].removeprefix("NetworkX "), "", "", ""]
        elif row and b[0] == "p" and b[1].startswith("Release date:"):
            parts = re.split(r"(?<=\d{4}) ", b[1].removeprefix("Release date:").strip(), maxsplit=1)
            row[1] = parts[0]
            rest = parts[1] if len(parts) > 1 else ""
            support = re.match(r"(Supports? [^.]*\.|Support for [^.]*\.)\s*(.*)", rest)
            if support:
                row[2], row[3] = support[1], support[2]
            elif rest:
                row[3] = rest
        elif row and b[0] == "p" and not row[2] and re.match(r"Supports? |Support for ", b[1]):
            first, _, more = b[1].partition(". ")
            row[2], row[3] = first.rstrip(".") + ".", more
    if row:
        writer.writerow(row)
    return out.getvalue()


def releases_tsv() -> str:
    rows = ["Version\tRelease date\tSupported Python versions"]
    for version in ("3.0", "3.1", "3.2", "3.3", "3.4"):
        blocks, date = release(version)
        support = next(b[1] for b in blocks if b[0] == "p" and b[1].startswith("Supports Python"))
        rows.append(f"{version}\t{date}\t{support.removeprefix('Supports Python ').rstrip('.')}")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE / "formats"
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "sympy-tutorial.epub": epub(),
        "nx-new-contributor-faq.odt": odt(),
        "nx-core-developer-guide.rtf": rtf(),
        "nx-3.1-announcement.eml": announcement(),
        "re-nx-3.1-announcement.eml": reply(),
        "nx-announce.mbox": mbox(),
        "nx-release-log.csv": release_log_csv().encode(),
        "nx-releases-3.tsv": releases_tsv().encode(),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
