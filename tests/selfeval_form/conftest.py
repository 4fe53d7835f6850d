"""Reviews whose self-evaluation is still blank, as `sendreview init` leaves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BROOKFIELD, RIVERSIDE, Invoke, copy_workspace


def blank(source: Path, target: Path, cli: Invoke) -> Path:
    folder = copy_workspace(source, target)
    (folder / "self-evaluation.yaml").unlink()
    result = cli("init", str(folder), "--force")
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def blank_brookfield(tmp_path: Path, cli: Invoke) -> Path:
    return blank(BROOKFIELD, tmp_path / "blank" / "brookfield-school", cli)


@pytest.fixture
def blank_riverside(tmp_path: Path, cli: Invoke) -> Path:
    return blank(RIVERSIDE, tmp_path / "blank" / "riverside-primary", cli)
