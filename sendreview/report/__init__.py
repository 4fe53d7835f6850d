"""``sendreview report``: a validated review → Markdown (Jinja) → docx, pdf, html, odt, md.

Pipeline: workspace → view model (views.py) → Jinja template (markdown.py) →
pandoc / Typst (convert.py) → files written atomically beside a record of what
sendreview wrote (outputs.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendreview.diagnostics import Diagnostic
from sendreview.errors import SendreviewError, UsageError
from sendreview.report.convert import FORMATS, Style, to_file

KINDS = ("review", "self-evaluation", "follow-up")
SCRATCH = "sendreview-work-"  # prefix of working folders in the system's temporary folder
_LEGACY = re.compile(r"^sendreview-[a-z0-9_]{8}$")  # those of earlier versions, unlocked
_LOCK = ".sendreview-lock"
_ORPHAN_SECONDS = 3600  # a working folder without a lock file, older than this, is left over


def _lock(folder: Path) -> Any:
    """An open file holding an exclusive lock, named ``_LOCK`` in ``folder`` only once
    locked; the operating system releases it when the process ends, however it ends."""
    import fcntl

    fd, name = tempfile.mkstemp(dir=folder, prefix=".lock-")
    fcntl.flock(fd, fcntl.LOCK_EX)
    Path(name).rename(folder / _LOCK)
    return fd


def clean_stale(base: Path | None = None) -> list[Path]:
    """Remove working folders of runs that ended without removing them (killed, or the
    machine stopped): their lock is free. Folders of runs still going keep their lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no stale check, folders stay
        return []
    removed = []
    base = base or Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(base))
    except OSError:
        return []
    for entry in entries:
        legacy = bool(_LEGACY.match(entry.name))
        if not (legacy or entry.name.startswith(SCRATCH)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or info.st_uid != os.getuid():
                continue
            folder = Path(entry.path)
            try:
                fd = os.open(folder / _LOCK, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except FileNotFoundError:  # an older sendreview's, or one being set up now
                if legacy and time.time() - info.st_mtime > _ORPHAN_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a run still going
            finally:
                os.close(fd)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A working folder of this run's own in the system's temporary folder, removed at the
    end; one left by a killed run is removed by the next run (``clean_stale``)."""
    clean_stale()
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH))
    fd = None
    try:
        with contextlib.suppress(ImportError):
            fd = _lock(folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if fd is not None:
            os.close(fd)


@dataclass
class Rendered:
    paths: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


def parse_formats(values: list[str]) -> list[str]:
    """``--format docx --format pdf`` or ``--format docx,pdf``, in the order given."""
    out: list[str] = []
    for value in values:
        for fmt in value.replace(" ", ",").split(","):
            fmt = fmt.strip().lower()
            if not fmt:
                continue
            if fmt not in FORMATS:
                raise UsageError(
                    f"'{fmt}' is not a report format", f"choose from: {', '.join(FORMATS)}"
                )
            if fmt not in out:
                out.append(fmt)
    if not out:
        raise UsageError(
            "no report format given", f"add --format with one of: {', '.join(FORMATS)}"
        )
    return out


def _reference(kind: str, given: Path | None, workspace: Path) -> Path | None:
    for candidate in (given, workspace / "templates" / f"reference.{kind}"):
        if candidate is not None:
            if candidate.is_file():
                return candidate
            if candidate is given:
                raise SendreviewError(f"the reference document '{given}' does not exist")
    from sendreview.resources import data_dir

    built_in = data_dir("templates") / "report" / f"reference.{kind}"
    return built_in if built_in.is_file() else None


def render_report(
    folder: str | Path,
    formats: list[str],
    *,
    kind: str = "review",
    output: Path | None = None,
    templates: Path | None = None,
    reference_doc: Path | None = None,
    force: bool = False,
    visit: date | None = None,
) -> Rendered:
    from sendreview.api import require_review
    from sendreview.paths import display_root
    from sendreview.report import cache, markdown, outputs

    if kind not in KINDS:
        raise UsageError(f"'{kind}' is not a kind of report", f"choose from: {', '.join(KINDS)}")
    if kind != "follow-up" and visit is not None:
        raise UsageError("--visit is only for follow-up reports", "add --kind follow-up")
    if templates is not None and not templates.is_dir():
        raise SendreviewError(f"the templates folder '{templates}' does not exist")
    formats = parse_formats(formats)
    root = require_review(folder)
    folders = markdown.search_path(root, templates)
    wanted = cache.key(root, folders, kind, visit, display_root(root))
    entry = cache.load(root, kind, visit, wanted)
    if entry is None:
        entry = _render_markdown(root, kind, visit, folders)
        cache.store(root, kind, visit, wanted, entry)
    meta = entry.meta
    targets = outputs.plan(root, f"{outputs.slug(meta['school'])}-{meta['stem']}", formats, output)
    outputs.check(list(targets.values()), force)
    docx_ref = _reference("docx", reference_doc, root)
    assert docx_ref is not None, "the built-in reference.docx is part of sendreview"
    with scratch() as work:
        images = work / "images" if entry.images else None
        for name, data in entry.images.items():
            (work / "images").mkdir(exist_ok=True)
            (work / "images" / name).write_bytes(data)
        style = Style(
            title=meta["title"],
            subtitle=meta["subtitle"],
            date=meta["date"],
            draft=meta["draft"],
            reference_docx=docx_ref,
            reference_odt=_reference("odt", None, root),
            stamp=date.fromisoformat(meta["stamp"]),
            resources=images,
            toc=meta["toc"],
            own_templates=tuple(folders[:-1]),
        )
        produced = {fmt: work / f"report.{fmt}" for fmt in targets}
        # each conversion is a child process (pandoc, Typst): the threads only wait
        with ThreadPoolExecutor(max_workers=len(targets)) as pool:
            for future in [
                pool.submit(to_file, entry.markdown, fmt, style, produced[fmt]) for fmt in targets
            ]:
                future.result()
        for fmt, path in targets.items():
            outputs.publish(produced[fmt].read_bytes(), path)
    return Rendered(list(targets.values()), entry.warnings)


def _render_markdown(root: Path, kind: str, visit: date | None, folders: list[Path]) -> Any:
    """Check the review and turn it into Markdown (with any images it needs)."""
    from sendreview.api import load_review
    from sendreview.report import markdown
    from sendreview.report.cache import Entry
    from sendreview.report.documents import document

    ws = load_review(root)
    with scratch() as tmp:
        doc = document(ws, kind, visit, tmp)
        text = markdown.render(f"{kind}.md.j2", folders, v=doc.view)
        images = (
            {p.name: p.read_bytes() for p in sorted(doc.resources.iterdir())}
            if doc.resources
            else {}
        )
    meta = {
        "school": doc.school,
        "stem": doc.stem,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "date": doc.date,
        "draft": doc.draft,
        "stamp": doc.stamp.isoformat(),
        "toc": doc.toc,
    }
    outside = [ws.framework_path.resolve()] if ws.framework_path else []
    return Entry(text, meta, [d for d in ws.diagnostics if not d.is_error], images, outside)
