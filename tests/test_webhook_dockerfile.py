"""The Dockerfile, checked without a Docker engine: its shape, its HEALTHCHECK against a live
server, and its steps replayed in a fresh virtual environment.

The replay (``QABOT_DOCKERFILE_TEST=1 pytest tests/test_webhook_dockerfile.py``, about a
minute: it installs every dependency afresh) runs each instruction where Docker would, with the
image's ``/app`` mapped to a temporary folder: ``COPY`` copies from this checkout, ``ENV`` and
``ARG`` set the environment, ``RUN`` runs in bash with the fresh venv first on ``PATH``
(except ``useradd``, which would change this machine: as root, with setpriv, the rest of its
``RUN`` is for the image's uid, and the image's ``CMD`` runs as that uid). Then the ``CMD``
serves a stand-in Bot API on loopback: it must answer, pass the HEALTHCHECK, stop on SIGTERM
with 0, and write nothing under ``/app`` (the image's user cannot).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from retrieval import QAEngine

from .botapi_stub import BotAPIStub
from .conftest import ROOT
from .telegram_harness import TOKEN
from .test_webhook import SECRET, URL, numbered, running_webhook
from .test_webhook_cli import events, served

DOCKERFILE = ROOT / "Dockerfile"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


def instructions(text: str) -> list[Instruction]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")))
    return [Instruction(*line.strip().split(None, 1)) for line in joined.splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def steps() -> list[Instruction]:
    return instructions(DOCKERFILE.read_text())


def _index(steps: list[Instruction], keyword: str, contains: str = "") -> int:
    return next(i for i, s in enumerate(steps) if s.keyword == keyword and contains in s.args)


def test_the_image_is_slim_and_serves_the_webhook_as_an_unprivileged_user(
    steps: list[Instruction],
) -> None:
    assert steps[0].keyword == "FROM" and re.fullmatch(r"python:3\.1[1-9]-slim", steps[0].args)
    (user,) = [s.args for s in steps if s.keyword == "USER"]
    assert user not in ("root", "0")
    assert _index(steps, "RUN", "useradd --system --uid 10001 --no-create-home") < \
        _index(steps, "USER")
    assert json.loads(steps[-1].args) == ["qabot", "webhook"] and steps[-1].keyword == "CMD"


def test_dependencies_are_a_layer_of_their_own_before_the_code(steps: list[Instruction]) -> None:
    deps = _index(steps, "RUN", "pip install .")
    assert [s.args for s in steps[:deps] if s.keyword == "COPY"] == ["pyproject.toml ./"]
    assert deps < _index(steps, "COPY", "bot/") < _index(steps, "RUN", "pip install --no-deps")


def test_the_index_is_built_into_the_image_before_dropping_privileges(
    steps: list[Instruction],
) -> None:
    build = _index(steps, "RUN", "qabot index")
    assert _index(steps, "COPY", "corpus/") < build < _index(steps, "USER")
    env = " ".join(s.args for s in steps[:build] if s.keyword == "ENV")
    assert "QABOT_CORPUS_DIR=/app/corpus" in env and "QABOT_INDEX_DIR=/app/index" in env
    assert "QABOT_PORT" not in env  # a platform's PORT must win over a baked-in port


def test_the_search_kernel_is_compiled_at_build_time_into_a_cache_it_may_write(
    steps: list[Instruction],
) -> None:
    """numba will not load a cached kernel without a writable cache folder (search then falls
    back to numpy), and the unprivileged user cannot write to the code's own."""
    warm = _index(steps, "RUN", "search_compiled")
    assert _index(steps, "RUN", "qabot index") < warm < _index(steps, "USER")
    env = " ".join(s.args for s in steps[:warm] if s.keyword == "ENV")
    assert "NUMBA_CACHE_DIR=/app/numba-cache" in env
    assert "chown -R qabot /app/numba-cache" in steps[_index(steps, "RUN", "useradd")].args


def test_the_healthcheck_asks_healthz_without_curl(steps: list[Instruction]) -> None:
    check = steps[_index(steps, "HEALTHCHECK")].args
    command = json.loads(check.split(" CMD ", 1)[1])
    assert command[:2] == ["python", "-c"] and "/healthz" in command[2]
    assert "curl" not in check and "wget" not in check


def test_the_build_context_leaves_out_secrets_and_what_the_image_does_not_need() -> None:
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for pattern in (".env*", ".git", "tests", "**/.qabot-index", ".venv*"):
        assert pattern in ignored


def _healthcheck(steps: list[Instruction], env: dict[str, str]) -> int:
    check = steps[_index(steps, "HEALTHCHECK")].args
    _python, flag, code = json.loads(check.split(" CMD ", 1)[1])  # this Python, for the image's
    return subprocess.run([sys.executable, flag, code], env=env, capture_output=True,
                          timeout=30).returncode


async def test_the_healthcheck_passes_on_a_live_server_and_fails_without_one(
    steps: list[Instruction], seeds_engine: QAEngine,
) -> None:
    base = {k: v for k, v in os.environ.items() if k not in ("QABOT_PORT", "PORT")}
    with BotAPIStub(TOKEN) as api:
        async with running_webhook(api, lambda: seeds_engine) as server:
            port = str(server.client.base_url.port)
            by_qabot_port = await asyncio.to_thread(_healthcheck, steps,
                                                    base | {"QABOT_PORT": port})
            by_port = await asyncio.to_thread(_healthcheck, steps, base | {"PORT": port})
    down = await asyncio.to_thread(_healthcheck, steps, base | {"QABOT_PORT": port})
    assert (by_qabot_port, by_port) == (0, 0)
    assert down != 0


# --- the replay ---------------------------------------------------------------------------------


class Replay:
    """Runs Dockerfile instructions on this machine, ``/app`` mapped under ``root``. ``useradd``
    is not run (it would add a user to this machine); with ``user``, the commands after it in
    its ``RUN`` are, for that uid in place of the image's user."""

    def __init__(self, root: Path, venv_dir: Path, user: int | None = None) -> None:
        self.root = root
        self.user = user
        self.cwd = root
        self.args: dict[str, str] = {}
        self.env = {**os.environ, "PATH": f"{venv_dir / 'bin'}:{os.environ['PATH']}",
                    "VIRTUAL_ENV": str(venv_dir)}
        for name in list(self.env):
            if name.startswith("QABOT_") or name == "PORT":
                del self.env[name]
        self.cmd: list[str] = []
        self.healthcheck: list[str] = []

    def path(self, value: str) -> str:
        return re.sub(r"(?<![\w/])/app\b", str(self.root / "app"), value)

    def expand(self, value: str) -> str:
        return re.sub(r"\$\{(\w+)\}", lambda m: self.args.get(m.group(1), ""), value)

    def run(self, step: Instruction) -> None:
        keyword, args = step.keyword, self.expand(step.args)
        if keyword == "FROM":
            return
        if keyword == "ARG":
            name, _, default = args.partition("=")
            self.args[name] = default
        elif keyword == "ENV":
            for pair in shlex.split(args):
                name, _, value = pair.partition("=")
                self.env[name] = self.path(value)
        elif keyword == "WORKDIR":
            self.cwd = Path(self.path(args))
            self.cwd.mkdir(parents=True, exist_ok=True)
        elif keyword == "COPY":
            source, dest = args.split()
            target = self.cwd / dest
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, target, dirs_exist_ok=True, ignore=shutil.
                                ignore_patterns("__pycache__", "*.pyc", ".qabot-index"))
            else:
                if dest.endswith("/"):
                    target = target / Path(source).name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / source, target)
        elif keyword == "RUN":
            if args.startswith("useradd"):
                if self.user is None:
                    return  # would add a user to this machine
                args = re.sub(r"(?<![\w/-])qabot(?![\w/-])", str(self.user),
                              args.split("&&", 1)[1] if "&&" in args else "true")
            subprocess.run(["bash", "-euo", "pipefail", "-c", self.path(args)], cwd=self.cwd,
                           env=self.env, check=True, capture_output=True, timeout=600)
        elif keyword == "HEALTHCHECK":
            self.healthcheck = json.loads(args.split(" CMD ", 1)[1])
        elif keyword == "CMD":
            self.cmd = json.loads(args)
        elif keyword not in ("USER", "EXPOSE"):
            raise AssertionError(f"the replay does not know {keyword}")


IMAGE_UID = 10001  # the image's user (useradd --uid)


def _as_image_user() -> list[str]:
    """A command prefix that runs as the image's uid, which may write only what it owns, but
    reads every file (CAP_DAC_READ_SEARCH: this Python may sit in root's home folder)."""
    return ["setpriv", f"--reuid={IMAGE_UID}", f"--regid={IMAGE_UID}", "--clear-groups",
            "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]


def _can_switch_user() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(not _can_switch_user(),
                    reason="runs a process as another uid: needs root and setpriv")
def test_the_search_kernel_compiled_at_build_time_loads_as_the_images_user(
    tmp_path: Path, steps: list[Instruction],
) -> None:
    """The build compiles the kernel as root; the image's user must load it from the cache.
    numba takes no cache folder it cannot write, so a kernel folder left root's made the
    kernel unavailable (numpy search, 10x slower, ``search_kernel_unavailable``)."""
    replay = Replay(tmp_path, Path(sys.prefix), user=IMAGE_UID)
    for step in steps:  # the code copied; its dependencies are this environment's
        if step.keyword == "RUN" and ("pip install" in step.args
                                      or step.args.startswith("qabot")):
            continue  # (the kernel's step builds the index as it loads the corpus)
        replay.run(step)
    cache = Path(replay.env["NUMBA_CACHE_DIR"])
    compiled = _files(cache)
    assert any(name.endswith(".nbc") for name in compiled)
    probe = ("import retrieval.index as index; "
             f"assert index.__file__.startswith({str(replay.cwd)!r}), index.__file__; "
             "print(index._kernel() is not None)")
    loaded = subprocess.run([*_as_image_user(), sys.executable, "-c", probe], cwd=replay.cwd,
                            env=replay.env | {"HOME": str(tmp_path / "no-home")},
                            capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "True", loaded.stderr
    assert _files(cache) == compiled  # loaded as compiled at build time, not compiled again


def _files(root: Path) -> dict[str, tuple[int, float]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime)
            for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def replayed(tmp_path: Path, steps: list[Instruction]) -> Iterator[Replay]:
    venv_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(venv_dir)
    replay = Replay(tmp_path / "image", venv_dir, user=IMAGE_UID if _can_switch_user() else None)
    for step in steps:
        replay.run(step)
    yield replay


@pytest.mark.skipif(not os.environ.get("QABOT_DOCKERFILE_TEST"),
                    reason="installs every dependency afresh (a minute): "
                    "QABOT_DOCKERFILE_TEST=1 runs it")
async def test_the_dockerfile_steps_build_an_image_that_serves(replayed: Replay) -> None:
    app = replayed.root / "app"
    assert (app / "index").is_dir() and (app / "corpus").is_dir()
    before = _files(app)
    env = {**replayed.env, "QABOT_TELEGRAM_TOKEN": TOKEN, "QABOT_WEBHOOK_URL": URL,
           "QABOT_WEBHOOK_SECRET": SECRET, "QABOT_HOST": "127.0.0.1", "QABOT_PORT": "0",
           "QABOT_LOG_LEVEL": "DEBUG"}
    log = replayed.root / "server.log"
    with BotAPIStub(TOKEN) as api:
        env["QABOT_TELEGRAM_API_URL"] = api.base_url
        command = replayed.cmd if replayed.user is None else [*_as_image_user(), *replayed.cmd]
        async with served(command, env, app, log) as server:
            python, flag, code = replayed.healthcheck
            health = subprocess.run([shutil.which(python, path=env["PATH"]) or python, flag,
                                     code], env=env | {"QABOT_PORT": str(server.port)},
                                    timeout=30)
            posted = await server.post(numbered(api.message(api.private(7),
                                                            "When was the CSTO formed?")))
            answer = await api.wait_for("sendMessage", timeout=30)
            server.proc.send_signal(signal.SIGTERM)
            stopped = await asyncio.to_thread(server.proc.wait, 30)
    assert health.returncode == 0 and posted.status_code == 200 and stopped == 0
    assert "2002" in answer.text
    (ready,) = [e for e in events(log) if e["event"] == "engine_ready"]
    assert ready["built"] is False  # loaded the index the image holds, did not rebuild it
    assert _files(app) == before  # wrote nothing: the image's user could not have
