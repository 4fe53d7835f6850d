"""``sendreview stats import``: the DfE's open data for a newer release of "Special
educational needs in England" read into a national-figures.yaml, so a user can update the
national figures without a new version of sendreview.

The input is the data set "SEN provision by school type" as downloaded from explore
education statistics: one row per time period, geographic level, phase and SEN status,
with the number and percentage of pupils. Only national rows of the latest period are read.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sendreview import national, yamlio
from sendreview.errors import SendreviewError
from sendreview.modelcheck import check_document
from sendreview.national import NationalFigures

# the columns, by the names the DfE has used for them across releases
_COLUMNS = {
    "time_period": ("time_period",),
    "geographic_level": ("geographic_level",),
    "phase": ("phase_type_grouping",),
    "status": ("sen_status", "sen_provision", "pupil_sen_status"),
    "pupils": ("number_of_pupils", "pupil_count", "headcount"),
    "percent": ("percent_of_pupils", "pupil_percent", "percentage_of_pupils", "percent"),
}
# phases the data file knows, by the words the DfE uses for them (lower case)
_PHASES = {
    "total": ("all", "all schools in England"),
    "state-funded primary": ("primary", "state-funded primary schools"),
    "state-funded secondary": ("secondary", "state-funded secondary schools"),
    "state-funded special": ("special", "state-funded special schools"),
    "state-funded special school": ("special", "state-funded special schools"),
    "state-funded ap school": ("alternative-provision", "state-funded AP schools"),
    "state-funded alternative provision": ("alternative-provision", "state-funded AP schools"),
    "pupil referral unit": ("alternative-provision", "pupil referral units"),
}
_STATUSES = {
    "education, health and care plan": "ehc_plans",
    "ehc plan": "ehc_plans",
    "ehc plans": "ehc_plans",
    "sen support": "sen_support",
}
_BLANK = {"", "c", "x", "z", "u", "low", ":"}  # the DfE's marks for figures not published


@dataclass(frozen=True)
class Imported:
    path: Path
    release: str
    phases: list[str]  # the phases' labels
    left_out: list[str]  # the phases in the file that the data file has no place for


def _problem(csv_name: str, what: str, hint: str) -> SendreviewError:
    return SendreviewError(f"{csv_name}: {what}", hint)


def _columns(header: list[str], csv_name: str) -> dict[str, str]:
    names = {h.strip().lower(): h for h in header}
    found, missing = {}, []
    for key, aliases in _COLUMNS.items():
        name = next((names[a] for a in aliases if a in names), None)
        if name is None:
            missing.append(" or ".join(aliases))
        else:
            found[key] = name
    if missing:
        raise _problem(
            csv_name,
            f"this is not the DfE's 'SEN provision by school type' data: no column "
            f"{'; no column '.join(missing)}",
            "download the data set 'SEN provision by school type' as CSV from the release "
            "on explore-education-statistics.service.gov.uk (its columns include "
            "time_period, geographic_level, phase_type_grouping, sen_status and "
            "number_of_pupils)",
        )
    return found


def _period(value: str) -> str:
    """202425 → 2024/25; anything else as written."""
    value = value.strip()
    m = re.fullmatch(r"(\d{4})(\d{2})", value)
    return f"{m[1]}/{m[2]}" if m else value


def _number(value: str, kind: type[int] | type[float], where: str) -> int | float | None:
    text = value.strip().replace(",", "")
    if text.lower() in _BLANK:
        return None
    try:
        number = kind(float(text)) if kind is int else kind(text)
    except ValueError:
        raise SendreviewError(
            f"{where}: '{value}' is not a number",
            "the file may have been changed by hand or by a spreadsheet: download it again",
        ) from None
    if number < 0 or (kind is float and number > 100):
        raise SendreviewError(
            f"{where}: {value} cannot be a {'percentage' if kind is float else 'number of pupils'}",
            "download the file again",
        )
    return number


def read_figures(text: str, csv_name: str) -> tuple[str, dict[str, dict[str, object]], list[str]]:
    """The latest period's national figures by phase: (period, {phase: {figure: …}}, left out)."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if not header:
        raise _problem(csv_name, "the file is empty", "download the CSV again")
    cols = _columns(header, csv_name)
    index = {key: header.index(name) for key, name in cols.items()}
    national_rows: list[tuple[int, list[str]]] = []
    for line, row in enumerate(rows, start=2):
        if len(row) < len(header):
            if not any(cell.strip() for cell in row):
                continue
            raise _problem(
                csv_name,
                f"line {line} has {len(row)} values, the header {len(header)}",
                "the file is cut short or was changed by hand: download it again",
            )
        if row[index["geographic_level"]].strip().lower() == "national":
            national_rows.append((line, row))
    if not national_rows:
        raise _problem(
            csv_name,
            "no national rows (geographic_level 'National')",
            "download the data with the national level included, not one region or "
            "local authority only",
        )
    latest = max(row[index["time_period"]].strip() for _, row in national_rows)
    figures: dict[str, dict[str, object]] = {}
    left_out: list[str] = []
    for line, row in national_rows:
        if row[index["time_period"]].strip() != latest:
            continue
        phase_name = row[index["phase"]].strip()
        phase = _PHASES.get(phase_name.lower())
        status = _STATUSES.get(row[index["status"]].strip().lower())
        if phase is None:
            if phase_name not in left_out:
                left_out.append(phase_name)
            continue
        if status is None:
            continue
        where = f"{csv_name}, line {line}"
        pupils = _number(row[index["pupils"]], int, where)
        share = _number(row[index["percent"]], float, where)
        if share is None:
            continue
        entry = figures.setdefault(phase[0], {"label": phase[1]})
        entry[status] = {"percent": round(float(share), 1), "pupils": pupils}
    if not any(len(f) > 1 for f in figures.values()):
        raise _problem(
            csv_name,
            f"no figures for EHC plans or SEN support in {_period(latest)}",
            "check the file is 'SEN provision by school type' with its sen_status column "
            "holding 'Education, health and care plan' and 'SEN support'",
        )
    return _period(latest), {k: v for k, v in figures.items() if len(v) > 1}, left_out


def _yaml(release: str, csv_name: str, phases: dict[str, dict[str, object]]) -> str:
    """The data file, in the shape of frameworks/national-figures.yaml; where phases map to
    settings, and the thresholds, come from the file that comes with sendreview."""
    current, _ = national.load()
    s = yamlio.scalar
    out = [
        f"# Made by 'sendreview stats import {csv_name}': the DfE's national figures for",
        "# England. sendreview uses this file for every review in this folder and below it.",
        "citation:",
        f"  publisher: {s(current.citation.publisher)}",
        f"  publication: {s(current.citation.publication)}",
        f"  release: {s('Academic year ' + release)}",
        f"  table: {s('SEN provision by school type (open data, ' + csv_name + ')')}",
        "  url: https://explore-education-statistics.service.gov.uk/find-statistics/"
        "special-educational-needs-in-england",
        "phases:",
    ]
    for phase_id, entry in phases.items():
        out += [f"  {phase_id}:", f"    label: {s(entry['label'])}"]
        for figure in national.FIGURES:
            value = entry.get(figure)
            if isinstance(value, dict):
                pupils = value["pupils"]
                counted = f", pupils: {pupils}" if pupils is not None else ""
                out.append(f"    {figure}: {{percent: {value['percent']}{counted}}}")
    out.append("settings:")
    out += [f"  {k}: {s(v)}" for k, v in current.settings.items()]
    t = current.thresholds
    out += ["thresholds:", f"  points: {t.points}", f"  ratio: {t.ratio}"]
    out.append(f"  skip_settings: [{', '.join(s(x) for x in t.skip_settings)}]")
    return "\n".join(out) + "\n"


def import_csv(source: Path, target: Path, *, force: bool = False) -> Imported:
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(
            source.name,
            "the file is not UTF-8 text",
            "download the CSV from explore education statistics again, rather than "
            "saving it from a spreadsheet",
        ) from None
    except OSError as e:
        raise _problem(
            str(source), f"cannot be read: {e.strerror or e}", "check the file's name"
        ) from None
    release, phases, left_out = read_figures(text, source.name)
    document = _yaml(release, source.name, phases)
    # what is written reads back as national figures, or the program has a fault
    result, problems = check_document(yamlio.parse_text(document, str(target)), NationalFigures)
    assert result is not None, problems
    if target.exists() and not force:
        raise SendreviewError(
            f"{target} is already there", "add --force to replace it with the newer figures"
        )
    yamlio.write_atomic(target, document, overwrite=force)
    labels = [str(p["label"]) for p in phases.values()]
    return Imported(target, release, labels, left_out)
