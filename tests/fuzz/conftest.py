"""The fuzz session: one worker process for every case, and the figures printed at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.harness import Fuzz

_session: Fuzz | None = None


HARNESS_BYTES = 8 << 30  # this process (the mutator): a runaway mutation fails, not the machine


@pytest.fixture(scope="session")
def fuzz() -> Iterator[Fuzz]:
    global _session
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > HARNESS_BYTES:
            resource.setrlimit(resource.RLIMIT_AS, (HARNESS_BYTES, hard))
    except (ImportError, ValueError, OSError):  # no such limit here: run without it
        pass
    _session = Fuzz()
    yield _session
    _session.worker.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _session is None or not _session.stats.runs:
        return
    lines = _session.stats.summary()
    lines.insert(3, f"worker restarts: {_session.worker.restarts}")
    terminalreporter.section("sendreview fuzz")
    for line in lines:
        terminalreporter.write_line(line)
    Path(_session.scratch.parent / "fuzz-stats.txt").write_text("\n".join(lines) + "\n")
    _session.close()
