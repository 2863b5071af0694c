"""Benchmarks: measurement (``measure``, ``worker``), the run (``run``) and its report (``report``)."""

from diplo_ml.bench.report import markdown, summary
from diplo_ml.bench.run import run_bench

__all__ = ["markdown", "run_bench", "summary"]
