"""Sphinx's roles and directives, which docutils lacks, read as Sphinx renders them: an unknown
role shows its text (``:ref:`Title <label>``` reads "Title", ``:func:`~os.path.join``` reads
"join"); an unknown directive keeps its body as text, a version directive reads "New in version
3.2.", an object's signature (``.. function:: f(x)``) heads its description as a definition
list's term does, code directives are code taking any option, and a toctree or autosummary is
kept only to say it was left out (``NotShown``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docutils import nodes, utils
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.languages import en

from .blocks import one_line
from .sphinx import directive_kind, shown, version_head, version_text

# Roles and directives a document uses, for registering the ones docutils lacks.
_ROLE_RE = re.compile(r"(?<![\w`]):([A-Za-z][\w.+:-]*):`")
_DIRECTIVE_RE = re.compile(r"^[ \t]*\.\.[ \t]+([A-Za-z][\w.+:-]*)[ \t]*::", re.M)
_SPHINX_CODE = ("code", "code-block", "sourcecode")  # docutils' own, read as Sphinx's


class NotShown(nodes.Element):
    """What a Sphinx directive generates or navigates by (a toctree's entries), kept as written
    only to say, in ``qabot show``, that it was left out."""


def register_unknown(text: str) -> None:
    """Register, for the roles and directives ``text`` uses that docutils does not know, the
    readings described in the module's docstring (docutils' registry is per process; each name
    is registered once, the same way for every document)."""
    _register_code()
    for name in set(_ROLE_RE.findall(text)):
        if not _known_role(name):
            roles.register_local_role(name, _shown_role)
    for name in set(_DIRECTIVE_RE.findall(text)):
        if not _known_directive(name):
            directives.register_directive(name, _directive_for(name))


@cache
def _register_code() -> None:
    """docutils' own code directives read as Sphinx's, taking any option (Sphinx's
    ``:linenos:`` made docutils' ``code-block`` fail, and its code vanish); once a process."""
    for name in _SPHINX_CODE:
        directives.register_directive(name, _Code)


def _known_role(name: str) -> bool:
    return name.lower() in en.roles or name.lower() in roles._roles


def _known_directive(name: str) -> bool:
    return name.lower() in en.directives or name.lower() in directives._directives


def _shown_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
                options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    """A role docutils lacks (Sphinx's ``:func:``, ``:ref:`` ...): what it shows."""
    return [nodes.literal(rawtext, shown(utils.unescape(text)))], []


class _AnyOption(dict[str, Any]):
    """An option spec that takes every option (Sphinx's ``:linenos:``, ``:noindex:`` ...)."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged

    def __bool__(self) -> bool:  # docutils looks for options only where a spec is truthy
        return True


class _Body(Directive):
    """An unknown directive: its body is read as the document's text."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _AnyOption()

    def run(self) -> list[nodes.Node]:
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class _Version(_Body):
    """"New in version 3.2: what changed." (Sphinx's wording), the rest of the body after it."""

    optional_arguments = 2

    def run(self) -> list[nodes.Node]:
        version, *said = self.arguments or [""]
        if not said:
            text = version_text(self.name, version)
            return [nodes.paragraph(text, text), *super().run()]
        inline, _ = self.state.inline_text(said[0], self.lineno)
        head = nodes.Text(f"{version_head(self.name, version)}: ")
        return [nodes.paragraph(said[0], "", head, *inline), *super().run()]


class _Object(_Body):
    def run(self) -> list[nodes.Node]:
        signature = one_line(self.arguments[0]) if self.arguments else ""
        term = [nodes.term(signature, signature)] if signature else []
        return [nodes.definition_list_item("", *term, nodes.definition("", *super().run()))]


class _Code(_Body):
    def run(self) -> list[nodes.Node]:
        code = "\n".join(self.content)
        return [nodes.literal_block(code, code, classes=["code"])] if code.strip() else []


class _Hidden(_Body):
    def run(self) -> list[nodes.Node]:
        written = "\n".join(self.content) or (self.arguments[0] if self.arguments else "")
        return [NotShown(written, nodes.Text(written))]


def _directive_for(name: str) -> type[Directive]:
    return {"version": _Version, "code": _Code, "hidden": _Hidden, "object": _Object,
            "prose": _Body}[directive_kind(name)]


__all__ = ["NotShown", "register_unknown"]
