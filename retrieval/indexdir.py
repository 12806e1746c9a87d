"""A corpus folder's saved index: where it is kept (``index_dir_of``: ``INDEX_DIRNAME`` inside
the corpus folder, unless another is given) and the parameters it is built and fingerprinted
with (``index_params``: BM25's k1 and b, the text pipeline's version, the corpus's language), so
that a snapshot made with others is stale."""

from __future__ import annotations

import os
from pathlib import Path

from .collection import TEXT_VERSION
from .index import K1, B
from .language import normalised

INDEX_DIRNAME = ".qabot-index"


def index_dir_of(root: Path, index_dir: str | os.PathLike[str] | None) -> Path:
    """Where the index of the corpus at ``root`` is saved: ``index_dir``, or inside it."""
    return Path(index_dir) if index_dir is not None else root / INDEX_DIRNAME


def index_params(language: object = None) -> dict[str, object]:
    """The parameters the index is built with, part of its snapshots' fingerprint."""
    return {"k1": K1, "b": B, "text": TEXT_VERSION,
            "language": normalised(language) if isinstance(language, str) else None}
