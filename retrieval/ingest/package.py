"""A zip package of XML parts (an EPUB e-book, an OpenDocument text), read within bounds.

Both formats are zip archives: the parts are read with the standard library's ``zipfile`` and
``xml.etree``, never trusting the sizes the archive declares. The limits are the Word reader's
too (``docx`` bounds a Word file's XML by ``MAX_XML_BYTES``): a package whose parts inflate
past 64 MB in all (a few hundred KB on disk can inflate to gigabytes: a zip bomb), or that holds
more than 10,000 members, is skipped saying so; a part that declares XML entities (the "billion
laughs" of nested entity expansion) is refused, as no e-book or office file needs one.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET
from xml.parsers import expat

MAX_XML_BYTES = 64 << 20  # every part read, inflated, in all (as a Word document's XML)
MAX_MEMBERS = 10_000  # an e-book of a thousand chapters and its images has a few thousand
# what a damaged archive raises on the way: a bad CRC, a broken deflate stream, a cut file
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
               RuntimeError)


class Package:
    """The members of one zip package, read with the bounds above; ``kind`` names the format
    in messages ("EPUB e-book")."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        self._read = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _BROKEN_ZIP as err:
            raise ValueError(f"not a readable {kind} (not a zip package: {err})") from err
        if len(infos) > MAX_MEMBERS:
            raise ValueError(f"{len(infos):,} files in the package, over the {MAX_MEMBERS:,} "
                             f"qabot reads of an {kind}")
        declared = sum(i.file_size for i in infos)
        if declared > MAX_XML_BYTES * 4:  # images may be large; its text parts may not
            raise ValueError(f"it inflates to {declared >> 20} MB, over what qabot reads of "
                             f"an {kind}")
        self.names = [i.filename for i in infos]

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """The member ``name`` inflated; ``ValueError`` when it is missing, damaged, or takes
        the parts read past ``MAX_XML_BYTES`` (counted as inflated, not as declared)."""
        if name not in self.names:
            raise ValueError(f"a damaged {self.kind}: {name!r} is missing")
        left = MAX_XML_BYTES - self._read
        try:
            with self._zip.open(name) as member:
                data = member.read(left + 1)
        except _BROKEN_ZIP as err:
            raise ValueError(f"a damaged {self.kind}: {name!r} cannot be read ({err})") from err
        self._read += len(data)
        if len(data) > left:
            raise ValueError(f"its text inflates past the {MAX_XML_BYTES >> 20} MB qabot reads "
                             f"of an {self.kind}")
        return data

    def xml(self, name: str) -> ET.Element:
        """The member ``name`` parsed as XML (``xml`` below)."""
        return xml(self.read(name), f"{self.kind}'s {name!r}")


def xml(data: bytes, what: str) -> ET.Element:
    """``data`` parsed as XML; ``ValueError`` naming ``what`` when it is not well formed or
    declares entities."""
    if _declares_entities(data):
        raise ValueError(f"{what} declares XML entities, which qabot does not expand")
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise ValueError(f"{what} is not well-formed XML ({err})") from err


class _Prolog(Exception):
    """How the scan of a document's prolog ends: at its first element, or its first entity
    declared (``declared``)."""

    def __init__(self, declared: bool) -> None:
        self.declared = declared


def _declares_entities(data: bytes) -> bool:
    """Whether the XML document ``data`` declares an entity, read by expat in the encoding the
    document is in, up to its first element (a DTD stands before it): looking for the bytes
    "<!ENTITY" missed a part saved as UTF-16, whose entities were expanded."""
    if b"<!ENTITY" in data:
        return True
    scan = expat.ParserCreate()

    def element(*_: object) -> None:
        raise _Prolog(declared=False)

    def entity(*_: object) -> None:
        raise _Prolog(declared=True)

    scan.StartElementHandler = element
    scan.EntityDeclHandler = entity
    scan.UnparsedEntityDeclHandler = entity
    try:
        scan.Parse(data, True)
    except _Prolog as end:
        return end.declared
    except expat.ExpatError:  # not well formed: the parse says so
        pass
    return False


__all__ = ["MAX_MEMBERS", "MAX_XML_BYTES", "Package", "xml"]
