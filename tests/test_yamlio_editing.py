"""yamlio.editing: whole values replaced in a user's file, every other character kept."""

from __future__ import annotations

import pytest
import yaml

from sendreview.yamlio.editing import Kept, replace_values

SOURCE = """\
# the school's answers
context:   # filled in later

areas:
  leadership:
    # LEADERSHIP OF SEND
    strengths:
        - text: >-
            A clear vision,
            shared by all.
          themes: [leadership.vision]   # keep me
        - Governors
    # a comment between
    areas_for_development: []
  outcomes:
    strengths:
    areas_for_development:
      - Attendance
# the end
"""


KEPT = {"text": "A clear vision, shared by all.", "themes": ["leadership.vision"]}


def _read(text: str) -> object:
    return yaml.safe_load(text)


def test_a_list_replaced_keeps_everything_else() -> None:
    new = replace_values(
        SOURCE,
        [(("areas", "leadership", "strengths"), [Kept(0, KEPT), "Leaders know every pupil"])],
        "se.yaml",
    )
    assert new.replace("- Leaders know every pupil", "- Governors") == SOURCE
    assert _read(new)["areas"]["leadership"]["strengths"][1] == "Leaders know every pupil"  # type: ignore[index]


def test_empty_values_filled_and_missing_keys_added() -> None:
    new = replace_values(
        SOURCE,
        [
            (("context",), "We are a small school.\n\nSecond paragraph: with a colon."),
            (("areas", "leadership", "areas_for_development"), ["Training"]),
            (
                ("areas", "outcomes", "strengths"),
                ["A 'quoted' #1", {"text": "x", "themes": ["a.b"]}],
            ),
            (("areas", "provision", "strengths"), ["New area"]),
        ],
        "se.yaml",
    )
    data = _read(new)
    assert data["context"] == "We are a small school.\n\nSecond paragraph: with a colon."  # type: ignore[index]
    areas = data["areas"]  # type: ignore[index]
    assert areas["leadership"]["areas_for_development"] == ["Training"]
    assert areas["outcomes"]["strengths"] == ["A 'quoted' #1", {"text": "x", "themes": ["a.b"]}]
    assert areas["provision"]["strengths"] == ["New area"]
    for kept in ("# the school's answers", "# keep me", "# a comment between", "# the end"):
        assert kept in new
    assert "themes: [a.b]" in new  # ids on one line, as people write them


def test_emptied_and_long_text_folded() -> None:
    long = "word " * 30
    new = replace_values(
        SOURCE,
        [
            (("areas", "outcomes", "areas_for_development"), []),
            (("areas", "leadership", "strengths"), [long.strip()]),
        ],
        "se.yaml",
    )
    data = _read(new)
    assert data["areas"]["outcomes"]["areas_for_development"] is None  # type: ignore[index]
    assert data["areas"]["leadership"]["strengths"] == [long.strip()]  # type: ignore[index]
    assert max(len(line) for line in new.splitlines()) <= 90


def test_a_file_it_cannot_edit_is_refused() -> None:
    with pytest.raises(ValueError, match="not valid YAML"):
        replace_values("a: [", [(("a",), ["x"])], "se.yaml")
    with pytest.raises(ValueError, match="cannot add"):
        replace_values("areas: {}\n", [(("areas", "x", "strengths"), ["y"])], "se.yaml")
