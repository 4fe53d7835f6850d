"""Text from YAML files is shown as text: it cannot inject markup, scripts or structure."""

from __future__ import annotations

from pathlib import Path

from sendreview.report import render_report
from tests.conftest import Invoke, build_case
from tests.report.conftest import Html, docx_xml

PAYLOAD = """\
summary: |
  <script>alert('summary')</script> and <img src=x onerror="alert(1)">
  [a trap](javascript:alert(2)) and [a fine link](https://example.org/guide)
  # Not a heading
  :::
  ::: {.table onclick="alert(3)"}
  ![a picture](../../../etc/passwd) `<b>code</b>` **bold stays**
  {=html} $\\\\input{/etc/passwd}$
areas:
  outcomes: {strengths: ["<b onmouseover=alert(4)>bold?</b>"]}
  leadership:
    strengths: [{text: "The SENCO is knowledgeable.", evidence: [E2]}]
    areas_for_development: [The SEND governor is new to the role.]
    recommendations:
      - {id: R1, text: "Train the governor </td></tr></table><h1>Injected</h1>", evidence: [E2]}
  teaching-learning: {strengths: [Lessons are well adapted.]}
  pupils-parents: {strengths: [Parents feel listened to.]}
  assessment: {strengths: [The register is accurate.]}
  monitoring: {strengths: [Plans are reviewed.]}
  resources: {strengths: [TAs are well trained.]}
  provision: {strengths: [Outside agencies are used well.]}
vision: Every teacher meets the needs of pupils with SEND.
"""


def render(tmp_path: Path) -> dict[str, Path]:
    ws = build_case("short-forms", tmp_path / "ws")
    (ws / "recommendations.yaml").write_text(PAYLOAD, encoding="utf-8")
    school = ws / "review.yaml"
    school.write_text(
        school.read_text().replace("Test Primary School", "St Mary's *C of E* <School> & [Annexe]")
    )
    result = render_report(ws, ["html", "md", "docx"], output=tmp_path / "out")
    return {p.suffix[1:]: p for p in result.paths}


def test_html_shows_payloads_as_text(tmp_path: Path) -> None:
    html = render(tmp_path)["html"].read_text(encoding="utf-8")
    page = Html(html)
    assert not [t for t, _ in page.tags if t == "script"]
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert "javascript:" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;Injected&lt;/h1&gt;" in html
    assert '<a href="https://example.org/guide">a fine link</a>' in html
    assert "<strong>bold stays</strong>" in html
    assert "Not a heading" not in page.text_in("h1") + page.text_in("h2")
    assert "Injected" not in page.text_in("h1")
    assert "/etc/passwd" not in [attrs.get("src") for t, attrs in page.tags if t == "img"]
    assert "St Mary’s *C of E* &lt;School&gt; &amp; [Annexe] (URN 990999)" in html


def test_markdown_and_word_keep_the_structure(tmp_path: Path) -> None:
    out = render(tmp_path)
    md = out["md"].read_text(encoding="utf-8")
    assert "**Not a heading**" in md  # a heading in a field is a bold line
    assert "Train the governor \\</td\\>\\</tr\\>\\</table\\>\\<h1\\>Injected\\</h1\\>" in md
    assert "St Mary's \\*C of E\\* \\<School\\> & \\[Annexe\\]" in md
    xml = docx_xml(out["docx"])
    assert "Injected" in xml and "<w:tbl>" in xml
    from docx import Document

    headings = [
        p.text for p in Document(str(out["docx"])).paragraphs if p.style.name.startswith("Heading")
    ]
    assert not [h for h in headings if "Injected" in h or "Not a heading" in h]


def test_a_reviews_own_templates_cannot_reach_python(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    (ws / "templates").mkdir()
    marker = tmp_path / "pwned.txt"
    (ws / "templates" / "_context.md.j2").write_text(
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"
    )
    result = cli("report", str(ws), "-f", "md")
    assert result.exit_code == 1
    assert "tried something templates may not do" in result.stderr
    assert not marker.exists()


def test_only_plain_json_is_kept_beside_the_reports(tmp_path: Path) -> None:
    render(tmp_path)
    kept = [p for p in (tmp_path / "ws" / "build").rglob("*") if p.is_file()]
    assert kept and all(p.suffix == ".json" for p in kept)


def test_plain_fields_cannot_close_table_cells(tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    review = ws / "review.yaml"
    review.write_text(
        review.read_text().replace(
            "  setting: mainstream-primary",
            '  setting: mainstream-primary\n  headteacher: "::: {.landscape}"\n  senco: ":::"',
        )
    )
    html = render_report(ws, ["html"], output=tmp_path / "out").paths[0].read_text()
    about = html[html.index('id="about"') :]
    about = about[: about.index("</table>")]
    assert "<th>Headteacher</th>\n<td>::: {.landscape}</td>" in about
    assert "<th>SENCO</th>\n<td>:::</td>" in about


def test_markdown_cannot_take_the_ids_of_evidence(tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    findings = ws / "recommendations.yaml"
    findings.write_text(
        findings.read_text().replace(
            "summary: A productive visit.", 'summary: "[x]{#e1 custom-style=\\"Title\\"}"'
        )
    )
    html = render_report(ws, ["html"], output=tmp_path / "out").paths[0].read_text()
    assert html.count('id="e1"') == 1
