"""The Telegram conversation end to end: the real PTB client polling a stand-in Bot API on
loopback (``botapi_stub``), the real engine over the seeds corpus."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any, TypeVar

import pytest
from structlog.testing import capture_logs

from bot.engines import LiveEngine, Loaded
from bot.intro import Corpus, introduce
from bot.telegram import COMMANDS
from retrieval import Answer, ComposerConfig, QAEngine
from retrieval.followup import rewrite

from .botapi_stub import BotAPIStub, Call
from .conftest import SEEDS
from .telegram_harness import (
    TOKEN,
    SlowEngine,
    buttons,
    first_reply,
    make_settings,
    running_bot,
)

GROUP = -100123
T = TypeVar("T")
CSTO = "When was the CSTO formed?"


@pytest.fixture
def api() -> Iterator[BotAPIStub]:
    with BotAPIStub(TOKEN) as stub:
        yield stub


# --- start-up and commands ---------------------------------------------------------------------


async def test_publishes_the_commands_menu_at_start_up(api: BotAPIStub,
                                                       seeds_engine: QAEngine) -> None:
    async with running_bot(api, seeds_engine):
        call = await api.wait_for("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [c.command for c in COMMANDS]
    assert api.tokens_seen == {TOKEN}


async def test_a_commands_menu_flood_limited_at_start_up_is_a_warning_and_the_bot_answers(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """Telegram tells a bot restarted in a loop to wait minutes before setMyCommands again:
    the bot stopped at start with a traceback (and its restart met the same limit)."""
    api.fail("setMyCommands", status=429, retry_after=300)
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.private(7), CSTO))
            answer = await api.wait_for("sendMessage")
    assert "2002" in answer.text
    (line,) = [e for e in logs if e["event"] == "commands_not_set"]
    assert line["log_level"] == "warning" and "exc_info" not in line
    assert not [e for e in logs if e["log_level"] == "error"]


async def test_start_describes_the_corpus_and_suggests_questions(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    text = await first_reply(api, seeds_engine, "/start")
    assert "my 5 documents" in text
    assert seeds_engine.sources()[1].title in text
    examples = introduce(seeds_engine).examples
    assert examples and all(escape(q) in text for q in examples)
    assert "/ask" in text


async def test_help_lists_the_commands(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    text = await first_reply(api, seeds_engine, "/help")
    assert all(f"/{c.command}" in text for c in COMMANDS)


def _reports() -> QAEngine:
    """Twenty-three documents: /sources lists them on three pages."""
    texts = [f"Report {i}\n\nThe harbour of town {i} handled {i} ships in spring."
             for i in range(23)]
    return QAEngine.from_texts(texts, ids=[f"report{i:02}" for i in range(23)])


async def test_sources_come_in_pages_with_buttons(api: BotAPIStub) -> None:
    engine = _reports()
    async with running_bot(api, engine):
        api.push(api.message(api.private(7), "/sources"))
        first = await api.wait_for("sendMessage")
        assert "My 23 documents" in first.text and "(page 1 of 3)" in first.text
        assert "1. " in first.text and "11. " not in first.text
        assert buttons(first) == [("Next ›", "s:1")]
        api.push(api.callback(api.sent(first), "s:1"))
        edited = await api.wait_for("editMessageText")
        await api.wait_for("answerCallbackQuery")
    assert "(page 2 of 3)" in edited.text and "11. " in edited.text
    assert buttons(edited) == [("‹ Previous", "s:0"), ("Next ›", "s:2")]


async def test_a_second_tap_on_the_same_page_is_no_error(api: BotAPIStub) -> None:
    """A double tap sends "s:1" twice; Telegram refuses the second edit (it changes nothing)
    with 400 "message is not modified": no error logged, no "something went wrong"."""
    engine = _reports()
    with capture_logs() as events:
        async with running_bot(api, engine):
            api.push(api.message(api.private(7), "/sources"))
            first = await api.wait_for("sendMessage")
            api.push(api.callback(api.sent(first), "s:1"))
            await api.wait_for("editMessageText")
            api.fail("editMessageText", status=400, description=(
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the "
                "message"))
            api.push(api.callback(api.sent(first), "s:1"))
            await api.wait_for("answerCallbackQuery", count=2)
            await api.drained()
    assert not [e for e in events if e["log_level"] == "error"]
    assert all("went wrong" not in c.params.get("text", "")
               for c in api.calls("answerCallbackQuery"))


QUERY_TOO_OLD = ("Bad Request: query is too old and response timeout expired or query ID is "
                 "invalid")


async def test_a_tap_come_too_late_to_be_answered_still_turns_the_page(api: BotAPIStub) -> None:
    """A tap the bot gets late (it was restarting, or busy) can no longer be answered:
    Telegram refuses the answer with 400 "query is too old". The page turns all the same, and
    the refusal is one line in the log, not an error with a "Sorry" sent after it."""
    engine = _reports()
    with capture_logs() as events:
        async with running_bot(api, engine):
            api.push(api.message(api.private(7), "/sources"))
            first = await api.wait_for("sendMessage")
            api.fail("answerCallbackQuery", status=400, description=QUERY_TOO_OLD, times=2)
            api.push(api.callback(api.sent(first), "s:1"))
            api.push(api.callback(api.sent(first), "v:1"))
            await api.wait_for("answerCallbackQuery", count=2)
            await api.drained()
    assert "(page 2 of 3)" in (await api.wait_for("editMessageText", timeout=1)).text
    assert len(api.calls("answerCallbackQuery")) == 2  # no "Sorry" tried after either
    assert not [e for e in events if e["log_level"] == "error"]
    assert [e["event"] for e in events if e["event"] == "query_expired"] == ["query_expired"] * 2


async def test_an_unknown_command_points_to_help(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    text = await first_reply(api, seeds_engine, "/frobnicate")
    assert "/help" in text


async def test_in_a_group_an_unknown_command_naming_me_points_to_help(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """"/frobnicate@qa_test_bot" is for me, and gets the pointer to /help; a bare
    "/frobnicate" in a group may be another bot's, and one naming another bot is: silence."""
    async with running_bot(api, seeds_engine):
        for text in ("/frobnicate", "/frobnicate@other_bot", "/frobnicate@qa_test_bot"):
            api.push(api.message(api.group(GROUP), text, user=api.user(9)))
        reply = await api.wait_for("sendMessage")
        await api.drained()
    assert "/help" in reply.text and len(api.calls("sendMessage")) == 1
    assert reply.params["reply_parameters"]["message_id"] == api.sent(reply)[
        "reply_to_message"]["message_id"]
    assert api.sent(reply)["reply_to_message"]["text"] == "/frobnicate@qa_test_bot"


# --- answers ---------------------------------------------------------------------------------


async def test_a_private_message_is_answered_with_quotes_citations_and_buttons(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    async with running_bot(api, seeds_engine):
        question = api.message(api.private(7), CSTO)
        api.push(question)
        call = await api.wait_for("sendMessage")
    assert call.params["parse_mode"] == "HTML"
    assert "<b>formed</b> in 2002" in call.text
    assert "” [1]" in call.text
    assert "<b>Sources</b>\n[1] " in call.text
    assert call.params["reply_parameters"]["message_id"] == question["message"]["message_id"]
    labels = [label for label, _ in buttons(call)]
    # a Quote button per quote ("Quote [1]", "Quote [1] (2)" for a second from source 1)
    assert labels[0] == "Quote [1]" and labels[-2:] == ["👍 Helpful", "👎 Not helpful"]
    assert len(labels) == len(seeds_engine.ask(CSTO).sentences) + 2


async def test_abstains_politely_offering_related_documents(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    text = await first_reply(api, seeds_engine, "When did Uzbekistan leave the CSTO?")
    assert text.startswith("I couldn't find this in my sources.")
    related = text.split("may not answer it:\n")[1].splitlines()
    assert 1 <= len(related) <= 3 and all(line.startswith("• ") for line in related)


async def test_escapes_html_from_the_corpus_and_the_user(api: BotAPIStub) -> None:
    engine = QAEngine.from_texts(
        ["Tags & markup\n\nThe <b>parser</b> treats x < y & y > z as plain text in every "
         "release since 2019, the maintainers said."], ids=["tags"])
    text = await first_reply(api, engine, "Which <i>parser</i> treats x < y as plain text?")
    assert "&lt;b&gt;<b>parser</b>&lt;/b&gt;" in text
    assert "x &lt; y &amp; y &gt; z" in text
    assert "<i>" not in text


async def test_a_very_long_sentence_is_quoted_shortened_within_telegrams_limit(
    api: BotAPIStub,
) -> None:
    """A 6,000-character sentence is quoted shortened (an ellipsis where it is cut), so the
    answer fits one message; splitting longer messages is tested in ``test_html``."""
    sentence = "The long river report names the river delta and its many channels again."
    # answered whatever the selector's confidence in a made-up text: the quote is under test
    engine = QAEngine.from_texts(["River\n\n" + " ".join([sentence[:-1] + ","] * 80) + " End."],
                                 config=ComposerConfig(min_confidence=0.0))
    async with running_bot(api, engine):
        api.push(api.message(api.private(7), "What does the long river report name?"))
        await api.wait_for("sendMessage")
        await api.drained()
    (sent,) = [c.text for c in api.calls("sendMessage")]
    assert "…” [1]" in sent and len(sent.encode("utf-16-le")) // 2 <= 1000
    assert sent.count("<b>") == sent.count("</b>") > 0
    assert buttons(api.calls("sendMessage")[0])


async def quote_button(api: BotAPIStub,
                       question: dict[str, Any] | None = None) -> tuple[Call, str]:
    """The answer to ``question`` (an update; by default CSTO asked in a private chat), once
    sent, and the callback data of its first button: the first quote's."""
    api.push(question or api.message(api.private(7), CSTO))
    answer = await api.wait_for("sendMessage")
    (_, data), *_ = buttons(answer)
    return answer, data


async def test_the_quote_button_shows_the_passage_around_the_sentence(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    async with running_bot(api, seeds_engine):
        answer, data = await quote_button(api)
        api.push(api.callback(api.sent(answer), data))
        spinner = await api.wait_for("answerCallbackQuery")
        passage = await api.wait_for("sendMessage", count=2)
    assert "text" not in spinner.params  # the spinner stops, nothing else to say
    assert passage.text.startswith("Latest comments from Russian ally")
    assert "<b>The alliance was formed in 2002" in passage.text
    assert len(passage.text) > len(answer.text.split("\n\n")[0])


async def test_a_double_tap_on_quote_posts_the_passage_once(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    async with running_bot(api, seeds_engine):
        answer, data = await quote_button(api)
        api.push(api.callback(api.sent(answer), data))
        api.push(api.callback(api.sent(answer), data))
        await api.wait_for("answerCallbackQuery", count=2)
        await api.drained()
    assert len(api.calls("sendMessage")) == 2  # the answer, then the passage once


async def test_a_quote_tap_on_a_passage_holding_a_long_blob_sends_one_message(
    api: BotAPIStub,
) -> None:
    """A passage holding a 240,000-character base64 blob (never cut: no space in it) was sent
    as some 38 messages for one tap, each tap counted once by the rate limit."""
    blob = "TUlJQ2" * 40_000
    engine = QAEngine.from_texts([
        "Server setup\n\nThe staging server listens on port 8443 for the admin console. "
        f"Its certificate is {blob} and expires in March.",
        "The quay is 300 metres long and was built in 1911."])
    async with running_bot(api, engine):
        api.push(api.message(api.private(7), "Which port does the staging server listen on?"))
        answer = await api.wait_for("sendMessage")
        quote = next(d for _, d in buttons(answer) if d.startswith("q:"))
        api.push(api.callback(api.sent(answer), quote))
        await api.wait_for("answerCallbackQuery")
        await api.drained()
    (passage,) = api.calls("sendMessage")[1:]
    assert "<b>The staging server listens on port 8443" in passage.text
    assert passage.text.endswith("…") and len(passage.text.encode("utf-16-le")) // 2 <= 4096


@pytest.mark.parametrize("status, description", [
    (403, "Forbidden: bot was kicked from the supergroup chat"),
    (400, "Bad Request: not enough rights to send text messages to the chat"),
    (400, "Bad Request: TOPIC_CLOSED")])
async def test_when_the_passage_cannot_be_posted_the_user_who_tapped_is_told(
    api: BotAPIStub, seeds_engine: QAEngine, status: int, description: str
) -> None:
    async with running_bot(api, seeds_engine):
        answer, data = await quote_button(
            api, api.message(api.group(GROUP), f"/ask {CSTO}", user=api.user(7)))
        api.fail("sendMessage", status=status, description=description)
        api.push(api.callback(api.sent(answer), data))
        await api.drained()
    (told,) = [c for c in api.calls("answerCallbackQuery") if c.result is True]
    assert "can't post the passage" in told.params["text"] and told.params["show_alert"]


async def test_a_stale_or_forged_button_is_answered_without_crashing(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    message = {"message_id": 1, "date": 0, "chat": api.private(7), "text": "old"}
    async with running_bot(api, seeds_engine):
        # q:1:0:0:10 names document 1 but passage 0 is document 0's: it would show one
        # document's text under another's title
        snap = seeds_engine.snapshot_id
        forged = (f"q:{snap}:99:0:0:0", f"q:{snap}:0:99999:0:5", f"q:{snap}:0:0:5:99999",
                  "q:x", "zzz", "s:9", f"q:{snap}:1:0:0:10", f"q:{snap}:0:0:0:²",
                  "q:1:6:136:340")  # the last: a button from before snapshot ids
        for data in forged:
            api.push(api.callback(message, data))
        for n in range(1, len(forged) + 1):
            await api.wait_for("answerCallbackQuery", count=n)
    assert all("no longer works" in c.params["text"] for c in api.calls("answerCallbackQuery"))
    assert api.calls("sendMessage") == []


async def test_a_button_from_another_index_says_the_documents_were_updated(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """After a re-index passage numbers name other text: an old button must not show it. Any
    document added or edited makes another index, so it says the documents were updated
    (it said "this source was", of a source perhaps not changed at all)."""
    other = "0" * 8 if seeds_engine.snapshot_id != "0" * 8 else "1" * 8
    message = {"message_id": 1, "date": 0, "chat": api.private(7), "text": "old"}
    async with running_bot(api, seeds_engine):
        api.push(api.callback(message, f"q:{other}:0:0:0:10"))
        answer = await api.wait_for("answerCallbackQuery")
    assert answer.params["text"].startswith("My documents were updated since this answer")
    assert api.calls("sendMessage") == []


class SwappedOnTap(LiveEngine):
    """A live engine that takes up ``then`` (a new snapshot) just as the next call begins:
    a reload landing while a Quote tap is handled, with no clock involved."""

    then: Corpus | None = None

    def call(self, use: Callable[[Loaded], T]) -> tuple[Loaded, T]:
        if self.then is not None:
            self.current, self.then = Loaded(self.then), None
        return super().call(use)


async def test_a_quote_tapped_as_a_new_index_is_taken_up_shows_no_text_of_the_new_one(
    api: BotAPIStub, seeds_engine: QAEngine, tmp_path: Path
) -> None:
    """The button's index was checked against the engine answering before the passage was
    looked up, in another thread, on whatever engine answered by then: a snapshot taken up
    in between (one sentence edited, "2002" made "1992") showed its text as the quote."""
    edited = tmp_path / "seeds"
    shutil.copytree(SEEDS, edited, ignore=shutil.ignore_patterns(".qabot-index"))
    for path in edited.glob("*.txt"):
        path.write_text(path.read_text().replace("formed in 2002", "formed in 1992"))
    newer = QAEngine.from_directory(edited, save=False)
    assert newer.snapshot_id != seeds_engine.snapshot_id
    live = SwappedOnTap(seeds_engine)
    async with running_bot(api, live):
        answer, data = await quote_button(api)
        live.then = newer
        api.push(api.callback(api.sent(answer), data))
        said = await api.wait_for("answerCallbackQuery")
    assert live.current.engine is newer
    assert said.params["text"].startswith("My documents were updated since this answer")
    assert len(api.calls("sendMessage")) == 1  # the answer only: no passage of the new index


def test_the_snapshot_id_is_the_same_for_the_same_index_and_differs_for_another(
    seeds_engine: QAEngine,
) -> None:
    again = QAEngine(seeds_engine.index, seeds_engine.collection)
    assert again.snapshot_id == seeds_engine.snapshot_id
    other = QAEngine.from_texts(["The harbour bridge opened in 1932 after eight years of work."])
    assert other.snapshot_id != again.snapshot_id


async def test_votes_are_logged_with_the_question(api: BotAPIStub,
                                                  seeds_engine: QAEngine) -> None:
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.private(7), CSTO))
        answer = await api.wait_for("sendMessage")
        with capture_logs() as logs:
            api.push(api.callback(api.sent(answer), "v:0"))
            thanks = await api.wait_for("answerCallbackQuery")
    assert thanks.params["text"] == "Thanks for the feedback!"
    votes = [e for e in logs if e["event"] == "vote"]
    assert votes == [{"event": "vote", "log_level": "info", "helpful": False, "question": CSTO,
                      "chat_id": 7, "user_id": 7, "message_id": answer.result["message_id"]}]


# --- what is not a question ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ({"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1,
                      "height": 1, "is_animated": False, "is_video": False}}, "only read text"),
        ({"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
         "only read text"),
        ({"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}}, "only read text"),
    ],
)
async def test_a_non_text_message_gets_a_hint(api: BotAPIStub, seeds_engine: QAEngine,
                                              update: dict[str, Any], expected: str) -> None:
    text = await first_reply(api, seeds_engine, **update)
    assert expected in text


async def test_an_edited_message_gets_a_hint(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    text = await first_reply(api, seeds_engine, CSTO, edited=True)
    assert "new message" in text


async def test_an_empty_ask_gets_an_example(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    text = await first_reply(api, seeds_engine, "/ask   ")
    first = introduce(seeds_engine).examples[0]
    assert text.startswith(f"Ask me something, for example: /ask {escape(first)}")


async def test_an_over_long_question_is_turned_down(api: BotAPIStub,
                                                    seeds_engine: QAEngine) -> None:
    settings = make_settings(api, max_question_chars=30)
    question = "When was the CSTO formed, and by whom exactly?"
    text = await first_reply(api, seeds_engine, question, settings)
    assert "46 characters long; please keep it under 30" in text


# --- groups -------------------------------------------------------------------------------------


async def test_a_group_message_without_a_mention_gets_no_reply(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.group(GROUP), CSTO, user=api.user(7)))
        api.push(api.message(api.group(GROUP), "/ask@other_bot " + CSTO, user=api.user(7)))
        api.push(api.message(api.group(GROUP), sticker={
            "file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
            "is_animated": False, "is_video": False}, user=api.user(7)))
        await api.drained()
    # Leaving ``running_bot`` finished every fetched update: none of them made the bot speak.
    assert [c.method for c in api.calls() if c.method.startswith("send")] == []


@pytest.mark.parametrize("text", [f"/ {CSTO}", "// TODO: find out when the CSTO was formed",
                                  "/\\ when was the CSTO formed"])
async def test_a_group_message_opening_with_a_slash_but_no_command_gets_no_reply(
    api: BotAPIStub, seeds_engine: QAEngine, text: str
) -> None:
    """Telegram makes no command of a "/" not followed by a letter, digit or "_"."""
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.group(GROUP), text, user=api.user(7)))
        await api.drained()
    assert [c.method for c in api.calls() if c.method.startswith("send")] == []


@pytest.mark.parametrize("text", [f"@qa_test_bot {CSTO}", f"{CSTO[:-1]} @qa_test_bot?",
                                  f"/ask {CSTO}", f"/ask@qa_test_bot {CSTO}"])
async def test_a_group_message_addressed_to_the_bot_is_answered(
    api: BotAPIStub, seeds_engine: QAEngine, text: str
) -> None:
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.group(GROUP), text, user=api.user(7)))
            call = await api.wait_for("sendMessage")
    assert "2002" in call.text
    assert call.chat_id == GROUP
    assert [e["followup"] for e in logs if e["event"] == "answered"] == [False]


async def test_a_reply_to_the_bot_in_a_group_is_a_question(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    bots_message = {"message_id": 3, "date": 0, "chat": api.group(GROUP),
                    "from": api.bot_user, "text": "Hi!"}
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.group(GROUP), CSTO, user=api.user(7), reply_to=bots_message))
        call = await api.wait_for("sendMessage")
    assert "2002" in call.text


@pytest.mark.parametrize("handing", ["@qa_test_bot", "/ask@qa_test_bot", "/ask"])
async def test_mentioning_me_in_reply_to_a_members_question_hands_it_to_me(
    api: BotAPIStub, seeds_engine: QAEngine, handing: str
) -> None:
    """A member hands another's question to the bot by replying to it with a bare mention or
    /ask: that question is answered (it was "Ask me something, for example: ..."). A bare
    mention in reply to the bot's own message still gets the example."""
    group = api.group(GROUP)
    asked = api.message(group, CSTO, user=api.user(12, "Bob"))
    async with running_bot(api, seeds_engine):
        api.push(asked)
        api.push(api.message(group, handing, user=api.user(11), reply_to=asked["message"]))
        answer = await api.wait_for("sendMessage")
        api.push(api.message(group, handing, user=api.user(11), reply_to=api.sent(answer)))
        example = await api.wait_for("sendMessage", count=2)
        await api.drained()
    assert "2002" in answer.text and len(api.calls("sendMessage")) == 2
    assert example.text.startswith("Ask me something")


async def test_mentioning_me_in_reply_to_a_part_of_a_message_hands_me_that_part(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """Replying with a quote of a part of a long message hands the bot that part, not the
    message whole (over QABOT_MAX_QUESTION_CHARS here)."""
    group = api.group(GROUP)
    asked = api.message(group, "Some news first. " * 40 + CSTO, user=api.user(12, "Bob"))
    quote = {"text": CSTO, "position": len(asked["message"]["text"]) - len(CSTO)}
    async with running_bot(api, seeds_engine):
        api.push(asked)
        api.push(api.message(group, "@qa_test_bot", user=api.user(11), quote=quote,
                             reply_to=asked["message"]))
        answer = await api.wait_for("sendMessage")
    assert "2002" in answer.text


# --- follow-ups ---------------------------------------------------------------------------------


async def test_a_follow_up_is_read_in_the_context_of_the_chats_previous_question(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine):
            api.push(api.message(api.private(7), "Who is the Kremlin spokesman?"))
            await api.wait_for("sendMessage")
            api.push(api.message(api.private(7), "How did he describe the CSTO?"))
            follow_up = await api.wait_for("sendMessage", count=2)
            api.push(api.message(api.private(8), "How did he describe the CSTO?"))
            other_chat = await api.wait_for("sendMessage", lambda c: c.chat_id == 8)
    assert "necessary" in follow_up.text
    assert other_chat.text != follow_up.text
    assert [(e["chat_id"], e["followup"]) for e in logs if e["event"] == "answered"] == [
        (7, False), (7, True), (8, False)]


async def test_a_reply_to_an_answer_follows_up_on_its_question_whoever_asked_since(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """In a group members ask at once: a reply to one answer follows up on the question that
    answer answered, not on another member's question asked since (a question in no reply
    still follows up on the chat's last)."""
    group, ann, bob = api.group(GROUP), api.user(11, "Ann"), api.user(12, "Bob")
    follow_up = "How did he describe the CSTO?"
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine):
            api.push(api.message(group, "/ask Who is the Kremlin spokesman?", user=ann))
            first = await api.wait_for("sendMessage")
            api.push(api.message(group, "/ask Who is the prime minister of Armenia?", user=bob))
            await api.wait_for("sendMessage", count=2)
            api.push(api.message(group, follow_up, user=ann, reply_to=api.sent(first)))
            reply = await api.wait_for("sendMessage", count=3)
            api.push(api.message(api.private(7), "Who is the prime minister of Armenia?"))
            await api.wait_for("sendMessage", lambda c: c.chat_id == 7)
            api.push(api.message(api.private(7), follow_up))
            unreplied = await api.wait_for("sendMessage", lambda c: c.chat_id == 7, count=2)
    assert "necessary" in reply.text
    assert "necessary" not in unreplied.text
    assert [e["followup"] for e in logs if e["event"] == "answered"] == [False, False, True,
                                                                         False, True]


async def test_a_follow_up_abstained_once_rewritten_is_answered_as_written(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    question = "What did he accuse Moscow of running against him?"
    previous = "Who is the prime minister of Armenia?"
    assert not seeds_engine.ask(rewrite(question, previous)).answered  # what the test is about
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.private(7), previous))
        await api.wait_for("sendMessage")
        api.push(api.message(api.private(7), question))
        follow_up = await api.wait_for("sendMessage", count=2)
    assert "propaganda" in follow_up.text


async def test_follow_ups_can_be_turned_off(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    settings = make_settings(api, followup_seconds=0)
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine, settings):
            api.push(api.message(api.private(7), "Who is the Kremlin spokesman?"))
            await api.wait_for("sendMessage")
            api.push(api.message(api.private(7), "How did he describe the CSTO?"))
            await api.wait_for("sendMessage", count=2)
    assert [e["followup"] for e in logs if e["event"] == "answered"] == [False, False]


# --- inline mode --------------------------------------------------------------------------------


async def inline_answer(api: BotAPIStub, engine: Corpus, query: str) -> Call:
    """Run the bot and return its answer to the inline query ``@bot query``."""
    async with running_bot(api, engine):
        api.push(api.inline_query(query))
        return await api.wait_for("answerInlineQuery")


async def test_inline_mode_offers_the_answer_and_each_quote(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    call = await inline_answer(api, seeds_engine, "Who is the Kremlin spokesman?")
    results = call.params["results"]
    assert [r["id"] for r in results][:2] == ["answer", "quote1"]
    assert all(r["type"] == "article" for r in results)
    assert "Peskov" in results[0]["input_message_content"]["message_text"]
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert call.params["is_personal"] is True


async def test_inline_abstention_is_a_single_not_found_result(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    call = await inline_answer(api, seeds_engine, "What is the capital of Australia?")
    (result,) = call.params["results"]
    assert result["title"] == "Not found in my sources"


async def test_an_empty_inline_query_gets_no_results(api: BotAPIStub,
                                                     seeds_engine: QAEngine) -> None:
    call = await inline_answer(api, seeds_engine, "")
    assert call.params["results"] == []


async def test_an_inline_question_typed_letter_by_letter_is_answered_once(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """A client sends an inline query at each pause in typing: only the newest is answered,
    so typing one question (29 queries) leaves the user's rate limit (20 a minute) for the
    next question, asked in a chat."""
    question = "Who is the Kremlin spokesman?"
    async with running_bot(api, seeds_engine):
        for i in range(1, len(question) + 1):
            api.push(api.inline_query(question[:i], user=api.user(7)))
        api.push(api.message(api.private(7), CSTO))
        answer = await api.wait_for("sendMessage")
        call = await api.wait_for("answerInlineQuery", lambda c: bool(c.params["results"]))
        await api.drained()
    assert "<b>formed</b>" in answer.text
    answered = [c for c in api.calls("answerInlineQuery") if c.params["results"]]
    assert answered == [call] and len(api.calls("answerInlineQuery")) == len(question)
    assert call.params["results"][0]["title"] == f"Answer: {question}"


class LongAddresses(SlowEngine):
    """The real engine, except that every source of an answer has a long web address (a
    tracking link, 1,000 characters with "&" 245 times): the answer's HTML takes two
    messages, the quotes, then the sources."""

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        answer = self.engine.ask(question, top_k=top_k)
        url = ("https://example.org/r?" + "&".join(["a=1"] * 250))[:1000]
        return answer.model_copy(update={"sources": [
            s.model_copy(update={"url": url}) for s in answer.sources]})


async def test_an_inline_answer_too_long_for_one_message_is_offered_as_its_quotes(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """An inline result is one message: an answer taking two was offered as its first,
    quotes citing [1] and [2] with no sources under them. Each quote alone, with its
    document, is offered instead."""
    call = await inline_answer(api, LongAddresses(seeds_engine), "Who is the Kremlin spokesman?")
    results = call.params["results"]
    assert results and [r["id"] for r in results] == [f"quote{i}" for i in
                                                      range(1, len(results) + 1)]
    for result in results:
        assert "— <a href=" in result["input_message_content"]["message_text"]


async def test_my_own_inline_result_picked_in_my_chat_is_not_a_question(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """Picked in the bot's private chat, an inline result reaches the bot as a message sent
    via it, holding its own quote: not a question to answer."""
    call = await inline_answer(api, seeds_engine, CSTO)
    quote = call.params["results"][1]["input_message_content"]["message_text"]
    async with running_bot(api, seeds_engine):
        api.push(api.message(api.private(7), re.sub("<[^>]+>", "", quote),
                             via_bot=api.bot_user))
        api.push(api.message(api.group(GROUP), re.sub("<[^>]+>", "", quote) + " @qa_test_bot",
                             user=api.user(7), via_bot=api.bot_user))
        await api.drained()
    assert [c.method for c in api.calls() if c.method.startswith("send")] == []


# --- slow answers ------------------------------------------------------------------------------


async def test_a_fast_answer_sends_no_typing_action(api: BotAPIStub,
                                                    seeds_engine: QAEngine) -> None:
    async with running_bot(api, seeds_engine, typing_after=5.0):
        api.push(api.message(api.private(7), CSTO))
        await api.wait_for("sendMessage")
    assert api.calls("sendChatAction") == []


async def test_a_slow_answer_shows_typing_first(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    slow = SlowEngine(seeds_engine, slow={CSTO})
    async with running_bot(api, slow, typing_after=0.05):
        api.push(api.message(api.private(7), CSTO))
        typing = await api.wait_for("sendChatAction")
        slow.release.set()
        await api.wait_for("sendMessage")
    assert typing.params == {"chat_id": 7, "action": "typing"}
    methods = [c.method for c in api.calls() if c.method in ("sendChatAction", "sendMessage")]
    assert methods[0] == "sendChatAction" and methods[-1] == "sendMessage"


async def test_a_slow_question_does_not_stall_other_chats(api: BotAPIStub,
                                                          seeds_engine: QAEngine) -> None:
    slow = SlowEngine(seeds_engine, slow={CSTO})
    async with running_bot(api, slow, typing_after=60):
        api.push(api.message(api.private(7), CSTO))
        await asyncio.to_thread(slow.started.wait, 10)
        api.push(api.message(api.private(8), "Who is the Kremlin spokesman?"))
        other = await api.wait_for("sendMessage")
        slow.release.set()
        first = await api.wait_for("sendMessage", count=2)
    assert (other.chat_id, first.chat_id) == (8, 7)


async def test_stopping_finishes_an_answer_in_flight(api: BotAPIStub,
                                                     seeds_engine: QAEngine) -> None:
    slow = SlowEngine(seeds_engine, slow={CSTO})
    async with running_bot(api, slow, typing_after=60) as app:
        api.push(api.message(api.private(7), CSTO))
        await asyncio.to_thread(slow.started.wait, 10)
        assert app.updater is not None
        await app.updater.stop()  # what SIGTERM starts: no more polling ...
        stopping = asyncio.ensure_future(app.stop())  # ... and the application winds down
        await asyncio.sleep(0)
        assert not stopping.done()
        slow.release.set()
        await stopping
        sent = api.calls("sendMessage")  # by the time stop() returns, the answer has been sent
    assert len(sent) == 1 and "2002" in sent[0].text


async def test_the_last_get_updates_at_stop_need_not_wait_for_the_cancelled_long_poll(
        api: BotAPIStub, seeds_engine: QAEngine) -> None:
    """At stop PTB calls getUpdates once more while the long poll it cancelled may still hold
    its connection (a busy loop); that call must get a connection of its own, not time out."""
    async with running_bot(api, seeds_engine) as app:
        assert app.updater is not None
        await app.updater.stop()
        api.max_wait = 5
        held = asyncio.ensure_future(app.bot.get_updates(timeout=5))  # a poll still in flight
        await api.wait_for("getUpdates", lambda c: c.params.get("timeout") == 5)
        assert await app.bot.get_updates(timeout=0) == ()
        held.cancel()


async def test_an_unsure_answer_is_marked_and_a_sure_one_is_not(api: BotAPIStub,
                                                                seeds_engine: QAEngine) -> None:
    unsure = seeds_engine.ask("What is the CSTO?")
    assert unsure.answered and unsure.low_confidence
    text = await first_reply(api, seeds_engine, "What is the CSTO?")
    assert text.startswith("<i>Not sure this answers your question")
    assert "“" in text  # the quotes still follow


async def test_a_sure_answer_carries_no_caution(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    assert not seeds_engine.ask(CSTO).low_confidence
    text = await first_reply(api, seeds_engine, CSTO)
    assert "Not sure" not in text and "2002" in text


# --- forum topics ------------------------------------------------------------------------------

FORUM = {"id": GROUP, "type": "supergroup", "title": "Forum", "is_forum": True}


async def test_in_a_forum_topic_the_quote_button_posts_in_that_topic(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    async with running_bot(api, seeds_engine):
        api.push(api.message(FORUM, f"/ask {CSTO}", user=api.user(7), message_thread_id=55,
                             is_topic_message=True))
        answer = await api.wait_for("sendMessage")
        quote = next(d for _, d in buttons(answer) if d.startswith("q:"))
        sent = {**api.sent(answer), "message_thread_id": 55, "is_topic_message": True}
        api.push(api.callback(sent, quote))
        passage = await api.wait_for("sendMessage", count=2)
    assert answer.params.get("message_thread_id") == 55
    assert passage.params.get("message_thread_id") == 55  # not the chat's General topic


async def test_in_a_forum_topic_typing_shows_in_that_topic(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    slow = SlowEngine(seeds_engine, slow={CSTO})
    async with running_bot(api, slow, typing_after=0):
        api.push(api.message(FORUM, f"/ask {CSTO}", user=api.user(7), message_thread_id=55,
                             is_topic_message=True))
        action = await api.wait_for("sendChatAction")
        slow.release.set()
        await api.wait_for("sendMessage")
    assert action.params.get("message_thread_id") == 55


async def test_a_photo_whose_caption_mentions_me_in_a_group_gets_the_text_hint(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    mention = "@" + api.bot_user["username"]
    async with running_bot(api, seeds_engine):
        api.push(api.message(
            api.group(GROUP), user=api.user(7), caption=f"{mention} what is this?",
            caption_entities=[{"type": "mention", "offset": 0, "length": len(mention)}],
            photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]))
        call = await api.wait_for("sendMessage")
    assert "only read text" in call.text


@pytest.mark.parametrize("chat, text", [("private", CSTO), ("group", f"/ask {CSTO}")])
async def test_the_answer_arrives_when_the_question_is_deleted_meanwhile(
        api: BotAPIStub, seeds_engine: QAEngine, chat: str, text: str) -> None:
    """A question deleted while it is answered (by its user, an admin, an anti-spam bot):
    the answer still goes out, not as a reply (Telegram refuses a reply to it)."""
    slow = SlowEngine(seeds_engine, slow={CSTO})
    question = api.message(api.private(7) if chat == "private" else api.group(GROUP), text,
                           user=api.user(7))
    with capture_logs() as logs:
        async with running_bot(api, slow, typing_after=60):
            api.push(question)
            await asyncio.to_thread(slow.started.wait, 10)
            api.delete(question["message"])
            slow.release.set()
            await api.wait_for("sendMessage")
            await api.drained()
    sent = api.calls("sendMessage")
    assert len(sent) == 1 and "2002" in sent[0].text
    assert isinstance(sent[0].result, dict) and "message_id" in sent[0].result
    assert [e for e in logs if e["event"] == "update_failed"] == []
