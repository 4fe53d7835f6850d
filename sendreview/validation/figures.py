"""The school's figures set beside the national ones for its phase (info SR820)."""

from __future__ import annotations

from sendreview import national
from sendreview.diagnostics import Diagnostic
from sendreview.workspace import Workspace

# where each figure is typed in context.yaml; the total is worked out from the two
_FIELD = {"sen_support": "sen_support", "ehc_plans": "ehc_plans", "send_total": "sen_support"}


def check(ws: Workspace) -> list[Diagnostic]:
    ctx, part = ws.context, ws.parts.get("context")
    if ctx is None or part is None:
        return []
    found = national.differences(ctx, national.setting_id(ws.review), ws.root)
    return [
        part.doc.diagnostic(
            (_FIELD[d.name],),
            "SR820",
            d.says(),
            "worth a sentence in the context's narrative: why this school differs (a resource "
            "base, a high-need area, how needs are identified); if the figure is wrong, "
            "correct it",
        )
        for d in found
    ]
