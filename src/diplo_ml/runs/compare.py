"""`diplo-ml compare`: one row per run folder, optional aggregation over seeds, several output formats."""

from __future__ import annotations

import csv
import glob
import io
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_open, check_output_file, owning_folder, read_json_object
from diplo_ml.runs.lock import is_locked
from diplo_ml.runs.manifest import read_manifest
from diplo_ml.runs.overrides import canonical_overrides
from diplo_ml.tasks import Task, get_task

TRACKER_FOLDERS = {"mlartifacts", "mlruns"}  # MLflow's copies of run files, not run folders
CONFIG_FIELDS = {
    "task": "task.name", "model": "model.name", "data": "data.name", "seed": "seed",
    "lr": "trainer.learning_rate", "epochs": "trainer.num_train_epochs", "max_length": "model.max_length",
    "pos_weight": "trainer.pos_weight",
}
# command-line overrides that say where or which seed, not what was trained (seed has a column of its own)
PLACE_OVERRIDES = ("paths.", "hydra.", "seed=", "tracking", "trainer.resume=")  # where, not what, a run computes


def changes(manifest: dict[str, Any]) -> str:
    """The run's command-line overrides that change what is trained (``-`` for none), sorted by key and each value
    spelled one way, so that one setting typed in another order or spelling groups as one: tells sweep runs apart."""
    kept = [o for o in manifest.get("overrides") or [] if not o.lstrip("+~").startswith(PLACE_OVERRIDES)]
    return " ".join(canonical_overrides(kept)) or "-"


def _get(tree: dict[str, Any], dotted: str) -> Any:
    node: Any = tree
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _leaves(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every leaf of a nested dict."""
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _numbers(tree: dict[str, Any]) -> dict[str, float]:
    """Numeric leaves by dotted path: ``test.macro_f1``, ``dev.per_label.cultural.f1``."""
    return {path: value for path, value in _leaves(tree) if _is_number(value)}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def not_numbers(tree: dict[str, Any]) -> list[str]:
    """Dotted paths of leaves that are not finite numbers: NaN, infinity, text, a list (a damaged or hand-edited
    metrics file; the one list a metric has is its bootstrap interval ``NAME_ci``, two numbers)."""
    return [path for path, value in _leaves(tree) if not _is_number(value)
            and not (path.endswith("_ci") and isinstance(value, list) and len(value) == 2
                     and all(map(_is_number, value)))]


def find_runs(paths: list[str]) -> list[Path]:
    """Run folders (holding manifest.json) under the given paths or globs; multirun folders are walked."""
    found: set[Path] = set()
    for pattern in paths or ["runs"]:
        matches = [Path(p) for p in glob.glob(pattern)] or [Path(pattern)]
        for path in matches:
            if not path.exists():
                raise DiploError(f"{path}: no such run folder")
            if (path / "manifest.json").is_file():
                found.add(path)
            else:  # one walk of the tree: run folders, and folders that lost their manifest
                files = [p for p in path.rglob("*.json") if p.name in ("manifest.json", "metrics.json")
                         and not TRACKER_FOLDERS & set(p.relative_to(path).parts)]
                found.update(p.parent for p in files if p.name == "manifest.json")
                for lost in sorted(p.parent for p in files if p.name == "metrics.json"
                                   and not (p.parent / "manifest.json").exists()
                                   and not any(p.parent.is_relative_to(run) for run in found)):
                    print(f"warning: skipping a damaged run: {lost} has metrics.json but no manifest.json",
                          file=sys.stderr)
    unique: dict[Path, Path] = {}
    for path in sorted(found):  # a run reached twice (a symlinked copy, overlapping paths) counts once
        unique.setdefault(path.resolve(), path)
    return sorted(unique.values())


def _config(run_dir: Path) -> dict[str, Any]:
    path = run_dir / "config.yaml"
    if not path.is_file():
        return {}
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DiploError(f"{path}: corrupt config ({str(exc).splitlines()[0]})") from None
    except (OSError, UnicodeDecodeError) as exc:  # one damaged run never stops the others (compare skips it)
        raise DiploError(f"{path}: unreadable config ({exc})") from None
    if not isinstance(config, dict):
        raise DiploError(f"{path}: corrupt config (not a mapping)")
    return config


def run_row(run_dir: Path) -> dict[str, Any]:
    """Config fields, status and metrics of one run (``metric`` keys are ``split.name``)."""
    manifest = read_manifest(run_dir) or {}
    config = _config(run_dir)
    metrics_path = run_dir / "metrics.json"
    metrics = read_json_object(metrics_path, "metrics file") if metrics_path.is_file() else {}
    row: dict[str, Any] = {"run": str(run_dir), "status": manifest.get("status", "unknown"),
                           "overrides": changes(manifest), "reproduces": manifest.get("reproduces")}
    if row["status"] == "running":  # no finish record: still going (its lock is held), or crashed / killed
        row["status"] = "running" if is_locked(run_dir) else "incomplete"
    elif row["status"] == "finished" and not metrics:
        row["status"] = "damaged (no metrics.json)"
    elif bad := not_numbers(metrics):
        row["status"] = f"damaged (metrics.json: {', '.join(bad[:3])} not a number)"
        print(f"warning: {metrics_path}: {', '.join(bad)} not a number; left out", file=sys.stderr)
    for name, dotted in CONFIG_FIELDS.items():
        row[name] = _get(config, dotted)
        if isinstance(row[name], dict | list):
            raise DiploError(f"{run_dir / 'config.yaml'}: corrupt config ({dotted} is not a single value)")
    steps = _get(config, "trainer.max_steps")
    if isinstance(steps, int) and steps > 0:  # max_steps overrides the epochs: say what bounded the run
        row["epochs"] = f"{steps} steps"
    if (manifest.get("model") or {}).get("uses_trainer") is False:
        row["lr"] = row["epochs"] = None  # trainer settings do not apply to this model
    row["task_config"] = json.dumps(_keys_as_text(config.get("task")), sort_keys=True, default=str)  # labels and all
    row["metrics"] = _numbers(metrics)
    row["ci"] = {f"{split}.{k.removesuffix('_ci')}": v for split, values in metrics.items() if isinstance(values, dict)
                 for k, v in values.items() if k.endswith("_ci") and isinstance(v, list) and len(v) == 2}
    row["wall_time_s"] = manifest.get("wall_time_s")
    return row


def _keys_as_text(value: Any) -> Any:
    """A YAML value whose mapping keys are all text (YAML allows ``2024:`` and ``null:`` beside names), to compare."""
    if isinstance(value, dict):
        return {str(k): _keys_as_text(v) for k, v in value.items()}
    return [_keys_as_text(v) for v in value] if isinstance(value, list) else value


def aggregate(rows: list[dict[str, Any]], group_by: list[str], metrics: list[str]) -> list[dict[str, Any]]:
    """Mean, std (sample; None for a group of one run) and n per group; finished runs only; runs of other task
    settings (another label set) never mixed."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    copies = [row["run"] for row in rows if row["status"] == "finished" and row.get("reproduces")]
    if copies:
        print(f"note: {len(copies)} reproduction(s) left out of the groups (copies of runs already counted): "
              f"{', '.join(copies[:3])}{' ...' if len(copies) > 3 else ''}", file=sys.stderr)
    for row in rows:
        if row["status"] == "finished" and not row.get("reproduces"):
            key = (row["task"], row["task_config"], *(row.get(f) for f in group_by))
            groups[key].append(row)
    out = []
    for key, members in groups.items():
        agg: dict[str, Any] = {"task": key[0], **dict(zip(group_by, key[2:])), "n": len(members),
                               "runs": [m["run"] for m in members], "metrics": {}}
        for metric in metrics:
            values = [m["metrics"][metric] for m in members if metric in m["metrics"]]
            if values:
                mean = sum(values) / len(values)
                std = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1)) if len(values) > 1 else None
                agg["metrics"][metric] = {"mean": mean, "std": std, "n": len(values)}
        out.append(agg)
    return out


def _value(row: dict[str, Any], metric: str) -> float | None:
    v = row["metrics"].get(metric)
    return v["mean"] if isinstance(v, dict) else v


def compare(paths: list[str], group_by: list[str] | None = None, metrics: list[str] | None = None
            ) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """Rows (or aggregated rows), the metric columns and the key columns, sorted by the first metric."""
    rows = []
    for path in find_runs(paths):
        try:
            rows.append(run_row(path))
        except DiploError as exc:  # one damaged run never hides the others
            print(f"warning: skipping a damaged run: {exc}", file=sys.stderr)
    if not rows:
        raise DiploError(f"no readable run folders found under {', '.join(paths)}")
    tasks = {r["task"] for r in rows if r["task"]}
    known = {m for r in rows for m in r["metrics"]}
    unknown = [m for m in metrics or [] if m not in known]
    if unknown and known:
        examples = ", ".join(sorted(known)[:6])
        raise DiploError(f"--metric {', '.join(unknown)}: no run has this metric (known, for example: {examples})")
    if not metrics:
        metrics = [m for t in sorted(tasks) for m in default_metrics(t)]
    fields = sorted({k for r in rows for k in r} - {"run", "metrics", "ci", "wall_time_s", "task_config", "reproduces"})
    if unknown_fields := [f for f in group_by or [] if f not in fields]:
        raise DiploError(f"--group-by {', '.join(unknown_fields)}: not a run field (use {', '.join(fields)})")
    if group_by:
        rows = aggregate(rows, group_by, metrics)
        keys = ["task", *group_by, "n"]
    else:
        keys = ["run", "status", "overrides", "task", "model", "data", "seed", "lr", "epochs"]
    if not metrics:  # only runs that never got as far as their task (incomplete): listed as they are
        return rows, metrics, keys
    first = metrics[0]

    def best_first(row: dict[str, Any]) -> tuple[str, float]:
        """Within a task, the best value of the first metric first (lower first where lower is better)."""
        value, sign = _value(row, first), _direction(first, row["task"]) or 1
        return row["task"] or "", -(sign * value) if value is not None else math.inf

    rows.sort(key=best_first)
    return rows, metrics, keys


def _cell(row: dict[str, Any], metric: str, best: bool) -> str:
    v = row["metrics"].get(metric)
    if v is None:
        return "-"
    if isinstance(v, dict):  # a group: mean ± sample std, or the one value when the group has one run
        text = f"{v['mean']:.3f} ± {v['std']:.3f}" if v["n"] > 1 else f"{v['mean']:.3f}"
    else:
        text = f"{v:.3f}"
    ci = row.get("ci", {}).get(metric)
    if ci and not isinstance(v, dict):  # a bootstrap 95% interval saved with the metric
        text += f" [{ci[0]:.3f}, {ci[1]:.3f}]"
    return text + (" *" if best else "")


def _task(name: str | None) -> Task | None:
    """The registered task of a run (None for runs of a task this version does not know)."""
    try:
        return get_task(str(name)) if name else None
    except DiploError:
        return None


def default_metrics(task_name: str) -> list[str]:
    """A task's headline test metrics, then its first one on dev."""
    task = _task(task_name)
    if task is None or not task.headline_metrics:
        return []
    return [f"test.{m}" for m in task.headline_metrics] + [f"dev.{task.headline_metrics[0]}"]


def _direction(metric: str, task_name: str | None) -> int:
    """+1 when higher is better, -1 when lower is, 0 for descriptive statistics (the task says which)."""
    task = _task(task_name)
    return task.direction(metric) if task is not None else 1


def _best(rows: list[dict[str, Any]], metrics: list[str]) -> dict[str, set[int]]:
    best: dict[str, set[int]] = {}
    for metric in metrics:
        by_task: dict[Any, float] = {}
        finished: Counter[Any] = Counter()  # finished runs with the metric, per task: a best needs two
        for row in rows:
            v, sign = _value(row, metric), _direction(metric, row["task"])
            if v is not None and row.get("status", "finished") == "finished":
                finished[row["task"]] += 1
                if sign:
                    by_task[row["task"]] = max(by_task.get(row["task"], -math.inf), sign * v)
        best[metric] = {i for i, row in enumerate(rows) if _value(row, metric) is not None and finished[row["task"]] > 1
                        and _direction(metric, row["task"]) * _value(row, metric) == by_task.get(row["task"])}
    return best


def render(rows: list[dict[str, Any]], metrics: list[str], keys: list[str], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, indent=2, default=str)
    best = _best(rows, metrics)
    header = [*keys, *metrics]
    table = [[str(row.get(k)) if row.get(k) is not None else "-" for k in keys]
             + [_cell(row, m, i in best[m]) for m in metrics] for i, row in enumerate(rows)]
    if fmt == "csv":
        return _csv(rows, metrics, keys)
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in table]
        return "\n".join(lines) + "\n\n`*` best in column (per task)."
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(header)]
    fmt_row = "  ".join(f"{{:{w}}}" for w in widths)
    lines = [fmt_row.format(*header), fmt_row.format(*("-" * w for w in widths))]
    lines += [fmt_row.format(*r) for r in table]
    return "\n".join(lines) + "\n* best in column (per task)"


def _csv(rows: list[dict[str, Any]], metrics: list[str], keys: list[str]) -> str:
    """Numbers only, for spreadsheets: each metric's value (a group's mean), then its 95% interval bounds or, for
    groups, its std and n, in columns of their own."""
    grouped = any(isinstance(v, dict) for r in rows for v in r["metrics"].values())
    extra = ("std", "n") if grouped else ("ci_low", "ci_high")
    with_extra = [m for m in metrics if any(m in r.get("ci", {}) or isinstance(r["metrics"].get(m), dict)
                                            for r in rows)]
    header = [*keys, *(c for m in metrics for c in [m, *(f"{m}.{e}" for e in extra if m in with_extra)])]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        cells = [row.get(k) if row.get(k) is not None else "" for k in keys]
        for metric in metrics:
            value, ci = row["metrics"].get(metric), row.get("ci", {}).get(metric)
            if isinstance(value, dict):
                main, more = value["mean"], ["" if value["std"] is None else value["std"], value["n"]]
            else:
                main, more = "" if value is None else value, list(ci) if ci else ["", ""]
            cells += [main, *(more if metric in with_extra else [])]
        writer.writerow(cells)
    return buffer.getvalue()


LABEL_VALUES = {"model", "data"}  # shown bare on the x axis; other keys as key=value


def _plot_labels(rows: list[dict[str, Any]], keys: list[str]) -> tuple[list[str], str]:
    """Short x labels from the keys that differ between rows, and a caption of the keys that do not."""
    shown = [k for k in keys if k not in ("run", "status", "overrides", "task", "n")]
    values = {k: {str(r.get(k)) for r in rows} for k in shown}
    varying = [k for k in shown if len(values[k]) > 1]
    if not varying:  # one row, or rows alike in every key: name them by the first key that has a value
        varying = [k for k in shown if values[k] != {"None"}][:1]
    fixed = [f"{k}={next(iter(values[k]))}" for k in shown
             if k not in varying and len(values[k]) == 1 and values[k] != {"None"}]

    def label(row: dict[str, Any]) -> str:
        parts = [str(row[k]) if k in LABEL_VALUES else f"{k}={row[k]}" for k in varying if row.get(k) is not None]
        text = " / ".join(parts) or (Path(row["run"]).name if row.get("run") else "")
        return f"{text}\n(n={row['n']})" if "n" in row else text

    labels = [label(r) for r in rows]
    if len(set(labels)) < len(labels) and all("run" in r for r in rows):
        labels = [f"{text}\n{Path(r['run']).name}" for text, r in zip(labels, rows)]
    return labels, ", ".join(fixed)


def plot(rows: list[dict[str, Any]], metrics: list[str], keys: list[str], path: str | Path,
         replace: bool = True) -> Path:
    """Grouped bars, one panel per task: one group per row, one bar per metric, values written on the bars;
    aggregated rows get mean ± std error bars. Rows without any of the metrics are left out."""
    try:
        from matplotlib.figure import Figure  # no pyplot: leaves the caller's backend (e.g. a notebook's) alone
    except ImportError:
        raise DiploError("--plot needs matplotlib: pip install matplotlib") from None
    import numpy as np

    panels = []
    for task in dict.fromkeys(r.get("task") for r in rows):
        members = [r for r in rows if r.get("task") == task and any(_value(r, m) is not None for m in metrics)]
        shown = [m for m in metrics if any(_value(r, m) is not None for r in members)]
        if members and shown:
            panels.append((task, members, shown))
    if not panels:
        raise DiploError("nothing to plot: no finished run has any of the metrics " + ", ".join(metrics))
    widest = max(len(members) * (len(shown) + 1) for _, members, shown in panels)
    fig_width = min(max(7.0, 0.32 * widest + 3.5), 24.0)
    fig = Figure(figsize=(fig_width, 4.2 * len(panels)))
    axes = fig.subplots(len(panels), 1, squeeze=False)
    for ax, (task, members, shown) in zip(axes[:, 0], panels):
        labels, caption = _plot_labels(members, keys)
        x = np.arange(len(members))
        width = 0.8 / len(shown)
        annotate = len(members) * len(shown) <= 40
        top = 0.0
        for j, metric in enumerate(shown):
            means = np.array([np.nan if _value(r, metric) is None else _value(r, metric) for r in members], float)
            stds = np.array([r["metrics"][metric]["std"] if isinstance(r["metrics"].get(metric), dict)
                             and r["metrics"][metric]["n"] > 1 else 0.0 for r in members], float)
            pos = x + j * width - 0.4 + width / 2
            ax.bar(pos, np.nan_to_num(means), width * 0.92, label=metric, color=f"C{j}")
            spread = stds > 1e-9
            if spread.any():
                ax.errorbar(pos[spread], means[spread], yerr=stds[spread], fmt="none", ecolor="black",
                            elinewidth=1, capsize=3)
            top = max(top, float(np.nanmax(np.where(np.isnan(means), -np.inf, means + stds))))
            if annotate:
                for px, mean, std in zip(pos, means, stds):
                    if not np.isnan(mean):
                        ax.annotate(f"{mean:.2f}", (px, mean + std), xytext=(0, 2), textcoords="offset points",
                                    ha="center", va="bottom", fontsize=7)
        longest = max((len(line) for text in labels for line in text.splitlines()), default=0)
        tilt = longest * 0.075 > 0.85 * (fig_width - 2.5) / len(members)  # inches of text vs of a group
        ax.set_xticks(x, labels, rotation=20 if tilt else 0, ha="right" if tilt else "center", fontsize=8)
        ax.set_ylim(0, 1.08 if top <= 1 else top * 1.12)
        ax.set_ylabel("score")
        title = f"{task or 'unknown task'}" + (f"  ({caption})" if caption else "")
        ax.set_title(title + ("  —  mean ± std over runs" if "n" in members[0] else ""), fontsize=10, loc="left")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    path = Path(path)
    with atomic_open(path, "wb", replace=replace) as handle:
        fig.savefig(handle, dpi=120, format=path.suffix[1:].lower())
    return path


PLOT_FORMATS = (".png", ".svg", ".pdf", ".jpg", ".jpeg")


def check_plot_path(path: str | Path, overwrite: bool = False) -> None:
    """A --plot path matplotlib can write, in a folder that exists, outside every run and checkpoint folder, and not
    an existing file unless ``overwrite`` (checked before any run is read)."""
    path = Path(path)
    if path.suffix.lower() not in PLOT_FORMATS:
        raise DiploError(f"--plot {path}: use a file ending in {', '.join(PLOT_FORMATS)}")
    owner = owning_folder(path)
    check_output_file(path, protected=[owner] if owner else [], overwrite=overwrite)
