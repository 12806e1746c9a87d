"""The Telegram bot's protections end to end: access control, rate limits, flood control and
network retries, the error handler, and the token kept out of logs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
import structlog
from structlog.testing import capture_logs
from telegram.error import TimedOut

from bot import logs
from retrieval import QAEngine

from .botapi_stub import BotAPIStub
from .evaldata import logging_restored
from .telegram_harness import TOKEN, FailingEngine, make_settings, running_bot

CSTO = "When was the CSTO formed?"
STRANGER, FRIEND, GROUP = 666, 7, -100123
REFUSED = "this bot is private"


@pytest.fixture
def api() -> Iterator[BotAPIStub]:
    with BotAPIStub(TOKEN) as stub:
        yield stub


def corpus_words(api: BotAPIStub) -> list[str]:
    """Everything the bot sent that could hold corpus text."""
    texts = [c.text for c in api.calls() if c.method in ("sendMessage", "editMessageText")]
    texts += [str(c.params) for c in api.calls() if c.method in ("answerInlineQuery",
                                                                 "answerCallbackQuery")]
    return [t for t in texts if "2002" in t or "CSTO" in t or "Putin" in t]


# --- access control -----------------------------------------------------------------------------


async def test_a_stranger_gets_a_one_line_refusal_and_nothing_from_the_corpus(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    settings = make_settings(api, allowed_users=[FRIEND])
    stranger, other = api.user(STRANGER), api.user(STRANGER + 1)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine, settings):
            api.push(api.inline_query(CSTO, user=stranger))
            inline = await api.wait_for("answerInlineQuery")
            api.push(api.callback({"message_id": 1, "date": 0, "chat": api.private(STRANGER + 1),
                                   "text": "x"}, "q:1:6:136:340", user=other))
            callback = await api.wait_for("answerCallbackQuery")
            # told once a minute at most: the rest of a flood is refused in silence
            for text in (CSTO, "/start", "/sources"):
                api.push(api.message(api.private(STRANGER), text, user=stranger))
            api.push(api.message(api.private(STRANGER + 2), CSTO, user=api.user(STRANGER + 2)))
            await api.wait_for("sendMessage")
            await api.drained()
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage", lambda c: c.chat_id == FRIEND)
    assert [r["title"] for r in inline.params["results"]] == ["Not available"]
    assert REFUSED in callback.params["text"] and callback.params["show_alert"] is True
    assert [c.text for c in api.calls("sendMessage") if c.chat_id != FRIEND] == [
        "Sorry, this bot is private: you are not on its list of allowed users or chats."]
    assert [c.chat_id for c in api.calls("sendMessage") if c.chat_id != FRIEND] == [STRANGER + 2]
    assert corpus_words(api) == [] or all(c.chat_id == FRIEND for c in api.calls("sendMessage")
                                          if "2002" in c.text)
    refusals = [e for e in events if e["event"] == "access_refused"]
    assert len(refusals) == 6  # every one refused and logged, told or not


async def test_allowed_users_and_chats_are_answered(api: BotAPIStub,
                                                    seeds_engine: QAEngine) -> None:
    settings = make_settings(api, allowed_users=[FRIEND], allowed_chats=[GROUP])
    async with running_bot(api, seeds_engine, settings):
        api.push(api.message(api.private(FRIEND), CSTO))
        api.push(api.message(api.group(GROUP), f"/ask {CSTO}", user=api.user(STRANGER)))
        await api.wait_for("sendMessage", count=2)
    assert all("2002" in c.text for c in api.calls("sendMessage"))


async def test_a_refused_group_stays_silent_unless_addressed(api: BotAPIStub,
                                                             seeds_engine: QAEngine) -> None:
    settings = make_settings(api, allowed_chats=[GROUP])
    async with running_bot(api, seeds_engine, settings):
        api.push(api.message(api.group(-100999), "chatting among ourselves",
                             user=api.user(STRANGER)))
        api.push(api.message(api.group(-100999), f"/ask {CSTO}", user=api.user(STRANGER)))
        await api.wait_for("sendMessage")
        await api.drained()
    assert [REFUSED in c.text for c in api.calls("sendMessage")] == [True]


# --- rate limits, flood control, network errors -------------------------------------------------


async def test_a_user_over_the_rate_limit_is_asked_to_slow_down(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    settings = make_settings(api, rate_limit=2)
    async with running_bot(api, seeds_engine, settings):
        for n in range(1, 3):
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage", count=n)
        api.push(api.inline_query(CSTO, user=api.user(FRIEND)))  # inline questions count too
        inline = await api.wait_for("answerInlineQuery")
        api.push(api.message(api.private(FRIEND), CSTO))  # told already this minute: silence
        await api.drained()
        api.push(api.message(api.private(8), CSTO))  # another user is not affected
        other = await api.wait_for("sendMessage", lambda c: c.chat_id == 8)
    assert [r["title"] for r in inline.params["results"]] == ["Can't answer that"]
    assert "faster than I can keep up (2 requests a minute)" in str(inline.params["results"])
    texts = [c.text for c in api.calls("sendMessage") if c.chat_id == FRIEND]
    assert ["2002" in t for t in texts] == [True, True]
    assert "2002" in other.text


async def test_refused_button_taps_and_inline_queries_are_all_answered(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """Told once a minute, a refused or rate-limited user's next taps and inline queries are
    still answered (empty): unanswered, the client spins until Telegram gives up."""
    settings = make_settings(api, allowed_users=[FRIEND], rate_limit=1)
    stranger = api.user(STRANGER)
    button = {"message_id": 1, "date": 0, "chat": api.private(STRANGER), "text": "x"}
    async with running_bot(api, seeds_engine, settings):
        taps = [api.push(api.callback(button, "v:1", user=stranger)) for _ in range(2)]
        asked = [api.push(api.inline_query(q, user=u)) for q in ("When was the CSTO",
                 CSTO, "When was the CSTO formed") for u in (stranger, api.user(FRIEND))]
        await api.drained()
    assert len(api.calls("answerCallbackQuery")) == len(taps)
    assert len(api.calls("answerInlineQuery")) == len(asked)


async def test_a_flood_over_the_rate_limit_is_told_to_slow_down_once(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    # 300 refused messages once took 300 replies from the send budget shared with everyone
    settings = make_settings(api, rate_limit=1)
    async with running_bot(api, seeds_engine, settings):
        for _ in range(30):
            api.push(api.message(api.private(FRIEND), CSTO))
        await api.wait_for("sendMessage", count=2)
        await api.drained()
        api.push(api.message(api.private(8), CSTO))
        await api.wait_for("sendMessage", lambda c: c.chat_id == 8)
    texts = sorted(c.text for c in api.calls("sendMessage") if c.chat_id == FRIEND)
    assert len(texts) == 2 and "faster than I can keep up" in texts[0] and "2002" in texts[1]


async def test_every_reply_counts_against_the_rate_limit_not_only_answers(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    # 30 stickers and 30 /help from one user got 60 replies, and 40 taps of one Quote button
    # 40 passages, out of the send budget every chat shares
    sticker = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1,
               "height": 1, "is_animated": False, "is_video": False}
    from .telegram_harness import buttons

    settings = make_settings(api, rate_limit=3)
    async with running_bot(api, seeds_engine, settings):
        api.push(api.message(api.private(FRIEND), CSTO))
        answer = await api.wait_for("sendMessage")
        quote = next(d for _, d in buttons(answer) if d.startswith("q:"))
        for _ in range(20):
            api.push(api.message(api.private(FRIEND), sticker=sticker))
            api.push(api.message(api.private(FRIEND), "/help"))
            api.push(api.callback(api.sent(answer), quote))
        await api.wait_for("answerCallbackQuery", count=20)
        await api.drained()
    sent = [c.text for c in api.calls("sendMessage") if c.chat_id == FRIEND]
    told = [c.params.get("text") or "" for c in api.calls("answerCallbackQuery")]
    # the answer, two more replies within the limit (3 a minute), and one "slow down" (as a
    # message, or on a button, whichever update came first over the limit)
    assert len(sent) <= 4
    assert sum("faster than I can keep up" in t for t in sent + told) == 1


@pytest.mark.parametrize("text", ["x" * 600, "/ask", "@qa_test_bot"])
async def test_too_long_and_empty_questions_count_against_the_rate_limit(
    api: BotAPIStub, seeds_engine: QAEngine, text: str
) -> None:
    # "too long" and "Ask me something" went out once per message, without limit
    settings = make_settings(api, rate_limit=3)
    async with running_bot(api, seeds_engine, settings):
        for _ in range(30):
            api.push(api.message(api.private(FRIEND), text))
        await api.drained()
    sent = [c.text for c in api.calls("sendMessage")]
    assert len(sent) == 4 and sum("faster than I can keep up" in t for t in sent) == 1


async def test_a_429_on_sending_is_waited_out_and_the_answer_arrives(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    api.fail("sendMessage", status=429, retry_after=1)
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.private(FRIEND), CSTO))
        delivered = await api.wait_for("sendMessage", lambda c: c.result.get("ok") is not False,
                                       timeout=15)
    first, second = api.calls("sendMessage")
    assert first.result["error_code"] == 429 and first.result["parameters"]["retry_after"] == 1
    assert second is delivered and "2002" in delivered.text


async def test_a_network_error_on_sending_is_retried(api: BotAPIStub,
                                                     seeds_engine: QAEngine) -> None:
    api.fail("sendMessage", status=502, times=2)
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.private(FRIEND), CSTO))
        await api.wait_for("sendMessage", count=3)
    assert [c.result.get("error_code") for c in api.calls("sendMessage")] == [502, 502, None]


async def test_a_send_that_timed_out_waiting_for_its_answer_is_not_repeated(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """The Bot API may have sent the message already: repeated, the user got it twice."""
    api.slow("sendMessage", 1.0)
    async with running_bot(api, seeds_engine) as app:
        with pytest.raises(TimedOut):
            await app.bot.send_message(FRIEND, "An answer", read_timeout=0.2)
    assert [c.text for c in api.calls("sendMessage")] == ["An answer"]


async def test_an_answer_that_timed_out_waiting_for_its_answer_is_sent_once_without_sorry(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """The same, end to end, past PTB's read timeout (5 s): one answer, and no "Sorry" after
    it (it most likely arrived)."""
    api.slow("sendMessage", 5.5)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage")
    assert len(api.calls("sendMessage")) == 1 and "2002" in api.calls("sendMessage")[0].text
    assert [e["event"] for e in events if e["log_level"] in ("warning", "error")] == [
        "reply_timed_out"]


async def test_retries_are_bounded(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    api.fail("sendMessage", status=502, times=100)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage", count=4)
            await api.drained()
    # 1 + 3 retries for the answer, then 1 + 3 for the error handler's apology.
    assert len(api.calls("sendMessage")) == 8
    assert [e["event"] for e in events if e["log_level"] == "error"] == ["update_failed"]


async def test_a_send_rate_of_zero_turns_the_limiter_off_but_keeps_retries(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    api.fail("sendMessage", status=502)
    settings = make_settings(api, send_rate=0)
    async with running_bot(api, seeds_engine, settings) as app:
        limiter = app.bot.rate_limiter
        api.push(api.message(api.private(FRIEND), CSTO))
        await api.wait_for("sendMessage", count=2)
    assert limiter is not None and limiter._base_limiter is None
    assert "2002" in api.calls("sendMessage")[1].text


async def test_a_send_rate_under_one_a_second_spaces_the_messages_out(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """QABOT_SEND_RATE=0.5 (a message every 2 s): PTB's limiter held no message under one a
    second, and every send, the "Sorry" after it too, failed with a ValueError."""
    settings = make_settings(api, send_rate=0.5)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine, settings):
            api.push(api.message(api.private(FRIEND), CSTO))
            api.push(api.message(api.private(FRIEND + 1), CSTO))
            first = await api.wait_for("sendMessage")
            started = asyncio.get_running_loop().time()
            await api.wait_for("sendMessage", count=2)
            waited = asyncio.get_running_loop().time() - started
    assert [("2002" in c.text) for c in api.calls("sendMessage")] == [True, True]
    assert "2002" in first.text and waited > 1.0  # the second one 2 s after the first
    assert [e["event"] for e in events if e["log_level"] == "error"] == []


# --- errors ---------------------------------------------------------------------------------------


async def test_an_error_is_logged_with_ids_the_user_is_told_and_the_bot_keeps_going(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    with capture_logs() as events:
        async with running_bot(api, FailingEngine(seeds_engine)):
            update_id = api.push(api.message(api.private(FRIEND), "boom"))
            sorry = await api.wait_for("sendMessage")
            api.push(api.message(api.private(FRIEND), CSTO))
            answer = await api.wait_for("sendMessage", count=2)
    assert sorry.text == "Sorry, something went wrong on my side. Please try again in a moment."
    assert "2002" in answer.text
    (failure,) = [e for e in events if e["event"] == "update_failed"]
    assert (failure["update_id"], failure["chat_id"], failure["user_id"]) == (update_id, FRIEND,
                                                                              FRIEND)
    assert failure["error"] == "RuntimeError"
    assert isinstance(failure["exc_info"], RuntimeError)


@pytest.mark.parametrize(("status", "description"), [
    (403, "Forbidden: bot was blocked by the user"),
    (403, "Forbidden: user is deactivated"),
    (403, "Forbidden: bot was kicked from the supergroup chat"),
    # a group's admins took the bot's right to post, a forum topic was closed, a basic group
    # the bot was removed from: Telegram says so with a 400
    (400, "Bad Request: not enough rights to send text messages to the chat"),
    (400, "Bad Request: TOPIC_CLOSED"),
    (400, "Bad Request: CHAT_WRITE_FORBIDDEN"),
    (400, "Bad Request: chat not found"),
])
async def test_a_chat_the_bot_may_not_write_to_is_one_line_and_no_sorry(
    api: BotAPIStub, seeds_engine: QAEngine, status: int, description: str
) -> None:
    """Users block the bot all the time: not an error with a traceback, and no "Sorry" to a
    chat that cannot be reached."""
    api.fail("sendMessage", status=status, description=description, times=5)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            update_id = api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage")
            await api.drained()
    assert len(api.calls("sendMessage")) == 1
    assert [e for e in events if e["log_level"] in ("warning", "error")] == []
    (line,) = [e for e in events if e["event"] == "chat_unreachable"]
    assert (line["update_id"], line["chat_id"]) == (update_id, FRIEND)
    assert line["reason"].lower() in description.lower()  # (PTB drops "Bad Request: ")
    assert "exc_info" not in line


async def test_a_failed_get_updates_is_a_warning_and_polling_goes_on(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """A proxy's 502, or a 409 while another instance still polls during a deploy: no update
    failed, so no update_failed with a traceback."""
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            api.fail("getUpdates", status=502, description="Bad Gateway")
            api.fail("getUpdates", status=409, description="Conflict: terminated by other "
                     "getUpdates request; make sure that only one bot instance is running")
            await api.wait_for("getUpdates", lambda c: c.result is not None, count=2)
            api.push(api.message(api.private(FRIEND), CSTO))
            answer = await api.wait_for("sendMessage")
    assert "2002" in answer.text
    retries = [e for e in events if e["event"] == "polling_retry"]
    assert [(e["log_level"], e["error"]) for e in retries] == [("warning", "NetworkError"),
                                                               ("warning", "Conflict")]
    assert not any("exc_info" in e for e in retries)
    assert [e for e in events if e["log_level"] == "error"] == []


async def test_the_token_never_reaches_the_logs(api: BotAPIStub, seeds_engine: QAEngine,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Logged at DEBUG (httpx logs every request URL, which holds the token), with an error
    whose message holds the token too."""
    settings = make_settings(api, log_level="DEBUG", log_format="json")
    with logging_restored():
        logs.configure(settings.log_format, settings.log_level, settings.secrets())
        api.fail("sendMessage", status=400, description=f"Bad Request: chat of bot{TOKEN} gone")
        async with running_bot(api, seeds_engine, settings):
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage", count=2)
            await api.drained()
        try:
            raise ValueError(f"https://api.telegram.org/bot{TOKEN}/getMe failed")
        except ValueError:  # a library logging a traceback that quotes the URL
            logging.getLogger("telegram.ext.Updater").exception("polling failed")
    err = capsys.readouterr().err
    assert "HTTP Request: POST" in err  # httpx did log the URLs ...
    assert "update_failed" in err and "Bad Request" in err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err  # ... without the token
    assert "[REDACTED]" in err
    assert "ValueError: https://api.telegram.org/bot[REDACTED]/getMe failed" in err


async def test_the_password_of_the_bot_api_url_never_reaches_the_logs(
        api: BotAPIStub, seeds_engine: QAEngine, capsys: pytest.CaptureFixture[str]) -> None:
    """A self-hosted Bot API server behind basic auth: ``http://user:PASSWORD@host/bot``.
    PTB (at start-up) and httpx (every request) log the URL at DEBUG, qabot's start-up line
    names it at INFO."""
    password = "hunter2Hunter2pw"
    url = api.base_url.replace("http://", f"http://qabot:{password}@")
    settings = make_settings(api, log_level="DEBUG", log_format="json").model_copy(
        update={"telegram_api_url": url})
    with logging_restored():
        logs.configure(settings.log_format, settings.log_level, settings.secrets())
        async with running_bot(api, seeds_engine, settings):
            api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage")
        structlog.get_logger().info("telegram_starting", api_url=settings.telegram_api_url)
    err = capsys.readouterr().err
    assert "HTTP Request: POST" in err  # httpx did log the URLs ...
    assert password not in err  # ... without the password
    assert f'"api_url": "http://qabot:[REDACTED]@127.0.0.1:{api.base_url.split(":")[2]}' in err


async def test_anonymous_admins_of_different_groups_do_not_share_a_rate_limit(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    # every anonymous admin of every group is @GroupAnonymousBot to Telegram
    anonymous = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                 "username": "GroupAnonymousBot"}
    settings = make_settings(api, rate_limit=3)
    a, b = api.group(-100111), api.group(-100222)
    async with running_bot(api, seeds_engine, settings):
        for _ in range(3):
            api.push(api.message(a, f"/ask {CSTO}", user=anonymous, sender_chat=a))
        await api.wait_for("sendMessage", count=3)
        api.push(api.message(b, f"/ask {CSTO}", user=anonymous, sender_chat=b))
        await api.wait_for("sendMessage", count=4)
        await api.drained()
    to_b = [c.text for c in api.calls("sendMessage") if c.chat_id == -100222]
    assert to_b and "2002" in to_b[0]  # answered, not told to slow down


async def test_an_allowed_group_upgraded_to_a_supergroup_is_logged_with_its_new_id(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    # the new id is refused until QABOT_ALLOWED_CHATS names it: said once, with the id to add
    old, new = -4012345678, -1004012345678
    settings = make_settings(api, allowed_chats=[old])
    with capture_logs() as events:
        async with running_bot(api, seeds_engine, settings):
            api.push(api.message(api.group(old, "group"), user=api.user(7),
                                 migrate_to_chat_id=new))
            api.push(api.message(api.group(new), user=api.user(7), migrate_from_chat_id=old))
            await api.drained()
    said = [e for e in events if e["event"] == "allowed_chat_migrated"]
    assert len(said) == 1 and said[0]["chat_id"] == old and said[0]["new_chat_id"] == new
    assert str(new) in said[0]["hint"] and not api.calls("sendMessage")


async def test_a_429_that_persists_is_given_up_after_bounded_retries_in_one_warning(
    api: BotAPIStub, seeds_engine: QAEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """The Bot API answering 429 to every try: the answer is tried 1 + 3 times, then given up
    with one warning; no traceback (PTB's limiter logged one, and so did the error handler),
    and no "Sorry", which went into the same flood limit four more times. The next question
    is answered once the limit has passed."""
    api.fail("sendMessage", status=429, retry_after=1, times=4)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            update_id = api.push(api.message(api.private(FRIEND), CSTO))
            await api.wait_for("sendMessage", count=4, timeout=15)
            await api.drained()
            api.push(api.message(api.private(FRIEND), CSTO))
            answer = await api.wait_for("sendMessage", count=5, timeout=15)
    assert [c.result.get("error_code") for c in api.calls("sendMessage")] == [429] * 4 + [None]
    assert "2002" in answer.text
    assert not any("Sorry" in c.text for c in api.calls("sendMessage"))
    (given_up,) = [e for e in events if e["log_level"] in ("warning", "error")]
    assert given_up["event"] == "reply_flood_limited" and given_up["update_id"] == update_id
    assert given_up["retry_after"] == 1 and "exc_info" not in given_up
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


async def test_a_429_asking_for_a_wait_past_a_minute_is_given_up_at_once(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """A bot that flooded Telegram is told to wait minutes or hours: waited out three times,
    one answer held its update (and a webhook's slot) for as long. Given up at once."""
    api.fail("sendMessage", status=429, retry_after=3600)
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.private(FRIEND), CSTO))
            async with asyncio.timeout(10):
                while not [e for e in events if e["event"] == "reply_flood_limited"]:
                    await asyncio.sleep(0.05)
    assert len(api.calls("sendMessage")) == 1


async def test_a_reply_to_a_group_upgraded_meanwhile_is_one_warning_and_no_sorry(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """A group Telegram upgrades to a supergroup while a question in it is answered: the old
    id takes no message (400 with ``migrate_to_chat_id``). One warning naming the new id, not
    an error with a traceback and a "Sorry" sent to the old id, which fails the same way."""
    old, new = -4012345678, -1004012345678
    api.fail("sendMessage", status=400, times=5, parameters={"migrate_to_chat_id": new},
             description="Bad Request: group chat was upgraded to a supergroup chat")
    with capture_logs() as events:
        async with running_bot(api, seeds_engine):
            update_id = api.push(api.message(api.group(old, "group"), f"/ask {CSTO}"))
            await api.wait_for("sendMessage")
            await api.drained()
    assert len(api.calls("sendMessage")) == 1
    assert [e for e in events if e["log_level"] == "error"] == []
    (line,) = [e for e in events if e["event"] == "chat_migrated"]
    assert (line["update_id"], line["chat_id"], line["new_chat_id"]) == (update_id, old, new)
    assert "exc_info" not in line
