"""The interactive console as a user meets it: ``qabot console`` on a real pseudo-terminal."""

from __future__ import annotations

import os
import shutil

import pytest

from .conftest import SEEDS
from .terminal import Terminal

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


@pytest.fixture
def state(tmp_path):
    return tmp_path / "state"


@pytest.fixture
def corpus(tmp_path):
    return tmp_path / "corpus"


@pytest.fixture
def terminal(corpus, state):
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".*"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    env |= {"XDG_STATE_HOME": str(state), "TERM": "dumb"}  # (history kept apart)
    with Terminal("console", "--corpus", str(corpus), env=env) as terminal:
        yield terminal


def test_ctrl_d_leaves_the_prompt_line_ended(terminal):
    """Ctrl-D left the shell's next prompt on the line of qabot's ("? $ ")."""
    assert "5 documents, 21 passages. Ask a question, or :help." in terminal.read_until("? ")
    terminal.send("When was the CSTO formed?\r")
    assert "2002" in terminal.read_until("Sources:")
    terminal.read_until("\r\n? ")  # (a Ctrl-D typed while it answers is lost by the terminal)
    terminal.send("\x04")
    assert terminal.finish() == 0
    assert terminal.seen.endswith(b"\r\n? \r\n")


def test_the_history_of_questions_is_readable_by_its_user_alone(terminal, state):
    """The history file was written with the umask's mode (0644): anyone on the machine could
    read the questions asked."""
    terminal.read_until("? ")
    terminal.send("When was the CSTO formed?\r")
    terminal.read_until("Sources:")
    terminal.read_until("\r\n? ")
    terminal.send(":quit\r")
    assert terminal.finish() == 0
    history = state / "qabot" / "history"
    assert "CSTO" in history.read_text(encoding="utf-8")
    assert history.stat().st_mode & 0o777 == 0o600
    assert history.parent.stat().st_mode & 0o777 == 0o700


def test_a_console_left_open_answers_from_the_index_saved_since(terminal, corpus):
    """The console answered from the index it started with for as long as it ran: a document
    removed and `qabot index` run in another terminal (or `qabot index --watch`), it went on
    quoting the removed file; one added was never found."""
    from retrieval import QAEngine

    terminal.read_until("? ")
    terminal.send("What is the quarterly budget of the zebra project?\r")
    assert "couldn't find" in terminal.read_until("\r\n? ")
    (corpus / "zebra.txt").write_text("Team notes. The quarterly budget of the zebra project is "
                                      "4000 euros, approved by the board in March.\n")
    QAEngine.from_directory(corpus, rebuild=True)  # what `qabot index` does: a new snapshot
    terminal.send("What is the quarterly budget of the zebra project?\r")
    shown = terminal.read_until("\r\n? ")
    assert "the index was updated: 6 documents" in shown
    assert "4000 euros" in shown and "[zebra]" in shown
    (corpus / "zebra.txt").unlink()
    QAEngine.from_directory(corpus, rebuild=True)
    terminal.send("What is the quarterly budget of the zebra project?\r")
    shown = terminal.read_until("\r\n? ")
    assert "4000 euros" not in shown and "couldn't find" in shown
    terminal.send(":quit\r")
    assert terminal.finish() == 0
