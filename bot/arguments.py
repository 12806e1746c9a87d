"""The ``qabot`` command's argument parser, and what the bot commands' ``--help`` says of
the settings they read (from the fields of ``Settings``: their names, defaults and words)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, NoReturn

from pydantic import AliasChoices
from pydantic.fields import FieldInfo

from .config import Settings

# How wide the help's lists of settings are (argparse's own text is wrapped to the terminal)
HELP_WIDTH = 79


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose error about a word that starts with "-" and is none of its
    options (a file named "-procps-bugs", taken for an option) says how to pass it as a name:
    after "--", as in ``qabot show -- -procps-bugs``."""

    _given: list[str]  # the words it parses (set by each parse)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None
                         ) -> tuple[argparse.Namespace, list[str]]:
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        given = self._given[:self._given.index("--")] if "--" in self._given else self._given
        command = self._command(given)
        takes_name = any(not a.option_strings for a in command._actions)
        dashed = [a for a in given if a.startswith("-") and not a.startswith("--") and len(a) > 1
                  and a not in command._option_string_actions
                  and not command._negative_number_matcher.match(a)]
        if dashed and takes_name and ("unrecognized" in message or "are required" in message):
            message += (f" (a name that starts with '-' goes after '--': "
                        f"{command.prog} -- {dashed[0]})")
        super().error(message)

    def _command(self, given: list[str]) -> argparse.ArgumentParser:
        """The parser of the command ``given`` runs (this one when it is no command's)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return next((action.choices[a] for a in given if a in action.choices), self)
        return self


def _extra(field: FieldInfo) -> dict[str, Any]:
    extra = field.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def _default(field: FieldInfo) -> str:
    value = field.get_default(call_default_factory=True)
    if value is None or value == []:
        return "(unset)" if value is None else "(empty)"
    return str(value).lower() if isinstance(value, bool) else str(value)


def settings_help(command: str) -> str:
    """What ``qabot COMMAND --help`` says of the settings only the bot commands read: those
    it cannot start without, with their descriptions, then the others with their defaults
    (``config.used_by`` says which command reads which)."""
    prefix = Settings.model_config.get("env_prefix", "")
    needed, optional = [], []
    for name, field in Settings.model_fields.items():
        extra = _extra(field)
        if command not in extra.get("commands", ()):
            continue
        variable = (prefix + name).upper()
        if isinstance(field.validation_alias, AliasChoices):  # QABOT_PORT, or PORT
            variable = "/".join(c for c in field.validation_alias.choices
                                   if isinstance(c, str) and c.isupper())
        if extra.get("needed"):
            needed.append(f"  {variable}: {field.description or ''}")
        else:
            optional.append(f"{variable}={_default(field)}")
    lines = [textwrap.fill("settings (QABOT_* environment variables, or lines of a .env file "
                           "in the folder it runs in; .env.example describes each):",
                           HELP_WIDTH)]
    if needed:
        lines += ["needed:", *(textwrap.fill(n, HELP_WIDTH, subsequent_indent="    ")
                               for n in needed)]
    if optional:
        lines += ["optional, with their defaults:",
                  textwrap.fill("  ".join(optional), HELP_WIDTH, initial_indent="  ",
                                subsequent_indent="  ", break_on_hyphens=False)]
    return "\n".join(lines)
