"""``bot.keyboards``: the callback data of Quote buttons, read back strictly."""

from __future__ import annotations

import pytest

from bot.keyboards import QuoteRef


def test_a_quote_reference_survives_its_callback_data() -> None:
    ref = QuoteRef("0a1b2c3d", 1, 6, 136, 340)
    assert QuoteRef.decode(ref.encode()) == ref
    assert len(ref.encode().encode()) <= 64  # Telegram's limit for callback data


@pytest.mark.parametrize("data", [
    "q:0a1b2c3d:1:6:136:²",  # a superscript digit: str.isdigit() says yes, int() says no
    "q:0a1b2c3d:1:6:136:٣",  # an Arabic-Indic digit
    "q:1:6:136:340",  # no snapshot (a button from before snapshots)
    "q:0A1B2C3D:1:6:136:340", "q:0a1b2c3:1:6:136:340", "q:0a1b2c3d:1:6:136",
    "x:0a1b2c3d:1:6:136:340", "q:0a1b2c3d:1:6:-1:340", "q:0a1b2c3d:1:6:136:340:9", "",
])
def test_malformed_callback_data_is_no_reference(data: str) -> None:
    assert QuoteRef.decode(data) is None
