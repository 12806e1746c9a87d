"""The scale benchmark's report: Markdown tables, the targets of issue 3, plots, and the section
of ``docs/benchmarks.md`` they fill (between markers, so the hand-written text around stays)."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
from pathlib import Path
from typing import Any

from .systems import SYSTEMS

BEGIN = "<!-- scale:begin (written by python -m benchmarks.scale report --write; edit outside) -->"
END = "<!-- scale:end -->"
TARGET_SIZES = (100_000, 1_000_000)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def tables(results: dict[str, Any]) -> str:
    """Markdown: one table per corpus size, then qabot's ratios against the peers."""
    out = []
    for size, runs in sorted(results.get("runs", {}).items(), key=lambda kv: int(kv[0])):
        out.append(f"\n#### {int(size):,} passages\n")
        out.append("| system | build s | query p50 ms | query p99 ms | queries | peak memory MB "
                   "| index on disk MB | cold start s |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name in SYSTEMS:
            e = runs.get(name)
            if e is None:
                continue
            if "error" in e:
                out.append(f"| {name} | {e['error']} | | | | | | |")
                continue
            out.append(
                f"| {name} | {e['build_s']:.1f} | {e['p50_ms']:.3f} | {e['p99_ms']:.3f} "
                f"| {e['n_queries']} | {e['peak_mb']:.0f} | {e['disk_mb']:.0f} "
                f"| {e.get('cold_start_s', float('nan')):.2f} |"
            )
        q = runs.get("qabot", {})
        if "p50_ms" in q:
            out.append("")
            out.append(
                f"qabot also: collection (sentence spans) {q.get('collection_s', 0):.1f} s; "
                f"`engine.ask` p50 {q.get('ask_p50_ms', 0):.2f} ms, p99 "
                f"{q.get('ask_p99_ms', 0):.2f} ms (exact terms only, without words of like "
                f"meaning: p50 {q.get('ask_exact_p50_ms', 0):.2f} ms, p99 "
                f"{q.get('ask_exact_p99_ms', 0):.2f} ms); memory at the end of the index build "
                f"{q['build_peak_mb']:.0f} MB (corpus texts alone {q['corpus_mb']:.0f} MB); "
                f"its index on disk includes {q.get('collection_disk_mb', 0):.0f} MB of passage "
                "texts and sentence spans, which the peers do not store."
            )
            out.append(_ratios(runs))
    return "\n".join(out)


def _ratios(runs: dict[str, Any]) -> str:
    q = runs["qabot"]
    parts = []
    for name in ("bm25s-numba", "bm25s-numpy", "sklearn-linear_kernel", "rank_bm25"):
        e = runs.get(name, {})
        if "p50_ms" in e:
            parts.append(f"{e['p50_ms'] / q['p50_ms']:.1f}x faster p50 than {name}")
    if "build_s" in runs.get("bm25s-numpy", {}):
        parts.append(f"build {q['build_s'] / runs['bm25s-numpy']['build_s']:.2f}x bm25s's")
    return "Ratios: qabot query " + "; ".join(parts) + "." if parts else ""


def render(results: dict[str, Any]) -> str:
    """The generated part of the ``## Speed and scale`` section of ``docs/benchmarks.md``."""
    m = results.get("machine", {})
    runs = results.get("runs", {})
    dates = sorted({e.get("date", "") for r in runs.values() for e in r.values()} - {""})
    lines = [
        BEGIN,
        f"Measured on {', '.join(dates)}: {m.get('cores')} cores ({m.get('cpu')}), "
        f"{m.get('memory_gib')} GiB, Python {m.get('python')}, {_versions()}. The machine was "
        "shared with other work while measuring, so absolute times carry some noise; each "
        "table's systems ran one after another in the same run.",
        "",
        "```bash",
        "pip install -e '.[bench]'",
        "python -m benchmarks.scale                          # 10k and 100k passages (~6 min)",
        "python -m benchmarks.scale --sizes 1000000          # 1M passages (~15 min)",
        "python -m benchmarks.scale report --write docs/benchmarks.md   # these tables, the plots",
        "```",
        tables(results),
        "",
        "#### Targets",
        "",
        *_targets(runs),
        "",
        "![query latency p50 against corpus size](benchmarks/scale-latency.png)",
        "![index build time against corpus size](benchmarks/scale-build.png)",
        END,
    ]
    return "\n".join(lines)


def _targets(runs: dict[str, Any]) -> list[str]:
    rows = []
    for size in TARGET_SIZES:
        r = runs.get(str(size), {})
        q, numba, numpy_ = r.get("qabot", {}), r.get("bm25s-numba", {}), r.get("bm25s-numpy", {})
        if "p50_ms" not in q:
            continue
        label = f"{size:,}"
        if "p50_ms" in numba:
            rows.append((label, "query p50 <= bm25s numba", f"{q['p50_ms']:.3f} vs "
                         f"{numba['p50_ms']:.3f} ms", q["p50_ms"] <= numba["p50_ms"]))
        if "p50_ms" in numpy_:
            ratio = numpy_["p50_ms"] / q["p50_ms"]
            rows.append((label, ">= 10x faster than bm25s numpy", f"{ratio:.0f}x", ratio >= 10))
            rows.append((label, "build <= 0.6x bm25s's (numpy backend)",
                         f"{q['build_s'] / numpy_['build_s']:.2f}x ({q['build_s']:.0f} vs "
                         f"{numpy_['build_s']:.0f} s)", q["build_s"] <= 0.6 * numpy_["build_s"]))
        if size == 100_000 and "ask_p50_ms" in q:
            rows.append((label, "engine.ask p50 < 2 ms", f"{q['ask_p50_ms']:.2f} ms",
                         q["ask_p50_ms"] < 2))
        if size == 100_000 and "ask_exact_p50_ms" in q:
            rows.append((label, "engine.ask p50 < 2 ms, exact terms only",
                         f"{q['ask_exact_p50_ms']:.2f} ms", q["ask_exact_p50_ms"] < 2))
        if size == 1_000_000:
            rows.append((label, "peak memory <= 2 GB (whole run)", f"{q['peak_mb']:.0f} MB",
                         q["peak_mb"] <= 2048))
            rows.append((label, "cold start < 2 s", f"{q.get('cold_start_s', float('nan')):.2f} s",
                         q.get("cold_start_s", 99) < 2))
    out = ["| passages | target | qabot | met |", "|---|---|---|---|"]
    out += [f"| {s} | {t} | {v} | {'yes' if ok else '**no**'} |" for s, t, v, ok in rows]
    return out


def _versions() -> str:
    import importlib.metadata

    have = []
    for name in ("numpy", "scipy", "scikit-learn", "numba", "bm25s", "rank-bm25"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            have.append(f"{name} {importlib.metadata.version(name)}")
    return ", ".join(have)


def write_section(path: Path, generated: str) -> None:
    """Put ``generated`` between the markers in ``path``, else at the end of its ``## Speed and
    scale`` section, else in a new section at the end."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    heading = "\n## Speed and scale\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + generated + rest.split(END, 1)[1]
    elif heading in text:
        head, rest = text.split(heading, 1)
        body, sep, tail = rest.partition("\n## ")
        text = (head + heading + body.rstrip("\n") + "\n\n" + generated + "\n"
                + ("\n" + sep.lstrip("\n") + tail if sep else ""))
    else:
        text = text.rstrip("\n") + "\n" + heading + "\n" + generated + "\n"
    path.write_text(text, encoding="utf-8")


def plots(results: dict[str, Any], where: Path) -> None:
    """Query p50 and build time against corpus size, log-log, one line per system."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is missing: no plots (pip install -e '.[bench]')", file=sys.stderr)
        return
    runs = results.get("runs", {})
    for key, label, filename in (("p50_ms", "query latency p50 (ms), top-10", "scale-latency.png"),
                                 ("build_s", "index build (s)", "scale-build.png")):
        fig, ax = plt.subplots(figsize=(6.4, 4.4))
        for name in SYSTEMS:
            pts = sorted((int(s), r[name][key]) for s, r in runs.items()
                         if key in r.get(name, {}))
            if pts:
                ax.plot(*zip(*pts, strict=True), marker="o", label=name)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("passages")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(where / filename, dpi=110)
        plt.close(fig)
