"""``Settings``: every knob of qabot, read from ``QABOT_*`` environment variables and ``.env``.

Built once, at the entry point (``bot.cli.main``), and passed down; tests build
``Settings(..., _env_file=None)``. ``.env.example`` lists every setting with a comment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# The corpus bundled with the source tree, used when ./seeds does not exist (e.g. run elsewhere).
BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Settings(BaseSettings):
    """qabot's configuration."""

    model_config = SettingsConfigDict(
        env_prefix="QABOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    corpus_dir: Path = Field(Path("seeds"), description="folder of .txt/.md documents")
    index_dir: Path | None = Field(None, description="where the index is saved; default "
                                   "CORPUS_DIR/.qabot-index")
    top_k: int = Field(8, ge=1, le=100, description="passages considered per question")
    log_format: Literal["console", "json"] = "console"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"

    def corpus_path(self) -> Path:
        """The corpus folder; the bundled seeds when the default ./seeds is absent."""
        if self.corpus_dir == Path("seeds") and not self.corpus_dir.exists():
            return BUNDLED_SEEDS
        return self.corpus_dir

    def secrets(self) -> list[str]:
        """Secret values that must never be logged."""
        token = self.telegram_token.get_secret_value() if self.telegram_token else ""
        return [s for s in (token,) if s]
