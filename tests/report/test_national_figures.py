"""The DfE's national figures for the school's phase in the context table, with their
citation under it; a user's own figures (context.yaml, or a newer national-figures.yaml)
win."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from sendreview import national
from sendreview.report import prepare, templating
from tests.conftest import RIVERSIDE, copy_workspace


def _key_statistics(path: Path) -> tuple[list[list[str]], str]:
    """The rows of the Word report's key statistics table, and the paragraph after it."""
    doc = Document(str(path))
    body = list(doc.element.body.iterchildren())
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Key SEND statistics")
    following = (
        "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
        for el in body[body.index(table._tbl) + 1 :]
    )
    words = next(w for w in following if w.strip())
    return [[c.text for c in row.cells] for row in table.rows], words


def test_the_school_beside_national_figures_for_its_phase(rendered: dict[str, Path]) -> None:
    rows, under = _key_statistics(rendered["riverside-primary-review.docx"])
    assert rows[0] == ["Key SEND statistics", "This school", "National"]
    by_label = {r[0]: r[1:] for r in rows}
    # a primary school: all pupils with SEND beside primary schools' 18.2%; the split into
    # EHC plans and SEN support is known only for all schools
    assert by_label["All pupils with SEND"] == ["79 (18.9%)", "18.2%"]
    assert by_label["Pupils with an EHC plan"] == ["17 (4.1%)", "5.3%"]
    assert by_label["Pupils at SEN support"] == ["62 (14.8%)", "14.2%"]
    assert "state-funded primary schools (all pupils with SEND)" in under
    for cited in (
        "Department for Education",
        "Special educational needs in England",
        "Academic year 2024/25",
        "12 June 2025",
        "SEN provision by school type",
        "explore-education-statistics.service.gov.uk",
    ):
        assert cited in under, cited


def test_the_schools_own_national_figures_win(rendered: dict[str, Path]) -> None:
    rows, under = _key_statistics(rendered["brookfield-school-review.docx"])
    assert {r[0]: r[2] for r in rows}["Pupils with an EHC plan"] == "5.3%"
    assert "for reference only" in under  # context.yaml's own source
    assert "explore-education-statistics" not in under


def _markdown(root: Path) -> str:
    return prepare(root, "review", None, templating.search_path(root, None)).markdown


def test_a_newer_file_beside_the_reviews_is_used(tmp_path: Path) -> None:
    root = copy_workspace(RIVERSIDE, tmp_path / "reviews" / "riverside")
    newer = national.builtin_path().read_text(encoding="utf-8")
    newer = newer.replace("release: Academic year 2024/25", "release: Academic year 2030/31")
    newer = newer.replace("send_total: {percent: 18.2}", "send_total: {percent: 21.7}")
    (tmp_path / "reviews" / national.FILE_NAME).write_text(newer, encoding="utf-8")
    text = _markdown(root)
    assert r"21\.7%" in text and "Academic year 2030/31" in text  # Markdown escapes the dot
    assert r"18\.2%" not in text


def test_a_special_school_is_not_set_beside_all_schools(tmp_path: Path) -> None:
    figures, _ = national.load()
    assert national.for_setting(figures, "special-school") == []
    primary = {f.name: f.of for f in national.for_setting(figures, "mainstream-primary")}
    assert primary["send_total"] == "state-funded primary schools"
    assert primary["ehc_plans"] == "all schools in England"


def test_the_most_common_needs_nationally_under_the_needs_table(
    rendered: dict[str, Path],
) -> None:
    doc = Document(str(rendered["riverside-primary-review.docx"]))
    words = [p.text for p in doc.paragraphs]
    line = next(w for w in words if w.startswith("Nationally, the most common primary need"))
    assert "autistic spectrum disorder for pupils with an EHC plan (33.6% of them)" in line
    assert "speech, language and communication needs for pupils at SEN support (25.7%" in line
    # Brookfield gives its own national figures, so the file's are not cited for it
    brookfield = Document(str(rendered["brookfield-school-review.docx"]))
    assert not any(p.text.startswith("Nationally,") for p in brookfield.paragraphs)
