"""The benchmark's outputs: a few summary lines, and docs/benchmarks.md rendered from ``benchmarks.md.j2``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplo_ml.templating import render


def num(value: Any, suffix: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}{suffix}"
    return f"{value}{suffix}"


def summary(result: dict[str, Any]) -> str:
    """A few human-readable lines."""
    lines = [f"threads {result['threads']}, batch size {result['batch_size']}, max_length {result['max_length']}, "
             f"median of {result['repeats']}; {result['test_paragraphs']} test paragraphs, "
             f"{result['articles']} articles"]
    if "naive_paragraphs_per_s" in result:
        lines.append(f"naive pipeline   {num(result['naive_paragraphs_per_s'])} paragraphs/s")
    lines.append(f"Tagger (fast)    {num(result['fast_paragraphs_per_s'])} paragraphs/s, "
                 f"{num(result['articles_per_s'])} articles/s")
    if "speedup" in result:
        lines.append(f"speed-up         {result['speedup']}x; tags identical: {result['tags_identical']} "
                     f"(max |score diff| {result['max_abs_score_diff']:.1e})")
    for row in result.get("paths", [])[1:]:
        lines.append(f"{row['name']:16s} {num(row['paragraphs_per_s'])} paragraphs/s ({row['speedup_vs_fp32']}x), "
                     f"tags agree {100 * row['tags_agreement']:.1f}%, macro-F1 {row['macro_f1_delta']:+.4f}"
                     f"{'' if row['keeps_tags'] else ' (changes tags)'}")
    if "fast_path" in result:
        fast = result["fast_path"]
        lines.append(f"recommended      {fast['name']}: {fast['speedup_vs_fp32']}x the fp32 Tagger, "
                     f"{100 * fast['tags_agreement']:.1f}% of tags kept; fp32 uses "
                     f"{100 * result['fp32_share_of_peak']:.0f}% of the {num(result['matmul_peak_gflops'])} "
                     "GFLOP/s matmul peak")
    if "training_examples_per_s" in result:
        lines.append(f"training         {num(result['training_examples_per_s'])} examples/s "
                     f"({result['training_steps_timed']} steps of {result['training_batch_size']})")
    lines.append(f"peak RSS         {num(result['peak_rss_mb'])} MiB; load average {result['load_average_start']}"
                 f" -> {result['load_average_end']}")
    return "\n".join(lines)


def markdown(result: dict[str, Any], command: str) -> str:
    """docs/benchmarks.md: machine, figures, settings sweeps, exact commands."""
    naive = result.get("naive_paragraphs_per_s")
    return render("benchmarks.md.j2", Path(__file__).parent, r=result, m=result["machine"], command=command,
                  num=num, naive=naive, raw=json.dumps(result, indent=2))
