"""The frameworks and vocabularies: built-in ones from frameworks/*.yaml, or a user's own file.

The code knows their shape (sendreview.models.framework), never their content.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from sendreview import safefile, yamlio
from sendreview.diagnostics import Diagnostic
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.modelcheck import check_document, did_you_mean
from sendreview.models.framework import (
    Framework,
    ProgressScale,
    Reporting,
    Triangulation,
    Vocabulary,
)
from sendreview.resources import data_dir

M = TypeVar("M", bound=BaseModel)

# frameworks/ holds these data files beside the frameworks themselves
_DATA_FILES = {
    "vocabularies",
    "progress",
    "reporting",
    "national-figures",
    "comparison",
    "triangulation",
}


def _load_builtin(name: str, model: type[M]) -> M:
    doc = yamlio.read(data_dir("frameworks") / f"{name}.yaml", f"frameworks/{name}.yaml")
    result, problems = check_document(doc, model)
    if result is None:  # the installation itself is broken: not the user's doing
        raise RuntimeError(f"built-in frameworks/{name}.yaml is invalid: {problems}")
    return result


@cache
def builtin_ids() -> tuple[str, ...]:
    return tuple(
        sorted(p.stem for p in data_dir("frameworks").glob("*.yaml") if p.stem not in _DATA_FILES)
    )


@cache
def builtin(framework_id: str) -> Framework:
    if framework_id not in builtin_ids():
        raise SendreviewError(
            f"there is no built-in framework '{framework_id}'",
            f"built-in frameworks: {', '.join(builtin_ids())}",
        )
    return _load_builtin(framework_id, Framework)


@cache
def vocabularies() -> dict[str, Vocabulary]:
    class _Vocabularies(BaseModel):
        model_config = {"extra": "allow"}

    raw = _load_builtin("vocabularies", _Vocabularies)
    return {
        name: Vocabulary.model_validate(value) for name, value in (raw.model_extra or {}).items()
    }


@cache
def progress_scale() -> ProgressScale:
    return _load_builtin("progress", ProgressScale)


@cache
def reporting() -> Reporting:
    return _load_builtin("reporting", Reporting)


@cache
def triangulation() -> Triangulation:
    return _load_builtin("triangulation", Triangulation)


def is_path(spec: str) -> bool:
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec


@dataclass(frozen=True)
class Resolved:
    """What a framework name or path led to: a framework, or why not."""

    framework: Framework | None
    path: Path | None = None  # the file of a user's own framework
    problems: list[Diagnostic] = field(default_factory=list)  # in that file
    error: str | None = None  # about the name or path itself
    hint: str | None = None


def resolve(spec: str, base: Path, display_base: str = "") -> Resolved:
    """A built-in framework by id, a framework file by path (relative to ``base``), or
    ``<base>/<id>.yaml`` for a user's own framework kept beside the review."""
    if not is_path(spec):
        if spec in builtin_ids():
            return Resolved(builtin(spec))
        if _file_problem(base / f"{spec}.yaml", spec) is not None:
            close = did_you_mean(spec, builtin_ids())
            return Resolved(
                None,
                error=f"there is no framework '{spec}'",
                hint=f"{close + ' ' if close else ''}Use annex-1 (mainstream), "
                "annex-2 (special school, PRU, AP, ARP) or the path of your "
                "own framework file",
            )
        spec = f"{spec}.yaml"
    path = Path(spec).expanduser()
    if not path.is_absolute():
        path = base / path
    problem = _file_problem(path, spec)
    if problem is not None:
        return problem
    display = spec if Path(spec).is_absolute() else os.path.normpath(Path(display_base) / spec)
    framework, problems = load_file(path, display)
    return Resolved(framework, path, problems)


def _file_problem(path: Path, spec: str) -> Resolved | None:
    """Why ``path`` cannot be a framework file, or None when it is a plain file."""
    try:
        kind = safefile.kind(path.stat().st_mode)
    except ValueError:  # a NUL in the name: no file system has such a file
        return Resolved(
            None,
            error="the framework's name holds a NUL character, which no file name can",
            hint="write annex-1, annex-2 or the path of your own framework file",
        )
    except FileNotFoundError:
        return Resolved(
            None,
            error=f"the framework file '{spec}' does not exist",
            hint="give a path relative to the review folder, or annex-1 / annex-2",
        )
    except OSError as e:
        too_long = e.errno == errno.ENAMETOOLONG
        return Resolved(
            None,
            error=f"the framework file name is too long ({len(spec):,} characters)"
            if too_long
            else f"the framework file '{spec}' cannot be read: {e.strerror or e}",
            hint=safefile.TOO_LONG_HINT if too_long else safefile.READ_HINT,
        )
    if kind is not None:
        return Resolved(
            None,
            error=f"the framework file '{spec}' is {kind}, not a file",
            hint=safefile.NOT_A_FILE_HINT,
        )
    return None


_custom_cache: dict[tuple[Path, int, int], tuple[Framework | None, list[Diagnostic]]] = {}


def load_file(path: Path, display: str) -> tuple[Framework | None, list[Diagnostic]]:
    """A user's own framework file, validated like the built-ins (cached per file version)."""
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key and key in _custom_cache:
        framework, problems = _custom_cache[key]
        return framework, [dataclasses.replace(d, path=display) for d in problems]
    result = check_document(yamlio.read(path, display), Framework)
    if key:
        _custom_cache[key] = result
    return result


def require(spec: str, base: Path) -> Framework:
    """The framework a command was asked for; a user error when there is none."""
    found = resolve(spec, base)
    if found.error:
        raise SendreviewError(found.error, found.hint)
    if found.framework is None:
        raise InvalidReview(found.problems, f"the framework file '{spec}' has errors")
    return found.framework
