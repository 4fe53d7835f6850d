"""Hostile reviews and templates: text stays text in every format, templates stay in
their folders and within their budgets, conversions stay offline and bounded in time,
and what validates also renders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from sendreview.report import convert, render_report, templating
from sendreview.report.scratch import clean_stale
from tests.conftest import ROOT, Invoke, build_case
from tests.report.conftest import Html, docx_xml

VECTORS = [
    "# Heading {onfocus=alert(1)}",
    "::: {onmouseover=x}\ninside the div\n:::",
    "::: warning\nbare class\n:::",
    "[spanned]{.evil onclick=x} text",
    '[tagged]{#e1} and [again]{custom-style="Title"}',
    "`code`{=html} and `<b>x</b>`",
    "```{=html}\n<img src=x onerror=alert(1)>\n```",
    "<span onclick=alert(1)>raw html</span> <div class=x>div</div>",
    "[a link](https://example.org/page){onclick=x .evil}",
    "- # nested heading {#injected}\n- > ::: {.table}\n  > quoted fence\n  > :::",
    "$x^2$ and \\(y\\) and ^[an inline note] and [^1]\n\n[^1]: a note",
    "```python\nprint('hi')\n```",
    "![pic](https://example.org/x.png){onload=x}",
]


def _write_findings(ws: Path, summary: str, strengths: list[str]) -> None:
    path = ws / "recommendations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = summary
    data["areas"]["outcomes"]["strengths"] = strengths
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _classes_and_ids(html: str) -> tuple[set[str], set[str]]:
    page = Html(html)
    classes = {c for _, attrs in page.tags for c in (attrs.get("class") or "").split()}
    ids = {attrs["id"] or "" for _, attrs in page.tags if "id" in attrs}
    return classes, ids


def _html(ws: Path, out: Path) -> str:
    return render_report(ws, ["html"], output=out, force=True).paths[0].read_text("utf-8")


def test_attribute_and_raw_syntax_in_text_stays_text(tmp_path: Path) -> None:
    clean = _html(build_case("short-forms", tmp_path / "clean"), tmp_path / "out1")
    ws = build_case("short-forms", tmp_path / "ws")
    _write_findings(ws, "\n\n".join(VECTORS), VECTORS)
    html = _html(ws, tmp_path / "out2")
    page = Html(html)
    tags = [t for t, _ in page.tags]
    assert not {"script", "img", "sup", "section", "aside"} & set(tags)
    clean_tags = [t for t, _ in Html(clean).tags]
    for tag in ("span", "div"):  # only the templates' own (anchors, the draft banner)
        assert tags.count(tag) == clean_tags.count(tag)
    assert not [k for _, attrs in page.tags for k in attrs if k.startswith("on")]
    classes, ids = _classes_and_ids(html)
    clean_classes, clean_ids = _classes_and_ids(clean)
    assert classes <= clean_classes
    assert ids <= clean_ids
    assert html.count('id="e1"') == 1
    text = " ".join(t for _, t in page.texts)
    for shown in (
        "{onfocus=alert(1)}",
        "::: {onmouseover=x}",
        "::: warning",
        "[spanned]{.evil onclick=x}",
        "[tagged]{#e1}",
        "{=html}",
        "<span onclick=alert(1)>raw html</span>",
        "{onclick=x .evil}",
        "{#injected}",
        "$x^2$",
        "^[an inline note]",
        "[^1]",
    ):
        assert shown.replace('"', "") in text.replace('"', "").replace("“", "").replace("”", "")
    assert '<a href="https://example.org/page">a link</a>' in html
    assert "nested heading" not in " ".join(page.text_in("h1") + page.text_in("h2"))


def test_templates_own_blocks_still_make_tables_and_anchors(tmp_path: Path) -> None:
    html = _html(build_case("short-forms", tmp_path / "ws"), tmp_path / "out")
    assert '<table id="annex-3" class="report-table table">' in html
    assert 'id="e1"' in html and 'href="#e1"' in html


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


TYPST_VECTORS = [
    '#import "@preview/cetz:0.3.1": canvas',
    '#read("/etc/passwd")',
    "#{1+1} and #let x = 2",
    "$ x^2 $ and a dollar $5",
    "back\\\\slash and \\ and `#code`",
    "]] closing [[ opening ][",
    "<label> and @ref and @preview",
    "#set text(fill: red) // comment /* block */",
    '#include "report.typ"',
]


def test_text_reaches_typst_as_text(tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    _write_findings(ws, "\n\n".join(TYPST_VECTORS), TYPST_VECTORS)
    review = ws / "review.yaml"
    review.write_text(
        review.read_text().replace(
            "Test Primary School", "'Hostile #read(\"/etc/passwd\") ] [ $x$ <l> @r \\ School'"
        )
    )
    out = render_report(ws, ["pdf"], output=tmp_path / "out").paths[0]
    text = _pdf_text(out)
    assert "root:" not in text
    for shown in (
        "#import",
        "@preview/cetz:0.3.1",
        "#read(",
        "/etc/passwd",
        "#{1+1}",
        "#let x = 2",
        "$ x^2 $",
        "]] closing [[ opening ][",
        "<label>",
        "@ref",
        "#set text(fill: red) // comment /* block */",
        "#include",
        "Hostile #read(“/etc/passwd”) ] [ $x$ <l> @r \\ School",
    ):
        assert shown in text, shown
    assert text.count("back\\slash") >= 2


def _connects(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if "connect(" in line]


def _leaving(lines: list[str]) -> list[str]:
    """Connections to anything but this machine."""
    out = []
    for line in lines:
        if ("AF_INET6" in line and "::1" not in line) or (
            "AF_INET," in line and '"127.0.0.1"' not in line
        ):
            out.append(line)
    return out


def test_a_typst_package_import_fails_offline(tmp_path: Path) -> None:
    main = tmp_path / "typst" / "report.typ"
    main.parent.mkdir()
    main.write_text('#import "@preview/example:0.1.0": add\nHello\n')
    with pytest.raises(convert.ChildFailed, match="package"):
        convert.compile_typst(main, tmp_path / "out.pdf")
    assert not list((main.parent / ".no-package-cache").iterdir())
    assert not (tmp_path / "out.pdf").exists()


def _traced(log: Path, *python_args: str) -> subprocess.CompletedProcess[str]:
    """Python run with ``python_args`` under strace, its connect() calls logged to ``log``."""
    return subprocess.run(
        ["strace", "-f", "-e", "trace=connect", "-o", str(log), sys.executable, *python_args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed")
def test_a_typst_package_import_never_reaches_the_network(tmp_path: Path) -> None:
    main = tmp_path / "typst" / "report.typ"
    main.parent.mkdir()
    main.write_text('#import "@preview/example:0.1.0": add\nHello\n')
    log = tmp_path / "strace.log"
    code = (
        "import sys\nfrom pathlib import Path\nfrom sendreview.report import convert\n"
        "try:\n    convert.compile_typst(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "except convert.ChildFailed as e:\n    print(e)\n    sys.exit(7)\n"
    )
    done = _traced(log, "-c", code, str(main), str(tmp_path / "out.pdf"))
    assert done.returncode == 7, done.stderr
    assert "package" in done.stdout
    assert not _leaving(_connects(log))


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed")
def test_validate_and_report_make_no_network_connection(tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    _write_findings(ws, "\n\n".join(TYPST_VECTORS + VECTORS), TYPST_VECTORS)
    for args in (
        ["validate", str(ws)],
        ["report", str(ws), "--format", "docx,pdf,html", "-o", str(tmp_path / "out")],
    ):
        log = tmp_path / "strace.log"
        done = _traced(log, "-m", "sendreview", *args)
        assert done.returncode in (0, 1), done.stderr
        inet = [line for line in _connects(log) if "AF_INET" in line]
        assert not inet, inet
    assert len(list((tmp_path / "out").glob("*.*"))) >= 3


# Templates: only plain files inside their folders


def _own_template(ws: Path, name: str, text: str) -> Path:
    (ws / "templates").mkdir(exist_ok=True)
    path = ws / "templates" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_template_linked_outside_its_folder_is_refused(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    _own_template(ws, "_context.md.j2", '{% include "notes.md.j2" %}\n')
    (ws / "templates" / "notes.md.j2").symlink_to(secret)
    result = cli("report", str(ws), "-f", "md,html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "is a link to a file outside its folder" in result.stderr
    assert not (tmp_path / "out").exists() or not any(
        "TOP-SECRET" in p.read_text() for p in (tmp_path / "out").iterdir()
    )


def test_a_template_that_is_a_link_to_etc_passwd_is_refused(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    (ws / "templates").mkdir()
    (ws / "templates" / "_context.md.j2").symlink_to("/etc/passwd")
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "outside its folder" in result.stderr


def test_a_link_inside_the_folder_and_a_folder(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    _own_template(ws, "mine.md.j2", "# Context of the school\n\nOur own words.\n")
    (ws / "templates" / "_context.md.j2").symlink_to("mine.md.j2")
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "Our own words." in next((tmp_path / "out").glob("*.md")).read_text()
    (ws / "templates" / "_context.md.j2").unlink()
    # (not a FIFO: the report cache reads every file of the review first, and would wait)
    (ws / "templates" / "_context.md.j2").mkdir()
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out2"))
    assert result.exit_code == 1
    assert "is not a plain file" in result.stderr


# Templates: budgets


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "range of 1,000,000,000 numbers"),
        (
            "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
            "ran for more than",
        ),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "calls itself too deeply"),
        ("{% for i in range(10000) %}{{ 'x' * 1000 }}{% endfor %}", "wrote more than"),
        (
            "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "made a value longer than",
        ),
        ("{{ 'x' * 10**9 }}", "made a value longer than"),
        ("{{ 'x' | center(10**9) }}", "wider than"),
        ("{% set x = 10**9 %}{{ 7 ** x }}", "power"),
    ],
)
def test_runaway_templates_stop_with_their_line(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, says: str
) -> None:
    monkeypatch.setattr(templating, "TEMPLATE_SECONDS", 1.0)
    ws = build_case("short-forms", tmp_path / "ws")
    _own_template(ws, "_context.md.j2", "# Context\n\n" + body + "\n")
    started = time.monotonic()
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out"))
    assert time.monotonic() - started < 30
    assert result.exit_code == 1, result.stderr
    assert says in result.stderr
    # output is counted as the report is written: the line is that of the include
    where = r"review\.md\.j2:\d+" if says == "wrote more than" else r"_context\.md\.j2:3\b"
    assert re.search(where, result.stderr), result.stderr


# Markdown bounds: what validates renders


def _findings_with(ws: Path, summary: str) -> None:
    _write_findings(ws, summary, ["Good progress in reading."])


@pytest.mark.parametrize(
    ("summary", "says"),
    [
        ("word " * 5000, "may hold up to 20,000"),
        ("- " * 300 + "item", "nested 300 levels deep"),
        ("> " * 40 + "quoted", "nested 40 levels deep"),
        ("[" * 3000, "3000 '[' without a ']'"),
    ],
)
def test_markdown_fields_have_bounds(cli: Invoke, tmp_path: Path, summary: str, says: str) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    _findings_with(ws, summary)
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    assert says in out
    assert "recommendations.yaml" in out


def test_text_at_every_bound_renders_in_every_format(tmp_path: Path) -> None:
    nested = "\n".join("  " * i + f"- level {i + 1}" for i in range(8))
    brackets = "[" * 100
    summary = nested + "\n\n" + brackets + "\n\n"
    summary += ("A sentence [with a link](https://example.org) in it. " * 400)[
        : 20_000 - len(summary)
    ]
    assert len(summary) <= 20_000
    ws = build_case("short-forms", tmp_path / "ws")
    _findings_with(ws, summary)
    started = time.monotonic()
    result = render_report(ws, ["docx", "pdf", "html"], output=tmp_path / "out")
    assert time.monotonic() - started < 60
    pdf = next(p for p in result.paths if p.suffix == ".pdf")
    assert "level 8" in _pdf_text(pdf)


def test_conversions_have_a_time_limit(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    monkeypatch.setattr(convert, "PANDOC_SECONDS", 0.001)
    result = cli("report", str(ws), "-f", "html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "pandoc, making the html5 report, took longer than" in result.stderr
    monkeypatch.setattr(convert, "PANDOC_SECONDS", 120)
    monkeypatch.setattr(convert, "TYPST_SECONDS", 0.001)
    result = cli("report", str(ws), "-f", "pdf", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "Typst, making the PDF report, took longer than" in result.stderr


def test_conversions_leave_the_environment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    before = dict(os.environ)
    ws = build_case("short-forms", tmp_path / "ws")
    out = render_report(ws, ["docx"], output=tmp_path / "out").paths[0]
    assert dict(os.environ) == before
    core = docx_xml(out, "docProps/core.xml")
    assert "1970-01-01" not in core  # the review's own date, not the caller's


def _typst_failure(style_templates: tuple[Path, ...], tmp_path: Path) -> Any:
    from datetime import date

    from sendreview.report.source import TitlePage

    style = convert.Style(
        page=TitlePage("S", "review", "T", "", "", False, date(2026, 10, 14)),
        reference_docx=ROOT / "templates" / "report" / "reference.docx",
        reference_odt=None,
        own_templates=style_templates,
    )
    deep = "\n".join("  " * i + "- x" for i in range(400))  # beyond the Markdown bounds
    (tmp_path / "w").mkdir(parents=True)
    with pytest.raises(convert.SendreviewError) as caught:
        convert.to_file(deep, "pdf", style, tmp_path / "w" / "report.pdf")
    return caught.value


def test_pdf_failure_hints_name_the_cause(tmp_path: Path) -> None:
    error = _typst_failure((), tmp_path)
    assert "report.typ" not in (error.hint or "")
    assert "your own templates" not in (error.hint or "")
    assert "bug in sendreview" in (error.hint or "")
    mine = tmp_path / "mine"
    error = _typst_failure((mine,), tmp_path / "again")
    assert str(mine) in (error.hint or "")


# Working folders


def _locked_forever(folder: Path) -> subprocess.Popen[bytes]:
    code = (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(folder / ".sendreview-lock")], stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdout.readline().strip() == b"locked"
    return child


@pytest.mark.skipif(sys.platform == "win32", reason="no flock on Windows")
def test_working_folders_of_killed_runs_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "sendreview-work-abc123"
    running = tmp_path / "sendreview-work-def456"
    # never touched: folders that look like ours but are not (a user's, another tool's)
    others = [
        tmp_path / "sendreview-fuzz-q1w2e3r4",
        tmp_path / "sendreview-examples",
        tmp_path / "sendreview-crash.log",
    ]
    for folder in (stale, running, *others[:2]):
        folder.mkdir()
        (folder / "report.md").write_text("x")
    others[2].write_text("log")
    (stale / ".sendreview-lock").write_text("")
    (running / ".sendreview-lock").write_text("")
    old = time.time() - 7200
    for folder in others[:2]:
        os.utime(folder, (old, old))
    child = _locked_forever(running)
    try:
        removed = clean_stale(tmp_path)
    finally:
        child.kill()
        child.wait()
    assert removed == [stale]
    assert running.exists() and all(p.exists() for p in others)
    assert clean_stale(tmp_path) == [running]  # its run has ended


def test_a_finished_run_leaves_no_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    ws = build_case("short-forms", tmp_path / "ws")
    render_report(ws, ["pdf", "md"], output=tmp_path / "out")
    assert list(scratch.iterdir()) == []


# A review's own templates and reference documents: the user's to fix, never a crash


def _report_md(cli: Invoke, ws: Path, out: Path, *more: str) -> Any:
    return cli("report", str(ws), "--format", "md", "-o", str(out), *more)


def _users_error(result: Any) -> str:
    assert result.exit_code == 1, result.stderr
    assert "bug in sendreview" not in result.stderr
    return str(result.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
def test_a_circle_of_links_in_the_reviews_templates(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    (riverside / "templates").mkdir()
    (riverside / "templates" / "_context.md.j2").symlink_to("_context.md.j2")
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "_context.md.j2' is a link that goes round in a circle of links" in says
    shutil.rmtree(riverside / "templates")
    (riverside / "templates").symlink_to("templates")
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "templates folder" in says and "circle of links" in says


def test_a_template_that_is_not_utf8_is_named_with_its_line(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    path = _own_template(riverside, "_context.md.j2", "")
    path.write_bytes(b"# Context\n\nCaf\xe9 au lait\n")
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert re.search(r"_context\.md\.j2:3: the report template is not UTF-8", says), says
    assert "this template came with the review" in says and "fix or remove it" in says


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("{{ 1/0 }}", "division by zero (ZeroDivisionError)"),
        ('{{ 1 + "a" }}', "(TypeError)"),
        ("{{ v | md }}", "(AttributeError)"),
    ],
)
def test_a_template_that_fails_as_it_runs_is_named_with_its_line(
    cli: Invoke, riverside: Path, tmp_path: Path, body: str, error: str
) -> None:
    _own_template(riverside, "_context.md.j2", "# Context\n\n" + body + "\n")
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert re.search(r"_context\.md\.j2:3: the report template stopped with an error", says)
    assert error in says
    assert "this template came with the review" in says
    # the same template from an organisation's folder: the user's too, and said so
    shutil.move(riverside / "templates", tmp_path / "ours")
    says = _users_error(
        _report_md(cli, riverside, tmp_path / "out", "--templates", str(tmp_path / "ours"))
    )
    assert error in says and "given with --templates" in says


def test_a_failure_in_sendreviews_own_templates_is_still_a_bug(
    riverside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_in = tmp_path / "built-in"
    shutil.copytree(ROOT / "templates" / "report", built_in)
    with (built_in / "_context.md.j2").open("a", encoding="utf-8") as f:
        f.write("{{ 1/0 }}\n")
    monkeypatch.setattr(templating, "_built_in", lambda: built_in)
    with pytest.raises(ZeroDivisionError):  # the CLI's exit 3, with a crash log
        render_report(riverside, ["md"], output=tmp_path / "out")


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
def test_a_template_turned_into_a_circle_after_it_was_read(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    path = _own_template(riverside, "_context.md.j2", "# Context\n\nOur own words.\n")
    assert _report_md(cli, riverside, tmp_path / "out").exit_code == 0
    path.unlink()
    path.symlink_to(path.name)  # the loaded template is checked again, and is gone
    says = _users_error(_report_md(cli, riverside, tmp_path / "out", "--force"))
    assert "circle of links" in says


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
def test_a_templates_folder_leading_outside_the_review_is_not_used(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "_context.md.j2").write_text("# Context\n\nFROM-ELSEWHERE\n", encoding="utf-8")
    (riverside / "templates").symlink_to(elsewhere)
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "templates folder" in says and "outside the review, and is not used" in says
    assert not (tmp_path / "out").exists()
    # the same folder, chosen by the user with --templates, is used
    (riverside / "templates").unlink()
    result = _report_md(cli, riverside, tmp_path / "out", "--templates", str(elsewhere))
    assert result.exit_code == 0, result.stderr
    assert "FROM-ELSEWHERE" in next((tmp_path / "out").glob("*.md")).read_text("utf-8")
    # a link to a folder inside the review is the review's own
    shutil.copytree(elsewhere, riverside / "mine")
    (riverside / "templates").symlink_to("mine")
    result = _report_md(cli, riverside, tmp_path / "out2")
    assert result.exit_code == 0, result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_the_reviews_reference_documents_are_plain_files_inside_it(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    (riverside / "templates").mkdir()
    ref = riverside / "templates" / "reference.docx"
    secret = tmp_path / "secret.docx"
    secret.write_bytes(b"PK not really")
    ref.symlink_to(secret)
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "reference.docx' is not used" in says and "outside the review folder" in says
    ref.unlink()
    os.mkfifo(ref)
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "reference.docx' is not used: this is a named pipe, not a file" in says
    ref.unlink()
    with (riverside / "templates" / "reference.odt").open("wb") as f:
        f.truncate(21_000_000)  # sparse: the size is what counts
    says = _users_error(_report_md(cli, riverside, tmp_path / "out"))
    assert "reference.odt' is not used" in says and "at most 20,000,000 bytes" in says


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_reference_doc_given_may_be_anywhere_but_must_be_a_file(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "styles.docx"
    os.mkfifo(pipe)
    says = _users_error(_report_md(cli, riverside, tmp_path / "out", "--reference-doc", str(pipe)))
    assert "styles.docx' is a named pipe, not a file" in says
    says = _users_error(
        _report_md(cli, riverside, tmp_path / "out", "--reference-doc", str(tmp_path / "no.docx"))
    )
    assert "no.docx' does not exist" in says


def test_a_bad_reference_doc_is_named_as_the_cause(
    cli: Invoke, riverside: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "house-style.docx"
    fake.write_text("not a Word document, only renamed\n", encoding="utf-8")
    result = cli(
        "report", str(riverside), "-f", "docx", "-o", str(tmp_path / "out"),
        "--reference-doc", str(fake),
    )  # fmt: skip
    says = _users_error(result)
    assert "pandoc could not produce the docx report" in says
    assert "house-style.docx" in " ".join(says.split())
    assert "not another file renamed" in " ".join(says.split())
