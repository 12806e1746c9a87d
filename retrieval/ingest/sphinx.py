"""Sphinx's markup read as its rendered page shows it, for the reStructuredText reader and for
MyST Markdown (Sphinx's Markdown: ```` ```{note} ````, ``{ref}`Title <label>```).

Sphinx documentation is written with directives and roles that neither docutils nor a CommonMark
parser knows. A directive is read by what its body holds (``directive_kind``): prose (a note, a
tab, a version change, an unknown one), code, an object's description under its signature
(``.. function:: f(x)``; autodoc's ``.. autoclass::`` too, whose body a page shows with the
docstring it cannot read here), or nothing a reader sees as text (a toctree, an autosummary
table). A role shows its text (``shown``).
"""

from __future__ import annotations

import re
from typing import Literal

DirectiveKind = Literal["prose", "version", "code", "object", "hidden"]

# Directives whose body is code (or a file's code, which is never read), and ones whose body is
# not text a reader sees.
CODE = frozenset(
    "code code-block sourcecode doctest testcode testoutput testsetup testcleanup ipython "
    "jupyter-execute code-cell prompt literalinclude highlight graphviz digraph graph mermaid "
    "plot math".split())
HIDDEN = frozenset(
    "toctree autosummary tabularcolumns sectionauthor moduleauthor codeauthor currentmodule "
    "index contents include".split())
# Directives describing an object: their argument is its signature.
OBJECT = frozenset(
    "function class method attribute data exception module decorator decoratormethod "
    "classmethod staticmethod property type describe object option cmdoption envvar confval "
    "program macro member var struct enum enumerator".split())
VERSIONS = {"versionadded": "New in version {}", "versionchanged": "Changed in version {}",
            "deprecated": "Deprecated since version {}", "versionremoved": "Removed in version {}"}
_SHOWN_AS = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)  # "Title <target>"


def directive_kind(name: str) -> DirectiveKind:
    """What the body of directive ``name`` holds ("py:function" is read as "function")."""
    local = name.lower().rsplit(":", 1)[-1]
    if local in VERSIONS:
        return "version"
    if local in CODE:
        return "code"
    if local in HIDDEN or local.startswith("toc"):
        return "hidden"
    if local in OBJECT or local.startswith("auto"):  # autodoc's body adds to the docstring
        return "object"
    return "prose"


def version_head(name: str, version: str) -> str:
    """Sphinx's wording of a version change, before what changed: "New in version 3.2"."""
    return VERSIONS[name.lower().rsplit(":", 1)[-1]].format(version.strip())


def version_text(name: str, version: str, said: str = "") -> str:
    """Sphinx's wording of a version change: "New in version 3.2." or, with what changed,
    "New in version 3.2: what changed"."""
    head = version_head(name, version)
    return f"{head}: {said}" if said else f"{head}."


def shown(text: str) -> str:
    """What a cross-reference shows: the title of ``Title <target>``, else the target;
    ``~a.b.c`` shows its last part, ``!x`` is ``x``."""
    m = _SHOWN_AS.match(text)
    out = m[1] if m and m[1] else m[2] if m else text
    if out.startswith("~"):
        out = out[1:].rsplit(".", 1)[-1]
    return out.lstrip("!")


__all__ = ["CODE", "HIDDEN", "OBJECT", "VERSIONS", "DirectiveKind", "directive_kind", "shown",
           "version_head", "version_text"]
