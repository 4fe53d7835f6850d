"""Where reports go, what may be replaced, and that the same review gives the same files."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sendreview.report import render_report
from tests.conftest import Invoke, build_case


def test_default_place_and_paths_printed(cli: Invoke, riverside: Path) -> None:
    result = cli("report", str(riverside))
    assert result.exit_code == 0, result.output
    target = riverside / "build" / "riverside-primary-school-review.docx"
    assert result.stdout == f"wrote {target}\n"
    assert target.exists()


def test_several_formats_in_one_run(cli: Invoke, riverside: Path, tmp_path: Path) -> None:
    result = cli(
        "report", str(riverside), "-f", "md,html", "--format", "odt", "-o", str(tmp_path / "out")
    )
    assert result.exit_code == 0
    made = sorted(p.suffix for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert made == [".html", ".md", ".odt"]
    assert cli("report", str(riverside), "-f", "rtf").exit_code == 2


def test_an_invalid_review_is_not_rendered(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("cross-references", tmp_path / "ws")
    result = cli("report", str(ws), "-f", "md")
    assert result.exit_code == 1
    assert "error SR400 evidence 'E9' is not in the evidence log" in result.stdout
    assert "the review has errors" in result.stderr
    assert not (ws / "build").exists()


def test_warnings_are_shown_and_do_not_block(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("completeness", tmp_path / "ws")
    result = cli("report", str(ws), "-f", "md")
    assert result.exit_code == 0
    assert "warning SR604" in result.stderr
    assert (ws / "build" / "test-primary-school-review.md").exists()


def test_files_not_ours_or_edited_need_force(cli: Invoke, riverside: Path) -> None:
    build = riverside / "build"
    build.mkdir()
    theirs = build / "riverside-primary-school-review.md"
    theirs.write_text("a file sendreview did not write")
    refused = cli("report", str(riverside), "-f", "md")
    assert refused.exit_code == 1 and "was not written by sendreview" in refused.stderr
    assert theirs.read_text() == "a file sendreview did not write"
    assert cli("report", str(riverside), "-f", "md", "--force").exit_code == 0
    assert cli("report", str(riverside), "-f", "md").exit_code == 0  # ours: replaced freely
    theirs.write_text(theirs.read_text() + "\nmy own edit\n")
    edited = cli("report", str(riverside), "-f", "md")
    assert edited.exit_code == 1 and "has been changed since sendreview wrote it" in edited.stderr
    assert theirs.read_text().endswith("my own edit\n")


def test_same_input_same_output(riverside: Path, tmp_path: Path) -> None:
    formats = ["md", "html", "docx", "odt"]
    first = render_report(riverside, formats, output=tmp_path / "a").paths
    for record in (riverside / "build").rglob("*.json"):
        record.unlink()  # render the second time from scratch
    second = render_report(riverside, formats, output=tmp_path / "b").paths
    for a, b in zip(first, second, strict=True):
        if a.suffix in (".md", ".html"):
            assert a.read_bytes() == b.read_bytes(), a.name
        else:
            with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
                assert za.namelist() == zb.namelist()
                for name in za.namelist():
                    assert za.read(name) == zb.read(name), f"{a.name}: {name}"


def test_a_change_is_always_rendered(riverside: Path, tmp_path: Path) -> None:
    out = render_report(riverside, ["md"], output=tmp_path).paths[0]
    findings = riverside / "recommendations.yaml"
    findings.write_text(findings.read_text().replace("summary: |", "summary: |\n  Fresh words.", 1))
    out = render_report(riverside, ["md"], output=tmp_path).paths[0]
    assert "Fresh words." in out.read_text()


def test_a_workspace_template_overrides_the_built_in(
    riverside: Path, tmp_path: Path, cli: Invoke
) -> None:
    (riverside / "templates").mkdir()
    (riverside / "templates" / "_context.md.j2").write_text(
        "# Our context\n\nRoll: {{ v.context.figures[0].cells[1] }}\n"
    )
    out = render_report(riverside, ["md"], output=tmp_path).paths[0].read_text()
    assert "# Our context\n\nRoll: 418" in out
    own = tmp_path / "org-templates"
    own.mkdir()
    (own / "_evidence.md.j2").write_text("# Evidence\n\nKept on file at the trust.\n")
    result = cli("report", str(riverside), "-f", "md", "--templates", str(own), "-o", str(tmp_path))
    assert result.exit_code == 0
    out_text = (tmp_path / "riverside-primary-school-review.md").read_text()
    assert "Kept on file at the trust." in out_text and "Roll: 418" in out_text
    (riverside / "templates" / "_context.md.j2").write_text("{{ v.nonsense }}")
    broken = cli("report", str(riverside), "-f", "md", "-o", str(tmp_path), "--force")
    assert (
        broken.exit_code == 1
        and "report template uses something that does not exist" in broken.stderr
    )


def test_an_organisations_reference_document(riverside: Path, tmp_path: Path, cli: Invoke) -> None:
    from docx import Document
    from docx.shared import RGBColor

    from sendreview.resources import data_dir

    style = Document(str(data_dir("templates") / "report" / "reference.docx"))
    style.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x80)
    ours = tmp_path / "trust-style.docx"
    style.save(str(ours))
    result = cli("report", str(riverside), "--reference-doc", str(ours), "-o", str(tmp_path))
    assert result.exit_code == 0
    made = Document(str(tmp_path / "riverside-primary-school-review.docx"))
    assert made.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x80)
    missing = cli(
        "report",
        str(riverside),
        "--reference-doc",
        str(tmp_path / "none.docx"),
        "-o",
        str(tmp_path / "x"),
    )
    assert missing.exit_code == 1 and "does not exist" in missing.stderr


def test_follow_up_visit_choice(cli: Invoke, riverside: Path, tmp_path: Path) -> None:
    result = cli(
        "report",
        str(riverside),
        "--kind",
        "follow-up",
        "--visit",
        "2027-02-10",
        "-f",
        "md",
        "-o",
        str(tmp_path),
    )
    assert result.exit_code == 0
    text = (tmp_path / "riverside-primary-school-follow-up-2027-02-10.md").read_text()
    assert "follow-up visit 2" in text and "24 Mar 2027" not in text
    wrong = cli("report", str(riverside), "--kind", "follow-up", "--visit", "2027-02-11")
    assert wrong.exit_code == 1 and "the visits are on: 2026-12-09, 2027-02-10" in wrong.stderr
    assert cli("report", str(riverside), "--visit", "2027-02-10").exit_code == 2


def test_follow_up_without_visits(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    result = cli("report", str(ws), "--kind", "follow-up")
    assert result.exit_code == 1 and "no follow-up visits yet" in result.stderr


def test_an_outside_framework_file_is_part_of_the_record(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import CASES

    trust = tmp_path / "trust.yaml"
    shutil.copy(CASES / "validate" / "custom-framework" / "trust-framework.yaml", trust)
    ws = build_case("custom-framework", tmp_path / "ws")
    (ws / "trust-framework.yaml").unlink()
    review = ws / "review.yaml"
    review.write_text(review.read_text().replace("trust-framework.yaml", "../trust.yaml"))
    for name in ("evidence.yaml", "recommendations.yaml"):  # keep only the trust's areas
        text = (ws / name).read_text()
        (ws / name).write_text(
            text.replace(", areas: [teaching-learning]", "")
            .replace(", themes: [leadership.senco]", "")
            .replace("  leadership:\n    strengths: [Strong.]\n", "")
        )
    first = render_report(ws, ["md"], output=tmp_path / "out").paths[0].read_text()
    assert "Deployment of teaching assistants" in first
    trust.write_text(
        trust.read_text().replace(
            "Deployment of teaching assistants", "Where teaching assistants work"
        )
    )
    second = render_report(ws, ["md"], output=tmp_path / "out").paths[0].read_text()
    assert "Where teaching assistants work" in second
