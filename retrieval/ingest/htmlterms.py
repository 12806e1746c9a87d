"""An HTML definition list's terms over their definitions: a term (``dt``, a heading of
``TERM_LEVEL``) heads its definition and nothing after its list, and a short one is read with
its definition's first paragraph ("ffi_type_void: The type void.")."""

from __future__ import annotations

from dataclasses import replace

from .blocks import TERM_LEVEL, Block, Outline

_MAX_TERM_CHARS = 60  # a term, not a signature: "ffi_type_void", "--trace-mem=<yes|no>"


def sectioned(blocks: list[Block], term_scopes: dict[int, int]) -> list[Block]:
    """``blocks`` each under the headings it stands under (its ``section``), a definition
    list's terms heading nothing after it: after its last block (by id, a key of
    ``term_scopes``, its first block's id the value) the sections are those before it, unless a
    heading inside it started a section."""
    outline, headings = Outline(), 0
    out: list[Block] = []
    before: dict[int, tuple[Outline, int]] = {}  # the outline where a definition list starts
    firsts = set(term_scopes.values())
    for b in blocks:
        if id(b) in firsts:
            before[id(b)] = (outline.copy(), headings)
        if b.kind == "heading" and b.level < TERM_LEVEL:
            headings += 1
        out.append(replace(b, section=outline.heading(b.level, b.text) if b.kind == "heading"
                           else outline.path))
        if (first := term_scopes.get(id(b))) in before and before[first][1] == headings:
            outline = before[first][0]
    return out


def with_terms(blocks: list[Block]) -> list[Block]:
    """Each definition's first paragraph read with its term, as a reader of the list sees them
    together ("ffi_type_void: The type void."): which thing a description is of is often the
    answer. A long term (a signature) only heads its definition, and so does a question (an
    FAQ's "How do I ...?" over its answer: "...?: If you're not ..." is no sentence)."""
    out = list(blocks)
    for k in range(1, len(out)):
        term, block = out[k - 1], out[k]
        if (term.kind == "heading" and term.level == TERM_LEVEL and block.kind == "paragraph"
                and len(term.text) <= _MAX_TERM_CHARS and not term.text.endswith("?")):
            sep = " " if term.text.endswith((":", "—", "–")) else ": "
            out[k] = replace(block, text=f"{term.text}{sep}{block.text}")
    return out


__all__ = ["sectioned", "with_terms"]
