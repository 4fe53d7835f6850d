"""Mutations of a review workspace, as hypothesis strategies of plain tuples.

Every mutation is a tuple (printed by hypothesis as the reproducer) applied by ``apply``
to a fresh copy of a base workspace. Files are chosen by index into the workspace's YAML
files (sorted), positions by an integer taken modulo the file's length, so that every
drawn value means something whatever the base.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.harness import LONG

YAML_NAMES = [
    "review.yaml",
    "context.yaml",
    "self-evaluation.yaml",
    "evidence.yaml",
    "recommendations.yaml",
]
DEEP = 100_000 if LONG else 300  # nesting depth of the deepest structures

Op = tuple[Any, ...]


def yaml_files(root: Path) -> list[Path]:
    files = [root / n for n in YAML_NAMES]
    folder = root / "follow-ups"
    if folder.is_dir() and not folder.is_symlink():
        files += sorted(folder.glob("*.yaml"))
    return files


def _pick(root: Path, index: int) -> Path:
    files = yaml_files(root)
    return files[index % len(files)]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else b""
    except OSError:
        return b""


# ---------------------------------------------------------------- bytes

INTERESTING_BYTES = [
    b"\x00",
    b"\xff",
    b"\xfe\xff",
    b"\xc0\x80",  # overlong NUL
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xef\xbb\xbf",  # a BOM in the middle
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\t",
    b"\r",
    b"\r\n",
    b"\x85",
    "\u2028".encode(),
    "\u0085".encode(),
    b"\x1b[31m",
    b"\x7f",
    b"\x0c",
    b": ",
    b"- ",
    b"{",
    b"[",
    b"}",
    b"]",
    b"&a ",
    b"*a",
    b"!!",
    b"!!python/object:os.system ",
    b"%YAML 1.1\n",
    b"%TAG ! tag:x,2000:\n",
    b"---\n",
    b"...\n",
    b"#",
    b"'",
    b'"',
    b"\\",
    b"|",
    b">",
    b"? ",
    b"<<: ",
    b"\n\t",
    b"\xe2\x80\xae",  # right-to-left override
    "😀".encode(),
]
BOMS = [
    b"\xef\xbb\xbf",
    b"\xef\xbb\xbf\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\x00\x00\xfe\xff",
]
ENCODINGS = [
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "latin-1",
    "cp1252",
    "utf-8-sig",
    "utf-7",
    "shift_jis",
]
CONTROL = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0xFEFF,
    0xFFFE,
    0xFFFF,
    0x2028,
    0x2029,
    0x200B,
    0x202E,
    0xD800,
    0xDFFF,
    0x1F600,
    0x10FFFF,
]

_file = st.integers(0, 50)
_pos = st.integers(0, 1 << 20)

byte_op = st.one_of(
    st.tuples(st.just("flip"), _file, _pos, st.integers(0, 7)),
    st.tuples(
        st.just("insert"),
        _file,
        _pos,
        st.one_of(st.sampled_from(INTERESTING_BYTES), st.binary(min_size=1, max_size=8)),
    ),
    st.tuples(st.just("delete"), _file, _pos, st.integers(1, 64)),
    st.tuples(st.just("truncate"), _file, _pos),
    st.tuples(st.just("bom"), _file, st.sampled_from(BOMS)),
    st.tuples(st.just("encode"), _file, st.sampled_from(ENCODINGS)),
    st.tuples(st.just("eol"), _file, st.sampled_from(["\r\n", "\r", "\x85", "\u2028", "\n\n"])),
    st.tuples(st.just("control"), _file, _pos, st.sampled_from(CONTROL)),
    st.tuples(st.just("tab"), _file, _pos),
    st.tuples(st.just("pad"), _file, st.sampled_from([1_999_000, 2_000_001, 2_500_000])),
)


def apply_bytes(root: Path, op: Op) -> None:
    kind, index, *args = op
    path = _pick(root, index)
    raw = _read(path)
    at = args[0] % (len(raw) + 1) if kind in {"flip", "insert", "delete", "truncate"} else 0
    if kind == "flip":
        if raw:
            at = at % len(raw)
            raw = raw[:at] + bytes([raw[at] ^ (1 << args[1])]) + raw[at + 1 :]
    elif kind == "insert":
        raw = raw[:at] + args[1] + raw[at:]
    elif kind == "delete":
        raw = raw[:at] + raw[at + args[1] :]
    elif kind == "truncate":
        raw = raw[:at]
    elif kind == "bom":
        raw = args[0] + raw
    elif kind == "encode":
        raw = raw.decode("utf-8", "replace").encode(args[0], "replace")
    elif kind == "eol":
        raw = raw.replace(b"\n", args[0].encode())
    elif kind == "control":
        char = chr(args[1]).encode("utf-8", "surrogatepass")
        at = args[0] % (len(raw) + 1)
        raw = raw[:at] + char + raw[at:]
    elif kind == "tab":
        lines = raw.split(b"\n")
        i = args[0] % len(lines)
        lines[i] = b"\t" + lines[i].lstrip(b" ")
        raw = b"\n".join(lines)
    elif kind == "pad":
        raw = raw + b"\n#" + b"x" * args[0] + b"\n"
    _write(path, raw)


def _write(path: Path, raw: bytes) -> None:
    """Write a regular file; never through a link, into a FIFO (it would block) or a device."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)


# ---------------------------------------------------------------- structure

WEIRD_STRINGS = [
    "",
    " ",
    "\n",
    "x" * 10_000,
    "é" * 3000,
    "a\nb",
    "a\x00b",
    "\x1b[31mred",
    "\u202eevil",
    "annex-1",
    "annex-2",
    "annex-3",
    "E1",
    "E999",
    "R1",
    "R0",
    "2026-02-30",
    "2026-13-01",
    "0001-01-01",
    "9999-12-31",
    "2026-10-14",
    "2027-01-01",
    "10:30",
    "yes",
    "no",
    "~",
    "null",
    ".inf",
    "NaN",
    "-0",
    "0x10",
    "1e400",
    "100%",
    "/etc/passwd",
    "../../../../etc/passwd",
    "/dev/null",
    ".",
    "..",
    "review.yaml",
    "evidence.yaml",
    "attachments",
    "attachments/",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\x",
    "~/x",
    "x" * 300 + ".yaml",
    "leadership",
    "leadership.senco",
    "teaching-learning",
    "{{ 7 * 7 }}",
    "<script>",
    "%s%n",
    "[link](http://x)",
]
_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1, 10**100, 10**4000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WEIRD_STRINGS),
    st.text(max_size=40),
)
weird_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.sampled_from(WEIRD_STRINGS)), inner, max_size=4
        ),
    ),
    max_leaves=12,
)


def _billion_laughs(levels: int, width: int) -> str:
    parts = ["a0: &a0 [lol]"]
    for i in range(1, levels + 1):
        parts.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "{" + ", ".join(parts) + "}"


RAW_SNIPPETS = [
    "&x [1, 2, *x]",  # an alias before its anchor is complete
    "{a: &x 1, b: *x}",
    "*undefined",
    "{a: &x {b: 1}, c: {<<: *x, d: 2}}",
    "{<<: {framework: annex-2}}",
    "{<<: [{a: 1}, {b: 2}]}",
    "!!python/object:os.system ls",
    "!!python/object/apply:os.system [ls]",
    "!!python/name:os.system ''",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [{a: 1}, {b: 2}]",
    "!!pairs [{a: 1}]",
    "!!timestamp 2026-01-01",
    "!!int '12'",
    "!!float x",
    "!!str 3",
    "!!null ''",
    "!!bool maybe",
    "!custom x",
    "!<tag:example.com,2000:x> y",
    "!!map {a: 1}",
    "!!seq [1]",
    "{[a, b]: c}",
    "{{a: 1}: b}",
    "{? a : b}",
    "{~: x}",
    "{null: x, '': y}",
    "{true: x, 1: y, 1.5: z, .inf: w}",
    "{a: 1, a: 2}",
    '"a\\0b"',
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\U0010FFFF"',
    '"\\x85\\u2028\\e"',
    "1e400",
    "-1e400",
    "0x" + "f" * 200,
    "0o777777777777777777777",
    "9" * 5000,
    "-" + "9" * 4301,
    "1_000",
    "1:20",
    ".NaN",
    "-.inf",
    "2026-10-14T10:00:00Z",
    "'" + "y" * 100_000 + "'",
    "[" * 120 + "]" * 120,
    "{a: " * 120 + "1" + "}" * 120,
    "[" * DEEP + "]" * DEEP,
    "{a: " * DEEP + "1" + "}" * DEEP,
    "&x [&y [&z [1]]]",
    _billion_laughs(4, 5),
    _billion_laughs(6, 9),
    _billion_laughs(9, 9),
    _billion_laughs(12, 4),
]
struct_op = st.one_of(
    st.tuples(st.just("replace"), _file, _pos, weird_value),
    st.tuples(st.just("delete"), _file, _pos),
    st.tuples(
        st.just("rename"), _file, _pos, st.sampled_from(WEIRD_STRINGS) | st.text(max_size=12)
    ),
    st.tuples(st.just("duplicate"), _file, _pos),
    st.tuples(st.just("raw"), _file, _pos, st.sampled_from(RAW_SNIPPETS)),
    st.tuples(st.just("wrap"), _file, _pos, st.integers(1, DEEP)),
)
emit_style = st.tuples(
    st.booleans(), st.sampled_from([None, True]), st.sampled_from([80, 20, 10**6])
)


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data, in document order (the root first)."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _nodes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _nodes(v, (*path, i))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


class _Sentinels:
    """Raw YAML that PyYAML cannot emit: placed as marker strings, swapped in afterwards."""

    def __init__(self) -> None:
        self.raw: dict[str, str] = {}

    def add(self, text: str) -> str:
        marker = f"ZZRAW{len(self.raw)}ZZ"
        self.raw[marker] = text
        return marker

    def render(self, text: str) -> str:
        for marker, raw in self.raw.items():
            text = text.replace(marker, raw)
        return text


_ALIAS = re.compile(rb"(?:^|[\s\[{,:])\*[^\s,\]}]")


def _has_aliases(path: Path) -> bool:
    """Whether a file repeats values with ``*alias``: the mutator leaves such files as they
    are, since walking every path of an alias bomb would exhaust this process's memory
    (sendreview itself is run on them in its own capped process)."""
    return _ALIAS.search(_read(path)) is not None


def apply_structure(root: Path, ops: list[Op], style: tuple[bool, bool | None, int]) -> None:
    """Parse the targeted files with PyYAML, mutate their data, emit them again."""
    docs: dict[Path, Any] = {}
    marks: dict[Path, _Sentinels] = {}
    too_deep: set[Path] = set()  # nested past PyYAML's own recursion: left as they are
    for op in ops:
        path = _pick(root, op[1])
        if path in too_deep:
            continue
        if path not in docs:
            if _has_aliases(path):  # walking a shared structure's every path: exponential
                too_deep.add(path)
                continue
            try:
                docs[path] = yaml.safe_load(_read(path))
            except RecursionError:
                too_deep.add(path)
                continue
            except Exception:  # PyYAML's own failures: YAMLError, or KeyError for `!!bool maybe`
                docs[path] = None
            marks[path] = _Sentinels()
        docs[path] = _mutate(docs[path], op, marks[path])
    unicode, flow, width = style
    for path, data in docs.items():
        try:
            text = yaml.safe_dump(
                data, allow_unicode=unicode, default_flow_style=flow, width=width, sort_keys=False
            )
        except RecursionError:
            continue
        _write(path, marks[path].render(text).encode("utf-8", "surrogatepass"))


def _mutate(data: Any, op: Op, marks: _Sentinels) -> Any:
    kind, _, at, *args = op
    places = _nodes(data)
    path = places[at % len(places)]
    if kind == "replace":
        new = args[0]
    elif kind == "raw":
        new = marks.add(args[0])
    elif kind == "wrap":
        new = marks.add("[" * args[0] + "]" * args[0])
    elif kind in {"delete", "rename", "duplicate"}:
        if not path:
            return None if kind == "delete" else data
        parent = _parent(data, path)
        key = path[-1]
        if kind == "delete":
            del parent[key]
        elif kind == "rename" and isinstance(parent, dict):
            parent[args[0]] = parent.pop(key)
        elif kind == "duplicate" and isinstance(parent, dict) and isinstance(key, str):
            # a second copy of the key, written out by hand after emission
            parent[marks.add(yaml.safe_dump(key, default_flow_style=True).split("\n")[0])] = parent[
                key
            ]
        elif isinstance(parent, list):
            parent.insert(key, parent[key])
        return data
    else:
        raise ValueError(kind)
    if not path:
        return new
    _parent(data, path)[path[-1]] = new
    return data


# ---------------------------------------------------------------- special files

TARGETS = [*YAML_NAMES, "follow-ups", "attachments", "follow-ups/0", "attachments/0"]
OUTSIDE = [
    "/etc/passwd",
    "/etc/hostname",
    "/nonexistent/file.yaml",
    "/",
    "/tmp",
    "/dev/null",
    "/proc/self/status",
    "/proc/self/mem",
    "SELF",  # a link to itself
    "LOOP",  # two links pointing at each other
]
SLOW_OUTSIDE = ["/dev/zero", "/dev/urandom", "/dev/stdin", "/dev/tty"]
CONTENTS = [
    b"",
    b" ",
    b"\n",
    b"# only a comment\n",
    b"---\n",
    b"...\n",
    b"---\n...\n",
    b"--- \n---\n",
    b"~\n",
    b"null\n",
    b"\xef\xbb\xbf",
    b"[]",
    b"{}",
    b"''",
    b"0",
    b"- a\n",
    b"a",
    b"%YAML 1.2\n---\n",
    b"\x00",
    b"\t",
]

special_op = st.one_of(
    st.tuples(st.just("folder"), st.sampled_from(TARGETS), st.booleans()),
    st.tuples(st.just("content"), st.sampled_from(TARGETS), st.sampled_from(CONTENTS)),
    st.tuples(st.just("remove"), st.sampled_from(TARGETS)),
    st.tuples(
        st.just("link-in"), st.sampled_from(TARGETS), st.sampled_from(TARGETS), st.booleans()
    ),
    st.tuples(
        st.just("link-out"),
        st.sampled_from(TARGETS),
        st.sampled_from(OUTSIDE + SLOW_OUTSIDE if LONG else OUTSIDE),
    ),
    st.tuples(st.just("socket"), st.sampled_from(TARGETS)),
    st.tuples(st.just("dir-link"), st.sampled_from(TARGETS), st.sampled_from(["..", ".", "../.."])),
    st.tuples(st.just("nested-review"), st.sampled_from(["attachments", "follow-ups", "sub"])),
    *([st.tuples(st.just("fifo"), st.sampled_from(TARGETS))] if LONG else []),
)


def _target(root: Path, name: str) -> Path:
    """A target name as a path; ``follow-ups/0`` is the first follow-up (made if need be)."""
    if name == "follow-ups/0":
        folder = root / "follow-ups"
        found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        return found[0] if found else folder / "2027-01-20.yaml"
    if name == "attachments/0":
        folder = root / "attachments"
        found = sorted(folder.glob("*.md")) if folder.is_dir() else []
        return found[0] if found else folder / "notes.md"
    return root / name


def _clear(path: Path) -> bool:
    """Remove whatever is at ``path``; False when its folder cannot hold it."""
    if path.is_symlink() or path.is_file() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return False
    return path.parent.is_dir()


def apply_special(root: Path, op: Op) -> None:
    kind, name, *args = op
    if kind == "nested-review":  # a review inside a review
        with contextlib.suppress(OSError):
            shutil.copytree(
                root, root / name / "inner", symlinks=True, ignore=shutil.ignore_patterns(name)
            )
        return
    with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: resolve() in a link loop
        path = _target(root, name)
        if not _clear(path):
            return
        if kind == "folder":
            path.mkdir()
            if args[0]:
                (path / "inside.yaml").write_text("a: 1\n")
        elif kind == "content":
            path.write_bytes(args[0])
        elif kind == "link-in":
            other = _target(root, args[0])
            if other == path:
                return
            path.symlink_to(os.path.relpath(other, path.parent) if args[1] else other.resolve())
        elif kind == "link-out":
            if args[0] == "SELF":
                path.symlink_to(path.name)
            elif args[0] == "LOOP":
                path.symlink_to(path.name + ".other")
                path.with_name(path.name + ".other").symlink_to(path.name)
            else:
                path.symlink_to(args[0])
        elif kind == "socket":
            if len(str(path)) < 100:
                with socket.socket(socket.AF_UNIX) as s:
                    s.bind(str(path))
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "dir-link":  # a link to a folder above: a loop for anything walking down
            path.symlink_to(args[0], target_is_directory=True)


# ---------------------------------------------------------------- names

WEIRD_NAMES = [
    b"2027-01-20.yaml",
    b"2027-02-30.yaml",
    b"0000-00-00.yaml",
    b".yaml",
    b"..yaml",
    b"-.yaml",
    b" .yaml",
    b"a b.yaml",
    b"a\nb.yaml",
    b"a\rb.yaml",
    b"\x1b[31mred.yaml",
    b"\xff\xfe.yaml",  # not UTF-8: a surrogate-escaped str in Python
    b"\xc3\xa9t\xc3\xa9.yaml",
    "e\u0301te\u0301.yaml".encode(),  # decomposed accents
    "\u202etxt.yaml".encode(),
    b"x" * 250 + b".yaml",
    b"a:b.yaml",
    b"a*b?.yaml",
    b"con.yaml",
    b"%s%n.yaml",
    b"$(touch pwned).yaml",
    b"--help.yaml",
    b"2027-01-20.YAML",
    b"2027-01-20.yaml.yaml",
    b"\\.yaml",
]
_name = st.one_of(
    st.sampled_from(WEIRD_NAMES),
    st.binary(min_size=1, max_size=40).map(
        lambda b: b.replace(b"/", b"_").replace(b"\0", b"_") + b".yaml"
    ),
    st.text(min_size=1, max_size=30).map(
        lambda t: (
            t.replace("/", "_").replace("\0", "_").encode("utf-8", "surrogatepass")[:240] + b".yaml"
        )
    ),
)
REFERENCES = [
    "../outside.md",
    "/etc/passwd",
    "C:\\x.md",
    "\\\\server\\share\\x.md",
    "attachments/",
    "attachments",
    ".",
    "",
    "attachments/../../x.md",
    "~/x.md",
    "attachments/\x00x.md",
    "a\nb.md",
    "x" * 5000,
    "attachments/" + "y" * 300,
    "attachments/" + "d/" * 2000 + "x.md",
    "\ud800.md",
    "attachments/\x1b[31m.md",
    "file:///etc/passwd",
]
name_op = st.one_of(
    st.tuples(st.just("follow-up"), _name, st.sampled_from(["copy", "empty", "bad"])),
    st.tuples(st.just("attachment"), _name, st.booleans()),
    st.tuples(st.just("reference"), st.sampled_from(REFERENCES) | st.text(max_size=20)),
)

_FOLLOW_UP = b"date: 2027-01-20\nreviewer: Ada Reviewer\nsummary: A visit.\nprogress: {}\n"


def apply_name(root: Path, op: Op) -> None:
    kind, *args = op
    with contextlib.suppress(OSError, ValueError, RecursionError, yaml.YAMLError):
        if kind == "follow-up":
            folder = root / "follow-ups"
            folder.mkdir(exist_ok=True)
            existing = sorted(folder.glob("*.yaml"))
            content = {
                "copy": (_read(existing[0]) if existing else b"") or _FOLLOW_UP,
                "empty": b"",
                "bad": b"date: [\n",
            }[args[1]]
            _write(Path(os.fsdecode(os.fsencode(folder) + b"/" + args[0])), content)
        elif kind == "attachment":
            folder = root / "attachments"
            folder.mkdir(exist_ok=True)
            name = args[0][: -len(b".yaml")] + (b".md" if args[1] else b"")
            target = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
            _write(target, b"notes\n")
            _reference(root, "attachments/" + os.fsdecode(name))
        elif kind == "reference":
            _reference(root, args[0])


def _reference(root: Path, name: str) -> None:
    """Add ``name`` to the attachments of the first evidence item."""
    path = root / "evidence.yaml"
    if _has_aliases(path):
        return
    data = yaml.safe_load(_read(path))  # never a FIFO or /dev/zero: they would hang us
    log = data.get("log") if isinstance(data, dict) else None
    if not (isinstance(log, list) and log and isinstance(log[0], dict)):
        return
    attachments = log[0].setdefault("attachments", [])
    if isinstance(attachments, list):
        attachments.append(name)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _write(path, text.encode("utf-8", "surrogatepass"))
