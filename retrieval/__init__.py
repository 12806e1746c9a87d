"""qabot's retrieval core: corpus -> cleaning -> passages -> TF-IDF index -> cited answers.

Channel-agnostic: nothing here imports ``bot``, Telegram, a web framework or a settings library.
"""

from .answer import ELLIPSIS, NOT_FOUND, Answer, Hit, Quote, SourceRef
from .composer import ComposerConfig
from .corpus import Document
from .engine import QAEngine
from .errors import CorpusError, IndexFormatError, NoDocumentsError, QabotError

__all__ = [
    "ELLIPSIS", "NOT_FOUND", "Answer", "ComposerConfig", "CorpusError", "Document", "Hit",
    "IndexFormatError", "NoDocumentsError", "QAEngine", "QabotError", "Quote", "SourceRef",
]
