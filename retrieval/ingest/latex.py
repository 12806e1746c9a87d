"""Read a LaTeX source (a paper's ``.tex``, or a ``.txt`` holding one) into blocks, as rendered.

No TeX is run: the reader knows the commands a paper's text is written with. Sectioning commands
(``\\chapter`` to ``\\paragraph``) are headings, their levels counted from the outermost one used;
an ``abstract`` environment is headed "Abstract"; blank lines part paragraphs; ``\\item`` (and a
bibliography's ``\\bibitem``) opens a list item; a float's ``\\caption`` is a paragraph of its own,
a ``tabular``'s rows are table rows under its first, verbatim and listing environments code.
Inline markup reads as rendered: ``\\emph{word}`` is "word", ``4.1\\%`` is "4.1%", ``--`` an en
dash, ``G\\"odel`` "Gödel" (``texaccents``), ``$x$`` its formula's text; a ``\\footnote`` is a
paragraph after its own, its mark left out.
Left out: the preamble (its ``\\title`` titles the document), comments, display math, and what
renders as a number or a link only (``\\cite``, ``\\ref``, ``\\label``).
"""

from __future__ import annotations

import re

from .blocks import Block, Kind, Outline, Parsed, code_lines, one_line, table_row_text, usable_title
from .texaccents import accented

_SECTIONS = ("part", "chapter", "section", "subsection", "subsubsection", "paragraph",
             "subparagraph")
_TOKEN = re.compile(
    r"\\(?P<head>" + "|".join(_SECTIONS) + r")\*?\s*(?:\[[^\]]*\])?\s*(?=\{)"
    r"|\\begin\{(?P<begin>[^}]+)\}|\\end\{(?P<end>[^}]+)\}"
    r"|\\(?P<item>item|bibitem)\b\s*(?:\[(?P<label>[^\]]*)\])?"
    r"|\\caption\*?\s*(?:\[[^\]]*\])?\s*(?=\{)(?P<caption>)"
    r"|(?P<display>\\\[|\$\$)"
    r"|(?P<blank>\n[ \t]*\n)"
)
_DROPPED_ENVS = re.compile(r"(?:equation|align|gather|multline|eqnarray|displaymath|math|"
                           r"tikzpicture|picture|comment|filecontents)\*?$")
_LIST_ENVS = {"itemize", "enumerate", "description"}
_CODE_ENVS = {"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "alltt"}
_TABLE_ENVS = re.compile(r"tabular[x*]?|longtable|tabu")
# commands that render as a number, a link target or nothing a reader quotes, with their
# arguments (and the tie before them: "Table~\ref{t}")
_SILENT = re.compile(
    r"~?\\(?:cite\w*|[cC]?ref|autoref|eqref|pageref|label|nocite|includegraphics|vspace|hspace|"
    r"bibliographystyle|bibliography|input|include|usepackage|newcommand|renewcommand)\*?"
    r"(?:\s*\[[^\]]*\])*(?:\s*\{[^{}]*\})*"
)
_ESCAPES = {"%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", ",": " ",
            ";": " ", ":": " ", " ": " ", "\\": " ", "-": ""}
_WORDS = {"ldots": "…", "dots": "…", "LaTeX": "LaTeX", "TeX": "TeX", "textendash": "–",
          "textemdash": "—", "S": "§", "copyright": "©"}
_SIGNS = (
    re.compile(r"\\documentclass|\\begin\{document\}|\\usepackage"),
    re.compile(r"\\(?:sub)*section\*?\{|\\chapter\*?\{"),
    re.compile(r"\\begin\{\w+\*?\}"),
    re.compile(r"\\(?:cite[tp]?|ref|label|eqref)\{"),
    re.compile(r"\\(?:emph|textbf|textit|texttt)\{"),
)


def looks_like_latex(text: str) -> bool:
    """Whether a text file is a LaTeX source: it shows three kinds of the markup's signs (a
    preamble, sectioning, environments, citations and labels, inline emphasis), one of them
    the preamble, sectioning or an environment."""
    head = text[:200_000]
    found = [bool(sign.search(head)) for sign in _SIGNS]
    return sum(found) >= 3 and any(found[:3])


def read_latex(text: str) -> Parsed:
    """The blocks of the LaTeX source ``text`` in reading order, and its title."""
    text = _uncommented(text.replace("\r\n", "\n").replace("\r", "\n"))
    meta: dict[str, str] = {}
    found = re.search(r"\\title\s*(?:\[[^\]]*\])?\s*(?=\{)", text)
    if found:
        title = usable_title(inline(_group(text, found.end())[0]))
        if title:
            meta["title"] = title
    start = text.find("\\begin{document}")
    body = text[start + len("\\begin{document}"):] if start >= 0 else text
    body = body.split("\\end{document}", 1)[0]
    return Parsed(_Reader(body).read(), meta, web=False)


class _Reader:
    """One pass over a document's body, keeping the section path and the block being read."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.blocks: list[Block] = []
        self.outline = Outline()
        self.unit: list[str] = []
        self.kind: Kind = "paragraph"
        self.depth = 0  # lists open around the text
        used = [n for n in _SECTIONS if re.search(rf"\\{n}\*?\s*[\[{{]", body)]
        self.top = _SECTIONS.index(used[0]) if used else 2

    def read(self) -> list[Block]:
        pos = 0
        while (m := _TOKEN.search(self.body, pos)) is not None:
            self.unit.append(self.body[pos : m.start()])
            pos = self._token(m)
        self.unit.append(self.body[pos:])
        self._flush()
        return self.blocks

    def _token(self, m: re.Match[str]) -> int:
        """Read the markup ``m`` found; where reading goes on."""
        if m["head"]:
            self._flush()
            arg, end = _group(self.body, m.end())
            level = min(6, max(1, _SECTIONS.index(m["head"]) - self.top + 1))
            self._heading(level, inline(arg))
            return end
        if m["begin"] is not None:
            return self._begin(m["begin"], m.end())
        if m["end"] is not None:
            self._flush()
            if m["end"] in _LIST_ENVS:
                self.depth = max(0, self.depth - 1)
            return m.end()
        if m["item"]:
            self._flush()
            self.kind = "list_item"
            end = m.end()
            if m["item"] == "bibitem" and self.body[end:end + 1] == "{":
                end = _group(self.body, end)[1]  # the citation key: no text
            elif m["label"]:
                self.unit.append(m["label"] + " ")
            return end
        if m["caption"] is not None:
            self._flush()
            arg, end = _group(self.body, m.end())
            self.unit.append(arg)
            self._flush()
            return end
        if m["display"]:
            close = "\\]" if m["display"] == "\\[" else "$$"
            end = self.body.find(close, m.end())
            return len(self.body) if end < 0 else end + len(close)
        self._flush()  # a blank line
        return m.end()

    def _begin(self, env: str, at: int) -> int:
        """An environment opening at ``at``: where reading goes on."""
        close = self.body.find(f"\\end{{{env}}}", at)
        end = len(self.body) if close < 0 else close + len(f"\\end{{{env}}}")
        content = self.body[at : len(self.body) if close < 0 else close]
        if env == "thebibliography":
            self._flush()
            self._heading(1, "References")
            self.body = self.body[:at] + re.sub(r"^\s*\{[^{}]*\}", "", content) + self.body[
                close if close >= 0 else len(self.body):]
            return at
        if _DROPPED_ENVS.match(env):
            return end  # display math in a paragraph: the paragraph goes on after it
        self._flush()
        if env in _CODE_ENVS:
            lines = code_lines(re.sub(r"^\s*\[[^\]]*\]", "", content).strip("\n"))
            if lines:
                self.blocks.append(Block("code", one_line(" ".join(lines)), self.outline.path,
                                         lines=lines))
            return end
        if _TABLE_ENVS.fullmatch(env):
            self._table(re.sub(r"^\s*(?:\[[^\]]*\])?\s*\{(?:[^{}]|\{[^{}]*\})*\}", "", content))
            return end
        if env == "abstract":
            self._heading(1, "Abstract")
        elif env in _LIST_ENVS:
            self.depth += 1
        return at

    def _heading(self, level: int, text: str) -> None:
        if text:
            self.blocks.append(Block("heading", text, self.outline.heading(level, text),
                                     level=level))

    def _table(self, content: str) -> None:
        rows = [[inline(cell) for cell in row.split("&")]
                for row in re.split(r"\\\\(?:\[[^\]]*\])?", content)]
        rows = [row for row in rows if any(row)]
        for n, row in enumerate(rows):
            self.blocks.append(Block("table_row", table_row_text(row, rows[0] if n else None),
                                     self.outline.path))

    def _flush(self) -> None:
        raw, self.unit = "".join(self.unit), []
        kind, self.kind = self.kind, "paragraph"
        notes: list[str] = []
        text = inline(_footnotes(raw, notes))
        if text:
            level = max(1, self.depth) if kind == "list_item" else 0
            self.blocks.append(Block(kind, text, self.outline.path, level=level))
        for note in notes:
            if note := inline(note):
                self.blocks.append(Block("paragraph", note, self.outline.path))


def _uncommented(text: str) -> str:
    """``text`` without its comments: a line that is one goes whole, joining nothing."""
    out = []
    for line in text.split("\n"):
        cut = re.search(r"(?<!\\)%", line)
        if cut is None:
            out.append(line)
        elif line[: cut.start()].strip():
            out.append(line[: cut.start()])
        # a line that is only a comment is no blank line: it parts no paragraphs
    return "\n".join(out)


def _group(text: str, at: int) -> tuple[str, int]:
    """The braced group opening at ``text[at]`` (its content) and the index past it; an
    unclosed one runs to the end."""
    if text[at : at + 1] != "{":
        return "", at
    depth = 0
    for i in range(at, len(text)):
        ch = text[i]
        if ch == "\\":
            continue
        if ch == "{" and text[i - 1 : i] != "\\":
            depth += 1
        elif ch == "}" and text[i - 1 : i] != "\\":
            depth -= 1
            if depth == 0:
                return text[at + 1 : i], i + 1
    return text[at + 1 :], len(text)


def _footnotes(text: str, notes: list[str]) -> str:
    """``text`` without its ``\\footnote{...}``s, whose texts go to ``notes``."""
    while (m := re.search(r"\\footnote\s*(?:\[[^\]]*\])?\s*(?=\{)", text)) is not None:
        note, end = _group(text, m.end())
        notes.append(note)
        text = text[: m.start()] + text[end:]
    return text


def inline(text: str) -> str:
    """LaTeX text as rendered, on one line: markup out, escapes, accents and ligature dashes
    read."""
    text = accented(_SILENT.sub("", text))
    text = re.sub(r"\\href\s*\{[^{}]*\}", "", text)  # \href{url}{text}: the text
    text = re.sub(r"(?<!\\)\$([^$]*)\$", r"\1", text)  # inline math: its formula's text
    text = re.sub(r"\\\((.*?)\\\)", r"\1", text, flags=re.S)
    text = text.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    text = re.sub(r"(?<!\\)~", " ", text)

    def command(m: re.Match[str]) -> str:
        word, space, symbol = m[1], m[2] or "", m[3]
        if symbol:  # a control symbol ("4.1\\% of") takes no space after it
            return _ESCAPES.get(symbol, "")
        # a control word that renders nothing takes the space after it ("\\noindent The")
        return _WORDS[word] + space if word in _WORDS else ""

    text = re.sub(r"\\(?:([A-Za-z]+)\*?([ \t])?|(.))", command, text, flags=re.S)
    # two arguments in a row are two words ("{Joe Gregorio}{joe@example.org}")
    text = re.sub(r"(?<!\\)\}\s*\{", " ", text)
    text = re.sub(r"[{}]", "", text)
    text = one_line(text)
    return re.sub(r"\s+([.,;:!?)])", r"\1", text).replace("( ", "(")


__all__ = ["inline", "looks_like_latex", "read_latex"]
