"""``retrieval.ingest.htmltags``: whether a text is HTML markup."""

from __future__ import annotations

import pytest

from retrieval.ingest.htmltags import looks_like_html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!doctype html><p>x</p>", True),
        ("  <html lang='en'><body>x</body></html>", True),
        ("<p>One.</p><p>Two.</p><p>Three.</p><div>Four.</div><p>Five.</p>", True),
        ("Plain text that mentions a <b>bold</b> tag once in a long sentence about it.", False),
        ("The expression a < b > c is not markup at all, nor is x<y.", False),
        ("", False),
    ],
)
def test_looks_like_html(text, html):
    assert looks_like_html(text) is html
