"""The benchmark's outputs: a few summary lines, and docs/benchmarks.md rendered from ``benchmarks.md.j2``.

The Markdown file's path is checked before anything is measured (:func:`check_markdown_path`) and written
atomically at the end (:func:`write_markdown`), the way every other command treats its output file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_text, check_output_file, model_folders
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


def check_markdown_path(path: Path, checkpoint: str | Path | None, overwrite: bool) -> None:
    """Refuse a ``--markdown`` path before any measurement: a folder, a missing folder, one of the embedded
    inputs, a file inside the checkpoint (or its run folder), or an existing file without ``overwrite``."""
    from diplo_ml.bench.measure import TEST_SPLIT, article_paths

    if path.is_dir():
        raise DiploError(f"{path}: is a folder; --markdown takes a file path")
    check_output_file(path, [TEST_SPLIT, *article_paths()], model_folders(checkpoint), overwrite)


def write_markdown(path: Path, result: dict[str, Any], command: str, replace: bool = True) -> Path:
    """Render the report and replace ``path`` with it atomically (a temporary sibling renamed over it; unless
    ``replace``, never over a file that appeared there while the benchmark ran)."""
    return atomic_write_text(path, markdown(result, command), replace)
