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
from sendreview.validation.schema import validate_model

M = TypeVar("M", bound=BaseModel)

FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "review": ("review.yaml", Review),
    "context": ("context.yaml", Context),
    "self-evaluation": ("self-evaluation.yaml", SelfEvaluation),
    "evidence": ("evidence.yaml", Evidence),
    "recommendations": ("recommendations.yaml", Findings),
}
FOLLOW_UPS = "follow-ups"
FOLLOW_UP_MODEL = FollowUp
SCHEMA_DIR = ".sendreview/schemas"


@dataclass
class Part:
    """One YAML file of the workspace with its model, if it validated."""

    key: str
    doc: yamlio.Document
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
    framework_display: str | None = None
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
                    "run 'sendreview init --force' in the folder to add the missing files",
                )
            )
            continue
        ws.parts[key] = _load_part(key, path, ws.path(name), model, ws.diagnostics)
    folder = root / FOLLOW_UPS
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
    sink.extend(doc.problems)
    part = Part(key, doc)
    if doc.ok:
        part.model, problems = validate_model(doc, model)
        sink.extend(problems)
    return part


def _resolve_framework(ws: Workspace) -> None:
    part = ws.parts.get("review")
    raw = part.raw if part else None
    spec = raw.get("framework") if isinstance(raw, dict) else None
    if not isinstance(spec, str) or part is None:
        return
    if not frameworks.is_path(spec):
        if spec in frameworks.builtin_ids():
            ws.framework = frameworks.builtin(spec)
            return
        local = ws.root / f"{spec}.yaml"
        if not local.is_file():
            from sendreview.validation.schema import did_you_mean

            hint = did_you_mean(spec, frameworks.builtin_ids())
            ws.diagnostics.append(
                part.doc.diagnostic(
                    ("framework",),
                    "SR300",
                    f"there is no framework '{spec}'",
                    f"{hint + ' ' if hint else ''}Use annex-1 (mainstream), annex-2 (special "
                    "school, PRU, AP, ARP) or the path of your own framework file",
                )
            )
            return
        spec = local.name
    path = Path(spec).expanduser()
    path = path if path.is_absolute() else ws.root / path
    display = ws.path(spec) if not Path(spec).is_absolute() else spec
    if not path.is_file():
        ws.diagnostics.append(
            part.doc.diagnostic(
                ("framework",),
                "SR300",
                f"the framework file '{spec}' does not exist",
                "give a path relative to the review folder, or annex-1 / annex-2",
            )
        )
        return
    framework, problems = frameworks.load_file(path, display)
    ws.diagnostics.extend(problems)
    ws.framework, ws.framework_display = framework, display
