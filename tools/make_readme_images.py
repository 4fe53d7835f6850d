"""Page images for the README: the Annex 3 grid as Word and as the PDF show it, and the
first page of the self-evaluation form sent to schools (examples/brookfield-school).

Renders examples/riverside-primary's review, lays the Word file out with LibreOffice
(as a school opening it would see it), and writes the first landscape page of each to
docs/images/. Needs LibreOffice (`soffice`) and poppler (`pdftoppm`); run it after a
change to the report's layout:  .venv/bin/python tools/make_readme_images.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "riverside-primary"
FORM_EXAMPLE = ROOT / "examples" / "brookfield-school"
OUT = ROOT / "docs" / "images"
DPI = "70"


def first_landscape_page(pdf: Path) -> int:
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        box = page.mediabox
        if box.width > box.height:
            return number
    raise SystemExit(f"{pdf.name} has no landscape page: is the Annex 3 grid still landscape?")


def page_image(pdf: Path, target: Path, number: str | None = None) -> None:
    number = number or str(first_landscape_page(pdf))
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", DPI, "-f", number, "-l", number, "-png", "-singlefile", pdf, stem],
        check=True,
    )
    print(f"wrote {target.relative_to(ROOT)} (page {number} of {pdf.name})")


def to_pdf(document: Path, work: Path, folder: str) -> Path:
    """``document`` laid out by LibreOffice, as a school opening it would see it."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            work / folder,
            document,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return work / folder / document.with_suffix(".pdf").name


def main() -> None:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install libreoffice-writer-nogui poppler-utils")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sendreview = Path(sys.executable).parent / "sendreview"
        subprocess.run(
            [sendreview, "report", EXAMPLE, "--format", "docx,pdf", "-o", work],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        docx = next(work.glob("*.docx"))
        page_image(to_pdf(docx, work, "word"), OUT / "annex-3-word.png")
        page_image(docx.with_suffix(".pdf"), OUT / "annex-3-pdf.png")
        form = work / "form" / "self-evaluation-form.docx"
        subprocess.run(
            [sendreview, "form", FORM_EXAMPLE, "-o", form], check=True, stdout=subprocess.DEVNULL
        )
        page_image(to_pdf(form, work, "form-pdf"), OUT / "self-evaluation-form.png", "1")


if __name__ == "__main__":
    main()
