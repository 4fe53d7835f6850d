"""The hand-made forms of the tests, built here from python-docx and raw WordprocessingML
(tracked changes, comments, content controls at every level) rather than checked in."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISION = 'w:id="{id}" w:author="SENCO" w:date="2026-10-01T10:00:00Z"'


def para(text: str, style: str | None = None) -> str:
    """A paragraph of plain text, in a style (List Bullet, List Bullet 2, …)."""
    ppr = f'<w:pPr><w:pStyle w:val="{style.replace(" ", "")}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def bullets(*texts: str) -> str:
    return "".join(para(t, "List Bullet") for t in texts)


def fill(form: bytes, answers: dict[str, str], links: dict[str, str] | None = None) -> bytes:
    """``form`` with the content controls tagged ``sendreview:<key>`` holding the given
    WordprocessingML (paragraphs, tables…) instead of their placeholder, as Word leaves a
    control the school has typed into. ``links`` adds hyperlink targets by r:id."""
    document = docx.Document(io.BytesIO(form))
    rids: dict[str, str] = {}
    for name, url in (links or {}).items():
        rids[name] = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    body = document.element.body
    for sdt in body.iter(f"{W}sdt"):
        tag = sdt.find(f"{W}sdtPr/{W}tag")
        key = tag.get(f"{W}val").removeprefix("sendreview:") if tag is not None else None
        if key not in answers:
            continue
        placeholder = sdt.find(f"{W}sdtPr/{W}showingPlcHdr")
        if placeholder is not None:
            placeholder.getparent().remove(placeholder)
        content = sdt.find(f"{W}sdtContent")
        for child in list(content):
            content.remove(child)
        xml = answers[key]
        for name, rid in rids.items():
            xml = xml.replace(f'r:id="{name}"', f'r:id="{rid}"')
        for element in parse_xml(f"<w:body {W_NS}>{xml}</w:body>"):
            content.append(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_body(xml: str, properties: dict[str, str] | None = None) -> bytes:
    """A Word document whose body is ``xml`` (a form made by hand, not by sendreview)."""
    document = docx.Document()
    body = document.element.body
    section = body.find(f"{W}sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)
    for element in parse_xml(f"<w:body {W_NS}>{xml}</w:body>"):
        section.addprevious(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sdt(tag: str, content: str) -> str:
    """A rich-text content control with ``content`` (at whatever level it is put)."""
    return (
        f'<w:sdt><w:sdtPr><w:tag w:val="sendreview:{tag}"/><w:id w:val="7"/></w:sdtPr>'
        f"<w:sdtContent>{content}</w:sdtContent></w:sdt>"
    )


def cell(content: str) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w='3000' w:type='dxa'/></w:tcPr>{content or '<w:p/>'}</w:tc>"


def table(*rows: str) -> str:
    grid = "<w:tblGrid><w:gridCol w:w='3000'/><w:gridCol w:w='3000'/></w:tblGrid>"
    return f"<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr>{grid}{''.join(rows)}</w:tbl>"


def row(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def guide_template(rows: list[tuple[str, str, str, str]]) -> bytes:
    """A form as a school makes it from the guide's Word template: one table, a row per
    area (area of focus, suggested themes, strengths, areas for development)."""
    document = docx.Document()
    document.add_paragraph("School Visit/Self-Evaluation Template")
    grid = document.add_table(rows=1, cols=4)
    labels = ("AREA OF FOCUS", "SUGGESTED THEMES AND AREAS TO EXPLORE", "STRENGTHS")
    for i, label in enumerate((*labels, "AREAS FOR DEVELOPMENT")):
        grid.rows[0].cells[i].text = label
    for values in rows:
        cells = grid.add_row().cells
        for i, value in enumerate(values):
            lines = value.split("\n")
            cells[i].text = lines[0]
            for line in lines[1:]:
                cells[i].add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def saved_by_libreoffice(path: Path, folder: Path) -> Path | None:
    """``path`` opened and saved again as .docx by LibreOffice, or None without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / path.name


def zip_of(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()
