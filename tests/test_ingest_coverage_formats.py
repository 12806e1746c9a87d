"""Nothing is silently dropped, for the office and mail formats (``tests/data/formats/``): every
unit of a file, found by a reading independent of qabot's readers (the ODT's XML paragraphs,
the EPUB's XHTML blocks, the standard library's ``mailbox`` and ``csv``, striprtf's lines), is
in the index or in ``qabot show``'s dropped list with a reason."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import mailbox
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from striprtf.striprtf import rtf_to_text

from retrieval import QAEngine

from .conftest import ROOT
from .test_ingest_coverage import _Blocks, norm, unaccounted

FORMATS = ROOT / "tests" / "data" / "formats"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def units_odt(path: Path) -> list[str]:
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    return ["".join(e.itertext()) for e in root.iter() if e.tag in (f"{_TEXT}p", f"{_TEXT}h")]


def units_epub(path: Path) -> list[str]:
    book = zipfile.ZipFile(path)
    out = []
    for name in book.namelist():
        if name.endswith(".xhtml") and not name.endswith("nav.xhtml"):
            p = _Blocks()
            p.feed(book.read(name).decode("utf-8"))
            out += p.units
    return out


def _message_units(message: email.message.EmailMessage) -> list[str]:
    fields = [f"{k}: {message[k]}" for k in ("From", "To", "Date") if message[k]]
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return fields + re.split(r"\n\s*\n", text)


def units_eml(path: Path) -> list[str]:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return _message_units(message)  # type: ignore[arg-type]


def units_mbox(path: Path) -> list[str]:
    out = []
    box = mailbox.mbox(str(path), factory=None, create=False)
    try:
        for message in box:
            parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
            out += [str(parsed["Subject"]), *_message_units(parsed)]  # type: ignore[arg-type]
    finally:
        box.close()
    return out


def units_table(path: Path) -> list[str]:
    delimiter = "\t" if path.suffix == ".tsv" else ","
    return [cell for row in csv.reader(io.StringIO(path.read_text()), delimiter=delimiter)
            for cell in row]


def units_rtf(path: Path) -> list[str]:
    return rtf_to_text(path.read_text(encoding="latin-1")).replace("|", "\n").splitlines()


READERS = {".odt": units_odt, ".epub": units_epub, ".eml": units_eml, ".mbox": units_mbox,
           ".csv": units_table, ".tsv": units_table, ".rtf": units_rtf}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine.from_directory(FORMATS, save=False)


@pytest.mark.parametrize("name", sorted(p.name for p in FORMATS.iterdir()))
def test_every_unit_is_indexed_or_dropped_with_a_reason(engine: QAEngine, name: str) -> None:
    units = [norm(u) for u in READERS[Path(name).suffix](FORMATS / name)]
    # what is kept out of the index by kind (code, a repeated line) is in show's rows too
    missing = unaccounted(engine, FORMATS, name, units, shown=("dropped", "kept"))
    assert not missing, f"{len(missing)} of {len(units)} units neither indexed nor dropped: " \
        f"{missing[:5]}"
