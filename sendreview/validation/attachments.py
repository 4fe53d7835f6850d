"""Attachments named in the evidence log: they must exist and stay inside the workspace."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sendreview.diagnostics import Diagnostic
from sendreview.workspace import Workspace


def check(ws: Workspace) -> list[Diagnostic]:
    part = ws.parts.get("evidence")
    evidence = ws.evidence
    if part is None or evidence is None:
        return []
    out = []
    root = ws.root.resolve()
    for i, item in enumerate(evidence.log):
        for j, name in enumerate(item.attachments):
            loc = ("log", i, "attachments", j)
            pure = PurePosixPath(name.replace("\\", "/"))
            target = (ws.root / pure).resolve()
            if pure.is_absolute() or Path(name).is_absolute() or not target.is_relative_to(root):
                out.append(
                    part.doc.diagnostic(
                        loc,
                        "SR404",
                        f"attachment '{name}' is outside the review folder",
                        "copy the file into the review folder (for example attachments/) and give "
                        "its path relative to the folder",
                    )
                )
            elif not target.is_file():
                out.append(
                    part.doc.diagnostic(
                        loc,
                        "SR403",
                        f"attachment '{name}' does not exist",
                        "check the spelling; paths are relative to the review folder",
                    )
                )
    return out
