"""What changed between the config a run was made with (its ``config.yaml``) and the one composed today: the YAML
files of an experiment can be edited, or updated by a pull, between a run and its ``resume`` or ``reproduce``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from omegaconf import DictConfig, OmegaConf

# where a run's files are, not what it does: data folders are checked by their files' hashes, and `resume` sets
# trainer.resume itself
LOCATIONS = ("paths.",)
SET_BY_COMMANDS = {"trainer.resume"}


def flatten(tree: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts -> ``{"a.b.c": leaf}``; lists stay leaves."""
    if not isinstance(tree, dict):
        return {prefix: tree}
    out: dict[str, Any] = {}
    for key, value in tree.items():
        out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return out


def _compared(config: dict[str, Any], derived: set[str]) -> dict[str, Any]:
    return {key: value for key, value in flatten(config).items()
            if not key.startswith(LOCATIONS) and key not in SET_BY_COMMANDS and key not in derived
            and key.rsplit(".", 1)[-1] != "dir"}


def _derived(cfg: DictConfig) -> set[str]:
    """Keys whose value today is an interpolation (``${seed}``, ``${oc.env:THREADS}``, ``${now:…}``, a tracking
    URI under the runs folder): what they read is compared where it is set, or may differ by machine, time or
    working folder without the YAML having changed."""
    raw = flatten(OmegaConf.to_container(cfg, resolve=False))
    return {key for key, value in raw.items() if isinstance(value, str) and "${" in value}


def config_changes(saved: Path, cfg: DictConfig) -> tuple[list[str], list[str]]:
    """(values changed, keys only in one of the two) between ``saved`` (a run's config.yaml) and ``cfg`` resolved,
    as "model.C: 4.0 -> 0.01" and "model.unknown_source: only now (embedded)"; ([], []) when ``saved`` is missing
    or unreadable (nothing to compare with)."""
    try:
        before = yaml.safe_load(saved.read_text(encoding="utf-8"))
        now = yaml.safe_load(OmegaConf.to_yaml(cfg, resolve=True))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return [], []
    if not isinstance(before, dict) or not isinstance(now, dict):
        return [], []
    derived = _derived(cfg)
    old, new = _compared(before, derived), _compared(now, derived)
    changed = [f"{key}: {old[key]!r} -> {new[key]!r}" for key in sorted(set(old) & set(new)) if old[key] != new[key]]
    one_side = [f"{key}: only then ({old[key]!r})" for key in sorted(set(old) - set(new))] + \
               [f"{key}: only now ({new[key]!r})" for key in sorted(set(new) - set(old))]
    return changed, one_side


def listed(items: list[str], most: int = 5) -> str:
    """The first ``most`` items, and how many more."""
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return "; ".join(items[:most]) + more
