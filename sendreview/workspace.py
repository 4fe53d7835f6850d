"""A review workspace on disk: its files, parsed and validated against their models.

Loading never stops at the first problem: every file is read and checked, and
each problem becomes a diagnostic. The deeper checks (frameworks, references,
consistency, completeness) live in sendreview.validation and run on top.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from sendreview import frameworks, yamlio
from sendreview.diagnostics import Diagnostic
from sendreview.diagnostics.codes import CODES
from sendreview.models.context import Context
from sendreview.models.evidence import Evidence
from sendreview.models.findings import Findings, SelfEvaluation
from sendreview.models.followup import FollowUp
from sendreview.models.framework import Framework
from sendreview.models.review import Review
from sendreview.paths import display_root
from sendreview.validation.schema import check_document

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
class Part:
    """One YAML file of the workspace with its model, if it validated."""

    key: str
    doc: yamlio.YamlFile
    model: Any = None

    @property
    def raw(self) -> Any:
        return self.doc.data


@dataclass
class Workspace:
    root: Path
    display: str
    parts: dict[str, Part] = field(default_factory=dict)
    follow_ups: list[Part] = field(default_factory=list)
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
    def visits(self) -> list[FollowUp]:
        """The follow-up visits that validated, oldest first."""
        return sorted(
            (p.model for p in self.follow_ups if isinstance(p.model, FollowUp)),
            key=lambda f: f.date,
        )


def load(root: Path, display: str | None = None) -> Workspace:
    ws = Workspace(root, display if display is not None else display_root(root))
    for key, (name, model) in FILES.items():
        path = root / name
        if not path.exists():
            ws.diagnostics.append(
                Diagnostic(
                    ws.path(name),
                    None,
                    None,
                    CODES["SR109"].severity,
                    "SR109",
                    f"{name} is missing from this review",
                    f"run 'sendreview init {ws.display} --force' to add the missing files "
                    "(files already there are kept)",
                )
            )
            continue
        ws.parts[key] = _load_part(key, path, ws.path(name), model, ws.diagnostics)
    folder = root / FOLLOW_UPS
    if folder.exists() and not folder.is_dir():
        ws.diagnostics.append(
            Diagnostic(
                ws.path(FOLLOW_UPS),
                None,
                None,
                CODES["SR101"].severity,
                "SR101",
                f"{FOLLOW_UPS} is a file; it should be the folder of follow-up visits",
                "rename the file, and let 'sendreview followup new' make the folder",
            )
        )
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            ws.follow_ups.append(
                _load_part(
                    "follow-up",
                    path,
                    ws.path(f"{FOLLOW_UPS}/{path.name}"),
                    FollowUp,
                    ws.diagnostics,
                )
            )
    _resolve_framework(ws)
    return ws


def _load_part(
    key: str, path: Path, display: str, model: type[BaseModel], sink: list[Diagnostic]
) -> Part:
    doc = yamlio.read(path, display)
    part = Part(key, doc)
    part.model, problems = check_document(doc, model)
    sink.extend(problems)
    return part


def _resolve_framework(ws: Workspace) -> None:
    part = ws.parts.get("review")
    if part is None or not isinstance(part.raw, dict):
        return
    spec = ws.review.framework if ws.review else part.raw.get("framework")
    if spec is None:
        return  # reported as a missing field
    found = frameworks.resolve(str(spec), ws.root, ws.display)
    ws.framework, ws.framework_path = found.framework, found.path
    ws.diagnostics.extend(found.problems)
    if found.error:
        ws.diagnostics.append(part.doc.diagnostic(("framework",), "SR300", found.error, found.hint))
