"""Benchmarks: measurement (``measure``, ``worker``), the run (``run``) and its report (``report``)."""

from diplo_ml.bench.report import check_markdown_path, markdown, summary, write_markdown
from diplo_ml.bench.run import run_bench

__all__ = ["check_markdown_path", "markdown", "run_bench", "summary", "write_markdown"]
