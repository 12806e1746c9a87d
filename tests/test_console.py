"""The interactive console as a user meets it: ``qabot console`` on a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


class Terminal:
    """``python -m bot ARGS`` with a pseudo-terminal for its stdin, stdout and stderr."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.fd, child = os.openpty()
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env,
                                     stdin=child, stdout=child, stderr=child,
                                     start_new_session=True)
        os.close(child)
        self.seen, self.mark = b"", 0

    def read_until(self, text: str, timeout: float = 60.0) -> str:
        """What the terminal shows up to ``text`` shown after what was read up to before;
        fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while (end := self.seen.find(text.encode(), self.mark)) < 0:
            assert time.monotonic() < deadline, f"no {text!r} in {self.seen[self.mark:]!r}"
            self._read(deadline - time.monotonic())
        shown, self.mark = self.seen[self.mark:end + len(text)], end + len(text)
        return shown.decode()

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def finish(self, timeout: float = 60.0) -> int:
        """Read to the end; the exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass
        os.close(self.fd)
        return self.proc.wait(timeout)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # (EIO: the child closed the terminal)
            return False
        self.seen += chunk
        return bool(chunk)


@pytest.fixture
def terminal(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".*"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    env |= {"XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "dumb"}  # (history kept apart)
    return Terminal("console", "--corpus", str(corpus), env=env)


def test_ctrl_d_leaves_the_prompt_line_ended(terminal):
    """Ctrl-D left the shell's next prompt on the line of qabot's ("? $ ")."""
    assert "5 documents, 21 passages. Ask a question, or :help." in terminal.read_until("? ")
    terminal.send("When was the CSTO formed?\r")
    assert "2002" in terminal.read_until("Sources:")
    terminal.read_until("\r\n? ")  # (a Ctrl-D typed while it answers is lost by the terminal)
    terminal.send("\x04")
    assert terminal.finish() == 0
    assert terminal.seen.endswith(b"\r\n? \r\n")
