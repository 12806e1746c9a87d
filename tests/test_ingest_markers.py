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



def test_the_tree_of_phrases_matches_where_the_list_of_phrases_matched() -> None:
    """Each kind's pattern branches on the phrases' letters in turn (``_tree``), where it
    tried them one by one: the same match (place and phrase) as the list in ``MARKERS``' order,
    on every phrase set in text in any case and between letters, marks and spaces, on the
    seeds' paragraphs and on the phrases run together."""
    import re
    from pathlib import Path

    from retrieval.ingest import markers
    from retrieval.ingest.segment import paragraphs

    def listed(kinds: list[str]) -> re.Pattern[str]:
        phrases = [p for kind in kinds for p in markers.MARKERS[kind]]
        return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w])",
                          re.IGNORECASE)

    every = [p for phrases in markers.MARKERS.values() for p in phrases]
    texts = [f"{pre}{case(phrase)}{post}" for phrase in every
             for case in (str, str.upper, str.title)
             for pre, post in (("", ""), ("A ", " b."), ("x", ""), ("", "y"), ("(", ")"),
                               ("", "s"), ("", ":"), ("", "-x"), ("_", ""), ("", " more"))]
    texts += [" ".join(every), "".join(every), " ".join(reversed(every))]
    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        texts += paragraphs(path.read_text(encoding="utf-8"))
    pairs = [(markers._MARKER_RE[k], listed([k])) for k in markers.MARKERS]
    pairs += [(markers._ANY_MARKER_RE, listed(list(markers.MARKERS))),
              (markers._ANY_SIGNAL_RE, listed(markers._SIGNAL_KINDS))]
    for text in texts:
        for tree, plain in pairs:
            assert [m.span() for m in tree.finditer(text)] == [
                m.span() for m in plain.finditer(text)], text


def test_a_comments_label_with_its_count_or_whose_they_are() -> None:
    from retrieval.ingest.markers import COMMENT_COUNT_RE

    for label in ("312 comments", "Comments (48)", "Your comments (2)", "Readers' comments",
                  "Readers’ comments", "Latest comments"):
        assert COMMENT_COUNT_RE.match(label), label
    # a style guide's section on comments in code
    assert not COMMENT_COUNT_RE.match("Comments")
    assert not COMMENT_COUNT_RE.match("Comments in Python start with a hash")
