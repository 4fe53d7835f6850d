"""The command line as a user meets it: exit codes, messages and formats."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import pytest

from tests.conftest import BROOKFIELD, EXAMPLES, RIVERSIDE, Invoke, build_case


def test_help_lists_the_commands(cli: Invoke) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("init", "validate", "status", "report", "followup", "frameworks", "schema"):
        assert command in result.stdout
    assert cli("report", "--help").exit_code == 0
    assert cli("followup", "--help").exit_code == 0


def test_version(cli: Invoke) -> None:
    assert re.fullmatch(r"sendreview \d+\.\d+\.\d+\n", cli("--version").stdout)


# Riverside's one intended warning: the recommendation added at its second follow-up
# visit is overdue at its third (the example shows how an overdue action looks)
OVERDUE_R12 = "warning SR708 R12 was due on 28 February 2027 and is in progress at the visit of "


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD])
def test_the_examples_validate_cleanly(cli: Invoke, example: Path) -> None:
    result = cli("validate", "--notes", str(example))
    assert result.exit_code == 0, result.stdout
    # besides Riverside's overdue R12, only triangulation speaks: true of a few findings
    # and recommendations (see tests/validation/test_triangulation.py)
    found = [line for line in result.stdout.splitlines() if " SR" in line]
    others = [line for line in found if " info SR810 " not in line and " SR811 " not in line]
    if example == RIVERSIDE:
        assert len(others) == 1 and OVERDUE_R12 in others[0], result.stdout
    else:
        assert others == [], result.stdout
    assert "0 errors, " in result.stderr


def test_a_folder_of_many_reviews(cli: Invoke) -> None:
    result = cli("validate", str(EXAMPLES), "--strict")
    # --strict: Riverside's overdue recommendation and the three thinly evidenced ones fail it
    assert result.exit_code == 1
    raised = [line for line in result.stdout.splitlines() if " error SR" in line]
    assert [line.split()[2:4] for line in raised] == [
        ["SR811", "R5"],
        ["SR811", "R9"],
        ["SR708", "R12"],
        ["SR811", "R10"],
    ]
    assert "in 2 reviews" in result.stderr


def test_errors_exit_1_and_json_and_github_formats(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case("unknown-keys", tmp_path / "ws")
    monkeypatch.chdir(tmp_path)
    text = cli("validate", "ws")
    assert text.exit_code == 1
    assert "ws/review.yaml:3:3: error SR200 unknown field 'urm'" in text.stdout
    lines = [json.loads(line) for line in cli("validate", "ws", "-f", "json").stdout.splitlines()]
    assert lines[0] == {
        "path": "ws/review.yaml",
        "line": 3,
        "col": 3,
        "severity": "error",
        "code": "SR200",
        "message": "unknown field 'urm'",
        "hint": lines[0]["hint"],
    }
    github = cli("validate", "ws", "--format", "github").stdout.splitlines()
    assert github[0].startswith(
        "::error file=ws/review.yaml,line=3,col=3,title=SR200::"
        "unknown field 'urm'%0Adid you mean 'urn'?"
    )


def test_strict_makes_warnings_errors(cli: Invoke, tmp_path: Path) -> None:
    build_case("completeness", tmp_path / "ws")
    assert cli("validate", str(tmp_path / "ws")).exit_code == 0
    strict = cli("validate", str(tmp_path / "ws"), "--strict")
    assert strict.exit_code == 1
    assert "error SR600" in strict.stdout


def test_usage_problems_exit_2(cli: Invoke) -> None:
    result = cli("validate", str(RIVERSIDE), "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: sendreview validate [OPTIONS] [PATHS]...\n")
    assert "Try 'sendreview validate -h' for help." in result.stderr
    assert (
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'json', "
        "'github'.\n"
    ) in result.stderr
    assert cli("nonsense").exit_code == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["report", "-f", "docx,rtf"],
            "'rtf' is not a report format; choose from: docx, pdf, html, odt, md",
        ),
        (["report", "-f", ","], "no report format given; add --format with one of: docx,"),
        (
            ["report", "--kind", "final"],
            "'final' is not one of 'review', 'self-evaluation', 'follow-up'.",
        ),
        (["status", "-f", "github"], "'github' is not one of 'text', 'json'."),
        (["frameworks", "list", "-f", "xml"], "'xml' is not one of 'text', 'json'."),
    ],
)
def test_choices_are_checked_before_anything_runs(
    cli: Invoke, args: list[str], expected: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Usage: sendreview {args[0]}")
    assert expected in result.stderr


def test_report_formats_as_a_list_or_repeated(cli: Invoke, riverside: Path) -> None:
    listed = cli("report", str(riverside), "-f", "md,html", "-f", "md")
    assert listed.exit_code == 0, listed.output
    wrote = [line for line in listed.stdout.splitlines() if line.startswith("wrote ")]
    assert [Path(line).suffix for line in wrote] == [".md", ".html"]


def test_the_choices_offered_are_the_librarys() -> None:
    from sendreview.cli import DiffFormat, Output, ReportFormat, ReportKind
    from sendreview.diagnostics.formatters import FORMATS as DIAGNOSTIC_FORMATS
    from sendreview.diff.render import FORMATS as DIFF_FORMATS
    from sendreview.report import FORMATS, KINDS

    assert tuple(ReportFormat) == FORMATS
    assert tuple(ReportKind) == KINDS
    assert tuple(Output) == DIAGNOSTIC_FORMATS
    assert tuple(DiffFormat) == DIFF_FORMATS


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["init"],
        ["validate"],
        ["schema"],
        ["report"],
        ["status"],
        ["frameworks"],
        ["frameworks", "list"],
        ["frameworks", "show"],
        ["followup"],
        ["followup", "new"],
    ],
)
def test_help_shows_no_type_noise(cli: Invoke, command: list[str]) -> None:
    shown = cli(*command, "--help")
    assert shown.exit_code == 0
    for noise in ("<bool>", "<str>", "<path>", "<list", "{", "--no-force", "--no-strict"):
        assert noise not in shown.stdout, f"{noise} in sendreview {' '.join(command)} --help"


def test_a_folder_with_no_review(cli: Invoke, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path}: error SR100 no review.yaml in '{tmp_path}'" in result.stdout
    missing = cli("validate", str(tmp_path / "nowhere"))
    assert missing.exit_code == 1 and "does not exist" in missing.stdout


def test_an_unreadable_file(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    (ws / "evidence.yaml").unlink()
    (ws / "evidence.yaml").mkdir()  # not readable as a file, even by root
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    assert "evidence.yaml: error SR101 this is a folder, not a file" in result.stdout


def test_an_internal_error_exits_3_with_a_crash_log(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sendreview.validation.run as run

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(run, "stream", boom)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 3
    assert "ran into an internal error" in result.stderr
    assert "Traceback" not in result.stderr
    log = Path(re.search(r"written to (\S+);", result.stderr)[1])  # type: ignore[index]
    assert "RuntimeError: a bug" in log.read_text()
    log.unlink()


def test_ctrl_c_exits_130(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    import sendreview.validation.run as run

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "stream", interrupted)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 130
    assert "Interrupted" in result.stderr


def test_python_api() -> None:
    from sendreview import load_review, validate
    from sendreview.errors import InvalidReview

    warned = [(d.code, d.message[:3]) for d in validate(RIVERSIDE) if d.code != "SR810"]
    assert warned == [("SR708", "R12"), ("SR811", "R10")]
    ws = load_review(RIVERSIDE)
    assert ws.review is not None and ws.review.school.name == "Riverside Primary School"
    assert len(ws.visits) >= 3
    with pytest.raises(InvalidReview):
        load_review(Path(__file__).parent / "cases" / "validate" / "bad-custom-framework")


def test_main_maps_outcomes_to_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendreview.cli import main

    assert main(["--version"]) == 0
    assert main(["validate", str(RIVERSIDE)]) == 0
    assert main(["nonsense"]) == 2
    assert "No such command 'nonsense'" in capsys.readouterr().err
    assert main(["report", "--help"]) == 0
    assert main(["validate", "-f", "xml"]) == 2
    assert "Usage: sendreview validate" in capsys.readouterr().err

    import sendreview.validation.run as run

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "stream", interrupted)
    assert main(["validate", str(RIVERSIDE)]) == 130
    assert "Interrupted." in capsys.readouterr().err


def test_main_and_the_test_runner_say_the_same(
    cli: Invoke, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sendreview.cli import main

    for args in (["report", "-f", "rtf"], ["init", str(tmp_path / "ws")], ["--bogus"]):
        code = main(args)
        err = capsys.readouterr().err
        result = cli(*args)
        assert (code, err) == (result.exit_code, result.stderr), args


def _raising(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make `sendreview validate` raise ``error``."""
    import sendreview.validation.run as run

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(run, "stream", fail)


LOCKED = "The process cannot access the file because it is being used by another process"


@pytest.mark.parametrize(
    ("error", "says", "hint"),
    [
        (
            OSError(errno.ENAMETOOLONG, "File name too long", "a" * 300 + ".docx"),
            "this file name is too long",
            "use a shorter file or folder name",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "build/report.docx"),
            "you do not have permission to use it",
            "choose a folder you may write to",
        ),
        (
            PermissionError(errno.EPERM, "Operation not permitted", "build"),
            "you do not have permission to use it",
            "choose a folder you may write to",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "build/report.pdf"),
            "the disk is full",
            "free some space",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "build"),
            "the disk is read-only",
            "write somewhere else",
        ),
        (
            OSError(errno.EBUSY, "Device or resource busy", "report.docx"),
            "it is open in another program",
            "Word locks the documents it has open",
        ),
        (
            PermissionError(errno.EACCES, LOCKED, "report.docx"),
            "it is open in another program",
            "Word locks the documents it has open",
        ),
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory", "reviews/oak"),
            "it does not exist",
            "check the name",
        ),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory", "review.yaml/out.md"),
            "part of this path is a file, not a folder",
            "check the name",
        ),
        (
            IsADirectoryError(errno.EISDIR, "Is a directory", "build"),
            "this is a folder, not a file",
            "give the name of a file",
        ),
        (
            OSError(errno.EINVAL, "Invalid argument", "what?.docx"),
            "this is not a name the disk allows",
            "leave out the characters",
        ),
        (
            OSError(errno.EIO, "Input/output error", "report.docx"),
            "the disk could not be read or written",
            "still connected",
        ),
        (
            OSError(errno.ETIMEDOUT, "Connection timed out", "//server/reviews"),
            "Connection timed out",
            "check that the file or folder exists",
        ),
    ],
)
def test_disk_problems_are_explained_by_their_cause(
    cli: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    says: str,
    hint: str,
) -> None:
    _raising(monkeypatch, error)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 1
    first, second = result.stderr.splitlines()
    assert first == f"Error: could not use '{error.filename}': {says}"
    assert second.startswith("  hint: ") and hint in second
    if "open in another program" not in says:
        assert "Word" not in result.stderr
    assert "internal error" not in result.stderr


def test_a_failed_rename_names_its_target_not_the_temporary_file() -> None:
    from sendreview.errors import from_os_error

    error = PermissionError(errno.EACCES, "Permission denied", ".report.docx.tmp", None, "x.docx")
    assert (
        from_os_error(error).message
        == "could not use 'x.docx': you do not have permission to use it"
    )


def test_an_incomplete_installation_is_not_a_disk_problem(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendreview.errors import IncompleteInstallation
    from sendreview.resources import data_dir

    with pytest.raises(IncompleteInstallation) as missing:
        data_dir("no-such-folder")
    assert not isinstance(missing.value, OSError)
    _raising(monkeypatch, missing.value)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: sendreview's installation is incomplete: its no-such-folder folder is missing\n"
        "  hint: reinstall sendreview"
    )
    assert "could not use" not in result.stderr and "internal error" not in result.stderr


def test_a_crash_log_that_cannot_be_written(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    _raising(monkeypatch, RuntimeError("a bug"))
    monkeypatch.setattr(tempfile, "mkstemp", no_space)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 3
    assert "ran into an internal error" in result.stderr
    assert "RuntimeError: a bug" in result.stderr  # the details, as no log could be written


def test_ctrl_c_at_a_prompt_exits_130(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sendreview.cli.reviews

    monkeypatch.setattr(sendreview.cli.reviews, "_interactive", lambda: True)
    result = cli("init", str(tmp_path / "ws"), input="")  # end of input at the first question
    assert result.exit_code == 130
    assert "Interrupted." in result.stderr
    assert not (tmp_path / "ws").exists()


NASTY = "\x1b]0;pwned\x07 [bold]x[/bold] :100: \u202e"
SHOWN = "\\x1b]0;pwned\\x07 [bold]x[/bold] :100: \\u202e"


def _nasty_review(folder: Path) -> Path:
    """A review whose school is called NASTY (YAML writes ESC, BEL and U+202E as escapes)."""
    ws = build_case("short-forms", folder)
    review = ws / "review.yaml"
    text = review.read_text()
    name = 'name: "Oak \\e]0;pwned\\a [bold]x[/bold] :100: \\u202e"'
    review.write_text(text.replace("name: Test Primary School", name, 1))
    return ws


def _unescaped(text: str) -> bool:
    return any(c in text for c in "\x1b\x07\u202e\x9b")


def test_text_from_the_files_is_shown_not_obeyed(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    review = ws / "review.yaml"  # an unknown field on line 100, named with escape sequences
    key = '"\\e]0;pwned\\a[bold]x[/bold]:100:\\u202e"'
    review.write_text("# -\n" * 99 + f"{key}: 1\n" + review.read_text())
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    assert not _unescaped(result.output)
    assert "💯" not in result.output
    assert (
        f"{ws}/review.yaml:100:1: error SR200 unknown field "
        "'\\x1b]0;pwned\\x07[bold]x[/bold]:100:\\u202e'\n"
    ) in result.stdout
    github = cli("validate", str(ws), "-f", "github").stdout
    assert not _unescaped(github) and "field '\\x1b]0;pwned\\x07[bold]x[/bold]" in github
    lines = cli("validate", str(ws), "-f", "json").stdout.splitlines()
    assert not _unescaped("".join(lines))
    found = [json.loads(line) for line in lines]
    assert found[0]["message"] == "unknown field '\x1b]0;pwned\x07[bold]x[/bold]:100:\u202e'"


def test_status_shows_names_as_written(cli: Invoke, tmp_path: Path) -> None:
    ws = _nasty_review(tmp_path / "ws")
    text = cli("status", str(ws))
    assert text.exit_code == 0, text.output
    assert not _unescaped(text.stdout) and "💯" not in text.stdout
    assert text.stdout.startswith(f"Oak {SHOWN}  ·  annex-1")
    raw = cli("status", str(ws), "-f", "json").stdout
    assert not _unescaped(raw)
    assert json.loads(raw)["school"] == f"Oak {NASTY}"


def test_frameworks_show_prints_a_framework_file_as_written(cli: Invoke, tmp_path: Path) -> None:
    source = Path(__file__).parent / "cases" / "validate" / "custom-framework"
    own = tmp_path / "trust.yaml"
    text = (source / "trust-framework.yaml").read_text()
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title is not None
    own.write_text(text.replace(title[0], 'title: "Trust \\e]0;pwned\\a [bold]x[/bold] :100:"'))
    shown = cli("frameworks", "show", str(own))
    assert shown.exit_code == 0, shown.output
    first = shown.stdout.splitlines()[0]
    assert first.endswith(": Trust \\x1b]0;pwned\\x07 [bold]x[/bold] :100:")
    assert not _unescaped(shown.stdout)
    raw = cli("frameworks", "show", str(own), "-f", "json").stdout
    assert json.loads(raw)["title"] == "Trust \x1b]0;pwned\x07 [bold]x[/bold] :100:"


def test_error_messages_show_what_was_typed_safely(cli: Invoke, tmp_path: Path) -> None:
    result = cli(
        "init",
        str(tmp_path / "ws"),
        "--framework",
        "annex-1",
        "--school",
        "Oak",
        "--reviewer",
        "Ada",
        "--urn",
        "[bold]\x1b[2J:100:",
    )
    assert result.exit_code == 2
    assert "Error: '[bold]\\x1b[2J:100:' is not a URN" in result.stderr
    assert not _unescaped(result.stderr)


def test_visible_escapes_what_a_terminal_would_obey() -> None:
    from sendreview.terminal import visible

    assert visible("a\x1b[31mb\x9b1mc\x07\u202ed\te") == "a\\x1b[31mb\\x9b1mc\\x07\\u202ed\te"
    assert visible("two\nlines\r") == "two\nlines\\r"
    assert visible("two\nlines", one_line=True) == "two\\nlines"
    assert visible("caf\u00e9 \u2019 \udcff") == "caf\u00e9 \u2019 \\udcff"


def test_problems_with_the_disk_are_not_bugs(cli: Invoke, riverside: Path) -> None:
    result = cli(
        "report", str(riverside), "-f", "md", "-o", str(riverside / "review.yaml" / "out.md")
    )
    assert result.exit_code == 1
    assert "part of this path is a file, not a folder" in result.stderr
    assert "internal error" not in result.stderr and "Word" not in result.stderr
    wrong = cli("report", str(riverside), "-f", "pdf", "-o", str(riverside / "report.docx"))
    assert wrong.exit_code == 2 and "does not end in .pdf" in wrong.stderr


def test_a_framework_that_is_not_a_name(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    review = ws / "review.yaml"
    review.write_text(review.read_text().replace("framework: annex-1", "framework: 42"))
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    assert "error SR300 there is no framework '42'" in result.stdout
    assert cli("report", str(ws), "-f", "md").exit_code == 1


def test_follow_ups_must_be_a_folder(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    (ws / "follow-ups").write_text("oops")
    assert "SR101 follow-ups is a file" in cli("validate", str(ws)).stdout
    result = cli("followup", "new", str(ws), "--date", "2026-12-01")
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr


def test_one_mistake_one_diagnostic(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    findings = ws / "recommendations.yaml"
    findings.write_text(
        findings.read_text().replace("evidence: [E1, E2]}", "evidence: [e1, E2]}", 1)
    )
    out = cli("validate", str(ws)).stdout
    assert "SR204 'e1' is not allowed for 'evidence'" in out
    assert "SR400" not in out
