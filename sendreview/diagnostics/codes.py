"""Every diagnostic code, its severity and what it means.

Codes are stable: scripts and pre-commit users filter on them. docs/diagnostics.md
documents each one with an example and the fix; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendreview.diagnostics.core import Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str


_CODES = [
    # Files and YAML syntax
    Code("SR100", E, "no review.yaml in the folder"),
    Code("SR101", E, "file cannot be read"),
    Code("SR102", E, "file is not UTF-8 text"),
    Code("SR103", E, "YAML syntax error"),
    Code("SR104", E, "tab used for indentation"),
    Code("SR105", E, "key given twice"),
    Code("SR106", E, "YAML tag not allowed"),
    Code("SR107", E, "anchors and aliases expand too far"),
    Code("SR108", E, "file is empty"),
    Code("SR109", E, "workspace file missing"),
    Code("SR110", E, "file too large or too deeply nested"),
    Code("SR111", E, "more than one YAML document in a file"),
    Code("SR112", E, "number too long to read"),
    # Schema
    Code("SR200", E, "unknown field"),
    Code("SR201", E, "required field missing"),
    Code("SR202", E, "wrong kind of value"),
    Code("SR203", E, "not a real date"),
    Code("SR204", E, "value not allowed"),
    # Frameworks and vocabularies
    Code("SR300", E, "framework not found"),
    Code("SR301", E, "framework file is malformed"),
    Code("SR302", E, "unknown area of focus"),
    Code("SR303", E, "unknown theme"),
    Code("SR304", E, "unknown term"),
    Code("SR305", W, "theme belongs to another area"),
    # Cross-references
    Code("SR400", E, "evidence id not in the evidence log"),
    Code("SR401", E, "id used twice"),
    Code("SR403", E, "attachment not found"),
    Code("SR404", E, "attachment outside the workspace"),
    Code("SR405", E, "attachment name cannot be a file name"),
    Code("SR406", E, "attachment is not a plain file"),
    # Consistency
    Code("SR500", E, "dates out of order"),
    Code("SR501", E, "count larger than the whole"),
    Code("SR502", E, "percentage outside 0–100"),
    Code("SR503", E, "figure typed twice"),
    Code("SR504", W, "evidence dated outside the review"),
    # Completeness (warnings: what is still to be written)
    Code("SR600", W, "area of focus has no findings"),
    Code("SR601", W, "areas for development without a recommendation"),
    Code("SR602", W, "recommendation rests on no evidence"),
    Code("SR603", W, "self-evaluation not filled in"),
    Code("SR604", W, "summary of the visit not written"),
    Code("SR605", W, "vision not written"),
    Code("SR606", W, "key statistics missing"),
    Code("SR607", W, "no visit date"),
    Code("SR608", W, "final report without the date it was sent"),
    # Follow-up visits
    Code("SR700", E, "follow-up dated before the review visit"),
    Code("SR701", E, "progress for an unknown recommendation"),
    Code("SR702", W, "progress slipped back without a note"),
    Code("SR703", W, "open recommendation has no progress at a visit"),
    Code("SR704", W, "follow-up file name and date differ"),
    Code("SR705", E, "two follow-up visits on the same date"),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}
