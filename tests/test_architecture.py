"""The house: every import runs down the layers, and no two modules import each other.

The layers, lowest first, are listed below. A module may import its own layer or
lower ones, never a higher one; imports inside functions count too (they are
only deferred for start-up speed, the dependency is the same).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sendreview"

LAYERS: list[tuple[str, ...]] = [
    ("errors", "paths", "resources", "safefile", "atomic", "crash", "diagnostics", "parallel"),
    ("yamlio",),
    ("models",),
    ("modelcheck",),
    ("frameworks",),
    ("words",),
    ("privacy",),
    ("national",),
    ("workspace",),
    ("progress", "comparison"),
    ("validation",),
    ("api",),
    ("status", "schemas", "scaffold", "report", "renumber", "selfeval_form", "stats_import"),
    ("portfolio",),
    ("terminal",),
    ("diff",),
    ("cli", "__main__", "__init__"),
]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts)


def _layer(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"sendreview/{module}: add it to a layer in {__file__}")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("sendreview")
        ):
            # `from package import module` depends on the module, not on the package's code
            submodules = [f"{node.module}.{a.name}" for a in node.names]
            names = submodules if all(map(_is_module, submodules)) else [node.module]
            found.update(n.removeprefix("sendreview.") for n in names if _is_module(n))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("sendreview.")
                for a in node.names
                if a.name.startswith("sendreview.")
            )
    return found


def _is_module(dotted: str) -> bool:
    relative = Path(*dotted.split(".")[1:]) if "." in dotted else Path()
    return dotted != "sendreview" and (
        (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative).is_dir()
    )


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module(path).removesuffix(".__init__")
        graph[module] = {m for m in _imports(path) if m != module}
    return graph


def test_no_import_runs_up_the_layers() -> None:
    upward = [
        f"sendreview/{module} imports sendreview.{target}"
        for module, targets in sorted(_graph().items())
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert not upward, "imports that run upwards:\n" + "\n".join(upward)


def test_no_two_modules_depend_on_each_other() -> None:
    graph = _graph()
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in done:
                visit(nxt, [*trail, nxt])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    # a package's __init__ re-exporting its own modules is not a cycle between modules
    real = [c for c in cycles if not _only_package_reexport(c)]
    assert not real, "import cycles:\n" + "\n".join(sorted(set(real)))


def _only_package_reexport(cycle: str) -> bool:
    names = cycle.split(" -> ")
    return all(a.startswith(b + ".") or b.startswith(a + ".") for a, b in itertools.pairwise(names))
