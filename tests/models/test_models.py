"""The short forms people write, and the figures worked out for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sendreview import yamlio
from sendreview.modelcheck import validate_model
from sendreview.models.common import Choice, Finding, Person
from sendreview.models.context import Share
from sendreview.models.evidence import Evidence
from tests.conftest import Invoke

words = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@given(words)
def test_a_strength_as_plain_text_is_the_same_as_written_out(text: str) -> None:
    assert Finding.model_validate(text) == Finding.model_validate({"text": text})


def test_short_forms() -> None:
    assert Person.model_validate("Ada Reviewer").name == "Ada Reviewer"
    assert Choice.model_validate("book-look").id == "book-look"
    assert Choice.model_validate({"other": "Drop-in"}).other == "Drop-in"
    with pytest.raises(ValidationError):
        Choice.model_validate({"id": "book-look", "other": "Drop-in"})
    finding = Finding.model_validate({"text": "Strong", "evidence": None, "themes": None})
    assert finding.evidence == [] and finding.themes == []


def test_percentages_are_worked_out_from_counts() -> None:
    assert Share.model_validate(52).percent_of(400) == 13.0
    assert Share.model_validate({"percent": 12.5}).percent_of(None) == 12.5
    assert Share.model_validate(52).percent_of(None) is None


items = st.lists(
    st.builds(
        dict,
        date=st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(date.isoformat),
        method=st.sampled_from(["lesson-observation", "book-look", "learning-walk"]),
        title=words,
        stakeholders=st.lists(
            st.sampled_from(["pupils", "teachers", "parents-carers"]), max_size=3
        ),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(items)
def test_an_evidence_log_survives_being_written_and_read(log: list[dict[str, object]]) -> None:
    data = {"log": [{"id": f"E{i + 1}", **item} for i, item in enumerate(log)]}
    doc = yamlio.parse_text(yaml.safe_dump(data, allow_unicode=True), "evidence.yaml")
    model, problems = validate_model(doc, Evidence)
    assert problems == [] and model is not None
    assert [(e.id, e.date.isoformat(), e.method.id, e.title) for e in model.log] == [
        (d["id"], d["date"], d["method"], d["title"]) for d in data["log"]
    ]


def test_every_text_field_is_bounded(tmp_path: Path, cli: Invoke) -> None:
    """Not only Markdown: a 1.3 MB name would otherwise validate and swamp the report."""
    from tests.conftest import build_case

    review = build_case("short-forms", tmp_path / "r")
    text = (review / "review.yaml").read_text()
    (review / "review.yaml").write_text(
        text.replace("name: Test Primary School", "name: " + "x" * 1_300_000)
    )
    result = cli("validate", str(review))
    assert result.exit_code == 1
    assert "SR204 name is 1,300,000 characters long; a field holds at most 20,000" in result.stdout
