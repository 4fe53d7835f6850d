"""The step from a parsed YAML file to its model: pydantic's errors turned into diagnostics
a SENCO can act on, placed at the line and column of the value they are about.

It sits just above ``yamlio`` and ``models``: frameworks, workspaces and scaffolds
all turn files into models through here, and the checks in ``validation`` build on them.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sendreview.diagnostics import Diagnostic
from sendreview.models.common import CHECK_CODE, EVIDENCE_ID, LINE, RECOMMENDATION_ID
from sendreview.models.walk import field_names
from sendreview.yamlio import YamlFile

M = TypeVar("M", bound=BaseModel)

_PATTERNS = {
    EVIDENCE_ID: "evidence ids are E followed by a number: E1, E2, E12",
    RECOMMENDATION_ID: "recommendation ids are R followed by a number: R1, R2, R12",
    r"^\d{6}$": "a URN is the school's 6-digit unique reference number",
    CHECK_CODE: "a check is named by its code, as validate prints it: SR810",
    LINE: "names and titles are one line of text; long text belongs in the Markdown fields",
}


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return type(value).__name__


def _short(value: Any) -> str:
    """A value as written, cut short enough for one line of a message."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:37]}… ({len(text):,} characters)"


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def check_document(doc: YamlFile, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """A parsed file's model, and all its problems: YAML ones first, then the model's."""
    if not doc.ok:
        return None, list(doc.problems)
    result, problems = validate_model(doc, model)
    return result, [*doc.problems, *problems]


def validate_model(doc: YamlFile, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as e:
        seen: set[tuple[Any, ...]] = set()
        out = []
        for err in e.errors(include_url=False):
            d = _diagnostic(doc, model, err)
            if (d.line, d.col, d.code, d.message) not in seen:
                seen.add((d.line, d.col, d.code, d.message))
                out.append(d)
        return None, out


def _diagnostic(doc: YamlFile, model: type[BaseModel], err: Any) -> Diagnostic:
    loc = tuple(err["loc"])
    on_key = bool(loc) and loc[-1] == "[key]"
    if on_key:
        loc = loc[:-1]
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    # the field's own name (line and column already say which entry of a list)
    named = next((str(x) for x in reversed(loc) if isinstance(x, str)), None)
    where = f"for '{named}'" if named else "for the file"

    def at(code: str, message: str, hint: str | None = None, key: bool = False) -> Diagnostic:
        return doc.diagnostic(loc, code, message, hint, key=key or on_key)

    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = field_names(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        listing = ", ".join(allowed)
        return at(
            "SR200",
            f"unknown field '{name}'",
            f"{hint + ' ' if hint else ''}Fields allowed here: {listing}",
            key=True,
        )
    if kind == "missing":
        name = str(loc[-1])
        return doc.diagnostic(
            loc[:-1], "SR201", f"'{name}' is missing here", f"add a line '{name}: …'"
        )
    if kind == "iso_date":
        return at(
            "SR203",
            f"'{value}' is not a date written as YYYY-MM-DD",
            "write dates as YYYY-MM-DD, for example 2026-10-14",
        )
    if kind.startswith("date_"):
        reason = ctx.get("error", "")
        return at(
            "SR203",
            f"'{value}' is not a real date" + (f" ({reason})" if reason else ""),
            "check the day and month; dates are YYYY-MM-DD",
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        fields = field_names(model, loc)
        hint = f"expected fields: {', '.join(fields)}" if fields else None
        return at(
            "SR202",
            f"expected a mapping (key: value lines) {where}, found {kind_of(value)}",
            hint,
        )
    if kind == "list_type":
        return at(
            "SR202",
            f"expected a list {where}, found {kind_of(value)}",
            "write each item on its own line, starting with '- '",
        )
    if kind in ("string_type", "str_type"):
        return at(
            "SR202",
            f"expected text {where}, found {kind_of(value)}",
            "if you meant several paragraphs, use '|' and indent the text below",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return at(
            "SR202",
            f"expected a whole number {where}, found {value!r}",
            "write the number in digits, for example 412",
        )
    if kind in ("float_type", "float_parsing"):
        return at(
            "SR202",
            f"expected a number {where}, found {value!r}",
            "write the number in digits, for example 92.4 (no % sign)",
        )
    if kind in ("bool_type", "bool_parsing"):
        return at(
            "SR202", f"expected true or false {where}, found {value!r}", "write true or false"
        )
    if kind == "string_pattern_mismatch":
        return at(
            "SR204",
            f"'{value}' is not allowed {where}",
            _PATTERNS.get(
                ctx.get("pattern", ""),
                "ids are lower-case words joined by hyphens, such as 'lesson-observation'",
            ),
        )
    if kind == "greater_than_equal":
        return at(
            "SR204",
            f"{value!r} is too small {where}; it must be {ctx['ge']} or more",
            "check the figure; counts are whole numbers from 0",
        )
    if kind == "less_than_equal":
        return at(
            "SR204",
            f"{_short(value)} is too large {where}; it must be {ctx['le']:,} or less",
            "check the figure: it is far beyond any school's",
        )
    if kind == "literal_error":
        return at(
            "SR204",
            f"'{value}' is not allowed {where}",
            f"write one of: {ctx.get('expected', '')}",
        )
    if kind == "string_too_long":
        return at(
            "SR204",
            f"{named or 'this'} is {len(str(value)):,} characters long; a field holds at most "
            f"{ctx.get('max_length', 0):,}",
            "shorten it; attach a long document as evidence and summarise it here",
        )
    if kind == "string_too_short":
        return at("SR204", f"{named or 'this'} is empty", "write it, or remove the line")
    if kind == "too_short":
        return at("SR204", f"{named or 'this'} needs at least one entry")
    if kind == "framework":
        return doc.diagnostic(
            (*loc, *ctx.get("loc", ())),
            "SR301",
            err["msg"],
            "each area and theme id is used once, and a theme's id starts with its area's id",
        )
    return at("SR204", f"{named or 'this'}: {err['msg']}")
