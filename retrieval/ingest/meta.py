"""Metadata a text declares about itself: a YAML front matter (as Jekyll and Hugo write it),
and which declared addresses may become a source's URL."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEYS = {"title": "title", "url": "url", "link": "url", "permalink": "url",
               "publisher": "publisher", "site": "publisher", "source": "publisher",
               "date": "published", "published": "published", "lang": "lang",
               "language": "lang"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The metadata of a YAML front matter opening ``text`` (its plain ``key: value`` lines;
    lists and nested keys are passed over), and the text after it; ``({}, text)`` without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'").strip()
        if sep and not line[:1].isspace() and key in _FRONT_KEYS and value:
            meta.setdefault(_FRONT_KEYS[key], value)
    return meta, text[m.end() :]


def web_url(url: str) -> bool:
    """Only an http(s) address becomes a source's URL (a link in citations): not a local
    ``file:`` path a saved page may declare, nor a ``javascript:`` one."""
    return url.strip().lower().startswith(("http://", "https://"))


__all__ = ["front_matter", "web_url"]
