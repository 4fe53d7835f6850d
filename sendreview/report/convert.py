"""Markdown → the formats schools use, through pandoc (from pypandoc_binary) and Typst.

Everything runs on this machine: pandoc is the copy inside the pypandoc_binary
wheel and Typst is a Python package; no fonts, images or styles are fetched.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

from sendreview.errors import SendreviewError
from sendreview.resources import data_dir

FORMATS = ("docx", "pdf", "html", "odt", "md")

# Reviewers' text is Markdown, but never raw HTML or TeX, and carries no attributes
READER = "markdown" + "".join(
    f"-{ext}"
    for ext in (
        "raw_html",
        "raw_tex",
        "raw_attribute",
        "citations",
        "implicit_figures",
        "link_attributes",
        "inline_code_attributes",
        "fenced_code_attributes",
        "native_divs",
        "native_spans",
        "tex_math_dollars",
        "yaml_metadata_block",
    )
)


@dataclass(frozen=True)
class Style:
    """What a conversion needs besides the Markdown."""

    title: str
    subtitle: str
    date: str
    draft: bool
    reference_docx: Path
    reference_odt: Path | None
    stamp: dt.date  # the review's own date, so that output does not depend on today
    resources: Path | None = None  # folder holding images the Markdown refers to
    toc: bool = True


def _pandoc_path() -> str:
    """The pandoc inside pypandoc_binary; never another one that happens to be on PATH."""
    import importlib.util

    spec = importlib.util.find_spec("pypandoc")
    if spec and spec.submodule_search_locations:
        bundled = Path(next(iter(spec.submodule_search_locations))) / "files" / "pandoc"
        if bundled.exists():
            return str(bundled)
    raise SendreviewError(
        "pandoc is missing from this installation",
        "reinstall sendreview: pip install --force-reinstall pypandoc_binary",
    )


def source_date_epoch(style: Style) -> str:
    """pandoc stamps docx/odt with this instead of the current time: same input, same output."""
    return str(int(datetime.combine(style.stamp, time(12), UTC).timestamp()))


@contextmanager
def environment(style: Style) -> Iterator[None]:
    """While converting: the bundled pandoc, never another one that happens to be installed
    (pypandoc reads PYPANDOC_PANDOC), and the review's own date for docx/odt stamps."""
    wanted = {"PYPANDOC_PANDOC": _pandoc_path(), "SOURCE_DATE_EPOCH": source_date_epoch(style)}
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pandoc_args(args: list[str], style: Style, toc: bool = True) -> list[str]:
    """Everything pandoc is told besides the formats: metadata, contents, filter, images."""
    meta = [
        "-M",
        f"title={style.title}",
        "-M",
        f"subtitle={style.subtitle}",
        "-M",
        "lang=en-GB",
        "-M",
        f"date={style.date}",
        "-M",
        "toc-title=Contents",
    ]
    if style.resources:  # images sendreview drew for this report, and only those
        names = ",".join(sorted(p.name for p in style.resources.iterdir() if p.suffix == ".png"))
        meta += [f"--resource-path={style.resources}", "-M", f"allowed-images={names}"]
    if toc and style.toc:
        meta += ["--toc", "--toc-depth=2"]
    lua = data_dir("templates") / "report" / "sendreview.lua"
    return [*meta, *args, f"--lua-filter={lua}"]


def _pandoc(
    markdown: str,
    to: str,
    args: list[str],
    style: Style,
    outputfile: Path | None = None,
    toc: bool = True,
) -> str:
    import pypandoc

    try:
        out: str = pypandoc.convert_text(
            markdown,
            to,
            format=READER,
            extra_args=pandoc_args(args, style, toc),
            outputfile=str(outputfile) if outputfile else None,
            verify_format=False,
        )
    except RuntimeError as e:
        raise SendreviewError(
            f"pandoc could not produce the {to} report: {e}",
            "if you use your own templates, check them; otherwise this is a bug in sendreview",
        ) from e
    return out


def _template_file(name: str) -> Path:
    return data_dir("templates") / "report" / name


def docx_args(style: Style) -> list[str]:
    return [f"--reference-doc={style.reference_docx}"]


def to_file(markdown: str, fmt: str, style: Style, target: Path) -> None:
    """Write ``markdown`` converted to ``fmt`` into ``target`` (a temporary file); call it
    inside ``environment(style)``."""
    if fmt == "docx":
        from sendreview.report import docx

        _pandoc(markdown, "docx", docx_args(style), style, target)
        docx.finish(target)
    elif fmt == "odt":
        ref = [f"--reference-doc={style.reference_odt}"] if style.reference_odt else []
        _pandoc(markdown, "odt", ref, style, target)
    elif fmt == "html":
        html = _pandoc(
            markdown,
            "html5",
            [
                "--standalone",
                "--embed-resources",
                "--wrap=none",
                f"--css={_template_file('report.css')}",
                f"--template={_template_file('report.html')}",
            ],
            style,
        )
        target.write_text(html, encoding="utf-8")
    elif fmt == "md":
        md = _pandoc(
            markdown,
            "markdown-simple_tables-multiline_tables-pipe_tables",
            ["--standalone", "--columns=100"],
            style,
            toc=False,
        )
        target.write_text(md, encoding="utf-8")
    elif fmt == "pdf":
        _pdf(markdown, style, target)
    else:  # pragma: no cover - the CLI only offers FORMATS
        raise ValueError(fmt)


def _pdf(markdown: str, style: Style, target: Path) -> None:
    import typst

    args = ["--standalone", f"--template={_template_file('report.typ')}"]
    if style.draft:
        args += ["-V", "draft=true"]
    source = _pandoc(markdown, "typst", args, style)
    with tempfile.TemporaryDirectory(prefix="sendreview-") as tmp:
        root = Path(tmp)
        main = root / "report.typ"
        main.write_text(source, encoding="utf-8")
        if style.resources:
            for image in style.resources.iterdir():
                (root / image.name).write_bytes(image.read_bytes())
        try:
            pdf = typst.compile(str(main), root=str(root), ignore_system_fonts=True)
        except Exception as e:  # typst reports its own error type; any failure is ours
            raise SendreviewError(
                f"Typst could not produce the PDF report: {e}",
                "if you use your own templates, check report.typ",
            ) from e
    target.write_bytes(pdf)
