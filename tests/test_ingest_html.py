"""``retrieval.ingest.html``: HTML pages -> blocks and metadata, as a reader of the page."""

from __future__ import annotations

import pytest

from retrieval.ingest.blocks import TERM_LEVEL, Block, Parsed
from retrieval.ingest.html import read_html
from retrieval.ingest.htmlmeta import LANG_HINT

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

# A Sphinx page (the classic theme) cut down: navigation bars, sidebar, permalinks, footer.
SPHINX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Installing — Harbour 2.1 documentation</title></head>
<body>
<div class="related" role="navigation" aria-label="Related">
  <h3>Navigation</h3><ul><li><a href="genindex.html">index</a></li></ul></div>
<div class="document"><div class="documentwrapper"><div class="bodywrapper">
<div class="body" role="main">
<section id="installing">
<h1>Installing<a class="headerlink" href="#installing" title="Link to this heading">¶</a></h1>
<p>Harbour needs Python 3.11. Install it with <code class="docutils literal"><span
 class="pre">pip</span></code>:</p>
<div class="highlight-console notranslate"><div class="highlight">
<pre><span></span>$ pip install harbour
$ harbour --version
</pre></div></div>
<section id="options">
<h2>Options<a class="headerlink" href="#options" title="Link to this heading">¶</a></h2>
<table class="docutils align-default">
<thead><tr class="row-odd"><th class="head"><p>Option</p></th><th class="head"><p>Meaning</p></th>
</tr></thead>
<tbody><tr class="row-even"><td><p><code>--out</code></p></td><td><p>Where the site goes</p></td>
</tr><tr class="row-odd"><td><p><code>--drafts</code></p></td><td></td></tr></tbody>
</table>
<div class="toctree-wrapper compound"><ul><li class="toctree-l1"><a href="use.html">Using</a>
</li></ul></div>
</section></section>
</div></div></div>
<div class="sphinxsidebar" role="navigation" aria-label="Main">
  <div class="sphinxsidebarwrapper"><h3>Table of Contents</h3><ul><li>Installing</li></ul>
</div></div></div>
<div class="footer">&#169; Copyright 2024, Harbour team.</div>
</body></html>
"""


def joined(parsed: Parsed) -> str:
    return "\n\n".join(b.text for b in parsed.blocks)


def kinds(markup: str) -> list[tuple[str, str, int]]:
    return [(b.kind, b.text, b.level) for b in read_html(markup).blocks]


# --- the behaviours of the former web page reader (retrieval.webpage), kept


def test_a_page_becomes_its_readable_text_a_block_per_block_element():
    assert [b.text for b in read_html(PAGE).blocks] == [
        "Council approves budget",
        "The council approved a budget of 4.2 million euros on Tuesday, with most of it going "
        "to schools.",  # the &nbsp; is a space, as every block's white space is one_line'd
        "Main Street 1",  # a <br> ends a line, and a block is one line
        "Springfield",
        "The library will open in 2026 & the pool in 2027.",
    ]


def test_spaces_where_inline_elements_meet_are_one_space():
    # A double space would read as a line gap to cleaning (a flattened page's piece boundary).
    assert joined(read_html("<p>One <b> two</b>  three</p>")) == "One two three"


def test_scripts_styles_navigation_asides_and_footers_are_left_out():
    text = joined(read_html(PAGE))
    for gone in ("Not article text", "color", "Home", "Related stories", "All rights", "<"):
        assert gone not in text


def test_the_metadata_the_page_declares():
    assert read_html(PAGE).meta == {
        "title": "Council approves budget",  # og:title before <title>
        "url": "https://town.example/budget",  # the canonical link before og:url
        "publisher": "Town Times",
        "published": "2024-03-05T10:00:00Z",
    }


def test_an_unclosed_skipped_element_ends_with_its_parent():
    page = read_html("<div><p>Kept.</p><nav><a>Menu</a></div><p>After.</p>")
    assert joined(page) == "Kept.\n\nAfter."


def test_a_head_left_open_ends_where_the_body_starts():
    page = read_html("<html><head><title>T</title><body><p>Body text.</p></body></html>")
    assert joined(page) == "Body text." and page.meta == {"title": "T"}


def test_a_head_left_open_also_ends_at_the_first_element_of_the_body():
    page = read_html("<html><head><title>T</title><p>Body text.</p></html>")
    assert joined(page) == "Body text."


# --- typed blocks


def test_each_block_element_makes_a_block_of_its_kind():
    markup = (
        "<h1>Guide</h1><p>Intro <em>text</em>.</p><h3>Deep</h3><ul><li>One</li></ul>"
        "<pre>x  =\n  1</pre><blockquote>Quoted.</blockquote><dl><dt>Term</dt><dd>Meaning.</dd>"
        "</dl><figure><figcaption>A caption.</figcaption></figure>"
    )
    assert kinds(markup) == [
        ("heading", "Guide", 1), ("paragraph", "Intro text.", 0), ("heading", "Deep", 3),
        ("list_item", "One", 1), ("code", "x = 1", 0), ("paragraph", "Quoted.", 0),
        ("heading", "Term", TERM_LEVEL), ("paragraph", "Term: Meaning.", 0),
        ("paragraph", "A caption.", 0),
    ]


def test_loose_text_between_blocks_is_a_paragraph_of_its_own():
    markup = "<body>Before.<h2>Part</h2>Loose <b>bold</b> text.<p>Para.</p>After.</body>"
    assert kinds(markup) == [
        ("paragraph", "Before.", 0), ("heading", "Part", 2), ("paragraph", "Loose bold text.", 0),
        ("paragraph", "Para.", 0), ("paragraph", "After.", 0),
    ]


def test_section_paths_follow_the_headings():
    blocks = read_html("<h1>A</h1><p>1</p><h2>B</h2><p>2</p><h3>C</h3><p>3</p><h2>D</h2><p>4</p>"
                       ).blocks
    assert [(b.text, b.section) for b in blocks] == [
        ("A", ("A",)), ("1", ("A",)), ("B", ("A", "B")), ("2", ("A", "B")),
        ("C", ("A", "B", "C")), ("3", ("A", "B", "C")), ("D", ("A", "D")), ("4", ("A", "D")),
    ]


def test_list_items_keep_their_nesting_depth_even_without_end_tags():
    markup = "<ul><li>One<li>Two <i>too</i><ol><li>Two.1<li><p>Two.2</p></ol><li>Three</ul>"
    assert kinds(markup) == [
        ("list_item", "One", 1), ("list_item", "Two too", 1), ("list_item", "Two.1", 2),
        ("list_item", "Two.2", 2),  # a paragraph inside an item is the item
        ("list_item", "Three", 1),
    ]


def test_a_br_splits_a_paragraph_into_one_block_a_line():
    assert kinds("<p>Main Street 1<br/>Springfield<br><br>12345</p>") == [
        ("paragraph", "Main Street 1", 0), ("paragraph", "Springfield", 0),
        ("paragraph", "12345", 0),
    ]


def test_prose_wrapped_with_a_br_a_line_is_joined_into_its_sentences():
    wrapped = ("<p>-- Do not ship your Linux distro with a completely stripped<br>\n"
               "/lib/ld.so.  At least leave the debugging symbol names on -- line<br>\n"
               "number info isn't necessary.  If you don't want to leave symbols<br>\n"
               "on ld.so, alternatively you can have your distro install ld.so's<br>\n"
               "debuginfo package by default.<br><br>Thanks for reading it.</p>")
    assert [text for _, text, _ in kinds(wrapped)] == [
        "-- Do not ship your Linux distro with a completely stripped /lib/ld.so. At least leave "
        "the debugging symbol names on -- line number info isn't necessary. If you don't want "
        "to leave symbols on ld.so, alternatively you can have your distro install ld.so's "
        "debuginfo package by default.",
        "Thanks for reading it.",
    ]
    # a line that goes on with an open sentence in lower case is one with it
    assert kinds("<p>Run the tests<br>before you push.</p>") == [
        ("paragraph", "Run the tests before you push.", 0)]


def test_a_pre_is_code_and_a_code_inside_a_paragraph_stays_inline():
    assert kinds("<p>Run <code>make  test</code> first.</p><pre><code>make\n  test</code></pre>"
                 ) == [("paragraph", "Run make test first.", 0), ("code", "make test", 0)]


def test_a_paragraph_of_inline_code_alone_is_code_an_item_or_cell_of_it_is_not():
    assert kinds("<ol><li><em>Linking</em><p>Use the script.</p>"
                 "<p><code>xslt-config --cflags</code></p><p>to get the flags.</p></li></ol>"
                 "<p><kbd>make</kbd> <kbd>install</kbd></p><p>Then <code>x</code> is set.</p>"
                 "<ul><li><code>LowerCase</code></li></ul>") == [
        ("list_item", "Linking", 1), ("list_item", "Use the script.", 1),
        ("code", "xslt-config --cflags", 0), ("list_item", "to get the flags.", 1),
        ("code", "make install", 0), ("paragraph", "Then x is set.", 0),
        ("list_item", "LowerCase", 1),
    ]
    assert kinds("<table><tr><th>Option</th><th>Meaning</th></tr>"
                 "<tr><td><code>--out</code></td><td>Where</td></tr></table>") == [
        ("table_row", "Option | Meaning", 0), ("table_row", "Option: --out; Meaning: Where", 0)]


def test_a_sphinx_page_is_its_body_without_navigation_permalinks_or_footer():
    parsed = read_html(SPHINX)
    assert [(b.kind, b.text, b.section) for b in parsed.blocks] == [
        ("heading", "Installing", ("Installing",)),
        ("paragraph", "Harbour needs Python 3.11. Install it with pip:", ("Installing",)),
        ("code", "$ pip install harbour $ harbour --version", ("Installing",)),
        ("heading", "Options", ("Installing", "Options")),
        ("table_row", "Option | Meaning", ("Installing", "Options")),
        ("table_row", "Option: --out; Meaning: Where the site goes", ("Installing", "Options")),
        ("table_row", "Option: --drafts", ("Installing", "Options")),
        ("list_item", "Using", ("Installing", "Options")),  # "toctree-wrapper" is no "toc"
    ]
    # "Section — Project docs" with no site name declared: the whole title stays.
    # (<html lang> is a hint the text may overrule, not a declaration: ``htmlmeta.LANG_HINT``)
    assert parsed.meta == {"title": "Installing — Harbour 2.1 documentation", LANG_HINT: "en"}
    assert not parsed.web
    assert [d.reason for d in parsed.dropped] == [
        'role="navigation"', 'role="navigation"', 'class "footer"'
    ]
    assert parsed.dropped[0].block.text == "Navigation index"


def test_a_callout_aside_and_an_aside_in_main_are_text_a_sidebar_is_not():
    # a warning callout inside <main> was dropped as page chrome
    page = read_html('<aside class="sidebar"><p>Other manuals</p></aside><main><p>Mount it.</p>'
                     '<aside><p>Never install it in a bathroom.</p></aside><aside class="related">'
                     '<p>See also</p></aside></main><article><aside class="admonition-tip"><p>'
                     'Bleed it yearly.</p></aside><aside><p>Related stories</p></aside></article>')
    assert [b.text for b in page.blocks] == [
        "Mount it.", "Never install it in a bathroom.", "Bleed it yearly."]
    assert [(d.block.text, d.reason) for d in page.dropped] == [
        ("Other manuals", "a <aside> element (page chrome)"), ("See also", 'class "related"'),
        ("Related stories", "a <aside> element (page chrome)")]


def test_an_mdbook_page_keeps_its_body_whatever_the_body_class():
    markup = """<html><head><title>Data Types - The Book</title></head>
    <body class="sidebar-visible no-js"><div id="mdbook-help-popup"><h2>Keyboard shortcuts</h2>
    </div><nav id="sidebar" class="sidebar"><ol class="chapter"><li>Intro</li></ol></nav>
    <div class="menu-bar"><h1 class="menu-title">The Book</h1></div>
    <main><h2 id="data-types"><a class="header" href="#data-types">Data Types</a></h2>
    <p>Every value has a type.</p><h3>C#<a href="#c">#</a></h3><h3>Other <a href="#o">¶</a></h3>
    </main></body></html>"""
    assert kinds(markup) == [
        ("heading", "Data Types", 2), ("paragraph", "Every value has a type.", 0),
        ("heading", "C#", 3),  # the permalink's "#" gone, the name's kept
        ("heading", "Other", 3),
    ]


@pytest.mark.parametrize("state", ["withsidebar", "has-sidebar", "nosidebar", "with-nav"])
def test_a_container_whose_class_says_the_page_has_a_sidebar_is_the_pages_text(state):
    """Sphinx's Mako theme puts a page's whole text in ``<div class="withsidebar">``: read as
    a sidebar, it was dropped, and the page kept only its menus."""
    markup = (f'<html><body><div id="docs-sidebar">Contents</div><div class="{state}">'
              "<h1>Usage</h1><p>The most basic way to create a template is to use the Template "
              "class.</p></div></body></html>")
    assert kinds(markup) == [("heading", "Usage", 1), (
        "paragraph", "The most basic way to create a template is to use the Template class.", 0)]


def test_a_section_whose_id_a_heading_made_holds_a_chrome_word_is_the_pages_text():
    """Sphinx gives a section its heading's words as its id: "Raising and Handling Multiple
    Unrelated Exceptions" holds "related", and the whole section was left out as related links."""
    markup = ('<html><body><section id="raising-and-handling-multiple-unrelated-exceptions">'
              "<h2>Raising Unrelated Exceptions</h2><p>An exception group wraps several.</p>"
              '</section><div id="configuring-the-footer"><p>The footer shows the date.</p></div>'
              '<section id="sidebar"><p>Other pages</p></section><div id="related-links">'
              "<p>See also</p></div></body></html>")
    page = read_html(markup)
    assert [b.text for b in page.blocks] == [
        "Raising Unrelated Exceptions", "An exception group wraps several.",
        "The footer shows the date."]
    assert [d.reason for d in page.dropped] == ['id "sidebar"', 'id "related-links"']


PROSE = " ".join(f"Step {n} of the guide explains how the template engine reads its "
                 "files and which options change that." for n in range(1, 20))


def test_an_element_left_out_by_a_chrome_class_that_holds_the_pages_text_is_read():
    """A theme's "content-with-sidebar" around the whole text: left out by its class, the page
    kept only its menus; read again sparing that class, the text is there, the menus still not."""
    markup = ('<html><body><div class="sphinxsidebar"><ul><li><a href="a.html">Usage</a></li>'
              '<li><a href="b.html">Syntax</a></li></ul></div><div class="content-with-sidebar">'
              f"<h1>Usage</h1><p>{PROSE}</p></div></body></html>")
    page = read_html(markup)
    texts = [b.text for b in page.blocks]
    assert texts[0] == "Usage" and " ".join(texts[1:]) == PROSE
    assert [d.reason for d in page.dropped] == ['class "sphinxsidebar"']


def test_a_sidebar_of_links_or_of_less_text_than_the_page_stays_out():
    links = "".join(f'<li><a href="p{n}.html">Chapter {n} of the manual, on its topic</a></li>'
                    for n in range(60))
    markup = (f'<html><body><div class="sidebar"><ul>{links}</ul></div><div class="sidebar-box">'
              f"<p>{PROSE[:900]}</p></div><h1>Usage</h1><p>Templates are read from files.</p>"
              "</body></html>")
    page = read_html(markup)
    assert [b.text for b in page.blocks] == ["Usage", "Templates are read from files."]


@pytest.mark.parametrize(
    "attrs",
    ['hidden', 'aria-hidden="true"', 'style="display: none"', 'class="toc"',
     'class="wy-breadcrumbs"', 'class="sidebar-primary"', 'class="related-posts"',
     'role="navigation"', 'id="footer"', 'class="nav"', 'class="navheader"',
     'class="nav-modules"', 'class="picker" id="gtoc-picker"', 'summary="Navigation header"',
     'class="skip-link screen-reader-text"', 'class="skip-main-content"', 'class="sr-only"',
     'class="visually-hidden"', 'class="ml-newsletter"', 'class="newsletter-signup"',
     'class="cookie-banner"', 'class="paywall-prompt"', 'class="ad-slot"',
     'class="article-ad-unit"', 'class="advert"', 'class="share-buttons"',
     'class="story-share-bar"', 'class="most-viewed"', 'class="c-most-read"',
     'class="trending-now"', 'class="dropdown-menu"', 'class="onlyprint"',
     'class="print-only"', 'class="docnav top"', 'class="topnav"',
     'class="subscription-widget show-subscribe"'],
)
def test_hidden_and_navigation_elements_are_left_out(attrs):
    parsed = read_html(f"<p>Kept.</p><div {attrs}><p>Gone.</p></div><p>Also kept.</p>")
    assert joined(parsed) == "Kept.\n\nAlso kept."
    assert [d.block.text for d in parsed.dropped] == ["Gone."]


def test_a_hidden_tab_panel_is_the_text_a_reader_sees_by_clicking_its_tab() -> None:
    """Docusaurus and sphinx-tabs mark the panels of tabs not chosen ``hidden``: a reader
    clicks the tab ("Windows", "Linux") and reads it; another hidden element stays out."""
    parsed = read_html('<div role="tablist"><button>pip</button><button>conda</button></div>'
                       '<div role="tabpanel"><p>Run pip install fastcsv.</p></div>'
                       '<div role="tabpanel" hidden="true"><p>Run conda install fastcsv.</p></div>'
                       '<div hidden><p>Loading search results.</p></div>')
    assert joined(parsed) == "Run pip install fastcsv.\n\nRun conda install fastcsv."


@pytest.mark.parametrize("attrs", ['class="navy-theme"', 'class="canvas"', 'class="unnavigable"',
                                   'class="skipped-tests"', 'class="sr-only-focusable-note"',
                                   'class="shared-memory"', 'class="headline"',
                                   'class="adverbs"', 'class="loading-indicator"',
                                   'class="almost-readable"', 'class="sd-dropdown"',
                                   'class="printing-options"', 'class="subscriptions"',
                                   'class="subscription-plans"'])
def test_words_that_only_contain_nav_are_content(attrs):
    parsed = read_html(f"<p>Kept.</p><div {attrs}><p>Also kept.</p></div>")
    assert joined(parsed) == "Kept.\n\nAlso kept."


def test_a_line_of_links_to_the_next_previous_and_parent_pages_is_navigation():
    # Texinfo's header, in a <div class="header">: no class says it, the links' rel does
    parsed = read_html(
        '<div class="header"><p>Next: <a href="Using.html" accesskey="n" rel="next">Using '
        'libffi</a>, Previous: <a href="index.html" rel="prev">libffi</a>, Up: <a '
        'href="index.html" rel="up">libffi</a> &nbsp; [<a href="Index.html" rel="index">Index'
        '</a>]</p></div><h2>1 What is libffi?</h2><p>Compilers follow conventions. See the '
        '<a href="Using.html" rel="next">next chapter</a>.</p>')
    assert joined(parsed) == (
        "1 What is libffi?\n\nCompilers follow conventions. See the next chapter.")
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Next: Using libffi, Previous: libffi, Up: libffi [Index]",
         "links to the next, previous and parent pages (navigation)")]


def test_a_heading_permalink_characters_at_the_end_are_removed():
    assert kinds("<h2>Usage ¶</h2><h2>Setup #</h2>") == [
        ("heading", "Usage", 2), ("heading", "Setup", 2)
    ]


def test_a_page_whose_blocks_read_as_a_web_page_is_web():
    markup = ("<p>The council met on Tuesday.</p><p>Sign up for our newsletter</p>"
              "<p>Accept all cookies</p>")
    assert read_html(markup).web


def test_a_documentation_page_is_not_web():
    assert not read_html("<h1>API</h1><p>Call <code>open()</code> first.</p>").web


def test_every_block_is_one_line_of_collapsed_white_space():
    for markup in (PAGE, SPHINX):
        for b in read_html(markup).blocks:
            assert b.text and b.text == " ".join(b.text.split()) and b.page is None


def test_an_empty_page_has_no_blocks():
    parsed = read_html("")
    assert parsed.blocks == [] and parsed.meta == {} and not parsed.web


def test_cells_without_a_row_make_one_and_blocks_inside_a_pre_or_heading_do_not_split_it():
    assert kinds("<table><td>a<td>b</table><h2>Title<div>inner</div>more</h2><pre>a<p>b</p>c"
                 "</pre>") == [("table_row", "a | b", 0), ("heading", "Title inner more", 2),
                               ("code", "a b c", 0)]


def test_thousands_of_unclosed_elements_nest_without_slowing_the_reading():
    blocks = read_html("<div><p>" * 3000 + "deep" + "<ul>" + "<li>x<ul>" * 50 + "end").blocks
    assert blocks[0].text == "deep" and blocks[-1] == Block("list_item", "end", level=50)


# A DocBook FAQ's table of contents: a list whose every entry only links to a place in the page.
FAQ_TOC = """<h1>FAQ</h1><dl><dt>1. <a href="faq.html#bg">Background</a></dt>
<dd>1.1. <a href="faq.html#say">How do you say it?</a></dd>
<dd>1.2. <a href="#name">Where does the name come from?</a></dd></dl>
<h2 id="bg">1. Background</h2><p><b>1.2. Where does the name come from?</b></p>
<p>From Nordic mythology.</p>"""


def test_a_table_of_contents_is_dropped_with_its_reason():
    parsed = read_html(FAQ_TOC)
    assert "How do you say it?" not in joined(parsed)
    assert joined(parsed).endswith("1.2. Where does the name come from?\n\nFrom Nordic mythology.")
    assert [(d.block.text, d.reason.split(" (")[0]) for d in parsed.dropped] == [
        ("1.1. How do you say it?", "a table of contents"),
        ("1.2. Where does the name come from?", "a table of contents")]


@pytest.mark.parametrize("markup", [
    # an entry with more than its link
    '<ul><li><a href="#a">Alpha</a> is the first.</li><li><a href="#b">Beta</a></li></ul>',
    # one entry alone
    '<ul><li><a href="#a">Alpha</a></li></ul>',
    # links to other sites (a type's documentation), not to places in these pages
    '<ul><li><a href="https://x.example/t#Boolean">Alpha</a></li>'
    '<li><a href="https://x.example/t#Number">Beta</a></li></ul>',
    # links to whole pages
    '<ul><li><a href="alpha.html">Alpha</a></li><li><a href="beta.html">Beta</a></li></ul>',
])
def test_lists_of_links_that_are_no_table_of_contents_stay(markup):
    parsed = read_html(markup)
    assert "Alpha" in joined(parsed)
    assert not parsed.dropped


def test_a_link_to_the_element_it_is_in_is_a_permalink_not_text():
    markup = """<main><div class="rule" id="r-layout.repr">
    <a class="rule-link" href="#r-layout.repr"><span>[layout.repr]</span></a></div>
    <p>A type's layout is its size and alignment.</p>
    <h2 id="sizes"><a class="header" href="#sizes">Sizes</a></h2>
    <p id="p1">See <a href="#sizes">Sizes</a> and <a href="#p1">this paragraph</a>.</p>
    <dl><dt id="opt-w"><a class="option-anchor" href="#opt-w"><code>--workspace</code></a></dt>
    <dd><p>Build all members in the workspace.</p></dd></dl></main>"""
    parsed = read_html(markup)
    assert kinds(markup) == [
        ("paragraph", "A type's layout is its size and alignment.", 0),
        ("heading", "Sizes", 2),  # a heading's own text linked to it stays its text
        ("paragraph", "See Sizes and this paragraph.", 0),  # inside a sentence: text
        ("heading", "--workspace", TERM_LEVEL),  # a term linked to itself (Cargo's options)
        ("paragraph", "--workspace: Build all members in the workspace.", 0),
    ]
    assert [d.block.text for d in parsed.dropped] == ["[layout.repr]"]


@pytest.mark.parametrize("marker", [
    # mdBook (the rustc book), markdown-it, Wikipedia, Pandoc, Sphinx
    '<sup class="footnote-reference" id="fr-1"><a href="#footnote-1">1</a></sup>',
    '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>',
    '<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup>',
    '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
    '<a class="footnote-reference brackets" href="#id3" id="id1">1</a>',
])
def test_a_footnote_reference_marker_is_not_glued_to_its_word(marker):
    parsed = read_html(f"<p>rustc will check every{marker}: attribute</p>"
                       '<aside class="footnote"><p id="footnote-1">Reachable ones.</p></aside>')
    assert [b.text for b in parsed.blocks] == ["rustc will check every: attribute",
                                               "Reachable ones."]
    assert [d.reason for d in parsed.dropped] == ["a footnote reference's marker"]


def test_a_superscript_that_is_no_footnote_reference_stays():
    assert [b.text for b in read_html("<p>E = mc<sup>2</sup> holds.</p>").blocks] == [
        "E = mc2 holds."]


def test_a_comment_left_open_at_the_end_hides_the_rest_as_a_browser_does():
    parsed = read_html("<p>The river ferry of Dalen began in 1905.</p><!-- TODO remove "
                       "<p>draft: the ferry costs 1234 crowns</p>")
    assert [b.text for b in parsed.blocks] == ["The river ferry of Dalen began in 1905."]
    closed = read_html("<p>One.</p><!-- a note --><p>Two <!-- x --> three.</p>")
    assert [b.text for b in closed.blocks] == ["One.", "Two three."]


def test_a_doctypes_internal_subset_is_no_text_and_its_entities_are_not_expanded():
    # the parser ends a DOCTYPE at its first ">": the rest of its subset was read as text
    page = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">\n'
            '<!ENTITY y "yes">]><html><body><p>The ferry &x; leaves at nine.</p></body></html>')
    assert [b.text for b in read_html(page).blocks] == ["The ferry &x; leaves at nine."]


# --- a plain text laid out line by line in a page

README_LINES = ("      Requirements<br>\n------------<br>\n"
                "- You need a recent compiler to build this port. Version 11 or<br>\n"
                "  any later one should work, version 10 is not supported.<br>\n"
                "- The system linker has to be the first one in the PATH.<br>\n<br>\n<br>\n"
                "Known issues<br>\n------------<br>\n"
                "One of the aims of this port is to support both kernels. This is a hard<br>\n"
                "task because the kernel does not provide a stable interface.<br>\n")


def test_a_plain_text_broken_into_lines_reads_as_its_headings_and_items():
    """A README set out a line a ``<br>`` (DocBook's literallayout) is read as a text file is:
    its underlined headings head their text under the page's heading, its "- " lines are items,
    its wrapped lines are joined."""
    p = read_html("<h1>12. README.port</h1><div class='literallayout'><p><br>\n"
                  f"{README_LINES}</p></div>")
    got = [(b.kind, b.text, b.level) for b in p.blocks]
    assert got[:4] == [
        ("heading", "12. README.port", 1), ("heading", "Requirements", 2),
        ("list_item", "You need a recent compiler to build this port. Version 11 or any later"
                      " one should work, version 10 is not supported.", 1),
        ("list_item", "The system linker has to be the first one in the PATH.", 1)]
    issue = next(b for b in p.blocks if b.text.startswith("One of the aims"))
    assert issue.kind == "paragraph" and issue.section == ("12. README.port", "Known issues")
    assert issue.text.endswith("does not provide a stable interface.")


def test_a_plain_text_in_pre_reads_as_text_and_code_in_pre_stays_code():
    readme = README_LINES.replace("<br>", "")
    p = read_html(f"<h2>Notes</h2><pre>{readme}</pre>")
    assert ("heading", "Known issues", 3) in [(b.kind, b.text, b.level) for b in p.blocks]
    code = ("<pre>def main():\n    '''Run it.'''\n    # ---\n    - x\n    - y\n    return 0\n"
            "</pre><pre>-- Do you have any cheese ?\n-- We are all out of it, sir.\n"
            "It's really very runny, sir.\n----------------------------------------\n"
            "shopkeeper : Michael Palin\nclient : John Cleese\n</pre>"
            "<pre>x = 1;\nif (x) {\n- y;\n- z;\n}\n</pre>")
    assert [b.kind for b in read_html(code).blocks] == ["code", "code", "code"]


@pytest.mark.parametrize("box", [
    '<div class="sidebar"><p class="title">PERSPECTIVE Beyond software</p><p>Boxed.</p></div>',
    '<aside class="sidebar"><p class="sidebar-title">Beyond software</p><p>Boxed.</p></aside>',
])
@pytest.mark.parametrize("section", ['<div class="section">', '<section id="terms">'])
def test_a_sidebar_in_a_section_of_the_text_is_a_box_of_the_text(box, section):
    # DocBook's <sidebar> and docutils' ".. sidebar::" are set apart in a box, inside the text
    end = "</div>" if section.startswith("<div") else "</section>"
    parsed = read_html(f'<div class="sidebar"><p>Contents</p></div>{section}<h2>Terms</h2>'
                       f'<p>Kept.</p>{box}<p>Also kept.</p>{end}')
    assert "Boxed." in joined(parsed) and "Also kept." in joined(parsed)
    assert [d.block.text for d in parsed.dropped] == ["Contents"]  # a theme's sidebar


def test_an_old_layout_news_page_is_read_as_a_web_page_by_its_news_chrome() -> None:
    # no <article>, few furniture phrases in its text: its share bar and comments list, left
    # out by their classes, say it is a news page; its weather box and headlines are no text
    from retrieval.ingest.html import read_html

    page = ("<html><head><title>Island News - Tourist tax</title></head><body>"
            '<div id="nav"><a href="/">Front page</a> <a href="/news/">News</a></div>'
            '<div id="leftcol"><div class="story"><h1>Island to charge visitors €3 a night</h1>'
            "<p>Visitors to the island will pay a tourist tax of €3 a night from April, after "
            "its parliament voted on Monday to bring in the charge.</p>"
            "<p>The government expects the tax to raise about €18m a year.</p>"
            '<p class="sharebar">Email this story | Print</p></div>'
            '<div class="comments"><h4>Your comments (2)</h4><p><b>Brian</b> – We will still '
            "come.</p></div></div>"
            '<div id="rightcol"><div class="box"><h4>Weather</h4><p>Puerto Sol 19°C, sunny '
            'spells</p></div><div class="box"><h4>Latest news</h4><ul><li>Ferry fares to rise '
            "8% in January</li><li>Night market returns</li></ul></div></div></body></html>")
    parsed = read_html(page)
    assert parsed.web
    texts = [b.text for b in parsed.blocks]
    assert not any("We will still come" in t for t in texts)


def test_a_manuals_section_on_comments_is_its_text_though_a_news_pages_comments_are_not() -> None:
    from retrieval.ingest.html import read_html

    manual = ('<html><body><div class="section" id="comments"><h2>Comments</h2>'
              "<p>Comments come in two varieties: the single line comment uses ## as the first "
              "non-space characters on a line.</p></div></body></html>")
    assert any("two varieties" in b.text for b in read_html(manual).blocks)
