"""Jinja → Markdown: the report templates, their lookup order, and the escaping rules.

Templates are looked up in the workspace's own ``templates/`` folder, then in
``--templates DIR``, then in sendreview's built-in ``templates/report``, so an
organisation can override any one file by name. Only plain files inside those
folders are read: a link leading out of a folder is refused.

Escaping: every plain value (a name, a title) is escaped for Markdown and HTML, so
it always shows as typed. Text fields that people write in Markdown go through
the ``md`` filter, which keeps their formatting (emphasis, lists, links, quotes)
but stops them from changing the document's structure: no headings, and none of
pandoc's attribute, div, span or raw syntax. The characters that would open those
(``{ } [ ]`` outside a plain ``[text](url)`` link, and runs of ``:::``) are handed
to pandoc as private-use stand-ins that mean nothing to its reader; sendreview.lua
turns them back into the characters typed. Raw HTML and TeX are turned off in
pandoc's reader, and the Lua filter keeps attributes only on the blocks the
templates make.

Budgets: a template gets TEMPLATE_SECONDS and TEMPLATE_CHARS of output; loops, calls
and operators are counted against them, so a runaway template stops with the name
and line of the template instead of hanging.
"""

from __future__ import annotations

import contextvars
import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path
from traceback import walk_tb
from typing import Any

from sendreview import safefile
from sendreview.errors import SendreviewError, from_os_error
from sendreview.resources import data_dir

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~^$!@])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_STRUCTURE = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[=-]+\s*$)")

# Private-use stand-ins for the characters that open pandoc's structure syntax; the
# Lua filter maps them back (keep the two lists in step).
STAND_INS = {"{": "\ue07b", "}": "\ue07d", "[": "\ue05b", "]": "\ue05d", ":": "\ue03a"}
_STAND_IN_CHARS = "".join(STAND_INS.values())
# a plain inline link or image: [text](target "title"), no brackets in its text, and
# parentheses in its target only in pairs
_LINK = re.compile(r'!?\[[^\[\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)')
_FENCE = re.compile(r":{3,}")

TEMPLATE_SECONDS = 10.0
TEMPLATE_CHARS = 5_000_000
TEMPLATE_RANGE = 10_000
TEMPLATE_BYTES = 1_000_000  # the largest template file read


def escape_plain(value: str) -> str:
    """A plain value as literal Markdown text on one line.

    Markdown's punctuation is backslash-escaped; ``&``, ``<`` and ``>`` become HTML
    entities, which pandoc reads back as the characters themselves.
    """
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(value.split()))
    text = _NUMBERED.sub(r"\1\\\2", text)  # "1. Head" must not start a list
    if text[:1] in ("-", "+", ":"):  # a list item, or a fence that would close a table cell
        text = "\\" + text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _neutral(line: str) -> str:
    """``line`` with every unescaped ``{ } [ ]`` (outside plain links) and ``:::`` run
    swapped for its stand-in: pandoc then cannot read attributes, divs, spans, raw
    blocks, footnotes or nested brackets (which its reader handles in exponential time)."""
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n:  # an escape stays one, whatever it escapes
            out.append(line[i : i + 2])
            i += 2
            continue
        if ch in "[!":
            link = _LINK.match(line, i)
            if link:
                text = link.group()
                start = text.index("[")
                close = text.index("](")
                out.append(text[: start + 1])
                out.append(_braces(text[start + 1 : close]))
                out.append("](")
                out.append(_braces(text[close + 2 :]))
                i = link.end()
                continue
        if ch == ":":
            run = _FENCE.match(line, i)
            if run:
                out.append(STAND_INS[":"] * len(run.group()))
                i = run.end()
                continue
        out.append(STAND_INS.get(ch, ch) if ch in "{}[]" else ch)
        i += 1
    return "".join(out)


def _braces(text: str) -> str:
    return text.replace("{", STAND_INS["{"]).replace("}", STAND_INS["}"])


def markdown(value: str | None, indent: int = 0) -> Any:
    """A Markdown text field, kept as Markdown but unable to change the document's structure."""
    from markupsafe import Markup

    if not value:
        return Markup("")
    for stand_in in _STAND_IN_CHARS:  # typed, they would come back as structure
        value = value.replace(stand_in, "\ufffd")
    lines = value.replace("\r\n", "\n").strip("\n").split("\n")
    # no headings of its own; no fences, attributes or raw blocks either (_neutral)
    safe = [_neutral(_STRUCTURE.sub(lambda m: f"{m[1]}\\{m[2]}", line)) for line in lines]
    pad = " " * indent
    return Markup(("\n" + pad).join(line if line.strip() else "" for line in safe))


def _finalize(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape_plain(value))
    return value


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


class _Exceeded(Exception):
    """Raised inside a template's own code, so that the traceback names its line."""


@dataclass
class _Budget:
    deadline: float
    seconds: float
    chars: int

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Exceeded(f"ran for more than {self.seconds:g} seconds")

    def size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > self.chars:
            raise _Exceeded(f"made a value longer than {self.chars:,} characters")
        return value


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "sendreview_template_budget", default=None
)
_GUARD_ITER = "sendreview-loop"  # not a name a template can write: only the parser's
_GUARD_SIZE = "sendreview-size"


def _tick() -> _Budget | None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()
    return budget


def _guard_iter(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        _tick()
        yield item


def _guard_size(value: Any) -> Any:
    budget = _BUDGET.get()
    return budget.size(value) if budget is not None else value


def _range(*args: int) -> range:
    values = range(*args)
    if len(values) > TEMPLATE_RANGE:
        raise _Exceeded(
            f"asked for a range of {len(values):,} numbers; templates may use up to "
            f"{TEMPLATE_RANGE:,}"
        )
    return values


_SIZING = {"center", "ljust", "rjust", "zfill", "expandtabs", "do_center", "do_indent"}


def _check_args(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    values = [*args, *kwargs.values()]
    for value in values:
        budget.size(value)
    if name in _SIZING and any(isinstance(v, int) and v > budget.chars for v in values):
        raise _Exceeded(f"asked for text wider than {budget.chars:,} characters")
    if name in ("replace", "do_replace"):
        strings = [v for v in values if isinstance(v, str)]
        if strings and len(strings[0]) * (1 + max(len(s) for s in strings)) > budget.chars:
            raise _Exceeded(f"could make text longer than {budget.chars:,} characters")


def _guard_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_args(getattr(func, "__name__", ""), args, kwargs)
        return _guard_size(func(*args, **kwargs))

    return guarded


def _sandbox() -> type[Any]:
    """The sandbox with budgets: every call, loop step and sizing operator is counted."""
    import operator

    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            _tick()
            _check_args(getattr(__obj, "__name__", ""), args, kwargs)
            return _guard_size(super().call(__context, __obj, *args, **kwargs))

        def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
            _tick()
            budget = _BUDGET.get()
            limit = budget.chars if budget else TEMPLATE_CHARS
            if op == "**" and isinstance(right, int) and abs(right) > 64:
                raise _Exceeded("raised a number to a power larger than 64")
            if op == "*":
                for seq, times in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | bytes | list | tuple)
                        and isinstance(times, int)
                        and len(seq) * times > limit
                    ):
                        raise _Exceeded(f"made a value longer than {limit:,} characters")
            ops = {"*": operator.mul, "**": operator.pow, "+": operator.add}
            return _guard_size(ops[op](left, right))

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            for loop in list(tree.find_all(nodes.For)):
                loop.iter = nodes.Filter(
                    loop.iter, _GUARD_ITER, [], [], None, None, lineno=loop.lineno
                )
            for concat in list(tree.find_all(nodes.Concat)):
                wrapped = nodes.Concat(concat.nodes, lineno=concat.lineno)
                concat.nodes = [
                    nodes.Filter(wrapped, _GUARD_SIZE, [], [], None, None, lineno=concat.lineno)
                ]
            return tree

    return Sandbox


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


@cache
def _environment(folders: tuple[Path, ...]) -> Any:
    import jinja2

    # A review's own templates travel with the review: they may shape the report, but the
    # sandbox stops them from reaching Python itself (files, processes, the network).
    env = _sandbox()(
        loader=_loader(folders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        # "{#" opens pandoc attributes ({#e4 .table}), so Jinja comments are {## … ##}
        comment_start_string="{##",
        comment_end_string="##}",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown
    env.filters = {name: _guard_filter(f) for name, f in env.filters.items()}
    env.filters[_GUARD_ITER] = _guard_iter
    env.filters[_GUARD_SIZE] = _guard_size
    env.globals["range"] = _range
    env.globals.pop("lipsum", None)
    return env


def _where(error: BaseException, folders: list[Path]) -> str:
    """``file:line`` of the innermost template line running when ``error`` was raised."""
    found = _frames(error, folders)
    return found[-1][0] if found else "a report template"


def _frames(error: BaseException, folders: list[Path]) -> list[tuple[str, Path]]:
    """``file:line`` and folder of each template line running when ``error`` was raised,
    outermost first."""
    roots = [(str(f).rstrip(os.sep) + os.sep, f) for f in folders]
    found = []
    for frame, line in walk_tb(error.__traceback__):
        name = frame.f_code.co_filename
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

    budget = _Budget(time.monotonic() + TEMPLATE_SECONDS, TEMPLATE_SECONDS, TEMPLATE_CHARS)
    token = _BUDGET.set(budget)
    try:
        chunks = _environment(tuple(folders)).get_template(template).generate(**values)
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > budget.chars:  # raised at the template's line that wrote it
                chunks.throw(_Exceeded(f"wrote more than {budget.chars:,} characters"))
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
    except _Exceeded as e:
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
        _BUDGET.reset(token)
    return text
