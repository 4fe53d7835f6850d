"""`sendreview form`: what the school receives, read as Word and LibreOffice read it."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from sendreview import frameworks
from tests.conftest import Invoke
from tests.selfeval_form.documents import W

FIELDS = ("strengths", "areas_for_development")


def _tags(document: docx.document.Document) -> dict[str, str]:
    """Each content control's tag and its text."""
    found = {}
    for sdt in document.element.body.iter(f"{W}sdt"):
        tag = sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
        found[tag] = "".join(t.text or "" for t in sdt.find(f"{W}sdtContent").iter(f"{W}t"))
    return found


def test_the_form_has_a_tagged_box_for_every_answer(
    cli: Invoke, brookfield: Path, tmp_path: Path
) -> None:
    result = cli("form", str(brookfield))
    assert result.exit_code == 0, result.output
    path = brookfield / "build" / "brookfield-school-self-evaluation-form.docx"
    assert f"wrote {path}" in " ".join(result.output.split())
    document = docx.Document(str(path))
    tags = _tags(document)
    framework = frameworks.builtin("annex-2")
    want = ["sendreview:context"]
    want += [f"sendreview:{a.id}:{f}" for a in framework.areas for f in FIELDS]
    assert list(tags) == want
    assert tags["sendreview:leadership:strengths"].startswith('Our vision, "learning for life"')
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Context of the school"] + [a.title for a in framework.areas]
    themes = [p.text for p in document.paragraphs if p.style.name == "Theme"]
    assert themes == [t.text for a in framework.areas for t in a.themes]
    properties = zipfile.ZipFile(path).read("docProps/custom.xml").decode()
    for value in ("brookfield-school", "annex-2", "Brookfield School"):
        assert f"<vt:lpwstr>{value}</vt:lpwstr>" in properties

    # a form as sendreview wrote it is simply written again; one the school has filled
    # in and saved there is kept unless --force
    assert cli("form", str(brookfield)).exit_code == 0
    path.write_bytes(path.read_bytes() + b"\0")
    again = cli("form", str(brookfield))
    assert again.exit_code == 1 and "has been changed since sendreview wrote it" in again.output
    assert "--force" in again.output
    assert cli("form", str(brookfield), "--force").exit_code == 0

    wrong = cli("form", str(brookfield), "-o", str(path.with_suffix(".pdf")))
    assert wrong.exit_code == 2 and "does not end in .docx, but a docx form" in wrong.output
    folder = path.parent / "forms"  # a new folder: a name without a suffix is one
    assert cli("form", str(brookfield), "-o", str(folder)).exit_code == 0
    assert (folder / path.name).is_file()


def test_a_blank_form_shows_what_to_write(
    cli: Invoke, blank_riverside: Path, tmp_path: Path
) -> None:
    target = tmp_path / "blank.docx"
    assert cli("form", str(blank_riverside), "-o", str(target)).exit_code == 0
    document = docx.Document(str(target))
    tags = _tags(document)
    assert tags["sendreview:context"] == "Write about your school here."
    assert tags["sendreview:outcomes:strengths"] == "Write each strength as a bullet point."
    placeholders = document.element.body.findall(f".//{W}showingPlcHdr")
    assert len(placeholders) == len(tags)


def test_libreoffice_opens_it(cli: Invoke, brookfield: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    for fmt in ("docx", "odt"):
        target = tmp_path / f"form.{fmt}"
        assert cli("form", str(brookfield), "-f", fmt, "-o", str(target)).exit_code == 0
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / fmt),
                str(target),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = PdfReader(io.BytesIO((tmp_path / fmt / "form.pdf").read_bytes()))
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
        assert 3 <= len(pdf.pages) <= 8, fmt
        for area in frameworks.builtin("annex-2").areas:
            assert area.title in text, (fmt, area.title)
        assert "Work experience outside school is limited to students on the formal" in text


def test_no_form_from_answers_with_errors(cli: Invoke, brookfield: Path) -> None:
    path = brookfield / "self-evaluation.yaml"
    path.write_text(path.read_text("utf-8").replace("areas:\n", "areas:\n  nowhere: 1\n"))
    result = cli("form", str(brookfield))
    assert result.exit_code == 1
    assert "self-evaluation.yaml has errors; fix them, then make the form" in result.output
    assert not (brookfield / "build").exists()
