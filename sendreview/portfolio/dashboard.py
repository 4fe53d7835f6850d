"""The dashboard: one HTML file that works offline, with nothing fetched from anywhere.

Every script, style and chart is inside the file. A Content-Security-Policy allows only
this file's own script and style (by their hashes) and pictures written into it, so the
page cannot fetch anything even if text from a review tried to make it. Every text from
the reviews is escaped by Jinja's autoescape.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from sendreview import frameworks
from sendreview.portfolio.collect import Portfolio, ReviewSummary
from sendreview.portfolio.themes import progress, themes
from sendreview.report import chart

COLUMNS = [
    ("School", "text"),
    ("Setting", "text"),
    ("Framework", "text"),
    ("Stage reached", "text"),
    ("Errors", "number"),
    ("Warnings", "number"),
    ("Recommendations", "number"),
    ("Complete", "number"),
    ("Overdue", "number"),
    ("Last visit", "text"),
    ("Next visit", "text"),
    ("Reports", "text"),
]


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(script: str, style: str) -> str:
    """Nothing from anywhere (no fetch, no frame, no form, no font, no base address)
    but this file's own script and style, and data: pictures."""
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _links(review: ReviewSummary, folder: Path) -> list[tuple[str, str]]:
    """The review's rendered reports, as addresses relative to the dashboard's folder."""
    out = []
    for report in review.reports:
        target = os.path.relpath(Path(review.root) / report, folder)
        out.append((Path(report).suffix[1:].upper(), quote(Path(target).as_posix())))
    return out


def render(folio: Portfolio, folder: Path) -> str:
    """The dashboard's HTML, its links made for a file in ``folder``."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from sendreview.resources import data_dir

    here = data_dir("templates") / "portfolio"
    env = Environment(
        loader=FileSystemLoader(here),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    script = (here / "dashboard.js").read_text(encoding="utf-8")
    style = (here / "dashboard.css").read_text(encoding="utf-8")
    steps = progress(folio)
    scale = frameworks.progress_scale()
    reviews = folio.reviews
    return env.get_template("dashboard.html.j2").render(
        csp=policy(script, style),
        script=Markup(script),  # ours, from the package: shown as it is
        style=Markup(style),
        today=folio.today.isoformat(),
        reviews=reviews,
        with_errors=sum(1 for r in reviews if r.errors),
        totals={
            "recommendations": sum(len(r.recommendations) for r in reviews),
            "complete": sum(r.complete for r in reviews),
            "overdue": sum(r.overdue for r in reviews),
        },
        filters=[
            ("setting", "Setting", sorted({r.setting for r in reviews if r.setting})),
            ("stage", "Stage reached", _stages(reviews)),
            ("area", "Area with findings", sorted({a for r in reviews for a in r.areas})),
        ],
        columns=COLUMNS,
        links=[_links(r, folder) for r in reviews],
        themes=themes(folio),
        progress=steps,
        statuses=[(s.id, s.label) for s in scale.statuses],
        # the SVG is built with ElementTree, which escapes every text it holds
        chart=Markup(chart.svg(steps.labels, steps.rounds)) if steps.rounds else "",
        chart_text=chart.describe(steps.labels, steps.rounds) if steps.rounds else "",
    )


def _stages(reviews: list[ReviewSummary]) -> list[str]:
    """The stages reached, in the order a review goes through them."""
    order = {r.stage: r.stages_done for r in reviews}
    return sorted(order, key=lambda s: (order[s], s))
