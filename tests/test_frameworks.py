"""The frameworks and vocabularies match the SEND Review Guide word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sendreview import frameworks
from tests.conftest import Invoke

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "sources" / "send-review-guide.txt"


def normalise(text: str) -> str:
    """The guide's PDF text with its line breaks undone: words joined as printed."""
    text = re.sub(r"(?<=[-/])\s*\n\s*", "", text)  # "wrap-\naround", "parent/\ncarer"
    return re.sub(r"\s+", " ", text).strip()


def section(start: str, end: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == start)
    last = next(i for i, line in enumerate(lines) if i > first and line.strip() == end)
    return normalise("\n".join(lines[first:last]))


ANNEX = {"annex-1": ("ANNEX 1", "ANNEX 2"), "annex-2": ("ANNEX 2", "ANNEX 3")}
FURNITURE = [
    "AREA OF FOCUS SUGGESTED THEMES AND AREAS TO EXPLORE STRENGTHS AREAS FOR DEVELOPMENT",
    "Special School, PRU, AP, ARP School Visit/Self-Evaluation Template",
    "School Visit/Self-Evaluation Template",
    "ANNEX 1",
    "ANNEX 2",
]


@pytest.mark.parametrize(("framework_id", "themes"), [("annex-1", 50), ("annex-2", 43)])
def test_every_theme_is_the_guides_words_in_order(framework_id: str, themes: int) -> None:
    fw = frameworks.builtin(framework_id)
    text = section(*ANNEX[framework_id])
    assert sum(len(a.themes) for a in fw.areas) == themes
    position = 0
    remainder = text
    for area in fw.areas:
        assert area.title in text
        for theme in area.themes:
            found = text.find(theme.text, position)
            assert found >= 0, f"{theme.id} is not word for word in the guide: {theme.text}"
            position = found + len(theme.text)
            remainder = remainder.replace(theme.text, " ", 1)
        remainder = remainder.replace(area.title, " ", 1)
    remainder = remainder.replace(fw.context_prompt or "", " ")
    for furniture in FURNITURE:
        remainder = remainder.replace(furniture, " ")
    assert remainder.strip(" .") == "", f"text of the annex not in the framework: {remainder!r}"


def test_areas_are_in_annex_3_order_with_its_titles() -> None:
    annex_3 = section("ANNEX 3", "Reporting Template")
    ids = [a.id for a in frameworks.builtin("annex-1").areas]
    assert ids == [a.id for a in frameworks.builtin("annex-2").areas]
    positions = [annex_3.find(a.heading) for a in frameworks.builtin("annex-1").areas]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    labels = frameworks.reporting()
    assert labels.annex_3.vision_prompt in normalise(GUIDE.read_text(encoding="utf-8"))
    assert labels.follow_up.vision_prompt in normalise(GUIDE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", ["reasons", "recommenders", "documents", "stakeholders", "methods"]
)
def test_vocabularies_are_the_guides_lists(name: str) -> None:
    guide = normalise(GUIDE.read_text(encoding="utf-8")).lower()
    for term in frameworks.vocabularies()[name].terms:
        assert term.label.lower() in guide, f"{name}.{term.id}: {term.label}"


def test_frameworks_list_and_show(cli: Invoke) -> None:
    listed = cli("frameworks", "list")
    assert listed.exit_code == 0
    assert "annex-1" in listed.stdout and "annex-2" in listed.stdout
    shown = cli("frameworks", "show", "annex-2")
    assert "1. Outcomes for pupils with SEND  [outcomes]" in shown.stdout
    assert "leadership.therapeutic-provision" in shown.stdout
    import json

    data = json.loads(cli("frameworks", "show", "annex-1", "--format", "json").stdout)
    assert len(data["areas"]) == 8 and data["areas"][1]["themes"][0]["id"] == "leadership.vision"
    missing = cli("frameworks", "show", "annex-9")
    assert missing.exit_code == 1
    assert "there is no framework 'annex-9'" in missing.stderr


@pytest.mark.parametrize(
    ("framework", "make", "message"),
    [
        ("feed.yaml", "fifo", "the framework file 'feed.yaml' is a named pipe, not a file"),
        ("x" * 5000 + ".yaml", None, "the framework file name is too long (5,005 characters)"),
        ("x" * 5000, None, "there is no framework 'xxxx"),
        ("missing.yaml", None, "the framework file 'missing.yaml' does not exist"),
    ],
)
def test_a_framework_that_is_not_a_plain_file_is_placed_on_its_line(
    framework: str, make: str | None, message: str, tmp_path: Path, cli: Invoke
) -> None:
    import os

    from tests.conftest import build_case

    review = build_case("short-forms", tmp_path / "r")
    text = (review / "review.yaml").read_text()
    (review / "review.yaml").write_text(
        text.replace("framework: annex-1", f"framework: {framework}")
    )
    if make == "fifo":
        os.mkfifo(review / framework)
    result = cli("validate", str(review))
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "SR300" in x)
    assert re.match(r"^\S*review\.yaml:\d+:\d+: error SR300 ", line), line
    assert message in line
    assert "hint:" in result.stdout
