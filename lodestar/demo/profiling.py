"""What one stage of the simulation costs: wall time, CPU time, SQL queries and peak memory.

On a shared machine the wall time is mostly the load; this process's CPU time is not (the database
server's own CPU is not in it: on SQLite it is, the database runs in the process).

Queries are counted (not stored: at ten times the scale a stage runs millions) by a wrapper on every
database connection's execution. Peak memory is the process's resident high-water mark: on Linux it
is reset at the start of each stage (`/proc/self/clear_refs`), so each stage reports its own peak;
elsewhere the process's peak so far (`getrusage`), which only grows.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connections

# The collector's first threshold while a batch runs (Python's default: 700 allocations).
BATCH_GC_THRESHOLD = 100_000


@contextmanager
def batch_collections(threshold: int = BATCH_GC_THRESHOLD) -> Iterator[None]:
    """Fewer garbage collections while a batch runs, the usual thresholds back after it.

    A batch (thousands of model instances, texts and rows made and kept until its stage ends) keeps
    the collector walking objects that are all still alive: with Python's defaults the 2,600 x 600
    simulation spent about a quarter of its time there (46.8 s -> 33.4 s for the first nine stages,
    BENCHMARKS.md). Reference counting still frees everything that is not in a cycle at once; only the
    cycle collector runs less often, so memory grows by the cycles waiting (about 60 MiB here)."""
    before = gc.get_threshold()
    gc.set_threshold(threshold, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_STATUS = "/proc/self/status"
_CLEAR_REFS = "/proc/self/clear_refs"


@dataclass
class Cost:
    seconds: float = 0.0
    cpu: float = 0.0  # this process's CPU seconds: what the stage costs whatever the machine's load
    queries: int = 0
    peak_mb: float = 0.0


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _reset_peak() -> bool:
    """Start a new resident high-water mark (Linux); False where the kernel does not offer it."""
    try:
        with open(_CLEAR_REFS, "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def peak_mb() -> float:
    """The resident high-water mark since the last reset (Linux), else since the process began."""
    try:
        with open(_STATUS) as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@contextmanager
def measure() -> Iterator[Cost]:
    """Measure the block: the returned Cost is filled in when the block ends."""
    cost = Cost()
    counter = _Counter()
    _reset_peak()
    started, cpu = time.perf_counter(), time.process_time()
    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(counter))
        try:
            yield cost
        finally:
            cost.seconds = time.perf_counter() - started
            cost.cpu = time.process_time() - cpu
            cost.queries = counter.count
            cost.peak_mb = peak_mb()


__all__ = ["Cost", "measure", "peak_mb"]
