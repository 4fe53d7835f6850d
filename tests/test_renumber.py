"""``sendreview renumber``: ids put in order, every reference rewritten, nothing else touched."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendreview import renumber as renumbering
from sendreview import yamlio
from sendreview.api import validate
from sendreview.diagnostics import Diagnostic
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.renumber import ID_WORD, JOURNAL, renumber
from tests.conftest import RIVERSIDE, Invoke, copy_workspace

ID = re.compile(r"(?<!\w)[RE][1-9][0-9]*(?!\w)")
COMMENT = re.compile(r"^\s*#")

Files = dict[str, bytes]


def snapshot(folder: Path) -> Files:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != "build"  # renderings, if made
    }


def rename_ids(folder: Path, mapping: dict[str, str]) -> None:
    """Rename ids as whole words everywhere in the review's YAML, comments included."""
    for path in folder.rglob("*.yaml"):
        text = path.read_bytes().decode("utf-8")
        path.write_bytes(ID.sub(lambda m: mapping.get(m[0], m[0]), text).encode("utf-8"))


def map_back(text: str, mapping: dict[str, str]) -> str:
    """``text`` with ids renamed by ``mapping`` outside comment lines."""
    return "".join(
        line if COMMENT.match(line) else ID.sub(lambda m: mapping.get(m[0], m[0]), line)
        for line in text.splitlines(keepends=True)
    )


def move_provision_first(folder: Path) -> None:
    """The last area of recommendations.yaml written first: the framework's order counts."""
    path = folder / "recommendations.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  provision:\n"), text.index("# What is the vision")
    block = text[start:end]
    text = text[:start] + text[end:]
    path.write_text(text.replace("areas:\n\n", f"areas:\n\n{block}", 1), encoding="utf-8")


def problems(folder: Path) -> list[Diagnostic]:
    """validate's findings but those Riverside has by design (SR708: R12 is overdue at the
    last visit; SR810, SR811: findings resting on one method or group), which renumbering
    leaves as they are."""
    return [d for d in validate(folder) if d.code not in ("SR708", "SR810", "SR811")]


def scramble(folder: Path) -> dict[str, str]:
    """Recommendations out of order and evidence with gaps; returns old id → scrambled id."""
    recs = [4, 8, 1, 2, 3, 11, 5, 6, 7, 9, 10]  # R1 → R4, R2 → R8, …
    mapping = {f"R{n}": f"R{new}" for n, new in enumerate(recs, 1)}
    mapping |= {f"E{n}": f"E{n * 2 + (n > 10) * 7}" for n in range(1, 22)}  # E1 → E2, …
    rename_ids(folder, mapping)
    return mapping


def test_renumber_restores_a_scrambled_review_changing_only_the_ids(tmp_path: Path) -> None:
    ws = copy_workspace(RIVERSIDE, tmp_path / "ws")
    move_provision_first(ws)
    in_order = snapshot(ws)
    assert problems(ws) == []
    mapping = scramble(ws)
    scrambled = snapshot(ws)
    assert problems(ws) == []  # a valid review, just out of order

    result = renumber(ws)

    assert problems(ws) == []
    assert {m.old: m.new for m in result.moves} == {
        new: old for old, new in mapping.items() if new != old
    }
    after = snapshot(ws)
    for name, data in after.items():
        if not name.endswith(".yaml"):
            assert data == in_order[name]
            continue
        text, before = data.decode("utf-8"), scrambled[name].decode("utf-8")
        # every byte but the ids is as it was: mapping them back gives the file back
        assert map_back(text, mapping) == before, name
        # …and the ids are the review's own again; comments keep what they said
        for line, original, old in zip(
            text.splitlines(),
            in_order[name].decode().splitlines(),
            before.splitlines(),
            strict=True,
        ):
            assert line == (old if COMMENT.match(line) else original)
    assert [(t.where, t.old, t.new, t.excerpt) for t in result.in_text[:1]] == [
        ("recommendations.yaml:39", "R2", "R4", "R2 (adaptive…")
    ]
    assert renumber(ws).nothing_to_do


@settings(max_examples=8)
@given(
    recs=st.permutations(range(1, 13)),  # Riverside's R1–R12 (R12 added at a visit)
    evidence=st.lists(st.integers(1, 80), min_size=28, max_size=28, unique=True),  # E1–E28
)
def test_random_permutations_round_trip(recs: list[int], evidence: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = copy_workspace(RIVERSIDE, Path(tmp) / "ws")
        mapping = {f"R{n}": f"R{new}" for n, new in enumerate(recs, 1)}
        mapping |= {f"E{n}": f"E{new}" for n, new in enumerate(evidence, 1)}
        in_order = snapshot(ws)
        rename_ids(ws, mapping)
        renumber(ws)
        for name, data in snapshot(ws).items():
            got, want = data.decode(), in_order[name].decode()
            for line, original in zip(got.splitlines(), want.splitlines(), strict=True):
                if not COMMENT.match(line):
                    assert line == original, name


def test_a_swap_is_safe_and_keys_are_renamed(riverside: Path) -> None:
    rename_ids(riverside, {"R2": "R3", "R3": "R2"})
    result = renumber(riverside, "recommendations")
    assert [(m.old, m.new) for m in result.moves] == [("R3", "R2"), ("R2", "R3")]
    visit = (riverside / "follow-ups" / "2026-12-09.yaml").read_text()
    assert visit == (RIVERSIDE / "follow-ups" / "2026-12-09.yaml").read_text()
    assert problems(riverside) == []


def test_what_limits_the_kind(riverside: Path) -> None:
    rename_ids(riverside, {"R2": "R3", "R3": "R2", "E1": "E2", "E2": "E1"})
    result = renumber(riverside, "evidence")
    assert {m.kind for m in result.moves} == {"evidence"}
    assert "id: R3\n" in (riverside / "recommendations.yaml").read_text().split("id: R2")[0]
    assert renumber(riverside, "evidence").nothing_to_do
    assert not renumber(riverside, "recommendations").nothing_to_do
    assert renumber(riverside).nothing_to_do


def test_ids_added_at_visits_follow_the_review_in_date_order(riverside: Path) -> None:
    """Riverside's visits add R12 (visit 2) and E22–E28 (visits 2 and 3): numbered after
    the review's own, visit by visit in date order, found by their markers alone."""
    mapping = {"E22": "E28", "E28": "E22", "E26": "E40", "R12": "R20", "E1": "E30"}
    in_order = snapshot(riverside)
    rename_ids(riverside, mapping)
    assert [d for d in validate(riverside) if d.is_error] == []

    result = renumber(riverside)

    assert {m.old: m.new for m in result.moves} == {new: old for old, new in mapping.items()}
    second = "follow-ups/2027-02-10.yaml"
    assert [m.where for m in result.moves if m.old == "R20"] == [f"{second}:112"]
    for name, data in snapshot(riverside).items():
        for line, original in zip(
            data.decode().splitlines(), in_order[name].decode().splitlines(), strict=True
        ):
            if not COMMENT.match(line):
                assert line == original, name
    assert problems(riverside) == []


def test_dry_run_writes_nothing(riverside: Path) -> None:
    scramble(riverside)
    before = snapshot(riverside)
    result = renumber(riverside, dry_run=True)
    assert result.dry_run and len(result.moves) == 11 + 21  # every id moves
    assert snapshot(riverside) == before


def test_an_invalid_review_is_refused(riverside: Path) -> None:
    rename_ids(riverside, {"R2": "R3", "R3": "R2"})
    path = riverside / "recommendations.yaml"
    path.write_text(path.read_text().replace("evidence: [E2, E3]", "evidence: [E2, E99]"))
    before = snapshot(riverside)
    with pytest.raises(InvalidReview) as raised:
        renumber(riverside)
    assert [d.code for d in raised.value.diagnostics if d.is_error] == ["SR400"]
    assert snapshot(riverside) == before


def test_a_file_that_would_not_read_back_is_refused_before_anything_is_written(
    riverside: Path,
) -> None:
    rename_ids(riverside, {"R2": "R3", "R3": "R2"})
    visit = riverside / "follow-ups" / "2027-02-10.yaml"
    visit.write_text(visit.read_text().replace("\n  R3:\n", '\n  "\\x523":\n'))  # "R3"
    assert problems(riverside) == []
    before = snapshot(riverside)
    with pytest.raises(SendreviewError, match=r"2027-02-10\.yaml cannot be renumbered safely"):
        renumber(riverside)
    assert snapshot(riverside) == before


def test_quotes_and_block_headers(riverside: Path) -> None:
    rename_ids(riverside, {"R2": "R3", "R3": "R2"})
    visit = riverside / "follow-ups" / "2026-12-09.yaml"
    text = visit.read_text()
    text = text.replace("\n  R2:\n", "\n  'R2':\n").replace(
        "summary: |\n", "summary: |  # R2 and R3 are the governors' ones\n"
    )
    text = text.replace("The school has made", "R2 and R3 show the school has made")
    visit.write_text(text)
    renumber(riverside)
    done = visit.read_text()
    assert "\n  'R3':\n" in done
    assert "summary: |  # R2 and R3 are the governors' ones\n" in done
    assert "R3 and R2 show the school has made" in done


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    real = renumbering.yamlio.write_atomic
    count = 0

    def write(path: Path, data: Any, *, overwrite: bool) -> None:
        nonlocal count
        count += 1
        if count > writes:
            raise KeyboardInterrupt
        real(path, data, overwrite=overwrite)

    monkeypatch.setattr(renumbering.yamlio, "write_atomic", write)


@pytest.mark.parametrize("writes", [1, 2, 4])
def test_a_stopped_run_is_finished_by_running_it_again(
    riverside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writes: int
) -> None:
    scramble(riverside)
    expected = copy_workspace(riverside, tmp_path / "expected")
    renumber(expected)
    with monkeypatch.context() as patch:
        _interrupt_after(patch, writes)  # the journal, then writes - 1 files
        with pytest.raises(KeyboardInterrupt):
            renumber(riverside)
    assert (riverside / JOURNAL).exists()
    assert renumber(riverside, dry_run=True).resumed
    assert (riverside / JOURNAL).exists()
    result = renumber(riverside)
    assert result.resumed and not (riverside / JOURNAL).exists()
    assert snapshot(riverside) == snapshot(expected)


def test_a_stopped_run_never_overwrites_a_file_changed_since(
    riverside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scramble(riverside)
    with monkeypatch.context() as patch:
        _interrupt_after(patch, 1)
        with pytest.raises(KeyboardInterrupt):
            renumber(riverside)
    path = riverside / "recommendations.yaml"
    path.write_text(path.read_text() + "\n# a note\n")
    changed = snapshot(riverside)
    with pytest.raises(SendreviewError, match="has been changed since"):
        renumber(riverside)
    assert snapshot(riverside) == changed


@pytest.mark.parametrize(
    "path", ["../outside.yaml", "/tmp/sendreview-elsewhere.yaml", "follow-ups/../../x.yaml"]
)
def test_a_journal_that_came_with_the_review_never_writes_outside_it(
    riverside: Path, tmp_path: Path, path: str
) -> None:
    """A review from someone else may carry a journal of its own making: it may name
    only the review's own YAML files."""
    import hashlib
    import json

    journal = {
        "moves": [["recommendation", "R1", "R2"]],
        "files": [{"path": path, "before": hashlib.sha256(b"").hexdigest(), "after": "x"}],
    }
    (riverside / JOURNAL).parent.mkdir(exist_ok=True)
    (riverside / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    with pytest.raises(SendreviewError, match="is damaged"):
        renumber(riverside)
    assert not (tmp_path / "outside.yaml").exists()
    assert not Path("/tmp/sendreview-elsewhere.yaml").exists()


def test_a_journal_cannot_write_through_a_folder_link(riverside: Path, tmp_path: Path) -> None:
    import hashlib
    import json
    import shutil

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(riverside / "follow-ups")
    (riverside / "follow-ups").symlink_to(elsewhere)
    journal = {
        "moves": [["recommendation", "R1", "R2"]],
        "files": [
            {"path": "follow-ups/new.yaml", "before": hashlib.sha256(b"").hexdigest(), "after": "x"}
        ],
    }
    (riverside / JOURNAL).parent.mkdir(exist_ok=True)
    (riverside / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    with pytest.raises(SendreviewError, match="is damaged"):
        renumber(riverside)
    assert list(elsewhere.iterdir()) == []


SWAP = {"R1": "R2", "R2": "R1"}


def _swap(text: str, *targets: yamlio.Target) -> tuple[str, list[yamlio.Renamed]]:
    return yamlio.rename_words(text, targets, ID_WORD, lambda word: SWAP.get(word, word))


def test_rename_words_edits_only_the_targets_all_at_once() -> None:
    text = "a: R1  # R1 stays\nb: {R2: x, c: 'R1'}\nd:\n  - R2 and R1.\ne: [R1]\n"
    new, renamed = _swap(
        text,
        yamlio.Target(("a",)),
        yamlio.Target(("b", "R2"), key=True),
        yamlio.Target(("b", "c")),
        yamlio.Target(("d", 0, "text")),  # a short form: the scalar stands for its text
    )
    assert new == "a: R2  # R1 stays\nb: {R1: x, c: 'R2'}\nd:\n  - R1 and R2.\ne: [R1]\n"
    assert [(r.line, r.old, r.new) for r in renamed] == [
        (1, "R1", "R2"),
        (2, "R2", "R1"),
        (2, "R1", "R2"),
        (4, "R2", "R1"),
        (4, "R1", "R2"),
    ]
    aliased, _ = _swap("a: &x R1\nb: *x\n", yamlio.Target(("a",)), yamlio.Target(("b",)))
    assert aliased == "a: &x R2\nb: *x\n"


def test_rename_words_refuses_rather_than_miss_an_id() -> None:
    with pytest.raises(ValueError, match="nothing at x"):
        _swap("a: R1\n", yamlio.Target(("x",)))
    with pytest.raises(ValueError, match="would not read back"):
        _swap('a: "\\x521"\n', yamlio.Target(("a",)))  # "R1", its characters escaped
    with pytest.raises(ValueError, match="would not read back"):
        _swap("a: &x R1\nb: *x\n", yamlio.Target(("a",)))  # b would change too


# --- the command ------------------------------------------------------------------------


def test_cli_dry_run_shows_the_mapping_and_the_text(cli: Invoke, riverside: Path) -> None:
    rename_ids(riverside, {"R4": "R8", "R8": "R4", "E20": "E30"})
    before = snapshot(riverside)
    result = cli("renumber", str(riverside), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert snapshot(riverside) == before
    assert result.stdout == (
        "Recommendations: 2 of 12 renumbered\n"
        "  R8  → R4    (defined at recommendations.yaml:188)\n"
        "  R4  → R8    (defined at recommendations.yaml:327)\n"
        "Evidence: 1 of 28 renumbered\n"
        "  E30 → E20   (defined at evidence.yaml:350)\n"
        "Files that would change:\n"
        "  evidence.yaml               1 id\n"
        "  recommendations.yaml        9 ids, 2 in text\n"
        "  follow-ups/2026-12-09.yaml  2 ids, 1 in text\n"
        "  follow-ups/2027-02-10.yaml  2 ids\n"
        "  follow-ups/2027-03-24.yaml  2 ids\n"
        "Also in text (ids named in Markdown, renamed too; check they still read right):\n"
        "  recommendations.yaml:39        R8  → R4   'R8 (adaptive…'\n"
        "  recommendations.yaml:39        R4  → R8   'R4 (evaluating'\n"
        "  follow-ups/2026-12-09.yaml:46  R4  → R8   'R4) is complete in…'\n"
        "Nothing was written (--dry-run). Comments that name ids are never changed.\n"
    )


def test_cli_renumbers_then_has_nothing_to_do(cli: Invoke, riverside: Path) -> None:
    rename_ids(riverside, {"R4": "R8", "R8": "R4"})
    result = cli("renumber", str(riverside), "--what", "recommendations")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(
        "Renumbered 2 recommendations in 4 files. Comments that name ids were left as they were.\n"
    )
    assert snapshot(riverside) == snapshot(RIVERSIDE)
    again = cli("renumber", str(riverside))
    assert again.exit_code == 0
    assert again.stdout == (
        f"Nothing to do: the recommendation and evidence ids of {riverside} are already in order.\n"
    )


def test_cli_refuses_an_invalid_review(cli: Invoke, riverside: Path) -> None:
    path = riverside / "recommendations.yaml"
    path.write_text(path.read_text().replace("evidence: [E2, E3]", "evidence: [E2, E99]"))
    result = cli("renumber", str(riverside))
    assert result.exit_code == 1
    assert "error SR400 evidence 'E99' is not in the evidence log" in result.stdout
    assert "Error: the review has errors; fix them, then run 'sendreview renumber'" in (
        result.stderr
    )


def test_cli_what_is_a_choice(cli: Invoke, riverside: Path) -> None:
    from sendreview.cli import RenumberWhat

    assert tuple(RenumberWhat) == renumbering.WHAT
    result = cli("renumber", str(riverside), "--what", "themes")
    assert result.exit_code == 2
