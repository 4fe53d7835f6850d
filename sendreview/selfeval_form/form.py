"""The self-evaluation form as a Word document, laid out like the guide's template.

Each answer (the context, and each area's strengths and areas for development) is a
rich-text content control (``w:sdt``) tagged ``sendreview:<area>:<field>``, so that it
is read back exactly, whatever the school does around it. Answers already in
self-evaluation.yaml are put in as formatted text. The review and framework are in the
document's custom properties, to refuse a form that belongs to another review.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from sendreview.models.findings import SelfEvaluation
from sendreview.models.framework import Framework
from sendreview.selfeval_form import richtext
from sendreview.selfeval_form.pandoc import markdown_to_blocks

FONT = "Arial"
BRAND = RGBColor(0x1F, 0x3A, 0x5F)
BOX = "F2F5F9"  # the answer boxes: a pale blue-grey that prints light
FIELDS = (("strengths", "Strengths"), ("areas_for_development", "Areas for development"))
PLACEHOLDERS = {
    "context": "Write about your school here.",
    "strengths": "Write each strength as a bullet point.",
    "areas_for_development": "Write each area for development as a bullet point.",
}
INTRO = (
    "Please write in the shaded boxes: one strength or area for development per bullet "
    "point, in as many words as you need. The suggested themes are prompts, not a "
    "checklist. Bold, italics, links and lists are kept. Please keep the boxes and "
    "headings as they are, so that the form can be read back into the review."
)
THEMES_HEADING = "Suggested themes and areas to explore"
TAG_PREFIX = "sendreview:"
PROPERTY_REVIEW, PROPERTY_FRAMEWORK, PROPERTY_SCHOOL = (
    "sendreview-review",
    "sendreview-framework",
    "sendreview-school",
)
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one Word uses for its own


@dataclass(frozen=True)
class FormFor:
    """Who the form is for: written into its properties, checked when it comes back."""

    review: str  # the review folder's name
    school: str
    framework: Framework


def tag(field: str, area: str | None = None) -> str:
    return f"{TAG_PREFIX}{area}:{field}" if area else f"{TAG_PREFIX}{field}"


def build(target: FormFor, answers: SelfEvaluation | None) -> bytes:
    """The form as the bytes of a .docx."""
    document = docx.Document()
    _styles(document)
    richtext.add_numbering(document)
    _page(document)
    framework = target.framework
    texts = _prefill_texts(framework, answers)
    blocks = dict(zip(texts, markdown_to_blocks(list(texts.values())), strict=True))

    document.add_paragraph(f"SEND review: {target.school}", style="Title")
    document.add_paragraph(framework.title, style="Subtitle")
    intro = document.add_paragraph(INTRO)
    intro.paragraph_format.space_after = Pt(12)

    document.add_heading("Context of the school", level=1)
    if framework.context_prompt:
        document.add_paragraph(framework.context_prompt, style="Prompt")
    context = _box_table(document, 1)
    _answer(context.cell(0, 0), tag("context"), "Context", blocks.get("context"), "context")

    for area in framework.areas:
        document.add_heading(area.title, level=1)
        if area.themes:
            document.add_paragraph(THEMES_HEADING, style="Prompt")
            for theme in area.themes:
                document.add_paragraph(theme.text, style="Theme")
        table = _box_table(document, 2, header=[label for _, label in FIELDS])
        for column, (field, label) in enumerate(FIELDS):
            _answer(
                table.cell(1, column),
                tag(field, area.id),
                f"{area.title}: {label.lower()}",
                blocks.get(f"{area.id}:{field}"),
                field,
            )

    _properties(document, target)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _prefill_texts(framework: Framework, answers: SelfEvaluation | None) -> dict[str, str]:
    """The Markdown of every answer there is, keyed like the tags; a list of entries is
    one Markdown bullet list."""
    texts: dict[str, str] = {}
    if answers is None:
        return texts
    if answers.context:
        texts["context"] = answers.context
    for area in framework.areas:
        found = answers.areas.get(area.id)
        for field, _ in FIELDS:
            entries = getattr(found, field, None) if found else None
            if entries:
                texts[f"{area.id}:{field}"] = "\n\n".join(_bullet(entry.text) for entry in entries)
    return texts


def _bullet(text: str) -> str:
    lines = text.strip("\n").split("\n")
    return "\n".join(["- " + lines[0], *("  " + line if line else "" for line in lines[1:])])


def _styles(document: Any) -> None:
    styles = document.styles
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2"):
        style = styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    styles["Normal"].font.size = Pt(10.5)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Title"].font.size = Pt(22)
    styles["Title"].font.color.rgb = BRAND
    styles["Heading 1"].font.color.rgb = BRAND
    styles["Heading 1"].font.size = Pt(14)
    styles["Heading 1"].paragraph_format.keep_with_next = True
    prompt = styles.add_style("Prompt", WD_STYLE_TYPE.PARAGRAPH)
    prompt.base_style = styles["Normal"]
    prompt.font.italic = True
    prompt.font.color.rgb = RGBColor(0x44, 0x4B, 0x55)
    prompt.paragraph_format.keep_with_next = True
    prompt.paragraph_format.space_after = Pt(4)
    theme = styles.add_style("Theme", WD_STYLE_TYPE.PARAGRAPH)
    theme.base_style = styles["List Bullet"]
    theme.font.size = Pt(9)
    theme.font.color.rgb = RGBColor(0x44, 0x4B, 0x55)
    theme.paragraph_format.keep_with_next = True
    theme.paragraph_format.space_after = Pt(2)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True


def _page(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))


def _box_table(document: Any, columns: int, header: list[str] | None = None) -> Any:
    rows = 2 if header else 1
    table = document.add_table(rows=rows, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    width = Cm(17 / columns)
    for row in table.rows:
        for cell in row.cells:
            cell.width = width
    if header:
        for cell, label in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(label).bold = True
            _shade(cell, "DCE3EC")
        _repeat_header(table.rows[0])
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 80), ("left", 115), ("bottom", 80), ("right", 115)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)
    if not header:  # a box, not a table with headings (pandoc would read one)
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:
            look.set(qn("w:firstRow"), "0")
    answer_row = table.rows[-1]
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(Cm(4).twips)))
    answer_row._tr.get_or_add_trPr().append(height)
    for cell in answer_row.cells:
        _shade(cell, BOX)
    document.add_paragraph()
    return table


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)
    cant_split = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(cant_split)


_next_id = iter(range(1_000_000, 2_000_000))


def _answer(cell: Any, name: str, alias: str, blocks: Any, field: str) -> None:
    """A rich-text content control filling ``cell``, holding ``blocks`` or, when there
    are none, a grey placeholder that Word clears when the school starts typing."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    for element, value in (("w:alias", alias), ("w:tag", name), ("w:id", str(next(_next_id)))):
        el = OxmlElement(element)
        el.set(qn("w:val"), value)
        pr.append(el)
    content = OxmlElement("w:sdtContent")
    sdt.append(pr)
    sdt.append(content)
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    tc.append(sdt)

    def new(style: str) -> Paragraph:
        p = OxmlElement("w:p")
        content.append(p)
        paragraph = Paragraph(p, cell)
        paragraph.style = cell.part.document.styles[style]
        return paragraph

    if blocks:
        richtext.add_blocks(blocks, new)
        return
    pr.append(OxmlElement("w:showingPlcHdr"))
    placeholder = new("Normal")
    run = placeholder.add_run(PLACEHOLDERS[field])
    run.italic = True
    run.font.color.rgb = RGBColor(0x76, 0x7C, 0x85)


def properties_of(target: FormFor) -> dict[str, str]:
    return {
        PROPERTY_REVIEW: target.review,
        PROPERTY_SCHOOL: target.school,
        PROPERTY_FRAMEWORK: target.framework.id,
    }


def _properties(document: Any, target: FormFor) -> None:
    """The review, school and framework as custom document properties (File > Properties
    > Custom in Word; File > Properties > Custom Properties in LibreOffice)."""
    from lxml import etree

    values = properties_of(target)
    root = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM}}}property", fmtid=_FMTID, pid=str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_TYPE, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
    props = document.core_properties
    props.title = f"Self-evaluation: {target.school}"
    props.subject = target.framework.title
    props.author = "sendreview"
