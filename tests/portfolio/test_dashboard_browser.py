"""The dashboard in a real browser: headless Chromium loads it with no console message,
its overview table sorts and filters, and the page fits 1280 and 390 px wide.

Chromium is driven with ``--dump-dom`` alone, no driver library: a small harness page
beside the dashboard holds it in an iframe of the width under test (a real viewport for
layout and media queries; headless Chromium will not make its window narrower than
500 px), clicks and selects in it, measures it, and writes what it found into its own
page, which ``--dump-dom`` prints once everything has loaded. Console messages (errors,
blocked fetches, the Content-Security-Policy's refusals) are on Chromium's stderr.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from sendreview.portfolio import Portfolio
from sendreview.portfolio.dashboard import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium); .ci/run installs it in CI",
)

HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<iframe id="page" src="dashboard.html" width="WIDTH" height="900"></iframe>
<pre id="found"></pre>
<script>
document.getElementById("page").addEventListener("load", function () {
  var win = this.contentWindow, doc = win.document, out = {};
  var table = doc.getElementById("overview");
  function names() {
    return Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return !r.hidden; })
      .map(function (r) { return r.cells[0].querySelector("strong").textContent; });
  }
  function column(i) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
      return r.cells[i].textContent.trim();
    });
  }
  function choose(name, index) {
    var select = doc.querySelector('select[data-filter="' + name + '"]');
    select.selectedIndex = index;
    select.dispatchEvent(new win.Event("change"));
    return select.value;
  }
  out.viewport = win.innerWidth;
  out.pageWidth = doc.documentElement.scrollWidth;
  out.visibleWidth = doc.documentElement.clientWidth;  // the viewport less its scroll bar
  out.initial = names();
  var school = table.tHead.rows[0].cells[0].querySelector("button");
  school.click(); out.ascending = names();
  school.click(); out.descending = names();
  out.sortState = table.tHead.rows[0].cells[0].getAttribute("aria-sort");
  table.tHead.rows[0].cells[8].querySelector("button").click(); out.overdue = column(8);
  out.setting = choose("setting", 1); out.bySetting = names();
  out.shown = doc.getElementById("shown").textContent;
  choose("setting", 0);
  out.stage = choose("stage", 1); out.byStage = names(); choose("stage", 0);
  out.area = choose("area", 1); out.byArea = names(); choose("area", 0);
  out.afterReset = names().length;
  out.chart = doc.querySelectorAll("figure.chart svg rect").length;
  document.getElementById("found").textContent = JSON.stringify(out);
});
</script></body></html>
"""


def _unlimited_address_space() -> None:
    """The fuzz tests cap this process's address space (8 GiB), and children inherit the
    cap; Chromium reserves far more address space than it uses, and dies under it."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # root in CI's container
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--allow-file-access-from-files",  # the harness reads the iframe's page
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_unlimited_address_space,
    )


@pytest.fixture(scope="module")
def dashboard(folio: Portfolio, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dashboard")
    (folder / "dashboard.html").write_text(render(folio, folder), encoding="utf-8")
    return folder


def _run(folder: Path, width: int) -> tuple[dict[str, object], list[str]]:
    harness = folder / f"harness-{width}.html"
    harness.write_text(HARNESS.replace("WIDTH", str(width)), encoding="utf-8")
    done = _chromium(f"--user-data-dir={folder / 'profile'}", "--dump-dom", harness.as_uri())
    found = re.search(r'<pre id="found">(.*?)</pre>', done.stdout, re.S)
    assert found and found[1], f"exit {done.returncode}: {done.stderr[-3000:]}"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(unescape(found[1])), console


@pytest.mark.parametrize("width", [1280, 390])
def test_the_dashboard_works_and_fits(dashboard: Path, folio: Portfolio, width: int) -> None:
    found, console = _run(dashboard, width)
    assert console == []  # no error, no refused fetch or script, nothing logged
    assert found["viewport"] == width
    assert found["pageWidth"] == found["visibleWidth"]  # the page never scrolls sideways
    assert width - 20 < found["visibleWidth"] <= width
    schools = [r.school for r in folio.reviews]
    assert found["initial"] == schools
    assert found["ascending"] == sorted(schools)
    assert found["descending"] == sorted(schools, reverse=True)
    assert found["sortState"] == "descending"
    assert found["overdue"] == sorted(found["overdue"], key=int)  # numbers, not text
    # filtered after the sort by overdue: the rows kept, in whatever order they stood
    setting = found["setting"]
    assert set(found["bySetting"]) == {r.school for r in folio.reviews if r.setting == setting}
    assert found["shown"] == f"{len(found['bySetting'])} of {len(schools)} reviews shown"
    assert set(found["byStage"]) == {r.school for r in folio.reviews if r.stage == found["stage"]}
    assert set(found["byArea"]) == {r.school for r in folio.reviews if found["area"] in r.areas}
    assert 0 < len(found["byArea"]) < len(schools)  # the generated broken review has none
    assert found["afterReset"] == len(schools)
    assert found["chart"] > 4  # the bars of the progress chart


def test_screenshots(dashboard: Path, tmp_path: Path) -> None:
    """Screenshots at both widths, kept where SENDREVIEW_SHOTS says (to look at them)."""
    import os

    from PIL import Image

    keep = Path(os.environ.get("SENDREVIEW_SHOTS", tmp_path))
    keep.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        shot = keep / f"dashboard-{width}.png"
        done = _chromium(
            f"--user-data-dir={dashboard / 'profile'}",
            f"--window-size={width},2400",
            f"--screenshot={shot}",
            (dashboard / "dashboard.html").as_uri(),
        )
        assert shot.is_file(), done.stderr[-2000:]
        with Image.open(shot) as image:
            assert image.size == (width, 2400)
            # not a blank page: the header rule and table text are dark
            assert image.convert("L").getextrema()[0] < 64
