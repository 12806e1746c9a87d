"""The values that leave the retrieval core: ``Hit``, ``Answer`` and its parts.

``Answer.model_dump(mode="json")`` is qabot's JSON answer shape::

    {"question": str, "answered": bool, "text": str,
     "sentences": [{"text": str, "source": str, "title": str, "score": float,
                    "section": str|null, "page": int|null, ...}],
     "confidence": float,
     "sources": [{"id": str, "title": str, "url": str|null, "publisher": str|null}],
     "related": [...same as sources...]}

``sentences`` is empty and ``related`` lists the closest documents when ``answered`` is false.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .marks import ELLIPSIS as ELLIPSIS  # marks where a long quote was shortened

NOT_FOUND = "I couldn't find this in my sources."


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved passage: which document it is from and its score."""

    doc_id: str
    passage: int
    score: float


class SourceRef(BaseModel):
    """A cited (or related) document."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


class Quote(BaseModel):
    """A sentence quoted verbatim from a source, with the words that matched the question."""

    model_config = ConfigDict(frozen=True)

    text: str
    source: str = Field(description="document id")
    title: str
    score: float
    citation: int = Field(description="1-based number of its source in Answer.sources")
    passage: int = Field(description="the passage the sentence is from (see QAEngine.passage)")
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="character spans of matched words in text"
    )
    section: str | None = Field(None, description="the section it is in: 'Install › Linux'")
    page: int | None = Field(None, description="the page it is on, for a paged document (PDF)")

    @property
    def where(self) -> str:
        """Where in its document the quote is: "Install › Linux (p. 4)", or ``""``."""
        page = f"(p. {self.page})" if self.page else ""
        return " ".join(part for part in (self.section or "", page) if part)


class Answer(BaseModel):
    """What qabot says to a question: quoted sentences with citations, or an abstention."""

    model_config = ConfigDict(frozen=True)

    question: str
    answered: bool
    text: str
    sentences: list[Quote] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    related: list[SourceRef] = Field(default_factory=list)
    matched_terms: list[str] = Field(default_factory=list)
    coverage: float = Field(0.0, description="share of the question's weight the answer covers")
    confidence: float = Field(
        0.0, description="the selector's probability that the best sentence answers (0 to 1)")
    read_as: dict[str, str] = Field(
        default_factory=dict,
        description="question words taken for typos, and the corpus words read instead",
    )
    abstained: str | None = Field(
        default=None, description="why qabot did not answer (None when it did): "
        "'nothing_matched', 'low_confidence' (below the threshold), 'terms_apart' (the "
        "question's weighty terms are not found together), 'specific_word_missing' (a name or "
        "rare word of the question is not in the best sentence's document), 'no_date' / "
        "'no_quantity' (a when / how-many question's best sentence states none), "
        "'subject_missing', 'support_unnamed', 'no_value', 'opening_only', 'action_unnamed', "
        "'uncommon_word_missing' (the README says when); a confidence above the threshold with "
        "an abstention is one of the last ten")
    low_confidence: bool = Field(
        default=False, description="answered, though with a confidence at which such answers "
        "were mostly wrong in training (below the model's sure level, or "
        "ComposerConfig.sure_confidence)")

    def places(self, citation: int) -> str:
        """Where the quotes citing source ``citation`` are in it: "Install › Linux (p. 4);
        Usage", or ``""`` for a document without sections or pages."""
        seen = dict.fromkeys(q.where for q in self.sentences if q.citation == citation)
        return "; ".join(w for w in seen if w)
