"""``bot.state.MemoryState``: follow-up context that expires, and per-user rate limits."""

from __future__ import annotations

from bot.state import (
    INLINE_SECONDS,
    RATE_WINDOW,
    RECENT_UPDATES,
    TAP_SECONDS,
    ChatState,
    MemoryState,
)


def test_is_a_chat_state() -> None:
    state: ChatState = MemoryState(rate_limit=1, followup_seconds=1)
    assert state is not None


async def test_remembers_a_chats_question_until_it_expires() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=300)
    await state.remember_question(1, "What is the CSTO?", now=1000)
    assert await state.previous_question(1, now=1300) == "What is the CSTO?"
    assert await state.previous_question(2, now=1300) is None  # chats are separate
    assert await state.previous_question(1, now=1300.5) is None
    assert await state.previous_question(1, now=1000) is None  # and it is gone for good


async def test_remembers_the_question_each_answer_answered_until_it_expires() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=300)
    await state.remember_answer(1, 50, "What is the CSTO?", now=1000)
    await state.remember_answer(1, 51, "Who is Pashinyan?", now=1010)
    assert await state.answered_question(1, 50, now=1300) == "What is the CSTO?"
    assert await state.answered_question(1, 51, now=1300) == "Who is Pashinyan?"
    assert await state.answered_question(2, 50, now=1300) is None  # chats are separate
    assert await state.previous_question(1, now=1300) is None  # no question of the chat's
    assert await state.answered_question(1, 50, now=1300.5) is None
    assert await state.answered_question(1, 50, now=1000) is None  # and it is gone for good
    off = MemoryState(rate_limit=0, followup_seconds=0)
    await off.remember_answer(1, 50, "What is the CSTO?", now=0)
    assert await off.answered_question(1, 50, now=0) is None


async def test_the_latest_question_replaces_the_previous_one() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=300)
    await state.remember_question(1, "first", now=0)
    await state.remember_question(1, "second", now=10)
    assert await state.previous_question(1, now=305) == "second"


async def test_follow_ups_off_remembers_nothing() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=0)
    await state.remember_question(1, "What is the CSTO?", now=0)
    assert await state.previous_question(1, now=0) is None


async def test_the_rate_limit_slides_over_a_minute_per_user() -> None:
    state = MemoryState(rate_limit=3, followup_seconds=0)
    assert [await state.take_question(1, now=t) for t in (0, 10, 20, 30)] == [
        True, True, True, False]
    assert await state.take_question(2, now=30)  # another user has a budget of their own
    assert await state.take_question(1, now=RATE_WINDOW)  # the question at 0 has left the window
    assert not await state.take_question(1, now=RATE_WINDOW + 1)


async def test_a_rate_limit_of_zero_means_no_limit() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=0)
    assert all([await state.take_question(1, now=0) for _ in range(1000)])


async def test_memory_stays_bounded() -> None:
    state = MemoryState(rate_limit=5, followup_seconds=60, max_entries=100)
    for user in range(1000):
        await state.take_question(user, now=user * 10.0)
        await state.remember_question(user, "q", now=user * 10.0)
    assert len(state._asked) <= 100 and len(state._turns) <= 100
    assert await state.previous_question(999, now=9990) == "q"


async def test_one_notice_per_user_per_window() -> None:
    state = MemoryState(rate_limit=1, followup_seconds=0)
    assert await state.take_notice(1, 0.0)
    assert not await state.take_notice(1, 1.0) and not await state.take_notice(1, 59.0)
    assert await state.take_notice(2, 1.0)  # another user is told apart
    assert await state.take_notice(1, RATE_WINDOW + 0.5)


async def test_with_more_active_users_than_the_bound_sweeps_grow_rare() -> None:
    # 20,000 users active at once, bound 100: a sweep on every question once cost 3 ms each
    state = MemoryState(rate_limit=5, followup_seconds=300, max_entries=100)
    sweeps = []
    room = state._room

    def counting(name, table, fresh):  # a sweep returns a new table
        kept = room(name, table, fresh)
        if kept is not table:
            sweeps.append(name)
        return kept

    state._room = counting  # type: ignore[method-assign]
    for user in range(20_000):
        assert await state.take_question(user, 1.0)
        await state.remember_question(user, "q", 1.0)
    assert sweeps.count("asked") <= 10 and sweeps.count("turns") <= 10  # 100, 200, ... 12,800
    assert await state.previous_question(0, 2.0) == "q"  # nothing active was dropped
    assert not [u for u in range(0, 20_000, 997) if await state.take_question(u, 2.0) is False]


async def test_an_update_is_new_once_and_the_memory_of_them_is_bounded() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=0)
    assert await state.first_delivery(1) and not await state.first_delivery(1)
    for update_id in range(2, RECENT_UPDATES + 2):
        assert await state.first_delivery(update_id)
    assert len(state._recent_set) == RECENT_UPDATES
    assert await state.first_delivery(1)  # the oldest was forgotten
    assert not await state.first_delivery(RECENT_UPDATES + 1)


async def test_a_button_tapped_twice_in_a_row_is_acted_on_once_and_again_later() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=0, max_entries=4)
    assert await state.first_tap(1, 10, "q:a", now=0)
    assert not await state.first_tap(1, 10, "q:a", now=1)
    assert await state.first_tap(1, 10, "q:b", now=1)  # another button under the answer
    assert await state.first_tap(1, 11, "q:a", now=1)  # the same button under another answer
    assert await state.first_tap(2, 10, "q:a", now=1)  # ... in another chat
    assert await state.first_tap(1, 10, "q:a", now=TAP_SECONDS + 0.5)
    for i in range(20):  # the taps of long ago are swept, not kept forever
        await state.first_tap(3, i, "q:a", now=100 + TAP_SECONDS * i)
    assert len(state._taps) <= 8


async def test_a_users_newest_inline_query_is_known_for_a_while_and_users_are_apart() -> None:
    state = MemoryState(rate_limit=0, followup_seconds=0)  # (follow-ups off: inline is apart)
    await state.note_inline(1, "q1", now=0)
    await state.note_inline(1, "q2", now=0.1)
    await state.note_inline(2, "r1", now=0.2)
    assert await state.newest_inline(1, now=0.5) == "q2"
    assert await state.newest_inline(2, now=0.5) == "r1"
    assert await state.newest_inline(3, now=0.5) is None
    assert await state.newest_inline(1, now=0.1 + INLINE_SECONDS) is None  # forgotten
