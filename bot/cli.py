"""The ``qabot`` command: argument parsing, wiring and exit codes.

Exit codes: 0 ok, 1 a check failed (e.g. ``eval --min-hit1``), 2 usage or configuration error
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import errno
import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import structlog
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from retrieval import IndexFormatError, QabotError, QAEngine, evaluation, metrics, questions
from retrieval.corpus import DocumentIds, Skipped, load_directory, read_document
from retrieval.ingest.report import (
    DocumentReport,
    explain,
    explain_document,
    find_named,
    names_file,
)

from . import console, indexer, logs
from .config import SECRET_SETTINGS, Settings
from .engines import LiveEngine, for_answering, load_engine, options
from .intro import Corpus
from .render import document_text, shown, to_text
from .report import ProgressBar, table
from .report import to_json as report_json

log = structlog.get_logger()

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# `qabot index --watch --interval`: at most an hour between two looks at the corpus's files
MAX_WATCH_INTERVAL = 3600


class UsageError(Exception):
    """A bad command line or configuration: reported on stderr with exit code 2."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="corpus folder (default: QABOT_CORPUS_DIR "
                   "or ./seeds)")
    p.add_argument("--index-dir", metavar="DIR", help="where the index is saved (default: "
                   "CORPUS/.qabot-index)")
    p.add_argument("--top-k", type=int, metavar="N", help="passages considered per question")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qabot",
        description="Answers questions strictly from a corpus of documents, quoting its sources.",
        epilog="Exit codes: 0 ok, 1 a check failed (eval --min-hit1, index when the index "
        "could not be saved or --verify found it changed), 2 usage or configuration error "
        "(one line on stderr), 130 Ctrl-C, 143 SIGTERM.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("console", help="interactive questions in the terminal (the default)")
    _common(p)
    p.set_defaults(run=cmd_console)

    p = sub.add_parser("ask", help="answer one question, or one per line of stdin")
    _common(p)
    p.add_argument("question", nargs="*", help="the question (omit it to read stdin)")
    p.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("index", help="build and save the index of the corpus")
    _common(p)
    p.add_argument("--verify", action="store_true", help="check every file of the saved index "
                   "against the hashes it was saved with, instead of building it")
    p.add_argument("--full", action="store_true", help="read every file again (by default only "
                   "the files that changed since the saved index are)")
    p.add_argument("--watch", action="store_true", help="keep running: index the corpus again "
                   "whenever its files change (running bots take each new index up)")
    p.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                   help="with --watch: how often to look at the files (default 1, at "
                   f"most {MAX_WATCH_INTERVAL})")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("show", help="what was indexed of one document, block by block, and "
                       "what was dropped and why")
    _common(p)
    p.add_argument("document", metavar="DOC", help="the document: its id (file name without "
                   "extension), file name or path")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("eval", help="score answers and retrieval on a question file",
                       description="Score qabot on a question file and print a table of "
                       "metrics (see retrieval/metrics.py for their definitions).")
    _common(p)
    p.add_argument("file", metavar="FILE", help="questions: JSONL rows {question, answers, "
                   "sources}, or a SQuAD JSON file with --format squad")
    p.add_argument("--format", choices=("jsonl", "squad"), default="jsonl",
                   help="question file format (default jsonl); a SQuAD file is its own corpus")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--split", metavar="NAME", help="only the rows of this split (e.g. tune, "
                   "holdout; SQuAD questions are split tune/test by a hash of their id)")
    p.add_argument("--by", choices=("split", "kind", "article"), default="split",
                   help="a column per group of this label (default split)")
    p.add_argument("--min-hit1", type=float, metavar="X",
                   help="exit 1 when document R@1 is below X (for CI)")
    p.add_argument("--holdout-article", action="store_true",
                   help="SQuAD: leave each article out in turn; its questions must be abstained")
    p.add_argument("--details", metavar="OUT.jsonl",
                   help="also write one JSON row per question (what it retrieved and quoted)")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("telegram", help="run the Telegram bot (long polling; token from "
                       "QABOT_TELEGRAM_TOKEN)")
    _common(p)
    p.set_defaults(run=cmd_telegram)

    p = sub.add_parser("webhook", help="serve the Telegram bot over HTTP as a webhook (token, "
                       "QABOT_WEBHOOK_URL and QABOT_WEBHOOK_SECRET from the environment)")
    _common(p)
    p.set_defaults(run=cmd_webhook)
    return parser


def _serving(settings: Settings) -> LiveEngine:
    """The engine a channel answers from: replaced by the index's new snapshots (the bots),
    rebuilt if a question finds the index damaged."""
    return LiveEngine(for_answering(load_engine(settings)), settings)


def corpus_note(args: argparse.Namespace, settings: Settings) -> str:
    """Which corpus qabot answers from, and what chose it ("answering from /srv/docs
    (QABOT_CORPUS_DIR)"): the bundled seeds are named as such, never taken silently."""
    origin = settings.corpus_origin(from_flag=bool(getattr(args, "corpus", None)))
    return f"answering from {settings.corpus_path().resolve()} ({origin})"


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    live = _serving(settings)
    return console.run(live, note=corpus_note(args, settings), refresh=live.refresh)


def _answer_json(engine: Corpus, question: str) -> str:
    return _json(engine.ask(question).model_dump(mode="json"))


def _json(value: object) -> str:
    """``value`` as JSON for stdout: its characters as they are where stdout writes UTF-8, else
    as ``\\u`` escapes (a Latin-1 or ASCII locale could not write a quote's “, nor any Cyrillic,
    and the answer was a traceback)."""
    encoding = codecs.lookup(getattr(sys.stdout, "encoding", None) or "utf-8").name
    return json.dumps(value, ensure_ascii=encoding != "utf-8")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    question = " ".join(args.question).strip()
    if args.question and not question:
        raise UsageError("the question is empty: qabot ask \"QUESTION\"")
    engine = _serving(settings)
    print(f"qabot: {corpus_note(args, settings)}, {engine.n_documents} documents",
          file=sys.stderr)
    bold = sys.stdout.isatty()
    if question:
        if args.json:
            print(_answer_json(engine, question))
        else:
            print(to_text(engine.ask(question), bold=bold))
        return EXIT_OK
    if sys.stdin.isatty():  # (it waited in silence, as if stuck)
        print("qabot: reading questions from the terminal, one a line, until Ctrl-D "
              "(qabot console asks them with line editing and history)", file=sys.stderr)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        if args.json:
            print(_answer_json(engine, line), flush=True)
        else:
            print(to_text(engine.ask(line), bold=bold) + "\n", flush=True)
    return EXIT_OK


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    if args.verify:
        try:
            where, bad = QAEngine.verify_saved(settings.corpus_path(), settings.index_dir)
        except IndexFormatError as exc:  # none saved, or one whose pointer is damaged
            raise UsageError(f"{exc}: `qabot index` builds it") from None
        if bad:  # (`qabot index` alone may find it up to date: only sizes are checked then)
            print(f"qabot: the saved index in {where} is not as it was written: "
                  f"{', '.join(bad)} {'differs' if len(bad) == 1 else 'differ'}; "
                  "`qabot index --full` rebuilds it", file=sys.stderr)
            return EXIT_FAILED
        print(f"the saved index in {where} is as it was written")
        return EXIT_OK
    if args.watch:
        return _watch(args, settings)
    print(f"qabot: {corpus_note(args, settings)}", file=sys.stderr)
    return EXIT_OK if indexer.index(settings, full=args.full) else EXIT_FAILED


def _watch(args: argparse.Namespace, settings: Settings) -> int:
    # (not "<= 0": nan passed it and looked at the files in a busy loop; inf, or 1e300, was a
    # traceback from the wait)
    if not 0 < args.interval <= MAX_WATCH_INTERVAL:
        raise UsageError(f"--interval must be above 0 and at most {MAX_WATCH_INTERVAL} "
                         f"seconds, got {args.interval}")
    indexer.watch(settings, every=args.interval, note=f"qabot: {corpus_note(args, settings)}; "
                  "watching it for changes (Ctrl-C stops)")
    return EXIT_OK



def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    report = _explained(args.document, settings)
    if args.json:
        print(_json({"id": report.doc.id, "title": report.doc.title, "path": report.doc.path,
                          "web_page": report.web, "languages": list(report.languages),
                          "skipped": report.skipped,
                          "blocks": [asdict(r) for r in report.rows]}))
        return EXIT_OK
    print(document_text(report))
    return EXIT_OK


def _explained(which: str, settings: Settings) -> DocumentReport:
    """What was made of the document ``which`` names: read alone, with the paragraphs repeated
    across the corpus from the saved index, which is brought up to date first when stale (as
    `ask` does: only the files changed since are read); when it cannot be saved, read with the
    whole corpus. (It used to read the whole corpus, on one core, whenever any file had
    changed.)"""
    root = settings.corpus_path()
    saved = QAEngine.saved_repeated(root, settings.index_dir, settings.language)
    if saved is None and load_engine(settings).report.index_dir is not None:
        saved = QAEngine.saved_repeated(root, settings.index_dir, settings.language)
    if saved is None:
        docs, skipped = load_directory(root)
        for s in skipped:  # a file that was not read: say why, not that there is none
            if names_file(which, s.path):
                raise UsageError(f"{s.path} is not indexed: {s.reason}")
        return explain_document(docs, which, settings.language)
    walk, repeated = saved
    ids = DocumentIds().all(walk.rels)
    i = find_named(ids, [str(root / rel) for rel in walk.rels], which)
    read = read_document(root / walk.rels[i], ids[i], root)
    if isinstance(read, Skipped):
        raise UsageError(f"{read.path} is not indexed: {read.reason}")
    return explain(read, repeated, settings.language)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.holdout_article and args.format != "squad":
        raise UsageError("--holdout-article needs a SQuAD file: add --format squad")
    if args.format == "squad" and args.corpus:
        raise UsageError("a SQuAD file is its own corpus (one document per paragraph): "
                         "drop --corpus")
    if args.min_hit1 is not None and not 0.0 <= args.min_hit1 <= 1.0:
        raise UsageError(f"--min-hit1 must be between 0 and 1, got {args.min_hit1}")
    if args.details and Path(args.details).resolve() == Path(args.file).resolve():
        # (the rows were written over the questions, once the evaluation had read them)
        raise UsageError(f"--details {args.details} is the question file: name another file "
                         "to write the rows to")
    qset = questions.read_questions(args.file, args.format)
    if args.split:
        qset = qset.only(args.split)
    if args.holdout_article:
        outcomes = evaluation.run_holdout(
            qset, lambda docs: QAEngine.from_documents(docs, **options(settings)),
            lambda article: ProgressBar(f"eval without {article}"))
        report = metrics.Report(metrics.summarize_groups(outcomes, "fold"), "fold",
                                metrics.threshold_at(outcomes))
    else:
        if qset.documents:
            engine = QAEngine.from_documents(qset.documents, **options(settings))
        else:
            engine = load_engine(settings)
        missing = questions.unknown_sources(qset.questions, (s.id for s in engine.sources()))
        if missing:
            log.warning("unknown_sources", ids=missing, hint="check --corpus")
        outcomes = evaluation.run(engine, qset.questions, progress=ProgressBar("eval"))
        report = metrics.Report(metrics.summarize_groups(outcomes, args.by), args.by)
    if args.details:
        _write_details(Path(args.details), outcomes)
    if args.json:
        print(json.dumps(report_json(report, file=args.file, format=args.format,
                                     split=args.split, holdout_article=args.holdout_article)))
    else:
        print(table(report))
    hit1 = report.groups["all"].r1
    if args.min_hit1 is not None and (hit1 is None or hit1 < args.min_hit1):
        shown = "n/a (no answerable question)" if hit1 is None else f"{hit1:.3f}"
        print(f"qabot: document R@1 {shown} is below --min-hit1 {args.min_hit1}",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _write_details(path: Path, outcomes: Sequence[evaluation.Outcome]) -> None:
    try:
        with path.open("w", encoding="utf-8") as f:
            for o in outcomes:
                f.write(json.dumps(metrics.detail(o), ensure_ascii=False) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write --details {str(path)!r}: {exc.strerror}") from None


def _check(*checks: Callable[[], object]) -> None:
    """Run settings checks (``Settings.bot_token`` ...); a ``ValueError`` is a usage error."""
    for check in checks:
        try:
            check()
        except ValueError as exc:
            raise UsageError(str(exc)) from None


@contextmanager
def _bot_api_errors(settings: Settings) -> Iterator[None]:
    """Start-up failures of the Bot API as one line: a rejected token, a refused request, a
    flood-control wait longer than is waited out, an unreachable server (once running, PTB
    retries on its own)."""
    from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter

    from .handlers import retry_seconds

    try:
        yield
    except RetryAfter as exc:  # past SendLimiter's waits: a traceback and exit 1, it was
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"the Bot API at {url} asks the bot to wait {retry_seconds(exc):g} s "
                         "before its next request (flood control: was it restarted in a "
                         "loop?): start it again after that") from None
    except InvalidToken:  # its message quotes the token
        raise UsageError("Telegram rejected QABOT_TELEGRAM_TOKEN (revoked, or from another "
                         "bot?): copy the current one from @BotFather") from None
    except BadRequest as exc:  # a NetworkError to PTB, but the server was reached and said why
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"the Bot API at {url} refused a start-up request: "
                         f"{logs.Redactor(settings.secrets()).scrub(exc.message)}") from None
    except NetworkError as exc:
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"cannot reach the Bot API at {url} "
                         f"({type(exc).__name__}): check the network and "
                         "QABOT_TELEGRAM_API_URL") from None


@contextmanager
def _hangup_ignored() -> Iterator[None]:
    """While entered, SIGHUP is ignored: the bot takes it (re-read the corpus, ``Watcher``)
    only once it runs, and until then (loading the index, reaching the Bot API) its default
    action would end the process."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, previous)


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    from . import telegram  # only the bot commands need python-telegram-bot

    _check(settings.bot_token)
    started = time.perf_counter()
    from .redis_state import shared

    with _hangup_ignored():
        engine = _serving(settings)
        state, budget = shared(settings)
        app = telegram.build_application(engine, settings, state=state, budget=budget)
        with _bot_api_errors(settings):
            return telegram.run_polling(app, engine, settings, time.perf_counter() - started)


def cmd_webhook(args: argparse.Namespace, settings: Settings) -> int:
    from . import webhook  # only this command needs starlette and uvicorn

    _check(settings.bot_token, settings.secret_token, settings.public_url)
    try:
        sock = webhook.listen(settings.host, settings.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {settings.host}:{settings.port} "
                         f"({exc.strerror or exc}): set QABOT_HOST and QABOT_PORT") from None
    from .redis_state import shared

    state, budget = shared(settings)
    with sock, _bot_api_errors(settings), _hangup_ignored():
        try:
            return asyncio.run(webhook.serve(
                settings, lambda progress: for_answering(load_engine(settings,
                                                                     progress=progress)),
                sock=sock, state=state, budget=budget))
        except webhook.WebhookRefused as exc:
            reason = logs.Redactor(settings.secrets()).scrub(str(exc))
            raise UsageError(f"Telegram refused QABOT_WEBHOOK_URL {settings.public_url()} "
                             f"({reason}): give a public https:// URL on port 443, 80, 88 or "
                             "8443") from None


def load_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment and .env, with command-line overrides."""
    overrides: dict[str, object] = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index_dir", None):
        overrides["index_dir"] = Path(args.index_dir)
    if getattr(args, "top_k", None) is not None:
        overrides["top_k"] = args.top_k
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except UnicodeDecodeError as exc:  # (a .env saved as UTF-16 or Windows-1252)
        raise UsageError(f"invalid configuration: the .env file is not UTF-8 text "
                         f"({exc.reason} at byte {exc.start}): save it as UTF-8") from None
    except ValidationError as exc:
        problems = "; ".join(_setting_problem(e, overrides) for e in exc.errors())
        raise UsageError(f"invalid configuration: {problems}") from None


# The settings a command-line option sets, by the option
FLAGS = {"corpus_dir": "--corpus", "index_dir": "--index-dir", "top_k": "--top-k"}


def _setting_problem(error: ErrorDetails, overrides: Mapping[str, object]) -> str:
    """One bad setting as the user wrote it, the option or variable and its value (a secret's
    never), then what is wrong: ``QABOT_TOP_K='abc': Input should be a valid integer ...`` or
    ``--top-k -3: ...``, not pydantic's field name (``top_k``), which names neither."""
    name, *inner = error["loc"] or ("settings",)
    field = str(name)
    value = str(error["input"])[:60]
    item = "".join(f"[{x}]" for x in inner)  # an item of a list (QABOT_ALLOWED_USERS[1])
    if field in overrides:
        where = f"{FLAGS.get(field, field)} {value}"
    elif field in SECRET_SETTINGS:
        where = f"QABOT_{field.upper()}"
    else:  # (a name that is no field is the alias the environment used: QABOT_PORT)
        where = f"{'QABOT_' + field.upper() if field in Settings.model_fields else field}{item}"
        where += f"={value!r}"
    return f"{where}: {error['msg'].removeprefix('Value error, ')}"


# What writing the output meets on a full disk, over quota, past a file size limit or on a
# failing device (a pipe closed by its reader is BrokenPipeError, and no failure)
UNWRITABLE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _closed_streams_to_null() -> None:
    """A standard stream the caller closed (`<&-`, `>&-`, `2>&-`: Python leaves it ``None``)
    reads as empty and writes nowhere: each was an AttributeError (``isatty``), and with
    stderr closed a silent exit 1 without the answer."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            # (open for the rest of the process, as the stream it stands for)
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def _output_lost(exc: OSError) -> int:
    """stdout could not be written (``UNWRITABLE``): one line on stderr, exit 1, and nothing
    more tried (Python flushed what was left at exit, and failed again in a second message)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):  # (stderr may be what failed)
        print(f"qabot: cannot write the output: {exc.strerror}", file=sys.stderr, flush=True)
    return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``qabot`` and ``python -m bot``."""
    _closed_streams_to_null()
    for stream in (sys.stdout, sys.stderr):  # a character the locale cannot write: escaped
        if isinstance(stream, io.TextIOWrapper):  # (\u201c), not a traceback
            stream.reconfigure(errors="backslashreplace")
    if isinstance(sys.stdin, io.TextIOWrapper):  # a byte not in its encoding (a Latin-1 "ü"
        sys.stdin.reconfigure(errors="replace")  # in a UTF-8 file): "�", not a traceback
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["console", *argv]  # `qabot --corpus DIR`: the console, the default command
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["console", *argv])
    run: Callable[[argparse.Namespace, Settings], int] = args.run
    try:
        settings = load_settings(args)
        logs.configure(settings.log_format, settings.log_level, settings.secrets())
        return run(args, settings)
    except (UsageError, QabotError) as exc:
        # one line, a file's name in it (a skipped file, a corpus's documents) without the
        # terminal's escape sequences it may hold
        print(shown(f"qabot: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `qabot ask ... | head`
        return EXIT_OK
    except OSError as exc:  # a file's name: not the output (what failed is said elsewhere)
        if exc.errno not in UNWRITABLE or exc.filename is not None:
            raise
        return _output_lost(exc)


if __name__ == "__main__":
    sys.exit(main())
