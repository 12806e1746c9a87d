"""What of an HTML page is never its text: elements left out by their tag or their attributes.

Left out by its tag, unseen: ``script``, ``style``, ``svg``, ``iframe``, ``noscript``, ``template``
and the ``head``; left out by its tag, its text recorded as dropped: ``nav``, ``footer``, ``aside``
(unless it holds a footnote, a note or a callout: ``role="note"``, a class naming a footnote, a
note, an admonition, a warning, a caution, a tip, a hint ..., as Sphinx, MkDocs and documentation
themes write them; or stands in the page's ``main`` content, or ``role="main"``, where a site's
sidebars are not: a callout is the text's), ``button`` and ``select`` (not ``form``: some sites
wrap the whole page in one); an element that is ``hidden``, ``aria-hidden="true"`` or ``display:
none``; and navigation a documentation generator marks by role, class or id (Sphinx, mdBook, Read
the Docs): ``role="navigation"``, a class or id naming a sidebar, related links, breadcrumbs, a
footer, a menu bar, a popup, a picker (Node.js's module dropdown), a news site's newsletter
sign-up, cookie banner, paywall nudge, advert slot, share bar or most-read list, navigation
(``nav``, ``nav-*``, ``navbar``, DocBook's ``navheader`` / ``navfooter``, Publican's ``docnav``,
``topnav``), a heading's permalink
(``headerlink``, the ``¶``), a "Skip to content" link, text for screen readers alone, a drop-down
menu, what is shown only when printed, or the word ``toc`` (not an id made of a heading's words:
a heading's, a section's of two words or more, any of four or more or with a word such as
"the"); and a table whose ``summary`` says it is navigation
(DocBook's "Navigation header"); and a footnote reference's marker (the "1" of "every<sup>1</sup>",
marked ``role="doc-noteref"`` or by a class naming a footnote reference, as mdBook, Sphinx, Pandoc
and Wikipedia write them), which a quote would glue to its word ("every1").

What the page reader (``html``) drops as it reads: a list whose entries only link to places in
pages (a table of contents), a line of links to the next, previous and parent pages (by their
``rel``), a heading's own permalink.
"""

from __future__ import annotations

import re

SKIP_TAGS = frozenset("script style svg iframe noscript template head".split())
CHROME_TAGS = frozenset("nav footer aside button select".split())
_NOTE_CLASS_RE = re.compile(r"footnote|admonition|^(?:note|tip|hint|warning|caution|important"
                            r"|danger|attention|callout)(?:$|[-_])")
# Class or id words of documentation chrome ("sphinxsidebar", "related", "wy-breadcrumbs",
# "rst-footer-buttons", "headerlink", mdBook's "menu-bar" and "mdbook-help-popup"); "toc" only
# as a whole word ("toctree-wrapper" is content).
# A "Skip to content" link ("skip-link", "skip-to-content", rustdoc's "skip-main-content") and
# text for screen readers alone ("sr-only", "screen-reader-text", "visually-hidden"), a theme's
# drop-down menu (Bootstrap's "dropdown-menu": a page's download buttons in pydata-sphinx-theme)
# and what is shown only when printed (sphinx-book-theme's "onlyprint": the title and contents
# again) are not what a reader of the page sees.
# A news site's sign-up box, cookie banner, paywall nudge, advert slot, share bar or list of its
# most read stories ("ml-newsletter", a newsletter platform's "subscription-widget",
# "cookie-banner", "paywall-prompt", "ad-slot", "share-buttons", "most-viewed") is no more its
# article than its menus are.
# (A news site's are what only web pages have: ``news_chrome``.) A page's list of its readers'
# comments (a class "comments", "comments-area", "comment-list") is theirs, not its article: a
# class only ("comment" alone is a code comment's in a highlighter's markup; an id "comments" is
# a manual's section on comments, Sphinx naming a section by its heading).
_COMMENTS_CLASS_RE = re.compile(r"(?:^|[-_])comments(?:$|[-_])|^comment-?(?:list|area|section"
                                r"|thread)s?$")
_NEWS_CLASS_RE = re.compile(r"newsletter|subscribe|^subscription-?(?:widget|box|form|prompt|cta)"
                            r"|cookie-?(?:banner|consent|notice|bar)|paywall"
                            r"|(?:^|-)ad-?(?:slot|unit|container)(?:$|-)|^advert"
                            r"|(?:^|-)share-?(?:bar|buttons?|tools|links)(?:$|-)"
                            r"|(?:^|-)most-?(?:viewed|read|popular|shared)(?:$|-)|^trending(?:$|-)")
_NAV_CLASS_RE = re.compile(r"sidebar|related|headerlink|breadcrumb|footer|menu-bar|popup|picker"
                           r"|^nav(?:$|-|bar|header|footer|igation)|nav$|^skip(?:$|-|link|nav)"
                           r"|screen-reader|^sr-only$|^visually-?hidden$"
                           r"|^dropdown-(?:menu|item)$|^(?:only-?print|print-?only)$|"
                           + _NEWS_CLASS_RE.pattern)
_REASON_WORD_RE = re.compile(r'^(?:class|id) "(.*)"$')
# A state class on a container ("sidebar-visible" on mdBook's body, "has-sidebar", and without
# the hyphen: Sphinx's Mako theme wraps the whole text in "withsidebar") is no sidebar.
_STATE_CLASS_RE = re.compile(r"^(?:has|with|no|show)-?(?=sidebar|nav|footer|toc|menu|related)"
                             r"|^(?:has|with|no|show)-|-(?:visible|open|closed|collapsed|active)$")
_NEVER_NAV = frozenset({"html", "body", "main", "article"})
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# words a heading's slug has and a theme's name for its chrome has not
_FUNCTION_WORDS = frozenset("a an and are as at by for from how in is of on or the to what when "
                            "why with your".split())
_DISPLAY_NONE_RE = re.compile(r"display\s*:\s*none", re.I)
# A footnote reference's class: mdBook's and Sphinx's "footnote-reference", Pandoc's
# "footnote-ref", markdown-it's "footnote-ref", "fnref", "noteref"; Wikipedia's "reference" on
# a <sup> alone (the word is a common class of other things).
_NOTEREF_CLASS_RE = re.compile(r"^(?:footnote-?ref(?:erence)?|fn-?ref|noteref)$")


def news_chrome(reason: str) -> bool:
    """Whether an element left out for ``reason`` (``nav_reason``'s) is a news site's chrome:
    a sign-up box, a cookie banner, a share bar, a comments list, ... (a sign that the page is
    a web page, as ``webpage.web_signals``' phrases are; documentation has none of these)."""
    m = _REASON_WORD_RE.match(reason)
    return m is not None and (_NEWS_CLASS_RE.search(m.group(1)) is not None
                              or (reason.startswith("class")
                                  and _COMMENTS_CLASS_RE.search(m.group(1)) is not None))


def nav_reason(tag: str, a: dict[str, str], in_main: bool = False,
               in_section: bool = False) -> str:
    """Why an element is not the page's text by its attributes, or ``""``; ``in_main``: it
    stands in the page's main content; ``in_section``: in a section of the text, where a
    "sidebar" is a box of the text (docutils' ``.. sidebar::``, DocBook's ``<sidebar>``), not a
    theme's."""
    if (("hidden" in a or a.get("aria-hidden", "").strip().lower() == "true")
            and a.get("role", "").strip().lower() != "tabpanel"):
        return "hidden"  # (a tab's panel is hidden until its tab is clicked: the text's)
    boxed = in_section and any(_BOX_CLASS_RE.match(w) for w in a.get("class", "").lower().split())
    if tag in CHROME_TAGS and not (tag == "aside" and (in_main or boxed or _is_note(a))):
        return f"a <{tag}> element (page chrome)"
    if _DISPLAY_NONE_RE.search(a.get("style", "")):
        return "display: none"
    if tag in _NEVER_NAV:
        return ""
    if a.get("role", "").strip().lower() == "navigation":
        return 'role="navigation"'
    if _is_noteref(tag, a):
        return "a footnote reference's marker"
    if a.get("summary", "").strip().lower().startswith("navigation"):
        return 'summary="navigation"'
    for name in ("class", "id"):
        if name == "id" and _names_text(tag, a):
            continue
        for word in a.get(name, "").lower().split():
            if in_section and _BOX_CLASS_RE.match(word):
                continue
            if (word == "toc" or (_NAV_CLASS_RE.search(word) and not _STATE_CLASS_RE.search(word))
                    or (name == "class" and _COMMENTS_CLASS_RE.search(word))):
                return f'{name} "{word}"'
    return ""


# a box set apart in the text, and its title (docutils' "sidebar-title")
_BOX_CLASS_RE = re.compile(r"^sidebar(?:-title|-subtitle)?$")
_SECTION_CLASS_RE = re.compile(r"^(?:section|sect[1-5]|chapter)$")


def is_section(tag: str, a: dict[str, str]) -> bool:
    """Whether an element is a section of the text: ``<section>``, or a ``div`` DocBook's
    stylesheets class as one ("section", "sect1", "chapter")."""
    return tag == "section" or (tag == "div" and any(
        _SECTION_CLASS_RE.match(word) for word in a.get("class", "").lower().split()))


def _names_text(tag: str, a: dict[str, str]) -> bool:
    """Whether an element's id names a part of the text, not chrome: a heading's, a section's
    of two words or more (Sphinx writes ``<section id="raising-and-handling-multiple-unrelated-
    exceptions">``, whose "related" left the whole section out; ``<section id="sidebar">`` is
    still a sidebar), or any element's made of a heading's words ("configuring-the-footer": four
    words or more, or a word such as "the")."""
    words = re.split(r"[-_.]+", a.get("id", "").lower())
    if tag in _HEADINGS:
        return True
    if tag == "section" or "section" in a.get("class", "").lower().split():
        return len(words) >= 2
    return len(words) >= 4 or any(word in _FUNCTION_WORDS for word in words)


def _is_noteref(tag: str, a: dict[str, str]) -> bool:
    """A footnote reference's marker (``<sup>`` or ``<a>``): by its role or its class."""
    if tag not in ("sup", "a"):
        return False
    words = a.get("class", "").lower().split()
    return (a.get("role", "").strip().lower() == "doc-noteref"
            or any(_NOTEREF_CLASS_RE.match(w) for w in words)
            or (tag == "sup" and "reference" in words))


def _is_note(a: dict[str, str]) -> bool:
    """An aside that is a footnote, a note or a callout of the text, not a sidebar."""
    return a.get("role", "").strip().lower() in ("note", "doc-footnote", "doc-endnotes") or any(
        _NOTE_CLASS_RE.search(word) for word in a.get("class", "").lower().split())


# A list whose every entry (two or more) is only a link to a place in a page of the same site
# ("1.2. <a href="faq.html#faq.whence">Where does the name come from?</a>") is a table of
# contents: the page's text is where it leads (``htmltags.LISTS``, ``htmltags.ENTRY``).
IN_PAGE_RE = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//)[^#]*#.", re.I)
ENUMERATOR_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Za-z][.)])\s+")
TOC_REASON = "a table of contents (a list whose entries only link to places in pages)"
# A line of links to the next, previous and parent pages (Texinfo's "Next: ..., Previous: ...,
# Up: ...", marked by their ``rel``): where the page sits in its manual, not its text
PAGING_RELS = frozenset({"next", "prev", "previous", "up", "index", "contents", "start", "first",
                         "last"})
PAGING_REASON = "links to the next, previous and parent pages (navigation)"
ANCHOR_CHARS = frozenset({"", "¶", "#", "§", "🔗"})  # a heading's permalink, alone in its <a>
HEADING_ANCHOR_RE = re.compile(r"(?:\s*¶|\s+#)+$")


__all__ = [
    "ANCHOR_CHARS",
    "CHROME_TAGS",
    "ENUMERATOR_RE",
    "HEADING_ANCHOR_RE",
    "IN_PAGE_RE",
    "PAGING_REASON",
    "PAGING_RELS",
    "SKIP_TAGS",
    "TOC_REASON",
    "is_section",
    "nav_reason",
    "news_chrome",
]
