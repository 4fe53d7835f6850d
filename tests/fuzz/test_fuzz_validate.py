"""Property-based fuzzing of ``sendreview validate`` over mutated copies of real reviews.

Each test takes a bundled review (riverside-primary, brookfield-school or the tests' base
workspace), applies a few drawn mutations and validates the result in the fuzz worker (see
harness.py for the rules every case must keep). Quick profile (default, part of the normal
suite): a few hundred deterministic cases. Long profile (``SENDREVIEW_FUZZ=long``, ``make
fuzz``): over 10,000 random cases that never stop at a finding; every distinct finding is
logged with its case folder kept, and the last test fails if there were any.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import mutations as m
from tests.fuzz.harness import BASES, LONG, Fuzz

pytestmark = pytest.mark.fuzz

_COMMON: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "print_blob": False,
    "suppress_health_check": list(HealthCheck),
}
if LONG:
    _PROFILE = settings(derandomize=False, **_COMMON)
    _SCALE = {"bytes": 2500, "structure": 2500, "features": 1000, "special": 1500, "names": 1500}
    _SCALE["mixed"] = 1500
else:
    _PROFILE = settings(derandomize=True, **_COMMON)
    _SCALE = {"bytes": 60, "structure": 60, "features": 30, "special": 50, "names": 40}
    _SCALE["mixed"] = 40


_FACTOR = float(os.environ.get("SENDREVIEW_FUZZ_SCALE", "1"))  # e.g. 0.1 for a smoke run


def examples(family: str) -> settings:
    return settings(_PROFILE, max_examples=max(1, round(_SCALE[family] * _FACTOR)))


bases = st.sampled_from(sorted(BASES))


def _outcome(fuzz: Fuzz, workspace: Path, description: str, given: str = "folder") -> None:
    broken = fuzz.validate(workspace, description, given)
    if not LONG:  # the long profile keeps going and fails at the end (test_zz_…)
        assert not broken, "\n".join(broken)


@examples("bytes")
@given(base=bases, ops=st.lists(m.byte_op, min_size=1, max_size=4))
def test_byte_mutations(fuzz: Fuzz, base: str, ops: list[m.Op]) -> None:
    """Flipped, inserted and deleted bytes; truncation; BOMs; other encodings; control chars."""
    workspace = fuzz.new_case(base)
    for op in ops:
        m.apply_bytes(workspace, op)
    _outcome(fuzz, workspace, f"bytes: base={base} ops={ops!r}"[:2000])


@examples("structure")
@given(
    base=bases,
    ops=st.lists(m.struct_op, min_size=1, max_size=4),
    style=m.emit_style,
)
def test_structural_mutations(
    fuzz: Fuzz, base: str, ops: list[m.Op], style: tuple[bool, bool | None, int]
) -> None:
    """Parsed with PyYAML, values swapped for other types, keys deleted, renamed, doubled,
    huge numbers, long text, deep nesting, YAML features; emitted again."""
    workspace = fuzz.new_case(base)
    m.apply_structure(workspace, ops, style)
    _outcome(fuzz, workspace, f"structure: base={base} style={style} ops={ops!r}"[:2000])


@examples("features")
@given(
    base=bases,
    ops=st.lists(
        st.tuples(
            st.just("raw"),
            st.integers(0, 50),
            st.integers(0, 1 << 20),
            st.sampled_from(m.RAW_SNIPPETS),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_yaml_features(fuzz: Fuzz, base: str, ops: list[m.Op]) -> None:
    """Anchors and aliases (billion laughs), tags (!!python/object, !!binary, !!set), merge
    keys, complex keys, escapes: each put in place of a value."""
    workspace = fuzz.new_case(base)
    m.apply_structure(workspace, ops, (True, None, 80))
    _outcome(fuzz, workspace, f"features: base={base} ops={ops!r}"[:2000])


@examples("special")
@given(
    base=bases,
    ops=st.lists(m.special_op, min_size=1, max_size=3),
    given_as=st.sampled_from(["folder", "parent", "file"]),
)
def test_special_files(fuzz: Fuzz, base: str, ops: list[m.Op], given_as: str) -> None:
    """Files replaced by folders, emptied, removed, symlinked inside or outside, sockets,
    links to folders above, reviews inside reviews (and FIFOs in the long profile; the quick
    one checks them once, below); validate given the folder, its parent or review.yaml."""
    workspace = fuzz.new_case(base)
    for op in ops:
        m.apply_special(workspace, op)
    _outcome(fuzz, workspace, f"special: base={base} given={given_as} ops={ops!r}", given_as)


_any_op = st.one_of(
    m.byte_op.map(lambda op: ("bytes", op)),
    m.struct_op.map(lambda op: ("structure", op)),
    m.special_op.map(lambda op: ("special", op)),
    m.name_op.map(lambda op: ("names", op)),
)


@examples("mixed")
@given(base=bases, ops=st.lists(_any_op, min_size=2, max_size=5))
def test_mixed_mutations(fuzz: Fuzz, base: str, ops: list[tuple[str, m.Op]]) -> None:
    """Mutations of every family together, in any order."""
    workspace = fuzz.new_case(base)
    for family, op in ops:
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, RecursionError):
            if family == "bytes":
                m.apply_bytes(workspace, op)
            elif family == "structure":
                m.apply_structure(workspace, [op], (True, None, 80))
            elif family == "special":
                m.apply_special(workspace, op)
            else:
                m.apply_name(workspace, op)
    _outcome(fuzz, workspace, f"mixed: base={base} ops={ops!r}"[:2000])


@examples("names")
@given(base=bases, ops=st.lists(m.name_op, min_size=1, max_size=3))
def test_weird_names(fuzz: Fuzz, base: str, ops: list[m.Op]) -> None:
    """Odd file names in follow-ups/ and attachments/, and odd attachment references."""
    workspace = fuzz.new_case(base)
    for op in ops:
        m.apply_name(workspace, op)
    _outcome(fuzz, workspace, f"names: base={base} ops={ops!r}"[:2000])


@pytest.mark.parametrize(
    "snippet", m.RAW_SNIPPETS, ids=[f"{i}:{s[:24]}" for i, s in enumerate(m.RAW_SNIPPETS)]
)
def test_each_yaml_feature(fuzz: Fuzz, snippet: str) -> None:
    """Every YAML feature snippet once, in place of a mapping in review.yaml and of a value in
    evidence.yaml: the quick profile's hypothesis tests draw only some of them."""
    workspace = fuzz.new_case("base")
    m.apply_structure(workspace, [("raw", 0, 1, snippet), ("raw", 3, 3, snippet)], (True, None, 80))
    _outcome(fuzz, workspace, f"features: base=base ops=[('raw', 0, 1, {snippet[:200]!r}), …3, 3…]")


FRAMEWORK_NAMES = [
    "a\x00b",
    "my\x00.yaml",
    "x" * 5000,
    "x" * 300 + ".yaml",
    "/dev/zero",
    "/dev/stdin",
    "../../../../etc/passwd",
    "review.yaml",
    "evidence.yaml",
    ".",
    "~/x.yaml",
    "attachments",
    "attachments/",
    "C:\\x.yaml",
    "\ud800",
    "annex-1\n",
]


@pytest.mark.parametrize("name", FRAMEWORK_NAMES, ids=[repr(n[:20]) for n in FRAMEWORK_NAMES])
def test_odd_framework_names(fuzz: Fuzz, name: str) -> None:
    """review.yaml's framework is a name or a path the reader follows: odd ones, once each."""
    workspace = fuzz.new_case("base")
    review = workspace / "review.yaml"
    data = yaml.safe_load(review.read_bytes())
    data["framework"] = name
    review.write_bytes(yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))
    _outcome(fuzz, workspace, f"framework: base=base review.yaml framework={name[:100]!r}")


@pytest.mark.parametrize(
    "op",
    [
        ("fifo", "review.yaml"),
        ("fifo", "follow-ups/0"),
        ("link-out", "context.yaml", "/dev/zero"),
    ],
    ids=["fifo-review", "fifo-follow-up", "link-dev-zero"],
)
def test_files_that_never_end(fuzz: Fuzz, op: m.Op) -> None:
    """A FIFO with no writer, or a link to an endless device: validate must not hang or
    exhaust memory. Kept out of the quick profile's hypothesis tests: each costs the full
    time limit when it hangs, and shrinking would repeat it."""
    workspace = fuzz.new_case("riverside")
    m.apply_special(workspace, op)
    _outcome(fuzz, workspace, f"special: base=riverside ops=[{op!r}]")


def test_worker_reports_a_clean_review(fuzz: Fuzz) -> None:
    """The harness itself: an untouched example passes every rule."""
    for base in sorted(BASES):
        workspace = fuzz.new_case(base)
        assert fuzz.validate(workspace, f"untouched {base}") == []
    assert os.environ.get("SENDREVIEW_FUZZ", "quick") in {"quick", "long", ""}


@pytest.mark.skipif(not LONG, reason="the long profile's verdict")
def test_zz_long_campaign_found_nothing(fuzz: Fuzz) -> None:
    findings = fuzz.stats.findings
    assert not findings, "\n".join(f"[{f.count}x] {f.signature}" for f in findings.values())
