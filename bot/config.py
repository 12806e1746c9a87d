"""``Settings``: every knob of qabot, read from ``QABOT_*`` environment variables and ``.env``.

Built once, at the entry point (``bot.cli.main``), and passed down; tests build
``Settings(..., _env_file=None)``. ``.env.example`` lists every setting with a comment.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from retrieval.detection import knows
from retrieval.language import normalised

from . import redisurl
from .logs import MIN_REDACTED

# A bot token as @BotFather gives it: the bot's numeric id, a colon, then 35 url-safe characters.
TOKEN_PATTERN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
# A webhook secret Telegram accepts (setWebhook's secret_token): 1-256 of A-Z a-z 0-9 _ -.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
# and one qabot accepts: a secret of one character was guessed in 55 requests (and scrubbing
# it from logs blotted out that character everywhere); token_urlsafe(32) gives 43
MIN_SECRET_CHARS = 16
# The settings whose values are secrets: never repeated in a message or a log
SECRET_SETTINGS = frozenset({"telegram_token", "webhook_secret", "metrics_token", "redis_url"})
# Paths the webhook server answers itself, so the Telegram route cannot take one of them.
SERVICE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

# QABOT_FOLLOWUP_SECONDS at most: 30 days. It is each remembered question's TTL in Redis, where
# inf failed every answer (OverflowError) and 1e17 was refused by Redis as out of range (the
# replica then took Redis for down); in memory, inf kept every chat's question for good.
MAX_FOLLOWUP_SECONDS = 30 * 86400

# The corpus bundled with the source tree, used when ./seeds does not exist (e.g. run elsewhere).
BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# The commands of the bots, which take settings no other command does
BOTS = ("telegram", "webhook")


def used_by(*commands: str, needed: bool = False) -> dict[str, Any]:
    """A field's ``json_schema_extra``: the commands that read the setting (by default every
    one), and whether they cannot start without it. ``qabot telegram --help`` and ``qabot
    webhook --help`` list their settings from these (``settings_help``)."""
    return {"commands": list(commands), "needed": needed}


class Settings(BaseSettings):
    """qabot's configuration."""

    model_config = SettingsConfigDict(
        env_prefix="QABOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore",
        populate_by_name=True,  # ``Settings(port=...)`` as well as QABOT_PORT / PORT
        # ``QABOT_PORT=`` (empty, as a template or compose's ``${QABOT_PORT}`` leaves it) is no
        # setting: it was an invalid integer, hiding the platform's PORT
        env_ignore_empty=True,
    )

    corpus_dir: Path = Field(Path("seeds"), description="folder of documents (text, Markdown, "
                             "HTML, PDF, Word)")
    index_dir: Path | None = Field(None, description="where the index is saved; default "
                                   "CORPUS_DIR/.qabot-index")
    top_k: int = Field(8, ge=1, le=100, description="passages considered per question")
    similar_words: bool = Field(True, description="let question words meet words of like "
                                "meaning in the sources (help ~ assistance); false: exact terms")
    correct_spelling: bool = Field(True, description="read a typo as the corpus word one edit "
                                   "away (formd -> formed), and say so; false: words as typed")
    min_confidence: float | None = Field(
        None, ge=0.0, le=1.0, allow_inf_nan=False, description="abstain when the answer "
        "selector's confidence that the best sentence answers is below this (0: answer "
        "whenever a sentence matches); "
        "default: the threshold shipped with the model, chosen on questions it was not "
        "trained on")
    language: str | None = Field(
        None, description="the corpus's language (ISO 639-1: de, ru, ...): every document and "
        "question is read in it; default: each document's is detected (or taken from its "
        "sidecar, front matter or <html lang>) and each question's among the corpus's")
    log_format: Literal["console", "json"] = "console"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    telegram_token: SecretStr | None = Field(None, description="the bot's token from "
                                             "@BotFather",
                                             json_schema_extra=used_by(*BOTS, needed=True))
    telegram_api_url: str = Field("https://api.telegram.org/bot", description="the Bot API's "
                                  "address (a local Bot API server's)",
                                  json_schema_extra=used_by(*BOTS))
    allowed_users: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="user ids allowed to ask; empty means everyone",
        json_schema_extra=used_by(*BOTS))
    allowed_chats: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="chat ids allowed to ask; empty means every chat",
        json_schema_extra=used_by(*BOTS))
    rate_limit: int = Field(20, ge=0, description="questions (and other replies: commands, "
                            "hints, buttons) per minute per user; 0 = no limit",
                            json_schema_extra=used_by(*BOTS))
    send_rate: float = Field(30, ge=0, description="messages per second the bot sends overall; "
                             "0 turns the limiter off",
                             json_schema_extra=used_by(*BOTS))
    max_question_chars: int = Field(500, ge=1, le=4096, description="the longest question "
                                    "taken, in characters",
                                    json_schema_extra=used_by(*BOTS))
    followup_seconds: float = Field(300, ge=0, le=MAX_FOLLOWUP_SECONDS,
                                    description="how long a chat's previous question gives "
                                    "context to a follow-up; 0 turns follow-ups off",
                                    json_schema_extra=used_by(*BOTS))
    reload_seconds: float = Field(2, ge=0, description="how often a running bot looks for a "
                                  "new index snapshot saved by `qabot index` and takes it up; "
                                  "0: only on SIGHUP",
                                  json_schema_extra=used_by(*BOTS))
    shutdown_grace: float = Field(30, ge=0, description="seconds a stopping bot (SIGTERM) "
                                  "has to finish the answers it has in hand; those still "
                                  "waiting then are dropped and logged",
                                  json_schema_extra=used_by(*BOTS))

    webhook_url: str | None = Field(None, description="the public https URL Telegram posts "
                                    "updates to (qabot webhook), such as "
                                    "https://bot.example.org/telegram",
                                    json_schema_extra=used_by("webhook", needed=True))
    webhook_secret: SecretStr | None = Field(None, description="a random string of "
                                             f"{MIN_SECRET_CHARS} to 256 letters, digits, _ "
                                             "and -; Telegram sends it in "
                                             "X-Telegram-Bot-Api-Secret-Token with every update",
                                             json_schema_extra=used_by("webhook", needed=True))
    webhook_path: str = Field("/telegram", description="the path the webhook server takes "
                              "updates on",
                              json_schema_extra=used_by("webhook"))
    host: str = Field("0.0.0.0", description="the address the webhook server listens on",
    json_schema_extra=used_by("webhook"))
    # Container platforms (Cloud Run, Heroku, Fly, ...) say which port to use in PORT.
    port: int = Field(8080, ge=0, le=65535, description="the port the webhook server listens "
                      "on (or PORT)",
                      validation_alias=AliasChoices("QABOT_PORT", "PORT", "port"),
                      json_schema_extra=used_by("webhook"))
    drop_pending_updates: bool = Field(False, description="setWebhook drops the updates "
                                       "Telegram queued while the bot was away",
                                       json_schema_extra=used_by("webhook"))
    metrics_token: SecretStr | None = Field(None, description="when set, GET /metrics needs "
                                            "'Authorization: Bearer <this token>'",
                                            json_schema_extra=used_by("webhook"))
    webhook_max_connections: int = Field(
        1000, ge=1, description="open connections the webhook server serves at once; past them "
        "new requests are answered 503",
        json_schema_extra=used_by("webhook"))
    webhook_head_timeout: float = Field(
        10.0, gt=0, description="seconds a connection has to send a request's head (and its "
        "body) before it is answered 408 and closed",
        json_schema_extra=used_by("webhook"))
    webhook_keepalive: int = Field(5, ge=1, description="seconds an idle kept-alive "
                                   "connection stays open",
                                   json_schema_extra=used_by("webhook"))
    webhook_max_pending: int = Field(1000, ge=1, description="updates a webhook server has "
                                     "in hand at most; past that it answers 503 and Telegram "
                                     "sends them again later",
                                     json_schema_extra=used_by("webhook"))

    redis_url: SecretStr | None = Field(
        None, description="redis://[:password@]host:6379/0 (or rediss://, unix://): the state "
        "every replica shares (follow-ups, rate limits, updates taken in, the send budget, "
        "snapshot notices); unset: each process keeps its own",
        json_schema_extra=used_by(*BOTS, "index"))
    # Not shorter: on a loaded server the event loop itself can take a few hundred ms to read
    # a reply, and a call timed out that Redis did carry out (an update marked as taken in)
    # makes a replica answer on its own what another has answered.
    redis_timeout: float = Field(2.0, gt=0, le=30, description="seconds a Redis call may take "
                                 "before the bot goes on without it (and retries later)",
                                 json_schema_extra=used_by(*BOTS, "index"))
    redis_prefix: str = Field("qabot", pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="the "
                              "start of every Redis key (then the bot's id), to share a server",
                              json_schema_extra=used_by(*BOTS, "index"))

    @field_validator("allowed_users", "allowed_chats", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """``"123, -100456"`` -> ``[123, -100456]`` (the environment holds plain lists)."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("webhook_path")
    @classmethod
    def _webhook_path(cls, value: str) -> str:
        if not value.startswith("/") or len(value) < 2 or any(c in value for c in "?# "):
            raise ValueError("must be a path such as /telegram (a slash, then no ?, # or space)")
        if value in SERVICE_PATHS:
            raise ValueError(f"{value} is one of the server's own routes: choose another path")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        return SecretStr(redisurl.checked(value.get_secret_value().strip()))

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        code = normalised(value)
        if code is None or not knows(code):  # ("xx", "eng": every document read as nothing)
            raise ValueError("must be the code of a language qabot reads, such as de, ru or "
                             "pt-BR (ISO 639-1)")
        return code

    @field_validator("corpus_dir", "index_dir", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object, info: ValidationInfo) -> object:
        """``QABOT_INDEX_DIR=`` (empty, as a template leaves it) is no setting: not the
        current folder, which an empty path is (an index written into it, a corpus of it)."""
        if isinstance(value, str) and not value.strip():
            return Path("seeds") if info.field_name == "corpus_dir" else None
        return value

    def corpus_path(self) -> Path:
        """The corpus folder; the bundled seeds when the default ./seeds is absent."""
        if self.corpus_dir == Path("seeds") and not self.corpus_dir.exists():
            return BUNDLED_SEEDS
        return self.corpus_dir

    def corpus_origin(self, from_flag: bool) -> str:
        """What chose the corpus folder: ``--corpus`` (``from_flag``), the environment, the
        ``.env`` file, or nothing (the bundled seeds, or ./seeds)."""
        if from_flag:
            return "--corpus"
        if os.environ.get("QABOT_CORPUS_DIR", "").strip():
            return "QABOT_CORPUS_DIR"
        # (an empty QABOT_CORPUS_DIR, in the environment or .env, is no setting: the default)
        if "corpus_dir" in self.model_fields_set and self.corpus_dir != Path("seeds"):
            return "QABOT_CORPUS_DIR in .env"
        if self.corpus_path() == BUNDLED_SEEDS:
            return "the bundled seeds: no --corpus, no QABOT_CORPUS_DIR, no ./seeds here"
        return "the default, ./seeds"

    def bot_token(self) -> str:
        """The Telegram bot token; ``ValueError`` saying what to do when it is missing or malformed.

        The message never repeats the value: a mistyped token is still a secret.
        """
        token = self.telegram_token.get_secret_value().strip() if self.telegram_token else ""
        if not token:
            raise ValueError("QABOT_TELEGRAM_TOKEN is not set: create a bot with @BotFather and "
                             "put its token in the environment or in .env")
        if not TOKEN_PATTERN.fullmatch(token):
            raise ValueError("QABOT_TELEGRAM_TOKEN does not look like a bot token (digits, a "
                             "colon, then 35 letters, digits, - or _): copy it again from "
                             "@BotFather")
        return token

    def secret_token(self) -> str:
        """The webhook secret; ``ValueError`` saying what to do when it is missing or one Telegram
        would reject. Like ``bot_token``, the message never repeats the value."""
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not secret:
            raise ValueError("QABOT_WEBHOOK_SECRET is not set: choose a random string of letters, "
                             "digits, _ and - (e.g. python -c 'import secrets; "
                             "print(secrets.token_urlsafe(32))') and put it in the environment")
        if not SECRET_PATTERN.fullmatch(secret):
            raise ValueError("QABOT_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ - "
                             "(Telegram refuses anything else): choose another")
        if len(secret) < MIN_SECRET_CHARS:
            raise ValueError(f"QABOT_WEBHOOK_SECRET must be at least {MIN_SECRET_CHARS} "
                             "characters (a short one is guessed in a few requests): choose a "
                             "random one, e.g. python -c 'import secrets; "
                             "print(secrets.token_urlsafe(32))'")
        return secret

    def public_url(self) -> str:
        """The webhook URL for setWebhook; ``ValueError`` when it is missing or not https."""
        url = (self.webhook_url or "").strip()
        if not url:
            raise ValueError("QABOT_WEBHOOK_URL is not set: give the public https URL Telegram "
                             "should post updates to, e.g. https://bot.example.org/telegram")
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"QABOT_WEBHOOK_URL must be an https:// URL with a host (Telegram "
                             f"only calls https), got {url!r}")
        return url

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        """Whether this user in this chat may use the bot.

        Everyone may when both lists are empty; otherwise the user must be in ``allowed_users``
        or the chat in ``allowed_chats`` (inline queries have no chat, only a user).
        """
        if not self.allowed_users and not self.allowed_chats:
            return True
        return user_id in self.allowed_users or chat_id in self.allowed_chats

    def secrets(self) -> list[str]:
        """Secret values that must never be logged (of the Redis URL, its password, and the
        URL whole when it has one; without, ``scheme://host:port`` names the server in logs)."""
        values = (self.telegram_token, self.webhook_secret, self.metrics_token)
        found = [v.get_secret_value() for v in values if v and v.get_secret_value()]
        password = urlsplit(self.redis_url.get_secret_value()).password if self.redis_url else ""
        if self.redis_url is not None and password:
            found.append(self.redis_url.get_secret_value())
            # a password of a few letters would blot out every log: scrubbed inside the URL only
            found += [password] if len(password) >= MIN_REDACTED else []
        return found
