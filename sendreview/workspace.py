"""A review workspace on disk: its files, parsed and validated against their models.

Loading never stops at the first problem: every file is read and checked, and
each problem becomes a diagnostic. The deeper checks (frameworks, references,
consistency, completeness) live in sendreview.validation and run on top.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from sendreview import frameworks, safefile, yamlio
from sendreview.diagnostics import Diagnostic, make
from sendreview.modelcheck import check_document
from sendreview.models.context import Context
from sendreview.models.evidence import Evidence
from sendreview.models.findings import Findings, SelfEvaluation
from sendreview.models.followup import FollowUp
from sendreview.models.framework import Framework
from sendreview.models.review import Review
from sendreview.models.walk import Loc, Mark, iter_marked
from sendreview.paths import display_root

M = TypeVar("M", bound=BaseModel)

FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "review": ("review.yaml", Review),
    "context": ("context.yaml", Context),
    "self-evaluation": ("self-evaluation.yaml", SelfEvaluation),
    "evidence": ("evidence.yaml", Evidence),
    "recommendations": ("recommendations.yaml", Findings),
}
FOLLOW_UPS = "follow-ups"
SCHEMA_DIR = ".sendreview/schemas"


@dataclass
class Part(Generic[M]):
    """One YAML file of the workspace, the model it must match, and that model if it did."""

    key: str
    doc: yamlio.YamlFile
    model_class: type[M]
    model: M | None = None

    @property
    def raw(self) -> Any:
        return self.doc.data

    @cached_property
    def marked(self) -> list[tuple[Loc, Mark, str, bool]]:
        """Every id and Markdown text the file holds (``iter_marked``), walked once for
        all of validate's checks; from the raw data, so a file with a schema error
        still has its other entries checked."""
        if not isinstance(self.raw, dict):
            return []
        return list(iter_marked(self.model_class, self.raw))


@dataclass
class Workspace:
    root: Path
    display: str
    parts: dict[str, Part[Any]] = field(default_factory=dict)
    follow_ups: list[Part[FollowUp]] = field(default_factory=list)
    framework: Framework | None = None
    framework_path: Path | None = None  # a user's own framework file
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def path(self, name: str) -> str:
        return os.path.normpath(Path(self.display) / name)

    @property
    def review(self) -> Review | None:
        return self._model("review", Review)

    @property
    def context(self) -> Context | None:
        return self._model("context", Context)

    @property
    def self_evaluation(self) -> SelfEvaluation | None:
        return self._model("self-evaluation", SelfEvaluation)

    @property
    def evidence(self) -> Evidence | None:
        return self._model("evidence", Evidence)

    @property
    def findings(self) -> Findings | None:
        return self._model("recommendations", Findings)

    def _model(self, key: str, cls: type[M]) -> M | None:
        part = self.parts.get(key)
        model = part.model if part else None
        return model if isinstance(model, cls) else None

    @property
    def visit_files(self) -> list[tuple[Part[FollowUp], FollowUp]]:
        """The follow-up files that validated, each with its visit, oldest first."""
        return sorted(
            ((p, p.model) for p in self.follow_ups if p.model), key=lambda pair: pair[1].date
        )

    @property
    def visits(self) -> list[FollowUp]:
        """The follow-up visits that validated, oldest first."""
        return [visit for _, visit in self.visit_files]


def load(root: Path, display: str | None = None) -> Workspace:
    """Read and check every file of the review at ``root``; problems land in ``diagnostics``."""
    ws = Workspace(root, display if display is not None else display_root(root))
    problems: list[Diagnostic] = []
    for key, (name, model) in FILES.items():
        path = root / name
        if not os.path.lexists(path):  # a broken link is read, and reported as one
            problems.append(
                make(
                    "SR109",
                    ws.path(name),
                    f"{name} is missing from this review",
                    hint=f"run 'sendreview init {ws.display} --force' to add the missing files "
                    "(files already there are kept)",
                )
            )
            continue
        ws.parts[key], found = _load_part(key, path, ws.path(name), model, root)
        problems += found
    names, found = _follow_up_files(root / FOLLOW_UPS, ws.path(FOLLOW_UPS))
    problems += found
    for path in names:
        shown = ws.path(f"{FOLLOW_UPS}/{path.name}")
        part, found = _load_part("follow-up", path, shown, FollowUp, root)
        ws.follow_ups.append(part)
        problems += found
    problems += _resolve_framework(ws)
    ws.diagnostics = problems
    return ws


def _follow_up_files(folder: Path, display: str) -> tuple[list[Path], list[Diagnostic]]:
    if not os.path.lexists(folder):
        return [], []
    try:
        what = safefile.kind(folder.stat().st_mode)
    except (OSError, ValueError):
        what = "a link that leads nowhere"
    if what != "a folder":
        return [], [
            make(
                "SR101",
                display,
                f"{FOLLOW_UPS} is {what or 'a file'}; it should be the folder of follow-up visits",
                hint="rename it, and let 'sendreview followup new' make the folder",
            )
        ]
    try:
        with os.scandir(folder) as entries:
            names = sorted(Path(e.path) for e in entries if e.name.endswith(".yaml"))
    except OSError as e:
        return [], [
            make(
                "SR101",
                display,
                f"the folder of follow-up visits cannot be read: {e.strerror or e}",
                hint="check you may open this folder (its permissions), then run this again",
            )
        ]
    return names, []


def _load_part(
    key: str, path: Path, display: str, model: type[M], root: Path
) -> tuple[Part[M], list[Diagnostic]]:
    doc = yamlio.read(path, display, root=root)  # a link may not lead out of the review
    result, problems = check_document(doc, model)
    return Part(key, doc, model, result), problems


def _resolve_framework(ws: Workspace) -> list[Diagnostic]:
    part = ws.parts.get("review")
    if part is None or not isinstance(part.raw, dict):
        return []
    spec = ws.review.framework if ws.review else part.raw.get("framework")
    if spec is None:
        return []  # reported as a missing field
    found = frameworks.resolve(str(spec), ws.root, ws.display)
    ws.framework, ws.framework_path = found.framework, found.path
    if found.error:
        return [
            *found.problems,
            part.doc.diagnostic(("framework",), "SR300", found.error, found.hint),
        ]
    return list(found.problems)
