"""Turn a data config into ``datasets.Dataset`` splits plus sha256 fingerprints of every file read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datasets import Dataset
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import InterpolationResolutionError

from diplo_ml.data.io import read_jsonl, sha256_file
from diplo_ml.data.splits import grouped_split
from diplo_ml.errors import DataError, DiploError

SPLITS = ("train", "dev", "test")


@dataclass
class LoadedData:
    splits: dict[str, Dataset]
    fingerprints: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def data_dir(cfg: DictConfig) -> Path:
    """The folder of a data config; a clear error when an environment variable it needs is unset."""
    try:
        folder = Path(str(cfg.dir))
    except InterpolationResolutionError as exc:
        raw = OmegaConf.to_container(cfg, resolve=False).get("dir")
        raise DiploError(
            f"data config '{cfg.get('name')}' reads {raw}: {exc.msg.splitlines()[0]}. "
            "Set DIPLO_EXTERNAL_DATA to the folder that holds the public corpora (e.g. ../shared/data)."
        ) from None
    if not folder.is_dir():
        raise DataError(f"{folder}: data folder not found (data config '{cfg.get('name')}')")
    return folder


def load_splits(cfg: DictConfig, check: Callable[[dict[str, Any], str, int], None]) -> LoadedData:
    """Read the files of a data config, validate every line, split by group when no split files exist."""
    folder = data_dir(cfg)
    seen: dict[str, str] = {}
    fingerprints: dict[str, str] = {}
    files = dict(cfg.files)
    raw: dict[str, list[dict[str, Any]]] = {}
    for split, name in files.items():
        path = folder / str(name)
        raw[split] = read_jsonl(path, check, seen)
        fingerprints[str(path)] = sha256_file(path)
    if set(raw) != set(SPLITS):
        if list(raw) != ["all"]:
            raise DiploError(f"data config '{cfg.name}': give files for train/dev/test, or one file as 'all'")
        split_cfg = cfg.get("split") or {}
        raw = grouped_split(raw["all"], str(split_cfg.get("group_by", "doc_id")),
                            {"dev": split_cfg.get("dev", 0.15), "test": split_cfg.get("test", 0.15)},
                            int(split_cfg.get("seed", 0)))
    splits: dict[str, Dataset] = {}
    counts: dict[str, int] = {}
    for split in SPLITS:
        records = raw[split]
        limit = cfg.get(f"max_{split}_samples")
        if limit is not None:
            records = records[: int(limit)]
        if not records:
            raise DataError(f"data config '{cfg.name}': split '{split}' is empty")
        counts[split] = len(records)
        splits[split] = Dataset.from_list(records)
    return LoadedData(splits, fingerprints, counts)
