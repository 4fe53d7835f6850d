"""`sendreview init`: a new review that reads like the guide's forms and validates."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sendreview import yamlio
from sendreview.errors import UsageError
from tests.conftest import Invoke

FILES = [
    "review.yaml",
    "context.yaml",
    "self-evaluation.yaml",
    "evidence.yaml",
    "recommendations.yaml",
]


def init(cli: Invoke, folder: Path, *extra: str) -> object:
    return cli(
        "init",
        str(folder),
        "--framework",
        "annex-1",
        "--school",
        "Oak Lane Primary",
        "--urn",
        "990555",
        "--reviewer",
        "Ada Reviewer",
        "--visit",
        "2026-11-05",
        "--no-git",
        *extra,
    )


@pytest.mark.parametrize("framework", ["annex-1", "annex-2"])
def test_a_new_review_validates_with_only_warnings(
    cli: Invoke, tmp_path: Path, framework: str
) -> None:
    folder = tmp_path / "oak-lane"
    result = cli(
        "init",
        str(folder),
        "--framework",
        framework,
        "--school",
        "Oak Lane",
        "--reviewer",
        "Ada Reviewer",
        "--no-git",
    )
    assert result.exit_code == 0, result.output
    for name in FILES:
        text = (folder / name).read_text()
        assert text.startswith("# yaml-language-server: $schema=.sendreview/schemas/")
        assert all(len(line) <= 100 for line in text.splitlines()), name
    checked = cli("validate", str(folder))
    assert checked.exit_code == 0
    assert " error " not in checked.stdout and "warning" in checked.stdout


def test_themes_are_comments_under_each_area(cli: Invoke, tmp_path: Path) -> None:
    init(cli, tmp_path / "ws")
    text = (tmp_path / "ws" / "self-evaluation.yaml").read_text()
    assert "  leadership:\n    # LEADERSHIP OF SEND\n" in text
    assert (
        "    # - leadership.vision: The school has a clear vision for the education of all" in text
    )
    data = yamlio.read(tmp_path / "ws" / "self-evaluation.yaml").data
    assert list(data["areas"]) == [
        "outcomes",
        "leadership",
        "teaching-learning",
        "pupils-parents",
        "assessment",
        "monitoring",
        "resources",
        "provision",
    ]


def test_json_schemas_know_the_frameworks_ids(cli: Invoke, tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    init(cli, tmp_path / "ws")
    schemas = tmp_path / "ws" / ".sendreview" / "schemas"
    schema = json.loads((schemas / "evidence.json").read_text())
    validator = Draft202012Validator(schema)
    good = {
        "log": [
            {
                "id": "E1",
                "date": "2026-11-05",
                "method": "book-look",
                "areas": ["leadership"],
                "themes": ["leadership.vision"],
            }
        ]
    }
    assert not list(validator.iter_errors(good))
    bad = {
        "log": [{"id": "E1", "date": "2026-11-05", "method": "book-look", "areas": ["leadershp"]}]
    }
    assert list(validator.iter_errors(bad))


def test_the_examples_satisfy_their_own_schemas() -> None:
    from jsonschema import Draft202012Validator

    from tests.conftest import EXAMPLES

    checked = 0
    for review in sorted(EXAMPLES.iterdir()):
        schemas = review / ".sendreview" / "schemas"
        for path in [*review.glob("*.yaml"), *review.glob("follow-ups/*.yaml")]:
            kind = "follow-up" if path.parent.name == "follow-ups" else path.stem
            validator = Draft202012Validator(json.loads((schemas / f"{kind}.json").read_text()))
            errors = list(validator.iter_errors(yamlio.read(path).data))
            assert not errors, f"{path}: {errors[0].message}"
            checked += 1
    assert checked >= 13


def test_a_folder_with_files_is_refused_and_force_keeps_them(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    refused = init(cli, folder)
    assert refused.exit_code == 1
    assert "already has files in it" in refused.stderr
    (folder / "review.yaml").write_text("school: {name: Mine}\n")
    forced = init(cli, folder, "--force")
    assert forced.exit_code == 0
    assert (folder / "review.yaml").read_text() == "school: {name: Mine}\n"
    assert (folder / "notes.txt").read_text() == "mine"
    assert "kept     " in forced.stdout and (folder / "context.yaml").exists()


def test_missing_answers_without_a_terminal_fail_clearly(cli: Invoke, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "ws"), "--framework", "annex-1", "--no-git")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --school and --reviewer are needed when sendreview cannot ask (no terminal)\n"
        "  hint: add --school 'School name' --reviewer 'Your name' to the command\n"
    )
    assert not (tmp_path / "ws").exists()
    nothing = cli("init", str(tmp_path / "ws"))
    assert nothing.exit_code == 2
    assert nothing.stderr.startswith(
        "Error: --framework, --school and --reviewer are needed when sendreview cannot ask"
    )
    one = cli("init", str(tmp_path / "ws"), "--framework", "annex-1", "--reviewer", "Ada")
    assert one.exit_code == 2
    assert one.stderr.startswith("Error: --school is needed when sendreview cannot ask")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_no_repository_is_started_without_being_asked(cli: Invoke, tmp_path: Path) -> None:
    result = cli(
        "init", str(tmp_path / "ws"), "--framework", "annex-1", "--school", "Oak", "--reviewer", "A"
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "ws" / ".git").exists()
    assert not [line for line in result.stdout.splitlines() if "git repository" in line]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_terminal_is_asked_before_git_init_and_yes_is_the_default(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sendreview.cli.reviews

    monkeypatch.setattr(sendreview.cli.reviews, "_interactive", lambda: True)
    result = cli("init", str(tmp_path / "ws"), input="annex-1\nOak\nAda\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Start a git repository for this review? [Y/n]" in result.stdout
    assert (tmp_path / "ws" / ".git").is_dir()


def test_no_git_question_inside_a_repository(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sendreview.cli.reviews

    (tmp_path / "trust" / ".git").mkdir(parents=True)  # the trust's repository of reviews
    monkeypatch.setattr(sendreview.cli.reviews, "_interactive", lambda: True)
    result = cli("init", str(tmp_path / "trust" / "ws"), input="annex-1\nOak\nAda\n\n")
    assert result.exit_code == 0, result.output
    assert "Start a git repository" not in result.stdout
    assert not (tmp_path / "trust" / "ws" / ".git").exists()


def test_force_reuses_the_reviews_own_answers(brookfield: Path) -> None:
    from sendreview.scaffold.new_review import InitAnswers, complete_answers

    def never(question: object) -> None:
        raise AssertionError(f"asked {question}")

    kept = complete_answers(InitAnswers(folder=brookfield, force=True), ask=None)
    recorded = yamlio.read(brookfield / "review.yaml").data
    assert kept.framework == recorded["framework"] == "annex-2"
    assert kept.school == recorded["school"]["name"]
    assert kept.reviewers and kept.git is False
    told = complete_answers(
        InitAnswers(folder=brookfield, school="Renamed", urn="990123", git=True, force=True),
        ask=never,
    )
    assert (told.school, told.urn, told.framework, told.git) == (
        "Renamed",
        "990123",
        "annex-2",
        True,
    )
    without_force = InitAnswers(folder=brookfield)
    with pytest.raises(UsageError, match="--framework, --school and --reviewer are needed"):
        complete_answers(without_force, ask=None)


def test_prompts_in_a_terminal(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sendreview.cli.reviews

    monkeypatch.setattr(sendreview.cli.reviews, "_interactive", lambda: True)
    answers = "annex-2\nHill Top School\nBea Reviewer\n990777\nn\n"
    result = cli("init", str(tmp_path / "ws"), input=answers)
    assert result.exit_code == 0, result.output
    review = yamlio.read(tmp_path / "ws" / "review.yaml").data
    assert review["school"] == {
        "name": "Hill Top School",
        "urn": "990777",
        "setting": None,
        "age_range": None,
        "local_authority": None,
        "trust": None,
        "headteacher": None,
        "senco": None,
    }
    assert review["framework"] == "annex-2"
    assert not (tmp_path / "ws" / ".git").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_repository_ignores_build(cli: Invoke, tmp_path: Path) -> None:
    result = cli(
        "init",
        str(tmp_path / "ws"),
        "--framework",
        "annex-1",
        "--school",
        "Oak",
        "--reviewer",
        "Ada",
        "--git",
    )
    assert result.exit_code == 0
    assert (tmp_path / "ws" / ".git").is_dir()
    assert "build/" in (tmp_path / "ws" / ".gitignore").read_text()
    (tmp_path / "ws" / "build").mkdir()
    (tmp_path / "ws" / "build" / "x.docx").write_text("x")
    ignored = subprocess.run(
        ["git", "check-ignore", "build/x.docx"],
        cwd=tmp_path / "ws",
        capture_output=True,
        check=False,
    )
    assert ignored.returncode == 0


def test_a_trusts_own_framework_file(cli: Invoke, tmp_path: Path) -> None:
    own = tmp_path / "trust.yaml"
    shutil.copy(
        Path(__file__).parent.parent
        / "cases"
        / "validate"
        / "custom-framework"
        / "trust-framework.yaml",
        own,
    )
    result = cli(
        "init",
        str(tmp_path / "ws"),
        "--framework",
        str(own),
        "--school",
        "Oak",
        "--reviewer",
        "Ada",
        "--no-git",
    )
    assert result.exit_code == 0, result.output
    assert yamlio.read(tmp_path / "ws" / "review.yaml").data["framework"] == "../trust.yaml"
    assert "deployment:" in (tmp_path / "ws" / "recommendations.yaml").read_text()
    assert cli("validate", str(tmp_path / "ws")).exit_code == 0


def test_schema_command_rewrites_the_schemas(cli: Invoke, tmp_path: Path) -> None:
    init(cli, tmp_path / "ws")
    target = tmp_path / "ws" / ".sendreview" / "schemas" / "review.json"
    target.unlink()
    result = cli("schema", str(tmp_path / "ws"))
    assert result.exit_code == 0 and target.exists()


def test_force_repairs_a_review_from_what_it_says(cli: Invoke, brookfield: Path) -> None:
    (brookfield / "context.yaml").unlink()
    repaired = cli("init", str(brookfield), "--force", "--no-git")
    assert repaired.exit_code == 0, repaired.output
    assert "Context of the school/setting" in (brookfield / "context.yaml").read_text()
    assert cli("validate", str(brookfield)).exit_code == 0
    (brookfield / "context.yaml").unlink()
    other = cli("init", str(brookfield), "--force", "--framework", "annex-1", "--no-git")
    assert other.exit_code == 1
    assert "written against 'annex-2', not 'annex-1'" in other.stderr
    assert not (brookfield / "context.yaml").exists()


def test_bad_answers_are_refused_before_anything_is_written(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    urn = cli(
        "init",
        str(folder),
        "--framework",
        "annex-1",
        "--school",
        "Oak",
        "--reviewer",
        "Ada",
        "--urn",
        "12345",
        "--no-git",
    )
    assert urn.exit_code == 2 and "'12345' is not a URN" in urn.stderr
    two_lines = cli(
        "init",
        str(folder),
        "--framework",
        "annex-1",
        "--school",
        "Oak\nLane",
        "--reviewer",
        "Ada",
        "--no-git",
    )
    assert two_lines.exit_code == 2 and "--school must be a name on one line" in two_lines.stderr
    assert not folder.exists()


def test_the_examples_carry_current_schemas(cli: Invoke, tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES, copy_workspace

    for example in sorted(EXAMPLES.iterdir()):
        fresh = copy_workspace(example, tmp_path / example.name)
        assert cli("schema", str(fresh)).exit_code == 0
        for schema in sorted((example / ".sendreview" / "schemas").iterdir()):
            rewritten = fresh / ".sendreview" / "schemas" / schema.name
            assert schema.read_text() == rewritten.read_text(), f"{example.name}: {schema.name}"


def test_a_stopped_init_is_finished_by_running_it_again(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    init(cli, tmp_path / "whole")  # what an uninterrupted run leaves
    calls = 0
    real_fsync = os.fsync

    def power_cut_at_the_fourth_file(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        real_fsync(fd)

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", power_cut_at_the_fourth_file)
        assert init(cli, tmp_path / "ws").exit_code == 130
    assert (tmp_path / "ws" / "review.yaml").exists()
    assert not (tmp_path / "ws" / "recommendations.yaml").exists()
    again = init(cli, tmp_path / "ws")  # the same command, no --force
    assert again.exit_code == 0, again.output
    assert "kept     " in again.stdout and "created  " in again.stdout
    for path in sorted((tmp_path / "whole").rglob("*")):
        twin = tmp_path / "ws" / path.relative_to(tmp_path / "whole")
        assert twin.exists(), twin
        if path.is_file():
            assert twin.read_bytes() == path.read_bytes(), twin
    assert len(list((tmp_path / "ws").rglob("*"))) == len(list((tmp_path / "whole").rglob("*")))


def test_an_edited_scaffold_still_needs_force(cli: Invoke, tmp_path: Path) -> None:
    init(cli, tmp_path / "ws")
    review = tmp_path / "ws" / "review.yaml"
    review.write_text(review.read_text().replace("Oak Lane Primary", "Oak Lane Primary School"))
    refused = init(cli, tmp_path / "ws")
    assert refused.exit_code == 1 and "already has files in it" in refused.stderr
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    assert init(cli, tmp_path / "other").exit_code == 1


def test_names_are_written_so_that_every_yaml_reader_reads_text(
    cli: Invoke, tmp_path: Path
) -> None:
    result = cli(
        "init",
        str(tmp_path / "ws"),
        "--framework",
        "annex-1",
        "--school",
        "Yes",
        "--reviewer",
        "O'Neil: Ada",
        "--reviewer",
        "1e3",
        "--urn",
        "012345",
        "--no-git",
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "ws" / "review.yaml").read_text()
    for line in ["  name: 'Yes'", "  urn: '012345'", '  - name: "O\'Neil: Ada"', "  - name: '1e3'"]:
        assert f"\n{line}\n" in text, line
    data = yamlio.read(tmp_path / "ws" / "review.yaml").data
    assert data["school"]["name"] == "Yes" and data["school"]["urn"] == "012345"
    assert [r["name"] for r in data["reviewers"]] == ["O'Neil: Ada", "1e3"]
