"""``kill -9`` at any moment, and several reports at once, never leave a review half-written.

Each command runs as a user runs it (``python -m sendreview …``) and is killed with
SIGKILL at a random moment. Afterwards every file is absent, old (byte for byte as
before) or whole (byte for byte what an uninterrupted run writes), and running the
same command again succeeds and leaves exactly what an uninterrupted run leaves: no
temporary files, nothing half-done, no ``--force`` needed.

Half the trials kill the run at a random moment in time. Since writing takes a few
milliseconds of a run of a second or two, the other half kill it at a random step of
its writes: a ``sitecustomize`` on PYTHONPATH counts every rename, hard link, fsync and
unlink, and at the chosen one (just before or just after it) sends SIGKILL to the
process group itself.

Quick profile (``make test``): 15 trials per command, docx and html reports.
Long profile: ``SENDREVIEW_CRASH_TRIALS=100 pytest tests/test_crash_safety.py``
(reports also in pdf). ``SENDREVIEW_CRASH_SEED`` changes the kill moments.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sendreview.atomic import is_temporary
from sendreview.report.outputs import MANIFEST
from tests.conftest import RIVERSIDE, copy_workspace

TRIALS = int(os.environ.get("SENDREVIEW_CRASH_TRIALS") or 15)
LONG = TRIALS >= 100
SEED = os.environ.get("SENDREVIEW_CRASH_SEED", "20261105")
SLOTS = max(1, min(4, os.cpu_count() or 1))
REPORT_FORMATS = "docx,html,pdf" if LONG else "docx,html"

KILLER = """
import atexit, os, signal, time

_at = int(os.environ.get("SENDREVIEW_TEST_KILL_AT") or 0)
_count_to = os.environ.get("SENDREVIEW_TEST_COUNT_STEPS")
_pause = float(os.environ.get("SENDREVIEW_TEST_PAUSE") or 0)
if _at or _count_to or _pause:
    _steps = 0

    def _step():
        global _steps
        _steps += 1
        if _steps == _at:  # kill -9: this process and pandoc's, no clean-up of any kind
            os.killpg(0, signal.SIGKILL)
        time.sleep(_pause)  # widens the gaps between steps, for other processes to step in

    def _counted(call):
        def counted(*args, **kwargs):
            _step()
            result = call(*args, **kwargs)
            _step()
            return result

        return counted

    for _name in ("replace", "rename", "link", "fsync", "unlink"):
        setattr(os, _name, _counted(getattr(os, _name)))
    if _count_to:
        atexit.register(lambda: open(_count_to, "w").write(str(_steps)))
"""

Files = dict[str, bytes]


def snapshot(folder: Path) -> Files:
    """Every file under ``folder`` (relative name → bytes)."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def sendreview(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sendreview", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: pandoc and typst die with it
    )


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Wait for ``proc``: its exit code, and its output (with any crash log it wrote)."""
    out, err = proc.communicate(timeout=300)
    output = (out + err).decode(errors="replace")
    for log in re.findall(r"(\S+sendreview-crash-\S+\.log)", output):
        with contextlib.suppress(OSError):
            output += "\n" + Path(log).read_text()
    return proc.returncode, output


def kill_after(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL ``proc`` (and its children) after ``delay`` seconds; False if it ended first."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return True
    proc.communicate()
    return False


@dataclass
class Command:
    """One command to kill: how to lay out its folder (the "before"), and its arguments."""

    name: str
    args: list[str]
    setup: Callable[[Path, random.Random | None], None]  # None: the baseline's layout
    whole: dict[str, Callable[[bytes], bool]] = field(default_factory=dict)  # besides "new"
    check: Callable[[Files, Files, Files], None] | None = None  # before, after kill, expected


def base_env(slot: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENDREVIEW_")}
    env.update(NO_COLOR="1", COLUMNS="100", TMPDIR=str(slot / "tmp"))
    env.pop("PYTHONPATH", None)
    return env


@dataclass
class Slot:
    """A folder where trials run one after another; trials in other slots run alongside."""

    root: Path
    expected: Files
    timing: dict[str, float]  # seconds an uninterrupted run takes; steps of its writes

    def env(self, kill_at: int = 0) -> dict[str, str]:
        env = base_env(self.root)
        env["PYTHONPATH"] = str(self.root.parent / "killer")
        if kill_at:
            env["SENDREVIEW_TEST_KILL_AT"] = str(kill_at)
        return env


def prepare_slot(root: Path, command: Command, timing: dict[str, float]) -> Slot:
    """The slot's folder and what an uninterrupted run leaves there. The first slot also
    times an uninterrupted run and counts the steps of its writes (into ``timing``)."""
    (root / "tmp").mkdir(parents=True)
    command.setup(root, None)
    env = Slot(root, {}, {}).env()
    env["SENDREVIEW_TEST_COUNT_STEPS"] = str(root / "steps")
    started = time.perf_counter()
    code, output = finish(sendreview(*command.args, cwd=root, env=env))
    timing.setdefault("seconds", time.perf_counter() - started)
    timing.setdefault("steps", int((root / "steps").read_text()))
    assert code == 0, output
    return Slot(root, snapshot(root / "ws"), timing)


def trial(slot: Slot, command: Command, number: int) -> tuple[bool, int]:
    """Kill one run at a random moment, check what it left, and run it again; returns
    whether it was killed before it finished, and how many temporary files it left."""
    rng = random.Random(f"{SEED}-{command.name}-{number}")
    shutil.rmtree(slot.root / "ws", ignore_errors=True)
    command.setup(slot.root, rng)
    before = snapshot(slot.root / "ws")
    if rng.random() < 0.5:  # at a moment in time
        delay = rng.uniform(0, slot.timing["seconds"] * 1.1)
        where = f"killed after {delay:.3f}s"
        run = sendreview(*command.args, cwd=slot.root, env=slot.env())
        killed = kill_after(run, delay)
    else:  # just before or after a step of a write: a rename, link, fsync or unlink
        step = rng.randint(1, int(slot.timing["steps"]))
        where = f"killed at step {step}"
        code, output = finish(sendreview(*command.args, cwd=slot.root, env=slot.env(step)))
        assert code in (0, -signal.SIGKILL), output
        killed = code != 0
    after = snapshot(slot.root / "ws")
    where = f"{command.name} trial {number} ({where})"
    for name in before:
        assert name in after, f"{where}: {name} was there before and is gone"
    leftovers = 0
    for name, data in after.items():
        if is_temporary(Path(name).name):
            leftovers += 1
            continue
        assert name in before or name in slot.expected or name in command.whole, (
            f"{where}: {name} is not this command's"
        )
        whole = command.whole.get(name, lambda data: False)
        assert data in (before.get(name), slot.expected.get(name)) or whole(data), (
            f"{where}: {name} is neither the old file nor the whole new one"
        )
    if command.check is not None:
        command.check(before, after, slot.expected)
    code, output = finish(sendreview(*command.args, cwd=slot.root, env=slot.env()))
    assert code == 0, f"{where}: running it again failed:\n{output}"
    again = snapshot(slot.root / "ws")
    differ = sorted(
        n for n in again.keys() | slot.expected.keys() if again.get(n) != slot.expected.get(n)
    )
    shown = {n: (after.get(n, b"")[:1000], again.get(n, b"")[:1000]) for n in differ}
    assert not differ, f"{where}: running it again left {shown} unlike an uninterrupted run"
    return killed, leftovers


def run_trials(tmp_path: Path, command: Command) -> None:
    (tmp_path / "killer").mkdir()
    (tmp_path / "killer" / "sitecustomize.py").write_text(KILLER)
    timing: dict[str, float] = {}
    slots = [prepare_slot(tmp_path / f"slot{i}", command, timing) for i in range(SLOTS)]
    for name, data in OLD_BUILD.items() if command is REPORT else []:
        if not name.endswith(".json"):  # the reports themselves: old and new must differ
            assert data != slots[0].expected[f"build/{name}"], name
    numbers = list(range(TRIALS))
    started = time.perf_counter()

    def work(slot: Slot) -> list[tuple[bool, int]]:
        return [trial(slot, command, n) for n in numbers[slots.index(slot) :: SLOTS]]

    with ThreadPoolExecutor(len(slots)) as pool:
        outcomes = [o for done in pool.map(work, slots) for o in done]
    killed = sum(1 for k, _ in outcomes if k)
    leftovers = sum(n for _, n in outcomes)
    print(
        f"\n{command.name}: {TRIALS} trials, {killed} killed mid-run, {leftovers} temporary "
        f"files left by kills (all removed by the next run), "
        f"{time.perf_counter() - started:.1f}s; timing {timing}"
    )
    assert killed >= TRIALS // 3, "too few kills landed during a run"


# --- the commands ---------------------------------------------------------------------

INIT = Command(
    "init",
    [
        "init",
        "ws",
        "--framework",
        "annex-1",
        "--school",
        "Oak Lane Primary",
        "--urn",
        "990555",
        "--reviewer",
        "Ada Reviewer",
        "--visit",
        "2026-11-05",
        "--no-git",
    ],
    lambda root, rng: None,  # a new folder
)


def _riverside(root: Path, rng: random.Random | None) -> None:
    """The example, its last visit not yet knowing the next: followup new edits it too."""
    last = copy_workspace(RIVERSIDE, root / "ws") / "follow-ups" / "2027-03-24.yaml"
    text = last.read_text()
    assert "\nnext_visit: 2027-06-23\n" in text
    last.write_text(text.replace("\nnext_visit: 2027-06-23\n", "\nnext_visit:\n"))


FOLLOWUP = Command("followup", ["followup", "new", "ws", "--date", "2027-06-23"], _riverside)

OLD_BUILD: Files = {}  # a build/ of an earlier version of the review


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _report_setup(root: Path, rng: random.Random | None) -> None:
    copy_workspace(RIVERSIDE, root / "ws")
    if rng is not None and rng.random() < 0.5:  # half the trials replace an earlier build
        for name, data in OLD_BUILD.items():
            (root / "ws" / "build" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "ws" / "build" / name).write_bytes(data)


def _manifest_consistent(before: Files, after: Files, expected: Files) -> None:
    """Every report on disk is one the next run knows as sendreview's own."""
    raw = after.get(f"build/{MANIFEST}")
    manifest = json.loads(raw) if raw is not None else {}
    for name, data in after.items():
        folder, _, file = name.rpartition("/")
        if folder == "build" and file != MANIFEST and not is_temporary(file):
            known = manifest.get(file)
            known = [known] if isinstance(known, str) else known or []
            assert _digest(data) in known, f"{name} is not recorded as sendreview's"


def _parses(data: bytes) -> bool:
    return isinstance(json.loads(data), dict)


REPORT = Command(
    "report",
    ["report", "ws", "--format", REPORT_FORMATS],
    _report_setup,
    whole={f"build/{MANIFEST}": _parses},  # also while a file is being replaced
    check=_manifest_consistent,
)


def _old_build(folder: Path) -> None:
    """A build/ rendered from an earlier version of the review: other bytes, same names."""
    ws = copy_workspace(RIVERSIDE, folder / "ws")
    recommendations = ws / "recommendations.yaml"
    text = recommendations.read_text()
    assert "open and welcoming throughout" in text
    recommendations.write_text(text.replace("open and welcoming", "open and helpful", 1))
    (folder / "tmp").mkdir()
    args = ["report", "ws", "--format", REPORT_FORMATS]
    code, output = finish(sendreview(*args, cwd=folder, env=base_env(folder)))
    assert code == 0, output
    OLD_BUILD.clear()
    OLD_BUILD.update(
        (name.removeprefix("build/"), data)
        for name, data in snapshot(ws).items()
        if name.startswith("build/")
    )


def _out_of_order(root: Path, rng: random.Random | None) -> None:
    """The example with R4 and R8, E5 and E20 swapped everywhere: renumber swaps them back
    in five files, and in Markdown text too."""
    ws = copy_workspace(RIVERSIDE, root / "ws")
    swap = {"R4": "R8", "R8": "R4", "E5": "E20", "E20": "E5"}
    for path in ws.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b[RE]\d+\b", lambda m: swap.get(m[0], m[0]), text))


RENUMBER = Command(
    "renumber",
    ["renumber", "ws"],
    _out_of_order,
    whole={".sendreview/renumber-unfinished.json": _parses},  # there only while it works
)


@pytest.mark.parametrize("command", [INIT, FOLLOWUP, REPORT, RENUMBER], ids=lambda c: c.name)
def test_kill_9_at_any_moment(tmp_path: Path, command: Command) -> None:
    if command is REPORT:
        _old_build(tmp_path / "old")
    run_trials(tmp_path, command)


def test_reports_rendered_at_once_leave_one_consistent_build(tmp_path: Path) -> None:
    """Four ``sendreview report`` runs on one review at once, each for another format:
    every report is whole and recorded, and a fifth run, for all four, changes nothing.
    Each step of a write is slowed (50 ms), so that the runs' writes overlap."""
    (tmp_path / "killer").mkdir()
    (tmp_path / "killer" / "sitecustomize.py").write_text(KILLER)
    (tmp_path / "tmp").mkdir()
    ws = copy_workspace(RIVERSIDE, tmp_path / "ws")
    env = base_env(tmp_path)
    env.update(PYTHONPATH=str(tmp_path / "killer"), SENDREVIEW_TEST_PAUSE="0.05")
    asked = ["docx", "html", "md", "odt"]
    runs = [sendreview("report", "ws", "--format", f, cwd=tmp_path, env=env) for f in asked]
    for run in runs:
        code, output = finish(run)
        assert code == 0, output
    build = snapshot(ws / "build")
    files = dict(build)
    manifest = json.loads(files.pop(MANIFEST))
    cache = json.loads(files.pop(".sendreview-cache/review.json"))
    assert cache["markdown"] and cache["page"]["school"] == "Riverside Primary School"
    stem = "riverside-primary-school-review"
    assert sorted(files) == [f"{stem}.{f}" for f in sorted(asked)]  # and nothing else
    assert manifest == {name: _digest(data) for name, data in files.items()}
    again = ["report", "ws", "--format", ",".join(asked)]
    code, output = finish(sendreview(*again, cwd=tmp_path, env=base_env(tmp_path)))
    assert code == 0, output
    assert snapshot(ws / "build") == build
