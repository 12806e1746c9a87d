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
