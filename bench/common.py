"""What the benchmarks share: the yardstick typer app, and timing a command."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

MINIMAL_APP = """
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    print(f"Hello {name}")


app()
"""


def verdict(name: str, ratio: float, target: float) -> bool:
    """Print how ``ratio`` compares with ``target``; True when the target is met."""
    met = ratio <= target
    print(f"{name}: {ratio:.2f} (target ≤ {target}): {'ok' if met else 'MISSED'}")
    return met


def run(command: list[str], env: dict[str, str] | None = None, check: bool = True) -> float:
    """Wall time of one run of ``command`` (which must succeed, if ``check``)."""
    start = time.perf_counter()
    subprocess.run(command, check=check, capture_output=True, env=env)
    return time.perf_counter() - start
