"""``retrieval.ingest.markers``: the phrases and line shapes of page furniture."""

from __future__ import annotations


def test_one_search_for_every_furniture_phrase_finds_what_the_searches_kind_by_kind_find(
        ) -> None:
    """``marker_kinds`` and ``signal_phrases`` search a paragraph kind by kind only when one
    pattern of every kind's phrases finds one: it must find one exactly when some kind does."""
    from pathlib import Path

    from retrieval.ingest import markers
    from retrieval.ingest.segment import paragraphs

    texts = [f"{pre}{phrase}{post}" for phrases in markers.MARKERS.values() for phrase in phrases
             for pre, post in (("", ""), ("A ", " b."), ("x", ""), ("", "y"), ("(", ")"))]
    data = Path(__file__).parent / "data"
    for path in sorted(data.glob("docs_*/*.md"))[:40]:
        texts += paragraphs(path.read_text(encoding="utf-8"))
    for text in texts:
        for one, kinds in ((markers._ANY_MARKER_RE, list(markers.MARKERS)),
                           (markers._ANY_SIGNAL_RE, markers._SIGNAL_KINDS)):
            assert (one.search(text) is not None) == any(
                markers._MARKER_RE[k].search(text) for k in kinds), text

