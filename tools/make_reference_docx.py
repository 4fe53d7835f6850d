"""Build templates/report/reference.docx, the house style of the Word report.

Starts from pandoc's own reference document (so every style pandoc uses exists)
and sets fonts, colours, table style, A4 pages and a "Page n of N" footer.
Run after changing the style:  .venv/bin/python tools/make_reference_docx.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "templates" / "report" / "reference.docx"
BRAND = RGBColor(0x1F, 0x3A, 0x5F)
FONT = "Arial"


def pandoc_default(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from sendreview.report.convert import pandoc_path

    subprocess.run(
        [pandoc_path(), "-o", str(path), "--print-default-data-file", "reference.docx"], check=True
    )


def set_font(
    style,
    size: float | None = None,
    bold: bool | None = None,
    colour: RGBColor | None = None,
    italic: bool | None = None,
) -> None:
    font = style.font
    font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour is not None:
        font.color.rgb = colour


def spacing(style, before: float, after: float, keep_next: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next


def border(parent, tag: str, sides: list[str], size: int, colour: str) -> None:
    box = OxmlElement(tag)
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), colour)
        box.append(el)
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    parent.append(box)


def shade(parent, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    parent.append(shd)


def table_style(doc) -> None:
    style = doc.styles["Table"]
    el = style.element
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        el.append(tblpr)
    border(
        tblpr, "w:tblBorders", ["top", "left", "bottom", "right", "insideH", "insideV"], 4, "A6B4C6"
    )
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 50), ("left", 90), ("bottom", 50), ("right", 90)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(width))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.append(margins)
    rpr = el.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        el.append(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    rpr.append(size)
    for old in el.findall(qn("w:tblStylePr")):
        el.remove(old)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    frpr = OxmlElement("w:rPr")
    frpr.append(OxmlElement("w:b"))
    first.append(frpr)
    ftcpr = OxmlElement("w:tcPr")
    shade(ftcpr, "E3EAF3")
    first.append(OxmlElement("w:tblPr"))
    first.append(ftcpr)
    el.append(first)


def footer(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.text = ""

    def field(code: str) -> None:
        for kind, text in (
            ("begin", None),
            (None, code),
            ("separate", None),
            (None, "1"),
            ("end", None),
        ):
            run = para.add_run()
            run.font.size = Pt(8)
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == code:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {code} "
                run._r.append(instr)
            else:
                run.text = text

    para.add_run("Page ").font.size = Pt(8)
    field("PAGE")
    para.add_run(" of ").font.size = Pt(8)
    field("NUMPAGES")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "default.docx"
        pandoc_default(base)
        doc = Document(str(base))
    styles = doc.styles
    for name in ("Normal", "Body Text", "First Paragraph", "Compact"):
        set_font(styles[name], 10.5 if name != "Compact" else None)
    # no line of a paragraph left alone at the foot or head of a page, as in Word's own
    # templates (pandoc's leaves it off); every paragraph style inherits it from Normal
    styles["Normal"].paragraph_format.widow_control = True
    spacing(styles["Body Text"], 3, 6)
    spacing(styles["First Paragraph"], 3, 6)
    spacing(styles["Compact"], 0, 2)
    for name, size, before, after in (
        ("Heading 1", 16, 18, 6),
        ("Heading 2", 13, 14, 4),
        ("Heading 3", 11.5, 10, 3),
    ):
        set_font(styles[name], size, bold=True, colour=BRAND, italic=False)
        spacing(styles[name], before, after, keep_next=True)
    styles["Heading 1"].paragraph_format.page_break_before = False
    set_font(styles["Title"], 24, bold=True, colour=BRAND)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_font(styles["Subtitle"], 14, bold=False, colour=RGBColor(0x44, 0x44, 0x44))
    styles["Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_font(styles["Date"], 11, colour=RGBColor(0x55, 0x55, 0x55))
    styles["Date"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_font(styles["TOC Heading"], 14, bold=True, colour=BRAND)
    styles["Hyperlink"].font.color.rgb = RGBColor(0x1F, 0x5A, 0x96)
    for name in ("Block Text",):
        set_font(styles[name], 10.5, italic=True)
    # the DRAFT banner (custom-style="Draft" in the templates)
    from docx.enum.style import WD_STYLE_TYPE

    draft = styles.add_style("Draft", WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = styles["Normal"]
    set_font(draft, 12, bold=True, colour=RGBColor(0xB3, 0x26, 0x1E))
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spacing(draft, 6, 12)
    ppr = draft.element.get_or_add_pPr()
    border(ppr, "w:pBdr", ["top", "left", "bottom", "right"], 12, "B3261E")
    shade(ppr, "FDECEA")
    for level, indent in ((1, 0.0), (2, 0.6)):  # the contents list
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.element.set(qn("w:styleId"), f"TOC{level}")
        toc.base_style = styles["Normal"]
        set_font(toc, 10.5, bold=level == 1)
        toc.paragraph_format.left_indent = Cm(indent)
        spacing(toc, 2 if level == 1 else 0, 1)
    table_style(doc)
    footer(doc)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.author = "sendreview"
    doc.core_properties.title = ""
    doc.save(str(TARGET))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
