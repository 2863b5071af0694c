#!/usr/bin/env python
"""Regenerate docs/benchmarks.md: ``diplo-ml bench --sweep --markdown docs/benchmarks.md [ARGS...]``.

    python scripts/bench_inference.py                                  # trains a debug=smoke MiniLM first
    python scripts/bench_inference.py --checkpoint runs/pillars/RUN    # a finished pillars_minilm run
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from diplo_ml.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"

if __name__ == "__main__":
    args = sys.argv[1:]
    defaults = [] if "--markdown" in args else ["--markdown", os.path.relpath(DOC), "--overwrite"]
    defaults += [] if "--sweep" in args else ["--sweep"]
    sys.argv = [sys.argv[0], "bench", *args, *defaults]
    raise SystemExit(main(sys.argv[1:]))
