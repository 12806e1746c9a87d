"""The webhook's settings: defaults, the PORT that container platforms set, the secret's shape
and its redaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.logs import REDACTED, Redactor


def test_defaults() -> None:
    s = Settings(_env_file=None)
    assert (s.webhook_path, s.host, s.port, s.drop_pending_updates) == (
        "/telegram", "0.0.0.0", 8080, False)
    assert s.webhook_url is None and s.webhook_secret is None


def test_port_honours_port_and_qabot_port_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "9000")
    assert Settings(_env_file=None).port == 9000
    monkeypatch.setenv("QABOT_PORT", "9100")
    assert Settings(_env_file=None).port == 9100
    assert Settings(_env_file=None, port=1234).port == 1234


def test_an_empty_setting_is_no_setting(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    """``QABOT_PORT=`` (as compose's ``${QABOT_PORT}`` leaves it) was an invalid integer that
    hid the platform's PORT; ``QABOT_TELEGRAM_API_URL=`` was a Bot API at ''."""
    monkeypatch.setenv("PORT", "9000")
    for name in ("QABOT_PORT", "QABOT_TELEGRAM_API_URL", "QABOT_LOG_FORMAT", "QABOT_HOST"):
        monkeypatch.setenv(name, "")
    s = Settings(_env_file=None)
    assert (s.port, s.telegram_api_url, s.log_format, s.host) == (
        9000, "https://api.telegram.org/bot", "console", "0.0.0.0")
    env = tmp_path / ".env"
    env.write_text("QABOT_RATE_LIMIT=\nQABOT_WEBHOOK_PATH=\n", encoding="utf-8")
    from_file = Settings(_env_file=env)
    assert (from_file.rate_limit, from_file.webhook_path) == (20, "/telegram")


def test_webhook_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QABOT_WEBHOOK_URL", "https://bot.example.org/hook")
    monkeypatch.setenv("QABOT_WEBHOOK_SECRET", "abc_0123456789-xyz")
    monkeypatch.setenv("QABOT_WEBHOOK_PATH", "/hook")
    monkeypatch.setenv("QABOT_HOST", "127.0.0.1")
    monkeypatch.setenv("QABOT_DROP_PENDING_UPDATES", "true")
    s = Settings(_env_file=None)
    assert s.public_url() == "https://bot.example.org/hook"
    assert s.secret_token() == "abc_0123456789-xyz"
    assert (s.webhook_path, s.host, s.drop_pending_updates) == ("/hook", "127.0.0.1", True)


@pytest.mark.parametrize("secret", ["A-z_0-9" * 2 + "xx", "x" * 256,
                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"])
def test_a_secret_telegram_accepts_is_accepted(secret: str) -> None:
    assert Settings(_env_file=None, webhook_secret=secret).secret_token() == secret


@pytest.mark.parametrize("secret", ["a b", "x" * 257, "tab\t", "dot.", "slash/", "ü"])
def test_a_secret_telegram_would_refuse_is_refused_without_repeating_it(secret: str) -> None:
    with pytest.raises(ValueError, match="1-256 characters of A-Z a-z 0-9 _ -") as raised:
        Settings(_env_file=None, webhook_secret=secret).secret_token()
    assert secret not in str(raised.value)


@pytest.mark.parametrize("secret", ["Z", "xyz", "A-z_0-9" * 2 + "x"])
def test_a_short_secret_is_refused_without_repeating_it(secret: str) -> None:
    """(a secret of one character was guessed in 55 requests)"""
    with pytest.raises(ValueError, match="at least 16 characters") as raised:
        Settings(_env_file=None, webhook_secret=secret).secret_token()
    assert secret not in str(raised.value)


def test_the_secret_is_redacted_from_logs() -> None:
    s = Settings(_env_file=None, webhook_secret="webhook-secret-value",
                 metrics_token="metrics-token-value")
    assert {"webhook-secret-value", "metrics-token-value"} <= set(s.secrets())
    assert "metrics-token-value" not in repr(s)
    redact = Redactor(s.secrets())
    event = redact(None, "info", {"event": "x", "header": "got webhook-secret-value here"})
    assert event["header"] == f"got {REDACTED} here"


def test_a_secret_is_redacted_whatever_case_a_library_gives_it() -> None:
    # PTB capitalises a Bot API error's description, which may quote what was sent
    redact = Redactor(["s3cret_webhook-token"])
    assert redact.scrub("BadRequest: Can't parse secret_token=S3cret_webhook-token") == (
        f"BadRequest: Can't parse secret_token={REDACTED}")
    assert redact.scrub("a+b S3CRET_WEBHOOK-TOKEN") == f"a+b {REDACTED}"
    assert Redactor(["a.b.c.d"]).scrub("axbxcxd") == "axbxcxd"  # a secret is matched as written
