"""The documentation lists every diagnostic code, and only real ones; the command-line
reference is the commands' own help, regenerated."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from sendreview.diagnostics.codes import CODES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "diagnostics.md"


def _generator(name: str) -> ModuleType:
    """One of tools/'s generators, loaded as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    return generator


def test_every_code_is_documented_with_its_severity() -> None:
    found = re.findall(
        r"^\| (SR\d{3}) \| (error|warning|info)(, may be turned off)? \|", DOCS.read_text(), re.M
    )
    rows = {code: (severity, bool(optional)) for code, severity, optional in found}
    assert rows == {code: (c.severity.value, c.optional) for code, c in CODES.items()}


def test_golden_cases_only_use_documented_codes() -> None:
    cases = Path(__file__).resolve().parent / "cases" / "validate"
    used = {
        m for f in cases.glob("*/expected.txt") for m in re.findall(r" (SR\d{3}) ", f.read_text())
    }
    assert used <= set(CODES)
    assert len(used) >= 30


def test_the_command_line_reference_is_current() -> None:
    generator = _generator("gen_cli_docs")
    current = generator.DOCS.read_text(encoding="utf-8") if generator.DOCS.is_file() else ""
    assert current == generator.render(), (
        f"docs/cli.md is out of date with sendreview/cli/: run {generator.COMMAND}"
    )
    for command in ("init", "validate", "schema", "report", "status", "frameworks show"):
        assert f"## `sendreview {command}`" in current


def test_the_diagnostics_reference_is_current() -> None:
    generator = _generator("gen_diagnostics_docs")
    assert generator.DOCS.read_text(encoding="utf-8") == generator.render(), (
        f"docs/diagnostics.md is out of date with the code registry: run {generator.COMMAND}"
    )


def test_the_readme_links_to_the_references() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/cli.md)" in readme
    assert "(docs/diagnostics.md)" in readme


def test_the_speed_figures_are_the_benchmarks_last() -> None:
    """The README's speed table is what bench/results holds, as the benchmarks last wrote
    it (`make bench`, then tools/gen_speed_table.py)."""
    generator = _generator("gen_speed_table")
    assert generator.README.read_text(encoding="utf-8") == generator.render(), (
        f"README.md's speed figures differ from bench/results: run {generator.COMMAND}"
    )
    assert "| `sendreview --help` vs a minimal typer app's `--help`" in generator.section()


def test_the_shipped_compiled_templates_are_current() -> None:
    """sendreview's own templates ship compiled; an edit not compiled again would still
    render (from the source), only slower, so only this test notices it."""
    generator = _generator("precompile_templates")
    assert generator.main(["--check"]) == 0, "run .venv/bin/python tools/precompile_templates.py"
