"""Building blocks shared by every workspace file's model.

Conventions, the same in every file:
- unknown keys are refused (``extra="forbid"``) so that typos are caught;
- a key left empty (``strengths:`` with nothing after it) means "not given yet";
- a model with a ``short_form`` field may be written as that field's bare value
  (a strength as plain text, a person as just a name);
- references to framework or vocabulary entries, and to evidence or
  recommendation ids, carry a ``Ref`` marker: the checks find them by it, and the
  JSON Schema turns each framework/vocabulary marker into the list of allowed values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

# pydantic must not see our own "$ref"s while it generates a schema; sendreview.schemas
# swaps this key for a "$ref" to the allowed values it adds afterwards
PLACEHOLDER = "x-sendreview-values"

TEXT_CHARS = 20_000  # about 3,000 words, pages of a report: the most any one field holds

_SEPARATORS = re.compile(r"[\s_]+")
_TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)?$")


@dataclass(frozen=True, slots=True)
class Ref:
    """Marks a value that names something defined elsewhere.

    ``kind`` is ``area``, ``theme``, ``status``, ``vocab`` (with ``vocab`` naming the
    list), ``evidence`` or ``recommendation``; ``defines`` marks the place an id is
    defined rather than cited.
    """

    kind: str
    vocab: str | None = None
    defines: bool = False
    other: bool = True  # a vocabulary term may instead be "other: your words"

    def normal(self, value: str) -> str:
        """The id a person meant: terms may be written in any case, with spaces or
        underscores for hyphens ('High', 'Lesson observation'); every id is lower case."""
        if self.kind in ("evidence", "recommendation"):
            return value
        return _term_id(value)

    def read(self, value: Any) -> Any:
        """A pydantic "before" validator: :meth:`normal` for text, anything else as it is."""
        return self.normal(value) if isinstance(value, str) else value

    @property
    def schema_name(self) -> str | None:
        """The ``$defs`` entry the JSON Schema fills with allowed values, if any."""
        if self.kind in ("area", "theme", "status"):
            return self.kind
        if self.kind == "vocab":
            return f"vocab-{self.vocab}"
        return None

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        name = self.schema_name
        if name is None:
            return handler(schema)
        return {PLACEHOLDER: name}


@dataclass(frozen=True, slots=True)
class Prose:
    """Marks text people write in Markdown, which reports render (see validation/text.py)."""


@dataclass(frozen=True, slots=True)
class Plain:
    """Marks a line of plain text (a name, a title) that reports show; with ``Prose``, the
    free text the privacy check reads (validation/privacy.py)."""


@lru_cache(maxsize=4096)  # the same few terms fill every file
def _term_id(value: str) -> str:
    written = _SEPARATORS.sub("-", value.strip()).lower()
    return written if _TERM_ID.match(written) else value


class Model(BaseModel):
    # every text is bounded, not only Markdown: what validates must render in bounded memory
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_max_length=TEXT_CHARS)

    short_form: ClassVar[str | None] = None
    short_form_schema: ClassVar[dict[str, Any]] = {"type": "string"}

    @model_validator(mode="before")
    @classmethod
    def _prepare(cls, data: Any) -> Any:
        return cls.expand(data)

    @classmethod
    def expand(cls, data: Any) -> Any:
        """What a person wrote, written out: short forms as mappings, empty keys dropped.

        The reference checks walk raw data through this too, so both read alike."""
        if data is None:  # an empty entry: its required fields are reported missing
            return {}
        if isinstance(data, dict):
            if cls.short_form and set(data) == {"other"} and "other" not in cls.model_fields:
                return {cls.short_form: data}  # "- other: …" where a term belongs
            if None not in data.values():  # most entries: nothing to drop
                return data
            # unknown keys stay, to be reported even when empty
            return {k: v for k, v in data.items() if v is not None or k not in cls.model_fields}
        if cls.short_form and isinstance(data, str | int | float) and not isinstance(data, bool):
            return {cls.short_form: data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        full = handler(schema)
        if cls.short_form:
            return {"anyOf": [cls.short_form_schema, full]}
        return full


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        raise PydanticCustomError("iso_date", "write dates as YYYY-MM-DD, for example 2026-10-14")
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str | date) else value


Day = Annotated[date, BeforeValidator(_iso_day)]
Days = Annotated[
    list[Day],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "array", "items": {"type": "string", "format": "date"}},
            ]
        }
    ),
]
LINE = r"^[^\r\n]*$"
Line = Annotated[str, StringConstraints(pattern=LINE), Plain()]
"""A name or a title: text on one line."""

MARKDOWN_CHARS = TEXT_CHARS
MARKDOWN_DEPTH = 8  # lists and quotes inside each other
MARKDOWN_BRACKETS = 100  # '[' left open: pandoc's time grows fast with them
_MARKER = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)]|>)(?:[ \t]+|$)")
_ANY_MARKER = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)]|>)(?:[ \t]|$)", re.MULTILINE)


def _nesting(text: str) -> int:
    """How deeply lists and block quotes nest in ``text`` (generously counted)."""
    if not _ANY_MARKER.search(text):  # most texts are paragraphs: no list, no quote
        return 0
    deepest = 0
    columns: list[int] = []  # where the text of each open item starts
    for raw in text.splitlines():
        line = raw.expandtabs(4)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        while columns and indent < columns[-1]:
            columns.pop()
        pos = 0
        while (marker := _MARKER.match(line, pos)) and marker.end() > pos:
            pos = marker.end()
            columns.append(pos)  # "- - x" and "> > x" open one level per marker
        deepest = max(deepest, len(columns))
    return deepest


def _unclosed(text: str) -> int:
    """'[' with no ']' after them to close them (escaped ones are characters)."""
    opened, i = 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            opened += 1
        elif ch == "]" and opened:
            opened -= 1
        i += 1
    return opened


def _bounded_markdown(value: Any) -> Any:
    """What validates must also render: bounds on a Markdown field's size and shape."""
    if not isinstance(value, str):
        return value
    if len(value) > MARKDOWN_CHARS:
        raise PydanticCustomError(
            "markdown_length",
            f"this text is {len(value):,} characters long, and a text field may hold up to "
            f"{MARKDOWN_CHARS:,} (about 3,000 words); split it into several findings or "
            "notes, or attach the document as evidence and summarise it here",
        )
    depth = _nesting(value)
    if depth > MARKDOWN_DEPTH:
        raise PydanticCustomError(
            "markdown_depth",
            f"lists or quotes here are nested {depth} levels deep, and a report can show "
            f"up to {MARKDOWN_DEPTH}; move the deepest items up a level",
        )
    # there are never more unclosed '[' than '[' (counting them is many times quicker)
    unclosed = _unclosed(value) if value.count("[") > MARKDOWN_BRACKETS else 0
    if unclosed > MARKDOWN_BRACKETS:
        raise PydanticCustomError(
            "markdown_brackets",
            f"this text has {unclosed} '[' without a ']' to close them, and up to "
            f"{MARKDOWN_BRACKETS} are allowed; close each '[' with ']', or write '\\[' "
            "for a bracket that is just a character",
        )
    return value


Markdown = Annotated[str, BeforeValidator(_bounded_markdown), Prose()]
"""Text a reviewer writes: Markdown (bold, lists, links); raw HTML is shown as text.
Bounded (MARKDOWN_CHARS, MARKDOWN_DEPTH, MARKDOWN_BRACKETS) so that what validates
also renders in every format."""

Percent = Annotated[float, WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]
Count = Annotated[int, Field(ge=0, le=10_000_000)]  # pupils, staff, days: never more

EVIDENCE_ID = r"^E[1-9][0-9]*$"
RECOMMENDATION_ID = r"^R[1-9][0-9]*$"
CHECK_CODE = r"^SR[0-9]{3}$"
EvidenceId = Annotated[str, StringConstraints(pattern=EVIDENCE_ID), Ref("evidence")]
EvidenceIds = Annotated[
    list[EvidenceId],
    BeforeValidator(lambda v: [v] if isinstance(v, str) else v),  # `evidence: E1`
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": EVIDENCE_ID},
                {"type": "array", "items": {"type": "string", "pattern": EVIDENCE_ID}},
            ]
        }
    ),
]
RecommendationId = Annotated[
    str, StringConstraints(pattern=RECOMMENDATION_ID), Ref("recommendation")
]


AreaId = Annotated[str, BeforeValidator(Ref("area").read), Ref("area")]
ThemeId = Annotated[str, BeforeValidator(Ref("theme").read), Ref("theme")]
StatusId = Annotated[str, BeforeValidator(Ref("status").read), Ref("status")]


def by_area(value: Any) -> Any:
    """A mapping from area of focus ids to ``value``."""
    return Annotated[
        dict[AreaId, value],
        Field(json_schema_extra={"propertyNames": {PLACEHOLDER: "area"}}),
    ]


class Choice(Model):
    """A term from one of the guide's lists by id, or ``{other: ...}`` in the user's words."""

    short_form: ClassVar[str | None] = "id"

    id: str | None = None
    other: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _normal(cls, value: Any) -> Any:
        return Ref("vocab").read(value)

    @model_validator(mode="after")
    def _one(self) -> Choice:
        if (self.id is None) == (self.other is None):
            raise PydanticCustomError(
                "choice", "give either a term from the list or 'other: your words'"
            )
        return self


def closed_vocab(name: str) -> Any:
    """The type of a field that must be one of vocabulary ``name``'s ids (no ``other``)."""
    ref = Ref("vocab", name, other=False)
    return Annotated[str, BeforeValidator(ref.read), ref]


def vocab(name: str) -> Any:
    """The type of a field whose value comes from vocabulary ``name`` (or ``other``)."""
    schema = {
        "anyOf": [
            {PLACEHOLDER: f"vocab-{name}"},
            {
                "type": "object",
                "properties": {"other": {"type": "string"}},
                "required": ["other"],
                "additionalProperties": False,
            },
        ]
    }
    return Annotated[Choice, Ref("vocab", name), WithJsonSchema(schema)]


class Person(Model):
    short_form: ClassVar[str | None] = "name"

    name: Line
    role: Line | None = None
    organisation: Line | None = None


class Statement(Model):
    """A strength or area for development, as plain text or ``{text, themes}``."""

    short_form: ClassVar[str | None] = "text"

    text: Markdown
    themes: list[ThemeId] = []


class Finding(Statement):
    """A reviewer's strength or area for development: a statement resting on evidence."""

    evidence: EvidenceIds = []
