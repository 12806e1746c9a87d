"""Seconds and peak memory of indexing one large document (a book, a mail dump, a thesis saved
as one ``.txt``), at several sizes, against a peer tree measured in the same run.

    python benchmarks/large_document.py --before HEAD~3                     # 1, 4, 16 MB
    python benchmarks/large_document.py --before main --sizes 1 4 --rounds 3 --kinds web
    python benchmarks/large_document.py --before main --files /usr/share/doc --match copyright
    python benchmarks/large_document.py --write /tmp/big --sizes 16          # the inputs alone

The documents, each one ``.txt`` file in a folder of its own, made the same on any machine:

- ``prose``: a book, ``benchmarks.synth`` passages as paragraphs a blank line apart, a
  "Chapter N" line over every 30 of them;
- ``web``: pages saved as text back to back (what a mail dump or a crawl saved to one file
  reads like): each a site name, a menu, a headline, a byline, paragraphs of ``synth`` prose,
  a "READ MORE:" teaser, a photo credit and a comment widget: read as a web page, cleaned;
- ``files`` (with ``--files DIR``): the text of the files under ``DIR`` whose names match
  ``--match`` (``.gz`` ones unpacked), in the order of their paths, back to back: real text of
  this machine (``/usr/share/doc``'s ``copyright`` files are a 17 MB text of labelled short
  lines), the same for the same folder.

Each is cut at a line's end to the size asked. Every build is ``python -m bot index --full`` in
a fresh process of the tree measured (its own ``retrieval``), the trees in turns, each going
first in alternate rounds, so both see the machine's load alike. Reported for each kind and
size: each tree's median wall and CPU seconds (the build's process: one file is read, laid out
and counted in it), CPU seconds per MB (start-up included: about 1.5 s), peak RSS (``wait4``:
of the build or a worker of its, the larger), the ratio after / before of the medians, and
whether both trees saved the same index (a digest of its arrays and names) every time.
On a machine other work loads, compare CPU seconds: wall time follows the share of the cores
a build gets. The ``--before`` revision is checked out into a temporary git worktree.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import synth  # noqa: E402
from benchmarks.revision import checked_out  # noqa: E402

KINDS = ("prose", "web", "files")
_CHAPTER_PARAGRAPHS = 30
_MENU = ("Home", "News", "World", "Politics", "Business", "Sport", "Opinion")


def _sentences(seed: int) -> Iterator[str]:
    """``synth`` passages, one after another, for ever."""
    while True:
        yield from synth.passages(50_000, seed=seed)
        seed += 1


def prose_lines(seed: int = 1) -> Iterator[str]:
    """A book: paragraphs a blank line apart, a chapter line over every 30."""
    for i, passage in enumerate(_sentences(seed)):
        if i % _CHAPTER_PARAGRAPHS == 0:
            yield f"Chapter {i // _CHAPTER_PARAGRAPHS + 1}\n\n"
        yield passage + "\n\n"


def web_lines(seed: int = 2) -> Iterator[str]:
    """Pages saved as text, back to back: furniture around paragraphs of prose."""
    texts = _sentences(seed)
    page = 0
    while True:
        page += 1
        headline = " ".join(next(texts).split()[:9]).rstrip(".,")
        teaser = " ".join(next(texts).split()[:8]).rstrip(".,")
        name = synth._syllable_word(page, 3).capitalize()
        yield f"The Daily {name}\n\n" + "\n".join(_MENU) + "\n\n"
        yield f"{headline}\n\nBy {name} {synth._syllable_word(page * 7, 2).capitalize()}\n\n"
        for k in range(3 + page % 6):
            yield next(texts) + "\n\n"
            if k == 1:
                yield f"READ MORE: {teaser}\n\n"
        yield f"Photo: {name} Press/AFP via Getty Images\n\n"
        yield f"{page % 40 + 2} comments\n\nLeave a Reply\n\n"
        yield "Your email address will not be published.\n\nPrevious Story\n\n"


def files_lines(folder: Path, match: str) -> Iterator[str]:
    """The text of the files under ``folder`` named like ``match`` (a glob), by path; for
    ever (around again: a 16 MB document from 10 MB of files)."""
    paths = sorted(p for p in folder.rglob(match) if p.is_file())
    paths += sorted(p for p in folder.rglob(match + ".gz") if p.is_file())
    paths.sort()
    if not paths:
        raise SystemExit(f"no file named {match!r} under {folder}")
    while True:
        for p in paths:
            try:
                data = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            except OSError:
                continue
            text = data.decode("utf-8", "replace")
            yield text if text.endswith("\n") else text + "\n"
            yield "\n"


def document(kind: str, megabytes: float, folder: Path | None = None,
             match: str = "copyright") -> str:
    """A document of ``kind`` of about ``megabytes`` MB of UTF-8, cut at a line's end."""
    lines = (prose_lines() if kind == "prose" else web_lines() if kind == "web"
             else files_lines(folder or Path("/usr/share/doc"), match))
    want = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    for piece in lines:
        out.append(piece)
        size += len(piece.encode())
        if size >= want:
            break
    text = "".join(out).encode()[:want].decode("utf-8", "ignore")
    return text[: text.rfind("\n") + 1] or text


def write_inputs(where: Path, kinds: list[str], sizes: list[float], folder: Path | None,
                 match: str) -> dict[tuple[str, float], Path]:
    """Each document in a corpus folder of its own under ``where``: the folders."""
    out = {}
    for kind in kinds:
        for mb in sizes:
            corpus = where / f"{kind}-{mb:g}MB"
            corpus.mkdir(parents=True, exist_ok=True)
            (corpus / "book.txt").write_text(document(kind, mb, folder, match), "utf-8")
            out[kind, mb] = corpus
    return out


def digest(index_dir: Path) -> str:
    """A hash of the arrays and names a saved index holds (not its manifest, which dates it)."""
    current = (index_dir / "CURRENT").read_text().strip()
    snap = index_dir / current
    h = hashlib.sha256()
    for f in sorted(snap.iterdir()):
        if f.is_file() and f.name != "meta.json" and not f.name.endswith(".sha256"):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def timed_build(tree: Path, corpus: Path, index_dir: Path) -> dict[str, float]:
    """Wall and CPU seconds and peak RSS (MiB) of one ``qabot index --full`` of ``tree``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "index", "--full", "--corpus",
                             str(corpus), "--index-dir", str(index_dir)], cwd=tree,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: index failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": usage.ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="the git revision to compare with")
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], metavar="MB")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=["prose", "web"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=Path, metavar="DIR",
                        help="the folder the 'files' kind's text is taken from (adds it)")
    parser.add_argument("--match", default="copyright", help="the names of those files")
    parser.add_argument("--write", type=Path, metavar="DIR",
                        help="only write the documents, a corpus folder each, under DIR")
    args = parser.parse_args(argv)
    kinds = [*args.kinds, "files"] if args.files and "files" not in args.kinds else args.kinds
    if args.write:
        for (kind, mb), corpus in write_inputs(args.write, kinds, args.sizes, args.files,
                                               args.match).items():
            print(f"{kind} {mb:g} MB: {corpus / 'book.txt'}")
        return 0
    if not args.before:
        parser.error("--before is needed to measure (or --write to write the inputs)")
    with tempfile.TemporaryDirectory(prefix="qabot-largedoc-") as tmp:
        work = Path(tmp)
        with checked_out(args.before, work / "before") as before:
            # written by a process of their own: a build's peak RSS (``wait4``) counts what
            # the process that started it held then (Linux keeps it across ``exec``)
            inputs = {(kind, mb): work / "in" / f"{kind}-{mb:g}MB"
                      for kind in kinds for mb in args.sizes}
            files = ["--files", str(args.files), "--match", args.match] if args.files else []
            subprocess.run([sys.executable, __file__, "--write", str(work / "in"), "--kinds",
                            *args.kinds, "--sizes", *map(str, args.sizes), *files],
                           check=True, stdout=subprocess.DEVNULL)
            trees = {"before": before, "after": ROOT}
            got: dict[tuple[str, float, str], list[dict[str, float]]] = {}
            digests: dict[tuple[str, float, str], set[str]] = {}
            for r in range(args.rounds):
                for (kind, mb), corpus in inputs.items():
                    order = list(trees) if r % 2 == 0 else list(reversed(trees))
                    for name in order:
                        ix = work / f"ix-{name}-{kind}-{mb:g}"
                        run = timed_build(trees[name], corpus, ix)
                        got.setdefault((kind, mb, name), []).append(run)
                        digests.setdefault((kind, mb, name), set()).add(digest(ix))
                        print(json.dumps({"round": r + 1, "kind": kind, "MB": mb,
                                          "tree": name, **{k: round(v, 2)
                                                           for k, v in run.items()}}),
                              file=sys.stderr, flush=True)
    print(f"one document indexed (`qabot index --full`), medians of {args.rounds} rounds in "
          f"turns; before: {args.before}, after: this tree\n")
    print("| kind | MB | wall s before | wall s after | CPU s before | CPU s after "
          "| CPU s/MB before | CPU s/MB after | peak MiB before | peak MiB after "
          "| CPU after/before | same index |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, mb in inputs:
        med = {name: {k: statistics.median(x[k] for x in got[kind, mb, name])
                      for k in ("wall", "cpu", "rss")} for name in trees}
        b, a = med["before"], med["after"]
        same = digests[kind, mb, "before"] == digests[kind, mb, "after"] and len(
            digests[kind, mb, "after"]) == 1
        print(f"| {kind} | {mb:g} | {b['wall']:.1f} | {a['wall']:.1f} | {b['cpu']:.1f} | "
              f"{a['cpu']:.1f} | {b['cpu'] / mb:.2f} | {a['cpu'] / mb:.2f} | "
              f"{b['rss']:.0f} | {a['rss']:.0f} | "
              f"{a['cpu'] / b['cpu']:.2f} | {'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
