"""What a report will show differently from what was typed in a text field (SR205)."""

from __future__ import annotations

from sendreview.diagnostics import Diagnostic, make
from sendreview.models.common import Prose
from sendreview.models.prose import SHOWN_AS, changes, may_change
from sendreview.workspace import Workspace

HINT = {
    "heading": "a text field is part of the report, whose headings come from the guide; "
    "write the words on a line of their own, in bold (**like this**), or leave them out",
    "image": "reports show only images sendreview draws; attach the picture as evidence "
    "(attachments:) and describe it in words here",
    "link": "reports link only to web pages (https://…) and e-mail (mailto:…); name an "
    "attached file in words, and attach it to the evidence (attachments:)",
    "html": "write it in Markdown instead: a blank line for a new paragraph, **bold**, "
    "*italics*, '- ' for a list",
}


def check(ws: Workspace) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for part in [*ws.parts.values(), *ws.follow_ups]:
        texts = [(loc, text) for loc, mark, text, _ in part.marked if isinstance(mark, Prose)]
        if not may_change("\n\n".join(text for _, text in texts)):
            continue  # most files: one search instead of one per text
        for loc, text in texts:
            for change in changes(text):
                line, col = part.doc.text_position(loc, change.line) or (None, None)
                out.append(
                    make(
                        "SR205",
                        part.doc.display,
                        f"'{change.typed}' is {SHOWN_AS[change.kind]} in reports",
                        line,
                        col,
                        HINT[change.kind],
                    )
                )
    return out
