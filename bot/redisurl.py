"""A Redis URL (``QABOT_REDIS_URL``) checked when the settings are read: what redis-py would
refuse when the bot first connects, or quietly ignore, said at once, in words that name the
part and never the password.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

# What QABOT_REDIS_URL may be (redis-py's from_url): TCP, TLS, a Unix socket.
REDIS_SCHEMES = frozenset({"redis", "rediss", "unix"})


def checked(url: str) -> str:
    """``url`` when redis-py can connect with it as written; else ``ValueError`` saying what
    is wrong with it (without repeating it)."""
    parts = urlsplit(url)
    usage = ("must be a URL such as redis://localhost:6379/0 (schemes: "
             f"{', '.join(sorted(REDIS_SCHEMES))})")
    if parts.scheme not in REDIS_SCHEMES or not (parts.hostname or parts.path):
        raise ValueError(usage)
    problem = _problem(url, parts.scheme, parts.path)
    if problem:
        raise ValueError(f"{usage}: {problem}")
    return url


def _problem(url: str, scheme: str, path: str) -> str | None:
    """What redis-py would refuse in a Redis URL when the bot first connects, or ignore, said
    now (``None``: nothing): a port or an option value it cannot read, a database that is no
    number (redis-py quietly used 0 for ``/notadb``), an option its connection does not take
    (``ssl_cert_reqs`` on ``redis://`` was a traceback at start). Its words name the part,
    never the password."""
    # only now: redis-py takes 0.1 s to import
    from redis.asyncio.connection import Connection, parse_url
    from redis.exceptions import RedisError

    try:
        options = parse_url(url)  # what redis-py will make of it: a port, a database, options
    except ValueError as exc:
        return str(exc)
    database = unquote(path).replace("/", "")
    if scheme != "unix" and database and not database.isdecimal():
        return f"the database after the host must be a number such as /0, not /{database}"
    kwargs: dict[str, Any] = dict(options)  # (typed as the options of redis-py's own parse)
    connection: Callable[..., object] = kwargs.pop("connection_class", Connection)
    try:
        connection(**kwargs)  # made, not connected: it checks its options
    except TypeError as exc:
        unknown = re.search(r"argument '(\w+)'", str(exc))
        return (f"{scheme}:// takes no option {unknown[1]!r}" if unknown
                else f"an option is not one {scheme}:// takes ({exc})")
    except (RedisError, ValueError) as exc:
        return str(exc)
    return None


__all__ = ["REDIS_SCHEMES", "checked"]
