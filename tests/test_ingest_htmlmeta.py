"""``retrieval.ingest.htmlmeta``: what an HTML page declares of itself (title, address, date,
article), as ``read_html`` reads it."""

from __future__ import annotations

import pytest

from retrieval.ingest.html import read_html


def test_the_title_element_stands_in_when_there_is_no_og_title():
    page = read_html("<html><head><title> Harbour\n plans </title></head><p>Text.</p></html>")
    assert page.meta == {"title": "Harbour plans"} and [b.text for b in page.blocks] == ["Text."]


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
    page = read_html(f"<html><head><title>{title}</title>{meta}</head><p>Text.</p></html>")
    assert page.meta["title"] == shown


def test_without_a_title_element_the_first_h1_is_the_title():
    assert read_html("<h2>Part</h2><h1>Manual</h1><h1>Second</h1>").meta == {"title": "Manual"}


@pytest.mark.parametrize(
    "meta",
    ['<meta property="og:type" content="article">',
     '<meta property="article:published_time" content="2024-01-01">'],
)
def test_a_page_that_declares_itself_an_article_is_web(meta):
    assert read_html(f"<html><head>{meta}</head><p>The council met.</p></html>").web


@pytest.mark.parametrize("ld_type", ['"NewsArticle"', '"ReportageNewsArticle"',
                                     '["Article", "WebPage"]', '"BlogPosting"'])
def test_a_page_whose_json_ld_declares_an_article_is_web_and_dated(ld_type):
    # an AMP page or a news site's page that says what it is only in its JSON-LD
    markup = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
              f' "@type": {ld_type}, "datePublished": "2026-12-02T15:04:00-05:00"}}</script>'
              '</head><body><p>Solvane is recalling 1.3 million chargers.</p></body></html>')
    parsed = read_html(markup)
    assert parsed.web
    assert parsed.meta["published"] == "2026-12-02T15:04:00-05:00"
    assert [b.text for b in parsed.blocks] == ["Solvane is recalling 1.3 million chargers."]


def test_a_page_whose_json_ld_declares_no_article_is_not_web_by_it():
    markup = ('<html><head><script type="application/ld+json">{"@type": "TechArticle"}</script>'
              '<meta name="date" content="2020-01-01"></head><body><p>Call open() first.</p>'
              '</body></html>')
    parsed = read_html(markup)
    assert not parsed.web
    assert parsed.meta["published"] == "2020-01-01"


@pytest.mark.parametrize("url", ["file:///usr/share/doc/python3/html/a.html",
                                 "javascript:alert(1)", "  JAVASCRIPT:alert(1)"])
def test_only_a_web_address_becomes_the_url(url):
    page = read_html(f'<html><head><link rel="canonical" href="{url}">'
                     f'<meta property="og:url" content="{url}"></head>'
                     "<body><p>The council met on Monday to vote.</p></body></html>")
    assert "url" not in page.meta
    page = read_html('<html><head><link rel="canonical" href="https://a.example/x"></head>'
                     "<body><p>The council met on Monday to vote.</p></body></html>")
    assert page.meta["url"] == "https://a.example/x"

