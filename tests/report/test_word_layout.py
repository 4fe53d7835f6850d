"""The Word and ODT reports, laid out: no word in them is broken across two lines.

Issue 8, items 2 and 5: narrow fixed columns of the Word tables ("All recommendations",
the evidence log) split words mid-word when laid out ("Headteach|er", "Priorit|y"); the
ODT tables did the same ("communicati|on"). LibreOffice lays out each docx as Word would,
and each odt as its own, and writes a PDF; pdftotext reads where every word of it
landed, cell by cell (a cell's text is a block of lines), and each line break is checked
against the words of the document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import RIVERSIDE
from tests.report.conftest import LAID_OUT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FORMATS = ["docx", "odt"]
# A line may end after these inside a word: the break is the word's own.
BREAK_AFTER = ("-", "‐", "–", "—", "/")


@dataclass(frozen=True)
class Vocabulary:
    """The document's words, and which word follows which (a line break between two words
    that follow each other in the text is an ordinary one)."""

    prefixes: set[str]  # every beginning of every word
    pairs: set[tuple[str, str]]

    @classmethod
    def of(cls, document: Path) -> Vocabulary:
        words: list[str] = []
        for text in _docx_text(document) if document.suffix == ".docx" else _odt_text(document):
            words.extend(text.split())
        prefixes = {w[:i] for w in words for i in range(1, len(w) + 1)}
        return cls(prefixes, set(pairwise(words)))


def _docx_text(docx: Path) -> Iterator[str]:
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    for p in root.iter(f"{W}p"):
        yield "".join(
            (t.text or "") if t.tag == f"{W}t" else " "
            for t in p.iter()
            if t.tag in (f"{W}t", f"{W}tab", f"{W}br")
        )


def _odt_text(odt: Path) -> Iterator[str]:
    """The text of each paragraph and heading. Spaces, tabs and line breaks are elements
    of their own in ODF; a note's paragraphs are paragraphs of their own."""
    with zipfile.ZipFile(odt) as z:
        root = ET.fromstring(z.read("content.xml"))

    def text(el: ET.Element) -> str:
        if el.tag == f"{TEXT}note":
            return " "
        gap = " " if el.tag in (f"{TEXT}s", f"{TEXT}tab", f"{TEXT}line-break") else ""
        return gap + (el.text or "") + "".join(text(c) + (c.tail or "") for c in el)

    for p in root.iter():
        if p.tag in (f"{TEXT}p", f"{TEXT}h"):
            yield text(p)


@dataclass(frozen=True)
class Split:
    page: int
    before: str
    after: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.before!r} | {self.after!r}"


def blocks(xhtml: str) -> Iterator[tuple[int, list[list[str]]]]:
    """(page, the words of each line) for each block of text pdftotext finds; in a table,
    a block is the text of one cell (or one paragraph of it)."""
    root = ET.fromstring(xhtml)
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        for block in page.iter(f"{XHTML}block"):
            lines = [
                [w.text or "" for w in line.iter(f"{XHTML}word")]
                for line in block.iter(f"{XHTML}line")
            ]
            yield number, [line for line in lines if line]


def splits(laid_out: Iterator[tuple[int, list[list[str]]]], vocabulary: Vocabulary) -> list[Split]:
    """Line breaks inside a word: the last word of a line and the first of the next make
    (the start of) one word of the docx, and are not two words that follow each other."""
    found = []
    for page, lines in laid_out:
        for line, following in pairwise(lines):
            before, after = line[-1], following[0]
            if before.endswith(BREAK_AFTER) or (before, after) in vocabulary.pairs:
                continue
            if before + after in vocabulary.prefixes:
                found.append(Split(page, before, after))
    return found


def test_the_check_finds_a_word_broken_across_lines() -> None:
    vocabulary = Vocabulary({"Headteacher"[:i] for i in range(1, 12)} | {"and"}, set())
    laid_out = [(3, [["Owner"], ["Headteach"], ["er", "and"]])]
    assert [str(s) for s in splits(iter(laid_out), vocabulary)] == ["page 3: 'Headteach' | 'er'"]
    hyphen = Vocabulary({"non-negotiables"[:i] for i in range(1, 16)}, set())
    assert not splits(iter([(1, [["non-"], ["negotiables"]])]), hyphen)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("report", LAID_OUT)
def test_no_word_is_broken_across_lines(
    laid_out: dict[str, tuple[Path, str]], report: str, fmt: str
) -> None:
    document, words = laid_out[f"{report}.{fmt}"]
    broken = splits(blocks(words), Vocabulary.of(document))
    assert not broken, "words broken across lines:\n" + "\n".join(map(str, broken))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_check_reads_the_narrow_columns(
    laid_out: dict[str, tuple[Path, str]], fmt: str
) -> None:
    """The measure has something to measure: the recommendations' owners and the evidence
    log's people are found as wrapped cells of several lines, and the document's words
    are read."""
    document, words = laid_out[f"{RIVERSIDE.name}-review.{fmt}"]
    wrapped = [" ".join(w for line in ls for w in line) for _, ls in blocks(words) if len(ls) > 1]
    assert any("with the attendance officer and SENCO" in t for t in wrapped)
    assert any("of governors and SEND governor" in t for t in wrapped)
    vocabulary = Vocabulary.of(document)
    assert "Headteacher" in vocabulary.prefixes
    assert ("attendance", "officer") in vocabulary.pairs
