"""``retrieval.ingest.webpage``: whether a text reads as a web page, by its furniture phrases."""

from __future__ import annotations

import pytest

from retrieval.ingest.webpage import looks_like_web_page, web_signals

PROSE = "The council approved the budget on Tuesday after a long debate."


@pytest.mark.parametrize("line", [
    "You may want to subscribe to the nettle-bugs mailing list.",
    "If you would like to contribute code for Wget, please read the HACKING file.",
    "Copyright (c) 2020 The Authors. All rights reserved.", "See also: the manual page.",
    "$ ./bootstrap"])
def test_what_documentation_says_too_is_no_sign_of_a_web_page(line):
    assert web_signals([line]) == []


@pytest.mark.parametrize("line", ["READ MORE: Putin warns Armenia", "Sign up for our newsletter",
                                  "Alexei Druzhinin/AFP via Getty Images", "Leave a Reply"])
def test_page_furniture_is_a_sign_of_a_web_page(line):
    assert len(web_signals([line])) == 1


def test_a_long_word_is_read_in_one_pass_for_furniture() -> None:
    """A data URI or a base64 line is one word of thousands of characters: the patterns for an
    address and for a word of code once tried every start inside it (seconds for 20,000
    characters, growing with the square of its length); a short line with one still counts."""
    word = "iVBORw0KGgo" * 20_000
    assert web_signals([f"Sign up for our newsletter {word}"]) == ["sign up"]
    assert web_signals([f"{word} $session.login() and joe@example.com"]) == []


def test_two_kinds_of_furniture_make_a_web_page_and_one_word_in_a_manual_does_not():
    assert looks_like_web_page([PROSE, "Sign up for our newsletter", "Privacy policy", PROSE])
    manual = [PROSE] * 60 + ["Register the XSLT pattern associated to @cur",
                             "Register a new document, apply key computations",
                             "Register an XSLT extension module to the library."]
    assert not looks_like_web_page(manual)
    # a furniture word in code is an identifier; "log in" and "login" are one phrase
    faq = [PROSE] * 40 + ["To log in, use the login method:", "$ftp->login('user', 'pw');",
                          "$session.login()", "Net::FTP::login"]
    assert web_signals(faq[40:]) == ["log in"]
    assert not looks_like_web_page(faq)
    assert not looks_like_web_page([PROSE] * 40 + ["Log in", "Login", "Log-in"])
    # the same furniture line over and over on a short page still marks it
    assert looks_like_web_page([PROSE] * 10 + ["READ MORE: Putin warns Armenia"] * 3)


@pytest.mark.parametrize("label", ["Most viewed", "Related Topics", "More on this story",
                                   "Explore more on these topics"])
def test_a_news_site_s_list_labels_are_teaser_markers(label):
    assert web_signals([label]) != []


def test_a_furniture_word_and_its_plural_are_one_signal():
    # an HTTP library's README lists "Cookies" and says "cookie" elsewhere: one subject, no page
    paras = ["Requests is an HTTP library.", "- Cookies", "Sessions with cookie persistence"]
    assert web_signals(paras) == ["cookies", "cookie"]
    assert not looks_like_web_page(paras)


def test_a_comment_count_is_a_web_signal():
    assert web_signals(["18 Comments"]) == ["comments"]
    assert web_signals(["Comments (48)"]) == ["comments"]
    assert looks_like_web_page(["The fleet has nine trawlers.", "Leave a comment", "18 Comments"])

