"""`sendreview followup new`: carrying recommendations over from visit to visit."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from sendreview import yamlio
from sendreview.atomic import _host
from tests.conftest import Invoke, build_case


def progress(path: Path) -> dict[str, object]:
    data = yamlio.read(path).data
    return {k: v["status"] for k, v in (data["progress"] or {}).items()}


def set_statuses(path: Path, statuses: dict[str, str], note: str | None = None) -> None:
    text = path.read_text()
    for rec, status in statuses.items():
        old = f"  {rec}:\n    status: "
        start = text.index(old) + len(old)
        end = text.index("\n", start)
        text = text[:start] + status + text[end:]
        if note:
            text = text.replace(
                f"  {rec}:\n    status: {status}\n    note:",
                f"  {rec}:\n    status: {status}\n    note: {note}",
                1,
            )
    path.write_text(text)


def test_statuses_carry_over_across_three_visits(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")  # R1 and R2, no follow-ups yet
    first = cli("followup", "new", str(ws), "--date", "2026-12-01")
    assert first.exit_code == 0, first.output
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    assert progress(visit1) == {"R1": "not-started", "R2": "not-started"}
    assert "# R1 · Leadership · due 31 January 2027 · last: new at the review" in visit1.read_text()
    set_statuses(visit1, {"R1": "achieved", "R2": "in-progress"})
    assert cli("validate", str(ws)).exit_code == 0

    second = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert "1 open recommendation carried over, 1 already complete." in second.stdout
    visit2 = ws / "follow-ups" / "2027-01-20.yaml"
    assert progress(visit2) == {"R2": "in-progress"}
    assert (
        "# Complete, not asked again:\n  #   R1 achieved (2026-12-01): Arrange training"
        in visit2.read_text()
    )
    set_statuses(visit2, {"R2": "not-started"}, note="The lead left; restarted in January.")

    cli("followup", "new", str(ws), "--date", "2027-03-03")
    visit3 = ws / "follow-ups" / "2027-03-03.yaml"
    assert progress(visit3) == {"R2": "not-started"}
    assert "last: not started (2027-01-20)" in visit3.read_text()
    assert cli("validate", str(ws)).exit_code == 0


def test_the_previous_visit_gets_its_next_visit_date_and_nothing_else(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    # make the file the user's own: comments, CRLF, odd spacing, quoting
    text = visit1.read_text().replace("summary:", "summary:   'Half-day visit'   # kept")
    visit1.write_bytes(text.replace("\n", "\r\n").encode())
    before = visit1.read_bytes().split(b"\r\n")
    result = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert "recorded 20 January 2027 as the date of the next visit" in result.stdout
    after = visit1.read_bytes().split(b"\r\n")
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [(b"next_visit:", b"next_visit: 2027-01-20")]
    assert yamlio.read(visit1).data["next_visit"] == "2027-01-20"


def test_set_top_level_adds_a_missing_key_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("# mine\ndate: 2026-12-01   # the visit\n")
    yamlio.set_top_level(path, "next_visit", date(2027, 1, 1))
    assert path.read_text() == "# mine\ndate: 2026-12-01   # the visit\nnext_visit: 2027-01-01\n"
    yamlio.set_top_level(path, "date", date(2026, 12, 2))
    assert path.read_text() == "# mine\ndate: 2026-12-02   # the visit\nnext_visit: 2027-01-01\n"


def test_an_existing_visit_is_never_replaced(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit = ws / "follow-ups" / "2026-12-01.yaml"
    visit.write_text(visit.read_text() + "# my notes\n")
    again = cli("followup", "new", str(ws), "--date", "2026-12-01")
    assert again.exit_code == 1
    assert "already exists" in again.stderr
    assert visit.read_text().endswith("# my notes\n")


def test_an_interrupted_write_leaves_no_file(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")

    def power_cut(*args: object) -> None:  # Ctrl-C (or a power cut) in mid-write
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", power_cut)
    result = cli("followup", "new", str(ws), "--date", "2026-12-01")
    assert result.exit_code == 130
    assert list((ws / "follow-ups").iterdir()) == []


def test_a_visit_before_the_review_is_refused(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    result = cli("followup", "new", str(ws), "--date", "2026-10-01")
    assert result.exit_code == 1
    assert "2026-10-01 is before the review visit (2026-10-14)" in result.stderr


def test_today_before_the_last_visit_needs_the_date_given(
    cli: Invoke, riverside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from sendreview.scaffold import new_visit

    class Day(dt.date):
        @classmethod
        def today(cls) -> Day:
            return cls(2027, 1, 5)  # between Riverside's first and second visits

    monkeypatch.setattr(new_visit, "date", Day)
    result = cli("followup", "new", str(riverside))
    assert result.exit_code == 1
    assert "today (5 January 2027) is before the last visit recorded (24 March 2027)" in (
        " ".join(result.stderr.split())
    )
    assert not (riverside / "follow-ups" / "2027-01-05.yaml").exists()
    # given on purpose, a visit between two others is made (validate then checks it)
    assert cli("followup", "new", str(riverside), "--date", "2027-01-05").exit_code == 0


def test_from_each_example(cli: Invoke, riverside: Path, brookfield: Path) -> None:
    result = cli("followup", "new", str(riverside), "--date", "2027-06-23")
    assert result.exit_code == 0
    assert set(progress(riverside / "follow-ups" / "2027-06-23.yaml")) == {
        "R3",
        "R4",
        "R9",
        "R11",
        "R12",  # added at the second visit, carried over like the review's own
    }
    result = cli("followup", "new", str(brookfield), "--date", "2026-12-16")
    assert "12 open recommendations carried over, 0 already complete." in result.stdout
    for ws in (riverside, brookfield):
        assert cli("validate", str(ws)).exit_code == 0


def test_a_visit_file_with_errors_stops_the_next_one(cli: Invoke, riverside: Path) -> None:
    last = riverside / "follow-ups" / "2027-03-24.yaml"
    last.write_text(last.read_text().replace("summary:", "sumary:", 1))
    result = cli("followup", "new", str(riverside), "--date", "2027-06-23")
    assert result.exit_code == 1
    assert "error SR200 unknown field 'sumary'" in result.stdout
    assert not (riverside / "follow-ups" / "2027-06-23.yaml").exists()
    status = cli("status", str(riverside)).stdout
    assert "1 follow-up file with errors left out" in status


def test_a_previous_visit_written_as_a_flow_mapping_gets_its_next_visit(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    data = yamlio.read(visit1).data
    del data["next_visit"]
    data["progress"]["R1"]["status"] = "achieved"
    visit1.write_text("# written by hand\n" + yaml.safe_dump(data, default_flow_style=True))
    assert visit1.read_text().startswith("# written by hand\n{")
    result = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert result.exit_code == 0, result.output
    assert "recorded 20 January 2027 as the date of the next visit" in result.stdout
    assert yamlio.read(visit1).data == {**data, "next_visit": "2027-01-20"}
    assert visit1.read_text().startswith("# written by hand\n{")
    assert progress(ws / "follow-ups" / "2027-01-20.yaml") == {"R2": "not-started"}
    assert cli("validate", str(ws)).exit_code == 0


def test_a_run_stopped_before_the_new_file_is_finished_by_running_it_again(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"

    def stopped(*args: object, **kwargs: object) -> None:  # killed before the new file
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(yamlio, "write_atomic", stopped)
        assert cli("followup", "new", str(ws), "--date", "2027-01-20").exit_code == 130
    assert yamlio.read(visit1).data["next_visit"] == "2027-01-20"  # the first of the two writes
    assert not (ws / "follow-ups" / "2027-01-20.yaml").exists()
    again = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert again.exit_code == 0, again.output
    assert progress(ws / "follow-ups" / "2027-01-20.yaml") == {
        "R1": "not-started",
        "R2": "not-started",
    }
    assert visit1.read_text().count("next_visit: 2027-01-20\n") == 1
    assert cli("validate", str(ws)).exit_code == 0


def test_a_new_file_left_without_the_previous_visits_date_is_finished(
    cli: Invoke, tmp_path: Path
) -> None:
    """What an earlier sendreview, killed between the two writes, left: the new file as
    made, the previous visit not yet pointing at it."""
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    before = visit1.read_text()
    cli("followup", "new", str(ws), "--date", "2027-01-20")
    visit2 = ws / "follow-ups" / "2027-01-20.yaml"
    made = visit2.read_bytes()
    visit1.write_text(before)
    again = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert again.exit_code == 0, again.output
    assert "recorded 20 January 2027 as the date of the next visit" in again.stdout
    assert "was already there, just as an earlier run of this command made it" in again.stdout
    assert visit2.read_bytes() == made
    assert yamlio.read(visit1).data["next_visit"] == "2027-01-20"
    visit2.write_bytes(made + b"# my notes\n")  # now the reviewer's: never replaced
    assert cli("followup", "new", str(ws), "--date", "2027-01-20").exit_code == 1


def test_a_previous_visit_that_cannot_be_edited_is_left_with_a_note(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    text = visit1.read_text().replace("\nnext_visit:\n", "\n") + "...\n"  # document end
    visit1.write_text(text)
    result = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert result.exit_code == 0, result.output
    assert "add 'next_visit: 2027-01-20' to it yourself" in result.stdout
    assert visit1.read_text() == text
    assert (ws / "follow-ups" / "2027-01-20.yaml").exists()


def test_stopped_writes_leave_no_temporary_files_behind(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("short-forms", tmp_path / "ws")
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    stale = ws / "follow-ups" / f".2027-01-20.yaml.sr-{_host()}-{gone}-abcd1234.tmp"
    stale.write_text("half a vis")
    assert cli("followup", "new", str(ws), "--date", "2027-01-20").exit_code == 0
    assert sorted(p.name for p in (ws / "follow-ups").iterdir()) == [
        "2026-12-01.yaml",
        "2027-01-20.yaml",
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "{date: 2026-12-01, summary: x}\n",
            "{date: 2026-12-01, summary: x, next_visit: 2027-01-20}\n",
        ),
        ("{date: 2026-12-01, }\n", "{date: 2026-12-01, next_visit: 2027-01-20, }\n"),
        ("{}\n", "{next_visit: 2027-01-20}\n"),
        (
            "{date: 2026-12-01,  # the visit\n progress: {R1: {status: achieved}}\n}\n",
            "{date: 2026-12-01,  # the visit\n progress: {R1: {status: achieved}}, "
            "next_visit: 2027-01-20\n}\n",
        ),
        ("{date: 2026-12-01, next_visit: }\n", "{date: 2026-12-01, next_visit: 2027-01-20 }\n"),
        ("{date: 2026-12-01, next_visit}\n", "{date: 2026-12-01, next_visit: 2027-01-20}\n"),
        ("{next_visit: ~, a: 1}", "{next_visit: 2027-01-20, a: 1}"),
        ("date: 1\nnext_visit :  # c\nx: 2\n", "date: 1\nnext_visit : 2027-01-20  # c\nx: 2\n"),
    ],
)
def test_set_top_level_in_every_layout(tmp_path: Path, before: str, after: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(before)
    yamlio.set_top_level(path, "next_visit", date(2027, 1, 20))
    assert path.read_text() == after


@pytest.mark.parametrize("text", ["[1, 2]\n", "a: [\n", "a: 1\n...\n", "--- a\n"])
def test_set_top_level_refuses_rather_than_breaking_a_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text)
    with pytest.raises(ValueError):
        yamlio.set_top_level(path, "next_visit", date(2027, 1, 20))
    assert path.read_text() == text


def fill(path: Path, old: str, new: str) -> None:
    """Write into a scaffold as a reviewer would: replace one line of it."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def test_added_recommendations_and_action_points_carry_over_across_three_visits(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("short-forms", tmp_path / "ws")  # R1 and R2, evidence E1 and E2
    cli("followup", "new", str(ws), "--date", "2026-12-01")
    visit1 = ws / "follow-ups" / "2026-12-01.yaml"
    text = visit1.read_text()
    assert "previous_action_points" not in text  # nothing to look back on at a first visit
    assert "the next is R3" in text and "the next is E3" in text
    fill(visit1, "summary:\n", "summary: A first look.\n")
    fill(
        visit1,
        "recommendations:\n",
        "recommendations:\n  - {id: R3, area: monitoring, text: Review the tracker termly., "
        "owner: SENCO, due: 2027-01-15, evidence: [E3]}\n",
    )
    fill(
        visit1,
        "evidence:\n",
        "evidence:\n  - {id: E3, date: 2026-12-01, method: book-look, title: Tracker}\n",
    )
    fill(visit1, "  school:\n", "  school:\n    - 'Share the tracker: with every teacher.'\n")
    fill(visit1, "  reviewer:\n", "  reviewer:\n    - |-\n      Send a template.\n      Soon.\n")
    assert cli("validate", str(ws)).exit_code == 0

    second = cli("followup", "new", str(ws), "--date", "2027-01-20")
    assert "3 open recommendations carried over" in second.stdout
    visit2 = ws / "follow-ups" / "2027-01-20.yaml"
    text = visit2.read_text()
    assert progress(visit2) == {"R1": "not-started", "R2": "not-started", "R3": "not-started"}
    assert "Overdue since 15 January 2027; added at follow-up visit 1 (1 December 2026)" in text
    assert "the next is R4" in text and "the next is E4" in text
    checks = yamlio.read(visit2).data["previous_action_points"]
    assert checks == {
        "school": [{"point": "Share the tracker: with every teacher.", "done": None, "note": None}],
        "reviewer": [{"point": "Send a template.\nSoon.", "done": None, "note": None}],
    }
    fill(visit2, "      done:\n", "      done: true\n")
    fill(visit2, "      done:\n", "      done: false\n")
    fill(visit2, "    status: not-started\n    note:\n", "    status: achieved\n    note: Done.\n")
    set_statuses(visit2, {"R3": "achieved"})
    fill(visit2, "  school:\n  # ", "  school: [Train the new TA.]\n  # ")  # action_points
    assert cli("validate", str(ws)).exit_code == 0, cli("validate", str(ws)).stdout

    third = cli("followup", "new", str(ws), "--date", "2027-03-03")
    assert "1 open recommendation carried over, 2 already complete." in third.stdout
    visit3 = ws / "follow-ups" / "2027-03-03.yaml"
    text = visit3.read_text()
    assert progress(visit3) == {"R2": "not-started"}
    assert "R3 achieved (2027-01-20): Review the tracker termly." in text
    # only the last visit's action points are carried, not those already looked at
    assert yamlio.read(visit3).data["previous_action_points"] == {
        "school": [{"point": "Train the new TA.", "done": None, "note": None}],
        "reviewer": None,
    }
