"""Jinja → Markdown: the report templates, their lookup order, and the escaping rules.

Templates are looked up in the workspace's own ``templates/`` folder, then in
``--templates DIR``, then in sendreview's built-in ``templates/report``, so an
organisation can override any one file by name.

Escaping: every plain value (a name, a title) is escaped for Markdown and HTML, so
it always shows as typed. Text fields that people write in Markdown go through
the ``md`` filter, which keeps their formatting but stops them from changing the
document's structure (no headings, no closing of the template's blocks). Raw HTML
and TeX are turned off in pandoc's reader, and the Lua filter allows only safe links.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from sendreview.resources import data_dir

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~^$!@])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_STRUCTURE = re.compile(r"^(\s*)(:{3,}|#{1,6}(?=\s|$)|[=-]+\s*$)")


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


def markdown(value: str | None, indent: int = 0) -> Any:
    """A Markdown text field, kept as Markdown but unable to change the document's structure."""
    from markupsafe import Markup

    if not value:
        return Markup("")
    lines = value.replace("\r\n", "\n").strip("\n").split("\n")
    # no headings, fences or attributes ("[x]{#e4}") of its own
    safe = [
        _STRUCTURE.sub(lambda m: f"{m[1]}\\{m[2]}", line).replace("]{", "]\\{") for line in lines
    ]
    pad = " " * indent
    return Markup(("\n" + pad).join(line if line.strip() else "" for line in safe))


def _finalize(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape_plain(value))
    return value


def search_path(workspace: Path | None, extra: Path | None) -> list[Path]:
    folders = []
    if workspace is not None and (workspace / "templates").is_dir():
        folders.append(workspace / "templates")
    if extra is not None:
        folders.append(extra)
    folders.append(data_dir("templates") / "report")
    return folders


@cache
def _environment(folders: tuple[Path, ...]) -> Any:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    # A review's own templates travel with the review: they may shape the report, but the
    # sandbox stops them from reaching Python itself (files, processes, the network).
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
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
    return env


def render(template: str, folders: list[Path], **values: Any) -> str:
    import jinja2
    from jinja2.exceptions import SecurityError

    from sendreview.errors import SendreviewError

    try:
        text: str = _environment(tuple(folders)).get_template(template).render(**values)
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
    return text
