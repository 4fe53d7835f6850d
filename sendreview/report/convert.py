"""Markdown → the formats schools use, through pandoc (from pypandoc_binary) and Typst.

Everything runs on this machine: pandoc is the copy inside the pypandoc_binary
wheel and Typst is a Python package; no fonts, images, styles or Typst packages are
fetched. Each conversion runs as a child process with its own environment and a time
limit, so that a review that converts slowly stops with a message instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from sendreview.errors import SendreviewError
from sendreview.report.source import TitlePage
from sendreview.resources import data_dir

FORMATS = ("docx", "pdf", "html", "odt", "md")

# pandoc's Markdown, less everything that could give reviewers' text attributes, raw
# HTML/TeX/Typst, math, citations, notes or title blocks. Fenced divs, bracketed spans
# and heading attributes stay for the templates' own tables and anchors: the ``md``
# filter (markdown.py) keeps reviewers' text from ever forming them, and sendreview.lua
# keeps attributes only on the blocks the templates make.
READER = "markdown" + "".join(
    f"-{ext}"
    for ext in (
        "raw_html",
        "raw_tex",
        "raw_attribute",
        "citations",
        "footnotes",
        "inline_notes",
        "example_lists",
        "implicit_figures",
        "link_attributes",
        "inline_code_attributes",
        "fenced_code_attributes",
        "native_divs",
        "native_spans",
        "markdown_in_html_blocks",
        "tex_math_dollars",
        "tex_math_single_backslash",
        "latex_macros",
        "yaml_metadata_block",
        "pandoc_title_block",
        "mmd_title_block",
        "grid_tables",
        "multiline_tables",
    )
)

PANDOC_SECONDS = 120
TYPST_SECONDS = 120
# Children get no proxy but this one, a closed port on this machine: a request for
# anything on the network (a Typst package, a remote image) fails at once, here.
_NO_NETWORK = "http://127.0.0.1:9"


@dataclass(frozen=True)
class Style:
    """What a conversion needs besides the Markdown."""

    page: TitlePage
    reference_docx: Path
    reference_odt: Path | None
    resources: Path | None = None  # folder holding images the Markdown refers to
    own_templates: tuple[Path, ...] = field(default=())  # folders besides the built-in one
    attachments: str = ""  # the review folder as a URL path from the HTML report's folder


def pandoc_path() -> str:
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
    return str(int(datetime.combine(style.page.stamp, time(12), UTC).timestamp()))


def child_environment(style: Style | None = None) -> dict[str, str]:
    """The whole environment of a pandoc or Typst child: nothing inherited that could
    change its output or send it to the network."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "no_proxy": "",
        "NO_PROXY": "",
    }
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env[name] = _NO_NETWORK
    env["ALL_PROXY"] = _NO_NETWORK
    for name in ("SYSTEMROOT", "TEMP", "TMP", "TMPDIR"):  # Windows needs these to start
        if name in os.environ:
            env[name] = os.environ[name]
    if style is not None:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch(style)
    return env


def _cause(style: Style) -> str:
    """Where a conversion failure most likely comes from, for the hint: a reference
    document or templates of the user's own, else sendreview itself."""

    def _built_in(path: Path) -> bool:  # sendreview's own reference document
        ours = data_dir("templates") / "report" / path.name
        try:
            return path == ours or path.resolve() == ours.resolve()
        except (OSError, RuntimeError):
            return False

    causes = []
    for path, kind in ((style.reference_docx, "docx"), (style.reference_odt, "odt")):
        if path is not None and not _built_in(path):
            word = "Word" if kind == "docx" else "LibreOffice"
            causes.append(
                f"the {kind} report's styles come from the reference document {path}: check "
                f"it is a real {word} document (.{kind}), not another file renamed, or try "
                "without it"
            )
    if style.own_templates:
        folders = ", ".join(str(f) for f in style.own_templates)
        causes.append(
            f"the report's Markdown also comes from your own templates ({folders}): "
            "try without them; if the report then works, the change is in your templates"
        )
    if causes:
        return "; ".join(causes)
    return (
        "this is a bug in sendreview, not in your review: please report it, "
        "with the review if you can share it"
    )


def pandoc_args(args: list[str], style: Style, toc: bool = True) -> list[str]:
    """Everything pandoc is told besides the formats: metadata, contents, filter, images."""
    meta = [
        "-M",
        f"title={style.page.title}",
        "-M",
        f"subtitle={style.page.subtitle}",
        "-M",
        "lang=en-GB",
        "-M",
        f"date={style.page.date}",
        "-M",
        "toc-title=Contents",
    ]
    if style.resources:  # images sendreview drew for this report, and only those
        # an SVG and its PNG both, whether the PNG is made yet or not (only for Word):
        # every format's Markdown the same, whichever formats came first
        drawn = {p.stem for p in style.resources.iterdir() if p.suffix in IMAGES}
        names = ",".join(sorted(stem + suffix for stem in drawn for suffix in IMAGES))
        meta += [f"--resource-path={style.resources}", "-M", f"allowed-images={names}"]
        # the templates name their images without an extension: SVG, but Word gets PNG
        # (docx_args gives the extension again, and pandoc takes the last one given)
        meta += ["--default-image-extension=svg"]
    if toc and style.page.toc:
        meta += ["--toc", "--toc-depth=2"]
    lua = data_dir("templates") / "report" / "sendreview.lua"
    return [*meta, *args, f"--lua-filter={lua}"]


class ConversionTimeout(SendreviewError):
    """pandoc or Typst took longer than it may."""


def run_child(
    command: list[str], what: str, seconds: float, env: dict[str, str], data: bytes = b""
) -> bytes:
    """Run ``command`` with ``data`` on its input; its output, or a SendreviewError."""
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, env=env, timeout=seconds, check=False
        )
    except subprocess.TimeoutExpired as e:
        raise ConversionTimeout(
            f"{what} took longer than {seconds:g} seconds, and was stopped",
            "the review's text is unusually long or complex for one report: check the "
            "longest fields (a pasted document, a very long list) and shorten them",
        ) from e
    except OSError as e:
        raise SendreviewError(
            f"{what} could not be started: {e.strerror or e}",
            "reinstall sendreview: pip install --force-reinstall sendreview",
        ) from e
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise ChildFailed(message or f"exit status {done.returncode}")
    return done.stdout


class ChildFailed(Exception):
    """A child process failed; its message, for the caller to explain."""


def _pandoc(
    markdown: str,
    to: str,
    args: list[str],
    style: Style,
    outputfile: Path | None = None,
    toc: bool = True,
) -> str:
    command = [pandoc_path(), f"--from={READER}", f"--to={to}", *pandoc_args(args, style, toc)]
    if outputfile is not None:
        command += ["-o", str(outputfile)]
    try:
        out = run_child(
            command,
            f"pandoc, making the {to} report,",
            PANDOC_SECONDS,
            child_environment(style),
            markdown.encode("utf-8"),
        )
    except ChildFailed as e:
        raise SendreviewError(
            f"pandoc could not produce the {to} report: {e}", _cause(style)
        ) from e
    return out.decode("utf-8")


def _template_file(name: str) -> Path:
    return data_dir("templates") / "report" / name


def docx_args(style: Style) -> list[str]:
    if style.resources:
        rasterise(style.resources)
    return [
        f"--reference-doc={style.reference_docx}",
        "--default-image-extension=png",
    ]


IMAGES = (".svg", ".png")
RASTER_PPI = 150
# A page the size of the picture and the picture on it. Typst reads SVG natively and is
# a dependency already; rsvg-convert, which pandoc itself would use, is not installed.
_PLACE = """#set page(width: {w}, height: {h}, margin: 0pt)
#image("{name}", width: 100%)
"""


def rasterise(images: Path) -> None:
    """A PNG beside every SVG sendreview drew, for Word: Word 2016 and later show SVG,
    but LibreOffice, Google Docs, older Word and Word's own compatibility mode need a
    bitmap in a .docx (pandoc writes SVG alone there, with no fallback)."""
    import re

    import typst

    for svg in sorted(images.glob("*.svg")):
        head = svg.read_text(encoding="utf-8")[:400]
        size = re.search(r'width="([\d.]+cm)" height="([\d.]+cm)"', head)
        if size is None:  # pragma: no cover - chart.py always writes both
            raise ValueError(f"{svg.name} has no size in centimetres")
        place = images / f".{svg.stem}.typ"
        place.write_text(_PLACE.format(w=size[1], h=size[2], name=svg.name), encoding="utf-8")
        # in this process: a file of sendreview's own, no package, only Typst's fonts
        png = typst.compile(
            str(place), root=str(images), format="png", ppi=RASTER_PPI, ignore_system_fonts=True
        )
        place.unlink()
        svg.with_suffix(".png").write_bytes(_with_resolution(png, RASTER_PPI))


def _with_resolution(png: bytes, ppi: int) -> bytes:
    """``png`` with its resolution written in (a pHYs chunk after the header, which
    Typst leaves out): Word's report sizes the picture by it, 16 cm and not the page's
    width (pandoc 3.9's --dpi changed nothing there)."""
    import struct
    import zlib

    per_metre = round(ppi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_header = 8 + 4 + 4 + 13 + 4  # signature, then IHDR's length, type, data, CRC
    return png[:end_of_header] + chunk + png[end_of_header:]


def to_file(markdown: str, fmt: str, style: Style, target: Path) -> None:
    """Write ``markdown`` converted to ``fmt`` into ``target``, a file in a folder of
    its own that the conversion may use for its working files."""
    if fmt == "docx":
        from sendreview.report import docx

        _pandoc(markdown, "docx", docx_args(style), style, target)
        docx.finish(target)
    elif fmt == "odt":
        from sendreview.report import odt

        ref = [f"--reference-doc={style.reference_odt}"] if style.reference_odt else []
        _pandoc(markdown, "odt", ref, style, target)
        odt.finish(target)
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
                # (only here: other writers would keep it as a document property)
                *(["-M", f"attachments-base={style.attachments}"] if style.attachments else []),
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


# The Typst child: compile one file, offline (local and cached package folders empty,
# and any download sent to a closed port), with only Typst's own fonts.
_TYPST = """
import sys, typst
main, root, out, packages, cache = sys.argv[1:6]
try:
    pdf = typst.compile(main, root=root, ignore_system_fonts=True,
                        package_path=packages, package_cache_path=cache)
except Exception as e:
    sys.stderr.write(str(e))
    sys.exit(1)
with open(out, "wb") as f:
    f.write(pdf)
"""


def compile_typst(main: Path, target: Path, seconds: float | None = None) -> None:
    """Compile ``main`` (inside its own folder, the only one it may read) into ``target``."""
    root = main.parent
    packages, cache = root / ".no-packages", root / ".no-package-cache"
    packages.mkdir(exist_ok=True)
    cache.mkdir(exist_ok=True)
    command = [sys.executable, "-I", "-c", _TYPST, str(main), str(root), str(target)]
    run_child(
        [*command, str(packages), str(cache)],
        "Typst, making the PDF report,",
        TYPST_SECONDS if seconds is None else seconds,
        child_environment(),
    )


# Typst tags its PDFs for screen readers and so writes /MarkInfo <</Marked true /Suspects
# false>> in the catalog. poppler up to at least 25.11 (pdfinfo, evince; Debian 12 has
# 22.12) takes a false /Suspects for a wrong type and prints "Syntax Error: Suspects object
# is wrong type (boolean)" for every report (typst/typst#7140). false is the entry's
# default, so it says nothing: it is blanked in place, to the same length, so that the
# cross-reference table's offsets still hold. The tags themselves stay.
_MARK_INFO = b"/MarkInfo<</Marked true/Suspects false>>"
_MARK_INFO_BLANKED = _MARK_INFO.replace(b"/Suspects false", b" " * len(b"/Suspects false"))


def _drop_default_suspects(pdf: Path) -> None:
    data = pdf.read_bytes()
    if data.count(_MARK_INFO) == 1:
        pdf.write_bytes(data.replace(_MARK_INFO, _MARK_INFO_BLANKED))


def _pdf(markdown: str, style: Style, target: Path) -> None:
    args = ["--standalone", f"--template={_template_file('report.typ')}"]
    if style.page.draft:
        args += ["-V", "draft=true"]
    source = _pandoc(markdown, "typst", args, style)
    root = target.parent / "typst"
    root.mkdir()
    main = root / "report.typ"
    main.write_text(source, encoding="utf-8")
    if style.resources:
        for image in style.resources.iterdir():
            (root / image.name).write_bytes(image.read_bytes())
    try:
        compile_typst(main, target)
    except ChildFailed as e:
        message = " ".join(str(e).split())
        if "package" in message:
            hint = (
                "sendreview never downloads Typst packages, and its PDF layout uses none; "
                + _cause(style)
            )
        else:
            hint = _cause(style)
        raise SendreviewError(f"Typst could not produce the PDF report: {message}", hint) from e
    _drop_default_suspects(target)
