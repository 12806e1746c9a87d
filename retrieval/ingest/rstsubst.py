"""reStructuredText's substitutions (``|product|``, defined by ``.. |product| replace::
WidgetPro``) read as their text, within a bound: a definition may hold references to others,
which expand in turn, so that a few hundred bytes could read as megabytes."""

from __future__ import annotations

from docutils import nodes
from docutils.transforms.references import Substitutions

from .blocks import expansion_budget


def substitute(document: nodes.document, length: int) -> None:
    """Substitution references read as what the document (of ``length`` characters) defines
    them to be (``|product|`` as "WidgetPro"), by docutils' own transform; one it does not
    define (Sphinx's ``|version|``, set in a project's configuration) reads as its name, and so
    does one whose text, its own references expanded, would take the document's expansions
    past ``blocks.expansion_budget`` (definitions of ten references each, five deep: 858 bytes read
    as 8 MB)."""
    budget = expansion_budget(length)
    sizes: dict[str, int] = {}
    spent = 0
    for ref in list(document.findall(nodes.substitution_reference)):
        name = _defined(document, ref["refname"])
        if name is None:
            ref.replace_self(nodes.Text(ref.astext()))
        elif not _in_definition(ref):
            spent += _expanded(document, name, sizes, set())
            if spent > budget:
                ref.replace_self(nodes.Text(ref.astext()))
    Substitutions(document).apply()  # that transform alone: the others would add to the text


def _defined(document: nodes.document, name: str) -> str | None:
    """The name of the substitution ``name`` refers to (as written, else case aside), or
    ``None`` when the document defines none."""
    if name in document.substitution_defs:
        return name
    found = document.substitution_names.get(name.lower())
    return found if found in document.substitution_defs else None


def _in_definition(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.substitution_definition):
        parent = parent.parent
    return parent is not None


def _expanded(document: nodes.document, name: str, sizes: dict[str, int],
              open_: set[str]) -> int:
    """How many characters the substitution ``name`` reads as, its own references expanded
    (memoised in ``sizes``; a reference to one being expanded, a loop docutils reports,
    counts as its name)."""
    if name in sizes:
        return sizes[name]
    if name in open_:
        return len(name)
    open_.add(name)
    definition = document.substitution_defs[name]
    size = len(definition.astext())
    for ref in definition.findall(nodes.substitution_reference):
        inner = _defined(document, ref["refname"])
        size += (_expanded(document, inner, sizes, open_) if inner else 0) - len(ref.astext())
    open_.discard(name)
    sizes[name] = size
    return size


__all__ = ["substitute"]
