"""Opening a completed form safely: the checks a Word or ODT file passes before anything
parses it.

A .docx or .odt is a zip. A zip can claim one size and hold another, expand a
thousandfold (a "zip bomb"), hold macros, or be a password-protected Office file (which
is not a zip at all, but an OLE compound file). Everything here is decided from the
file's first bytes and the zip's central directory, then bounded again while reading,
so a hostile file costs at most ``MAX_TOTAL`` bytes of memory and no more time than
reading that much.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from sendreview import safefile
from sendreview.errors import SendreviewError

MAX_FILE = 20_000_000  # a form of 16 areas is ~40 kB; with pasted photos a few MB
MAX_ENTRIES = 1_000
MAX_TOTAL = 100_000_000  # uncompressed, all entries together
MAX_RATIO = 200  # XML compresses ~10x; a bomb 1000x or more

DOCX_MAIN = "word/document.xml"
ODT_MAIN = "content.xml"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files and old .doc files
_MACRO_TYPES = ("macroEnabled", "vbaProject", "vbaData")


class BadForm(SendreviewError):
    """A file that is not a form sendreview can read, explained."""


@dataclass
class Package:
    """The parts of a form's zip that were asked for, read within bounds."""

    display: str
    kind: str  # "docx" or "odt"
    zip: zipfile.ZipFile

    def read(self, name: str) -> bytes | None:
        """One part, or None when the file has no such part."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        try:
            with self.zip.open(info) as part:
                # the central directory's size was checked; a lying entry is caught here
                data = part.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as e:
            raise _corrupt(self.display) from e
        if len(data) > info.file_size:
            raise _corrupt(self.display)
        return data

    def names(self) -> list[str]:
        return self.zip.namelist()


def _corrupt(display: str) -> BadForm:
    return BadForm(
        f"{display} is damaged and cannot be read",
        "open it in Word or LibreOffice, save it again as a Word document (.docx), and "
        "import the saved copy",
    )


def open_form(path: Path, display: str) -> Package:
    """The form at ``path``, checked: a docx or odt, not too large, not a zip bomb, no
    macros, not password-protected. Raises ``BadForm`` with what to do otherwise."""
    if path.suffix.lower() in (".docm", ".dotm"):
        raise _macros(display)
    try:
        raw = safefile.read_bytes(path, MAX_FILE)
    except safefile.Refused as refused:
        if refused.reason == safefile.TOO_LARGE:
            raise BadForm(
                f"{display} is larger than {MAX_FILE // 1_000_000} MB, too large for a "
                "self-evaluation form",
                "remove pasted pictures or documents from the form, save it, and import it again",
            ) from refused
        raise BadForm(f"{display}: {refused.message}", refused.hint) from refused
    if raw.startswith(_OLE):
        raise BadForm(
            f"{display} is password-protected or an old Word (.doc) file, so it cannot be read",
            "open it in Word, remove the password (File > Info > Protect Document) or save "
            "it as a Word document (.docx), and import that copy",
        )
    if not raw:
        raise BadForm(f"{display} is empty (0 bytes)", "ask the school to send the form again")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise _not_a_form(display) from e
    _check_bounds(infos, display)
    names = {info.filename for info in infos}
    if DOCX_MAIN in names:
        package = Package(display, "docx", archive)
        _check_macros(package)
    elif ODT_MAIN in names:
        package = Package(display, "odt", archive)
        if any(n.lower().startswith("basic/") for n in names):
            raise _macros(display)
    else:
        raise _not_a_form(display)
    return package


def _check_bounds(infos: list[zipfile.ZipInfo], display: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _bomb(display, f"it holds {len(infos):,} files")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise _bomb(display, f"it would expand to {total // 1_000_000:,} MB")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(display, f"'{info.filename}' expands {MAX_RATIO} times or more")
        if info.flag_bits & 0x1:
            raise BadForm(
                f"{display} is password-protected, so it cannot be read",
                "remove the password in Word or LibreOffice, save it, and import that copy",
            )


def _check_macros(package: Package) -> None:
    if any(n.lower().endswith(("vbaproject.bin", "vbadata.xml")) for n in package.names()):
        raise _macros(package.display)
    types = package.read("[Content_Types].xml") or b""
    if any(kind.encode() in types for kind in _MACRO_TYPES):
        raise _macros(package.display)


def _macros(display: str) -> BadForm:
    return BadForm(
        f"{display} contains macros, and sendreview does not open files with macros",
        "in Word, choose File > Save As, pick 'Word Document (*.docx)', and import that copy",
    )


def _bomb(display: str, why: str) -> BadForm:
    return BadForm(
        f"{display} is not a normal form: {why}",
        "this is not what Word or LibreOffice write; ask the school to save the form again "
        "as a Word document and send that",
    )


def _not_a_form(display: str) -> BadForm:
    return BadForm(
        f"{display} is not a Word (.docx) or OpenDocument (.odt) file",
        "ask the school for the form as a Word document; a PDF or a .doc cannot be read back",
    )
