"""``retrieval.digitgroups``: numbers grouped by spaces read as one."""

from __future__ import annotations

import pytest

from retrieval.digitgroups import JOINER, glued, without_joiners


@pytest.mark.parametrize(("text", "spaced", "expected"), [
    ("жили 1 370 человек", True, f"жили 1{JOINER}370 человек"),
    ("бюджет 12 500 000 руб", True, f"бюджет 12{JOINER}500{JOINER}000 руб"),
    ("12\u00a0500 und 7\u202f000 und 3\u2009100", True,
     f"12{JOINER}500 und 7{JOINER}000 und 3{JOINER}100"),
    ("in 2019 120 people", True, "in 2019 120 people"),  # a year has four figures
    ("1 3700 and 1 37", True, "1 3700 and 1 37"),  # a group has three
    ("3,5 100 Leute", True, "3,5 100 Leute"),  # a decimal's figures open no group
    ("page 3 100 copies", False, "page 3 100 copies"),  # English: a plain space parts them
    ("cost 12\u00a0500 euros", False, f"cost 12{JOINER}500 euros"),
])
def test_a_numbers_groups_are_glued_the_text_keeping_its_length(text, spaced, expected):
    assert glued(text, spaced) == expected and len(expected) == len(text)


def test_without_joiners_reads_a_grouped_numbers_figures():
    assert without_joiners(f"1{JOINER}370") == without_joiners("1\u00a0370") == "1370"
