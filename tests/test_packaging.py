"""A plain install carries the frameworks and templates inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("sendreview-*.whl"))


def test_the_wheel_holds_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "sendreview/frameworks/annex-1.yaml",
        "sendreview/frameworks/annex-2.yaml",
        "sendreview/frameworks/vocabularies.yaml",
        "sendreview/templates/report/reference.docx",
        "sendreview/templates/report/reference.odt",
        "sendreview/templates/report/review.md.j2",
        "sendreview/templates/report/sendreview.lua",
        # the table fitting's metrics, and the licence they may only travel with
        "sendreview/templates/report/fonts/Helvetica.afm",
        "sendreview/templates/report/fonts/Helvetica-Bold.afm",
        "sendreview/templates/report/fonts/readme.txt",
        "sendreview/templates/scaffold/review.yaml.j2",
    ):
        assert needed in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sendreview = sendreview.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_the_installed_package_runs_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "sendreview", "frameworks", "show", "annex-1", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"id": "annex-1"' in done.stdout
    where = subprocess.run(
        [sys.executable, "-c", "import sendreview.resources as r; print(r.data_dir('templates'))"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(site / "sendreview" / "templates")
