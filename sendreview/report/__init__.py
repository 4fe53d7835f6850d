"""``sendreview report``: a validated review → Markdown (Jinja) → docx, pdf, html, odt, md.

Pipeline: workspace → view model (views.py, source.py) → Jinja templates in a sandbox
(templating.py, sandbox.py; escaping in markdown.py) → pandoc / Typst (convert.py) →
files written atomically beside a record of what sendreview wrote (outputs.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sendreview.diagnostics import Diagnostic, Severity
from sendreview.errors import SendreviewError, UsageError
from sendreview.report import scratch
from sendreview.report.convert import FORMATS, Style, to_file
from sendreview.report.source import Prepared, TitlePage

KINDS = ("review", "self-evaluation", "follow-up")


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
    """The reference document for ``kind`` (docx, odt): the one given with
    ``--reference-doc`` (anywhere: the user chose it, but a plain file), else the review's
    own ``templates/reference.<kind>`` (a plain file really inside the review, of at most
    20 MB), else sendreview's built-in one."""
    import os

    from sendreview import safefile
    from sendreview.errors import from_os_error
    from sendreview.resources import data_dir

    limit = 20_000_000
    if given is not None:
        try:
            what = safefile.kind(given.stat().st_mode)
        except FileNotFoundError as e:
            raise SendreviewError(
                f"the reference document '{given}' does not exist",
                "check the file name given to --reference-doc",
            ) from e
        except OSError as e:  # a circle of links, no permission…
            raise from_os_error(e) from e
        except ValueError as e:  # a NUL in the name
            raise SendreviewError(
                f"the reference document '{given!r}' cannot be a file name",
                "check the file name given to --reference-doc",
            ) from e
        if what is not None:
            raise SendreviewError(
                f"the reference document '{given}' is {what}, not a file",
                "give --reference-doc a Word document (.docx) whose styles the report should use",
            )
        return given
    own = workspace / "templates" / f"reference.{kind}"
    if os.path.lexists(own):
        try:  # read once, as every file of a review is: no pipe, device or link outside
            safefile.read_bytes(own, limit, root=workspace)
        except safefile.Refused as e:
            hint = (
                "a reference document holds only styles and is usually well under 1 MB: "
                "check this is the right file"
                if e.reason == safefile.TOO_LARGE
                else e.hint
            )
            raise SendreviewError(
                f"the review's reference document '{own}' is not used: {e.message}", hint
            ) from e
        return Path(os.path.realpath(own))
    built_in = data_dir("templates") / "report" / f"reference.{kind}"
    return built_in if built_in.is_file() else None


def check_request(kind: str, visit: date | None, templates: Path | None) -> None:
    """Refuse a request no review could satisfy, before any review is read."""
    if kind not in KINDS:
        raise UsageError(f"'{kind}' is not a kind of report", f"choose from: {', '.join(KINDS)}")
    if kind != "follow-up" and visit is not None:
        raise UsageError("--visit is only for follow-up reports", "add --kind follow-up")
    if templates is not None and not templates.is_dir():
        raise SendreviewError(f"the templates folder '{templates}' does not exist")


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
    comparison: bool | None = None,
    allow_personal_data: bool = False,
) -> Rendered:
    from sendreview.api import require_review
    from sendreview.report import cache, outputs, templating

    check_request(kind, visit, templates)
    formats = parse_formats(formats)
    root = require_review(folder)
    folders = templating.search_path(root, templates)
    prepared, wanted = _source(root, kind, visit, folders, comparison)
    if not allow_personal_data:
        refuse_personal_data(prepared.warnings)
    page = prepared.page
    targets = outputs.plan(root, file_stem(page), formats, output)
    outputs.check(list(targets.values()), force)
    docx_ref = _reference("docx", reference_doc, root)
    assert docx_ref is not None, "the built-in reference.docx is part of sendreview"
    with scratch.folder() as work:
        images = work / "images" if prepared.images else None
        for name, data in prepared.images:
            (work / "images").mkdir(exist_ok=True)
            (work / "images" / name).write_bytes(data)
        style = Style(
            page=page,
            reference_docx=docx_ref,
            reference_odt=_reference("odt", None, root),
            resources=images,
            own_templates=tuple(folders[:-1]),
            attachments=_attachments_base(root, targets.get("html")),
        )
        produced = {fmt: work / f"report.{fmt}" for fmt in targets}
        # each conversion is a child process (pandoc, Typst): the threads only wait
        with ThreadPoolExecutor(max_workers=len(targets)) as pool:
            futures = [
                pool.submit(to_file, prepared.markdown, fmt, style, produced[fmt])
                for fmt in targets
            ]
            if wanted is not None:  # written while pandoc runs, not before it starts
                cache.store(root, kind, visit, wanted, prepared)
            for future in futures:
                future.result()
        for fmt, path in targets.items():
            outputs.publish(produced[fmt].read_bytes(), path, force=force)
    # information (a finding resting on one method) is validate's and status's to show:
    # a report run shows the warnings only
    warned = [d for d in prepared.warnings if d.severity is not Severity.INFO]
    return Rendered(list(targets.values()), warned)


def refuse_personal_data(diagnostics: Iterable[Diagnostic]) -> None:
    """A report goes to the school, the trust, the local authority: it must not carry
    what identifies a child, unless the user says it may (or turned the check off)."""
    from sendreview.privacy import CODES  # not validation's: a reused rendering loads no YAML

    found = [d for d in diagnostics if d.code in CODES.values()]
    if not found:
        return
    where = "\n".join(f"  {d.path}:{d.line or 0}: {d.message}" for d in found[:20])
    more = f"\n  … and {len(found) - 20} more" if len(found) > 20 else ""
    raise SendreviewError(
        f"no report written: the review holds what identifies a child, which the report "
        f"would carry:\n{where}{more}",
        "take it out of the text ('Pupil A' for a name), and run 'sendreview validate' to "
        "check; or, if the report may carry it, add --allow-personal-data; or turn the "
        "check off in review.yaml's checks_off, with the reason",
    )


def file_stem(page: TitlePage) -> str:
    """A report's file name without its extension: the school, then the kind of report."""
    from sendreview.report import outputs

    return f"{outputs.slug(page.school)}-{page.stem}"


def _source(
    root: Path,
    kind: str,
    visit: date | None,
    folders: list[Path],
    comparison: bool | None = None,
) -> tuple[Prepared, str | None]:
    """The review's Markdown and title page, from the record of its last rendering if it
    still matches; else made afresh, with the key to record it under (None: recorded, or
    nothing can be recorded)."""
    from sendreview.paths import display_root
    from sendreview.report import cache

    wanted = cache.key(root, folders, kind, visit, display_root(root), f"comparison={comparison}")
    prepared = cache.load(root, kind, visit, wanted)
    if prepared is not None:
        return prepared, None
    return prepare(root, kind, visit, folders, comparison), wanted


def report_stem(
    folder: str | Path,
    *,
    kind: str = "review",
    templates: Path | None = None,
    visit: date | None = None,
    comparison: bool | None = None,
) -> str:
    """The name (without extension) ``render_report`` would give this review's report.

    The review is checked and templated for it, and the result recorded as a rendering
    records it, so rendering it next costs only the conversion.
    """
    from sendreview.api import require_review
    from sendreview.report import cache, templating

    root = require_review(folder)
    folders = templating.search_path(root, templates)
    prepared, wanted = _source(root, kind, visit, folders, comparison)
    if wanted is not None:
        cache.store(root, kind, visit, wanted, prepared)
    return file_stem(prepared.page)


def _attachments_base(root: Path, html: Path | None) -> str:
    """The review folder seen from the HTML report's folder, for links to attachments."""
    if html is None:
        return ""
    import os
    from urllib.parse import quote

    try:
        relative = os.path.relpath(root.resolve(), html.parent.resolve())
    except ValueError:  # on another drive (Windows): the names alone, as in other formats
        return ""
    return quote(Path(relative).as_posix().rstrip("/") + "/")


def prepare(
    root: Path,
    kind: str,
    visit: date | None,
    folders: list[Path],
    comparison: bool | None = None,
) -> Prepared:
    """Check the review and turn it into Markdown, with its title page and images.

    ``comparison``: whether a review report has the section comparing the school's
    self-evaluation with the findings (None: only when the report is final)."""
    from sendreview import national
    from sendreview.api import load_review
    from sendreview.report import templating
    from sendreview.report.documents import document

    ws = load_review(root)
    with scratch.folder() as tmp:
        doc = document(ws, kind, visit, tmp, comparison)
        text = templating.render(f"{kind}.md.j2", folders, v=doc.view)
        images = (
            tuple((p.name, p.read_bytes()) for p in sorted(doc.resources.iterdir()))
            if doc.resources
            else ()
        )
    return Prepared(
        markdown=text,
        page=doc.page,
        warnings=tuple(d for d in ws.diagnostics if not d.is_error),
        images=images,
        # files outside the review that the report shows: a changed one makes a new report
        inputs=tuple(
            p.resolve() for p in (ws.framework_path, national.find_file(ws.root)) if p is not None
        ),
    )
