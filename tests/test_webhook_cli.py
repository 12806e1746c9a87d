"""``qabot webhook``: configuration errors, and the real command serving a stand-in Bot API,
stopped by SIGTERM while an answer is on its way."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.cli import main
from bot.webhook import listen

from .botapi_stub import BotAPIStub, HeldMethod
from .conftest import ROOT, SEEDS
from .telegram_harness import TOKEN
from .test_telegram_cli import clean_env  # noqa: F401 (a fixture)
from .test_webhook import SECRET, URL, numbered

WEBHOOK_ENV = {"QABOT_TELEGRAM_TOKEN": TOKEN, "QABOT_WEBHOOK_URL": URL,
               "QABOT_WEBHOOK_SECRET": SECRET}


@pytest.fixture
def webhook_env(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    for name, value in WEBHOOK_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("QABOT_HOST", "127.0.0.1")
    monkeypatch.setenv("QABOT_PORT", "0")
    return clean_env


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("QABOT_WEBHOOK_SECRET", None, "QABOT_WEBHOOK_SECRET is not set: choose a random string"),
        ("QABOT_WEBHOOK_SECRET", "", "QABOT_WEBHOOK_SECRET is not set"),
        ("QABOT_WEBHOOK_SECRET", "has space", "QABOT_WEBHOOK_SECRET must be 1-256 characters"),
        ("QABOT_WEBHOOK_SECRET", "é" * 8, "QABOT_WEBHOOK_SECRET must be 1-256 characters"),
        ("QABOT_WEBHOOK_SECRET", "a" * 257, "QABOT_WEBHOOK_SECRET must be 1-256 characters"),
        ("QABOT_WEBHOOK_SECRET", "Z", "QABOT_WEBHOOK_SECRET must be at least 16 characters"),
        ("QABOT_WEBHOOK_URL", None, "QABOT_WEBHOOK_URL is not set: give the public https URL"),
        ("QABOT_WEBHOOK_URL", "http://bot.example.org/telegram",
         "QABOT_WEBHOOK_URL must be an https:// URL with a host"),
        ("QABOT_WEBHOOK_URL", "https:///telegram", "QABOT_WEBHOOK_URL must be an https:// URL"),
        ("QABOT_WEBHOOK_PATH", "telegram", "qabot: invalid configuration: "
         "QABOT_WEBHOOK_PATH='telegram': must be a path such as /telegram"),
        ("QABOT_WEBHOOK_PATH", "/healthz", "qabot: invalid configuration: "
         "QABOT_WEBHOOK_PATH='/healthz': /healthz is one of the server's own routes"),
        ("QABOT_PORT", "70000", "qabot: invalid configuration: QABOT_PORT='70000': Input "
         "should be less than or equal to 65535"),
        ("QABOT_TELEGRAM_TOKEN", None, "qabot: QABOT_TELEGRAM_TOKEN is not set"),
        ("QABOT_REDIS_URL", "redis://:pw-secret@cache:63a9/0", "qabot: invalid configuration: "
         "QABOT_REDIS_URL: must be a URL such as redis://localhost:6379/0 (schemes: "
         "redis, rediss, unix): Port could not be cast to integer value as '63a9'"),
        # an option only rediss:// takes was a traceback and exit 1 at start; a database that
        # is no number was database 0
        ("QABOT_REDIS_URL", "redis://:pw-secret@cache:6379/0?ssl_cert_reqs=none",
         "QABOT_REDIS_URL: must be a URL such as redis://localhost:6379/0 (schemes: "
         "redis, rediss, unix): redis:// takes no option 'ssl_cert_reqs'"),
        ("QABOT_REDIS_URL", "rediss://:pw-secret@cache:6379/0?ssl_cert_reqs=bogus",
         "QABOT_REDIS_URL: must be a URL such as redis://localhost:6379/0 (schemes: "
         "redis, rediss, unix): Invalid SSL Certificate Requirements Flag: bogus"),
        ("QABOT_REDIS_URL", "redis://:pw-secret@cache:6379/notadb", "QABOT_REDIS_URL: "
         "must be a URL such as redis://localhost:6379/0 (schemes: redis, rediss, unix): the "
         "database after the host must be a number such as /0, not /notadb"),
    ],
)
def test_a_missing_or_bad_setting_is_one_line_and_exit_code_2(
    webhook_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    variable: str, value: str | None, message: str,
) -> None:
    if value is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, value)
    assert main(["webhook", "--corpus", str(SEEDS)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert message in err and err.startswith("qabot: ")
    if variable == "QABOT_WEBHOOK_SECRET" and value:
        assert value not in err  # a secret, even a bad one, is not repeated
    assert "pw-secret" not in err


def test_a_port_in_use_is_one_line_and_exit_code_2(
    webhook_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setenv("QABOT_PORT", str(taken.getsockname()[1]))
        assert main(["webhook", "--corpus", str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qabot: cannot listen on 127.0.0.1:") and err.count("\n") == 1
    assert "set QABOT_HOST and QABOT_PORT" in err


def test_a_token_telegram_rejects_is_one_line_and_exit_code_2(
    webhook_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with BotAPIStub("987654321:" + "B" * 35) as api:  # knows another bot's token: 401
        monkeypatch.setenv("QABOT_TELEGRAM_API_URL", api.base_url)
        code = main(["webhook", "--corpus", str(SEEDS), "--index-dir", str(webhook_env / "i")])
    *logged, last = capsys.readouterr().err.splitlines()
    assert code == 2
    assert last.startswith("qabot: Telegram rejected QABOT_TELEGRAM_TOKEN")
    assert all("[info" in line for line in logged)  # before it, only start-up log events


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("setWebhook", f"qabot: Telegram refused QABOT_WEBHOOK_URL {URL} (Bad webhook: webhook "
         "can be set up only on ports 80, 88, 443 or 8443): give a public https:// URL"),
        ("setMyCommands", "qabot: the Bot API at http://127.0.0.1:{port}/bot refused a "
         "start-up request: Bad webhook: webhook can be set up only on ports 80, 88, 443 or "
         "8443"),
    ],
)
def test_a_request_telegram_refuses_at_start_is_said_in_its_words_and_exit_code_2(
    webhook_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    method: str, expected: str,
) -> None:
    """A 400 is a NetworkError to PTB: it was "cannot reach the Bot API ... check the
    network", which sent the operator after the network when Telegram had said what to fix."""
    with BotAPIStub(TOKEN) as api:
        api.fail(method, 400, "Bad Request: bad webhook: Webhook can be set up only on ports "
                 "80, 88, 443 or 8443")
        monkeypatch.setenv("QABOT_TELEGRAM_API_URL", api.base_url)
        code = main(["webhook", "--corpus", str(SEEDS), "--index-dir", str(webhook_env / "i")])
        port = api.base_url.split(":")[2].split("/")[0]
    *logged, last = capsys.readouterr().err.splitlines()
    assert code == 2
    assert last.startswith(expected.format(port=port))
    assert "Traceback" not in "\n".join(logged)


def test_listen_gives_a_non_blocking_tcp_socket() -> None:
    """Named TCP (asyncio then sets TCP_NODELAY on each connection) and non-blocking."""
    with listen("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        assert not sock.getblocking()
        assert sock.getsockname()[1] > 0


class HeldReplies(HeldMethod):
    """``sendMessage`` held: an answer on its way."""

    method = "sendMessage"


def events(log: Path) -> list[dict[str, Any]]:
    """The JSON log events written to ``log`` so far."""
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


async def _logged(log: Path, event: str, proc: subprocess.Popen[bytes]) -> dict[str, Any]:
    """The first ``event`` in ``log``, once the process has written it."""
    async with asyncio.timeout(60):
        while True:
            found = [e for e in events(log) if e["event"] == event]
            if found:
                return found[0]
            assert proc.poll() is None, f"the server exited: {log.read_text()}"
            await asyncio.sleep(0.02)


@dataclass
class Served:
    """A ``qabot webhook`` process, ready, and a client for its port."""

    proc: subprocess.Popen[bytes]
    port: int
    client: httpx.AsyncClient

    async def post(self, update: dict[str, Any]) -> httpx.Response:
        return await self.client.post("/telegram", json=update,
                                      headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})


@asynccontextmanager
async def served(command: list[str], env: dict[str, str], cwd: Path, log: Path,
                 open_files: int | None = None) -> AsyncIterator[Served]:
    """Run ``command`` (``qabot webhook`` on ``QABOT_PORT=0``, logging JSON to ``log``; with
    at most ``open_files`` files open, when given) until it is ready; kill it on the way out
    if it is still running."""

    def limited() -> None:
        if open_files is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

    with log.open("w") as err:
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=err, preexec_fn=limited)
        try:
            port = (await _logged(log, "webhook_listening", proc))["port"]
            await _logged(log, "webhook_ready", proc)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                yield Served(proc, port, client)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


async def test_qabot_webhook_serves_and_a_sigterm_lets_the_answer_in_progress_finish(
    clean_env: Path,  # noqa: F811
) -> None:
    """The real command: listens, loads the index, sets the webhook, answers a posted update;
    SIGTERM while the answer is being sent: the server stops taking connections, the answer
    still arrives, the process exits 0 and leaves the webhook set. Neither the token nor the
    secret is ever logged (at DEBUG, with httpx logging every URL)."""
    stderr = clean_env / "stderr.log"
    env = {**os.environ, **WEBHOOK_ENV, "QABOT_HOST": "127.0.0.1", "QABOT_PORT": "0",
           "QABOT_LOG_LEVEL": "DEBUG", "QABOT_LOG_FORMAT": "json", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "bot", "webhook", "--corpus", str(SEEDS),
               "--index-dir", str(clean_env / "index")]
    api = HeldReplies(TOKEN)
    with api:
        env["QABOT_TELEGRAM_API_URL"] = api.base_url
        try:
            async with served(command, env, clean_env, stderr) as server:
                update = numbered(api.message(api.private(7), "When was the CSTO formed?"))
                posted = await server.post(update)
                assert await asyncio.to_thread(api.arrived.wait, 30)
                server.proc.send_signal(signal.SIGTERM)
                with pytest.raises(httpx.TransportError):
                    while True:  # until the server has closed its socket
                        await server.client.get("/healthz")
                        await asyncio.sleep(0.02)
                assert server.proc.poll() is None  # still finishing the answer
                api.release.set()
                code = await asyncio.to_thread(server.proc.wait, 30)
        finally:
            api.release.set()
    assert posted.status_code == 200
    assert code == 0
    (answer,) = api.calls("sendMessage")
    assert "2002" in answer.text
    (hook,) = api.calls("setWebhook")
    assert hook.params["url"] == URL and hook.params["secret_token"] == SECRET
    assert not api.calls("deleteWebhook")
    log, logged = stderr.read_text(), events(stderr)
    assert logged[-1]["event"] == "webhook_stopped"
    (loaded,) = [e for e in logged if e["event"] == "webhook_loaded"]
    assert loaded["documents"] == 5 and loaded["load_seconds"] >= 0
    (ready,) = [e for e in logged if e["event"] == "webhook_ready"]
    assert ready["bot"] == "qa_test_bot" and ready["url"] == URL
    access = [e for e in logged if e["event"] == "http_request" and e["path"] == "/telegram"]
    assert [(e["status"], e["update_id"]) for e in access] == [(200, update["update_id"])]
    assert "Traceback" not in log
    assert "HTTP Request: POST" in log  # httpx logged every URL ...
    assert TOKEN.split(":")[1] not in log and SECRET not in log  # ... with secrets scrubbed


async def test_at_the_open_files_limit_the_server_logs_one_line_and_recovers(
    clean_env: Path,  # noqa: F811
) -> None:
    """A process allowed 160 open files, offered 400 connections at once: every accept() past
    the limit used to log a traceback (one a second, for as long as the flood lasts). Now the
    limit is said at start-up, the failures are one accept_failed line (a minute at most), the
    idle connections are closed after QABOT_WEBHOOK_HEAD_TIMEOUT, and the server answers again
    once they are gone."""
    stderr = clean_env / "stderr.log"
    env = {**os.environ, **WEBHOOK_ENV, "QABOT_HOST": "127.0.0.1", "QABOT_PORT": "0",
           "QABOT_LOG_FORMAT": "json", "QABOT_WEBHOOK_HEAD_TIMEOUT": "1",
           "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "bot", "webhook", "--corpus", str(SEEDS),
               "--index-dir", str(clean_env / "index")]
    with BotAPIStub(TOKEN) as api:
        env["QABOT_TELEGRAM_API_URL"] = api.base_url
        async with served(command, env, clean_env, stderr, open_files=160) as server:
            flood = []
            try:
                for _ in range(400):
                    flood.append(socket.create_connection(("127.0.0.1", server.port)))
                await _logged(stderr, "accept_failed", server.proc)
            finally:
                for conn in flood:
                    conn.close()
            async with asyncio.timeout(30):
                while True:  # the server takes connections again
                    try:
                        if (await server.client.get("/healthz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.2)
            assert server.proc.poll() is None
    logged = events(stderr)
    (low,) = [e for e in logged if e["event"] == "open_files_limit_low"]
    assert low["limit"] == 160 and low["connections"] == 1000
    failed = [e for e in logged if e["event"] == "accept_failed"]
    assert len(failed) == 1 and failed[0]["failures"] == 1
    assert "Too many open files" in failed[0]["error"]
    assert "Traceback" not in stderr.read_text()
