"""``retrieval.webpage``: HTML pages -> text and metadata."""

from __future__ import annotations

import pytest

from retrieval.webpage import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><title>Budget | Town Times</title>
<meta property="og:title" content="Council approves budget">
<meta property="og:site_name" content="Town Times">
<meta property="og:url" content="https://town.example/og">
<link rel="canonical" href="https://town.example/budget">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<style>p { color: red }</style>
<script>var teaser = "<p>Not article text</p>";</script></head>
<body><form id="page"><header><h1>Council   approves
budget</h1></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><p>The council approved a budget of <b>4.2&nbsp;million</b> euros on Tuesday,
with most of it going to <a href="/schools">schools</a>.</p>
<p>Main Street 1<br>Springfield</p>
<aside>Related stories you may like</aside>
<p>The library will open in 2026 &amp; the pool in 2027.</p></article>
<footer>&copy; 2024 Town Times. All rights reserved.</footer></form></body></html>
"""


def test_a_page_becomes_its_readable_text_a_paragraph_per_block():
    page = html_to_text(PAGE)
    assert page.text.split("\n\n") == [
        "Council approves budget",
        "The council approved a budget of 4.2\xa0million euros on Tuesday, with most of it going "
        "to schools.",
        "Main Street 1\nSpringfield",  # a <br> is a line break inside its paragraph
        "The library will open in 2026 & the pool in 2027.",
    ]


def test_spaces_where_inline_elements_meet_are_one_space():
    # A double space would read as a line gap to cleaning (a flattened page's piece boundary).
    assert html_to_text("<p>One <b> two</b>  three</p>").text == "One two three"


def test_scripts_styles_navigation_asides_and_footers_are_left_out():
    text = html_to_text(PAGE).text
    for gone in ("Not article text", "color", "Home", "Related stories", "All rights", "<"):
        assert gone not in text


def test_the_metadata_the_page_declares():
    assert html_to_text(PAGE).meta == {
        "title": "Council approves budget",  # og:title before <title>
        "url": "https://town.example/budget",  # the canonical link before og:url
        "publisher": "Town Times",
        "published": "2024-03-05T10:00:00Z",
    }


def test_the_title_element_stands_in_when_there_is_no_og_title():
    page = html_to_text("<html><head><title> Harbour\n plans </title></head><p>Text.</p></html>")
    assert page.meta == {"title": "Harbour plans"} and page.text == "Text."


def test_an_unclosed_skipped_element_ends_with_its_parent():
    page = html_to_text("<div><p>Kept.</p><nav><a>Menu</a></div><p>After.</p>")
    assert page.text == "Kept.\n\nAfter."


def test_a_head_left_open_ends_where_the_body_starts():
    page = html_to_text("<html><head><title>T</title><body><p>Body text.</p></body></html>")
    assert page.text == "Body text." and page.meta == {"title": "T"}


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


@pytest.mark.parametrize(
    ("title", "site", "shown"),
    [
        ("Harbour plans | City News", "City News", "Harbour plans"),
        ("City News — Harbour plans", "city news", "Harbour plans"),
        ("Harbour plans - City News", None, "Harbour plans - City News"),  # no site named
        ("Harbour plans - a new quay", "City News", "Harbour plans - a new quay"),
    ],
)
def test_the_site_name_is_taken_off_a_title(title, site, shown):
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    page = html_to_text(f"<html><head><title>{title}</title>{meta}</head><p>Text.</p></html>")
    assert page.meta["title"] == shown
