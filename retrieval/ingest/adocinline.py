"""AsciiDoc's inline markup read as rendered: ``*bold*``, ``_emphasis_``, ```mono```,
``+passthrough+``, ``#mark#`` and asciidoc-py's ``'emphasis'`` lose their marks;
``link:url[text]``, ``<<id,text>>``, ``linkgit:git-log[1]`` (git's) and other macros show
their text, an image its alt text; ``{attribute}`` references show their value (the document's
own, else a built-in one: ``{nbsp}``, ``{plus}`` ...); a footnote (``footnote:[text]``) leaves
its sentence, its text kept for after the block it is marked in."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .blocks import one_line

# Inline markup, applied in this order. Every part a mark or macro spans is bounded (``_SPAN``
# characters): an unclosed one ("link:" after "link:" on a 2 MB line) costs a bounded scan from
# each start, never one to the end of the text.
_SPAN = 500
_TARGET = r"[^\s\[\]]{0,200}"  # a macro's target: a URL, a file, an id
# A footnote ("footnote:[text]", "footnote:id[text]", asciidoc-py's "footnoteref:[id,text]"): a
# superscript number in its sentence, its text at the foot of the page.
_FOOTNOTE_RE = re.compile(rf"\bfootnote(ref)?:([\w-]{{0,100}})\[([^\]\n]{{0,{_SPAN}}})\]")
_MACRO_RE = re.compile(r"\b(?:link|mailto|xref|kbd|btn|menu|pass|indexterm2?|anchor)"
                       rf":({_TARGET})\[([^\]\n]{{0,{_SPAN}}})\]")
_URL_RE = re.compile(rf"\b((?:https?|ftp|irc)://{_TARGET})\[([^\]\n]{{0,{_SPAN}}})\]")
_GIT_RE = re.compile(r"\blinkgit:([\w.-]{1,100})\[(\d{0,3})\]")
_IMAGE_RE = re.compile(rf"\bimage:{_TARGET}\[([^\],\n]{{0,{_SPAN}}})[^\]\n]{{0,{_SPAN}}}\]")
_XREF_RE = re.compile(r"<<([^,<>\n]{1,200})(?:,\s*([^<>\n]{0,200}))?>>")
_INLINE_ANCHOR_RE = re.compile(r"\[\[[^\]\n]{0,200}\]\]|\[#[\w-]{1,200}\]")
_ATTRIBUTE_REF_RE = re.compile(r"(?<!\\)\{([\w-]{1,100})\}")
_TEXT = rf"(\S(?:.{{0,{_SPAN}}}?\S)?)"  # a marked text: no white space at either end
_MARKS = [re.compile(p) for p in (
    rf"(?<![\w\\])\*\*(.{{1,{_SPAN}}}?)\*\*", rf"(?<![\w\\*])\*{_TEXT}\*(?![\w*])",
    rf"(?<![\w\\])__(.{{1,{_SPAN}}}?)__", rf"(?<![\w\\_])_{_TEXT}_(?![\w_])",
    rf"(?<![\w\\])``(.{{1,{_SPAN}}}?)``", rf"(?<![\w\\`])`{_TEXT}`(?![\w`])",
    rf"(?<![\w\\])\+\+(.{{1,{_SPAN}}}?)\+\+", rf"(?<![\w\\+])\+{_TEXT}\+(?![\w+])",
    rf"(?<![\w\\])##(.{{1,{_SPAN}}}?)##", rf"(?<![\w\\#])#{_TEXT}#(?![\w#])",
    # asciidoc-py's emphasis ('git subtree')
    rf"(?<![\w\\'])'(\S(?:[^'\n]{{0,{_SPAN}}}?\S)?)'(?![\w'])",
)]
_BUILT_IN = {"nbsp": " ", "sp": " ", "empty": "", "blank": "", "amp": "&", "lt": "<", "gt": ">",
             "startsb": "[", "endsb": "]", "vbar": "|", "plus": "+", "apos": "'", "quot": '"',
             "caret": "^", "tilde": "~", "backslash": "\\", "backtick": "`", "two-colons": "::",
             "two-semicolons": ";;", "cpp": "C++", "pp": "++", "zwsp": "", "deg": "°"}
_HARD_BREAK_RE = re.compile(r"[ \t]\+$", re.M)
_ESCAPE_RE = re.compile(r"\\([*_`+#'{<\[\]])")


def rendered(text: str, attributes: Mapping[str, str], footnotes: list[str]) -> str:
    """``text`` as rendered: macros by their text, attributes (``attributes``, the document's)
    by their values, no marks; the text of each footnote marked in it appended to
    ``footnotes``."""

    def footnote(m: re.Match[str]) -> str:
        said = m.group(3).partition(",")[2] if m.group(1) else m.group(3)  # footnoteref:[id,text]
        if note := rendered(said, attributes, footnotes):
            footnotes.append(note)
        return ""

    def attribute(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in attributes:
            return attributes[name]
        return _BUILT_IN.get(name, m.group(0))

    text = _HARD_BREAK_RE.sub("", text)
    text = _FOOTNOTE_RE.sub(footnote, text)
    text = _ATTRIBUTE_REF_RE.sub(attribute, text)
    text = _GIT_RE.sub(lambda m: f"{m.group(1)}({m.group(2)})" if m.group(2)
                       else m.group(1), text)
    text = _IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _MACRO_RE.sub(lambda m: m.group(2) or m.group(1), text)
    text = _URL_RE.sub(lambda m: m.group(2) or m.group(1), text)
    text = _XREF_RE.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    text = _INLINE_ANCHOR_RE.sub("", text)
    for mark in _MARKS:
        text = mark.sub(r"\1", text)
    return one_line(_ESCAPE_RE.sub(r"\1", text))


__all__ = ["rendered"]
