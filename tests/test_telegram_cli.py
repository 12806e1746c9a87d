"""``qabot telegram``: configuration errors, and the real command polling a stand-in Bot API."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.telegram import COMMANDS

from .botapi_stub import BotAPIStub, HeldMethod
from .conftest import ROOT, SEEDS
from .evaldata import logging_restored
from .telegram_harness import TOKEN


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No QABOT_* variables and no .env: a directory of its own; logging as it was after."""
    for name in list(os.environ):
        if name.startswith("QABOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    with logging_restored():
        yield tmp_path


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (None, "qabot: QABOT_TELEGRAM_TOKEN is not set: create a bot with @BotFather"),
        ("", "qabot: QABOT_TELEGRAM_TOKEN is not set"),
        ("123456:short", "qabot: QABOT_TELEGRAM_TOKEN does not look like a bot token"),
        (TOKEN + " extra", "qabot: QABOT_TELEGRAM_TOKEN does not look like a bot token"),
    ],
)
def test_a_missing_or_malformed_token_is_one_line_and_exit_code_2(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    token: str | None, message: str,
) -> None:
    if token is not None:
        monkeypatch.setenv("QABOT_TELEGRAM_TOKEN", token)
    assert main(["telegram", "--corpus", str(SEEDS)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert "short" not in err and "extra" not in err  # the bad value is not repeated


def test_a_token_telegram_rejects_is_one_line_and_exit_code_2(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with BotAPIStub("987654321:" + "B" * 35) as api:  # knows another bot's token: 401
        monkeypatch.setenv("QABOT_TELEGRAM_TOKEN", TOKEN)
        monkeypatch.setenv("QABOT_TELEGRAM_API_URL", api.base_url)
        code = main(["telegram", "--corpus", str(SEEDS), "--index-dir", str(clean_env / "i")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == ("qabot: Telegram rejected QABOT_TELEGRAM_TOKEN (revoked, or from another "
                   "bot?): copy the current one from @BotFather\n")
    assert api.tokens_seen == {TOKEN}


@pytest.mark.parametrize("method", ["getMe", "deleteWebhook"])
def test_a_flood_wait_at_start_up_is_one_line_and_exit_code_2(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    method: str
) -> None:
    """Telegram tells a bot restarted in a loop to wait (429 "retry after"), longer than the
    bot waits out: one line saying so, not a traceback and exit 1 (nor PTB's own ERROR and
    traceback before it, when the wait came while it deleted the webhook before polling)."""
    with BotAPIStub(TOKEN) as api:
        api.fail(method, status=429, retry_after=300)
        monkeypatch.setenv("QABOT_TELEGRAM_TOKEN", TOKEN)
        monkeypatch.setenv("QABOT_TELEGRAM_API_URL", api.base_url)
        code = main(["telegram", "--corpus", str(SEEDS), "--index-dir", str(clean_env / "i")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and "ERROR" not in err
    assert err.endswith(f"qabot: the Bot API at {api.base_url} asks the bot to wait 300 s before "
                        "its next request (flood control: was it restarted in a loop?): start it "
                        "again after that\n")


def test_a_malformed_allowed_list_is_a_configuration_error(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QABOT_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("QABOT_ALLOWED_USERS", "12, bob")
    assert main(["telegram"]) == 2
    assert capsys.readouterr().err == (
        "qabot: invalid configuration: QABOT_ALLOWED_USERS[1]='bob': Input should be a valid "
        "integer, unable to parse string as an integer\n")


@asynccontextmanager
async def polling(clean_env: Path, **env: str) -> AsyncIterator[tuple[BotAPIStub,
                                                                      subprocess.Popen[bytes]]]:
    """The real ``qabot telegram`` over the seeds, polling a stand-in Bot API, logging JSON at
    DEBUG to ``clean_env/stderr.log``; running once it has published its commands."""
    variables = {**os.environ, "QABOT_TELEGRAM_TOKEN": TOKEN, "QABOT_LOG_LEVEL": "DEBUG",
                 "QABOT_LOG_FORMAT": "json", "PYTHONPATH": str(ROOT), **env}
    with BotAPIStub(TOKEN) as api, (clean_env / "stderr.log").open("w") as err:
        variables["QABOT_TELEGRAM_API_URL"] = api.base_url
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "telegram", "--corpus", str(SEEDS),
             "--index-dir", str(clean_env / "index")],
            env=variables, cwd=clean_env, stdout=subprocess.DEVNULL, stderr=err,
        )
        try:
            await api.wait_for("setMyCommands", timeout=60)
            yield api, proc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def logged(clean_env: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (clean_env / "stderr.log").read_text().splitlines()
            if line.startswith("{")]


async def test_qabot_telegram_polls_answers_and_stops_cleanly_on_sigterm(clean_env: Path) -> None:
    """The real command: loads the index, logs one start-up event, publishes the commands,
    answers, and exits 0 on SIGTERM (SIGINT takes the same path: both are PTB stop signals).
    Logged at DEBUG, the token never shows."""
    async with polling(clean_env) as (api, proc):
        api.push(api.message(api.private(7), "When was the CSTO formed?"))
        answer = await api.wait_for("sendMessage", timeout=30)
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(proc.wait, 30)
    assert "2002" in answer.text
    assert code == 0
    log = (clean_env / "stderr.log").read_text()
    events = logged(clean_env)
    (started,) = [e for e in events if e["event"] == "telegram_starting"]
    assert started["documents"] == 5 and started["load_seconds"] >= 0
    assert started["bot"] == "qa_test_bot" and started["api_url"] == api.base_url
    assert events[-1]["event"] == "telegram_stopped"
    assert "Traceback" not in log
    assert "HTTP Request: POST" in log  # httpx logged every URL ...
    assert TOKEN.split(":")[1] not in log  # ... with the token scrubbed


async def test_a_sighup_while_starting_up_does_not_end_the_bot(clean_env: Path) -> None:
    """SIGHUP re-reads the corpus once the bot runs; sent earlier (here: the index loaded,
    getMe on its way), its default action ended the process."""
    env = {**os.environ, "QABOT_TELEGRAM_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
    with HeldGetMe(TOKEN) as api:
        env["QABOT_TELEGRAM_API_URL"] = api.base_url
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "telegram", "--corpus", str(SEEDS),
             "--index-dir", str(clean_env / "index")],
            env=env, cwd=clean_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert await asyncio.to_thread(api.arrived.wait, 60)
            proc.send_signal(signal.SIGHUP)
            await asyncio.sleep(0.5)
            api.release.set()
            api.push(api.message(api.private(7), "When was the CSTO formed?"))
            answer = await api.wait_for("sendMessage", timeout=30)
            proc.send_signal(signal.SIGTERM)
            code = await asyncio.to_thread(proc.wait, 30)
        finally:
            api.release.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert "2002" in answer.text
    assert code == 0


class HeldGetMe(HeldMethod):
    """``getMe`` held: a bot still starting up."""

    method = "getMe"


async def test_sigterm_with_answers_queued_behind_the_group_limit_stops_within_the_grace(
        clean_env: Path) -> None:
    """24 questions in one group, which the bot may send 20 messages a minute (answers and
    "typing" actions alike): at least four answers wait a minute or more. SIGTERM once some
    have gone out: the bot gives the rest QABOT_SHUTDOWN_GRACE (1 s), drops those still
    waiting with one log line, and exits 0."""
    async with polling(clean_env, QABOT_SHUTDOWN_GRACE="1", QABOT_RATE_LIMIT="0") as (api, proc):
        for i in range(24):
            api.push(api.message(api.group(-100123), "@qa_test_bot When was the CSTO formed?",
                                 user=api.user(7 + i)))
        await api.wait_for("sendMessage", count=5, timeout=30)
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(proc.wait, 30)
    assert code == 0
    events = logged(clean_env)
    (dropped,) = [e for e in events if e["event"] == "shutdown_dropped"]
    assert dropped["updates"] == 24 - len(api.calls("sendMessage")) > 0
    assert events[-1]["event"] == "telegram_stopped"
    assert "Traceback" not in (clean_env / "stderr.log").read_text()


def test_the_readme_lists_the_commands_for_botfather() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```text\n(start - .*?)```", readme, re.S)
    assert block is not None, "the README has no BotFather command list"
    assert block.group(1).splitlines() == [f"{c.command} - {c.description}" for c in COMMANDS]
