"""sendreview's own report templates, compiled to Python ahead of time.

Compiling the built-in templates costs a cold report about a tenth of a second, every
run; shipped compiled (``compiled_templates/``, made by ``tools/precompile_templates.py``
and byte-compiled by pip at install), they load in a millisecond. The compiled code is
used only while it matches: each template's source, the sandbox that shaped the code
(``sandbox.py``) and the Jinja version are recorded beside it, and a template whose
record differs (a developer's edit not yet compiled, another Jinja) is compiled from
its source as before. A review's or an organisation's own templates are always read
from their source, and they still come first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

COMPILED = Path(__file__).with_name("compiled_templates")
MANIFEST = "manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint() -> str:
    """What the compiled code depends on besides each template's source."""
    import jinja2

    from sendreview.report import sandbox

    return _digest(f"jinja2 {jinja2.__version__}\n".encode() + Path(sandbox.__file__).read_bytes())


def _sources(built_in: Path) -> dict[str, str]:
    return {
        p.name: _digest(p.read_bytes()) for p in sorted(built_in.iterdir()) if p.suffix == ".j2"
    }


def write(env: Any, built_in: Path, target: Path) -> list[Path]:
    """Compile every built-in template into ``target`` with ``env``; the files written."""
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("tmpl_*.py"):
        old.unlink()
    sources = _sources(built_in)
    env.compile_templates(
        str(target), zip=None, filter_func=lambda name: name in sources, ignore_errors=False
    )
    manifest = {"fingerprint": fingerprint(), "templates": sources}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return sorted(target.iterdir())


def loader(built_in: Path, from_source: Any) -> Any:
    """A loader of the built-in templates: compiled where the record matches, else
    ``from_source`` (the loader reading ``built_in``)."""
    import jinja2

    try:
        manifest = json.loads((COMPILED / MANIFEST).read_text(encoding="utf-8"))
        usable = manifest["fingerprint"] == fingerprint()
        recorded: dict[str, str] = manifest["templates"] if usable else {}
    except (OSError, ValueError, KeyError, TypeError):  # not compiled: a source checkout
        recorded = {}

    class Precompiled(jinja2.BaseLoader):
        modules = jinja2.ModuleLoader(str(COMPILED))

        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str | None, Callable[[], bool] | None]:
            result: tuple[str, str | None, Callable[[], bool] | None]
            result = from_source.get_source(environment, template)
            return result

        def load(
            self,
            environment: jinja2.Environment,
            name: str,
            globals: MutableMapping[str, Any] | None = None,
        ) -> jinja2.Template:
            source = built_in / name
            if name in recorded and _matches(source, recorded[name]):
                template: jinja2.Template = self.modules.load(environment, name, globals)
                return template
            compiled: jinja2.Template = from_source.load(environment, name, globals)
            return compiled

    return Precompiled()


def source_of(filename: str, built_in: Path) -> str:
    """The template file a compiled template's code ``filename`` was made from (errors
    name the template and its line), or ``filename`` itself."""
    path = Path(filename)
    if path.parent != COMPILED:
        return filename
    import jinja2

    for template in _sources(built_in):
        if jinja2.ModuleLoader.get_module_filename(template) == path.name:
            return str(built_in / template)
    return filename


def _matches(source: Path, digest: str) -> bool:
    try:
        return _digest(source.read_bytes()) == digest
    except OSError:
        return False
