"""Usage errors of the ``qabot`` command: a bad command line or configuration, reported as one
line on stderr with exit code 2, and the settings it runs with (the environment's and .env's,
overridden by its flags), each bad one named as the user wrote it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .config import SECRET_SETTINGS, Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# The settings a command-line option sets, by the option
FLAGS = {"corpus_dir": "--corpus", "index_dir": "--index-dir", "top_k": "--top-k"}


class UsageError(Exception):
    """A bad command line or configuration: reported on stderr with exit code 2."""


def check(*checks: Callable[[], object]) -> None:
    """Run settings checks (``Settings.bot_token`` ...); a ``ValueError`` is a usage error."""
    for one in checks:
        try:
            one()
        except ValueError as exc:
            raise UsageError(str(exc)) from None


def load_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment and .env, with command-line overrides."""
    overrides: dict[str, object] = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index_dir", None):
        overrides["index_dir"] = Path(args.index_dir)
    if getattr(args, "top_k", None) is not None:
        overrides["top_k"] = args.top_k
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except UnicodeDecodeError as exc:  # (a .env saved as UTF-16 or Windows-1252)
        raise UsageError(f"invalid configuration: the .env file is not UTF-8 text "
                         f"({exc.reason} at byte {exc.start}): save it as UTF-8") from None
    except ValidationError as exc:
        problems = "; ".join(_setting_problem(e, overrides) for e in exc.errors())
        raise UsageError(f"invalid configuration: {problems}") from None


def _setting_problem(error: ErrorDetails, overrides: Mapping[str, object]) -> str:
    """One bad setting as the user wrote it, the option or variable and its value (a secret's
    never), then what is wrong: ``QABOT_TOP_K='abc': Input should be a valid integer ...`` or
    ``--top-k -3: ...``, not pydantic's field name (``top_k``), which names neither."""
    name, *inner = error["loc"] or ("settings",)
    field = str(name)
    value = str(error["input"])[:60]
    item = "".join(f"[{x}]" for x in inner)  # an item of a list (QABOT_ALLOWED_USERS[1])
    if field in overrides:
        where = f"{FLAGS.get(field, field)} {value}"
    elif field in SECRET_SETTINGS:
        where = f"QABOT_{field.upper()}"
    else:  # (a name that is no field is the alias the environment used: QABOT_PORT)
        where = f"{'QABOT_' + field.upper() if field in Settings.model_fields else field}{item}"
        where += f"={value!r}"
    return f"{where}: {error['msg'].removeprefix('Value error, ')}"
