"""The interactive console: ask questions in a terminal, with readline history."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from retrieval.ingest.read import printable

from .intro import Corpus
from .render import counted, sources_text, to_text

HELP = """Type a question and press Enter. Commands:
  :help      this help
  :sources   the documents I answer from
  :quit      leave (Ctrl-D and Ctrl-C work too)"""


def history_file() -> Path:
    """Where the console keeps its readline history."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(Path.home(), ".local", "state")
    return Path(base) / "qabot" / "history"


def _setup_readline() -> Callable[[], None]:
    """Enable line editing and persistent history when readline is available."""
    try:
        import readline
    except ImportError:  # not on every platform; the console works without it
        return lambda: None
    path = history_file()
    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)

    def save() -> None:
        # the questions asked are the user's own: readable by them alone, as a shell's history
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.touch(mode=0o600, exist_ok=True)
            path.chmod(0o600)
            readline.write_history_file(path)
        except OSError:
            pass

    return save


# White space at either end of a line, invisible spaces too (a byte order mark, which a file of
# questions saved by Notepad opens with)
_ENDS = re.compile(r"^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$")


def asked(line: str) -> str:
    """A line typed or piped as a question, as the engine reads it, without a terminal's
    escape sequences, control characters and invisible spaces at its ends: "" for none. An
    arrow key pressed where no line editing reads it ("^[[A"), or a line of only a byte order
    mark, was asked, and answered "I couldn't find this in my sources"."""
    return _ENDS.sub("", printable(line))


def run(engine: Corpus, out: TextIO = sys.stdout, top_k: int | None = None,
        note: str = "", refresh: Callable[[], bool] | None = None) -> int:
    """Read questions until :quit, Ctrl-D or Ctrl-C; print each answer. Returns the exit code.
    ``note`` says which corpus it answers from, in the banner (on stderr when not a terminal).
    ``refresh``, called before each question and ``:sources``, takes up an index saved since
    (`qabot index`, `qabot index --watch` in another terminal) and says whether it did; the
    console then says so. Without it, a console left open quoted files removed since."""
    interactive = sys.stdin.isatty()
    notes = out if interactive else sys.stderr

    def take_up_changes() -> None:
        if refresh is not None and refresh():
            print(f"(the index was updated: {counted(engine.n_documents, 'document')}, "
                  f"{counted(engine.n_passages, 'passage')})", file=notes)

    save_history = _setup_readline() if interactive else (lambda: None)
    bold = out.isatty()
    if interactive:
        banner = f"{note + ', ' if note else ''}{counted(engine.n_documents, 'document')}"
        print(f"qabot: {banner}, {counted(engine.n_passages, 'passage')}. Ask a question, "
              "or :help.", file=out)
    elif note:
        print(f"qabot: {note}, {counted(engine.n_documents, 'document')}", file=sys.stderr)
    try:
        while True:
            try:
                line = input("? " if interactive else "")
            except EOFError:  # Ctrl-D: the shell's prompt on a line of its own, not after "? "
                if interactive:
                    print(file=out)
                break
            line = asked(line)
            if not line:
                continue
            if line in (":quit", ":q", ":exit"):
                break
            if line in (":help", ":h", "?"):
                print(HELP, file=out)
            elif line == ":sources":
                take_up_changes()
                print(sources_text(engine.sources()), file=out)
            elif line.startswith(":"):
                print(f"Unknown command {line!r}. Type :help for the commands.", file=out)
            else:
                take_up_changes()
                print(to_text(engine.ask(line, top_k=top_k), bold=bold), file=out)
            print(file=out)
    except KeyboardInterrupt:
        print(file=out)
    finally:
        save_history()
    return 0
