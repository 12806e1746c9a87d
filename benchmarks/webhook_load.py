"""Load figures of ``qabot webhook``: the real command, the stand-in Bot API, all on loopback.

    python benchmarks/webhook_load.py                       # the standard runs, a markdown table
    python benchmarks/webhook_load.py --only answer --concurrency 10 --updates 2000 --send-rate 0

The server runs as its own process (``python -m bot webhook`` over the seeds corpus, JSON logs
at INFO to a file); this process holds the stand-in Bot API (``tests/botapi_stub.py``) and the
load generator. Each of ``concurrency`` workers posts an update to the webhook, as Telegram
would (secret header, JSON body), and waits for its outcome before posting the next one:

- ``answer``: a question in a private chat (a chat and user of its own, so the per-user rate
  limit never applies); its outcome is the ``sendMessage`` that answers it, at the stand-in.
  Throughput counts those answers per second; latency runs from the POST to that
  ``sendMessage``.
- ``chatter``: a message in a group that does not address the bot: the server takes it in
  (200) and drops it. Its outcome is the 200; nothing may be sent. One question ends the run,
  so that its answer shows every update before it was taken off the queue.

A run is bounded (at most ``MAX_UPDATES``) and stops by itself; an update with no outcome
within ``--timeout`` seconds is counted lost. Peak RSS is the server's ``VmHWM``. With the
send limiter on (the default ``QABOT_SEND_RATE`` of 30), the report adds the outgoing rate:
the most ``sendMessage`` calls in any one-second window.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from tests.botapi_stub import BotAPIStub  # noqa: E402 (after the path set-up above)

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "load-test-secret_0123456789"
MAX_UPDATES = 5000
QUESTIONS = [json.loads(line)["question"] for line in
             (ROOT / "tests" / "data" / "seed_questions.jsonl").read_text().splitlines()]
CHATTER = ["lol", "did anyone see the match yesterday?", "brb", "ok see you at 6",
           "Armenia and Azerbaijan again in the news", "👍", "who's bringing snacks?"]
# (mode, concurrency, updates, send rate): the runs of the standard table.
STANDARD = [
    ("answer", 1, 500, 0), ("answer", 10, 2000, 0), ("answer", 100, 3000, 0),
    ("answer", 10, 300, 30),
    ("chatter", 10, 5000, 0), ("chatter", 100, 5000, 0),
]


class TimedStub(BotAPIStub):
    """The stand-in Bot API, noting when each ``sendMessage`` arrives, by chat; and serving as
    Telegram does, over kept-alive HTTP/1.1 connections without Nagle's delay and with a
    listen backlog for many connections (the tests' stand-in closes every connection, which
    caps it near 250 requests a second, and its backlog of 5 drops connections under load)."""

    def __init__(self, token: str, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(token)
        self._server.socket.listen(1024)  # again, with a longer queue
        self.loop = loop
        self.waiting: dict[int, asyncio.Future[float]] = {}
        self.sent_at: list[float] = []

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        class KeptAlive(super()._handler_class()):  # type: ignore[misc]
            protocol_version = "HTTP/1.1"  # the stand-in always sends Content-Length
            disable_nagle_algorithm = True

        return KeptAlive

    def expect(self, chat_id: int) -> asyncio.Future[float]:
        self.waiting[chat_id] = future = self.loop.create_future()
        return future

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "sendMessage":
            now = time.perf_counter()
            self.sent_at.append(now)
            future = self.waiting.get(int(params.get("chat_id") or 0))
            if future is not None:
                self.loop.call_soon_threadsafe(_settle, future, now)
        return super()._result(method, params)


def _settle(future: asyncio.Future[float], at: float) -> None:
    if not future.done():
        future.set_result(at)


@dataclass
class Result:
    mode: str
    concurrency: int
    updates: int
    send_rate: float
    done: int = 0
    lost: int = 0
    seconds: float = 0.0
    latencies: list[float] | None = None
    peak_rss_mib: float = 0.0
    sent: int = 0
    max_per_second: int = 0
    errors: int = 0

    def row(self) -> str:
        lat = sorted(self.latencies or [])
        p50 = f"{_pct(lat, 50) * 1000:.1f}" if lat else "-"
        p99 = f"{_pct(lat, 99) * 1000:.1f}" if lat else "-"
        limiter = "off" if self.send_rate == 0 else f"{self.send_rate:g}/s"
        rate = f"{self.max_per_second}" if self.send_rate else "-"
        return (f"| {self.mode} | {limiter} | {self.concurrency} | {self.updates} | "
                f"{self.done / self.seconds:.0f} | {p50} | {p99} | {self.lost} | {rate} | "
                f"{self.peak_rss_mib:.0f} |")


HEADER = ("| run | limiter | concurrency | updates | per second | p50 ms | p99 ms | lost | "
          "most sent in 1 s | server peak RSS MiB |\n"
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


def _pct(sorted_values: list[float], p: float) -> float:
    """The nearest-rank percentile."""
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(api: BotAPIStub, send_rate: float, workdir: Path,
                 log_dir: Path | None) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QABOT_TELEGRAM_TOKEN": TOKEN,
           "QABOT_TELEGRAM_API_URL": api.base_url,
           "QABOT_WEBHOOK_URL": "https://bot.example.org/telegram",
           "QABOT_WEBHOOK_SECRET": SECRET, "QABOT_HOST": "127.0.0.1", "QABOT_PORT": str(port),
           "QABOT_SEND_RATE": str(send_rate), "QABOT_LOG_FORMAT": "json",
           "QABOT_LOG_LEVEL": "INFO"}
    log = ((log_dir or workdir) / "server.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "webhook", "--corpus", str(ROOT / "seeds"),
         "--index-dir", str(workdir / "index")],
        env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=log)
    return proc, port


async def wait_ready(client: httpx.AsyncClient, proc: subprocess.Popen[bytes]) -> None:
    async with asyncio.timeout(60):
        while True:
            if proc.poll() is not None:
                raise SystemExit("the server exited during start-up; see its log")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def run(mode: str, concurrency: int, updates: int, send_rate: float,
              timeout: float, log_dir: Path | None = None) -> Result:
    updates = min(updates, MAX_UPDATES)
    result = Result(mode, concurrency, updates, send_rate, latencies=[])
    loop = asyncio.get_running_loop()
    with TimedStub(TOKEN, loop) as api, tempfile.TemporaryDirectory() as tmp:
        proc, port = start_server(api, send_rate, Path(tmp), log_dir)
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits,
                                         timeout=timeout) as client:
                await wait_ready(client, proc)
                headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET,
                           "Content-Type": "application/json"}
                jobs = iter(range(updates))
                ids = itertools.count(1)
                started = time.perf_counter()

                async def worker() -> None:
                    for i in jobs:
                        await one(i)

                async def one(i: int) -> None:
                    chat = 10_000_000 + i
                    if mode == "answer":
                        body = api.message(api.private(chat), QUESTIONS[i % len(QUESTIONS)])
                        answered = api.expect(chat)
                    else:
                        body = api.message(api.group(-chat), CHATTER[i % len(CHATTER)])
                    data = json.dumps({"update_id": next(ids), **body}).encode()
                    posted = time.perf_counter()
                    try:
                        response = await client.post("/telegram", content=data, headers=headers)
                    except httpx.TransportError:
                        result.errors += 1
                        result.lost += 1
                        return
                    if response.status_code != 200:
                        result.errors += 1
                        result.lost += 1
                        return
                    if mode == "answer":
                        try:
                            at = await asyncio.wait_for(answered, timeout)
                        except TimeoutError:
                            result.lost += 1
                            return
                        result.latencies.append(at - posted)  # type: ignore[union-attr]
                    else:
                        result.latencies.append(time.perf_counter() - posted)  # type: ignore[union-attr]
                    result.done += 1

                await asyncio.gather(*(worker() for _ in range(concurrency)))
                if mode == "chatter":
                    # One question after the chatter: its answer shows the queue was worked through.
                    result.seconds = time.perf_counter() - started
                    last = 20_000_000
                    answered = api.expect(last)
                    body = api.message(api.private(last), QUESTIONS[0])
                    await client.post("/telegram", headers=headers,
                                      content=json.dumps({"update_id": next(ids), **body}))
                    await asyncio.wait_for(answered, timeout)
                    result.sent = len(api.calls("sendMessage")) - 1  # must be 0
                    if result.sent:
                        result.lost += result.sent  # a chatter message was answered: wrong
                else:
                    result.seconds = time.perf_counter() - started
                    result.sent = len(api.calls("sendMessage"))
                result.peak_rss_mib = peak_rss_mib(proc.pid)
                result.max_per_second = _most_in_a_second(sorted(api.sent_at))
        finally:
            proc.send_signal(signal.SIGTERM)
            code = await asyncio.to_thread(proc.wait, 60)
            if code != 0:
                print(f"warning: the server exited with {code}", file=sys.stderr)
    return result


def _most_in_a_second(times: list[float]) -> int:
    most, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def runs(args: argparse.Namespace) -> Iterator[tuple[str, int, int, float]]:
    if args.only:
        yield args.only, args.concurrency, args.updates, args.send_rate
    else:
        yield from STANDARD


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("answer", "chatter"),
                        help="one run of this kind instead of the standard table")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--updates", type=int, default=1000,
                        help=f"updates to post (at most {MAX_UPDATES})")
    parser.add_argument("--send-rate", type=float, default=0,
                        help="QABOT_SEND_RATE of the server (0: limiter off; 30: Telegram's)")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds an update may take before it is counted lost")
    parser.add_argument("--log-dir", type=Path, help="keep the server's log (server.log) here")
    args = parser.parse_args()
    print(f"{dt.date.today().isoformat()}, {machine()}\n")
    print(HEADER, flush=True)
    for mode, concurrency, updates, send_rate in runs(args):
        result = asyncio.run(run(mode, concurrency, updates, send_rate, args.timeout,
                                 args.log_dir))
        print(result.row(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
