"""Atomic writes stopped at every step, the temporary files they leave, and the folder lock.

"Stopped" is ``kill -9``: a forked copy of this process runs the write and calls
``os._exit`` just before or just after its n-th rename, hard link, fsync or unlink,
so no ``finally`` runs, for n = 1, 2, … until the write completes untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sendreview.atomic import is_temporary, locked, sweep, write_atomic
from sendreview.report import outputs

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")

STEPS = ("replace", "rename", "link", "fsync", "unlink")
KILLED = 137


def stopped_at(step: int, action: Callable[[], object]) -> bool:
    """Run ``action`` in a child stopped dead at its ``step``-th step; False if it finished
    before that step."""
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            count = 0

            def counted(call: Callable[..., object]) -> Callable[..., object]:
                def wrapped(*args: object, **kwargs: object) -> object:
                    nonlocal count
                    count += 1
                    if count == step:
                        os._exit(KILLED)
                    result = call(*args, **kwargs)
                    count += 1
                    if count == step:
                        os._exit(KILLED)
                    return result

                return wrapped

            for name in STEPS:
                setattr(os, name, counted(getattr(os, name)))
            action()
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, KILLED), f"the write failed at step {step}"
    return code == KILLED


def every_step(action: Callable[[], object], setup: Callable[[], None]) -> Iterator[int]:
    """Set up, then stop ``action`` at step 1, 2, …; yields each step it was stopped at."""
    for step in range(1, 1000):
        setup()
        if not stopped_at(step, action):
            return
        yield step
    raise AssertionError("the action never finished")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_write_atomic_stopped_at_every_step(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"

    def setup() -> None:
        for p in tmp_path.iterdir():
            p.unlink()
        path.write_text("old\n")

    new = tmp_path / "new.yaml"  # never replaced: placed by a hard link
    for step in every_step(lambda: write_atomic(new, "new\n", overwrite=False), setup):
        left = files(tmp_path)
        assert left.pop("f.yaml") == b"old\n"
        assert left.pop("new.yaml", b"new\n") == b"new\n", step
        assert all(is_temporary(name) for name in left), (step, left)
    # each stopped write left the old file or the new one, and maybe its temporary file
    for step in every_step(lambda: write_atomic(path, "new\n", overwrite=True), setup):
        left = files(tmp_path)
        assert left.pop("f.yaml") in (b"old\n", b"new\n"), step
        assert all(is_temporary(name) for name in left), (step, left)
        write_atomic(path, "again\n", overwrite=True)  # the next write clears up
        assert files(tmp_path) == {"f.yaml": b"again\n"}, step


def test_a_stale_temporary_file_is_removed_and_a_live_one_kept(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        from sendreview.atomic import _host

        live = tmp_path / f".f.yaml.sr-{_host()}-{child.pid}-abcd1234.tmp"
        stale = tmp_path / f".f.yaml.sr-{_host()}-{dead.stdout.strip()}-abcd1234.tmp"
        elsewhere = tmp_path / f".f.yaml.sr-000000-{child.pid}-abcd1234.tmp"
        old = tmp_path / f".f.yaml.sr-000000-{child.pid}-efgh5678.tmp"
        mine = tmp_path / ".f.yaml.abcd1234.tmp"  # not sendreview's pattern: never touched
        for p in (live, stale, elsewhere, old, mine):
            p.write_text("x")
        os.utime(old, (time.time() - 7200, time.time() - 7200))
        assert sorted(sweep(tmp_path)) == sorted([stale, old])
        write_atomic(tmp_path / "f.yaml", "new\n", overwrite=True)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["f.yaml", live.name, elsewhere.name, mine.name]
        )
    finally:
        child.kill()
        child.wait()
    sweep(tmp_path)
    assert not live.exists()


def test_temporary_names_stay_short_for_long_file_names(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 240 + ".yaml")
    write_atomic(path, "long\n", overwrite=True)
    assert path.read_text() == "long\n"


def _outputs_setup(folder: Path, old: dict[str, bytes] | None) -> Callable[[], None]:
    def setup() -> None:
        for p in folder.iterdir():
            p.unlink()
        if old:
            for name, data in old.items():
                (folder / name).write_bytes(data)
            manifest = {name: digest(data) for name, data in old.items()}
            (folder / outputs.MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")

    return setup


@pytest.mark.parametrize("start", ["fresh", "earlier build"])
def test_publish_stopped_at_every_step(tmp_path: Path, start: str) -> None:
    """Two reports published in turn, stopped anywhere: every report there is one the next
    run knows as its own, and the next run ends just as an uninterrupted one does."""
    old = {"r.docx": b"old docx", "r.html": b"old html"} if start != "fresh" else None
    new = {"r.docx": b"new docx", "r.html": b"new html"}
    out = tmp_path / "out"
    setup = _outputs_setup(out, old)

    def publish_all() -> None:
        outputs.check([out / name for name in new], force=False)
        for name, data in new.items():
            outputs.publish(data, out / name, force=False)

    whole = tmp_path / "whole"  # an uninterrupted run
    for name, data in new.items():
        outputs.publish(data, whole / name, force=True)
    expected = files(whole)
    out.mkdir()

    steps = 0
    for step in every_step(publish_all, setup):
        steps += 1
        left = files(out)
        manifest = json.loads(left.pop(outputs.MANIFEST, b"{}"))
        for name, data in left.items():
            if is_temporary(name):
                continue
            assert data in (new[name], (old or {}).get(name)), (step, name)
            known = manifest[name] if isinstance(manifest[name], list) else [manifest[name]]
            assert digest(data) in known, (step, name, manifest)
        publish_all()  # the next run: no --force needed
        assert files(out) == expected, step
    assert steps >= 20


def test_the_lock_makes_others_wait(tmp_path: Path) -> None:
    script = (
        "import sys, time; from pathlib import Path; from sendreview.atomic import locked\n"
        "with locked(Path(sys.argv[1])):\n"
        "    print('in', flush=True); time.sleep(0.5)\n"
    )
    with locked(tmp_path):
        other = subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(0.8)
        assert other.poll() is None  # still waiting for the lock
    assert other.communicate(timeout=30)[0] == "in\n"
    assert list(tmp_path.iterdir()) == []  # the lock left nothing in the folder
