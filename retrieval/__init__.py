"""qabot's retrieval core: corpus -> cleaning -> passages -> TF-IDF index -> cited answers.

Channel-agnostic: nothing here imports ``bot``, Telegram, a web framework or a settings library.

The names below are imported when first asked for (``from retrieval import QAEngine``), not
when the package is: a build's worker process imports ``retrieval.workers`` and then only the
modules its tasks need (a counting worker: ``termcounts`` and the analyzer, about 25 MiB less
than the whole engine).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answer import ELLIPSIS, NOT_FOUND, Answer, Hit, Quote, SourceRef
    from .composer import ComposerConfig
    from .corpus import Document
    from .engine import QAEngine
    from .errors import CorpusError, IndexFormatError, NoDocumentsError, QabotError

_WHERE = {
    "ELLIPSIS": "answer", "NOT_FOUND": "answer", "Answer": "answer", "Hit": "answer",
    "Quote": "answer", "SourceRef": "answer", "ComposerConfig": "composer",
    "Document": "corpus", "QAEngine": "engine", "CorpusError": "errors",
    "IndexFormatError": "errors", "NoDocumentsError": "errors", "QabotError": "errors",
}

__all__ = [
    "ELLIPSIS", "NOT_FOUND", "Answer", "ComposerConfig", "CorpusError", "Document", "Hit",
    "IndexFormatError", "NoDocumentsError", "QAEngine", "QabotError", "Quote", "SourceRef",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value  # asked for once
    return value
