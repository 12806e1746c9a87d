"""The exceptions qabot's retrieval core raises.

Hierarchy::

    QabotError                  base: catch this at an entry point to show a clean message
    ├── CorpusError             the corpus cannot be used
    │   ├── NoDocumentsError    the directory is missing, empty, or holds no usable document
    │   └── UnknownDocumentError  ``qabot show`` names a document the corpus does not have
    ├── IndexFormatError        a saved index is corrupt, incompatible or stale (it is rebuilt)
    │   └── DamagedIndexError   a question met a passage whose text is not as it was saved
    ├── ModelError              the answer selection model cannot be read (a broken install)
    └── QuestionFileError       a question file for ``qabot eval`` is missing or malformed

Messages name the bad value and say what to do.
"""

from __future__ import annotations


class QabotError(Exception):
    """Base class for every error qabot raises on purpose."""


class CorpusError(QabotError):
    """The corpus cannot be used as given."""


class NoDocumentsError(CorpusError):
    """The corpus directory is missing, empty, or has no usable document."""


class UnknownDocumentError(CorpusError):
    """A document asked for by name (``qabot show DOC``) is not in the corpus."""


class IndexFormatError(QabotError):
    """A saved index cannot be used: corrupt, from another format version, or stale."""


class DamagedIndexError(IndexFormatError):
    """A passage read to answer a question is not the text it was saved with: the saved index
    was damaged on disk after loading checked it. Rebuilding the index repairs it."""


class ModelError(QabotError):
    """The answer selection model (``retrieval/models/selector.json``) cannot be used: the
    package is damaged or another version's; reinstalling qabot fixes it."""


class QuestionFileError(QabotError):
    """A question file for ``qabot eval`` cannot be read or does not fit its format."""
