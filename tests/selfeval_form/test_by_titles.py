"""Forms without content controls: made from the guide's own Word template, or typed
under headings. Areas are found by their titles; what has no place is reported."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import Invoke
from tests.selfeval_form.documents import guide_template, with_body


def _run(cli: Invoke, data: bytes, folder: Path) -> tuple[dict[str, object], str]:
    path = folder.parent / "school.docx"
    path.write_bytes(data)
    result = cli("import", "self-evaluation", str(path), str(folder))
    assert result.exit_code == 0, result.output
    return yaml.safe_load((folder / "self-evaluation.yaml").read_text("utf-8")), result.output


def test_the_guides_template_filled_in(cli: Invoke, blank_riverside: Path) -> None:
    data = guide_template(
        [
            (
                "1. LEADERSHIP OF SEND",
                "The school has a clear vision…",
                "A clear vision\nA SEND governor",
                "Training",
            ),
            ("The Quality of Teaching & Learning for Pupils with SEND:", "…", "Good lessons", ""),
            ("Outcomes for pupils with SEND", "…", "", "Attendance of pupils with SEND"),
        ]
    )
    loaded, out = _run(cli, data, blank_riverside)
    areas = loaded["areas"]  # type: ignore[index]
    assert areas["leadership"]["strengths"] == ["A clear vision", "A SEND governor"]
    assert areas["leadership"]["areas_for_development"] == ["Training"]
    assert areas["teaching-learning"]["strengths"] == ["Good lessons"]
    assert areas["teaching-learning"]["areas_for_development"] is None
    assert areas["outcomes"]["areas_for_development"] == ["Attendance of pupils with SEND"]
    assert "not imported" not in out


def _heading(text: str, level: int = 1) -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
    )


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_headings_and_what_has_no_place(cli: Invoke, blank_riverside: Path) -> None:
    body = (
        _p("A note to the reviewer before anything else")
        + _heading("Context of the school")
        + _p("We are a two-form entry school.")
        + _heading("Leadership of SEND")
        + _p("Some words under no column")
        + _heading("Strengths", 2)
        + _p("Leaders know every pupil")
        + _heading("Areas for development", 2)
        + _p("Time for the SENCO")
        + _heading("Attendance and wellbeing")
        + _p("Words under a title that is not an area")
    )
    loaded, out = _run(cli, with_body(body), blank_riverside)
    areas = loaded["areas"]  # type: ignore[index]
    assert loaded["context"] == "We are a two-form entry school."  # type: ignore[index]
    assert areas["leadership"]["strengths"] == ["Leaders know every pupil"]
    assert areas["leadership"]["areas_for_development"] == ["Time for the SENCO"]
    assert "not imported: 'A note to the reviewer before anything else', after the start" in out
    assert (
        "not imported: 'Some words under no column', after the heading 'Leadership of SEND'" in out
    )
    assert "not imported: 'Words under a title that is not an area', after the heading " in out
