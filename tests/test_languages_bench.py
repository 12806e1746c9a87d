"""``benchmarks/languages.py``: its own French, Portuguese and Turkish set is read and scored, and
the table says which bars are met."""

from __future__ import annotations

import pytest

from .evaldata import benchmark_module


@pytest.fixture(scope="module")
def languages():
    with benchmark_module("languages.py", "languages_bench") as module:
        yield module


def test_the_own_set_of_each_language_is_read_and_scored(languages) -> None:
    lang, (acc1, acc3, abstained, must_abstain) = languages.own_row("fr")
    assert lang == "fr"
    assert 0.0 <= acc1 <= acc3 <= 1.0
    assert 0.0 <= abstained <= 1.0 and 0.0 <= must_abstain <= 1.0
    assert acc1 > 0.3  # French documents answered in French: far above chance


def test_the_table_says_which_bars_are_met(languages) -> None:
    english = ("en", (0.78, 0.89, 0.08, 0.78, 0.88, 0.08, 0.91))
    close = ("de", (0.75, 0.85, 0.05, 0.74, 0.84, 0.07, 0.90))
    far = ("de", (0.60, 0.70, 0.20, 0.60, 0.70, 0.20, 0.70))
    met = languages.render([english, close], [], 1.0)
    assert "within 0.05 of English's acc@1 (met)" in met
    assert "abstained <= 0.08 (met)" in met and ">= 0.88 (met)" in met
    assert "| de | 0.750 | -0.030 |" in met
    missed = languages.render([english, far], [], 1.0)
    assert missed.count("(not met)") == 3
