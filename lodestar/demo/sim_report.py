"""What a simulation run reports: each stage's cost and what came out (see simulation.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from lodestar.programmes.models import Call


@dataclass
class StepTime:
    name: str
    seconds: float
    detail: str = ""
    cpu: float = 0.0  # CPU seconds of this process (see profiling.py)
    queries: int = 0  # SQL statements the stage ran
    peak_mb: float = 0.0  # the process's resident peak during the stage (see profiling.py)


@dataclass
class Report:
    call: Call
    steps: list[StepTime] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(s.seconds for s in self.steps)


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        for rank, index in enumerate(order):
            out[index] = float(rank)
        return out

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else 0.0
