"""Load figures of ``qabot webhook``: the real command, the stand-in Bot API, all on loopback.

    python benchmarks/webhook_load.py                       # the standard runs, a markdown table
    python benchmarks/webhook_load.py --only answer --concurrency 10 --updates 2000 --send-rate 0
    python benchmarks/webhook_load.py --only answer --servers 3 --redis   # replicas sharing Redis

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
the most ``sendMessage`` calls in any one-second window. With ``--redis`` (the *state* column)
a ``redis-server`` of its own runs on loopback for each run and every server shares it
(``QABOT_REDIS_URL``): follow-ups, rate limits, the duplicate check and the send budget.
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
from tests.redis_server import RedisServer, free_port  # noqa: E402

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "load-test-secret_0123456789"
MAX_UPDATES = 5000
QUESTIONS = [json.loads(line)["question"] for line in
             (ROOT / "tests" / "data" / "seed_questions.jsonl").read_text().splitlines()]
CHATTER = ["lol", "did anyone see the match yesterday?", "brb", "ok see you at 6",
           "Armenia and Azerbaijan again in the news", "👍", "who's bringing snacks?"]
# (mode, concurrency, updates, send rate, servers, redis): the runs of the standard table.
STANDARD = [
    ("answer", 1, 500, 0, 1, False), ("answer", 10, 2000, 0, 1, False),
    ("answer", 100, 3000, 0, 1, False),
    ("answer", 10, 2000, 0, 2, False), ("answer", 10, 2000, 0, 3, False),
    ("answer", 10, 2000, 0, 1, True), ("answer", 10, 2000, 0, 2, True),
    ("answer", 10, 2000, 0, 3, True),
    ("answer", 10, 300, 30, 1, False), ("answer", 10, 300, 30, 2, False),
    ("answer", 10, 300, 30, 2, True),
    ("chatter", 10, 5000, 0, 1, False), ("chatter", 100, 5000, 0, 1, False),
    ("chatter", 10, 5000, 0, 1, True),
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
        self.typing = 0  # "typing..." actions: the bot sends one when an answer takes 0.5 s

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        class KeptAlive(super()._handler_class()):  # type: ignore[misc]
            protocol_version = "HTTP/1.1"  # the stand-in always sends Content-Length
            disable_nagle_algorithm = True

        return KeptAlive

    def expect(self, chat_id: int) -> asyncio.Future[float]:
        self.waiting[chat_id] = future = self.loop.create_future()
        return future

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "sendChatAction":
            self.typing += 1
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
    replicas: int = 1
    redis: bool = False
    done: int = 0
    lost: int = 0
    seconds: float = 0.0
    latencies: list[float] | None = None
    peak_rss_mib: float = 0.0
    sent: int = 0
    max_per_second: int = 0
    typing: int = 0
    cpu: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def row(self) -> str:
        lat = sorted(self.latencies or [])
        p50 = f"{_pct(lat, 50) * 1000:.1f}" if lat else "-"
        p99 = f"{_pct(lat, 99) * 1000:.1f}" if lat else "-"
        limiter = "off" if self.send_rate == 0 else f"{self.send_rate:g}/s"
        rate = f"{self.max_per_second}" if self.send_rate else "-"
        state = "redis" if self.redis else "memory"
        return (f"| {self.mode} | {limiter} | {self.replicas} | {state} | {self.concurrency} | "
                f"{self.updates} | {self.done / self.seconds:.0f} | {p50} | {p99} | {self.lost} | "
                f"{rate} | {self.typing} | {self.peak_rss_mib:.0f} | "
                + " / ".join(f"{c:.2f}" for c in self.cpu) + " |")


HEADER = ("| run | limiter | servers | state | concurrency | updates | per second | p50 ms | "
          "p99 ms | lost | most sent in 1 s | typing | peak RSS MiB | CPU cores: servers / "
          "load+stand-in / other (Redis among them) |\n"
          "| --- | --- | ---: | --- |" + " ---: |" * 10)


def _pct(sorted_values: list[float], p: float) -> float:
    """The nearest-rank percentile."""
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


@dataclass
class Server:
    """One ``qabot webhook`` process and its port."""

    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    def peak_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    async def ready(self, client: httpx.AsyncClient) -> None:
        async with asyncio.timeout(60):
            while True:
                if self.proc.poll() is not None:
                    raise SystemExit("the server exited during start-up; see its log")
                try:
                    if (await client.get(self.url.replace("/telegram", "/readyz"))
                            ).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)

    async def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(self.proc.wait, 60)
        if code != 0:
            print(f"warning: a server exited with {code}", file=sys.stderr)


def start_server(api: BotAPIStub, send_rate: float, workdir: Path, log: Path,
                 redis_url: str | None = None) -> Server:
    port = free_port()  # (the server binds it a moment later)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QABOT_TELEGRAM_TOKEN": TOKEN,
           "QABOT_TELEGRAM_API_URL": api.base_url,
           "QABOT_WEBHOOK_URL": "https://bot.example.org/telegram",
           "QABOT_WEBHOOK_SECRET": SECRET, "QABOT_HOST": "127.0.0.1", "QABOT_PORT": str(port),
           "QABOT_SEND_RATE": str(send_rate), "QABOT_LOG_FORMAT": "json",
           "QABOT_LOG_LEVEL": "INFO", **({"QABOT_REDIS_URL": redis_url} if redis_url else {})}
    with log.open("ab") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "webhook", "--corpus", str(ROOT / "seeds"),
             "--index-dir", str(workdir / "index")],
            env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=err)
    return Server(proc, port)


class Poster:
    """A kept-alive HTTP/1.1 connection posting updates to one server, as Telegram's are posted:
    a few lines of asyncio streams, so that the generator costs far less CPU than the server
    it measures (httpx costs about as much per request as the server's whole route)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.head = ("POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                     "application/json\r\nX-Telegram-Bot-Api-Secret-Token: "
                     f"{SECRET}\r\nContent-Length: ").encode()

    async def post(self, body: bytes) -> int:
        """POST ``body``; the response's status (its body is read and dropped). A kept-alive
        connection the server has closed meanwhile (idle past its keep-alive timeout) is
        opened again and the post repeated, as an HTTP client does."""
        for attempt in (1, 2):
            fresh = self.streams is None
            if self.streams is None:
                self.streams = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                return await self._post(*self.streams, body)
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if fresh or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _post(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    body: bytes) -> int:
        if reader.at_eof() or writer.is_closing():
            raise ConnectionResetError("closed by the server")
        writer.write(self.head + str(len(body)).encode() + b"\r\n\r\n" + body)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)
        await reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


class CPU:
    """CPU time used during a run, in cores: the servers', this process's (generator and
    stand-in), and everything else on the machine (``/proc``, Linux)."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.start = self._read()

    @staticmethod
    def _busy() -> float:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    def _read(self) -> tuple[float, float, float, float]:
        servers = 0.0
        for pid in self.pids:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            servers += (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        me = os.times()
        return time.perf_counter(), self._busy(), servers, me.user + me.system

    def used(self) -> tuple[float, float, float]:
        """(servers, generator and stand-in, others), in cores on average since the start."""
        end = self._read()
        wall, busy, servers, me = (b - a for a, b in zip(self.start, end, strict=True))
        return servers / wall, me / wall, max(0.0, busy - servers - me) / wall


async def run(mode: str, concurrency: int, updates: int, send_rate: float, timeout: float,
              replicas: int = 1, log_dir: Path | None = None, redis: bool = False) -> Result:
    """One run (see the module docstring); ``replicas`` servers take the updates in turn, as
    behind a round-robin load balancer (sharing a Redis server of their own: ``redis``)."""
    result = Result(mode, concurrency, min(updates, MAX_UPDATES), send_rate, replicas, redis,
                    latencies=[])
    api = TimedStub(TOKEN, asyncio.get_running_loop())
    ids = itertools.count(1)
    servers: list[Server] = []

    def body(chat: int, text: str, private: bool) -> bytes:
        where = api.private(chat) if private else api.group(-chat)
        return json.dumps({"update_id": next(ids), **api.message(where, text)}).encode()

    async def one(i: int, posters: list[Poster]) -> None:
        chat = 10_000_000 + i
        answered = api.expect(chat) if mode == "answer" else None
        data = body(chat, QUESTIONS[i % len(QUESTIONS)], True) if answered else \
            body(chat, CHATTER[i % len(CHATTER)], False)
        posted = time.perf_counter()
        try:
            status = await posters[i % len(posters)].post(data)
            if status != 200:
                raise OSError(f"status {status}")
            done = await asyncio.wait_for(answered, timeout) if answered else time.perf_counter()
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            result.lost += 1
            return
        result.latencies.append(done - posted)  # type: ignore[union-attr]
        result.done += 1

    async def worker(jobs: Iterator[int]) -> None:
        posters = [Poster(s.port) for s in servers]
        try:
            for i in jobs:
                await one(i, posters)
        finally:
            for poster in posters:
                poster.close()

    shared = RedisServer() if redis else None
    with api, tempfile.TemporaryDirectory() as tmp:
        log = (log_dir or Path(tmp)) / "server.log"
        try:
            if shared is not None:
                shared.start()
            async with httpx.AsyncClient(timeout=timeout) as client:
                for _ in range(replicas):  # one after the other: the first builds the index
                    servers.append(start_server(api, send_rate, Path(tmp), log,
                                                shared.url if shared else None))
                    await servers[-1].ready(client)
            jobs = iter(range(result.updates))
            cpu = CPU([s.proc.pid for s in servers])
            started = time.perf_counter()
            await asyncio.gather(*(worker(jobs) for _ in range(concurrency)))
            result.seconds = time.perf_counter() - started
            result.cpu = cpu.used()
            if mode == "chatter":
                # A question after the chatter: its answer shows each server got through it.
                for r, server in enumerate(servers):
                    answered = api.expect(20_000_000 + r)
                    poster = Poster(server.port)
                    await poster.post(body(20_000_000 + r, QUESTIONS[0], True))
                    poster.close()
                    await asyncio.wait_for(answered, timeout)
                result.lost += len(api.sent_at) - len(servers)  # chatter is never answered
            result.sent = len(api.sent_at)
            result.typing = api.typing
            result.max_per_second = _most_in_a_second(sorted(api.sent_at))
            result.peak_rss_mib = max(s.peak_rss_mib() for s in servers)
        finally:
            await asyncio.gather(*(s.stop() for s in servers))
            if shared is not None:
                shared.kill()
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


def runs(args: argparse.Namespace) -> Iterator[tuple[str, int, int, float, int, bool]]:
    if args.only:
        yield args.only, args.concurrency, args.updates, args.send_rate, args.servers, args.redis
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
    parser.add_argument("--servers", type=int, default=1,
                        help="replicas taking the updates in turn (a round-robin balancer)")
    parser.add_argument("--redis", action="store_true",
                        help="the servers share a redis-server of their own (QABOT_REDIS_URL)")
    parser.add_argument("--log-dir", type=Path, help="keep the server's log (server.log) here")
    args = parser.parse_args()
    print(f"{dt.date.today().isoformat()}, {machine()}\n")
    print(HEADER, flush=True)
    for mode, concurrency, updates, send_rate, servers, redis in runs(args):
        result = asyncio.run(run(mode, concurrency, updates, send_rate, args.timeout, servers,
                                 args.log_dir, redis))
        print(result.row(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
