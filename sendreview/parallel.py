"""Work over many reviews in several processes: the one way validate, portfolio and
report --all start them.

Workers are forked where the platform can, so that they share the modules the parent has
already imported (a fresh interpreter per worker would pay the imports again); elsewhere
the platform's own way is used. The parent imports what the work needs first
(``preload``), so that nothing is imported once per worker.

Ctrl-C reaches every process of the terminal's group. Workers leave it to the main
process, which stops handing out work, lets what is under way finish (files are written
whole, or not at all) and exits 130; a worker stopped in the middle would leave the pool
broken, and the main process waiting on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when workers start: one review is checked with no pool
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")


def pool(jobs: int) -> ProcessPoolExecutor:
    """Up to ``jobs`` worker processes; shut it down with ``cancel_futures=True``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_leave_ctrl_c_to_main)


def _leave_ctrl_c_to_main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    workers = pool(jobs)
    try:
        yield from workers.map(work, items, chunksize=chunk)
    finally:  # Ctrl-C, or the caller stopped asking: work not yet started never starts
        workers.shutdown(wait=True, cancel_futures=True)
