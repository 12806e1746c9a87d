"""The ``qabot`` command: argument parsing, wiring and exit codes.

Exit codes: 0 ok, 1 a check failed (e.g. ``eval --min-hit1``), 2 usage or configuration error
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import structlog

from retrieval import IndexFormatError, QabotError, QAEngine, evaluation, metrics, questions
from retrieval.writing import write_atomic

from . import console, indexer, logs, streams
from .arguments import Parser, settings_help
from .config import Settings
from .console import asked
from .engines import load_engine, options
from .intro import Corpus
from .launch import cmd_telegram, cmd_webhook, serving
from .render import counted, shown, to_text
from .report import ProgressBar, table
from .report import to_json as report_json
from .show import cmd_show
from .streams import as_json
from .usage import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, load_settings

log = structlog.get_logger()

# `qabot index --watch --interval`: at most an hour between two looks at the corpus's files
MAX_WATCH_INTERVAL = 3600


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="corpus folder (default: QABOT_CORPUS_DIR "
                   "or ./seeds)")
    p.add_argument("--index-dir", metavar="DIR", help="where the index is saved (default: "
                   "CORPUS/.qabot-index)")
    p.add_argument("--top-k", type=int, metavar="N", help="passages considered per question")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    p.add_argument("--interval", type=float, metavar="SECONDS",
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
    p.add_argument("--by", choices=("split", "kind", "article", "lang"), default="split",
                   help="a column per group of this label (default split)")
    p.add_argument("--min-hit1", type=float, metavar="X",
                   help="exit 1 when document R@1 is below X (for CI)")
    p.add_argument("--holdout-article", action="store_true",
                   help="SQuAD: leave each article out in turn; its questions must be abstained")
    p.add_argument("--details", metavar="OUT.jsonl",
                   help="also write one JSON row per question (what it retrieved and quoted)")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("telegram", help="run the Telegram bot (long polling; token from "
                       "QABOT_TELEGRAM_TOKEN)", epilog=settings_help("telegram"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p)
    p.set_defaults(run=cmd_telegram)

    p = sub.add_parser("webhook", help="serve the Telegram bot over HTTP as a webhook (token, "
                       "QABOT_WEBHOOK_URL and QABOT_WEBHOOK_SECRET from the environment)",
                       epilog=settings_help("webhook"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p)
    p.set_defaults(run=cmd_webhook)
    return parser


def corpus_note(args: argparse.Namespace, settings: Settings) -> str:
    """Which corpus qabot answers from, and what chose it ("answering from /srv/docs
    (QABOT_CORPUS_DIR)"): the bundled seeds are named as such, never taken silently."""
    origin = settings.corpus_origin(from_flag=bool(getattr(args, "corpus", None)))
    return f"answering from {settings.corpus_path().resolve()} ({origin})"


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    live = serving(settings)
    return console.run(live, note=corpus_note(args, settings), refresh=live.refresh)


def _answer_json(engine: Corpus, question: str) -> str:
    return as_json(engine.ask(question).model_dump(mode="json"))


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    question = asked(" ".join(args.question))
    if args.question and not question:
        raise UsageError("the question is empty: qabot ask \"QUESTION\"")
    engine = serving(settings)
    print(f"qabot: {corpus_note(args, settings)}, {counted(engine.n_documents, 'document')}",
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
        line = asked(line)
        if not line:
            continue
        if args.json:
            print(_answer_json(engine, line), flush=True)
        else:
            print(to_text(engine.ask(line), bold=bold) + "\n", flush=True)
    return EXIT_OK


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    # (each was passed over in silence: `index --interval 5` built once and stopped)
    if args.interval is not None and not args.watch:
        raise UsageError("--interval is how often --watch looks at the files: add --watch")
    if args.verify and (args.full or args.watch):
        raise UsageError(f"--verify checks the saved index, building nothing: drop "
                         f"{'--full' if args.full else '--watch'}")
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
    every = 1.0 if args.interval is None else args.interval
    if not 0 < every <= MAX_WATCH_INTERVAL:
        raise UsageError(f"--interval must be above 0 and at most {MAX_WATCH_INTERVAL} "
                         f"seconds, got {every}")
    indexer.watch(settings, every=every, note=f"qabot: {corpus_note(args, settings)}; "
                  "watching it for changes (Ctrl-C stops)")
    return EXIT_OK


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
    if args.details and not Path(args.details).resolve().parent.is_dir():  # (found after the run)
        raise UsageError(f"--details {args.details}: no such folder to write the rows in")
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
    if args.json:
        print(json.dumps(report_json(report, file=args.file, format=args.format,
                                     split=args.split, holdout_article=args.holdout_article)))
    else:
        print(table(report))
    if args.details:  # (after the scores: a run of minutes was not lost with the rows)
        _write_details(Path(args.details), outcomes)
    hit1 = report.groups["all"].r1
    if args.min_hit1 is not None and (hit1 is None or hit1 < args.min_hit1):
        shown = "n/a (no answerable question)" if hit1 is None else f"{hit1:.3f}"
        print(f"qabot: document R@1 {shown} is below --min-hit1 {args.min_hit1}",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _write_details(path: Path, outcomes: Sequence[evaluation.Outcome]) -> None:
    """The rows written at once over a file's, or never (a full disk left a previous run's
    rows cut to the first 8 KB of this one's); a pipe or a device (``/dev/stdout``) as it is."""
    rows = "".join(json.dumps(metrics.detail(o), ensure_ascii=False) + "\n" for o in outcomes)
    try:
        if path.exists() and not path.is_file():
            with path.open("w", encoding="utf-8") as f:
                f.write(rows)
        else:
            write_atomic(path, rows.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write --details {str(path)!r}: {exc.strerror}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``qabot`` and ``python -m bot``."""
    streams.prepare()
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
        if not streams.report_lost_output(exc):
            raise
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
