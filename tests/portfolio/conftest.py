"""A programme of reviews for the portfolio tests: both examples, and reviews generated
as the benchmark generates them (0 to 4 follow-up visits), one of them invalid and one
with a school name that would be a formula in a spreadsheet and markup in HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sendreview.portfolio import Portfolio, collect
from tests.conftest import EXAMPLES

TODAY = date(2027, 5, 1)
HOSTILE = '=1+2 <script>alert("x")</script> & Co'


@pytest.fixture(scope="session")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.portfolio import programme as generate

    folder = tmp_path_factory.mktemp("programme")
    made = generate(folder, 6, broken_every=6)  # the sixth (review-0005) is broken
    review = made[2] / "review.yaml"
    text = review.read_text(encoding="utf-8")
    review.write_text(
        text.replace("name: Riverside Primary School 2", f"name: '{HOSTILE}'"), encoding="utf-8"
    )
    (made[0] / "build").mkdir()  # a rendered report for the dashboard to link to
    (made[0] / "build" / "review.html").write_text("<p>report</p>", encoding="utf-8")
    return folder / "portfolio"


@pytest.fixture(scope="session")
def folio(programme: Path) -> Portfolio:
    return collect([EXAMPLES, programme], today=TODAY)
