"""The privacy check (SR801-SR805): the DfE's check characters, the labelled sentences'
precision and recall, report's refusal, and turning each check off."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sendreview.privacy import find
from sendreview.privacy.names import given_names
from sendreview.privacy.numbers import is_uln, is_upn, upn_check_letter
from tests.conftest import BROOKFIELD, RIVERSIDE, Invoke, build_case

ROOT = Path(__file__).resolve().parents[2]
CODES = ["SR801", "SR802", "SR803", "SR804", "SR805"]


@pytest.mark.parametrize(
    "upn",
    [
        "B801200005001",  # the example of the published rule (python-stdnum's too)
        "F686420321146",
        "K837657215999",
        "Y28652812385W",  # temporary: the last letter counts as its place in the alphabet
        "D68159052269A",
        "b801200005001",  # written in lower case
    ],
)
def test_valid_upns(upn: str) -> None:
    assert is_upn(upn)


@pytest.mark.parametrize(
    "upn",
    [
        "A801200005001",  # the wrong check letter
        "C801200005001",
        "J686420321146",
        "I801200005001",  # I, O and S are never check letters
        "Y28652812385X",  # a temporary UPN whose last letter does not fit the check letter
        "Y28652812385O",  # O is never a UPN's last letter
        "B80120000500",  # 12 characters
        "B8012000050011",  # 14
        "B80120000A001",  # a letter in the middle
        "1801200005001",  # no check letter
    ],
)
def test_invalid_upns(upn: str) -> None:
    assert not is_upn(upn)


def test_the_check_letter_weights_positions_2_to_13_modulo_23() -> None:
    # 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93 = 4 x 23 + 1: the second letter, B
    assert upn_check_letter("801200005001") == "B"
    assert upn_check_letter("80120000500S") is None  # S is not in the alphabet of 23


@pytest.mark.parametrize("uln", ["9276308686", "2667504401", "1105901091"])
def test_valid_ulns(uln: str) -> None:
    # 9276308686 is the published example: 9x10 + 2x9 + … + 6x1 = 296 = 26 x 11 + 10
    assert is_uln(uln)


@pytest.mark.parametrize(
    "uln", ["9276308687", "2667504402", "0276308686", "927630868", "92763086860", "92763O8686"]
)
def test_invalid_ulns(uln: str) -> None:
    assert not is_uln(uln)


def _figures() -> tuple[dict[str, object], int, list[str]]:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import privacy_figures
    finally:
        sys.path.pop(0)
    return privacy_figures.figures()  # type: ignore[no-any-return]


def test_precision_and_recall_on_the_labelled_sentences_meet_the_targets() -> None:
    scores, count, wrong = _figures()
    assert count >= 200
    recall = {k: s.recall for k, s in scores.items()}  # type: ignore[attr-defined]
    assert recall["upn"] >= 0.95 and recall["uln"] >= 0.95 and recall["dob"] >= 0.95, wrong
    assert recall["name"] >= 0.85, wrong
    assert scores["all"].precision >= 0.8, wrong  # type: ignore[attr-defined]


def test_a_child_named_near_words_that_mark_a_child() -> None:
    assert [f.text for f in find("Jayden in Year 4 reads well.")] == ["Jayden"]
    assert find("Pupil A in Year 4 reads well.") == []  # the convention
    assert find("Jayden in Year 4 reads well.", {"Jayden"}) == []  # an adult, or allowed
    assert find("Mrs Ruby Patel teaches Year 4.") == []  # a title: staff
    assert find("Jayden led the assembly.") == []  # nothing marks a child


def test_the_names_list_is_read_only_for_text_that_could_hold_a_childs_name() -> None:
    given_names.cache_clear()
    find("Lessons are well adapted, and Olivia gives precise feedback.")
    assert given_names.cache_info().currsize == 0
    find("Olivia in Year 5 reads well.")
    assert given_names.cache_info().currsize == 1


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD])
def test_the_examples_hold_no_personal_data(cli: Invoke, example: Path) -> None:
    out = cli("validate", str(example)).stdout
    assert not any(f" {code} " in out for code in CODES)


def test_report_refuses_a_review_holding_personal_data(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("personal-data", tmp_path / "ws")
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "no report written" in result.stderr
    assert "evidence.yaml:16: a Unique Pupil Number in the text: 'R84367751173V'" in result.stderr
    assert "--allow-personal-data" in result.stderr
    assert not (tmp_path / "out").exists()
    allowed = cli(
        "report", str(ws), "-f", "md", "-o", str(tmp_path / "out"), "--allow-personal-data"
    )
    assert allowed.exit_code == 0, allowed.stderr
    assert "R84367751173V" in next((tmp_path / "out").glob("*.md")).read_text()


@pytest.mark.parametrize("code", CODES)
def test_each_check_may_be_turned_off_with_a_reason(cli: Invoke, tmp_path: Path, code: str) -> None:
    ws = build_case("personal-data", tmp_path / "ws")
    assert f" {code} " in cli("validate", str(ws)).stdout
    review = ws / "review.yaml"
    review.write_text(review.read_text() + f"checks_off:\n  {code}: shared with the LA only\n")
    assert f" {code} " not in cli("validate", str(ws)).stdout
    data = json.loads(cli("status", str(ws), "--format", "json").stdout)
    assert {"code": code, "reason": "shared with the LA only"}.items() <= data["checks_off"][
        0
    ].items()


def test_report_renders_when_every_privacy_check_is_turned_off(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("personal-data", tmp_path / "ws")
    review = ws / "review.yaml"
    off = "".join(f"  {code}: the report goes to the school's own SENCO only\n" for code in CODES)
    review.write_text(review.read_text() + "checks_off:\n" + off)
    result = cli("report", str(ws), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr


def test_report_all_refuses_too_unless_allowed(cli: Invoke, tmp_path: Path) -> None:
    build_case("personal-data", tmp_path / "reviews" / "ws")
    out = str(tmp_path / "out")
    refused = cli("report", str(tmp_path / "reviews"), "--all", "-j", "1", "-f", "md", "-o", out)
    assert refused.exit_code == 1 and "no report written" in refused.stdout + refused.stderr
    allowed = cli(
        "report",
        str(tmp_path / "reviews"),
        "--all",
        "-j",
        "1",
        "-f",
        "md",
        "-o",
        out,
        "--allow-personal-data",
    )
    assert allowed.exit_code == 0, allowed.stdout + allowed.stderr


def test_status_says_how_many_places_may_identify_a_child(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("personal-data", tmp_path / "ws")
    shown = " ".join(cli("status", str(ws)).stdout.split())
    assert "Personal data: 7 places may identify a child (SR801–SR805)" in shown
    assert json.loads(cli("status", str(ws), "--format", "json").stdout)["personal_data"] == 7
    clean = json.loads(cli("status", str(RIVERSIDE), "--format", "json").stdout)
    assert clean["personal_data"] == 0


def test_the_names_worked_out_once_are_kept_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendreview.privacy import names

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    earlier = tmp_path / "sendreview" / "given-names-0123456789abcdef.txt"  # another list's
    earlier.parent.mkdir()
    earlier.write_text("Olivia\n", encoding="utf-8")
    names.given_names.cache_clear()
    first = names.given_names()
    (kept,) = (tmp_path / "sendreview").glob("given-names-*.txt")  # the earlier one gone
    names.given_names.cache_clear()
    monkeypatch.setattr(names, "_read", lambda text: pytest.fail("worked out again"))
    assert names.given_names() == first and "Olivia" in first
    assert kept.read_text(encoding="utf-8").split() == sorted(first)
    names.given_names.cache_clear()
