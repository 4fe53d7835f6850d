"""The fuzz harness's own rules and watchdog: a fuzz that cannot fail proves nothing."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.fuzz.harness import Outcome, Worker, check

CASE = "cases/1/base"


def _diag(code: str, line: int | None, path: str = f"{CASE}/review.yaml") -> str:
    return json.dumps(
        {"path": path, "line": line, "col": line and 1, "severity": "error", "code": code}
    )


def _signatures(outcome: Outcome, fmt: str = "json") -> list[str]:
    return [s for s, _ in check(outcome, CASE, fmt)]


def test_a_clean_outcome_passes() -> None:
    assert _signatures(Outcome(1, out=_diag("SR103", 3) + "\n" + _diag("SR109", None))) == []
    assert _signatures(Outcome(0)) == []


def test_each_rule_catches_its_breach() -> None:
    assert _signatures(
        Outcome(3, crash='Traceback...\n  File "/x/sendreview/a.py", line 2, in f\nValueError: x')
    )[0].startswith("exit 3: ValueError: x at a.py:2 f")
    assert _signatures(Outcome(2)) == ["exit 2"]
    assert "traceback in output" in _signatures(
        Outcome(1, out=_diag("SR103", 1), err="Traceback (most")
    )
    assert _signatures(Outcome(1, out=_diag("SR200", None))) == ["SR200: diagnostic without a line"]
    assert _signatures(Outcome(1, out=_diag("SR200", 1, "elsewhere/x.yaml"))) == [
        "SR200: path outside the review"
    ]
    assert _signatures(Outcome(1)) == ["exit 1 without an error diagnostic"]
    assert _signatures(Outcome(0, out=_diag("SR200", 2))) == ["errors but exit 0"]
    assert _signatures(Outcome(0, secs=99.0))[0].startswith("slower than")
    assert _signatures(Outcome(1, out="x.yaml:1:1: error SR103 a\nb\n"), "text") == [
        "text output line without a location"
    ]


def test_the_watchdog_catches_a_hang_and_a_death(tmp_path: Path) -> None:
    worker = Worker(tmp_path, time_limit=0.5)
    try:
        hang = worker.run(["--version"], sleep=30)
        assert hang.died == "hang"
        assert "File" in hang.stack  # faulthandler's dump: where it hung
        assert _signatures(hang)[0].startswith("hang")
        death = worker.run(["--version"], die=signal.SIGSEGV)
        assert death.died == f"signal {signal.SIGSEGV.value}"
        assert "Fatal Python error" in death.stack
        after = worker.run(["--version"])  # started again
        assert after.code == 0 and after.out.startswith("sendreview")
        assert worker.restarts == 2
    finally:
        worker.close()
