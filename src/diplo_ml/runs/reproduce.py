"""`diplo-ml reproduce RUN`: re-run a finished run from its saved config and compare the metrics."""

from __future__ import annotations

import math
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from omegaconf import DictConfig

from diplo_ml.errors import DiploError, first_line
from diplo_ml.files import atomic_write_text, read_json_object, sha256_file
from diplo_ml.runs.compare import not_numbers
from diplo_ml.runs.config_drift import config_changes, listed
from diplo_ml.runs.interrupt import RunInterrupted, signals_interrupt
from diplo_ml.runs.manifest import package_versions, read_manifest, run_overrides, searchpath, update_manifest

IGNORED_PACKAGES = {"diplo-ml"}


class Recipe(NamedTuple):
    """What a re-run needs from a finished run: its overrides and the data files (path -> sha256) it read."""

    overrides: list[str]
    fingerprints: dict[str, str]


def preflight(run_dir: Path) -> Recipe:
    """Refuse (DiploError naming what changed) when data fingerprints or package versions differ."""
    if not run_dir.is_dir():
        raise DiploError(f"{run_dir}: no such run folder")
    manifest = read_manifest(run_dir)
    if manifest is None and (run_dir / "diplo_ml.json").is_file():
        raise DiploError(f"{run_dir}: a checkpoint folder; pass the run folder that holds it ({run_dir.parent})")
    if manifest is None or manifest.get("status") != "finished":
        raise DiploError(f"{run_dir}: not a finished run (status: {(manifest or {}).get('status', 'none')})")
    changed = []
    fingerprints = manifest.get("data", {}).get("fingerprints", {})
    for path, digest in fingerprints.items():
        if not Path(path).is_file():
            changed.append(f"data file {path} is missing")
        elif sha256_file(path) != digest:
            changed.append(f"data file {path} changed (sha256 {digest[:12]}… -> {sha256_file(path)[:12]}…)")
    now = package_versions()
    for name, version in manifest.get("packages", {}).items():
        if name not in IGNORED_PACKAGES and now.get(name) != version:
            changed.append(f"package {name} {version} -> {now.get(name)}")
    if changed:
        raise DiploError(f"{run_dir}: cannot reproduce: " + "; ".join(changed))
    if not (run_dir / "metrics.json").is_file():
        raise DiploError(f"{run_dir}: no metrics.json to compare a re-run with")
    bad = not_numbers(read_json_object(run_dir / "metrics.json", "metrics file"))  # now, not after the re-run
    if bad:
        raise DiploError(f"{run_dir / 'metrics.json'}: {', '.join(bad[:3])} not a number (the file is damaged or "
                         "was edited); there is nothing to compare a re-run with")
    overrides_path = run_dir / ".hydra" / "overrides.yaml"
    if not overrides_path.is_file():
        raise DiploError(f"{run_dir}: no .hydra/overrides.yaml")
    try:
        overrides = yaml.safe_load(overrides_path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise DiploError(f"{overrides_path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DiploError(f"{overrides_path}: unreadable ({exc})") from None
    if not isinstance(overrides, list) or not all(isinstance(o, str) for o in overrides):
        raise DiploError(f"{overrides_path}: must be a list of override strings")
    started = manifest.get("overrides")
    if isinstance(started, list) and run_overrides(started) != run_overrides(overrides):
        edited = sorted(set(run_overrides(overrides)) ^ set(run_overrides(started)))
        raise DiploError(f"{overrides_path} differs from the overrides the run was made with ({', '.join(edited)}); "
                         "put it back: a reproduction re-runs the run as it was made")
    unchecked = [what for what, held in (("data files", fingerprints), ("package versions", manifest.get("packages")))
                 if not held]
    if unchecked:
        print(f"note: {run_dir / 'manifest.json'} records no {' and no '.join(unchecked)}; they are not checked, so "
              "a match says less than it would", file=sys.stderr)
    return Recipe([o for o in overrides if not o.startswith("hydra.")] + searchpath(run_dir), fingerprints)


def _leaves(tree: Any, prefix: str = "") -> dict[str, float]:
    if isinstance(tree, dict):
        out: dict[str, float] = {}
        for key, value in tree.items():
            out.update(_leaves(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(tree, list):
        out = {}
        for i, item in enumerate(tree):
            out.update(_leaves(item, f"{prefix}[{i}]"))
        return out
    if isinstance(tree, bool) or not isinstance(tree, int | float):
        return {}
    return {prefix: float(tree)}


def metric_differences(old: dict[str, Any], new: dict[str, Any], tolerance: float) -> list[str]:
    a, b = _leaves(old), _leaves(new)
    diffs = [f"{key}: only in one run" for key in sorted(set(a) ^ set(b))]
    for key in sorted(set(a) & set(b)):
        if not math.isclose(a[key], b[key], rel_tol=0.0, abs_tol=tolerance):
            diffs.append(f"{key}: {a[key]:.6g} -> {b[key]:.6g}")
    return diffs


def same_data_files(run_dir: Path, recorded: dict[str, str], cfg: DictConfig) -> None:
    """The re-run reads the files whose hashes :func:`preflight` checked (``recorded``: path -> sha256). A data
    folder named through ``${oc.env:...}`` can lead elsewhere today (another DIPLO_EXTERNAL_DATA), and other data
    would be blamed on the model as "metrics differ". Paths are compared as written, links not followed."""
    from diplo_ml.data.loader import data_files

    before = {os.path.abspath(path) for path in recorded}
    now = {os.path.abspath(path) for path in data_files(cfg.data)}
    if before and before != now:
        raise DiploError(f"{run_dir}: cannot reproduce: the run read {', '.join(sorted(before - now)[:3])}; its config "
                         f"now reads {', '.join(sorted(now - before)[:3])} (set DIPLO_EXTERNAL_DATA, or run from the "
                         "folder, as when the run was made)")


def reproduce(run_dir: Path, tolerance: float = 0.0, out_dir: Path | None = None) -> tuple[Path, list[str]]:
    """Re-run ``run_dir`` into a new folder beside it; return (new folder, metric differences beyond tolerance). A
    signal at any point ends it with one line saying what was kept."""
    run_dir = Path(run_dir)
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S-%f")
    absolute = run_dir.resolve()  # "." (from inside the run) has no name to put the copy's beside
    out_dir = out_dir or absolute.parent / f"{absolute.name}.reproduced-{stamp}"
    try:
        return _reproduce(run_dir, out_dir, tolerance)
    except RunInterrupted as exc:
        if read_manifest(out_dir) is None:
            print(f"interrupted ({exc}) before the re-run started; nothing was kept", file=sys.stderr)
        else:
            print(f"interrupted ({exc}): {out_dir} keeps its last checkpoint; `diplo-ml resume {out_dir}` continues "
                  f"it, then `diplo-ml compare {run_dir} {out_dir}` sets the two runs' metrics side by side",
                  file=sys.stderr)
        raise


def saved_config(path: Path) -> None:
    """A run's config.yaml, readable: without it a config edited since could not be told apart (and a reproduction
    would train another model and blame the training)."""
    try:
        saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DiploError(f"{path}: missing; there is nothing to check today's config against, so the run cannot "
                         "be reproduced") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DiploError(f"{path}: damaged ({first_line(exc)}); the run cannot be reproduced") from None
    if not isinstance(saved, dict):
        raise DiploError(f"{path}: damaged (not a mapping of options); the run cannot be reproduced")


def _reproduce(run_dir: Path, out_dir: Path, tolerance: float) -> tuple[Path, list[str]]:
    from diplo_ml.config import compose_config
    from diplo_ml.train import run

    overrides, fingerprints = preflight(run_dir)
    if out_dir.exists():
        raise DiploError(f"{out_dir} exists; a reproduction is made in a new folder")
    cfg = compose_config(overrides)
    same_data_files(run_dir, fingerprints, cfg)
    saved_config(run_dir / "config.yaml")
    changed, one_side = config_changes(run_dir / "config.yaml", cfg)
    if changed:
        raise DiploError(f"{run_dir}: cannot reproduce: the config differs from the run's config.yaml "
                         f"({listed(changed)}); a YAML file changed since the run: put it back")
    if one_side:
        print(f"note: options that only the run's config.yaml or only today's config has: {listed(one_side)}",
              file=sys.stderr)
    old = read_json_object(run_dir / "metrics.json", "metrics file")
    # as `train` leaves them, so that `resume` can continue a copy that was interrupted
    (out_dir / ".hydra").mkdir(parents=True)
    atomic_write_text(out_dir / ".hydra" / "overrides.yaml", yaml.safe_dump(overrides, allow_unicode=True))
    try:
        with signals_interrupt():
            run(cfg, out_dir, overrides)
    finally:
        # marked, so that `compare --group-by` never counts the copy as one more seed of the run it reproduces
        if not update_manifest(out_dir, reproduces=str(run_dir.resolve())):
            shutil.rmtree(out_dir, ignore_errors=True)  # refused before the run started: no folder is left behind
    new = read_json_object(out_dir / "metrics.json", "metrics file")
    return out_dir, metric_differences(old, new, tolerance)
