"""Build templates/report/reference.odt, the house style of the LibreOffice (ODT) report.

The same style as the Word report (tools/make_reference_docx.py): Arial, headings in
#1F3A5F, A4 portrait pages with 2 cm margins and a "Page n of N" footer, plus a
"Landscape" master page for the Annex 3 grid. Starts from pandoc's own reference ODT
(so every style pandoc's ODT writer names exists) and edits its styles.xml as XML;
pandoc ignores the rest of a reference ODT. The zip is written by this script, with
fixed timestamps, so the same pandoc gives the same file.
Table borders cannot live here: pandoc writes each table cell's style into the report
itself, so sendreview/report/odt.py adds them after pandoc.
Run after changing the style:  .venv/bin/python tools/make_reference_odt.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "templates" / "report" / "reference.odt"
BRAND = "#1F3A5F"
FONT = "Arial"
# sendreview.lua puts an empty paragraph of these styles where the wide grid starts and ends
LANDSCAPE_START, LANDSCAPE_END = "SendreviewLandscapeStart", "SendreviewLandscapeEnd"

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
MIMETYPE = "application/vnd.oasis.opendocument.text"


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def pandoc_default(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from sendreview.report.convert import pandoc_path

    subprocess.run(
        [pandoc_path(), "-o", str(path), "--print-default-data-file", "reference.odt"], check=True
    )


def _set(el: ET.Element, **attrs: str) -> None:
    for key, value in attrs.items():
        el.set(q(key.replace("__", ":").replace("_", "-")), value)


def _child(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.find(q(tag))
    return found if found is not None else ET.SubElement(parent, q(tag))


class Styles:
    """The office:styles of a styles.xml, found or made by name."""

    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.common = _child(root, "office:styles")

    def get(
        self, name: str, family: str = "paragraph", parent: str | None = "Standard"
    ) -> ET.Element:
        for el in self.common.findall(q("style:style")):
            if el.get(q("style:name")) == name and el.get(q("style:family")) == family:
                return el
        el = ET.SubElement(self.common, q("style:style"))
        _set(el, style__name=name, style__family=family)
        if " " not in name and "_20_" in name:
            el.set(q("style:display-name"), name.replace("_20_", " "))
        if parent:
            el.set(q("style:parent-style-name"), parent)
        return el

    def text(
        self,
        name: str,
        size: str | None = None,
        bold: bool | None = None,
        colour: str | None = None,
        italic: bool | None = None,
        family: str = "paragraph",
    ) -> None:
        props = _child(self.get(name, family), "style:text-properties")
        if family == "paragraph":
            for attr in ("font-name", "font-name-asian", "font-name-complex"):
                props.set(q(f"style:{attr}"), FONT)
        if size is not None:
            _set(props, fo__font_size=size, style__font_size_asian=size)
            _set(props, style__font_size_complex=size)
        for flag, attr, value in ((bold, "font-weight", "bold"), (italic, "font-style", "italic")):
            if flag is not None:
                word = value if flag else "normal"
                props.set(q(f"fo:{attr}"), word)
                props.set(q(f"style:{attr}-asian"), word)
                props.set(q(f"style:{attr}-complex"), word)
        if colour is not None:
            _set(props, fo__color=colour)

    def spacing(self, name: str, before: float, after: float, keep_next: bool = False) -> None:
        props = _child(self.get(name), "style:paragraph-properties")
        _set(props, fo__margin_top=f"{before}pt", fo__margin_bottom=f"{after}pt")
        _set(props, style__contextual_spacing="false")
        if keep_next:
            _set(props, fo__keep_with_next="always")

    def paragraph(self, name: str, **attrs: str) -> ET.Element:
        props = _child(self.get(name), "style:paragraph-properties")
        _set(props, **attrs)
        return props


def page_layouts(root: ET.Element) -> None:
    """A4 portrait (the Standard master page) and A4 landscape (the Landscape one),
    both with the centred "Page n of N" footer."""
    automatic = _child(root, "office:automatic-styles")
    masters = _child(root, "office:master-styles")
    for el in [*automatic.findall(q("style:page-layout")), *masters]:
        (automatic if el in automatic else masters).remove(el)
    footer_style = next(
        el for el in automatic.findall(q("style:style")) if el.get(q("style:name")) == "MP1"
    )
    _child(footer_style, "style:text-properties").set(q("fo:font-size"), "8pt")
    for layout, master, width, height, orientation in (
        ("Mpm1", "Standard", "21cm", "29.7cm", "portrait"),
        ("Mpm2", "Landscape", "29.7cm", "21cm", "landscape"),
    ):
        page = ET.SubElement(automatic, q("style:page-layout"))
        page.set(q("style:name"), layout)
        props = ET.SubElement(page, q("style:page-layout-properties"))
        _set(props, fo__page_width=width, fo__page_height=height)
        _set(props, style__num_format="1", style__print_orientation=orientation)
        _set(props, fo__margin_top="2cm", fo__margin_bottom="1.2cm")
        _set(props, fo__margin_left="2cm", fo__margin_right="2cm")
        _set(props, style__writing_mode="lr-tb")
        ET.SubElement(page, q("style:header-style"))
        footer = ET.SubElement(
            ET.SubElement(page, q("style:footer-style")), q("style:header-footer-properties")
        )
        # the footer sits in the bottom 2 cm, as in the Word document
        _set(footer, fo__min_height="0.4cm", fo__margin_top="0.4cm", style__dynamic_spacing="false")
        page_master = ET.SubElement(masters, q("style:master-page"))
        _set(page_master, style__name=master, style__page_layout_name=layout)
        if master != "Standard":
            page_master.set(q("style:display-name"), master)
        para = ET.SubElement(ET.SubElement(page_master, q("style:footer")), q("text:p"))
        para.set(q("text:style-name"), "MP1")
        para.text = "Page "
        number = ET.SubElement(para, q("text:page-number"), {q("text:select-page"): "current"})
        number.text = "1"
        number.tail = " of "
        ET.SubElement(para, q("text:page-count")).text = "1"


def house_style(styles: Styles) -> None:
    default = next(
        el
        for el in styles.common.findall(q("style:default-style"))
        if el.get(q("style:family")) == "paragraph"
    )
    props = _child(default, "style:text-properties")
    for attr in ("font-name", "font-name-asian", "font-name-complex"):
        props.set(q(f"style:{attr}"), FONT)
    _set(props, fo__font_size="10.5pt", style__font_size_asian="10.5pt")
    _set(props, style__font_size_complex="10.5pt")
    # Word's widow and orphan control, which LibreOffice leaves off by default
    _set(_child(default, "style:paragraph-properties"), fo__widows="2", fo__orphans="2")
    styles.text("Standard", "10.5pt")
    for name in ("Text_20_body", "First_20_paragraph"):
        styles.spacing(name, 3, 6)
    for name, size, before, after in (
        ("Heading_20_1", "16pt", 18, 6),
        ("Heading_20_2", "13pt", 14, 4),
        ("Heading_20_3", "11.5pt", 10, 3),
    ):
        styles.text(name, size, bold=True, colour=BRAND, italic=False)
        styles.spacing(name, before, after, keep_next=True)
    styles.text("Heading", colour=BRAND)
    styles.text("Title", "24pt", bold=True, colour=BRAND)
    styles.spacing("Title", 0, 3)
    styles.text("Subtitle", "14pt", bold=False, colour="#444444")
    styles.spacing("Subtitle", 0, 3)
    styles.text("Date", "11pt", colour="#555555")
    styles.paragraph("Date", fo__text_align="start")
    styles.spacing("Date", 0, 10)
    styles.text("Contents_20_Heading", "14pt", bold=True, colour=BRAND)
    styles.spacing("Contents_20_Heading", 12, 6)
    styles.text("Contents_20_1", "10.5pt", bold=True)
    styles.spacing("Contents_20_1", 2, 1)
    styles.text("Contents_20_2", "10.5pt", bold=False)
    styles.spacing("Contents_20_2", 0, 1)
    styles.paragraph("Contents_20_2", fo__margin_left="0.6cm")
    link = _child(styles.get("Internet_20_link", "text", None), "style:text-properties")
    _set(link, fo__color="#1F5A96")
    # the contents' entries are links (sendreview/report/odt.py) that look like Word's
    toc_link = _child(styles.get("Index_20_Link", "text", None), "style:text-properties")
    _set(toc_link, fo__color="#000000", style__text_underline_style="none")
    styles.text("Quotations", "10.5pt", italic=True)  # the Word "Block Text"
    styles.text("Table_20_Contents", "9pt")
    styles.paragraph("Table_20_Contents", fo__margin_left="0cm", fo__margin_right="0cm")
    styles.spacing("Table_20_Contents", 0, 2)  # Word's "Compact"
    styles.text("Table_20_Heading", "9pt", bold=True)
    styles.paragraph("Table_20_Heading", fo__margin_left="0cm", fo__margin_right="0cm")
    # the DRAFT banner (custom-style="Draft" in the templates)
    styles.text("Draft", "12pt", bold=True, colour="#B3261E")
    styles.spacing("Draft", 6, 12)
    styles.paragraph(
        "Draft",
        fo__text_align="center",
        fo__border="1.5pt solid #B3261E",
        fo__background_color="#FDECEA",
        fo__padding="0.1cm",
    )
    # The grid's landscape pages: a paragraph of LANDSCAPE_START starts a page of the
    # Landscape master page, one of LANDSCAPE_END a Standard page again. Both are empty
    # and as small as LibreOffice allows.
    for name, master in ((LANDSCAPE_START, "Landscape"), (LANDSCAPE_END, "Standard")):
        style = styles.get(name)
        style.set(q("style:master-page-name"), master)
        props = styles.paragraph(name, fo__margin_top="0cm", fo__margin_bottom="0cm")
        _set(props, fo__line_height="1pt", style__page_number="auto")
        styles.text(name, "1pt")


CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="{office}" xmlns:text="{text}" office:version="1.3">
<office:body><office:text>
<text:h text:style-name="Heading_20_1" text:outline-level="1">sendreview house style</text:h>
<text:p text:style-name="First_20_paragraph">pandoc uses only the styles of this file.</text:p>
</office:text></office:body></office:document-content>
"""

META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="{office}" xmlns:meta="{meta}" office:version="1.3">
<office:meta><meta:generator>sendreview tools/make_reference_odt.py</meta:generator></office:meta>
</office:document-meta>
"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="{manifest}" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3"
  manifest:media-type="{mimetype}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def styles_xml(data: bytes) -> bytes:
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(data)
    house_style(Styles(root))
    page_layouts(root)
    written: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return written


def write(target: Path, styles: bytes) -> None:
    def entry(z: zipfile.ZipFile, name: str, data: bytes, stored: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        z.writestr(info, data)

    with zipfile.ZipFile(target, "w") as z:
        # ODF: the mimetype first and uncompressed, so that it can be read at a fixed place
        entry(z, "mimetype", MIMETYPE.encode(), stored=True)
        entry(z, "content.xml", CONTENT.format(**NS).encode())
        entry(z, "styles.xml", styles)
        entry(z, "meta.xml", META.format(**NS).encode())
        entry(z, "META-INF/manifest.xml", MANIFEST.format(mimetype=MIMETYPE, **NS).encode())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "default.odt"
        pandoc_default(base)
        with zipfile.ZipFile(base) as z:
            original = z.read("styles.xml")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    write(TARGET, styles_xml(original))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
