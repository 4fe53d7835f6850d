"""What a report makes of people's text: headings as bold lines, code that cannot swallow
the report, attachments linked in HTML only, and named plainly elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendreview.report import render_report
from sendreview.report.markdown import markdown
from tests.conftest import copy_workspace
from tests.report.conftest import Html

RIVERSIDE = Path(__file__).resolve().parents[2] / "examples" / "riverside-primary"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Intro\n## Key findings\nText", "Intro\n\n**Key findings**\n\nText"),
        ("## **Key findings** ##", "**Key findings**"),
        ("Next steps\n----------\nText", "**Next steps**\n\nText"),
        ("**Next steps**\n===", "**Next steps**"),
        ("- item\n---", "- item\n\\---"),  # after a list item: a rule, not a heading
        ("#", "\\#"),
    ],
)
def test_a_heading_in_a_field_is_a_bold_line(typed: str, shown: str) -> None:
    assert str(markdown(typed)) == shown


def test_code_is_not_read_for_headings_and_cannot_stay_open() -> None:
    # the fence that closes a block is not a heading's words, whatever follows it
    assert str(markdown("```\nsteps\n```\n---")) == "```\nsteps\n```\n\\---"
    # a fence never closed is text (as pandoc shows it): a later field's fence must
    # not close it and turn the report between them into code
    assert str(markdown("```\nsteps")) == "\\```\nsteps"
    # a longer fence is closed only by one as long
    assert str(markdown("````\n```\n````")) == "````\n```\n````"


def test_text_cannot_turn_the_report_into_code(tmp_path: Path) -> None:
    ws = copy_workspace(RIVERSIDE, tmp_path / "ws")
    findings = ws / "recommendations.yaml"
    text = findings.read_text(encoding="utf-8")
    findings.write_text(
        text.replace("vision: |\n", "vision: |\n  ```\n  steps\n  ```\n  ---\n", 1).replace(
            "summary: |\n", "summary: |\n  ```\n  opened, never closed\n\n", 1
        ),
        encoding="utf-8",
    )
    context = ws / "context.yaml"
    context.write_text(
        context.read_text(encoding="utf-8").replace(
            "narrative: |\n", "narrative: |\n  ```\n  a fence of its own\n  ```\n\n", 1
        ),
        encoding="utf-8",
    )
    html = render_report(ws, ["html"], output=tmp_path / "out").paths[0].read_text("utf-8")
    headings = Html(html).text_in("h1")
    for heading in ("Context of the school", "Summary of the visit", "The vision", "Sign-off"):
        assert heading in headings


def test_attachments_are_links_in_html_and_names_elsewhere(tmp_path: Path) -> None:
    ws = copy_workspace(RIVERSIDE, tmp_path / "ws")
    out = tmp_path / "reports"
    paths = render_report(ws, ["html", "md"], output=out).paths
    html = next(p for p in paths if p.suffix == ".html").read_text("utf-8")
    links = [a.get("href") for tag, a in Html(html).tags if tag == "a"]
    assert "../ws/attachments/learning-walk-notes.md" in links
    target = out / "../ws/attachments/learning-walk-notes.md"
    assert target.is_file()  # the link leads to the file, from where the report is
    md = next(p for p in paths if p.suffix == ".md").read_text("utf-8")
    assert "Attached: learning-walk-notes.md" in md
    assert "attachments/learning-walk-notes.md" not in md


def test_only_sendreviews_own_attachment_paths_become_links(tmp_path: Path) -> None:
    """A review's own template cannot use the attachment mark to link anywhere: paths
    with a scheme, leading slash or '..' stay words."""
    ws = copy_workspace(RIVERSIDE, tmp_path / "ws")
    (ws / "templates").mkdir()
    own = (
        Path(__file__).resolve().parents[2] / "templates" / "report" / "_evidence.md.j2"
    ).read_text()
    spans = " ".join(
        f'[{name}]{{.attachment href="{href}"}}'
        for name, href in (
            ("scheme", "javascript:alert(1)"),
            ("up", "attachments/../../../etc/passwd"),
            ("root", "/etc/passwd"),
            ("fine", "attachments/parents-group-notes.md"),
        )
    )
    (ws / "templates" / "_evidence.md.j2").write_text(own + f"\n\n{spans}\n", encoding="utf-8")
    html = render_report(ws, ["html"], output=tmp_path / "out").paths[0].read_text("utf-8")
    links = [a.get("href") or "" for tag, a in Html(html).tags if tag == "a"]
    assert not [x for x in links if "javascript" in x or "passwd" in x]
    assert "../ws/attachments/parents-group-notes.md" in links
    words = Html(html).texts
    assert any("scheme" in text for _, text in words)  # its words, shown as text
