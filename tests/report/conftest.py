"""Reports of both examples, rendered once for all the report tests."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sendreview.report import render_report
from tests.conftest import BROOKFIELD, RIVERSIDE, copy_workspace

FORMATS = ["docx", "pdf", "html", "odt", "md"]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """'<example>-<kind>.<format>' → the file, for every example, kind and format."""
    out: dict[str, Path] = {}
    base = tmp_path_factory.mktemp("reports")
    for example in (RIVERSIDE, BROOKFIELD):
        ws = copy_workspace(example, base / example.name)
        kinds = ["review", "self-evaluation"] + (["follow-up"] if example is RIVERSIDE else [])
        for kind in kinds:
            result = render_report(ws, FORMATS, kind=kind, output=base / "out")
            for path in result.paths:
                out[f"{example.name}-{kind}.{path.suffix[1:]}"] = path
    return out


# the reviews and the follow-up, laid out by LibreOffice from their Word and ODT files
LAID_OUT = [f"{RIVERSIDE.name}-review", f"{BROOKFIELD.name}-review", f"{RIVERSIDE.name}-follow-up"]


@pytest.fixture(scope="session")
def laid_out(
    rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, str]]:
    """'<example>-<kind>.<docx|odt>' (for LAID_OUT) → (the file, pdftotext's words with
    their places in the PDF that LibreOffice lays out from it). One LibreOffice run per
    format, shared by the layout tests; they skip, saying what to install, without it."""
    import shutil
    import subprocess

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip(
            "LibreOffice (soffice) or pdftotext is missing; install Debian packages "
            "libreoffice-writer-nogui and poppler-utils to run the Word and ODT layout tests"
        )
    base = tmp_path_factory.mktemp("laid-out")
    # its own profile, so runs side by side (and a user's open LibreOffice) don't clash
    profile = f"-env:UserInstallation={(base / 'profile').as_uri()}"
    out = {}
    for fmt in ("docx", "odt"):
        documents = {f"{report}.{fmt}": rendered[f"{report}.{fmt}"] for report in LAID_OUT}
        outdir = base / fmt  # a docx and an odt of one report make PDFs of one name
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir)]
            + [str(d) for d in documents.values()],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for key, path in documents.items():
            pdf = outdir / path.with_suffix(".pdf").name
            assert pdf.is_file(), f"LibreOffice wrote no PDF for {path.name}"
            words = subprocess.run(
                [pdftotext, "-bbox-layout", str(pdf), "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            out[key] = (path, words)
    return out


def docx_xml(path: Path, member: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode("utf-8")


class Html(HTMLParser):
    """Just enough of an HTML tree for checks: tags with attributes, and text by tag."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "img", "br", "col", "hr", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((tuple(self.stack), " ".join(data.split())))

    def text_in(self, tag: str) -> list[str]:
        return [t for stack, t in self.texts if stack and stack[-1] == tag]
