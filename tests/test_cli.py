"""The qabot command through its real entry point (a subprocess, as a user runs it)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS
from .terminal import Terminal


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "corpus"
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns(".*"))
    return root


def qabot(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
          cwd=None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
        env=full_env, cwd=cwd or ROOT, timeout=120,
    )


def test_ask_prints_a_cited_answer_and_sources(corpus):
    r = qabot("ask", "--corpus", str(corpus), "When was the CSTO formed?")
    assert r.returncode == 0, r.stderr
    assert "2002" in r.stdout and "[1]" in r.stdout and "Sources:" in r.stdout
    assert "001_928fbbeead9e5df3" in r.stdout


def test_ask_says_how_it_read_a_typo(corpus):
    r = qabot("ask", "--corpus", str(corpus), "When was the CSTO formd?")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("(Read “formd” as “formed”.)\n“") and "2002" in r.stdout


def test_ask_json_is_one_object_of_the_documented_shape(corpus):
    r = qabot("ask", "--json", "--corpus", str(corpus), "When was the CSTO formed?")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["answered"] is True and data["question"] == "When was the CSTO formed?"
    assert data["sentences"][0]["source"] == "001_928fbbeead9e5df3"
    assert {"id", "title", "url", "publisher"} <= data["sources"][0].keys()


def test_ask_json_abstains_on_an_off_topic_question(corpus):
    r = qabot("ask", "--json", "--corpus", str(corpus), "How do I bake sourdough bread?")
    data = json.loads(r.stdout)
    assert data["answered"] is False and data["sentences"] == [] and data["sources"] == []


def test_ask_reads_one_question_per_line_from_stdin(corpus):
    r = qabot("ask", "--json", "--corpus", str(corpus),
              stdin="When was the CSTO formed?\n\nasdf qwerty\nWho is Dmitry Peskov?\n")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["answered"] for row in rows] == [True, False, True]


def test_a_line_of_escape_sequences_is_no_question(corpus):
    """An arrow key pressed while ``ask`` or the console reads a terminal without line editing
    ("^[[A"), or a line of only a byte order mark (a file of questions saved by Notepad), was
    asked, and answered "I couldn't find this in my sources"."""
    r = qabot("ask", "--json", "--corpus", str(corpus),
              stdin="\ufeff\n\x1b[A\n\x1b[D\x04\nWhen was the CSTO formed?\n")
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["answered"] for line in r.stdout.splitlines()] == [True]
    r = qabot("console", "--corpus", str(corpus), stdin="\x1b[A\n:quit\n")
    assert r.returncode == 0 and "couldn't find" not in r.stdout


def test_ask_plain_batch_from_stdin(corpus):
    r = qabot("ask", "--corpus", str(corpus), stdin="When was the CSTO formed?\nhello\n")
    assert r.returncode == 0 and "2002" in r.stdout and "couldn't find" in r.stdout


def test_index_reports_counts_and_time(corpus):
    r = qabot("index", "--corpus", str(corpus))
    assert r.returncode == 0, r.stderr
    assert " 5 documents" in r.stdout and "passages" in r.stdout and "terms" in r.stdout


def test_console_commands_and_end_of_input(corpus):
    r = qabot("console", "--corpus", str(corpus),
              stdin=":help\n:sources\nWhen was the CSTO formed?\n:bogus\n:quit\nnever asked\n")
    assert r.returncode == 0, r.stderr
    assert ":sources" in r.stdout and "003_48dbabf1d7c8e91b" in r.stdout
    assert "2002" in r.stdout and "Unknown command" in r.stdout
    assert "never asked" not in r.stdout


def test_console_leaves_cleanly_at_end_of_input(corpus):
    r = qabot(stdin="When was the CSTO formed?\n", env={"QABOT_CORPUS_DIR": str(corpus)})
    assert r.returncode == 0 and "2002" in r.stdout and "Traceback" not in r.stderr


def test_the_console_is_the_command_when_only_options_are_given(corpus):
    # (`qabot --corpus DIR` said "invalid choice: DIR")
    r = qabot("--corpus", str(corpus), stdin="When was the CSTO formed?\n")
    assert r.returncode == 0, r.stderr
    assert "2002" in r.stdout


@pytest.mark.parametrize(
    ("args", "env", "needle"),
    [
        (["ask", "--corpus", "/no/such/dir", "q"], {}, "does not exist"),
        (["ask", "--top-k", "0", "q"], {}, "--top-k 0"),
        (["ask", "q"], {"QABOT_LOG_FORMAT": "xml"}, "QABOT_LOG_FORMAT='xml'"),
        (["ask", ""], {}, "empty"),
        (["ask", "\x1b[A\x01"], {}, "empty"),  # an arrow key, a control character
        # options that go with another, given without it, were passed over in silence
        (["index", "--interval", "5"], {}, "add --watch"),
        (["index", "--verify", "--full"], {}, "drop --full"),
        # a language qabot does not read would read every document as nothing
        (["ask", "q"], {"QABOT_LANGUAGE": "xx"}, "a language qabot reads"),
        (["ask", "q"], {"QABOT_LANGUAGE": "eng"}, "ISO 639-1"),
        (["ask", "q"], {"QABOT_MIN_CONFIDENCE": "nan"}, "finite number"),
    ],
)
def test_usage_and_configuration_errors_exit_2_without_traceback(args, env, needle):
    r = qabot(*args, env=env)
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("dotenv", ["# Paramètres\n".encode("cp1252"),
                                    "QABOT_TOP_K=5\n".encode("utf-16")])
def test_a_dotenv_that_is_not_utf8_is_said_plainly(tmp_path, dotenv):
    (tmp_path / ".env").write_bytes(dotenv)
    r = qabot("ask", "--index-dir", str(tmp_path / "idx"), "When was the CSTO formed?",
              cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the .env file is not UTF-8 text" in r.stderr


def test_an_empty_index_dir_setting_is_no_setting(tmp_path, corpus):
    # (an empty path is the current folder: the index was written into it)
    r = qabot("ask", "--corpus", str(corpus), "When was the CSTO formed?",
              env={"QABOT_INDEX_DIR": "", "QABOT_CORPUS_DIR": ""}, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_command_exits_2():
    r = qabot("frobnicate")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_default_corpus_is_the_bundled_seeds_from_anywhere(tmp_path):
    r = qabot("ask", "--index-dir", str(tmp_path / "idx"), "When was the CSTO formed?",
              cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2002" in r.stdout


def test_logs_go_to_stderr_and_can_be_json(corpus, tmp_path):
    (corpus / "bad.txt").write_bytes(b"\x00\x01")
    try:
        r = qabot("ask", "--json", "--corpus", str(corpus), "--index-dir", str(tmp_path / "i"),
                  "When was the CSTO formed?", env={"QABOT_LOG_FORMAT": "json"})
    finally:
        (corpus / "bad.txt").unlink()
    json.loads(r.stdout)  # stdout carries only the answer
    events = [json.loads(line) for line in r.stderr.splitlines() if line.startswith("{")]
    assert any(e["event"] == "file_skipped" and "bad.txt" in e["path"] for e in events)


def test_similar_words_setting_switches_synonym_matching(tmp_path):
    corpus = tmp_path / "towns"
    corpus.mkdir()
    (corpus / "birch.txt").write_text("The town of Birch asked the governor about taxes in May.\n")
    (corpus / "alder.txt").write_text(
        "The town of Alder asked the governor for assistance after the storm in June.\n")
    question = "Which town asked the governor for help?"
    firsts = {}
    for value in ("true", "false"):
        r = qabot("ask", "--json", "--corpus", str(corpus), question,
                  env={"QABOT_SIMILAR_WORDS": value, "QABOT_MIN_CONFIDENCE": "0"})
        assert r.returncode == 0, r.stderr
        firsts[value] = json.loads(r.stdout)["sentences"][0]["source"]
    assert firsts == {"true": "alder", "false": "birch"}


def test_correct_spelling_setting_switches_typo_reading(corpus):
    read = {}
    for value in ("true", "false"):
        r = qabot("ask", "--json", "--corpus", str(corpus), "When was the CSTO formd?",
                  env={"QABOT_CORRECT_SPELLING": value})
        assert r.returncode == 0, r.stderr
        read[value] = json.loads(r.stdout)["read_as"]
    assert read == {"true": {"formd": "formed"}, "false": {}}


GUIDE = """# Widget Server Guide

The Widget Server serves widgets over HTTP.

## Install

### Linux

Run the installer as root; it puts the server in /opt/widget.

```
sudo ./install.sh
```

## Options

| Option | Default |
| --- | --- |
| --port | 8080 |
"""


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    root = tmp_path_factory.mktemp("guide")
    (root / "guide.md").write_text(GUIDE, encoding="utf-8")
    return root


def test_ask_cites_the_section_a_quote_is_in(guide):
    r = qabot("ask", "--corpus", str(guide), "Where does the installer put the server?")
    assert r.returncode == 0, r.stderr
    assert "[1] Widget Server Guide › Install › Linux [guide]" in r.stdout
    r = qabot("ask", "--json", "--corpus", str(guide), "What is the default port?")
    (quote,) = json.loads(r.stdout)["sentences"][:1]
    assert quote["text"] == "Option: --port; Default: 8080" and quote["section"] == "Options"


def test_ask_and_index_say_which_corpus_they_answer_from(guide, tmp_path):
    r = qabot("ask", "--corpus", str(guide), "Where does the installer put the server?")
    assert f"answering from {guide.resolve()} (--corpus), 1 document" in r.stderr
    r = qabot("ask", "When was the CSTO formed?", cwd=tmp_path)  # no ./seeds, no .env here
    assert "the bundled seeds" in r.stderr and "answering from" in r.stderr
    r = qabot("index", env={"QABOT_CORPUS_DIR": str(guide)}, cwd=tmp_path)
    assert "(QABOT_CORPUS_DIR)" in r.stderr
    (tmp_path / ".env").write_text(f"QABOT_CORPUS_DIR={guide}\n")
    r = qabot("ask", "Where does the installer put the server?", cwd=tmp_path)
    assert "(QABOT_CORPUS_DIR in .env)" in r.stderr and "/opt/widget" in r.stdout


def test_an_empty_corpus_setting_is_not_said_to_come_from_a_dot_env(tmp_path):
    """``QABOT_CORPUS_DIR=`` (as a template leaves it) with no .env anywhere was said to be
    "QABOT_CORPUS_DIR in .env"."""
    r = qabot("ask", "When was the CSTO formed?", env={"QABOT_CORPUS_DIR": ""}, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(the bundled seeds: no --corpus" in r.stderr and ".env" not in r.stderr
    (tmp_path / ".env").write_text("QABOT_CORPUS_DIR=\n")
    r = qabot("ask", "When was the CSTO formed?", cwd=tmp_path)
    assert "(the bundled seeds: no --corpus" in r.stderr and ".env" not in r.stderr


@pytest.mark.parametrize("interval", ["0", "nan", "inf", "1e300"])
def test_index_watch_refuses_an_interval_it_cannot_wait(corpus, interval):
    """nan passed the check (a busy loop looking at the files), inf and 1e300 were a traceback
    from the wait (OverflowError)."""
    r = subprocess.run(
        [sys.executable, "-m", "bot", "index", "--watch", "--interval", interval,
         "--corpus", str(corpus)], capture_output=True, text=True, cwd=ROOT, timeout=30)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == (f"qabot: --interval must be above 0 and at most 3600 seconds, "
                        f"got {float(interval)}\n")


def test_a_bad_setting_is_named_as_the_user_wrote_it_with_its_value(corpus):
    """The messages named pydantic's fields ("top_k: Input should be ..."), neither the variable
    nor the option the user set, nor the value."""
    r = qabot("ask", "--corpus", str(corpus), "x", env={"QABOT_TOP_K": "abc"})
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == ("qabot: invalid configuration: QABOT_TOP_K='abc': Input should be a "
                        "valid integer, unable to parse string as an integer\n")
    r = qabot("ask", "--corpus", str(corpus), "--top-k", "-3", "x")
    assert r.stderr == ("qabot: invalid configuration: --top-k -3: Input should be greater than "
                        "or equal to 1\n")
    r = qabot("ask", "--corpus", str(corpus), "x", env={"QABOT_REDIS_URL": "redis://:pw@h:6a/0"})
    assert r.stderr.startswith("qabot: invalid configuration: QABOT_REDIS_URL: must be a URL")
    assert "pw" not in r.stderr  # a secret's value is never repeated


def test_show_says_a_document_the_index_skips_is_not_indexed(tmp_path):
    """A file of headings and a word (a menu) was shown as "3 blocks: 3 indexed" while
    `qabot index` skipped it for having no prose, with or without a saved index."""
    shutil.copytree(SEEDS, tmp_path / "c", ignore=shutil.ignore_patterns(".*"))
    (tmp_path / "c" / "menu.txt").write_text("Home\n\nAbout us\n\nContact\n")
    r = qabot("index", "--corpus", str(tmp_path / "c"))
    assert "skipped " in r.stderr and "menu.txt: no prose left after cleaning" in r.stderr
    for _ in ("the saved index current", "without one"):
        r = qabot("show", "--corpus", str(tmp_path / "c"), "menu")
        assert r.returncode == 0, r.stderr
        assert ("  3 blocks: 3 kept, 0 dropped\n  not indexed: no prose left after cleaning, so "
                "the document is skipped\n") in r.stdout
        assert "[kept] paragraph" in r.stdout and "[indexed" not in r.stdout
        r = qabot("show", "--json", "--corpus", str(tmp_path / "c"), "menu")
        assert json.loads(r.stdout)["skipped"] == "no prose left after cleaning"
        shutil.rmtree(tmp_path / "c" / ".qabot-index", ignore_errors=True)
    r = qabot("show", "--json", "--corpus", str(tmp_path / "c"), "001_928fbbeead9e5df3")
    assert json.loads(r.stdout)["skipped"] is None


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_ask_without_a_question_at_a_terminal_says_it_reads_the_terminal(corpus):
    """`qabot ask` with no question waited in silence, as if stuck."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    with Terminal("ask", "--corpus", str(corpus), env=env) as terminal:
        terminal.read_until("qabot: reading questions from the terminal, one a line, until "
                            "Ctrl-D")
        terminal.send("When was the CSTO formed?\r")
        assert "2002" in terminal.read_until("Sources:")
        terminal.read_until("\r\n\r\n")
        terminal.send("\x04")
        assert terminal.finish() == 0
    r = qabot("ask", "--corpus", str(corpus), stdin="When was the CSTO formed?\n")
    assert "reading questions" not in r.stderr  # (not when they come from a pipe or a file)


def test_help_says_what_the_exit_codes_mean():
    r = qabot("--help")
    assert r.returncode == 0
    assert " ".join(r.stdout.split()).endswith(
        "Exit codes: 0 ok, 1 a check failed (eval --min-hit1, index when the index could not be "
        "saved or --verify found it changed), 2 usage or configuration error (one line on "
        "stderr), 130 Ctrl-C, 143 SIGTERM.")


def test_a_locale_that_cannot_write_a_quote_gets_escapes_not_a_traceback(corpus):
    """Under a Latin-1 or ASCII locale the answer's “ ” were a UnicodeEncodeError traceback."""
    r = qabot("ask", "--corpus", str(corpus), "When was the CSTO formed?",
              env={"PYTHONIOENCODING": "latin-1"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("\\u201cThe alliance was formed in 2002")
    r = qabot("ask", "--json", "--corpus", str(corpus), "When was the CSTO formed?",
              env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"].startswith("“The alliance was formed in 2002")
    r = qabot("show", "--json", "--corpus", str(corpus), "002_2fd7126865674a82",
              env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    assert "Russia’s" in json.loads(r.stdout)["title"]


def test_show_lists_every_block_with_what_became_of_it(guide):
    r = qabot("show", "--corpus", str(guide), "guide")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("guide: Widget Server Guide\n")
    assert "[indexed, not quoted] heading · Install › Linux\n  Linux" in out
    assert "[dropped: code block: kept out of quotes and the index] code · Install › Linux" in out
    assert "[indexed] table_row · Options\n  Option: --port; Default: 8080" in out
    r = qabot("show", "--json", "--corpus", str(guide), "guide.md")
    shown = json.loads(r.stdout)
    assert shown["id"] == "guide" and shown["web_page"] is False
    assert {b["kind"] for b in shown["blocks"]} == {"heading", "paragraph", "code", "table_row"}
    assert shown["languages"] == ["en"]


def test_show_and_ask_read_a_document_in_its_language(tmp_path):
    corpus = tmp_path / "ru"
    corpus.mkdir()
    (corpus / "most.txt").write_text(
        "Мост через реку Ладу был построен в 1903 году инженером Павлом Орловым. "
        "Длина моста составляет четыреста двадцать метров.\n", encoding="utf-8")
    r = qabot("show", "--corpus", str(corpus), "most")
    assert r.returncode == 0, r.stderr
    assert ", in ru\n" in r.stdout
    r = qabot("ask", "--corpus", str(corpus), "Когда был построен мост?")
    assert r.returncode == 0, r.stderr
    assert "1903" in r.stdout
    # the corpus's language set by hand wins over detection
    r = qabot("show", "--json", "--corpus", str(corpus), "most", env={"QABOT_LANGUAGE": "uk-UA"})
    assert json.loads(r.stdout)["languages"] == ["uk"]
    # a setting that names no language is refused, clearly
    r = qabot("ask", "--corpus", str(corpus), "Когда?", env={"QABOT_LANGUAGE": "Russian!"})
    assert r.returncode == 2
    assert "QABOT_LANGUAGE='Russian!': must be the code of a language" in r.stderr
    assert "Traceback" not in r.stderr


def test_show_finds_a_path_in_the_corpus_and_says_why_a_file_was_not_indexed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("The tin cup was made in 1910.\n")
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "empty.txt").write_text("")
    r = qabot("show", "--corpus", str(tmp_path), "sub/notes.txt")
    assert r.returncode == 0, r.stderr
    assert "The tin cup was made in 1910." in r.stdout
    for name in ("empty.txt", "empty"):  # by its file name, or as its id would read
        r = qabot("show", "--corpus", str(tmp_path), name)
        assert r.returncode == 2 and "empty.txt is not indexed: empty file" in r.stderr


def test_show_reads_one_document_when_the_saved_index_is_current(tmp_path):
    # three pages share a "Subscribe" line: dropped from each as repeated across documents
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(
            f"The {name} bridge was built by the county engineers, who used local stone for "
            "every arch.\n\nIts span is forty metres over the river.\n\n"
            "Subscribe to our newsletter\n")
    (tmp_path / "empty.txt").write_text("")
    assert qabot("index", "--corpus", str(tmp_path)).returncode == 0
    # c.txt now reads otherwise, its size and times kept: only a read of it would tell, and
    # show, with the saved index current, reads a.txt alone and its repeated lines from there
    c = tmp_path / "c.txt"
    stat = c.stat()
    c.write_text(("Nothing here is about bridges. " * 20)[: stat.st_size])
    os.utime(c, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    r = qabot("show", "--corpus", str(tmp_path), "a")
    assert r.returncode == 0, r.stderr
    dropped = "[dropped: repeated across documents] paragraph\n  Subscribe to our newsletter"
    assert dropped in r.stdout
    r = qabot("show", "--corpus", str(tmp_path), "empty.txt")
    assert r.returncode == 2 and "empty.txt is not indexed: empty file" in r.stderr
    # without the saved index, the corpus is read as it is now: two copies are no repetition
    shutil.rmtree(tmp_path / ".qabot-index")
    r = qabot("show", "--corpus", str(tmp_path), "a")
    assert "[indexed] paragraph\n  Subscribe to our newsletter" in r.stdout


def test_index_lists_every_file_it_skipped_even_at_cleaning(tmp_path):
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "codeonly.md").write_text("```\nmake install\n```\n")
    r = qabot("index", "--corpus", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "codeonly.md: no prose left after cleaning" in r.stderr.replace(
        str(tmp_path) + "/", "")


def test_file_names_are_printed_without_terminal_escape_sequences(tmp_path):
    """``qabot index``'s skipped lines and an error naming the corpus's documents printed a
    file's name raw: an escape sequence in it set the terminal's title, cleared its screen."""
    (tmp_path / "notes\x1b]0;PWNED\x07\x1b[2Jred.txt").write_text(
        "The wombat sleeps sixteen hours every day in its burrow.\n")
    (tmp_path / "scan\x1b[31m.txt").write_text("")
    r = qabot("index", "--corpus", str(tmp_path), "--index-dir", str(tmp_path / "idx"))
    assert r.returncode == 0, r.stderr
    skipped = [line for line in r.stderr.splitlines() if line.startswith("skipped ")]
    assert skipped == [f"skipped {tmp_path}/scan?[31m.txt: empty file"]
    r = qabot("show", "--corpus", str(tmp_path), "--index-dir", str(tmp_path / "idx"), "nope")
    assert r.returncode == 2 and "(documents: notes?]0;PWNED??[2Jred" in r.stderr
    assert "\x1b" not in r.stderr


def test_show_lists_a_short_code_block_kept_for_its_lead_in_and_drops_a_long_one(tmp_path):
    (tmp_path / "frob.md").write_text(
        "# Frob\n\nTo install frob, type:\n\n```\npip install frob\n```\n\n"
        "To build frob, run:\n\n```\n./configure\nmake\nmake check\nmake install\n```\n",
        encoding="utf-8")
    r = qabot("show", "--corpus", str(tmp_path), "frob")
    assert r.returncode == 0, r.stderr
    assert ("[kept for the quote of the lead-in before it, not indexed] code\n"
            "  pip install frob\n") in r.stdout
    assert ("[dropped: code block: kept out of quotes and the index] code\n"
            "  ./configure make make check make install\n") in r.stdout


def test_show_names_an_unknown_document_and_exits_2(guide):
    r = qabot("show", "--corpus", str(guide), "nope")
    assert r.returncode == 2 and "no document 'nope'" in r.stderr and "Traceback" not in r.stderr


def test_min_confidence_setting_sets_when_qabot_abstains(corpus):
    question = "When was the CSTO formed?"
    got = {}
    for value in ("0", "1"):
        r = qabot("ask", "--json", "--corpus", str(corpus), question,
                  env={"QABOT_MIN_CONFIDENCE": value})
        assert r.returncode == 0, r.stderr
        got[value] = json.loads(r.stdout)
    assert got["0"]["answered"] is True and 0.0 < got["0"]["confidence"] < 1.0
    assert got["1"]["answered"] is False  # no confidence reaches 1
    assert got["1"]["confidence"] == got["0"]["confidence"]  # abstained, still reported
    r = qabot("ask", "--corpus", str(corpus), question, env={"QABOT_MIN_CONFIDENCE": "2"})
    assert r.returncode == 2 and "QABOT_MIN_CONFIDENCE" in r.stderr and "Traceback" not in r.stderr


def test_an_unsure_answer_says_so_above_its_quotes(corpus):
    # a bare "what is X?" over news: the sentences only mention X in passing, and the selector
    # gives them little confidence
    question = "What is the CSTO?"
    data = json.loads(qabot("ask", "--json", "--corpus", str(corpus), question).stdout)
    assert data["answered"] and data["low_confidence"]
    r = qabot("ask", "--corpus", str(corpus), question)
    assert r.stdout.startswith("(Not sure this answers your question")
    sure = json.loads(qabot("ask", "--json", "--corpus", str(corpus),
                            "When was the CSTO formed?").stdout)
    assert sure["answered"] and not sure["low_confidence"]
    r = qabot("ask", "--corpus", str(corpus), "When was the CSTO formed?")
    assert r.stdout.startswith("“") and "Not sure" not in r.stdout


def test_index_fails_when_it_cannot_save_the_index(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    r = qabot("index", "--corpus", str(corpus),
              env={"QABOT_INDEX_DIR": str(blocker / "index")})
    assert r.returncode == 1, r.stdout
    assert "could not be saved" in r.stderr and "Traceback" not in r.stderr
    # and what to do (a read-only corpus folder, a container's image): save it elsewhere
    assert r.stderr.endswith("Not a directory): pass --index-dir DIR (or set QABOT_INDEX_DIR) "
                             "to save it elsewhere\n")


def test_ask_answers_when_with_a_time_of_day_from_a_handbook(tmp_path):
    # "When is the IT helpdesk open?" was "I couldn't find this in my sources." though the
    # handbook says it in as many words: a time of day was no evidence for "when"
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "faq.md").write_text("# IT FAQ\n\nThe IT helpdesk is open from 8:00 to 18:00 on "
                                   "weekdays.\n\nThe cafeteria closes at 15:00 on Fridays.\n")
    r = qabot("ask", "--corpus", str(corpus), "When is the IT helpdesk open?")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("“The IT helpdesk is open from 8:00 to 18:00 on weekdays.” [1]")


def test_an_empty_corpus_names_every_format_qabot_reads(tmp_path):
    # it named text, Markdown, HTML, PDF and Word, not the reST and AsciiDoc it reads as well;
    # then not LaTeX, OpenDocument, EPUB, e-mail, CSV or RTF (each format has a name: below)
    from retrieval.corpus import _FORMAT_NAMES
    from retrieval.ingest.read import FORMATS

    assert set(FORMATS.values()) <= _FORMAT_NAMES.keys()
    (tmp_path / "c").mkdir()
    r = qabot("index", "--corpus", str(tmp_path / "c"))
    assert r.returncode == 2
    assert r.stderr.endswith(
        ": add text, Markdown, reStructuredText, HTML, PDF, Word, AsciiDoc, LaTeX, OpenDocument, "
        "EPUB, e-mail, mail archive, CSV, TSV, RTF, BibTeX or PowerPoint files or pass another "
        "--corpus\n")


def _indexed(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of one document, indexed by ``qabot index``, and its saved snapshot's folder."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The harbour bridge opened in 1932 after eight years.\n")
    assert qabot("index", "--corpus", str(corpus)).returncode == 0
    snap = next(p for p in (corpus / ".qabot-index").iterdir() if p.name.startswith("snap-"))
    return corpus, snap


def test_index_verify_reports_a_damaged_index(tmp_path):
    corpus, snap = _indexed(tmp_path)
    ok = qabot("index", "--verify", "--corpus", str(corpus))
    assert ok.returncode == 0 and "as it was written" in ok.stdout
    blob = bytearray((snap / "text_blob.npy").read_bytes())
    blob[-2] ^= 0x01
    (snap / "text_blob.npy").write_bytes(bytes(blob))
    bad = qabot("index", "--verify", "--corpus", str(corpus))
    assert bad.returncode == 1 and "text_blob.npy differs" in bad.stderr
    assert "`qabot index --full` rebuilds it" in bad.stderr
    assert "Traceback" not in bad.stderr
    shutil.rmtree(corpus / ".qabot-index")  # none saved: said, with what to do
    none = qabot("index", "--verify", "--corpus", str(corpus))
    assert none.returncode == 2 and none.stderr == (
        f"qabot: no saved index in {str(corpus / '.qabot-index')!r}: `qabot index` builds it\n")


@pytest.mark.parametrize("damage", [b"\x9e", b"[1, 2]"])  # a byte not UTF-8; no file list
def test_index_verify_reports_a_damaged_manifest_as_changed(tmp_path, damage):
    # it was exit 2 and "has no readable manifest: 'utf-8' codec can't decode ...", the
    # answer for no saved index at all, not the exit 1 of an index not as it was written
    corpus, snap = _indexed(tmp_path)
    meta = (snap / "meta.json").read_bytes()
    (snap / "meta.json").write_bytes(damage + meta[len(damage):] if damage[0] > 0x7f else damage)
    bad = qabot("index", "--verify", "--corpus", str(corpus))
    assert bad.returncode == 1, bad.stderr
    assert bad.stderr == (f"qabot: the saved index in {corpus / '.qabot-index'} is not as it "
                          "was written: meta.json differs; `qabot index --full` rebuilds it\n")


def test_ask_warns_of_a_damaged_manifest_before_rebuilding(tmp_path):
    # it was logged at info as `index_stale_rebuilding`, as if a file of the corpus had changed,
    # where the README promises the `index_unusable_rebuilding` warning for a damaged index
    corpus, snap = _indexed(tmp_path)
    (snap / "meta.json").write_bytes(b"\x9e" + (snap / "meta.json").read_bytes()[1:])
    r = qabot("ask", "--corpus", str(corpus), "When did the harbour bridge open?")
    assert r.returncode == 0, r.stderr
    assert "1932" in r.stdout
    assert "index_unusable_rebuilding" in r.stderr and "index_stale_rebuilding" not in r.stderr
    assert qabot("index", "--verify", "--corpus", str(corpus)).returncode == 0  # saved anew


@pytest.mark.parametrize("bits", [0x01, 0x80])  # "1932" read as "1933"; a byte not UTF-8
def test_ask_rebuilds_an_index_damaged_after_it_was_saved(tmp_path, bits):
    # a flipped byte keeps the file's size, so loading takes the index; once, the question
    # quoted "1933" as the source's words, or ended in a UnicodeDecodeError traceback
    corpus, snap = _indexed(tmp_path)
    blob = bytearray((snap / "text_blob.npy").read_bytes())
    at = bytes(blob).rindex(b"1932") + 3
    blob[at] ^= bits
    (snap / "text_blob.npy").write_bytes(bytes(blob))
    r = qabot("ask", "--corpus", str(corpus), "When did the harbour bridge open?")
    assert r.returncode == 0, r.stderr
    assert "1932" in r.stdout and "1933" not in r.stdout
    assert "index_damaged_rebuilding" in r.stderr and "Traceback" not in r.stderr
    assert qabot("index", "--verify", "--corpus", str(corpus)).returncode == 0  # saved anew


def test_ctrl_c_while_the_modules_load_ends_quietly(monkeypatch):
    import builtins
    import sys as system

    from bot.__main__ import run

    real = builtins.__import__

    def interrupted(name, globals=None, locals=None, fromlist=(), level=0):
        if (name == "cli" and level == 1) or name == "bot.cli":
            raise KeyboardInterrupt
        return real(name, globals, locals, fromlist, level)

    monkeypatch.delitem(system.modules, "bot.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as ended:
        run()
    assert ended.value.code == 130


def test_show_with_the_index_stale_brings_it_up_to_date_rather_than_reading_every_file(
        tmp_path):
    """With any file of the corpus changed since `qabot index`, `qabot show` read every
    document again, one after another (on a shared folder of 2,700 files whose build takes
    9 minutes on two cores, all of it on one) where updating the index reads the one file
    changed. It now updates the index first, as `ask`
    does, and reads the document alone."""
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(
            f"The {name} bridge was built by the county engineers, who used local stone for "
            "every arch.\n\nIts span is forty metres over the river.\n\n"
            "Subscribe to our newsletter\n")
    assert qabot("index", "--corpus", str(tmp_path)).returncode == 0
    # c.txt now reads otherwise, its size and times kept: a build keeps what the index has
    # of it (three "Subscribe" lines, repeated), a read of every file finds two
    c = tmp_path / "c.txt"
    stat = c.stat()
    c.write_text(("Nothing here is about bridges. " * 20)[: stat.st_size])
    os.utime(c, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (tmp_path / "d.txt").write_text("The tin cup was made in 1910 by a smith of the town.\n")
    r = qabot("show", "--corpus", str(tmp_path), "a")
    assert r.returncode == 0, r.stderr
    assert "[dropped: repeated across documents] paragraph\n  Subscribe" in r.stdout
    r = qabot("ask", "--json", "--corpus", str(tmp_path), "When was the tin cup made?")
    assert "index_stale_rebuilding" not in r.stderr  # show left the index current


def _can_be_pid_1() -> bool:
    """Whether this user may start a process as PID 1 of a new PID namespace (root, Linux)."""
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "--pid", "--fork", "true"],
                          capture_output=True).returncode == 0


def _takes_sigterm(pid: int) -> bool:
    """Whether process ``pid`` has a handler for SIGTERM (its ``SigCgt`` mask in /proc)."""
    import signal as signals

    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next((line.split()[1] for line in status.splitlines()
                   if line.startswith("SigCgt:")), "0")
    return bool(int(caught, 16) >> (signals.SIGTERM - 1) & 1)


def _sigterm_ends_it(prefix: list[str], *, preexec=None, after: str | None, delay: float,
                     corpus: Path) -> tuple[int | None, float, str]:
    """``qabot ask`` reading questions from a pipe left open, sent SIGTERM ``delay`` seconds
    in (while its modules load) or once it says ``after`` on stderr: its exit code (``None``
    when it still ran 10 s on), the seconds it took to end after the signal, and its
    stderr."""
    import signal as signals
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    with subprocess.Popen([*prefix, sys.executable, "-m", "bot", "ask", "--corpus",
                           str(corpus)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, cwd=ROOT, preexec_fn=preexec) as proc:
        try:
            target = proc.pid
            if prefix:  # unshare's child is the command, PID 1 in its namespace
                started = time.monotonic()
                while time.monotonic() - started < 10:
                    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text()
                    if children.split():
                        target = int(children.split()[0])
                        break
                    time.sleep(0.005)
            assert proc.stderr is not None
            if after is not None:
                line = proc.stderr.readline().decode()
                assert after in line, line
            else:  # once it takes SIGTERM (a loaded machine may take longer than ``delay``
                # to start the interpreter, and PID 1 ignores a signal it does not take),
                # which it does before its modules load: numpy is not mapped yet
                started = time.monotonic()
                while not _takes_sigterm(target) and time.monotonic() - started < 10:
                    time.sleep(0.002)
                maps = Path(f"/proc/{target}/maps").read_text()
                assert "/numpy/" not in maps, "SIGTERM taken only after the modules loaded"
                time.sleep(delay)
            os.kill(target, signals.SIGTERM)
            sent = time.monotonic()
            with contextlib.suppress(subprocess.TimeoutExpired):  # (stdin stays open meanwhile)
                proc.wait(timeout=10)
            seconds = time.monotonic() - sent
            code = proc.poll()  # None: still running
            return code, seconds, "" if code is None else proc.stderr.read().decode()
        finally:
            if proc.poll() is None:
                os.kill(target, signals.SIGKILL)
                proc.kill()


def _ignoring_sigterm() -> None:
    import signal as signals

    signals.signal(signals.SIGTERM, signals.SIG_IGN)


@pytest.mark.parametrize("after", [None, "answering from"], ids=["while importing", "loaded"])
@pytest.mark.parametrize("as_pid_1", [False, True], ids=["SIGTERM ignored", "PID 1"])
def test_sigterm_ends_qabot_at_any_moment_of_start_up(corpus, after, as_pid_1):
    """A service manager's stop works from the first moment: qabot takes SIGTERM before its
    modules load (about a second) and exits 143. As PID 1 of a container (the image's
    `qabot webhook`), where the default action of SIGTERM is ignored, it ran on until the bot
    or server took the signal itself, seconds later (a `qabot ask` never did). Without a PID
    namespace to start PID 1 in, an inherited SIG_IGN stands in for it."""
    if as_pid_1 and not _can_be_pid_1():
        pytest.skip("unshare --pid needs root")
    code, seconds, err = _sigterm_ends_it(
        ["unshare", "--pid", "--fork"] if as_pid_1 else [],
        preexec=None if as_pid_1 else _ignoring_sigterm, after=after, delay=0.15,
        corpus=corpus)
    assert code == 143, err
    assert seconds < 3 and "Traceback" not in err


@pytest.mark.parametrize("log_format", ["console", "json"])
def test_index_says_each_file_it_skipped_once(tmp_path, log_format):
    """`qabot index` lists what it skipped; the `file_skipped` warning logged as each file was
    read said every one a second time, just above the list."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "blank.txt").write_text("")
    (tmp_path / "codeonly.md").write_text("```\nmake install\n```\n")
    r = qabot("index", "--corpus", str(tmp_path), env={"QABOT_LOG_FORMAT": log_format})
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("blank.txt") == 1 and r.stderr.count("codeonly.md") == 1, r.stderr
    assert "blank.txt: empty file" in r.stderr
    r = qabot("ask", "--corpus", str(tmp_path), "--index-dir", str(tmp_path / "elsewhere"),
              "When was the jade statue carved?")
    assert "file_skipped" in r.stderr and "blank.txt" in r.stderr  # said where nothing lists it


def _index_files(index_dir: Path) -> dict[str, int]:
    """Every file and folder under ``index_dir``, with its modification time (ns)."""
    return {str(p.relative_to(index_dir)): p.stat().st_mtime_ns for p in index_dir.rglob("*")}


def test_index_of_an_unchanged_corpus_says_it_is_up_to_date_and_writes_nothing(tmp_path):
    """A second `qabot index` with nothing changed wrote a new snapshot (every array, the
    manifest, CURRENT) as if something had: a cron job's every run rewrote the index and made
    every running bot load it again. It now says so and writes nothing; `--full` still builds."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "b.txt").write_text("The bronze bell was cast in 1702 for the old church.\n")
    assert qabot("index", "--corpus", str(tmp_path)).returncode == 0
    index_dir = tmp_path / ".qabot-index"
    before = _index_files(index_dir)
    r = qabot("index", "--corpus", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("up to date: 2 documents, 2 passages"), r.stdout
    assert str(index_dir) in r.stdout
    assert _index_files(index_dir) == before
    r = qabot("index", "--full", "--corpus", str(tmp_path))
    assert r.returncode == 0 and r.stdout.startswith("indexed 2 documents"), r.stdout
    assert _index_files(index_dir) != before
    (tmp_path / "c.txt").write_text("The oak chest was made in 1810 by the town's joiner.\n")
    r = qabot("index", "--corpus", str(tmp_path))
    assert r.stdout.startswith("indexed 3 documents") and "(1 file read" in r.stdout, r.stdout
    assert "index_stale_rebuilding" not in r.stderr  # (what it is run for: not said)


def test_index_verify_finds_a_manifest_edited_into_other_valid_json(tmp_path):
    """A changed count in meta.json, still valid JSON: `--verify` said the index was as it
    was written. It is found now, and `qabot index` rebuilds it with a warning."""
    corpus, snap = _indexed(tmp_path)
    meta = json.loads((snap / "meta.json").read_text())
    meta["n_passages"] += 1
    (snap / "meta.json").write_text(json.dumps(meta))
    bad = qabot("index", "--verify", "--corpus", str(corpus))
    assert bad.returncode == 1, bad.stdout
    assert "meta.json differs" in bad.stderr and "Traceback" not in bad.stderr
    r = qabot("index", "--corpus", str(corpus))
    assert r.returncode == 0 and r.stdout.startswith("indexed 1 document,"), r.stdout
    assert "index_unusable_rebuilding" in r.stderr
    assert qabot("index", "--verify", "--corpus", str(corpus)).returncode == 0


def _closing(fd: int):
    """A ``preexec_fn`` closing ``fd`` in the child: qabot starts with it closed (`2>&-`)."""
    return lambda: os.close(fd)


@pytest.mark.parametrize("fd", [0, 1, 2], ids=["stdin", "stdout", "stderr"])
def test_a_closed_standard_stream_is_no_crash(corpus, fd):
    """A script or service manager that starts qabot with a standard stream closed (`<&-`,
    `>&-`, `2>&-`): Python leaves it ``None``, and qabot ended in an AttributeError (with
    stderr closed, a silent exit 1 and no answer). A closed one reads as empty and writes
    nowhere."""
    args = ["ask", "--corpus", str(corpus)] + ([] if fd == 0 else ["When was the CSTO formed?"])
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    r = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=fd != 0,
                       stdin=None if fd == 0 else subprocess.DEVNULL, text=True, env=env,
                       cwd=ROOT, timeout=120, preexec_fn=_closing(fd))
    assert r.returncode == 0, r.stderr
    if fd == 2:
        assert "2002" in r.stdout
    if fd == 1:
        assert "Traceback" not in r.stderr


def test_an_output_that_cannot_be_written_is_one_line_and_exit_1(corpus, tmp_path):
    """stdout on a full disk (/dev/full): an OSError's traceback; now one line on stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    for args in (["ask", "When was the CSTO formed?"], ["ask", "--json", "What is the CSTO?"],
                 ["index"]):
        with open("/dev/full", "w") as full:
            r = subprocess.run([sys.executable, "-m", "bot", *args, "--corpus", str(corpus)],
                               stdout=full, stderr=subprocess.PIPE, text=True, env=env,
                               cwd=ROOT, timeout=120)
        assert r.returncode == 1, r.stderr
        assert r.stderr.splitlines()[-1] == ("qabot: cannot write the output: No space left "
                                             "on device"), r.stderr
        assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr


def test_a_byte_of_stdin_that_is_not_in_its_encoding_is_no_traceback(corpus):
    """A question file with a stray byte (a Latin-1 "ü" among UTF-8 lines), read where stdin
    is strict UTF-8 (a UTF-8 locale such as en_US.UTF-8; PYTHONIOENCODING stands in for it):
    a UnicodeDecodeError's traceback, and no answer to that line or any after it. The byte
    reads as "�"; every line is answered."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    env["PYTHONIOENCODING"] = "utf-8:strict"
    r = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "--corpus", str(corpus)],
                       input=b"When was the CSTO form\xfcd?\nWhen was the CSTO formed?\n",
                       capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    first, second = (json.loads(line) for line in r.stdout.splitlines())
    assert first["question"] == "When was the CSTO form\ufffdd?"
    assert second["answered"] is True


def test_show_names_a_mail_archives_message_by_its_id(tmp_path):
    """A mail archive is a document a message: `show` names one as "archive#N", and the
    archive's own name asks for one of them, with or without a saved index."""
    from .formatwriters import write_eml, write_mbox

    corpus = tmp_path / "c"
    corpus.mkdir()
    messages = [(f"{who}@example.org", "Mon Mar  2 09:00:00 2020", write_eml(
        subject, f"{who.title()} <{who}@example.org>", "team@example.org",
        "Mon, 02 Mar 2020 09:00:00 +0000", body)) for who, subject, body in (
            ("ann", "Budget review", "The budget review moves to Thursday at ten.\n"),
            ("bob", "Printer", "The new printer stands on the second floor.\n"))]
    (corpus / "team.mbox").write_bytes(write_mbox(messages))
    # a file named as a message's id is: "team#1" is still the message, "team#1.txt" the file
    (corpus / "team#1.txt").write_text("The canteen opens at eight on weekdays.\n")
    for _ in ("without an index", "the saved index current"):
        r = qabot("show", "--corpus", str(corpus), "team#2")
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith("team#2: Printer\n") and "publisher: Bob\n" in r.stdout
        r = qabot("show", "--corpus", str(corpus), "team#1")
        assert r.stdout.startswith("team#1: Budget review\n"), r.stdout + r.stderr
        r = qabot("show", "--corpus", str(corpus), "team#1.txt")
        assert r.stdout.startswith("team#1.txt: "), r.stdout + r.stderr
        r = qabot("show", "--corpus", str(corpus), "team.mbox")
        assert r.returncode != 0 and "holds 2 documents (team#1, team#2)" in r.stderr
        assert qabot("index", "--corpus", str(corpus)).returncode == 0
