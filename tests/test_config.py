"""Settings: every one of them is documented in .env.example."""

from __future__ import annotations

import re

from bot.config import Settings

from .conftest import ROOT


def test_env_example_lists_every_setting_with_a_comment():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    listed = {}
    for i, line in enumerate(lines):
        if m := re.match(r"#?\s*QABOT_([A-Z_]+)=", line):
            listed[m.group(1).lower()] = i
    assert set(Settings.model_fields) <= listed.keys(), set(Settings.model_fields) - listed.keys()
    for name, i in listed.items():  # a comment above it, or above the settings it is listed with
        j = i - 1
        while j >= 0 and re.match(r"QABOT_", lines[j]):
            j -= 1
        assert j >= 0 and lines[j].startswith("#"), f"QABOT_{name.upper()} has no comment"


def test_the_compose_example_sets_only_real_settings_and_serves_what_caddy_forwards():
    """deploy/compose.yaml names real settings (a typo there would be silently ignored), points
    every replica at its Redis, and serves the webhook on the port and path the Caddyfile
    forwards to."""
    compose = (ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8")
    caddy = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    named = dict(re.findall(r"^\s+QABOT_([A-Z_]+):\s*(.*)$", compose, re.M))
    assert {n.lower() for n in named if n != "DOMAIN"} <= set(Settings.model_fields)
    assert named["REDIS_URL"].startswith("redis://redis:6379")
    assert re.search(r"^  redis:\n(    .*\n)*    image: redis:", compose, re.M)
    path, port = named["WEBHOOK_PATH"], named["PORT"].strip('"')
    assert f"handle {path} {{" in caddy and f"dynamic a qabot {port}" in caddy
    assert "- \"443:443\"" in compose
    assert len(re.findall(r"^    ports:", compose, re.M)) == 1  # only Caddy publishes any
