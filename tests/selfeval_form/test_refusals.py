"""Every file `import self-evaluation` refuses, with the message a SENCO reads; nothing
is written when it refuses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.conftest import RIVERSIDE, Invoke, copy_workspace
from tests.selfeval_form.documents import bullets, fill, zip_of


@pytest.fixture
def form(cli: Invoke, blank_riverside: Path, tmp_path: Path) -> bytes:
    result = cli("form", str(blank_riverside), "-o", str(tmp_path / "form.docx"))
    assert result.exit_code == 0, result.output
    return (tmp_path / "form.docx").read_bytes()


def _refused(cli: Invoke, folder: Path, data: bytes | None, name: str = "form.docx") -> str:
    path = folder.parent / name
    if data is not None:
        path.write_bytes(data)
    before = (folder / "self-evaluation.yaml").read_bytes()
    result = cli("import", "self-evaluation", str(path), str(folder))
    assert result.exit_code == 1, result.output
    assert (folder / "self-evaluation.yaml").read_bytes() == before
    return " ".join(result.output.split())


def test_not_a_word_file(cli: Invoke, blank_riverside: Path) -> None:
    out = _refused(cli, blank_riverside, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "form.pdf")
    assert "form.pdf is not a Word (.docx) or OpenDocument (.odt) file" in out
    out = _refused(cli, blank_riverside, zip_of({"readme.txt": b"hello"}))
    assert "is not a Word (.docx) or OpenDocument (.odt) file" in out


def test_password_protected(cli: Invoke, blank_riverside: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    out = _refused(cli, blank_riverside, ole)
    assert "is password-protected or an old Word (.doc) file" in out
    assert "remove the password" in out


def test_corrupt(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    out = _refused(cli, blank_riverside, form[: len(form) // 2])
    assert "is not a Word (.docx) or OpenDocument (.odt) file" in out
    broken = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"})
    out = _refused(cli, blank_riverside, broken)
    assert "form.docx is damaged and cannot be read" in out


def test_empty(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    out = _refused(cli, blank_riverside, form)
    assert "form.docx has no answers in it" in out
    out = _refused(cli, blank_riverside, b"")
    assert "is empty (0 bytes)" in out


def test_the_other_framework(
    cli: Invoke, blank_brookfield: Path, form: bytes, tmp_path: Path
) -> None:
    filled = fill(form, {"leadership:strengths": bullets("Vision")})
    out = _refused(cli, blank_brookfield, filled)
    assert "is the form for annex-1 (School Visit/Self-Evaluation Template)" in out
    assert "but this review uses annex-2 (Special School, PRU, AP, ARP" in out


def test_another_review(cli: Invoke, form: bytes, tmp_path: Path) -> None:
    other = copy_workspace(RIVERSIDE, tmp_path / "oak-lane")
    filled = fill(form, {"leadership:strengths": bullets("Vision")})
    out = _refused(cli, other, filled)
    assert (
        "is the form of the review 'riverside-primary' (Riverside Primary School), "
        "not of this review 'oak-lane' (Riverside Primary School)" in out
    )


def test_too_large(cli: Invoke, blank_riverside: Path) -> None:
    path = blank_riverside.parent / "huge.docx"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # sparse: 50 MB that take no room on disk
    out = _refused(cli, blank_riverside, None, "huge.docx")
    assert "huge.docx is larger than 20 MB, too large for a self-evaluation form" in out


def test_zip_bombs(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    expanding = zip_of({"word/document.xml": b" " * 30_000_000})  # 30 MB from ~30 kB
    out = _refused(cli, blank_riverside, expanding)
    assert "is not a normal form: 'word/document.xml' expands 200 times or more" in out
    many = zip_of({f"word/media/{i}.png": b"x" for i in range(1_001)})
    out = _refused(cli, blank_riverside, many)
    assert "is not a normal form: it holds 1,001 files" in out


def test_a_size_that_lies(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    """An entry whose central directory claims fewer bytes than it holds."""
    source = zipfile.ZipFile(io.BytesIO(form))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in source.infolist():
            copy.writestr(info.filename, source.read(info.filename))
    raw = bytearray(out.getvalue())
    document = source.read("word/document.xml")
    name = b"word/document.xml"
    at = raw.index(name, raw.index(name) + 1) - 46  # the entry's central record
    raw[at + 24 : at + 28] = (len(document) // 2).to_bytes(4, "little")  # uncompressed size
    out_text = _refused(cli, blank_riverside, bytes(raw))
    assert "is damaged and cannot be read" in out_text


def test_macros(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    out = _refused(cli, blank_riverside, form, "form.docm")
    assert "form.docm contains macros, and sendreview does not open files with macros" in out
    source = zipfile.ZipFile(io.BytesIO(form))
    entries = {n: source.read(n) for n in source.namelist()}
    entries["word/vbaProject.bin"] = b"\x00" * 64
    out = _refused(cli, blank_riverside, zip_of(entries))
    assert "contains macros" in out and "Word Document (*.docx)" in out


def test_answers_that_would_not_validate(cli: Invoke, blank_riverside: Path, form: bytes) -> None:
    filled = fill(form, {"leadership:strengths": bullets("word " * 5_000)})
    out = _refused(cli, blank_riverside, filled)
    assert "would make self-evaluation.yaml invalid; nothing was written" in out


def test_a_missing_file(cli: Invoke, blank_riverside: Path) -> None:
    out = _refused(cli, blank_riverside, None, "nowhere.docx")
    assert "nowhere.docx: cannot be read: No such file or directory" in out
    assert not (blank_riverside.parent / "nowhere.docx").exists()
