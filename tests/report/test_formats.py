"""What a reader finds in each format: content-level checks, never byte comparison."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from sendreview import frameworks
from sendreview.api import load_review
from tests.conftest import BROOKFIELD, RIVERSIDE
from tests.report.conftest import FORMATS, Html, docx_xml

EXAMPLES = [RIVERSIDE, BROOKFIELD]


def areas(example: Path) -> list[str]:
    framework = load_review(example).framework
    assert framework is not None
    return [a.heading for a in framework.areas]


def recommendations(example: Path) -> list[tuple[str, str]]:
    findings = load_review(example).findings
    assert findings is not None
    return [(r.id, r.text) for a in findings.areas.values() for r in a.recommendations]


def first_words(text: str, n: int = 6) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).split()[:n])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", ["review", "self-evaluation"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_and_kind_renders(
    rendered: dict[str, Path], example: Path, kind: str, fmt: str
) -> None:
    path = rendered[f"{example.name}-{kind}.{fmt}"]
    assert path.name == f"{example.name}-school-{kind}.{fmt}".replace("school-school", "school")
    magic = {
        "docx": b"PK",
        "odt": b"PK",
        "pdf": b"%PDF",
        "html": b"<!DOCTYPE html>",
        "md": b"---\n",
    }
    assert path.read_bytes().startswith(magic[fmt])
    assert path.stat().st_size > 2000


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_docx_structure(rendered: dict[str, Path], example: Path) -> None:
    path = rendered[f"{example.name}-review.docx"]
    doc = Document(str(path))
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    for number, heading in enumerate(areas(example), 1):
        assert ("Heading 2", f"{number}. {heading}") in headings
    grid = next(
        t
        for t in doc.tables
        if [c.text for c in t.rows[0].cells]
        == ["Focus", "Strengths", "Areas for development", "Recommendations"]
    )
    assert len(grid.rows) == 9
    assert [r.cells[0].text for r in grid.rows[1:]] == areas(example)
    assert grid.rows[0]._tr.trPr is not None and "tblHeader" in grid.rows[0]._tr.trPr.xml
    text = docx_xml(path)
    for rec_id, rec_text in recommendations(example):
        assert re.search(rf"<w:t[^>]*>{rec_id}\.?</w:t>", text), rec_id
        assert first_words(rec_text).split()[0] in text
    assert 'w:orient="landscape"' in text  # the Annex 3 grid has wide pages
    assert "TOC \\o" in text and 'w:pStyle w:val="TOC1"' in text
    footer = docx_xml(path, "word/footer1.xml")
    assert "PAGE" in footer and "NUMPAGES" in footer
    section = doc.sections[-1]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_docx_draft_marking(rendered: dict[str, Path]) -> None:
    draft = Document(str(rendered["brookfield-school-review.docx"]))
    assert any(p.style.name == "Draft" and p.text.startswith("DRAFT") for p in draft.paragraphs)
    final = Document(str(rendered["riverside-primary-review.docx"]))
    assert not any(p.text.startswith("DRAFT") for p in final.paragraphs)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_html_structure(rendered: dict[str, Path], example: Path) -> None:
    text = rendered[f"{example.name}-review.html"].read_text(encoding="utf-8")
    page = Html(text)
    assert ("html", {"lang": "en-GB"}) in page.tags
    h2 = page.text_in("h2")
    for number, heading in enumerate(areas(example), 1):
        assert f"{number}. {heading}" in h2
    assert "<table" in text and text.count('id="annex-3"') == 1
    grid = text[text.index('id="annex-3"') :]
    grid = grid[: grid.index("</table>")]
    head, body = grid.split("</thead>")
    assert len(re.findall(r"<th[ >]", head)) == 4
    # each area heads its row, so screen readers announce it with every cell
    assert re.findall(r"<tr>\s*<th><strong>([^<]+)</strong></th>", body) == areas(example)
    for rec_id, _ in recommendations(example):
        assert f"<strong>{rec_id}</strong>" in text
    # one self-contained file: styles inline, nothing fetched
    assert "<style" in text
    assert not [
        attrs
        for tag, attrs in page.tags
        if tag in ("link", "script", "img")
        and re.match(r"https?:", str(attrs.get("href") or attrs.get("src") or ""))
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_pdf_pages_and_text(rendered: dict[str, Path], example: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(rendered[f"{example.name}-review.pdf"]))
    assert len(reader.pages) > 5
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for heading in areas(example):
        assert heading in text
    assert "Page 1 of" in text


def test_odt_has_real_tables(rendered: dict[str, Path]) -> None:
    with zipfile.ZipFile(rendered["riverside-primary-review.odt"]) as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<table:table ") >= 5
    assert "Monitoring, tracking and evaluation" in content


def test_self_evaluation_shows_the_themes_and_the_schools_words(rendered: dict[str, Path]) -> None:
    text = rendered["brookfield-school-self-evaluation.md"].read_text(encoding="utf-8")
    fw = frameworks.builtin("annex-2")
    for area in fw.areas:
        assert area.title in text
    theme = " ".join(fw.areas[1].themes[-1].text.split()[:5])
    assert theme in " ".join(text.split())
    sef = load_review(BROOKFIELD).self_evaluation
    assert sef is not None
    assert first_words(sef.areas["leadership"].strengths[0].text, 4) in " ".join(text.split())


def test_follow_up_report_has_its_table_and_chart(rendered: dict[str, Path]) -> None:
    docx = rendered["riverside-primary-follow-up.docx"]
    doc = Document(str(docx))
    progress = next(t for t in doc.tables if t.rows[0].cells[0].text == "Id")
    header = [c.text for c in progress.rows[0].cells]
    assert header == [
        "Id",
        "Recommendation",
        "Owner",
        "Due",
        "9 Dec 2026",
        "10 Feb 2027",
        "24 Mar 2027",
        "Since the last visit",
    ]
    # the review's recommendations, and R12, added at the second visit
    assert len(progress.rows) == 1 + len(recommendations(RIVERSIDE)) + 1
    r9 = next(r for r in progress.rows if r.cells[0].text == "R9")
    assert [c.text for c in r9.cells[2:]] == [
        "Headteacher and SENCO",
        "26 Mar 2027",
        "●○○ In progress",
        "●●○ Achieved",
        "●○○ In progress",
        "Slipped ↓",
    ]
    xml = docx_xml(docx)
    assert 'descr="Bar chart of recommendations by status at each visit.' in xml
    html = Html(rendered["riverside-primary-follow-up.html"].read_text(encoding="utf-8"))
    images = [attrs for tag, attrs in html.tags if tag == "img"]
    assert len(images) == 1
    assert str(images[0]["alt"]).startswith("Bar chart of recommendations by status")
    assert "24 Mar 2027: 5 in progress, 4 achieved, 3 embedded and sustained" in str(
        images[0]["alt"]
    )
    for heading in (
        "Summary of visit",
        "Action points for the school",
        "Action points for the reviewer",
        "Date of next visit",
    ):
        assert heading in html.text_in("h1")


STATUSES = frameworks.progress_scale().statuses


def _legend_and_counts(svg: str) -> None:
    """An SVG chart as a reader sees it: the legend, the axis, a count on each bar and a
    hatching for every status that has one."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    words = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert [s.label for s in STATUSES] == [w for w in words if w in {s.label for s in STATUSES}]
    assert "Recommendations" in words and "24 Mar 2027" in words
    assert words.count("4") >= 2  # 24 Mar 2027: 4 in progress, 4 achieved
    assert len(list(root.iter("{http://www.w3.org/2000/svg}pattern"))) == sum(
        1 for s in STATUSES if s.hatch
    )
    assert (root.get("width"), root.get("height")) == ("16cm", "8cm")


def test_the_follow_up_chart_is_in_every_format(rendered: dict[str, Path]) -> None:
    """The chart is a picture in each format (an SVG, or a PNG of it for Word) with its
    legend, its text alternative beside it, at 16 × 8 cm."""
    import base64
    import io

    from PIL import Image
    from pypdf import PdfReader

    alt = "Bar chart of recommendations by status at each visit."
    html = Html(rendered["riverside-primary-follow-up.html"].read_text(encoding="utf-8"))
    (image,) = [attrs for tag, attrs in html.tags if tag == "img"]
    src = str(image["src"])
    assert src.startswith("data:image/svg+xml;base64,")
    _legend_and_counts(base64.b64decode(src.split(",", 1)[1]).decode("utf-8"))

    with zipfile.ZipFile(rendered["riverside-primary-follow-up.odt"]) as z:
        content = z.read("content.xml").decode("utf-8")
        (picture,) = re.findall(r'xlink:href="(Pictures/[^"]+\.svg)"', content)
        _legend_and_counts(z.read(picture).decode("utf-8"))
    assert 'svg:width="453' in content and alt in content

    docx = rendered["riverside-primary-follow-up.docx"]
    with zipfile.ZipFile(docx) as z:
        (media,) = [n for n in z.namelist() if n.startswith("word/media/")]
        png = Image.open(io.BytesIO(z.read(media))).convert("RGB")
    # every status's colour is on the picture (Word draws it; LibreOffice needs a bitmap)
    colours = {c for _, c in png.getcolors(maxcolors=1 << 20) or []}
    for status in STATUSES:
        assert tuple(bytes.fromhex(status.hex[1:])) in colours, status.label
    xml = docx_xml(docx)
    assert '<wp:extent cx="5760720" ' in xml  # 16 cm, in EMU
    assert f'descr="{alt}' in xml

    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(str(rendered["riverside-primary-follow-up.pdf"])).pages
    )
    for status in STATUSES:
        assert status.label in text
    assert "Recommendations" in text and alt in text
