"""The Telegram settings of ``bot.config.Settings``: allowed lists, the token, access rules."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config import MAX_FOLLOWUP_SECONDS, Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)


@pytest.mark.parametrize(
    ("raw", "ids"),
    [("", []), ("12", [12]), ("12, -1001234567890 ,7", [12, -1001234567890, 7]), ("3,,", [3])],
)
def test_allowed_lists_are_comma_separated_ids_in_the_environment(
    monkeypatch: pytest.MonkeyPatch, raw: str, ids: list[int]
) -> None:
    monkeypatch.setenv("QABOT_ALLOWED_USERS", raw)
    monkeypatch.setenv("QABOT_ALLOWED_CHATS", raw)
    s = settings()
    assert s.allowed_users == ids and s.allowed_chats == ids


def test_a_non_numeric_id_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QABOT_ALLOWED_CHATS", "12,general")
    with pytest.raises(ValidationError, match="allowed_chats"):
        settings()


def test_everyone_is_allowed_when_both_lists_are_empty() -> None:
    assert settings().allows(1, 2) and settings().allows(1, None)


def test_a_user_or_a_chat_on_its_list_is_allowed() -> None:
    s = settings(allowed_users=[1], allowed_chats=[-100])
    assert s.allows(1, 5)  # an allowed user, anywhere
    assert s.allows(9, -100)  # anyone, in an allowed chat
    assert s.allows(1, None)  # inline queries have no chat
    assert not s.allows(9, 5) and not s.allows(9, None) and not s.allows(None, None)


def test_the_token_is_checked_without_being_repeated() -> None:
    assert settings(telegram_token=f" {TOKEN} ").bot_token() == TOKEN
    with pytest.raises(ValueError, match="QABOT_TELEGRAM_TOKEN is not set"):
        settings().bot_token()
    with pytest.raises(ValueError, match="does not look like a bot token") as bad:
        settings(telegram_token="12345:secretsecret").bot_token()
    assert "secretsecret" not in str(bad.value)


def test_the_token_is_a_secret() -> None:
    s = settings(telegram_token=TOKEN)
    assert TOKEN not in repr(s) and s.secrets() == [TOKEN]


@pytest.mark.parametrize("field", ["rate_limit", "send_rate", "followup_seconds"])
def test_limits_cannot_be_negative(field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        settings(**{field: -1})


@pytest.mark.parametrize("value", ["inf", "1e17", str(MAX_FOLLOWUP_SECONDS + 1)])
def test_a_follow_up_time_past_thirty_days_is_an_error(monkeypatch: pytest.MonkeyPatch,
                                                        value: str) -> None:
    """It is the TTL of each question kept in Redis: inf failed every answer with an
    OverflowError, and 1e17 seconds, out of Redis's range, made a replica take Redis for
    down."""
    monkeypatch.setenv("QABOT_FOLLOWUP_SECONDS", value)
    with pytest.raises(ValidationError, match="followup_seconds"):
        settings()
    monkeypatch.setenv("QABOT_FOLLOWUP_SECONDS", str(MAX_FOLLOWUP_SECONDS))
    assert settings().followup_seconds == MAX_FOLLOWUP_SECONDS
