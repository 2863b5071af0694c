"""`diplo-ml report RUN`: a self-contained ``RUN/report.html`` for error analysis of a finished run.

The page header is shared; the body is the task's own report section (tagging: per-label scores, PR curves,
calibration, confusions, confident errors; summarisation: ROUGE distribution, lengths, best and worst summaries).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from diplo_ml.checkpoint import META, checkpoint_task
from diplo_ml.errors import DiploError
from diplo_ml.reports.render import run_json, write_text
from diplo_ml.templating import render


def read_run(run_dir: str | Path) -> tuple[Path, str, dict[str, Any]]:
    """(folder, task name, checkpoint meta) of a run folder; the task comes from the checkpoint or config.yaml."""
    run = Path(run_dir)
    if not run.is_dir():
        raise DiploError(f"{run}: no such run folder")
    meta = run_json(run / "checkpoint", META)
    task = meta.get("task")
    if task is None and (run / "config.yaml").is_file():
        from omegaconf import OmegaConf

        task = OmegaConf.select(OmegaConf.load(run / "config.yaml"), "task.name")
    if task is None:
        raise DiploError(f"{run}: not a run folder (no checkpoint/{META} or config.yaml naming the task)")
    if not (run / "predictions_test.jsonl").is_file():
        raise DiploError(f"{run}: no predictions_test.jsonl (is the run finished?)")
    status = run_json(run, "manifest.json").get("status")  # None: a folder from before manifests, or copied
    if status not in (None, "finished"):  # a running run's folder belongs to its process; a failed one's is partial
        raise DiploError(f"{run}: the run is {status}, not finished; report reads finished runs")
    return run, str(task), meta


def _facts(run: Path, task: str, meta: dict[str, Any]) -> list[str]:
    manifest = run_json(run, "manifest.json")
    model = (meta.get("model") or {}).get("name") or "?"
    data = (meta.get("data") or {}).get("config") or (manifest.get("data") or {}).get("config") or "?"
    git = manifest.get("git") or {}
    return [f"task: {task}", f"model: {model}", f"data: {data}", f"status: {manifest.get('status', '?')}",
            f"started: {manifest.get('started', '?')}", f"wall time: {manifest.get('wall_time_s', '?')} s",
            f"commit: {str(git.get('commit', '?'))[:10]}{' (dirty)' if git.get('dirty') else ''}"]


def build_report(run_dir: str | Path) -> str:
    """The HTML report of a finished run."""
    run, task_name, meta = read_run(run_dir)
    task = checkpoint_task(run / "checkpoint", {**meta, "task": task_name})  # configured as its checkpoint says
    section = task.report_section(run, meta)
    return render("report.html.j2", title=f"Run report: {run.name}", run_name=run.name, run_path=str(run.resolve()),
                  facts=_facts(run, task_name, meta), section=Markup(section))


def write_report(run_dir: str | Path, overwrite: bool = False) -> Path:
    """Write ``RUN/report.html`` and return its path; a ``report.html`` diplo-ml did not write (a user's own notes)
    is refused unless ``overwrite``."""
    from diplo_ml.data.ingest import written_by_diplo

    path = Path(run_dir) / "report.html"
    if path.exists() and not overwrite and not written_by_diplo(path):
        raise DiploError(f"{path}: exists without diplo-ml's generator mark (your own file, or a report from before "
                         "reports carried it); move it, or add --overwrite to replace it")
    return write_text(path, build_report(run_dir))
