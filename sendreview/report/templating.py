"""Jinja → Markdown: the report templates, their lookup order, their sandbox and budget.

Templates are looked up in the workspace's own ``templates/`` folder, then in
``--templates DIR``, then in sendreview's built-in ``templates/report``, so an
organisation can override any one file by name. Only plain files inside those
folders are read: a link leading out of a folder is refused. Escaping is
``markdown.py``'s.

Budgets: a template gets TEMPLATE_SECONDS and TEMPLATE_CHARS of output; loops, calls
and operators are counted against them, so a runaway template stops with the name
and line of the template instead of hanging.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from traceback import walk_tb
from typing import Any

from sendreview import safefile
from sendreview.errors import SendreviewError, from_os_error
from sendreview.report.markdown import finalize, markdown
from sendreview.report.sandbox import (
    BUDGET,
    GUARD_ITER,
    GUARD_SIZE,
    Budget,
    Exceeded,
    bounded_range,
    environment_class,
    guard_filter,
    guard_iter,
    guard_size,
)
from sendreview.resources import data_dir

TEMPLATE_SECONDS = 10.0
TEMPLATE_CHARS = 5_000_000
TEMPLATE_BYTES = 1_000_000  # the largest template file read


def search_path(workspace: Path | None, extra: Path | None) -> list[Path]:
    """The folders templates are looked up in, first to last: the review's own
    ``templates/`` (which must really be inside the review), ``extra`` (an organisation's
    folder, given with ``--templates``: anywhere, the user chose it), the built-in one."""
    folders = []
    if workspace is not None:
        own = _review_templates(workspace)
        if own is not None:
            folders.append(own)
    if extra is not None:
        folders.append(extra)
    folders.append(_built_in())
    return folders


def _built_in() -> Path:
    return data_dir("templates") / "report"


def _review_templates(workspace: Path) -> Path | None:
    """The review's ``templates/`` folder, if it has one that is really inside the review.

    A link leading out of the review is refused rather than followed: a review shared by
    someone else must not be able to pull in templates from elsewhere on this computer.
    """
    folder = workspace / "templates"
    if not os.path.lexists(folder):
        return None
    try:
        real = folder.resolve(strict=True)
        top = workspace.resolve(strict=True)
    except FileNotFoundError:
        return None  # a link to nothing: there are no templates to use
    except RuntimeError as e:  # Python 3.11 reports a circle of links this way
        raise _circle(folder, "the review's templates folder") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _circle(folder, "the review's templates folder") from e
        raise from_os_error(e) from e
    if not real.is_relative_to(top):
        raise TemplateError(
            f"the review's templates folder '{folder}' is a link to '{real}', outside the "
            "review, and is not used",
            "a review's own templates must be inside the review: copy the folder into it "
            "instead of linking to it, or give an organisation's templates with "
            "--templates FOLDER",
        )
    return folder if real.is_dir() else None  # a file named 'templates' holds no templates


def _circle(path: Path, what: str) -> SendreviewError:
    return TemplateError(
        f"{what} '{path}' is a link that goes round in a circle of links",
        "replace the link with the real file or folder, or remove it",
    )


def _origin(folder: Path) -> str | None:
    """Whose templates ``folder`` holds, as the hint for an error in one of them; None
    for sendreview's own (an error there is a bug in sendreview)."""
    if folder == _built_in():
        return None
    if (folder.parent / "review.yaml").is_file():
        return (
            f"this template came with the review (in {folder}), not with sendreview; "
            "fix or remove it"
        )
    return (
        f"this template is one of your own (in {folder}, given with --templates), not "
        "sendreview's; fix or remove it"
    )


class TemplateLimit(SendreviewError):
    """A report template ran too long, wrote too much, or called itself too deeply."""


class TemplateError(SendreviewError):
    """A review's or an organisation's report template cannot be read, or failed as it
    ran (not sendreview's own templates: a failure in those is a bug)."""


def _loader(folders: tuple[Path, ...]) -> Any:
    """A FileSystemLoader that reads only plain files inside its folders."""
    import jinja2
    from jinja2.loaders import split_template_path

    class Loader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            pieces = split_template_path(template)
            for folder in folders:
                candidate = folder.joinpath(*pieces)
                if not os.path.lexists(candidate):
                    continue
                text, real, mtime = _read_template(candidate, folder)

                def uptodate(
                    candidate: Path = candidate, real: Path = real, mtime: int = mtime
                ) -> bool:  # the same plain file, unchanged, still behind the same name
                    try:
                        now = candidate.stat()
                        return candidate.resolve() == real and now.st_mtime_ns == mtime
                    except (OSError, RuntimeError, ValueError):  # gone, a circle of links
                        return False

                return text, str(candidate), uptodate
            raise jinja2.TemplateNotFound(template)

    return Loader([str(f) for f in folders])


def _read_template(candidate: Path, folder: Path) -> tuple[str, Path, int]:
    """The text of the template ``candidate`` in ``folder``, where it really is, and its
    modification time. Anything but a plain UTF-8 file inside the folder is an error
    naming the file; in sendreview's own folder, a bug (raised as it is)."""
    origin = _origin(folder)
    try:
        real = candidate.resolve(strict=True)
        top = folder.resolve(strict=True)
    except RuntimeError as e:  # Python 3.11 reports a circle of links this way
        if origin is None:
            raise
        raise _circle(candidate, "the report template") from e
    except OSError as e:
        if origin is None:
            raise
        if e.errno == errno.ELOOP:
            raise _circle(candidate, "the report template") from e
        if isinstance(e, FileNotFoundError):
            raise TemplateError(
                f"the report template '{candidate}' is a link to a file that does not exist",
                origin,
            ) from e
        raise from_os_error(e) from e
    if not real.is_relative_to(top):
        raise TemplateError(
            f"the report template '{candidate}' is a link to a file outside its folder ({real})",
            "templates are read only from inside their folder: copy the file "
            "there instead of linking to it",
        )
    info = real.stat()
    if not stat.S_ISREG(info.st_mode):
        raise TemplateError(
            f"the report template '{candidate}' is not a plain file "
            f"(it is {safefile.kind(info.st_mode)})",
            "a template must be a text file; remove or rename this one",
        )
    if info.st_size > TEMPLATE_BYTES:
        raise TemplateError(
            f"the report template '{candidate}' is larger than {TEMPLATE_BYTES:,} bytes",
            "a template is a page or two of text; check that this is the right file",
        )
    try:  # opened without waiting and checked again: a pipe swapped in cannot block
        raw = safefile.read_bytes(real, TEMPLATE_BYTES, root=top)
    except safefile.Refused as e:
        raise TemplateError(f"the report template '{candidate}': {e.message}", e.hint) from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if origin is None:
            raise
        line = raw.count(b"\n", 0, e.start) + 1
        raise TemplateError(
            f"{candidate}:{line}: the report template is not UTF-8 text (byte "
            f"{raw[e.start]:#04x} at byte {e.start + 1:,} of the file)",
            "save it as UTF-8 (every modern text editor can: 'Save as' → 'UTF-8'); " + origin,
        ) from None
    return text, real, info.st_mtime_ns


def _layered(folders: tuple[Path, ...]) -> Any:
    """The folders' templates in order; sendreview's own (always last) compiled ahead of
    time where they are unchanged (``precompiled``)."""
    import jinja2

    from sendreview.report import precompiled

    *own, built_in = folders
    shipped = precompiled.loader(built_in, _loader((built_in,)))
    return jinja2.ChoiceLoader([_loader(tuple(own)), shipped]) if own else shipped


@cache
def _environment(folders: tuple[Path, ...]) -> Any:
    import jinja2

    # A review's own templates travel with the review: they may shape the report, but the
    # sandbox stops them from reaching Python itself (files, processes, the network).
    env = environment_class()(
        loader=_layered(folders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=finalize,
        # "{#" opens pandoc attributes ({#e4 .table}), so Jinja comments are {## … ##}
        comment_start_string="{##",
        comment_end_string="##}",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown
    env.filters = {name: guard_filter(f) for name, f in env.filters.items()}
    env.filters[GUARD_ITER] = guard_iter
    env.filters[GUARD_SIZE] = guard_size
    env.globals["range"] = bounded_range
    env.globals.pop("lipsum", None)
    return env


def environment_for_compiling(built_in: Path) -> Any:
    """The environment reports render in, reading ``built_in`` from its source (what
    ``tools/precompile_templates.py`` compiles with)."""
    env = _environment.__wrapped__((built_in,))
    env.loader = _loader((built_in,))
    return env


def _where(error: BaseException, folders: list[Path]) -> str:
    """``file:line`` of the innermost template line running when ``error`` was raised."""
    found = _frames(error, folders)
    return found[-1][0] if found else "a report template"


def _frames(error: BaseException, folders: list[Path]) -> list[tuple[str, Path]]:
    """``file:line`` and folder of each template line running when ``error`` was raised,
    outermost first."""
    from sendreview.report.precompiled import source_of

    roots = [(str(f).rstrip(os.sep) + os.sep, f) for f in folders]
    found = []
    for frame, line in walk_tb(error.__traceback__):
        name = source_of(frame.f_code.co_filename, folders[-1])
        for root, folder in roots:
            if name.startswith(root):
                found.append((f"{name}:{line}", folder))
                break
    return found


def _failed(error: Exception, folders: list[Path]) -> TemplateError | None:
    """An error raised while a template ran, as the user's to fix when one of their own
    templates (the review's, or --templates) was running; None when only sendreview's
    own were (a bug in sendreview)."""
    own = [(where, _origin(folder)) for where, folder in _frames(error, folders)]
    own = [(where, origin) for where, origin in own if origin is not None]
    if not own:
        return None
    where, origin = own[-1]
    what = str(error) or type(error).__name__
    return TemplateError(
        f"{where}: the report template stopped with an error: {what} ({type(error).__name__})",
        origin,
    )


def render(template: str, folders: list[Path], **values: Any) -> str:
    import jinja2
    from jinja2.exceptions import SecurityError

    budget = Budget(time.monotonic() + TEMPLATE_SECONDS, TEMPLATE_SECONDS, TEMPLATE_CHARS)
    token = BUDGET.set(budget)
    try:
        chunks = _environment(tuple(folders)).get_template(template).generate(**values)
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > budget.chars:  # raised at the template's line that wrote it
                chunks.throw(Exceeded(f"wrote more than {budget.chars:,} characters"))
            out.append(chunk)
        text = "".join(out)
    except jinja2.TemplateNotFound as e:
        raise SendreviewError(
            f"the report template '{e.name}' was not found",
            "templates are looked up in: " + ", ".join(str(f) for f in folders),
        ) from e
    except jinja2.TemplateSyntaxError as e:
        raise SendreviewError(
            f"{e.filename or e.name}:{e.lineno}: template error: {e.message}",
            "fix the template; see the README's 'Customising' section",
        ) from e
    except SecurityError as e:
        raise SendreviewError(
            f"a report template tried something templates may not do: {e}",
            "templates may use the values they are given, and nothing else",
        ) from e
    except jinja2.UndefinedError as e:
        raise SendreviewError(
            f"a report template uses something that does not exist: {e}",
            "check the names used in your own templates against the built-in ones",
        ) from e
    except Exceeded as e:
        raise TemplateLimit(
            f"{_where(e, folders)}: the report template {e}",
            "a template's loops and macros must finish: check this line of your own "
            "templates for a loop over a huge range or a macro that calls itself",
        ) from None
    except (RecursionError, OverflowError, MemoryError) as e:
        what = (
            "calls itself too deeply (a macro or include without an end)"
            if isinstance(e, RecursionError)
            else f"made a value too large ({e})"
        )
        raise TemplateLimit(
            f"{_where(e, folders)}: the report template {what}",
            "check this line of your own templates: every macro that calls itself needs "
            "a way to stop",
        ) from None
    except SendreviewError:
        raise
    except Exception as e:  # e.g. {{ 1/0 }}: the user's, in their templates; else a bug
        failed = _failed(e, folders)
        if failed is None:
            raise
        raise failed from None
    finally:
        BUDGET.reset(token)
    return text
