"""``sendreview diff``: what changed between two versions of a review, read from git
revisions (through dulwich, with no git program on the PATH) or from two folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dulwich import porcelain

from sendreview.diff.model import DELETED, INSERTED, SAME, match_texts, word_diff
from tests.conftest import RIVERSIDE, Invoke, copy_workspace

WHO = b"Helen Ashworth <helen@example.org>"
STRENGTH = "with clear progress"
REWORDED = "with steady progress"


@pytest.fixture(autouse=True)
def no_git_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``git`` anywhere on the PATH, and no user's git settings: only dulwich."""
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def commit(repo: Path, message: str, when: int) -> None:
    porcelain.add(str(repo), paths=[str(p) for p in repo.iterdir() if p.name != ".git"])
    porcelain.commit(
        str(repo),
        message=message.encode(),
        author=WHO,
        committer=WHO,
        author_timestamp=when,
        author_timezone=0,
        commit_timestamp=when,
        commit_timezone=0,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def revise(review: Path) -> None:
    """The changes every test looks for: a strength reworded, another replaced, a
    recommendation added and one's priority changed, a figure and a status changed."""
    findings = review / "recommendations.yaml"
    edit(
        findings,
        "English books show pupils with SEND writing at length, " + STRENGTH,
        "English books show pupils with SEND writing at greater length, " + REWORDED,
    )
    edit(
        findings,
        "The SEND governor is knowledgeable, visits each term and has been trained\n"
        "          for the role.",
        "Governors hold leaders to account for the spending of SEND funding.",
    )
    edit(
        findings,
        "        priority: high\n\n  leadership:",
        "        priority: medium\n      - id: R99\n"
        "        text: Share the attendance analysis with parents each term.\n"
        "        evidence: [E2]\n\n  leadership:",
    )
    edit(review / "context.yaml", "roll: 418", "roll: 420")
    edit(
        review / "follow-ups" / "2026-12-09.yaml",
        "  R3:\n    status: not-started",
        "  R3:\n    status: in-progress",
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the Riverside example in a subfolder, committed once (on
    14 October 2026) as the draft."""
    top = tmp_path / "reviews"
    top.mkdir()
    porcelain.init(str(top))
    copy_workspace(RIVERSIDE, top / "riverside")
    edit(top / "riverside" / "review.yaml", "status: final", "status: draft")
    commit(top, "The draft", 1_792_000_000)  # 2026-10-14
    return top


def check_changes(out: str) -> None:
    assert "Riverside Primary School: what changed since the draft of 14 October 2026" in out
    assert (
        "Strength reworded: English books show pupils with SEND writing at {+greater+} "
        "length, with [-clear-] {+steady+} progress" in out
    )
    assert "- Strength removed: The SEND governor is knowledgeable" in out
    assert "+ Strength added: Governors hold leaders to account" in out
    assert "+ Recommendation R99 added: Share the attendance analysis" in out
    assert "priority: high → medium" in out
    assert "number on roll: 418 → 420" in out
    assert "R3 at the visit of 9 December 2026: Not started → In progress" in out


def test_two_commits_of_a_repository(repo: Path, cli: Invoke) -> None:
    revise(repo / "riverside")
    commit(repo, "After the school's comments", 1_793_000_000)
    before = snapshot(repo / ".git")
    result = cli("diff", str(repo / "riverside"), "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    check_changes(result.output)
    assert "old: HEAD~1, commit" in result.output
    # the same versions named by a short commit id and a branch
    from dulwich.repo import Repo

    with Repo(str(repo)) as r:
        first = r[r.head()].parents[0].decode()[:7]
        branch = r.refs.follow(b"HEAD")[0][-1].decode().removeprefix("refs/heads/")
    again = cli("diff", str(repo / "riverside"), first, branch)
    assert again.exit_code == 0, again.output
    assert f"old: {first}    new: {branch}, commit" in again.output
    check_changes(again.output)
    assert snapshot(repo / ".git") == before  # nothing written to the repository


def test_last_commit_against_the_working_tree(repo: Path, cli: Invoke) -> None:
    revise(repo / "riverside")
    before = snapshot(repo / ".git")
    result = cli("diff", str(repo / "riverside"))
    assert result.exit_code == 0, result.output
    check_changes(result.output)
    assert "new: working tree" in result.output
    assert snapshot(repo / ".git") == before


def test_versions_alone_inside_the_review(
    repo: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    revise(repo / "riverside")
    commit(repo, "After the school's comments", 1_793_000_000)
    monkeypatch.chdir(repo / "riverside")
    result = cli("diff", "HEAD~1")
    assert result.exit_code == 0, result.output
    check_changes(result.output)
    assert "new: working tree" in result.output


def test_no_changes(repo: Path, cli: Invoke) -> None:
    result = cli("diff", str(repo / "riverside"))
    assert result.exit_code == 0, result.output
    assert "No changes." in result.output


def test_two_folders(tmp_path: Path, cli: Invoke) -> None:
    old = copy_workspace(RIVERSIDE, tmp_path / "draft")
    edit(old / "review.yaml", "status: final", "status: draft")
    new = copy_workspace(RIVERSIDE, tmp_path / "final")
    revise(new)
    result = cli("diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    assert "[-clear-] {+steady+}" in result.output
    assert "+ Recommendation R99 added" in result.output
    assert "status: draft → final" in result.output


def test_one_side_with_errors_is_named_and_the_rest_compared(repo: Path, cli: Invoke) -> None:
    review = repo / "riverside"
    revise(review)
    edit(review / "context.yaml", "roll: 420", "roll: lots")
    findings = review / "recommendations.yaml"
    edit(findings, "        due: 2026-12-18\n", "        due: before Christmas\n")  # R2's
    edit(review / "evidence.yaml", "documents:", "documents: [")
    result = cli("diff", str(review))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "The new version has errors; what could be read is compared:" in out
    line = next(
        n
        for n, text in enumerate((review / "context.yaml").read_text().splitlines(), 1)
        if text.startswith("roll:")
    )
    assert f"  new (working tree): context.yaml:{line}:7: SR" in out
    assert "  new (working tree): recommendations.yaml:" in out
    assert (
        "Compared in part: context.yaml has errors in the new version (working tree): "
        "the entries with errors are left out." in out
    )
    assert "Compared in part: recommendations.yaml has errors in the new version" in out
    assert "Not compared: evidence.yaml could not be read in the new version (working tree)" in out
    # the rest is still compared, and what could not be read is not called removed
    assert "[-clear-] {+steady+}" in out
    assert "+ Recommendation R99 added" in out
    assert "R2" not in out.split("Outcomes for pupils with SEND")[1]
    assert "number on roll" not in out
    assert "R3 at the visit of 9 December 2026: Not started → In progress" in out


def test_json(repo: Path, cli: Invoke) -> None:
    revise(repo / "riverside")
    result = cli("diff", str(repo / "riverside"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["school"] == "Riverside Primary School"
    assert data["old"].startswith("HEAD, commit ")
    assert data["new"] == "working tree"
    sections = {s["key"]: s for s in data["sections"]}
    outcomes = sections["area:outcomes"]["entries"]
    reworded = next(e for e in outcomes if e["change"] == "reworded")
    assert {"op": DELETED, "text": "clear"} in reworded["words"]
    assert {"op": INSERTED, "text": "steady"} in reworded["words"]
    added = next(e for e in outcomes if e["change"] == "added")
    assert (added["noun"], added["id"]) == ("recommendation", "R99")
    r1 = next(e for e in outcomes if e["id"] == "R1")
    assert r1["change"] == "changed"
    assert r1["fields"] == [{"name": "priority", "old": "high", "new": "medium", "words": []}]
    assert sections["context"]["fields"][0]["old"] == "418"
    assert data["problems"] == {}


def test_a_link_in_the_repository_is_refused(repo: Path, cli: Invoke) -> None:
    review = repo / "riverside"
    (review / "context.yaml").unlink()
    (review / "context.yaml").symlink_to("/etc/passwd")
    commit(repo, "A link", 1_793_000_000)
    result = cli("diff", str(review), "HEAD", "HEAD~1", "--format", "json")
    data = json.loads(result.output)
    problems = data["problems"]["old"]
    assert any(p["path"] == "context.yaml" and p["code"] == "SR101" for p in problems)


@pytest.mark.parametrize("packed", [False, True])
def test_a_file_that_inflates_past_the_limit_is_never_read(
    repo: Path, cli: Invoke, packed: bool
) -> None:
    """A few kilobytes in the repository that would inflate to 50 MB: refused from the
    object's header, loose or packed, like a file of that size in a folder."""
    from dulwich.repo import Repo

    review = repo / "riverside"
    (review / "context.yaml").write_bytes(b"# " + b"x" * 50_000_000 + b"\n")
    commit(repo, "A huge file", 1_793_000_000)
    if packed:
        with Repo(str(repo)) as r:
            r.object_store.pack_loose_objects()
        assert not any((repo / ".git" / "objects").glob("??/*"))  # every object packed
    import tracemalloc

    tracemalloc.start()
    try:
        result = cli("diff", str(review), "HEAD~1", "HEAD", "--format", "json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    problems = json.loads(result.output)["problems"]["new"]
    assert any(
        p["path"] == "context.yaml" and p["code"] == "SR110" and "50,000,003 bytes" in p["message"]
        for p in problems
    ), problems
    assert peak < 30_000_000  # the 50 MB were never made


def test_the_size_of_a_delta_is_the_size_it_makes() -> None:
    import zlib

    from sendreview.diff.blobsize import _packed_size

    # a REF_DELTA entry: type 7, its own (delta) size 5, the base's id, then the delta
    # inflating to "base size 3, result size 300 000" (base-128, little-endian) and more
    delta = bytes([3, 0xE0, 0xA7, 0x12]) + b"instructions"
    entry = bytes([0x75]) + b"\x01" * 20 + zlib.compress(delta)
    assert _packed_size(entry) == 300_000


def test_an_unknown_revision(repo: Path, cli: Invoke) -> None:
    result = cli("diff", str(repo / "riverside"), "no-such-branch")
    assert result.exit_code == 1
    assert (
        "'no-such-branch' is neither a folder here nor a version of this repository"
        in result.output
    )


def test_outside_a_repository(riverside: Path, cli: Invoke) -> None:
    result = cli("diff", str(riverside))
    assert result.exit_code == 1
    assert "not inside a git repository" in result.output


def test_docx(repo: Path, tmp_path: Path, cli: Invoke) -> None:
    import docx

    revise(repo / "riverside")
    commit(repo, "After the school's comments", 1_793_000_000)
    target = tmp_path / "changes.docx"
    versions = (str(repo / "riverside"), "HEAD~1", "HEAD")
    result = cli("diff", *versions, "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "What changed since the draft of 14 October 2026" in text
    assert "SEND review visit of 14 October 2026" in text
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert any(c.startswith("14 October 2026 (HEAD~1, commit ") for c in cells)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Outcomes for pupils with SEND" in headings
    assert "Progress at follow-up visits" in headings
    runs = [r for p in document.paragraphs for r in p.runs]
    struck = {r.text.strip() for r in runs if r.font.strike}
    bold = {r.text.strip() for r in runs if r.bold}
    assert "clear" in struck and "steady" in bold
    assert "418" in struck and "420" in bold
    assert any("Share the attendance analysis" in t for t in bold)  # added: in bold
    assert any("The SEND governor is knowledgeable" in t for t in struck)  # removed
    # a file changed since sendreview wrote it is kept without --force
    target.write_bytes(target.read_bytes() + b"\0")
    again = cli("diff", *versions, "--format", "docx", "-o", str(target))
    assert again.exit_code == 1
    assert "--force" in again.output


def test_word_diff_joins_a_rewritten_phrase() -> None:
    pieces = word_diff("pupils work with the assistant outside", "pupils work in the class")
    assert [(p.op, p.text) for p in pieces] == [
        (SAME, "pupils work "),
        (DELETED, "with"),
        (INSERTED, "in"),
        (SAME, " the "),
        (DELETED, "assistant outside"),
        (INSERTED, "class"),
    ]


def test_statements_are_matched_by_their_words() -> None:
    old = ["Early reading is taught well.", "Parents value the SENCO.", "Transition is careful."]
    new = ["Parents value the SENCO highly.", "Early reading is taught well.", "Lunchtimes calm."]
    pairs, removed, added = match_texts(old, new)
    assert pairs == [(1, 0), (0, 1)]
    assert removed == [2] and added == [2]


def test_a_change_alone_in_its_area_is_shown_under_that_area(tmp_path: Path, cli: Invoke) -> None:
    old = copy_workspace(RIVERSIDE, tmp_path / "old")
    new = copy_workspace(RIVERSIDE, tmp_path / "new")
    edit(new / "recommendations.yaml", "        due: 2026-12-18\n", "        due: 2027-01-15\n")
    data = json.loads(cli("diff", str(old), str(new), "-f", "json").output)
    assert [s["key"] for s in data["sections"]] == ["area:leadership"]
    [entry] = data["sections"][0]["entries"]
    assert (entry["id"], entry["fields"]) == (
        "R2",
        [{"name": "due", "old": "18 December 2026", "new": "15 January 2027", "words": []}],
    )


def test_salvage_leaves_out_only_the_entries_with_errors() -> None:
    from sendreview.diff.salvage import salvage
    from sendreview.models.findings import Findings

    raw = {
        "summary": "A summary.",
        "areas": {
            "leadership": {
                "strengths": ["Clear vision."],
                "recommendations": [
                    {"id": "R1", "text": "Keep going.", "due": "soon"},
                    {"id": "R2", "text": "Train the assistants."},
                ],
            }
        },
    }
    model, dropped = salvage(Findings, raw)
    assert model is not None
    assert [r.id for r in model.areas["leadership"].recommendations] == ["R2"]
    assert model.areas["leadership"].strengths[0].text == "Clear vision."
    assert [(d.keys, d.value["id"]) for d in dropped] == [
        (("areas", "leadership", "recommendations"), "R1")
    ]
    assert raw["areas"]["leadership"]["recommendations"][0]["due"] == "soon"  # not changed


def test_a_long_text_shows_the_words_around_its_change() -> None:
    from sendreview.diff.model import excerpt

    old = " ".join(f"w{i}" for i in range(60))
    pieces = excerpt(word_diff(old, old.replace("w30", "changed")))
    assert "".join(p.text if p.op != DELETED else "" for p in pieces) == (
        "… "
        + " ".join(f"w{i}" for i in range(18, 30))
        + " changed "
        + " ".join(f"w{i}" for i in range(31, 43))
        + " …"
    )
