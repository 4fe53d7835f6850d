"""The shape of frameworks and vocabularies (their content lives in frameworks/*.yaml)."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from sendreview.models.common import Model

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
ThemeSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")]


class Theme(Model):
    id: ThemeSlug
    text: str


class Area(Model):
    id: Slug
    title: str
    report_title: str | None = None
    themes: list[Theme] = []

    @property
    def heading(self) -> str:
        """The Annex 3 wording where the framework gives one."""
        return self.report_title or self.title


class Framework(Model):
    id: Slug
    title: str
    applies_to: str | None = None
    source: str | None = None
    context_prompt: str | None = None
    areas: Annotated[list[Area], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids(self) -> Framework:
        seen: set[str] = set()
        for i, area in enumerate(self.areas):
            if area.id in seen:
                raise _malformed(f"area id '{area.id}' is used twice", ("areas", i, "id"))
            seen.add(area.id)
            for j, theme in enumerate(area.themes):
                where = ("areas", i, "themes", j, "id")
                if not theme.id.startswith(area.id + "."):
                    raise _malformed(
                        f"theme id '{theme.id}' must start with its area's id '{area.id}.'", where
                    )
                if theme.id in seen:
                    raise _malformed(f"theme id '{theme.id}' is used twice", where)
                seen.add(theme.id)
        return self

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    # kept once made: a framework is read once and never changed, and validate asks for
    # these for every area and theme a review names
    @cached_property
    def area_ids(self) -> list[str]:
        return [a.id for a in self.areas]

    @cached_property
    def theme_ids(self) -> dict[str, str]:
        """Theme id → the id of its area."""
        return {t.id: a.id for a in self.areas for t in a.themes}


class Term(Model):
    id: Slug
    label: str
    short: str | None = None
    synonyms: list[str] = []  # other names people use, for "did you mean" hints

    @property
    def inline(self) -> str:
        return self.short or self.label


class Vocabulary(Model):
    title: str
    source: str | None = None
    terms: list[Term]

    @cached_property
    def ids(self) -> list[str]:
        return [t.id for t in self.terms]

    def get(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def known_as(self, word: str) -> Term | None:
        """The term another name (a synonym, a short label) stands for, if any."""
        key = word.strip().casefold()
        return next(
            (
                t
                for t in self.terms
                if key in {s.casefold() for s in [*t.synonyms, t.label, t.short or ""]}
            ),
            None,
        )


class Status(Model):
    id: Slug
    label: str
    short: str | None = None
    colour: str
    hex: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
    hatch: str = ""
    symbol: str = ""
    complete: bool = False


class ProgressScale(Model):
    title: str
    statuses: Annotated[list[Status], Field(min_length=2)]

    @cached_property
    def ids(self) -> list[str]:
        return [s.id for s in self.statuses]

    def rank(self, status_id: str) -> int:
        return next(i for i, s in enumerate(self.statuses) if s.id == status_id)

    def get(self, status_id: str) -> Status | None:
        return next((s for s in self.statuses if s.id == status_id), None)


class Annex3Labels(Model):
    title: str
    context_prompt: str
    columns: dict[str, str]
    vision_prompt: str


class FollowUpLabels(Model):
    title: str
    reviewer: str
    school: str
    date: str
    summary: str
    action_points_school: str
    action_points_reviewer: str
    vision_prompt: str
    next_visit: str


class Reporting(Model):
    annex_3: Annex3Labels = Field(alias="annex-3")
    follow_up: FollowUpLabels = Field(alias="follow-up")


def _malformed(message: str, loc: tuple[str | int, ...]) -> PydanticCustomError:
    """A framework error that carries where it is (pydantic gives model checks no place)."""
    return PydanticCustomError("framework", message, {"loc": loc})


class Triangulation(Model):
    """frameworks/triangulation.yaml: how varied a finding's evidence should be."""

    title: str
    methods: Annotated[int, Field(ge=1)]
    stakeholders: Annotated[int, Field(ge=0)]
