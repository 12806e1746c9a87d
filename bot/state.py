"""Per-chat and per-user state of a conversational channel: follow-up context, rate limits and
the updates already taken in.

The channels talk to ``ChatState``, a small async interface, so a store shared by several
replicas (``RedisState``, ``redis_state.py``) can replace ``MemoryState``, the in-process
default, without touching a handler. Times are passed in (seconds from any monotonic clock),
which keeps the logic testable; a shared store keeps time by its own clock instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

RATE_WINDOW = 60.0  # seconds: QABOT_RATE_LIMIT counts questions per minute
RECENT_UPDATES = 10_000  # update ids a process remembers, so that one sent twice is answered once
TAP_SECONDS = 30.0  # a button tapped again within this is a double tap: acted on once
INLINE_SECONDS = 10.0  # a user's newest inline query is remembered this long (it settles in 0.4)
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Turn:
    """The last question asked in a chat (already rewritten to stand on its own) and when."""

    question: str
    at: float


class ChatState(Protocol):
    """What a channel remembers between updates."""

    async def previous_question(self, chat_id: int, now: float) -> str | None:
        """The chat's last question, while it is recent enough to give a follow-up context."""

    async def remember_question(self, chat_id: int, question: str, now: float) -> None:
        """Record the chat's latest question."""

    async def answered_question(self, chat_id: int, message_id: int, now: float) -> str | None:
        """The question the bot's message ``message_id`` answered, while it is recent enough to
        give a follow-up context: a reply to that answer follows up on it, whoever has asked in
        the chat since."""

    async def remember_answer(self, chat_id: int, message_id: int, question: str,
                              now: float) -> None:
        """Record that the bot's message ``message_id`` answered ``question``."""

    async def take_question(self, user_id: int, now: float) -> bool:
        """Count one question for ``user_id``; ``False`` when the user is over the rate limit."""

    async def take_notice(self, user_id: int, now: float) -> bool:
        """Whether ``user_id`` may be sent a refusal or a "slow down" notice now: one per
        ``RATE_WINDOW``, so that refused messages cannot spend the bot's send budget."""

    async def first_delivery(self, update_id: int) -> bool:
        """Whether ``update_id`` is new (it is remembered either way). Telegram sends an update
        again when it saw no 200 in time: the copy must not be answered twice."""

    async def first_tap(self, chat_id: int, message_id: int, data: str, now: float) -> bool:
        """Whether this tap of button ``data`` under message ``message_id`` is the first within
        ``TAP_SECONDS`` (it is remembered either way): a double tap on "Quote" posts once."""

    async def note_inline(self, user_id: int, query_id: str, now: float) -> None:
        """Record ``query_id`` as ``user_id``'s newest inline query (a client sends one at each
        pause in typing)."""

    async def newest_inline(self, user_id: int, now: float) -> str | None:
        """The id of ``user_id``'s newest inline query within ``INLINE_SECONDS``, if known:
        only that one is answered, whichever replica got the others."""

    def status(self) -> str:
        """Where the state lives, and whether it is reachable (``/readyz`` shows it)."""

    async def start(self, on_snapshot: Callable[[], None]) -> None:
        """Begin background work (a shared store's notices); ``on_snapshot()`` is called when
        another process says a new index snapshot was published."""

    async def close(self) -> None:
        """End background work and release connections."""


class MemoryState:
    """``ChatState`` in this process's memory: follow-ups expire, rate limits slide per minute.

    ``rate_limit`` questions per user per ``RATE_WINDOW`` seconds (0: no limit); a chat's question
    gives context for ``followup_seconds`` (0: follow-ups off). Stale entries are dropped as they
    are met, and each table is swept of them when it grows past its bound: ``max_entries``, or
    twice what the last sweep kept, so that with more active users than that a sweep comes ever
    more rarely (O(1) amortised a question) and memory stays within twice the active users.
    """

    def __init__(self, rate_limit: int, followup_seconds: float, max_entries: int = 10_000):
        self.rate_limit = rate_limit
        self.followup_seconds = followup_seconds
        self.max_entries = max_entries
        self._turns: dict[int, Turn] = {}
        self._answers: dict[tuple[int, int], Turn] = {}  # (chat, message) -> its question
        self._asked: dict[int, deque[float]] = {}
        self._noticed: dict[int, float] = {}
        self._taps: dict[tuple[int, int, str], float] = {}
        self._inline: dict[int, tuple[str, float]] = {}  # user -> newest inline query, when
        self._recent: deque[int] = deque(maxlen=RECENT_UPDATES)
        self._recent_set: set[int] = set()
        self._bounds = {"turns": max_entries, "answers": max_entries, "asked": max_entries,
                        "noticed": max_entries, "taps": max_entries, "inline": max_entries}

    def _room(self, name: str, table: dict[K, V], fresh: Callable[[V], bool]) -> dict[K, V]:
        """``table``, swept of the entries that are not ``fresh`` once it has reached its bound;
        the bound is then ``max_entries`` or twice what was kept, whichever is more."""
        if len(table) < self._bounds[name]:
            return table
        kept = {k: v for k, v in table.items() if fresh(v)}
        self._bounds[name] = max(self.max_entries, 2 * len(kept))
        return kept

    async def previous_question(self, chat_id: int, now: float) -> str | None:
        return self._recent_turn(self._turns, chat_id, now)

    async def remember_question(self, chat_id: int, question: str, now: float) -> None:
        if self.followup_seconds > 0:
            self._turns = self._recorded("turns", self._turns, chat_id, Turn(question, now))

    async def answered_question(self, chat_id: int, message_id: int, now: float) -> str | None:
        return self._recent_turn(self._answers, (chat_id, message_id), now)

    async def remember_answer(self, chat_id: int, message_id: int, question: str,
                              now: float) -> None:
        if self.followup_seconds > 0:
            self._answers = self._recorded("answers", self._answers, (chat_id, message_id),
                                           Turn(question, now))

    def _recent_turn(self, table: dict[K, Turn], key: K, now: float) -> str | None:
        """The question ``table`` holds at ``key`` while it is recent enough for a follow-up
        (an older one is dropped), else ``None``."""
        turn = table.get(key)
        if turn is None:
            return None
        if now - turn.at > self.followup_seconds:
            del table[key]
            return None
        return turn.question

    def _recorded(self, name: str, table: dict[K, Turn], key: K, turn: Turn) -> dict[K, Turn]:
        """``table`` with ``turn`` at ``key``, swept first of the turns too old to follow up."""
        table = self._room(name, table, lambda t: turn.at - t.at <= self.followup_seconds)
        table[key] = turn
        return table

    async def take_question(self, user_id: int, now: float) -> bool:
        if self.rate_limit <= 0:
            return True
        self._asked = self._room("asked", self._asked, lambda q: now - q[-1] < RATE_WINDOW)
        asked = self._asked.setdefault(user_id, deque())
        while asked and now - asked[0] >= RATE_WINDOW:
            asked.popleft()
        if len(asked) >= self.rate_limit:
            return False
        asked.append(now)
        return True

    async def take_notice(self, user_id: int, now: float) -> bool:
        self._noticed, first = self._first("noticed", self._noticed, user_id, now, RATE_WINDOW)
        return first

    async def first_delivery(self, update_id: int) -> bool:
        """New among this process's last ``RECENT_UPDATES`` update ids."""
        if update_id in self._recent_set:
            return False
        if len(self._recent) == self._recent.maxlen:
            self._recent_set.discard(self._recent[0])
        self._recent.append(update_id)
        self._recent_set.add(update_id)
        return True

    async def first_tap(self, chat_id: int, message_id: int, data: str, now: float) -> bool:
        self._taps, first = self._first("taps", self._taps, (chat_id, message_id, data), now,
                                        TAP_SECONDS)
        return first

    async def note_inline(self, user_id: int, query_id: str, now: float) -> None:
        self._inline = self._room("inline", self._inline,
                                  lambda noted: now - noted[1] < INLINE_SECONDS)
        self._inline[user_id] = (query_id, now)

    async def newest_inline(self, user_id: int, now: float) -> str | None:
        noted = self._inline.get(user_id)
        return noted[0] if noted is not None and now - noted[1] < INLINE_SECONDS else None

    def _first(self, name: str, table: dict[K, float], key: K, now: float, seconds: float
               ) -> tuple[dict[K, float], bool]:
        """``table`` with ``key`` set to ``now`` (swept first of entries ``seconds`` old), and
        whether ``key`` was not already set within ``seconds`` (then ``table`` is unchanged)."""
        last = table.get(key)
        if last is not None and now - last < seconds:
            return table, False
        table = self._room(name, table, lambda t: now - t < seconds)
        table[key] = now
        return table, True

    def status(self) -> str:
        return "this process's memory"

    async def start(self, on_snapshot: Callable[[], None]) -> None:
        return None

    async def close(self) -> None:
        return None
