"""The one door for YAML: what it accepts, what it refuses, and where it says so."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sendreview import yamlio
from sendreview.atomic import write_atomic
from tests.conftest import CASES, Invoke, copy_workspace


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``sendreview ARGS…`` in a child process: a crash or a hang fails the test only."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "sendreview", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


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


def test_nesting_is_bounded_at_the_level_that_crosses_the_limit() -> None:
    assert codes("a: " + "[" * 99 + "]" * 99) == []  # 100 levels of lists and mappings: fine
    assert codes("a: " + "[" * 100 + "]" * 100) == [("SR110", 1, 103)]  # at the 101st level
    block = "".join("  " * i + "k:\n" for i in range(150))
    assert codes(block) == [("SR110", 101, 201)]
    assert codes("a:\n  " + "- " * 150 + "x\n") == [("SR110", 2, 201)]


def test_aliases_cannot_nest_deeper_than_the_file_can() -> None:
    doc = yamlio.parse_text("a: &a " + "[" * 90 + "]" * 90 + "\nb: " + "[" * 50 + "*a" + "]" * 50)
    ((problem,),) = [doc.problems]
    assert (problem.code, problem.line, problem.col) == ("SR110", 1, 4)
    assert problem.hint and "'*'" in problem.hint


DEEP = {
    "flow": "narrative: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "unclosed": "narrative: " + "[" * 50_000 + "\n",
    "mappings": "narrative: " + "{a: " * 50_000 + "x" + "}" * 50_000 + "\n",
    "dashes": "narrative:\n  " + "- " * 50_000 + "x\n",
    "indented": "".join(" " * i + "k:\n" for i in range(1_500)),
    # the ways text can look shallow to a quick glance at the starts of lines
    "first line": "- " * 30_000 + "x\n",
    "old Mac line breaks": "narrative:\r  " + "- " * 30_000 + "x\r",
    "Unicode line breaks": "narrative:\u2028" + "- " * 30_000 + "x\n",
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_very_deep_files_are_refused_not_crashed_on(kind: str, tmp_path: Path) -> None:
    """PyYAML's composers recurse per level: 50,000 '[' used to kill the process (exit 139).

    Run in a child process, so that a crash is a failing test, not a dead pytest.
    """
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    (ws / "context.yaml").write_text(DEEP[kind], encoding="utf-8")
    result = _run_cli("validate", str(ws))
    assert result.returncode == 1, result.stderr
    assert re.search(
        r"context\.yaml:\d+:\d+: error SR110 .*nested more than 100 levels", result.stdout
    )
    assert "hint: a review file needs only a few levels" in result.stdout


def test_a_long_plain_list_is_not_called_an_alias_expansion() -> None:
    """Counted once per key and value: a plain list of 300,000 is too many, and says so."""
    doc = yamlio.parse_text("a: [" + ",".join(["1"] * 300_000) + "]\n")
    ((problem,),) = [doc.problems]
    assert (problem.code, problem.line) == ("SR110", 1)
    assert problem.col and problem.col > 300_000  # where the 200,001st value starts
    assert "more than 200,000 keys and values" in problem.message and "alias" not in problem.message
    assert problem.hint and "right file" in problem.hint


def test_nested_data_is_counted_once_per_value() -> None:
    """30,000 small mappings are 150,001 keys and values: within the limit (and no alias)."""
    doc = yamlio.parse_text("a:\n" + "  - {b: 1, c: x}\n" * 30_000)
    assert not doc.problems and len(doc.data["a"]) == 30_000


def test_alias_expansion_still_says_aliases() -> None:
    doc = yamlio.parse_text(
        "a: &a [" + ",".join(["1"] * 1000) + "]\nb: [" + ",".join(["*a"] * 300) + "]\n"
    )
    ((problem,),) = [doc.problems]
    assert problem.code == "SR107" and "aliases" in problem.message and problem.line == 1


def test_anchor_mistakes_are_placed() -> None:
    assert codes("a: &x [*x]\n") == [("SR103", 1, 8)]  # an alias inside its own anchor
    problem = yamlio.parse_text("a: &x 1\nb: &x 2\n").problems[0]
    assert (problem.code, problem.line, problem.col) == ("SR103", 2, 4)
    assert "already used" in problem.message


def test_a_number_too_long_for_python_is_a_diagnostic(cli: Invoke, tmp_path: Path) -> None:
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    (ws / "context.yaml").write_text("roll: " + "4" * 5000 + "\n", encoding="utf-8")
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    assert "context.yaml:1:7: error SR112 this number has 5,000 digits" in result.stdout
    assert "put it in quotes" in result.stdout
    assert yamlio.parse_text("a: '" + "4" * 5000 + "'\n").data == {"a": "4" * 5000}


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
    """What another tool (PyYAML, a YAML 1.1 writer) writes reads back as the same data;
    where YAML 1.1 and 1.2 differ on a plain scalar ('0E0' is text to 1.1, a number to
    1.2), the number read keeps the text as written, which is what a text field gets."""
    text = yaml.safe_dump({"root": value}, allow_unicode=True)
    doc = yamlio.parse_text(text)
    assert not doc.problems
    assert _same(doc.data, {"root": value}), (doc.data, value)


def _same(read: object, written: object) -> bool:
    if isinstance(written, dict) and isinstance(read, dict):
        return read.keys() == written.keys() and all(_same(read[k], written[k]) for k in read)
    if isinstance(written, list) and isinstance(read, list):
        return len(read) == len(written) and all(map(_same, read, written))
    if isinstance(written, str) and isinstance(read, int | float) and not isinstance(read, bool):
        return str(read) == written
    return (read == written and type(read) is type(written)) or read == written


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


# Files that are not plain files, or that lead out of the review folder: refused by
# what they are, before they are opened (a named pipe would block, /dev/zero never ends)

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and links")


@needs_posix
def test_a_named_pipe_in_place_of_a_review_file_is_refused(tmp_path: Path) -> None:
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    (ws / "context.yaml").unlink()
    os.mkfifo(ws / "context.yaml")
    result = _run_cli("validate", str(ws))  # used to wait for ever
    assert result.returncode == 1
    assert "context.yaml: error SR101 this is a named pipe, not a file" in result.stdout
    assert "hint: sendreview reads only plain files" in result.stdout


@needs_posix
def test_a_link_out_of_the_review_is_refused(cli: Invoke, tmp_path: Path) -> None:
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    (tmp_path / "elsewhere.yaml").write_text("roll: 400\n")
    (ws / "context.yaml").unlink()
    (ws / "context.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    (ws / "evidence.yaml").unlink()
    (ws / "evidence.yaml").symlink_to("/dev/zero")
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    assert re.search(
        r"context\.yaml: error SR101 this is a link to '.*elsewhere\.yaml', outside", result.stdout
    )
    assert "evidence.yaml: error SR101 this is a link to '/dev/zero'" in result.stdout
    assert "hint: a link inside a review may lead only to a file inside" in result.stdout


@needs_posix
def test_a_link_inside_the_review_is_read(cli: Invoke, tmp_path: Path) -> None:
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    (ws / "context.yaml").rename(ws / "context-2026.yaml")
    (ws / "context.yaml").symlink_to("context-2026.yaml")
    assert cli("validate", str(ws)).exit_code == 0


@needs_posix
def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "framework.yaml"
    link.symlink_to("/dev/zero")  # outside any review (a framework file may be anywhere)
    start = time.perf_counter()
    doc = yamlio.read(link, "framework.yaml")
    assert time.perf_counter() - start < 1.0
    assert [(d.code, d.message) for d in doc.problems] == [
        ("SR101", "this is a device, not a file")
    ]


def test_the_size_cap_is_stated(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: '" + "x" * 2_000_000 + "'\n")
    (problem,) = yamlio.read(path, "f.yaml").problems
    assert problem.code == "SR110"
    assert problem.message == (
        "file is 2,000,006 bytes; sendreview reads files of at most 2,000,000 bytes"
    )
    assert problem.hint


def test_a_file_that_grows_past_the_cap_is_not_read_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size the file system reports is not trusted: at most 2,000,001 bytes are read."""
    path = tmp_path / "f.yaml"
    path.write_text("a: '" + "x" * 3_000_000 + "'\n")
    real_stat = Path.stat

    def small(self: Path, **kwargs: bool) -> os.stat_result:
        st = real_stat(self, **kwargs)
        return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))

    monkeypatch.setattr(Path, "stat", small)
    (problem,) = yamlio.read(path, "f.yaml").problems
    assert (problem.code, problem.message.split(";")[0]) == (
        "SR110",
        "file is more than 2,000,000 bytes",
    )


@needs_posix
def test_attachments_must_be_plain_files_inside_the_review(cli: Invoke, tmp_path: Path) -> None:
    ws = copy_workspace(CASES / "base", tmp_path / "ws")
    folder = ws / "attachments"
    folder.mkdir()
    os.mkfifo(folder / "pipe.pdf")
    (folder / "zero.pdf").symlink_to("/dev/zero")
    (folder / "passwd.pdf").symlink_to("/etc/passwd")
    (folder / "plan.pdf").write_text("a plan")
    (folder / "plan-link.pdf").symlink_to("plan.pdf")  # inside the review: fine
    names = ["pipe.pdf", "zero.pdf", "passwd.pdf", "plan.pdf", "plan-link.pdf", "x" * 5000]
    with (ws / "evidence.yaml").open("a") as f:
        f.write("  - id: E3\n    date: 2026-10-14\n    method: school-tour\n    attachments:\n")
        f.writelines(f"      - attachments/{name}\n" for name in names)
        f.write('      - "attachments/plan\\0.pdf"\n')
    result = cli("validate", str(ws))
    assert result.exit_code == 1
    out = result.stdout
    for line, says in [
        (11, "SR406 attachment 'attachments/pipe.pdf' is a named pipe, not a file"),
        (12, "SR404 attachment 'attachments/zero.pdf' is a link to '/dev/zero', outside"),
        (13, "SR404 attachment 'attachments/passwd.pdf' is a link to '/etc/passwd', outside"),
        (16, "SR405 attachment 'attachments/xxxxxxxxxx"),
        (17, "SR405 attachment name 'attachments/plan\\x00.pdf' holds a control character"),
    ]:
        assert f"evidence.yaml:{line}:9: error {says}" in out
    assert ":14:9:" not in out and ":15:9:" not in out
    assert "this file name is too long (5,012 characters)" in out
    assert "probably pasted text or a web address" in out
    assert out.count("    hint: ") == 5


@pytest.mark.parametrize("text", ["a: !!float x", "a: !!int 1.5", "a: !!bool yes", "a: !!null x"])
def test_a_written_out_tag_that_does_not_fit_its_value_is_reported(text: str) -> None:
    doc = yamlio.parse_text(text, "context.yaml")
    assert [(p.code, p.line, p.col) for p in doc.problems] == [("SR106", 1, 4)]
    assert "cannot be read as the YAML tag" in doc.problems[0].message


def test_a_huge_hexadecimal_count_is_refused_before_it_reaches_a_report(
    tmp_path: Path, cli: Invoke
) -> None:
    from tests.conftest import build_case

    review = build_case("short-forms", tmp_path / "r")
    (review / "context.yaml").write_text("roll: 0x" + "f" * 3700 + "\n")
    result = cli("validate", str(review))
    assert result.exit_code == 1
    assert "context.yaml:1:7: error SR204 0xfffff" in result.stdout
    assert "is too large for 'roll'; it must be 10,000,000 or less" in result.stdout


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_a_block_of_text_reads_back_as_written(value: str) -> None:
    """Text of several lines written after a nested key (an action point carried into
    the next visit) reads back exactly, or is written quoted."""
    written = yamlio.block(value, 8)
    doc = yamlio.parse_text(f"points:\n    - point: {written}\n      done:\n")
    assert doc.ok, (written, doc.problems)
    assert doc.data["points"][0]["point"] == value


def _read_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """What ``parse_text`` gives (libyaml's composer where it may) and what our careful
    composer alone gives: data, and each problem with its place."""

    def seen(doc: yamlio.YamlFile) -> object:
        return doc.data, [(d.code, d.line, d.col, d.message) for d in doc.problems]

    quick = seen(yamlio.parse_text(text))
    with monkeypatch.context() as m:
        m.setattr("sendreview.yamlio.composing.QUICK_CHARS", -1)
        careful = seen(yamlio.parse_text(text))
    return quick, careful


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [*x]\n",  # a list holding itself: libyaml's composer makes it, ours refuses
        "? &k [*k]\n: v\n",
        "? " + "[" * 120 + "]" * 120 + "\n: v\n",  # too deep where only a key is
        "x: " + "[" * 120 + "]" * 120 + "\n",
        "x: " + "[" * 99 + "]" * 99 + "\n",  # the deepest allowed
        "x: " + "[" * 100 + "]" * 100 + "\n",  # one level more
        "a: &x 1\nb: &x 2\n",
        "a: [1, 2\n",
        "a: 1\na: 2\n? [a]\n: c\n",
        "a: &a [1, 2]\nb: [*a, *a]\nc: !!int x\n",
    ],
)
def test_the_quick_composer_and_ours_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    quick, careful = _read_both_ways(text, monkeypatch)
    assert quick == careful


@settings(max_examples=200, deadline=None)
@given(plain, st.integers(0, 200), st.sampled_from(["", "[", "]", ": ", "&a ", "*a", "\n- "]))
def test_the_quick_composer_and_ours_read_anything_alike(
    value: object, at: int, damage: str
) -> None:
    """Written YAML, whole or with something put in at a random place (so broken too)."""
    text = yaml.safe_dump({"root": value, "again": value}, allow_unicode=True)
    text = text[:at] + damage + text[at:]
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, careful = _read_both_ways(text, monkeypatch)
    assert quick == careful
