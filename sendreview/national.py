"""National figures for England (frameworks/national-figures.yaml, or a user's newer copy)
and how far a school's own figures are from those for its phase.

The code knows the file's shape, never its figures: a newer release is read in with
``sendreview stats import`` and needs no new version of sendreview.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sendreview import yamlio
from sendreview.errors import SendreviewError
from sendreview.modelcheck import check_document
from sendreview.models.common import Count, Day, Model, Percent, vocab
from sendreview.models.context import Context
from sendreview.models.review import Review
from sendreview.resources import data_dir
from sendreview.words import long_date, percent, term

FILE_NAME = "national-figures.yaml"
FIGURES = ("sen_support", "ehc_plans", "send_total")  # the context table's rows, in order
NAMES = {
    "sen_support": "pupils at SEN support",
    "ehc_plans": "pupils with an EHC plan",
    "send_total": "all pupils with SEND",
}


class Figure(Model):
    percent: Percent
    pupils: Count | None = None


class Phase(Model):
    label: str
    ehc_plans: Figure | None = None
    sen_support: Figure | None = None
    send_total: Figure | None = None

    def figure(self, name: str) -> Figure | None:
        found: Figure | None = getattr(self, name)
        if found is None and name == "send_total" and self.ehc_plans and self.sen_support:
            return Figure(percent=round(self.ehc_plans.percent + self.sen_support.percent, 1))
        return found


class NeedFigure(Model):
    need: vocab("primary_needs")  # type: ignore[valid-type]
    percent: Percent


class Citation(Model):
    publisher: str
    publication: str
    release: str
    published: Day | None = None
    census: str | None = None
    table: str
    url: str


class Thresholds(Model):
    points: float = 5.0
    ratio: float = 1.5
    skip_settings: list[str] = []


class NationalFigures(Model):
    citation: Citation
    phases: dict[str, Phase]
    settings: dict[str, str] = {}
    primary_needs: dict[str, list[NeedFigure]] = {}
    thresholds: Thresholds = Thresholds()

    def cited(self) -> str:
        c = self.citation
        when = f", published {long_date(c.published)}" if c.published else ""
        return f"{c.publisher}, {c.publication}, {c.release}{when}; {c.table}. {c.url}"


@dataclass(frozen=True)
class NationalFigure:
    name: str  # one of FIGURES
    percent: float
    of: str  # the phase it is for, "state-funded primary schools"


@dataclass(frozen=True)
class Difference:
    name: str
    school: float
    national: float
    of: str

    def says(self) -> str:
        side = "above" if self.school > self.national else "below"
        return (
            f"{NAMES[self.name]}: {percent(self.school)} here, well {side} the national "
            f"{percent(self.national)} {self.of}"
        )


def setting_id(review: Review | None) -> str | None:
    """review.yaml's school.setting as the id the file maps to a phase (None: not given)."""
    setting = review.school.setting if review else None
    return setting.id if setting is not None else None


def common_needs(figures: NationalFigures) -> str:
    """The most common primary need nationally, in words, for under the needs table."""
    groups = {"ehc_plans": "with an EHC plan", "sen_support": "at SEN support"}
    parts = []
    for key, pupils in groups.items():
        needs = figures.primary_needs.get(key) or []
        if needs:
            top = max(needs, key=lambda n: n.percent)
            label = term("primary_needs", top.need)
            if label[1:2].islower():  # "Autistic spectrum…" mid-sentence, never "sEN…"
                label = label[0].lower() + label[1:]
            parts.append(f"{label} for pupils {pupils} ({percent(top.percent)} of them)")
    if not parts:
        return ""
    return f"Nationally, the most common primary need is {', and '.join(parts)}."


def find_file(review_root: Path) -> Path | None:
    """A user's own national-figures.yaml: in the review's folder or the nearest folder above."""
    for folder in (review_root, *review_root.resolve().parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


@cache
def _load(path: Path, display: str) -> NationalFigures:
    result, problems = check_document(yamlio.read(path, display), NationalFigures)
    if result is None:
        first = problems[0].message if problems else "it cannot be read"
        raise SendreviewError(
            f"the national figures in {display} cannot be used: {first}",
            "make it again with 'sendreview stats import FILE.csv --force', or delete it to "
            "use the figures that come with sendreview",
        )
    return result


def builtin_path() -> Path:
    return data_dir("frameworks") / FILE_NAME


def load(review_root: Path | None = None) -> tuple[NationalFigures, Path | None]:
    """The national figures for a review, and the user's file they came from (None: built in)."""
    own = find_file(review_root) if review_root is not None else None
    if own is not None:
        return _load(own.resolve(), str(own)), own
    return _load(builtin_path(), f"frameworks/{FILE_NAME}"), None


def for_setting(figures: NationalFigures, setting: str | None) -> list[NationalFigure]:
    """The national figure for each row of the context table, for the school's phase.

    A figure the phase has no value for comes from all schools, labelled so, except in
    settings (special schools, AP) where all schools' figures would mislead.
    """
    phase_id = figures.settings.get(setting or "", "all")
    phase = figures.phases.get(phase_id)
    fallback = figures.phases.get("all")
    skip = setting in figures.thresholds.skip_settings
    out = []
    for name in FIGURES:
        if phase is not None and (found := phase.figure(name)) is not None:
            out.append(NationalFigure(name, found.percent, phase.label))
        elif fallback is not None and not skip and (found := fallback.figure(name)) is not None:
            out.append(NationalFigure(name, found.percent, fallback.label))
    return out


def school_figures(ctx: Context) -> dict[str, float]:
    """The school's own percentages for the figures the national file holds (none over 100:
    counts above the roll are already an error, and no comparison would mean anything)."""
    out: dict[str, float] = {}
    for name in ("sen_support", "ehc_plans"):
        share = getattr(ctx, name)
        value = share.percent_of(ctx.roll) if share is not None else None
        if value is not None:
            out[name] = value
    total = ctx.send_total
    if total is not None and ctx.roll:
        out["send_total"] = 100 * total / ctx.roll
    return {} if any(v > 100 for v in out.values()) else out


def differences(
    ctx: Context, setting: str | None, review_root: Path | None = None
) -> list[Difference]:
    """The school's figures far from the national ones for its phase (thresholds as data).

    A school whose context.yaml gives its own national figures is compared with those."""
    figures, _ = load(review_root)
    limits = figures.thresholds
    if setting in limits.skip_settings:
        return []
    national = {f.name: (f.percent, f"for {f.of}") for f in for_setting(figures, setting)}
    if ctx.national is not None:
        own = {"sen_support": ctx.national.sen_support, "ehc_plans": ctx.national.ehc_plans}
        own["send_total"] = ctx.national.send_total
        national = {k: (v, "given in context.yaml") for k, v in own.items() if v is not None}
    out = []
    for name, school in school_figures(ctx).items():
        if name not in national:
            continue
        value, of = national[name]
        low, high = sorted((school, value))
        if high - low >= limits.points and (low == 0 or high / low >= limits.ratio):
            out.append(Difference(name, school, value, of))
    return out
