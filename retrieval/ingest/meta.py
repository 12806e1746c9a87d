"""Metadata a text declares about itself: a front matter (YAML between ``---`` lines, as Jekyll,
Hugo and pandoc write it; TOML between ``+++`` lines, Hugo's default), and which declared
addresses may become a source's URL."""

from __future__ import annotations

import re
import tomllib
from datetime import date

import yaml

# The opening line, then the lines up to the closing one: YAML's "---" (or "...", its end of
# document, as pandoc allows), TOML's "+++".
_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*\r?\n(?P<toml>.*?)\r?\n\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEYS = {"title": "title", "url": "url", "link": "url", "permalink": "url",
               "publisher": "publisher", "site": "publisher", "source": "publisher",
               "date": "published", "published": "published", "lang": "lang",
               "language": "lang"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The metadata of a front matter opening ``text`` (its keys of one value; lists and
    nested keys are passed over), and the text after it; ``({}, text)`` without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    declared = _yaml(m["yaml"]) if m["yaml"] is not None else _toml(m["toml"])
    meta: dict[str, str] = {}
    for key, value in declared.items():
        key = key.strip().lower()
        if isinstance(value, date):
            value = value.isoformat()
        if key in _FRONT_KEYS and isinstance(value, str | int | float) and str(value).strip():
            meta.setdefault(_FRONT_KEYS[key], " ".join(str(value).split()))
    return meta, text[m.end() :]


def _yaml(source: str) -> dict[str, object]:
    """A YAML front matter's keys, every value as written (block scalars ``>-`` and ``|``
    folded, quotes undone, comments gone; PyYAML's ``BaseLoader`` makes no dates or numbers of
    them); a front matter that is not valid YAML is read line by line."""
    try:
        declared = yaml.load(source, Loader=yaml.BaseLoader)  # strings, lists and dicts only
    except yaml.YAMLError:
        return _lines(source, ":")
    return {str(k): v for k, v in declared.items()} if isinstance(declared, dict) else {}


def _toml(source: str) -> dict[str, object]:
    """A TOML front matter's keys (a date as ISO 8601 writes it); one that is not valid TOML is
    read line by line."""
    try:
        return dict(tomllib.loads(source))
    except tomllib.TOMLDecodeError:
        return _lines(source, "=")


def _lines(source: str, separator: str) -> dict[str, object]:
    """The plain ``key: value`` (``key = value``) lines of a front matter no parser reads, quotes
    around a value undone; an indented line (a nested key, a list's item) is passed over."""
    declared: dict[str, object] = {}
    for line in source.splitlines():
        key, sep, value = line.partition(separator)
        if sep and not line[:1].isspace():
            declared.setdefault(key.strip(), value.strip().strip("\"'").strip())
    return declared


def web_url(url: str) -> bool:
    """Only an http(s) address becomes a source's URL (a link in citations): not a local
    ``file:`` path a saved page may declare, nor a ``javascript:`` one."""
    return url.strip().lower().startswith(("http://", "https://"))


__all__ = ["front_matter", "web_url"]
