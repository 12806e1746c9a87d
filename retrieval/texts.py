"""Raw texts as documents (``TextDocuments``: what ``QAEngine.from_texts`` builds from), each
``Document`` made only when read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .corpus import Document
from .ondemand import OnDemand


class TextDocuments(OnDemand[Document]):
    """Raw texts as documents (ids ``doc0``, ``doc1``, ... unless given), each made when read:
    a build from a million texts holds no million ``Document`` objects besides them."""

    def __init__(self, texts: Sequence[str], ids: Sequence[str] | None) -> None:
        self.texts, self.ids = texts, ids

    def __len__(self) -> int:
        return len(self.texts)

    def _at(self, i: int) -> Document:
        return Document(id=self.ids[i] if self.ids is not None else f"doc{i}", title="",
                        text=self.texts[i])

    def each_id(self) -> Iterator[str]:
        """Every document's id, in order, without making its ``Document``."""
        if self.ids is not None:
            return iter(self.ids)
        return (f"doc{i}" for i in range(len(self.texts)))
