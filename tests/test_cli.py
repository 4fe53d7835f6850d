"""The command line as a user meets it: exit codes, messages and formats."""

from __future__ import annotations

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


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD])
def test_the_examples_validate_cleanly(cli: Invoke, example: Path) -> None:
    result = cli("validate", str(example))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors, 0 warnings in 1 review" in result.stderr


def test_a_folder_of_many_reviews(cli: Invoke) -> None:
    result = cli("validate", str(EXAMPLES), "--strict")
    assert result.exit_code == 0
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
    assert "'xml' is not one of: text, json, github" in result.stderr
    assert cli("nonsense").exit_code == 2


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

    monkeypatch.setattr(run, "validate", boom)
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

    monkeypatch.setattr(run, "validate", interrupted)
    result = cli("validate", str(RIVERSIDE))
    assert result.exit_code == 130
    assert "Interrupted" in result.stderr


def test_python_api() -> None:
    from sendreview import load_review, validate
    from sendreview.errors import InvalidReview

    assert validate(RIVERSIDE) == []
    ws = load_review(RIVERSIDE)
    assert ws.review is not None and ws.review.school.name == "Riverside Primary School"
    assert len(ws.visits) >= 3
    with pytest.raises(InvalidReview):
        load_review(Path(__file__).parent / "cases" / "validate" / "bad-custom-framework")


def test_main_maps_outcomes_to_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from sendreview.cli import main

    assert main(["--version"]) == 0
    assert main(["validate", str(RIVERSIDE)]) == 0
    assert main(["nonsense"]) == 2
    assert "No such command 'nonsense'" in capsys.readouterr().err
    assert main(["report", "--help"]) == 0


def test_problems_with_the_disk_are_not_bugs(cli: Invoke, riverside: Path) -> None:
    result = cli(
        "report", str(riverside), "-f", "md", "-o", str(riverside / "review.yaml" / "out.md")
    )
    assert result.exit_code == 1
    assert "could not use" in result.stderr and "internal error" not in result.stderr
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
    findings.write_text(findings.read_text().replace("evidence: [E1]}", "evidence: [e1]}", 1))
    out = cli("validate", str(ws)).stdout
    assert "SR204 'e1' is not allowed for 'evidence'" in out
    assert "SR400" not in out
