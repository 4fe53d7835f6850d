"""The one door for YAML: what it accepts, what it refuses, and where it says so."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sendreview import yamlio
from sendreview.atomic import write_atomic


def codes(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.line, d.col) for d in yamlio.parse_text(text, "f.yaml").problems]


def test_yaml_1_2_scalars_that_people_write() -> None:
    doc = yamlio.parse_text("a: yes\nb: no\nc: 2026-10-14\nd: 0123\ne: 1.5\nf: ~\ng: true\n")
    assert doc.data == {
        "a": "yes",
        "b": "no",
        "c": "2026-10-14",
        "d": "0123",
        "e": 1.5,
        "f": None,
        "g": True,
    }


def test_problems_carry_positions() -> None:
    assert codes("a: 1\nb:\n  c: 1\n  c: 2\n") == [("SR105", 4, 3)]
    assert codes("a:\n\tb: 1\n") == [("SR104", 2, 1)]
    assert codes("a: !!python/object:os.system x\n") == [("SR106", 1, 4)]
    assert codes("a: !!binary aGVsbG8=\n") == [("SR106", 1, 4)]
    assert yamlio.parse_text("<<: {a: 1}\n").data == {"<<": {"a": 1}}  # no merging: a key
    assert codes("a: 1\n---\nb: 2\n") == [("SR111", 2, 1)]
    assert codes("   \n# only a comment\n") == [("SR108", 1, 1)]
    assert codes("a: [1, 2\n") == [("SR103", 2, 1)]


def test_crlf_and_bom_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\nb: 3\r\n")
    doc = yamlio.read(path, "f.yaml")
    assert doc.data == {"a": 1, "b": 3}
    assert [(d.code, d.line, d.col) for d in doc.problems] == [("SR105", 3, 1)]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    doc = yamlio.parse_text("\n".join(lines))
    assert time.perf_counter() - start < 1.0
    assert [d.code for d in doc.problems] == ["SR107"]


def test_small_aliases_are_fine() -> None:
    doc = yamlio.parse_text("a: &x [1, 2]\nb: *x\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2]} and not doc.problems


def test_deep_nesting_is_refused() -> None:
    assert [d.code for d in yamlio.parse_text("a: " + "[" * 300 + "]" * 300).problems] == ["SR110"]


def test_position_of_nested_values_keys_and_empty_values() -> None:
    doc = yamlio.parse_text("top:\n  items:\n    - one\n    - two: 2\n  empty:\nlast: 1\n")
    assert doc.position(("top", "items", 1, "two")) == (4, 12)
    assert doc.position(("top", "items", 1, "two"), key=True) == (4, 7)
    assert doc.position(("top", "empty")) == (5, 3)  # shown at its key
    assert doc.position(("top", "missing", "deeper")) == (2, 3)  # nearest thing above


# NEL and the Unicode line separators are line breaks to YAML, which PyYAML's writer
# does not escape; everything else a person can type is fair game
text = st.text(
    st.characters(blacklist_characters="\x85\u2028\u2029", blacklist_categories=("Cs",)),
    max_size=30,
)
plain = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(text.filter(bool), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(plain)
def test_anything_yaml_writes_reads_back_the_same(value: object) -> None:
    text = yaml.safe_dump({"root": value}, allow_unicode=True)
    doc = yamlio.parse_text(text)
    assert not doc.problems
    assert doc.data == {"root": value}


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s)
    | st.integers()
    | st.booleans()
    | st.dates()
)
def test_scalar_reads_back_as_the_same_value(value: object) -> None:
    read = yamlio.parse_text(f"k: {yamlio.scalar(value)}\n").data["k"]
    expected = value.isoformat() if hasattr(value, "isoformat") else value
    if isinstance(value, str) and value != value.strip():  # ruamel keeps the spaces quoted
        assert read == value
    else:
        assert read == expected


def test_write_atomic_never_replaces_without_leave(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_atomic(path, "theirs\n", overwrite=False)
    assert path.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("old\n")

    def broken(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n", overwrite=True)
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]


def test_a_control_character_pasted_from_word_is_placed() -> None:
    problem = yamlio.parse_text("a: 1\nb: one\x0btwo\n").problems[0]
    assert (problem.code, problem.line, problem.col) == ("SR103", 2, 7)
    assert problem.hint and "Word" in problem.hint


def test_set_top_level_handles_a_space_before_the_colon(tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "f.yaml"
    path.write_text("date: 2026-12-01\nnext_visit :   # to agree\n")
    yamlio.set_top_level(path, "next_visit", date(2027, 1, 1))
    assert path.read_text() == "date: 2026-12-01\nnext_visit : 2027-01-01   # to agree\n"
