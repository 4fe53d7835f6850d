"""The sandbox report templates run in, and the budget that stops a runaway one.

Jinja's SandboxedEnvironment already keeps templates from files, programs and
private attributes; on top of that every loop step, call, filter and operator is
counted against a ``Budget`` (time and characters of output), ``range()`` is capped,
and a value about to grow past the budget stops the template (``Exceeded``).
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import wraps
from typing import Any

TEMPLATE_RANGE = 10_000
DEFAULT_CHARS = 5_000_000  # what a value may grow to when no budget is set


class Exceeded(Exception):
    """Raised inside a template's own code, so that the traceback names its line."""


@dataclass
class Budget:
    deadline: float
    seconds: float
    chars: int

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise Exceeded(f"ran for more than {self.seconds:g} seconds")

    def size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > self.chars:
            raise Exceeded(f"made a value longer than {self.chars:,} characters")
        return value


BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "sendreview_template_budget", default=None
)
GUARD_ITER = "sendreview-loop"  # not a name a template can write: only the parser's
GUARD_SIZE = "sendreview-size"


def _tick() -> Budget | None:
    budget = BUDGET.get()
    if budget is not None:
        budget.tick()
    return budget


def guard_iter(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        _tick()
        yield item


def guard_size(value: Any) -> Any:
    budget = BUDGET.get()
    return budget.size(value) if budget is not None else value


def bounded_range(*args: int) -> range:
    values = range(*args)
    if len(values) > TEMPLATE_RANGE:
        raise Exceeded(
            f"asked for a range of {len(values):,} numbers; templates may use up to "
            f"{TEMPLATE_RANGE:,}"
        )
    return values


_SIZING = {"center", "ljust", "rjust", "zfill", "expandtabs", "do_center", "do_indent"}


def _check_args(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    budget = BUDGET.get()
    if budget is None:
        return
    values = [*args, *kwargs.values()]
    for value in values:
        budget.size(value)
    if name in _SIZING and any(isinstance(v, int) and v > budget.chars for v in values):
        raise Exceeded(f"asked for text wider than {budget.chars:,} characters")
    if name in ("replace", "do_replace"):
        strings = [v for v in values if isinstance(v, str)]
        if strings and len(strings[0]) * (1 + max(len(s) for s in strings)) > budget.chars:
            raise Exceeded(f"could make text longer than {budget.chars:,} characters")


def guard_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_args(getattr(func, "__name__", ""), args, kwargs)
        return guard_size(func(*args, **kwargs))

    return guarded


def environment_class() -> type[Any]:
    """The sandbox with budgets: every call, loop step and sizing operator is counted."""
    import operator

    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            _tick()
            _check_args(getattr(__obj, "__name__", ""), args, kwargs)
            return guard_size(super().call(__context, __obj, *args, **kwargs))

        def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
            _tick()
            budget = BUDGET.get()
            limit = budget.chars if budget else DEFAULT_CHARS
            if op == "**" and isinstance(right, int) and abs(right) > 64:
                raise Exceeded("raised a number to a power larger than 64")
            if op == "*":
                for seq, times in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | bytes | list | tuple)
                        and isinstance(times, int)
                        and len(seq) * times > limit
                    ):
                        raise Exceeded(f"made a value longer than {limit:,} characters")
            ops = {"*": operator.mul, "**": operator.pow, "+": operator.add}
            return guard_size(ops[op](left, right))

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            for loop in list(tree.find_all(nodes.For)):
                loop.iter = nodes.Filter(
                    loop.iter, GUARD_ITER, [], [], None, None, lineno=loop.lineno
                )
            for concat in list(tree.find_all(nodes.Concat)):
                wrapped = nodes.Concat(concat.nodes, lineno=concat.lineno)
                concat.nodes = [
                    nodes.Filter(wrapped, GUARD_SIZE, [], [], None, None, lineno=concat.lineno)
                ]
            return tree

    return Sandbox
