"""Benchmark: what `sendreview report` costs beyond pandoc itself, measured side by side.

Targets (issue: reports):
  1. `sendreview report --format docx` takes at most one minimal typer app's `--help`
     longer than pandoc alone converting the same Markdown with the same options.
  2. The PDF of the bundled example takes at most 2.5× the time of the docx.

"warm" is a review unchanged since its last rendering (sendreview reuses that
rendering's Markdown); "cold" is the first rendering after a change (the review is
checked and templated afresh). Both are printed; every time is the median of
interleaved runs.

    .venv/bin/python bench/report.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, MINIMAL_APP, ROOT, run, verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from sendreview.report import cache, convert, render_report

    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        work = Path(tmp)
        review = work / "riverside-primary"
        shutil.copytree(
            ROOT / "examples" / "riverside-primary", review, ignore=shutil.ignore_patterns("build")
        )
        app = work / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        out = work / "out"
        render_report(review, ["docx"], output=out, force=True)  # leaves the warm record
        record = next((review / "build" / cache.FOLDER).glob("review.json"))
        prepared = cache.load(review, "review", None, json.loads(record.read_text())["key"])
        assert prepared is not None, "the first rendering leaves its record"
        markdown = work / "report.md"
        markdown.write_text(prepared.markdown, encoding="utf-8")
        style = convert.Style(
            page=prepared.page,
            reference_docx=ROOT / "templates" / "report" / "reference.docx",
            reference_odt=None,
        )
        pandoc = [
            convert._pandoc_path(),
            str(markdown),
            f"--from={convert.READER}",
            "--to=docx",
            "-o",
            str(work / "pandoc.docx"),
            *convert.pandoc_args(convert.docx_args(style), style),
        ]
        env = convert.child_environment(style)  # exactly what sendreview gives pandoc
        sendreview = [str(BIN / "sendreview"), "report", str(review), "-o", str(out), "--force"]

        def cold(fmt: str) -> float:
            record.unlink(missing_ok=True)
            return run([*sendreview, "-f", fmt])

        measures = {
            "typer --help (minimal app)": lambda: run([sys.executable, str(app), "--help"]),
            "pandoc alone, same Markdown to docx": lambda: run(pandoc, env),
            # every argument parsed by typer, then refused before any work: typer's own cost
            "sendreview report, arguments only": lambda: run(
                [*sendreview, "-f", "rtf"], check=False
            ),
            "sendreview report docx (warm)": lambda: run([*sendreview, "-f", "docx"]),
            "sendreview report docx (cold)": lambda: cold("docx"),
            "sendreview report pdf (warm)": lambda: run([*sendreview, "-f", "pdf"]),
            "sendreview report pdf (cold)": lambda: cold("pdf"),
        }
        times: dict[str, list[float]] = {name: [] for name in measures}
        for _ in range(args.runs):
            for name, measure in measures.items():
                times[name].append(measure())
            run([*sendreview, "-f", "docx"])  # leave a warm record for the next round
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, value in median.items():
        print(f"{name:40s} {value * 1000:7.0f} ms")
    help_time = median["typer --help (minimal app)"]
    pandoc_time = median["pandoc alone, same Markdown to docx"]
    results = []
    for temperature in ("warm", "cold"):
        extra = median[f"sendreview report docx ({temperature})"] - pandoc_time
        name = f"docx beyond pandoc ({temperature}), {extra * 1000:.0f} ms, in typer --helps"
        results.append(verdict(name, extra / help_time, 1.0))
    for temperature in ("warm", "cold"):
        ratio = (
            median[f"sendreview report pdf ({temperature})"]
            / median[f"sendreview report docx ({temperature})"]
        )
        results.append(verdict(f"pdf / docx ({temperature})", ratio, 2.5))
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
