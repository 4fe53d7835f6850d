"""Finishing touches to pandoc's Word output that pandoc cannot express.

- The table of contents: pandoc writes an empty TOC field that Word fills only
  after asking to update fields; we put the headings in straight away (linked to
  their places), so the contents show in every viewer, and Word still offers to
  update them with page numbers.
- Tables fitted to their words and to the page (sendreview/report/docx_tables.py).
- Landscape pages for the Annex 3 grid: the Lua filter leaves markers where the
  wide section starts and ends; here they become section breaks that copy the
  document's own page setup (so the footer with page numbers carries on).

The document is edited as XML (ElementTree), never as text. The zip is rewritten
with its entries in the same order and with pandoc's own timestamps, so the file
stays reproducible.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from sendreview.report.docx_tables import Styles, fit_tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LANDSCAPE_START, LANDSCAPE_END = "SendreviewLandscapeStart", "SendreviewLandscapeEnd"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _el(name: str, parent: ET.Element | None = None, **attrs: str) -> ET.Element:
    attrib = {_w(k): v for k, v in attrs.items()}
    return (
        ET.Element(_w(name), attrib) if parent is None else ET.SubElement(parent, _w(name), attrib)
    )


def _style(p: ET.Element) -> str | None:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style.get(_w("val")) if style is not None else None


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _toc_entries(body: ET.Element) -> list[ET.Element]:
    entries = []
    previous: ET.Element | None = None
    for node in body:
        level = (_style(node) or "").removeprefix("Heading")
        if node.tag == _w("p") and level in ("1", "2"):
            # pandoc puts a heading's bookmark just before its paragraph, or inside it
            mark = node.find(_w("bookmarkStart"))
            if mark is None and previous is not None and previous.tag == _w("bookmarkStart"):
                mark = previous
            if mark is not None:
                p = _el("p")
                _el("pStyle", _el("pPr", p), val=f"TOC{level}")
                link = _el("hyperlink", p, anchor=mark.get(_w("name"), ""), history="1")
                text = _el("t", _el("r", link))
                text.text = "".join(t.text or "" for t in node.iter(_w("t")))
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                entries.append(p)
        previous = node
    return entries


def _fill_toc(root: ET.Element, body: ET.Element) -> None:
    instr = next((i for i in root.iter(_w("instrText")) if (i.text or "").startswith("TOC ")), None)
    if instr is None:
        return
    parents = _parents(root)
    para = parents[parents[instr]]
    container = parents[para]
    at = list(container).index(para)
    # drop the field's end (in this paragraph or the next); it goes after the entries
    for run in para.findall(_w("r")):
        for char in run.findall(_w("fldChar")):
            if char.get(_w("fldCharType")) == "end":
                run.remove(char)
    following = list(container)[at + 1 : at + 2]
    if following and any(c.get(_w("fldCharType")) == "end" for c in following[0].iter()):
        container.remove(following[0])
    end = _el("p")
    _el("fldChar", _el("r", end), fldCharType="end")
    for offset, entry in enumerate([*_toc_entries(body), end], start=1):
        container.insert(at + offset, entry)


def _landscape(sect: ET.Element) -> ET.Element:
    turned = copy.deepcopy(sect)
    size = turned.find(_w("pgSz"))
    if size is not None and size.get(_w("w")) and size.get(_w("h")):
        width, height = size.get(_w("w"), ""), size.get(_w("h"), "")
        size.set(_w("w"), height)
        size.set(_w("h"), width)
        size.set(_w("orient"), "landscape")
    return turned


def _sections(body: ET.Element) -> None:
    sect = body.find(_w("sectPr"))
    if sect is None:
        return
    for p in body.findall(_w("p")):
        style = _style(p)
        if style in (LANDSCAPE_START, LANDSCAPE_END):
            # a section break carries the setup of the pages *before* it
            p_pr = p.find(_w("pPr"))
            assert p_pr is not None
            p_pr.clear()
            p_pr.append(copy.deepcopy(sect) if style == LANDSCAPE_START else _landscape(sect))


def _parse(data: bytes) -> ET.Element:
    """The document, read once; pandoc's own prefixes (w:, r:, …) are kept for writing it
    back."""
    parser = ET.iterparse(io.BytesIO(data), events=("start-ns",))
    for _, (prefix, uri) in parser:
        ET.register_namespace(prefix, uri)
    root: ET.Element = parser.root  # type: ignore[attr-defined]
    return root


def finish_document(data: bytes, styles: bytes | None = None) -> bytes:
    """The finished word/document.xml; `styles` is word/styles.xml, for the sizes of text
    the tables are fitted to."""
    root = _parse(data)
    body = root.find(_w("body"))
    if body is None:
        return data
    _fill_toc(root, body)
    _sections(body)
    fit_tables(body, Styles.read(styles))
    written: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return written


def finish(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
        styles = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else None
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = finish_document(data, styles)
            z.writestr(info, data)
