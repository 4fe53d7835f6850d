"""Finishing touches to pandoc's Word output that pandoc cannot express.

- The table of contents: pandoc writes an empty TOC field that Word fills only
  after asking to update fields; we put the headings in straight away (linked to
  their places), so the contents show in every viewer, and Word still offers to
  update them with page numbers.
- Landscape pages for the Annex 3 grid: the Lua filter leaves markers where the
  wide section starts and ends; here they become section breaks that copy the
  document's own page setup (so the footer with page numbers carries on).

The zip is rewritten with its entries in the same order and with pandoc's own
timestamps, so the file stays reproducible.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# pandoc puts each section's bookmark just before its heading's paragraph
_HEADING = re.compile(
    r'<w:bookmarkStart [^>]*?w:name="([^"]+)"\s*/>\s*'
    r'(<w:p><w:pPr><w:pStyle w:val="Heading([12])"\s*/>.*?</w:p>)',
    re.S,
)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_SECTPR = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
_TOC_FIELD = re.compile(
    r"(<w:instrText[^>]*>TOC [^<]*</w:instrText>)"
    r'<w:fldChar w:fldCharType="separate" ?/>(?:</w:r></w:p><w:p><w:r>)?'
    r'<w:fldChar w:fldCharType="end" ?/></w:r></w:p>'
)
_START = '<w:p><w:pPr><w:pStyle w:val="SendreviewLandscapeStart"/></w:pPr></w:p>'
_END = '<w:p><w:pPr><w:pStyle w:val="SendreviewLandscapeEnd"/></w:pPr></w:p>'


def _toc_entries(xml: str) -> str:
    entries = []
    for mark, para, level in _HEADING.findall(xml):
        text = "".join(_TEXT.findall(para))
        entries.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr><w:hyperlink w:anchor="{mark}" '
            f'w:history="1"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink></w:p>'
        )
    return "".join(entries)


def _fill_toc(xml: str) -> str:
    entries = _toc_entries(xml)
    return _TOC_FIELD.sub(
        lambda m: (
            m[1]
            + '<w:fldChar w:fldCharType="separate" /></w:r></w:p>'
            + entries
            + '<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>'
        ),
        xml,
        count=1,
    )


def _landscape(sect: str) -> str:
    size = re.search(r"<w:pgSz [^>]*/>", sect)
    width = re.search(r'w:w="(\d+)"', size[0]) if size else None
    height = re.search(r'w:h="(\d+)"', size[0]) if size else None
    if not (size and width and height):
        return sect
    turned = f'<w:pgSz w:w="{height[1]}" w:h="{width[1]}" w:orient="landscape" />'
    return sect.replace(size[0], turned)


def _sections(xml: str) -> str:
    if _START not in xml:
        return xml
    body_sect = _SECTPR.findall(xml)[-1]
    portrait = f"<w:p><w:pPr>{body_sect}</w:pPr></w:p>"
    landscape = f"<w:p><w:pPr>{_landscape(body_sect)}</w:pPr></w:p>"
    return xml.replace(_START, portrait).replace(_END, landscape)


def finish(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    out = []
    for info, data in entries:
        if info.filename == "word/document.xml":
            xml = data.decode("utf-8")
            data = _sections(_fill_toc(xml)).encode("utf-8")
        out.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data)
