# ruff: noqa: E501  (as the make_docs_*.py scripts it was taken from)
"""The small Markdown (and MyST) reader shared by make_docs_pkg_b.py and make_docs_blind.py:
a README's text -> blocks of (kind, ...), as ``docsgen.Writer`` takes them (see docsgen.py).

Not run by itself: the scripts import it (their folder is on sys.path when they run).
"""

from __future__ import annotations

import re

import docsgen

LIST_RE = re.compile(r"^(\s*)([*-]|\d+\.)\s+(.*)$")
FENCE_RE = re.compile(r"^(\s*)```\s*(.*)$")


def inline(text: str) -> str:
    """Markdown / MyST inline markup to plain text, keeping the words (link targets dropped)."""
    text = re.sub(r"\{[a-z-]+\}`([^`<]*?)\s*(?:<[^>`]*>)?`", r"\1", text)  # {role}`text <target>`
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\[([^\]]+)\](?![(\[:])", r"\1", text)  # [text] (shortcut reference)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(\S.*?)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<!\w)_(\S.*?)_(?!\w)", r"\1", text)
    text = text.replace("`", "")
    text = re.sub(r"\\([\\`*_{}\[\]()#+.!-])", r"\1", text)  # backslash escapes (node\_wasi.h)
    return re.sub(r"\s+", " ", text).strip()


def directive(info: str, body: list[str]) -> list[tuple]:
    """A MyST directive fence, as Sphinx renders it ("New in version X: ...", "Note: ...")."""
    m = re.match(r"\{([a-z-]+)\}\s*(.*)$", info)
    name, arg = m.group(1), m.group(2).strip()
    text = inline(" ".join(line.strip() for line in body))
    if name == "versionadded":
        return [("p", f"New in version {arg}: {text}" if text else f"New in version {arg}.")]
    if name in ("note", "warning"):
        return [("p", f"{name.capitalize()}: {text}")]
    lines = [line.strip() for line in body if line.strip()]
    return [("code", "\n".join(lines).expandtabs(8))]  # {pip-cli} etc.


def parse(md: str) -> list[tuple]:
    """Blocks: ("title"|"h1"|"h2", text), ("p", text), ("li", level, ordered, number, text),
    ("code", text) (tabs expanded), ("table", header, rows)."""
    blocks: list[tuple] = []
    para: list[str] = []
    table: list[list[str]] = []
    indents: list[int] = []
    lines = md.strip("\n").split("\n")
    i = 0

    def flush() -> None:
        nonlocal para, table
        if para:
            blocks.append(("p", inline(" ".join(para))))
            para = []
        if table:
            blocks.append(("table", table[0], table[1:]))
            table = []

    while i < len(lines):
        line = lines[i]
        i += 1
        m = FENCE_RE.match(line)
        if m:
            flush()
            body = []
            while i < len(lines) and not FENCE_RE.match(lines[i]):
                body.append(lines[i])
                i += 1
            i += 1  # the closing fence
            info = m.group(2).strip()
            if info.startswith("{") and not info.startswith("{pip-cli}"):
                blocks.extend(directive(info, body))
            else:
                ind = len(m.group(1))
                code = "\n".join(b[ind:] if b[:ind].isspace() else b for b in body)
                blocks.append(("code", code.expandtabs(8)))
            continue
        if re.match(r"^\(.+\)=\s*$", line):  # MyST target label
            continue
        if re.match(r"^\[[^\]]+\]:", line):  # link reference definition (maybe 2 lines)
            if not line.split("]:", 1)[1].strip() and i < len(lines) and lines[i].startswith(" "):
                i += 1
            continue
        if line.startswith("|"):
            if para:
                flush()
            cells = docsgen.table_row(line, inline)
            if cells:
                table.append(cells)
            continue
        if not line.strip():
            flush()
            continue
        if i < len(lines) and re.fullmatch(r"=+|-+", lines[i].strip()) and not para and line.strip():
            flush()
            indents = []
            blocks.append(("h1" if lines[i].strip()[0] == "=" else "h2", inline(line)))
            i += 1
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            flush()
            indents = []
            blocks.append((["title", "h1", "h2"][len(m.group(1)) - 1], inline(m.group(2))))
            continue
        m = LIST_RE.match(line)
        if m:
            flush()
            blocks.append(docsgen.list_item(m, indents, inline))
            continue
        if line.startswith(" ") and blocks and blocks[-1][0] == "li" and not para and lines[i - 2].strip():
            blocks[-1] = docsgen.extend_item(blocks[-1], line, inline)  # continuation of an item
            continue
        if not line.startswith(" "):
            indents = []
        para.append(line)
    flush()
    return blocks
