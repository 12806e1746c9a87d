"""A pseudo-terminal to run qabot on, as a user at a terminal does (POSIX only)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

from .conftest import ROOT


class Terminal:
    """``python -m bot ARGS`` with a pseudo-terminal for its stdin, stdout and stderr; as a
    context manager, ended (killed if still running) and closed on leaving."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.fd, child = os.openpty()
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env,
                                     stdin=child, stdout=child, stderr=child,
                                     start_new_session=True)
        os.close(child)
        self.seen, self.mark = b"", 0

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def read_until(self, text: str, timeout: float = 60.0) -> str:
        """What the terminal shows up to ``text`` shown after what was read up to before;
        fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while (end := self.seen.find(text.encode(), self.mark)) < 0:
            gone = not self._read(deadline - time.monotonic()) and self.proc.poll() is not None
            assert not gone and time.monotonic() < deadline, (
                f"no {text!r} in {self.seen[self.mark:]!r}")
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
        self.fd = -1
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
