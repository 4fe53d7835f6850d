"""``sendreview stats import``: the DfE's open data (a fixture in its layout, made for the
test) read into a national-figures.yaml that the reviews below it then use."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendreview import national
from tests.conftest import CASES, RIVERSIDE, Invoke, copy_workspace

FIXTURE = CASES / "stats" / "sen-provision-by-school-type.csv"


def test_import_writes_figures_the_reviews_below_use(
    tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("stats", "import", str(FIXTURE))
    assert result.exit_code == 0, result.stdout
    assert "Academic year 2030/31" in result.stdout  # the latest period, not 2029/30
    assert "Non-maintained special school" in result.stdout  # said to be left out
    review = copy_workspace(RIVERSIDE, tmp_path / "riverside")
    figures, found = national.load(review)
    assert found == tmp_path / national.FILE_NAME
    assert figures.citation.release == "Academic year 2030/31"
    primary = {
        f.name: (f.percent, f.of) for f in national.for_setting(figures, "mainstream-primary")
    }
    assert primary["ehc_plans"] == (3.2, "state-funded primary schools")
    assert primary["sen_support"] == (15.9, "state-funded primary schools")
    assert primary["send_total"] == (19.1, "state-funded primary schools")
    assert figures.phases["all"].ehc_plans is not None
    assert figures.phases["all"].ehc_plans.pupils == 530000  # national rows only
    special = figures.phases["special"]
    assert special.ehc_plans is not None and special.sen_support is None  # "c": suppressed
    # the same again is refused, then replaced with --force
    again = cli("stats", "import", str(FIXTURE))
    assert again.exit_code != 0 and "--force" in again.output
    assert cli("stats", "import", str(FIXTURE), "--force").exit_code == 0


BAD = {
    "columns": (
        "time_period,geographic_level,phase_type_grouping\n202425,National,Total\n",
        "no column sen_status or sen_provision",
    ),
    "regional": (
        "time_period,geographic_level,phase_type_grouping,sen_status,number_of_pupils,"
        "percent_of_pupils\n202425,Regional,Total,SEN support,10,1.0\n",
        "no national rows",
    ),
    "number": (
        "time_period,geographic_level,phase_type_grouping,sen_status,number_of_pupils,"
        "percent_of_pupils\n202425,National,Total,SEN support,ten,1.0\n",
        "line 2: 'ten' is not a number",
    ),
    "short": (
        "time_period,geographic_level,phase_type_grouping,sen_status,number_of_pupils,"
        "percent_of_pupils\n202425,National,Total\n",
        "line 2 has 3 values, the header 6",
    ),
    "statuses": (
        "time_period,geographic_level,phase_type_grouping,sen_status,number_of_pupils,"
        "percent_of_pupils\n202425,National,Total,Total,100,100\n",
        "no figures for EHC plans or SEN support in 2024/25",
    ),
    "empty": ("", "the file is empty"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_csv_files_get_clear_messages(
    case: str, tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, message = BAD[case]
    (tmp_path / "data.csv").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("stats", "import", "data.csv")
    assert result.exit_code != 0
    assert message in result.output
    assert not (tmp_path / national.FILE_NAME).exists()


def test_a_file_that_is_not_text(
    tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data.csv").write_bytes(b"\xff\xfe\x00t\x00i\x00m\x00e")
    monkeypatch.chdir(tmp_path)
    result = cli("stats", "import", "data.csv")
    assert result.exit_code != 0 and "not UTF-8 text" in result.output
