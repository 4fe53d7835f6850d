"""Work over many reviews in several processes: the one way validate, portfolio and
report --all start them.

Workers are forked where the platform can, so that they share the modules the parent has
already imported (a fresh interpreter per worker would pay the imports again); elsewhere
the platform's own way is used. The parent imports what the work needs first
(``preload``), so that nothing is imported once per worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when workers start: one review is checked with no pool
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")


def pool(jobs: int, initializer: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer)


def map_in_order(
    work: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    preload: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``work`` over ``items``, results in the items' order, in up to ``jobs`` processes
    (one: here, with no process to start)."""
    jobs = min(jobs, len(items))
    if jobs <= 1:
        yield from map(work, items)
        return
    if preload is not None:
        preload()
    # chunks small enough to share the work out evenly, large enough that sending them
    # costs little beside the work
    chunk = max(1, min(32, len(items) // (jobs * 8)))
    with pool(jobs) as workers:
        yield from workers.map(work, items, chunksize=chunk)
