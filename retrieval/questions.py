"""Question files for ``qabot eval``: JSONL and SQuAD v1.1/v2.0, read into ``Question`` values.

* **JSONL**, one object a line: ``{"question": str, "answers": [str, ...], "sources": [doc_id,
  ...]}``; ``sources`` is optional, ``"answers": []`` means the question must be abstained, and
  ``id``, ``split``, ``kind`` and ``lang`` (the question's language, an ISO 639-1 code) are
  optional labels to group the results by.
* **SQuAD v1.1/v2.0** JSON: every paragraph becomes a document ``<title>_<n>`` (``n`` counts the
  article's paragraphs from 0) and is the gold source of its questions; SQuAD 2.0 ``is_impossible``
  questions look answerable from their paragraph but are not, and are reported on their own. Each
  question is put in the ``tune`` or ``test`` half by a hash of its id (``half``), so every tool
  that reads the file splits it the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .corpus import Document
from .errors import QuestionFileError

Format = Literal["jsonl", "squad"]
Expect = Literal["answer", "abstain", "impossible"]


@dataclass(frozen=True, slots=True)
class Question:
    """One question with its gold answers and sources, and labels to group results by."""

    id: str
    text: str
    answers: tuple[str, ...]
    sources: tuple[str, ...] = ()
    split: str | None = None
    kind: str | None = None
    article: str | None = None
    lang: str | None = None
    impossible: bool = False  # SQuAD 2.0: written to look answerable from its own paragraph

    @property
    def expect(self) -> Expect:
        """What qabot should do: answer, abstain, or (SQuAD 2.0) the impossible case."""
        if self.impossible:
            return "impossible"
        return "answer" if self.answers else "abstain"


@dataclass(frozen=True, slots=True)
class QuestionSet:
    """Questions, and the documents they are about when the file brings its own corpus (SQuAD)."""

    questions: tuple[Question, ...]
    documents: tuple[Document, ...] = ()
    article_of: Mapping[str, str] = field(default_factory=dict)  # document id -> article

    def articles(self) -> tuple[Document, ...]:
        """The documents of a SQuAD file joined by article: one document per article, its
        paragraphs in order, titled and named by the article (what a corpus of encyclopedia
        pages looks like, for questions asked of whole pages)."""
        texts: dict[str, list[str]] = {}
        for d in self.documents:
            texts.setdefault(self.article_of.get(d.id, d.id), []).append(d.text)
        return tuple(Document(id=a, title=a.replace("_", " "), text="\n\n".join(t))
                     for a, t in texts.items())

    def only(self, split: str) -> QuestionSet:
        """The questions of one split; raises ``QuestionFileError`` when no row names it."""
        splits = sorted({q.split for q in self.questions if q.split})
        if split not in splits:
            have = ", ".join(splits) if splits else "none (no row has a \"split\" field)"
            raise QuestionFileError(
                f"no question is in split {split!r}; splits in the file: {have}")
        kept = tuple(q for q in self.questions if q.split == split)
        return QuestionSet(kept, self.documents, self.article_of)


def half(question_id: str) -> str:
    """``"tune"`` or ``"test"``: a fixed 50/50 split by the SHA-1 of the question id."""
    return "tune" if hashlib.sha1(question_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def parse_jsonl(lines: Iterable[str], origin: str = "<questions>") -> QuestionSet:
    """Questions from JSONL rows (blank lines skipped); errors name ``origin`` and the line."""
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{where}: not JSON ({exc.msg}): one object per line") from None
        questions.append(_question_row(row, where, f"{number}"))
    if not questions:
        raise QuestionFileError(f"{origin}: no question in the file: add JSONL rows")
    return QuestionSet(tuple(questions))


def _question_row(row: Any, where: str, default_id: str) -> Question:
    if not isinstance(row, dict):
        raise QuestionFileError(f"{where}: expected a JSON object like "
                                '{"question": "...", "answers": ["..."]}')
    text = row.get("question")
    if not isinstance(text, str) or not text.strip():
        raise QuestionFileError(f"{where}: \"question\" must be a non-empty string")
    answers = _strings(row, "answers", where, required=True)
    sources = _strings(row, "sources", where, required=False)
    labels = {}
    for key in ("id", "split", "kind", "lang"):
        value = row.get(key)
        if value is not None and not isinstance(value, str | int):
            raise QuestionFileError(f"{where}: \"{key}\" must be a string, got {value!r}")
        labels[key] = None if value is None else str(value)
    return Question(
        id=labels["id"] or default_id, text=text.strip(), answers=answers, sources=sources,
        split=labels["split"], kind=labels["kind"], lang=labels["lang"],
    )


def _strings(row: Mapping[str, Any], key: str, where: str, *, required: bool) -> tuple[str, ...]:
    value = row.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QuestionFileError(f"{where}: \"{key}\" must be a list of strings"
                                + (" ([] when the question must be abstained)"
                                   if key == "answers" else ""))
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def parse_squad(data: Any, origin: str = "<squad>") -> QuestionSet:
    """Documents and questions from a SQuAD v1.1/v2.0 object (``{"data": [articles]}``); a
    value of the wrong type is named by its place (``data[0].paragraphs[2].context``)."""
    articles = data.get("data") if isinstance(data, dict) else None
    if not isinstance(articles, list) or not articles:
        raise QuestionFileError(f"{origin}: not a SQuAD file: expected {{\"data\": [articles]}}")
    documents: list[Document] = []
    questions: list[Question] = []
    article_of: dict[str, str] = {}
    try:
        for a, article in enumerate(articles):
            title = str(article["title"])
            for n, para in enumerate(article["paragraphs"]):
                where = f"data[{a}].paragraphs[{n}]"
                doc_id = f"{title}_{n}"
                article_of[doc_id] = title
                documents.append(Document(id=doc_id, title=title.replace("_", " "),
                                          text=_squad_text(para, "context", origin, where)))
                for q, qa in enumerate(para["qas"]):
                    at = f"{where}.qas[{q}]"
                    qid = str(qa["id"])
                    answers = [_squad_text(answer, "text", origin, f"{at}.answers[{i}]",
                                           blank=True)
                               for i, answer in enumerate(qa["answers"])]
                    questions.append(Question(
                        id=qid, text=" ".join(_squad_text(qa, "question", origin, at).split()),
                        answers=tuple(dict.fromkeys(answers)),
                        sources=(doc_id,), split=half(qid), article=title,
                        impossible=bool(qa.get("is_impossible", False)),
                    ))
    except (KeyError, TypeError, AttributeError) as exc:
        raise QuestionFileError(f"{origin}: not a SQuAD file (missing or bad {exc}): expected "
                                "data[].paragraphs[].{context, qas[].{id, question, answers}}"
                                ) from None
    if not questions:  # as a JSONL file without rows: a score of nothing is no score
        raise QuestionFileError(f"{origin}: no question in the file: its paragraphs' \"qas\" "
                                "are empty")
    return QuestionSet(tuple(questions), tuple(documents), article_of)


def read_questions(path: str | Path, fmt: Format = "jsonl") -> QuestionSet:
    """Read a question file (``jsonl`` or ``squad``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QuestionFileError(f"question file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionFileError(f"cannot read question file {str(path)!r}: {exc}") from None
    if fmt == "jsonl":
        return parse_jsonl(text.splitlines(), str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise QuestionFileError(f"{path}: not JSON ({exc.msg} at line {exc.lineno}): "
                                "is it JSONL? then drop --format squad") from None
    return parse_squad(data, str(path))


def unknown_sources(questions: Iterable[Question], known: Iterable[str]) -> list[str]:
    """Source ids that questions name but the corpus does not have (typos, or the wrong corpus)."""
    have = set(known)
    return sorted({s for q in questions for s in q.sources} - have)


def _squad_text(row: Any, key: str, origin: str, where: str, *, blank: bool = False) -> str:
    """The string ``row[key]`` of a SQuAD file (not blank unless ``blank``), or
    ``QuestionFileError`` naming its place."""
    if not isinstance(row, dict):
        raise QuestionFileError(f"{origin}: {where} must be a JSON object with {key!r}")
    value = row[key]
    if not isinstance(value, str) or not (blank or value.strip()):
        raise QuestionFileError(f"{origin}: {where}.{key} must be a non-empty string, got "
                                f"{json.dumps(value)[:40]}")
    return value


__all__ = ["Expect", "Format", "Question", "QuestionSet", "half", "parse_jsonl", "parse_squad",
           "read_questions", "unknown_sources"]
