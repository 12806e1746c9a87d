"""A question's uncommon words (less rare than its specific ones, far from everyday English): a
manual that never uses one is not where its answer is; and a name that is an everyday word too
("Windows", "December") is no specific word."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from retrieval import QAEngine
from retrieval.corpus import load_directory
from retrieval.query import ComposerConfig, parse_query
from retrieval.uncommon import missing_uncommon

MANUALS = {
    "s3-config.md": "# S3 configuration\n\n## Concurrency\n\nThese are the configuration values "
                    "you can set for the s3 command set. The max_concurrent_requests value sets "
                    "how many requests the s3 commands send at once.\n\n## Bandwidth\n\nThe "
                    "max_bandwidth value limits how fast the s3 commands upload and download "
                    "files.\n",
    "nginx.md": "# Nginx guide\n\n## Reverse proxy\n\nNginx can sit in front of a web application "
                "as a reverse proxy. It forwards each request to the application and sends the "
                "reply back.\n\n## Logging\n\nNginx writes one access log line for every request "
                "it serves.\n",
    "npm-folders.md": "# npm folders\n\n## Cache\n\nCache files are stored in ~/.npm on Posix, or "
                      "in %LocalAppData%/npm-cache on Win32.\n\n## Executables\n\nIn global mode, "
                      "executables are linked into the bin folder of the prefix.\n",
    "desktop.md": "# Desktop notes\n\n## Installing\n\nOn Windows the installer puts a shortcut on "
                  "the desktop. On a Mac the app is dragged to the Applications folder.\n",
}
PROXY = "How do I set a proxy for the s3 commands?"
WINDOWS = "Where does npm keep its cache files on Windows?"


def _engine(tmp_path: Path, **knobs: float) -> QAEngine:
    for name, text in MANUALS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    docs, _ = load_directory(tmp_path)
    return QAEngine.from_documents(docs, config=dataclasses.replace(ComposerConfig(), **knobs))


def test_an_answer_from_a_manual_that_never_uses_an_uncommon_word_of_the_question_abstains(
        tmp_path: Path) -> None:
    # "proxy" (Zipf 3.7) is in the corpus, in the Nginx guide, never in the S3 settings
    answer = _engine(tmp_path, uncommon_zipf=4.0).ask(PROXY)
    assert not answer.answered and answer.abstained == "uncommon_word_missing"
    # without the gate the S3 settings were quoted for it
    off = _engine(tmp_path, uncommon_zipf=0.0).ask(PROXY)
    assert off.answered and "configuration values" in off.sentences[0].text


def test_an_uncommon_word_is_sought_in_the_documents_text_title_and_name(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    docs = {engine.source(i).id: i for i in range(engine.n_documents)}
    collection, index = engine.collection, engine.index
    query = parse_query(PROXY, index, engine.config)
    assert missing_uncommon(query, docs["s3-config"], collection, index, 4.0) == "proxi"
    assert missing_uncommon(query, docs["nginx"], collection, index, 4.0) is None
    # "proxy" is common enough at 3.5 (0: never checked)
    assert missing_uncommon(query, docs["s3-config"], collection, index, 3.5) is None
    assert missing_uncommon(query, docs["s3-config"], collection, index, 0.0) is None
    # everyday words a manual may answer without using ("send", "once")
    # ("requests" an everyday word's form), and specific words ("nginx"), judged by their own gate
    query = parse_query("How many requests does nginx send at once?", index, engine.config)
    assert missing_uncommon(query, docs["desktop"], collection, index, 4.0) is None
    # the document's title or file's name holds it: not missing
    query = parse_query("How do I set a proxy for nginx?", index, engine.config)
    assert missing_uncommon(query, docs["nginx"], collection, index, 4.0) is None


def test_a_name_that_is_an_everyday_word_need_not_be_in_the_cited_document(
        tmp_path: Path) -> None:
    # npm's folders say "Win32", never "Windows" (Zipf 4.7), which the corpus has elsewhere
    answer = _engine(tmp_path, everyday_zipf=4.5).ask(WINDOWS)
    assert answer.answered and "Win32" in answer.sentences[0].text
    off = _engine(tmp_path, everyday_zipf=0.0).ask(WINDOWS)
    assert not off.answered and off.abstained == "specific_word_missing"
