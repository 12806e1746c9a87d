"""Small faults of the qabot command testers found: what the bots' --help says of their
settings, `show` of a file the index leaves out, a name starting with "-", plurals (through
the real entry point, as tests/test_cli.py runs it)."""

from __future__ import annotations

import json
import os

import pytest

from bot.config import Settings

from .test_cli import qabot


def test_bot_commands_help_says_the_settings_they_need_and_their_defaults():
    """`qabot webhook --help` showed the usage alone: which settings it cannot start without,
    and what the others default to, were in README and .env.example only."""
    r = qabot("webhook", "--help")
    assert r.returncode == 0, r.stderr
    needed, optional = r.stdout.split("needed:\n")[1].split("optional, with their defaults:")
    for name in ("QABOT_TELEGRAM_TOKEN", "QABOT_WEBHOOK_URL", "QABOT_WEBHOOK_SECRET"):
        assert f"  {name}: " in needed
    assert "QABOT_WEBHOOK_PATH=/telegram" in optional and "QABOT_PORT/PORT=8080" in optional
    assert "QABOT_METRICS_TOKEN=(unset)" in optional
    # the defaults are the settings' own, not a copy that can drift from them
    fields = Settings.model_fields
    assert f"QABOT_WEBHOOK_MAX_PENDING={fields['webhook_max_pending'].default}" in optional
    r = qabot("telegram", "--help")
    assert "  QABOT_TELEGRAM_TOKEN: the bot's token from @BotFather" in r.stdout
    assert "WEBHOOK" not in r.stdout and "QABOT_RATE_LIMIT=20" in r.stdout
    assert "needed:" not in qabot("ask", "--help").stdout


def test_every_setting_says_which_commands_read_it_or_none():
    """A setting only the bots read is listed by their --help when its field says so
    (``used_by``): a new one without that mark, left out of their help, fails here."""
    every_command = {name for name, field in Settings.model_fields.items()
                     if not (isinstance(field.json_schema_extra, dict)
                             and field.json_schema_extra.get("commands"))}
    assert every_command == {"corpus_dir", "index_dir", "top_k", "similar_words",
                             "correct_spelling", "min_confidence", "language", "log_format",
                             "log_level"}


def test_show_json_of_a_skipped_file_is_json_saying_why(tmp_path):
    """`qabot show --json` of a file the index skips printed an error line on stderr and
    exit 2: a script asking for JSON had none to read."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "empty.txt").write_text("")
    for _ in ("without a saved index", "with one"):
        r = qabot("show", "--json", "--corpus", str(tmp_path), "empty.txt")
        assert r.returncode == 0, r.stderr
        shown = json.loads(r.stdout)
        assert shown["skipped"] == "empty file" and shown["blocks"] == []
        assert shown["path"].endswith("empty.txt")
    r = qabot("show", "--corpus", str(tmp_path), "empty.txt")  # the text: as it was
    assert r.returncode == 2 and "empty.txt is not indexed: empty file" in r.stderr


def test_show_of_a_hidden_file_says_hidden_files_are_not_read(tmp_path):
    """A hidden file (".notes.md") is passed over as hidden folders are, in silence (README
    says so); `qabot show` of one said there was no such document, listing the others."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / ".notes.md").write_text("The tin cup was made in 1910.\n")
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "plan.txt").write_text("The oak chest was made in 1810.\n")
    for name in (".notes.md", str(tmp_path / ".notes.md"), ".drafts/plan.txt"):
        r = qabot("show", "--corpus", str(tmp_path), name)
        assert r.returncode == 2 and "is not indexed: hidden files and folders are not read" \
            in r.stderr, r.stderr
    r = qabot("show", "--json", "--corpus", str(tmp_path), ".notes.md")
    assert json.loads(r.stdout)["skipped"].startswith("hidden files and folders are not read")
    r = qabot("show", "--corpus", str(tmp_path), "notes.md")  # no such file: as before
    assert r.returncode == 2 and "no document 'notes.md'" in r.stderr
    r = qabot("index", "--corpus", str(tmp_path))
    assert " 1 document, " in r.stdout and "notes" not in r.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_no_document_error_does_not_list_a_broken_link(tmp_path):
    """The documents a "no document" error listed held a link to a file that is gone."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    (tmp_path / "broken.txt").symlink_to("gone.txt")
    assert qabot("index", "--corpus", str(tmp_path)).returncode == 0
    r = qabot("show", "--corpus", str(tmp_path), "nothere")
    assert r.returncode == 2 and "(documents: a)" in r.stderr, r.stderr
    r = qabot("show", "--corpus", str(tmp_path), "broken")  # named, it says what it is
    assert "broken.txt is not indexed: a symbolic link to a file that does not exist" in r.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_to_nothing_added_to_an_indexed_corpus_is_said_by_index_and_ask(tmp_path):
    """The saved index stays up to date when a link to nothing is added (it has no size to
    fingerprint): `qabot index` and `qabot ask` said nothing of it, where a build says it
    skipped it."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    assert qabot("index", "--corpus", str(tmp_path)).returncode == 0
    (tmp_path / "b.txt").symlink_to("gone.txt")
    skipped = f"{tmp_path / 'b.txt'}: a symbolic link to a file that does not exist"
    r = qabot("index", "--corpus", str(tmp_path))
    assert r.stdout.startswith("up to date") and f"skipped {skipped}\n" in r.stderr, r.stderr
    r = qabot("ask", "--corpus", str(tmp_path), "When was the jade statue carved?")
    assert "1620" in r.stdout and r.stderr.count("file_skipped") == 1, r.stderr
    assert str(tmp_path / "b.txt") in r.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_out_of_the_folder_added_to_an_indexed_corpus_is_said_by_index(tmp_path):
    """A link out of the folder is not in the index's fingerprint: added after the index was
    saved, `qabot index` found it up to date and said nothing of it (a build warns of it)."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The jade statue was carved in 1620.\n")
    assert qabot("index", "--corpus", str(corpus)).returncode == 0
    (tmp_path / "secret.txt").write_text("The vault code is 1234.\n")
    (corpus / "out.txt").symlink_to(tmp_path / "secret.txt")
    r = qabot("index", "--corpus", str(corpus))
    assert r.stdout.startswith("up to date") and "symlinks_not_followed" in r.stderr, r.stderr
    assert str(corpus / "out.txt") in r.stderr and "files_not_read" not in r.stderr


def test_a_name_starting_with_a_dash_is_said_to_go_after_two_dashes(tmp_path):
    """`qabot show -procps-bugs` was argparse's "the following arguments are required: DOC"
    alone: nothing said how to name such a file."""
    (tmp_path / "-procps-bugs.txt").write_text("The jade statue was carved in 1620.\n")
    r = qabot("show", "--corpus", str(tmp_path), "-procps-bugs")
    assert r.returncode == 2
    assert "goes after '--': qabot show -- -procps-bugs" in r.stderr, r.stderr
    r = qabot("show", "--corpus", str(tmp_path), "--", "-procps-bugs")
    assert r.returncode == 0 and "The jade statue was carved in 1620." in r.stdout, r.stderr
    r = qabot("ask", "--corpus", str(tmp_path), "-x")
    assert "qabot ask -- -x" in r.stderr
    r = qabot("index", "--corpus", str(tmp_path), "-x")  # it takes no name: no such hint
    assert r.returncode == 2 and "'--'" not in r.stderr


def test_counts_of_one_are_singular(tmp_path):
    """`qabot index` printed "1 documents, 1 passages ... (1 files read"."""
    (tmp_path / "a.txt").write_text("The jade statue was carved in 1620.\n")
    r = qabot("index", "--corpus", str(tmp_path))
    assert r.stdout.startswith("indexed 1 document, 1 passage, ") and "(1 file read)" \
        in r.stdout, r.stdout
    r = qabot("show", "--corpus", str(tmp_path), "a")
    assert "  1 block: 1 indexed, 0 dropped" in r.stdout
