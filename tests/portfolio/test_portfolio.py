"""`sendreview portfolio`: the overview, themes and progress of a programme of reviews,
and what its json, csv and xlsx exports hold."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

from sendreview.portfolio import Portfolio, collect, progress, themes
from tests.conftest import EXAMPLES, Invoke
from tests.portfolio.conftest import HOSTILE, TODAY


def test_every_review_is_listed_in_validates_order(folio: Portfolio) -> None:
    assert [r.folder.rsplit("/", 1)[-1] for r in folio.reviews] == [
        "brookfield-school",
        "riverside-primary",
        *(f"review-{i:04d}" for i in range(6)),
    ]
    assert folio.problems == []


def test_an_invalid_review_is_listed_marked_with_its_first_error(folio: Portfolio) -> None:
    broken = [r for r in folio.reviews if r.errors]
    assert [r.folder.rsplit("/", 1)[-1] for r in broken] == ["review-0005"]
    (review,) = broken
    assert review.school == "Brookfield School 5"  # still named, from what could be read
    assert "SR300" in review.first_problem and "annex-9" in review.first_problem
    assert review.first_problem.startswith(f"{review.folder}/review.yaml:")


def test_the_first_problem_is_never_a_note(folio: Portfolio) -> None:
    (brookfield,) = [r for r in folio.reviews if r.folder.endswith("brookfield-school")]
    # its findings carry notes (SR810) before its first warning: the warning is shown
    assert " warning SR811 " in brookfield.first_problem


def test_the_riverside_example_as_its_files_say(folio: Portfolio) -> None:
    (riverside,) = [r for r in folio.reviews if r.folder.endswith("riverside-primary")]
    assert riverside.school == "Riverside Primary School"
    assert riverside.setting == "Mainstream primary school"
    assert riverside.framework == "annex-1"
    assert riverside.reviewers == ("Helen Ashworth",)
    assert riverside.visits == ("2026-12-09", "2027-02-10", "2027-03-24")
    assert riverside.next_visit == "2027-06-23"
    assert riverside.stage == "Follow-up visits"
    # on 1 May 2027 (the portfolio's day), five recommendations are overdue: SR708 each;
    # and R10 rests on one way of gathering evidence (SR811)
    assert (riverside.errors, riverside.warnings) == (0, 6)
    recs = {r.id: r for r in riverside.recommendations}
    assert len(recs) == 12  # R12 was added at the second visit
    # R2: achieved at the first visit, embedded at the second, not asked at the third
    assert recs["R2"].statuses == ("achieved", "embedded", "embedded")
    # due before 1 May 2027 and still in progress at the last visit (2027-03-24.yaml);
    # R12 was added at the second visit
    assert {r.id for r in recs.values() if r.overdue} == {"R3", "R4", "R9", "R11", "R12"}
    assert riverside.overdue == 5


def test_follow_up_visits_0_to_4_and_progress_by_round(folio: Portfolio) -> None:
    generated = folio.reviews[2:]
    assert [len(r.visits) for r in generated] == [0, 0, 1, 1, 2, 2]
    rounds = progress(folio).rounds
    # round 1: riverside's first visit, and the four generated reviews with a visit
    with_visits = [r for r in folio.reviews if r.visits]
    # (less riverside's R12, added at its second visit)
    assert sum(rounds[0].values()) == sum(len(r.recommendations) for r in with_visits) - 1
    assert len(rounds) == 3  # riverside has three visits, the most of any
    assert sum(rounds[2].values()) == 12


def test_themes_count_reviews_per_area(folio: Portfolio) -> None:
    found = themes(folio)
    outcomes = {(a.framework, a.key): a for a in found.areas}[("annex-1", "outcomes")]
    # riverside and its three generated copies (review-0000, -0002, -0004) have findings there
    assert outcomes.reviews_with_strengths == 4
    assert outcomes.reviews_with_development == 4
    total = sum(a.total for a in found.recommendations)
    assert total == sum(len(r.recommendations) for r in folio.reviews)
    assert found.methods[0][1] >= found.methods[-1][1]  # commonest first


def test_two_processes_give_what_one_gives(folio: Portfolio, programme: Path) -> None:
    assert collect([EXAMPLES, programme], jobs=2, today=TODAY) == folio


def test_json(cli: Invoke, programme: Path) -> None:
    result = cli("portfolio", str(EXAMPLES), str(programme), "-f", "json", "--today", "2027-05-01")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["today"] == "2027-05-01"
    reviews = {Path(r["folder"]).name: r for r in data["reviews"]}
    assert len(reviews) == 8
    riverside = reviews["riverside-primary"]
    assert riverside["overdue"] == 5 and riverside["last_visit"] == "2027-03-24"
    r2 = next(r for r in riverside["recommendations"] if r["id"] == "R2")
    assert r2["statuses"] == ["achieved", "embedded", "embedded"] and r2["complete"]
    assert "root" not in riverside  # where this machine keeps it is no one else's business
    assert reviews["review-0005"]["errors"] == 1
    assert "SR300" in reviews["review-0005"]["first_problem"]
    assert data["themes"]["areas"][0]["title"] == "Outcomes for pupils with SEND"
    assert data["progress"]["statuses"] == ["not-started", "in-progress", "achieved", "embedded"]


def test_csv(cli: Invoke, programme: Path) -> None:
    result = cli("portfolio", str(EXAMPLES), str(programme), "-f", "csv", "--today", "2027-05-01")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 8
    riverside = rows[1]
    assert riverside["School"] == "Riverside Primary School"
    assert (riverside["Recommendations"], riverside["Overdue"]) == ("12", "5")
    assert riverside["Stage reached"] == "Follow-up visits"
    assert rows[7]["Errors"] == "1" and "annex-9" in rows[7]["First problem"]
    # a name a spreadsheet would run as a formula is kept as text
    assert rows[4]["School"] == "'" + HOSTILE


def test_xlsx(cli: Invoke, programme: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "programme.xlsx"
    result = cli("portfolio", str(EXAMPLES), str(programme), "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames == ["overview", "recommendations", "themes"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    overview = list(book["overview"].values)
    header = overview[0]
    assert header[:2] == ("Review", "School") and "Overdue" in header
    assert len(overview) == 9
    hostile = book["overview"].cell(row=6, column=2)
    assert (hostile.value, hostile.data_type) == (HOSTILE, "s")  # text, not a formula
    recs = list(book["recommendations"].values)
    assert recs[0][:6] == ("Review", "School", "Recommendation", "Area", "Due", "Overdue")
    assert recs[0][6:9] == ("Visit 1", "Visit 2", "Visit 3")
    r2 = next(r for r in recs if r[1] == "Riverside Primary School" and r[2] == "R2")
    assert r2[6:9] == ("achieved", "embedded", "embedded")
    # brookfield's 12, four times; riverside's 12 (R12 added at its second visit), and its
    # 11 in each of the three generated copies (whose visits add none)
    assert len(recs) == 1 + 12 * 4 + 12 + 11 * 3
    themes_rows = list(book["themes"].values)
    assert themes_rows[0][2] == "Area or theme"
    # annex-1's eight areas and the two themes Riverside's findings are tagged with
    assert themes_rows[11][:3] == ("annex-2", "area", "Outcomes for pupils with SEND")


def test_an_output_file_is_not_replaced_without_force(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.html"
    assert cli("portfolio", str(EXAMPLES), "-f", "html", "-o", str(target)).exit_code == 0
    again = cli("portfolio", str(EXAMPLES), "-f", "html", "-o", str(target))
    assert again.exit_code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    forced = cli("portfolio", str(EXAMPLES), "-f", "html", "-o", str(target), "--force")
    assert forced.exit_code == 0


def test_a_path_with_no_reviews_is_reported_and_the_rest_still_listed(
    cli: Invoke, tmp_path: Path
) -> None:
    result = cli("portfolio", str(EXAMPLES), str(tmp_path / "nowhere"), "-f", "json")
    assert result.exit_code == 1
    assert "SR100" in result.stderr
    assert len(json.loads(result.stdout)["reviews"]) == 2


def test_text_overview(cli: Invoke, programme: Path) -> None:
    result = cli("portfolio", str(EXAMPLES), str(programme), "--today", "2027-05-01")
    assert result.exit_code == 0
    assert "Riverside Primary School" in result.stdout and "Brookfield School" in result.stdout
    assert "SR300" in result.stdout
    assert "8 reviews, 1 with errors" in result.stderr


def test_the_dashboard_escapes_and_fetches_nothing(
    cli: Invoke, programme: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "dash.html"
    assert cli("portfolio", str(programme), "-f", "html", "-o", str(target)).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "=1+2 &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy and unescape(policy[1]).startswith("default-src 'none'; script-src 'sha256-")
    assert (
        " src=" not in html
        and "<link" not in html
        and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    # the rendered report, linked relative to the dashboard's folder
    hrefs = [h.split('"', 1)[0] for h in html.split('href="')[1:]]
    assert len(hrefs) == 1 and (target.parent / hrefs[0]).resolve().is_file()
