"""``report --all``: every review under some folders, rendered in parallel processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from sendreview.atomic import is_temporary
from sendreview.errors import SendreviewError
from sendreview.report import render_report
from sendreview.report.batch import Outcome, Request, find_reviews, render_all
from tests.conftest import BROOKFIELD, RIVERSIDE, Invoke, build_case, copy_workspace
from tests.report.conftest import Html


def _portfolio(base: Path) -> Path:
    """Both examples, in a folder of reviews as a trust keeps them."""
    copy_workspace(RIVERSIDE, base / "north" / "riverside")
    copy_workspace(BROOKFIELD, base / "south" / "brookfield")
    return base


def _content(path: Path) -> object:
    """What a reader of the file sees: a Word file's text, tables and properties; an HTML
    page's text; anything else's text."""
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        p = d.core_properties
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        props = (p.title, p.author, p.subject, p.created, p.modified, p.language)
        return [para.text for para in d.paragraphs], cells, props
    if path.suffix == ".html":
        return Html(path.read_text(encoding="utf-8")).texts
    return path.read_text(encoding="utf-8")


class Watch:
    def __init__(self) -> None:
        self.stages: list[tuple[str, int]] = []
        self.outcomes: list[Outcome] = []

    def stage(self, name: str, total: int) -> None:
        self.stages.append((name, total))

    def step(self) -> None:
        pass

    def finished(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)


def test_two_processes_write_what_one_review_at_a_time_writes(tmp_path: Path) -> None:
    formats = ["docx", "html", "md"]
    one_by_one = tmp_path / "one-by-one"
    for review in find_reviews([_portfolio(tmp_path / "a")])[0]:
        render_report(review, formats, output=one_by_one)
    watch = Watch()
    request = Request(tuple(formats), output=tmp_path / "batch")
    outcomes = render_all([_portfolio(tmp_path / "b")], request, jobs=2, watcher=watch)

    assert all(o.ok for o in outcomes), outcomes
    assert [o.review.name for o in outcomes] == ["riverside", "brookfield"]  # as found
    assert sorted(o.review.name for o in watch.outcomes) == ["brookfield", "riverside"]
    assert watch.stages == [("naming", 2), ("rendering", 2)]
    written = sorted(p.name for p in (tmp_path / "batch").iterdir() if p.suffix != ".json")
    assert written == sorted(p.name for p in one_by_one.iterdir() if p.suffix != ".json")
    assert len(written) == 6
    for name in written:
        assert _content(tmp_path / "batch" / name) == _content(one_by_one / name), name
    first = _content(tmp_path / "batch" / "brookfield-school-review.docx")
    assert "Brookfield School" in first[0]  # type: ignore[index]


def test_one_broken_review_does_not_stop_the_others(cli: Invoke, tmp_path: Path) -> None:
    base = _portfolio(tmp_path / "trust")
    build_case("unknown-keys", base / "north" / "broken")
    result = cli("report", str(base), "--all", "-j", "2")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    broken = [line for line in lines if line.startswith("failed")]
    assert broken == [
        f"failed   {base}/north/broken: {base}/north/broken/review.yaml:3:3: error SR200 "
        f"unknown field 'urm' (and 2 more errors: 'sendreview validate {base}/north/broken' "
        "lists them)"
    ]
    for name, file in (
        ("riverside", "riverside-primary-school"),
        ("brookfield", "brookfield-school"),
    ):
        review = next(base.glob(f"*/{name}"))
        report = review / "build" / f"{file}-review.docx"
        # Riverside renders with its one warning (an overdue recommendation)
        warned = " (1 warning)" if name == "riverside" else ""
        assert f"rendered {review}{warned}: {report}" in lines
        assert report.is_file()
    assert not (base / "north" / "broken" / "build").exists()
    assert "Rendered 2 reviews; 1 failed" in result.stderr


def test_one_broken_review_among_good_ones_with_one_output_folder(
    cli: Invoke, tmp_path: Path
) -> None:
    base = _portfolio(tmp_path / "trust")
    build_case("unknown-keys", base / "broken")
    result = cli("report", str(base), "--all", "-o", str(tmp_path / "out"), "-f", "html")
    assert result.exit_code == 1
    assert sum(line.startswith("failed") for line in result.stdout.splitlines()) == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.html")) == [
        "brookfield-school-review.html",
        "riverside-primary-school-review.html",
    ]


def test_two_reviews_of_one_name_are_refused_before_anything_is_written(
    cli: Invoke, tmp_path: Path
) -> None:
    base = _portfolio(tmp_path / "trust")
    copy_workspace(RIVERSIDE, base / "archive" / "riverside-2024")
    out = tmp_path / "out"
    result = cli("report", str(base), "--all", "-o", str(out))
    assert result.exit_code == 1
    assert (
        "2 reviews would write their reports to the same file "
        f"'{out}/riverside-primary-school-review.docx': '{base}/archive/riverside-2024', "
        f"'{base}/north/riverside'; nothing was rendered"
    ) in result.stderr
    assert "leave out -o" in result.stderr
    assert not out.exists()
    assert result.stdout == ""
    # each into its own build/ folder, they do not clash
    assert cli("report", str(base), "--all").exit_code == 0


def test_a_report_edited_since_is_kept_without_force(cli: Invoke, tmp_path: Path) -> None:
    base = _portfolio(tmp_path / "trust")
    out = tmp_path / "out"
    assert cli("report", str(base), "--all", "-o", str(out)).exit_code == 0
    edited = out / "brookfield-school-review.docx"
    edited.write_bytes(b"the head's own notes")
    other = out / "riverside-primary-school-review.docx"
    other.unlink()

    again = cli("report", str(base), "--all", "-o", str(out))
    assert again.exit_code == 1
    assert f"failed   {base}/south/brookfield: '{edited}' has been changed since" in again.stdout
    assert "add --force to replace it" in again.stdout
    assert edited.read_bytes() == b"the head's own notes"
    assert other.is_file()  # the other review carried on

    forced = cli("report", str(base), "--all", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert "Brookfield School" in _content(edited)[0]  # type: ignore[index]


@pytest.mark.parametrize("many", [False, True])
def test_without_all_it_says_to_use_it(cli: Invoke, tmp_path: Path, many: bool) -> None:
    base = _portfolio(tmp_path / "trust")
    args = [str(base / "north"), str(base / "south")] if many else [str(base)]
    result = cli("report", *args)
    assert result.exit_code == 2
    assert (
        "hint: use --all to render every review under " + ", ".join(f"'{a}'" for a in args)
        in result.stderr
    )
    assert not list(base.rglob("*.docx"))


def test_the_same_review_given_twice_is_rendered_once(tmp_path: Path) -> None:
    base = _portfolio(tmp_path / "trust")
    roots, problems = find_reviews([base, base / "north" / "riverside", tmp_path / "nowhere"])
    assert [r.name for r in roots] == ["riverside", "brookfield"]
    assert [(o.review, o.problem) for o in problems] == [
        (tmp_path / "nowhere", f"'{tmp_path / 'nowhere'}' does not exist")
    ]


def test_no_review_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SendreviewError, match=r"no review\.yaml in"):
        render_all([tmp_path], Request(), jobs=2, watcher=Watch())


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_the_batch_with_whole_files(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's whole process group) once the first review is
    done: exit 130, reviews not started are left alone, every file written is whole."""
    for i in range(8):
        review = copy_workspace(RIVERSIDE, tmp_path / "trust" / f"r{i}")
        text = (review / "review.yaml").read_text(encoding="utf-8")
        renamed = text.replace("Riverside Primary School", f"Riverside Primary School {i}")
        (review / "review.yaml").write_text(renamed, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sendreview", "report", "trust", "--all", "-j", "2"]
    proc = subprocess.Popen(
        [*command, "-o", str(out)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group, as a terminal's foreground job
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().decode()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert first.startswith("rendered trust/r"), (first, err)
    assert proc.returncode == 130, err
    assert "Interrupted." in err.decode()
    assert "Traceback" not in err.decode()
    written = sorted(out.glob("*.docx"))
    assert 1 <= len(written) < 8  # the reviews not yet started were never started
    for path in written:
        assert "Riverside Primary School" in docx.Document(str(path)).paragraphs[0].text
    assert [p.name for p in out.iterdir() if is_temporary(p.name)] == []
