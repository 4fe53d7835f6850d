"""A completed form read into pandoc's AST, with each tagged answer's blocks found.

pandoc reads Word and ODT well (lists, bold, italics, links, tables, tracked changes) but
unwraps content controls without keeping their tags. So before pandoc reads a .docx,
each of our content controls gets a marker at its start and end, placed where Word put
the control: around its paragraphs (block level), inside its first and last cells (row
and cell level) or as runs (run level, inside a paragraph). The markers come back in the
AST as text, and everything between a pair is that answer.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from sendreview.selfeval_form import pandoc
from sendreview.selfeval_form.form import (
    PROPERTY_FRAMEWORK,
    PROPERTY_REVIEW,
    PROPERTY_SCHOOL,
    TAG_PREFIX,
)
from sendreview.selfeval_form.package import DOCX_MAIN, Package, _corrupt
from sendreview.selfeval_form.pandoc import Blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class ReadForm:
    """What a form holds: each tagged answer's blocks, the whole document for reading by
    titles, its properties, and what was noticed on the way (tracked changes, comments)."""

    blocks: Blocks
    tagged: dict[str, Blocks] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    api_version: list[int] = field(default_factory=list)


def read(package: Package) -> ReadForm:
    nonce = uuid.uuid4().hex[:12]
    notes: list[str] = []
    properties: dict[str, str] = {}
    names: dict[int, str] = {}
    if package.kind == "docx":
        data = _marked_docx(package, nonce, names, notes)
        properties = _custom_properties(package.read("docProps/custom.xml"))
    else:
        data = _bounded_copy(package, {})
        properties = _odt_properties(package.read("meta.xml"))
    document = pandoc.read_document(data, package.kind, package.display)
    found = ReadForm(document["blocks"], properties=properties, notes=notes)
    found.api_version = document["pandoc-api-version"]
    if names:
        found.tagged = _collect(found.blocks, nonce, names)
    return found


def _xml(data: bytes | None, display: str) -> Any:
    if data is None:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as e:
        raise _corrupt(display) from e


def _marked_docx(package: Package, nonce: str, names: dict[int, str], notes: list[str]) -> bytes:
    root = _xml(package.read(DOCX_MAIN), package.display)
    sdts = [s for s in root.iter(f"{_W}sdt") if _tag(s).startswith(TAG_PREFIX)]
    outermost = [s for s in sdts if not any(a in sdts for a in s.iterancestors(f"{_W}sdt"))]
    for number, sdt in enumerate(outermost):
        content = sdt.find(f"{_W}sdtContent")
        if content is None:
            continue
        names[number] = _tag(sdt)[len(TAG_PREFIX) :]
        if sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
            for child in list(content):  # Word's placeholder text: not an answer
                content.remove(child)
        _mark(content, f"[[SRB{nonce}-{number}]]", f"[[SRE{nonce}-{number}]]")
    insertions = len(root.findall(f".//{_W}ins"))
    deletions = len(root.findall(f".//{_W}del"))
    if insertions or deletions:
        notes.append(
            f"the form has tracked changes: {insertions} insertion(s) were accepted and "
            f"{deletions} deletion(s) were left out"
        )
    comments = len(root.findall(f".//{_W}commentReference"))
    if comments:
        notes.append(f"the form's {comments} comment(s) were not imported (only answers are)")
    replaced = {DOCX_MAIN: etree.tostring(root, xml_declaration=True, encoding="UTF-8")}
    return _bounded_copy(package, replaced)


def _tag(sdt: Any) -> str:
    tag = sdt.find(f"{_W}sdtPr/{_W}tag")
    return str(tag.get(f"{_W}val", "")) if tag is not None else ""


def _paragraph(text: str) -> Any:
    p = etree.Element(f"{_W}p")
    p.append(_run(text))
    return p


def _run(text: str) -> Any:
    r = etree.Element(f"{_W}r")
    etree.SubElement(r, f"{_W}t").text = text
    return r


def _mark(content: Any, begin: str, end: str) -> None:
    children = [c for c in content if isinstance(c.tag, str)]
    kinds = {etree.QName(c).localname for c in children}
    if kinds & {"tr", "tc"}:  # row or cell level: the markers go inside the cells
        cells = [tc for c in children for tc in ([c] if c.tag == f"{_W}tc" else c.iter(f"{_W}tc"))]
        if not cells:
            return
        first, last = cells[0], cells[-1]
        properties = first.find(f"{_W}tcPr")
        first.insert(0 if properties is None else 1, _paragraph(begin))
        last.append(_paragraph(end))
    elif kinds & {"p", "tbl", "sdt"} or not children:  # block level
        content.insert(0, _paragraph(begin))
        content.append(_paragraph(end))
    else:  # run level, inside a paragraph
        content.insert(0, _run(begin))
        content.append(_run(end))


def _bounded_copy(package: Package, replaced: dict[str, bytes]) -> bytes:
    """The package again with some parts replaced, each part read within its bounds."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in package.names():
            if name.startswith(("word/media/", "Pictures/")):
                continue  # pictures are never answers; pandoc need not see them
            data = replaced.get(name)
            if data is None:
                data = package.read(name) or b""
            copy.writestr(name, data)
    return out.getvalue()


_VT_TEXT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}lpwstr"
_OURS = (PROPERTY_REVIEW, PROPERTY_SCHOOL, PROPERTY_FRAMEWORK)


def _custom_properties(data: bytes | None) -> dict[str, str]:
    root = _xml(data, "the form's properties")
    if root is None:
        return {}
    found: dict[str, str] = {}
    for prop in root:
        name = prop.get("name")
        if name in _OURS:
            found[name] = "".join(prop.itertext()).strip()
    return found


def _odt_properties(data: bytes | None) -> dict[str, str]:
    root = _xml(data, "the form's properties")
    if root is None:
        return {}
    meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    found: dict[str, str] = {}
    for prop in root.iter(f"{{{meta}}}user-defined"):
        name = prop.get(f"{{{meta}}}name")
        if name in _OURS:
            found[name] = (prop.text or "").strip()
    return found


def _collect(blocks: Blocks, nonce: str, names: dict[int, str]) -> dict[str, Blocks]:
    """Each tag's blocks, found between its markers, walking the document in order."""
    pattern = re.compile(rf"\[\[SR([BE]){nonce}-(\d+)\]\]")
    found: dict[str, Blocks] = {}
    current: list[str | None] = [None]

    def marker(block: Any) -> tuple[str, int] | None:
        if block.get("t") in ("Para", "Plain"):
            text = "".join(i.get("c", "") for i in block["c"] if i.get("t") == "Str")
            m = pattern.fullmatch(text)
            if m:
                return m[1], int(m[2])
        return None

    def walk_blocks(items: Blocks) -> None:
        for block in items:
            mark = marker(block)
            if mark is not None:
                current[0] = names.get(mark[1]) if mark[0] == "B" else None
                if current[0] is not None:
                    found.setdefault(current[0], [])
                continue
            if current[0] is not None:
                if pattern.search(str(block)):  # an end marker inside: cell/run level
                    walk_children(block)
                else:
                    found[current[0]].append(block)
                continue
            walk_children(block)

    def walk_children(block: Any) -> None:
        kind, c = block.get("t"), block.get("c")
        if kind in ("Para", "Plain") and pattern.search(str(c)):
            walk_inlines(c)
        elif kind in ("BulletList",):
            for item in c:
                walk_blocks(item)
        elif kind == "OrderedList":
            for item in c[1]:
                walk_blocks(item)
        elif kind in ("BlockQuote",):
            walk_blocks(c)
        elif kind == "Div":
            walk_blocks(c[1])
        elif kind == "Table":
            for cell in _table_cells(c):
                walk_blocks(cell)

    def walk_inlines(inlines: list[Any]) -> None:
        captured: list[Any] | None = None
        for inline in _split_markers(inlines, pattern):
            m = pattern.fullmatch(inline.get("c", "")) if inline.get("t") == "Str" else None
            if m:
                if m[1] == "B" and int(m[2]) in names:
                    captured, current[0] = [], names[int(m[2])]
                elif captured is not None and current[0] is not None:
                    found.setdefault(current[0], []).append({"t": "Plain", "c": captured})
                    captured, current[0] = None, None
                else:
                    current[0] = None
            elif captured is not None:
                captured.append(inline)

    walk_blocks(blocks)
    return found


def _split_markers(inlines: list[Any], pattern: re.Pattern[str]) -> list[Any]:
    """Str nodes split so that each marker is a Str of its own (pandoc joins runs)."""
    out: list[Any] = []
    for inline in inlines:
        if inline.get("t") != "Str" or not pattern.search(inline["c"]):
            out.append(inline)
            continue
        last = 0
        for m in pattern.finditer(inline["c"]):
            if m.start() > last:
                out.append({"t": "Str", "c": inline["c"][last : m.start()]})
            out.append({"t": "Str", "c": m[0]})
            last = m.end()
        if last < len(inline["c"]):
            out.append({"t": "Str", "c": inline["c"][last:]})
    return out


def table_rows(table: list[Any]) -> list[list[Blocks]]:
    """A pandoc Table's rows (head, bodies, foot), each a list of its cells' blocks."""
    _attr, _caption, _specs, head, bodies, foot = table
    rows: list[Any] = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    rows += foot[1]
    return [[cell[4] for cell in row[1]] for row in rows]


def _table_cells(table: list[Any]) -> list[Blocks]:
    return [cell for row in table_rows(table) for cell in row]
