"""pandoc's AST (of the answers already in self-evaluation.yaml) as Word paragraphs, for
prefilling the form: bold, italics, links and lists as Word's own, so that what the
school sees is formatted text and what comes back is the same Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from sendreview.selfeval_form.pandoc import Block, Blocks

MAX_LEVEL = 3  # lists nest three levels deep in the form, as in Word's list styles
BULLETS, NUMBERS = 20, 21  # the form's own lists' numbering ids
_QUOTES = {"SingleQuote": ("‘", "’"), "DoubleQuote": ("“", "”")}


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    code: bool = False
    script: str | None = None  # "superscript" or "subscript"


NewParagraph = Callable[[str], Paragraph]  # a paragraph of the given style, where it goes


def add_blocks(blocks: Blocks, new: NewParagraph, level: int = 0, item: str = "") -> None:
    """``blocks`` as paragraphs made by ``new``; ``item`` is the list style the first
    paragraph takes when the blocks are a list item."""
    for block in blocks:
        kind, content = block["t"], _content(block)
        if kind in ("Para", "Plain"):
            style = item or ("List Continue" + _suffix(level) if level else "Normal")
            add_inlines(_paragraph(new, style), content)
            item = ""
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            base = "List Bullet" if kind == "BulletList" else "List Number"
            deeper = min(level + 1, MAX_LEVEL)
            for entry in items:
                add_blocks(entry, new, deeper, f"{base}@{deeper}")
        elif kind == "LineBlock":
            for line in content:
                add_inlines(_paragraph(new, item or "Normal"), line)
                item = ""
        elif kind in ("BlockQuote", "Div"):
            add_blocks(content if kind == "BlockQuote" else content[1], new, level, item)
        elif kind == "Header":
            para = _paragraph(new, item or "Normal")
            add_inlines(para, content[2], _Format(bold=True))
            item = ""
        elif kind == "CodeBlock":
            para = _paragraph(new, item or "Normal")
            item = ""
            add_inlines(para, [{"t": "Str", "c": content[1]}], _Format(code=True))
        # anything else (a rule, a table in reviewers' Markdown) has no place in a form


def _paragraph(new: NewParagraph, style: str) -> Paragraph:
    """A paragraph; a list item ("List Bullet@2") is numbered as Word numbers a nested
    list: the list's own numbering, at its level (what pandoc reads as nesting)."""
    if "@" not in style:
        return new(style)
    base, level = style.split("@")
    para = new(base)
    numbering = para._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = int(level) - 1
    numbering.get_or_add_numId().val = BULLETS if base == "List Bullet" else NUMBERS
    return para


def add_numbering(document: Any) -> None:
    """Lists of three levels, bulleted and numbered, in the document's numbering part
    (python-docx's default template has only lists of one level)."""
    root = document.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    for num_id, abstract_id, formats in (
        (BULLETS, 90, ("bullet", "bullet", "bullet")),
        (NUMBERS, 91, ("decimal", "lowerLetter", "lowerRoman")),
    ):
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "hybridMultilevel")
        abstract.append(multi)
        for level, fmt in enumerate(formats):
            abstract.append(_level(level, fmt))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        root.append(num)


_BULLET_TEXT = ("•", "◦", "▪")


def _level(level: int, fmt: str) -> Any:
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(level))
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", fmt),
        ("w:lvlText", _BULLET_TEXT[level] if fmt == "bullet" else f"%{level + 1}."),
        ("w:lvlJc", "left"),
    ):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(360 * (level + 1)))
    ind.set(qn("w:hanging"), "360")
    ppr.append(ind)
    lvl.append(ppr)
    return lvl


def _suffix(level: int) -> str:
    return "" if level <= 1 else f" {min(level, MAX_LEVEL)}"


def add_inlines(para: Paragraph, inlines: list[Block], fmt: _Format | None = None) -> None:
    _inlines(para, para._p, inlines, fmt or _Format())


def _inlines(para: Paragraph, parent: Any, inlines: list[Block], fmt: _Format) -> None:
    for inline in inlines:
        kind, c = inline["t"], _content(inline)
        if kind == "Str":
            _run(parent, c, fmt)
        elif kind in ("Space", "SoftBreak"):
            _run(parent, " ", fmt)
        elif kind == "LineBreak":
            parent.append(_break(fmt))
        elif kind == "Emph":
            _inlines(para, parent, c, replace(fmt, italic=True))
        elif kind == "Strong":
            _inlines(para, parent, c, replace(fmt, bold=True))
        elif kind == "Underline":
            _inlines(para, parent, c, replace(fmt, underline=True))
        elif kind == "Strikeout":
            _inlines(para, parent, c, replace(fmt, strike=True))
        elif kind in ("Superscript", "Subscript"):
            _inlines(para, parent, c, replace(fmt, script=kind.lower()))
        elif kind in ("SmallCaps", "Span"):
            _inlines(para, parent, c if kind == "SmallCaps" else c[1], fmt)
        elif kind == "Quoted":
            opening, closing = _QUOTES.get(c[0]["t"], ("“", "”"))
            _inlines(
                para, parent, [{"t": "Str", "c": opening}, *c[1], {"t": "Str", "c": closing}], fmt
            )
        elif kind == "Code":
            _run(parent, c[1], replace(fmt, code=True))
        elif kind == "Link":
            _link(para, parent, c[1], c[2][0], fmt)
        elif kind == "Image":
            _inlines(para, parent, c[1], fmt)  # its description: the form holds no pictures
        elif kind in ("Math", "RawInline"):
            _run(parent, c[1], fmt)
        elif kind == "Cite":
            _inlines(para, parent, c[1], fmt)


def _properties(fmt: _Format) -> Any:
    rpr = OxmlElement("w:rPr")
    if fmt.code:
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), "Courier New")
        rpr.append(fonts)
    for on, tag in ((fmt.bold, "w:b"), (fmt.italic, "w:i"), (fmt.strike, "w:strike")):
        if on:
            rpr.append(OxmlElement(tag))
    if fmt.underline:
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        rpr.append(u)
    if fmt.script:
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), fmt.script)
        rpr.append(va)
    return rpr


def _run(parent: Any, text: str, fmt: _Format, style: str | None = None) -> None:
    run = OxmlElement("w:r")
    rpr = _properties(fmt)
    if style:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), style)
        rpr.insert(0, rstyle)
    if len(rpr):
        run.append(rpr)
    last = parent[-1] if len(parent) else None
    if last is not None and last.tag == qn("w:r") and _same(last, run):
        t = last.find(qn("w:t"))  # pandoc gives a word at a time: one run per formatting
        if t is not None and last[-1] is t:
            t.text = (t.text or "") + text
            return
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    parent.append(run)


def _same(run: Any, new: Any) -> bool:
    from lxml import etree

    old, fresh = run.find(qn("w:rPr")), new.find(qn("w:rPr"))
    if old is None or fresh is None:
        return old is None and fresh is None
    return bool(etree.tostring(old) == etree.tostring(fresh))


def _break(fmt: _Format) -> Any:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


def _link(para: Paragraph, parent: Any, inlines: list[Block], url: str, fmt: _Format) -> None:
    if not url.startswith(("http://", "https://", "mailto:")):
        _inlines(para, parent, inlines, fmt)  # a link to a file: its words only
        return
    rid = para.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    parent.append(link)
    inner = Paragraph(link, para._parent)
    for inline in inlines:
        if inline["t"] == "Str":
            _run(link, inline["c"], fmt, "Hyperlink")
        else:
            _inlines(inner, link, [inline], fmt)


def _content(node: dict[str, Any]) -> Any:
    return node.get("c")
