"""Turn a data config into ``datasets.Dataset`` splits plus sha256 fingerprints of every file read.

A data config names one folder (``dir`` + ``files``), or several under ``sources`` (name -> ``dir``,
``files``, ``weight``): those are read one by one, tagged with a ``source`` field and concatenated, and each
source's train split is oversampled by its weight.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from datasets import Dataset
from omegaconf import DictConfig, ListConfig, OmegaConf
from omegaconf.errors import InterpolationResolutionError

from diplo_ml.data.io import read_jsonl
from diplo_ml.data.overlap import listed, split_overlap_warnings, train_repeats
from diplo_ml.data.splits import grouped_split
from diplo_ml.errors import DataError, DiploError, first_line
from diplo_ml.files import not_a_file, sha256_file

log = logging.getLogger(__name__)

SPLITS = ("train", "dev", "test")
Check = Callable[[dict[str, Any], str, int], None]
Records = dict[str, list[dict[str, Any]]]


@dataclass
class LoadedData:
    splits: dict[str, Dataset]
    fingerprints: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> weight, examples (several only)
    warnings: list[str] = field(default_factory=list)  # split files that share articles or texts (one line each)


def data_dir(cfg: DictConfig, label: str | None = None, key: str = "data.dir") -> Path:
    """The folder of a data config (or of one source, whose ``key`` is ``data.sources.NAME.dir``); a clear error
    when it, or a variable it needs, is missing."""
    label = label or f"data config '{cfg.get('name')}'"
    needs = DiploError(f"{label} needs the folder of its files: add {key}=/path/to/folder")
    if "dir" not in cfg or OmegaConf.is_missing(cfg, "dir"):
        raise needs
    try:
        value = cfg.dir
    except InterpolationResolutionError as exc:
        raw = OmegaConf.to_container(cfg, resolve=False).get("dir")
        raise DiploError(
            f"{label} reads {raw}: {exc.msg.splitlines()[0]}. "
            "Set DIPLO_EXTERNAL_DATA to the folder that holds the public corpora (e.g. ../shared/data)."
        ) from None
    if value is None or not str(value).strip():
        raise needs
    folder = Path(str(value))
    if not folder.is_dir():
        raise DataError(f"{folder}: data folder not found ({label})")
    return folder


def check_locations(cfg: DictConfig) -> None:
    """Before a run folder is made: every folder a data config reads is given and exists (with the variables it
    needs set) and every source's weight is valid."""
    if cfg.get("sources"):
        for name in cfg.sources:  # each source's folder, files and weight before the next source's
            _files_exist(cfg.sources[name], source_dir(cfg, str(name)))
            source_weight(cfg.sources[name].get("weight", 1.0), source_label(cfg, str(name)))
    else:
        _files_exist(cfg, data_dir(cfg))


def data_files(cfg: DictConfig) -> list[Path]:
    """Every file a data config reads, named as the loader names them in its fingerprints."""
    if cfg.get("sources"):
        folders = [(cfg.sources[name], source_dir(cfg, str(name))) for name in cfg.sources]
    else:
        folders = [(cfg, data_dir(cfg))]
    return [folder / name for part, folder in folders for name in chosen_files(part, folder).values()]


def source_label(cfg: DictConfig, name: str) -> str:
    return f"data config '{cfg.get('name')}', source '{name}'"


def source_dir(cfg: DictConfig, name: str) -> Path:
    """The folder of one source of a data config (:func:`data_dir`, naming ``data.sources.NAME.dir``)."""
    return data_dir(cfg.sources[name], source_label(cfg, name), f"data.sources.{name}.dir")


ALL_FILE = "all.jsonl"  # a folder's one file of every split, split by group when read


def chosen_files(cfg: DictConfig, folder: Path) -> dict[str, str]:
    """The file of each split (or one ``all`` file) that a data config reads in ``folder``; with no ``files:``, the
    layout every folder config documents (train.jsonl, dev.jsonl, test.jsonl, or all.jsonl)."""
    given = cfg.get("files")
    files = {str(k): str(v) for k, v in dict(given).items()} if given is not None else \
        {split: f"{split}.jsonl" for split in SPLITS}
    if set(files) == set(SPLITS) and (folder / ALL_FILE).is_file() \
            and not any((folder / name).exists() for name in files.values()):
        return {"all": ALL_FILE}
    return files


def _files_exist(cfg: DictConfig, folder: Path) -> None:
    for name in chosen_files(cfg, folder).values():
        if not (folder / name).is_file():
            raise DataError(not_a_file(folder / name))


def _read_files(cfg: DictConfig, folder: Path, check: Check, seen: dict[str, str],
                fingerprints: dict[str, str], label: str, text_field: str, warnings: list[str]) -> Records:
    """Read the ``files`` of one folder into train/dev/test, splitting a single ``all`` file by group (also a
    folder that holds ``all.jsonl`` and none of the split files its config names). A training text repeated word
    for word in dev or test is left out of training; that, and split files that share an article, add a line to
    ``warnings`` (and the log), unless the config's ``known_overlap`` names the ids (then they are kept)."""
    raw: Records = {}
    for split, name in chosen_files(cfg, folder).items():
        path = folder / str(name)
        raw[split] = read_jsonl(path, check, seen)
        fingerprints[str(path)] = sha256_file(path)
    if set(raw) != set(SPLITS) and list(raw) != ["all"]:
        raise DiploError(f"{label}: give files for train/dev/test, or one file as 'all'")
    split_files = list(raw) != ["all"]
    if not split_files:
        split_cfg = cfg.get("split") or {}
        raw = grouped_split(raw["all"], str(split_cfg.get("group_by", "doc_id")),
                            {"dev": split_cfg.get("dev", 0.15), "test": split_cfg.get("test", 0.15)},
                            int(split_cfg.get("seed", 0)))
    known = _known_overlap(cfg, label)
    raw["train"] = _leave_out_repeats(raw, "dev or test", str(folder), text_field, seen, known, warnings)
    if split_files:  # what else the split files share (a grouped split never puts an article in two splits)
        for line in split_overlap_warnings(raw, text_field, str(folder), seen, known):
            log.warning("%s", line)
            warnings.append(line)
    return raw


def _leave_out_repeats(rows: Records, where: str, label: str, text_field: str, seen: dict[str, str],
                       known: set[str], warnings: list[str]) -> list[dict[str, Any]]:
    """``rows["train"]`` without the texts repeated word for word in ``rows``' dev or test (``where`` says whose),
    said in one warning line; a train split that is nothing but such texts is an error."""
    left_out, named = train_repeats(rows, text_field, seen, known)
    if not left_out:
        return rows["train"]
    if len(left_out) == len(rows["train"]):
        raise DataError(f"{label}: every training text ({len(left_out)}) repeats a text of {where} word for word "
                        f"({listed(named)}); nothing is left to train on")
    line = (f"{label}: {len(left_out)} training text(s) repeated word for word in {where}, left out of training: "
            f"{listed(named)}")
    log.warning("%s", line)
    warnings.append(line)
    return [r for i, r in enumerate(rows["train"]) if i not in left_out]


def _known_overlap(cfg: DictConfig, label: str) -> set[str]:
    """``known_overlap``: doc_ids or record ids whose article or text in another split file is known and kept."""
    known = cfg.get("known_overlap") or []
    if not isinstance(known, ListConfig | list):
        raise DiploError(f"{label}: known_overlap must be a list of record ids, got {known!r}")
    return {str(rid) for rid in known}


def _limits(cfg: DictConfig) -> dict[str, Any]:
    return {split: cfg.get(f"max_{split}_samples") for split in SPLITS}


def _kind(value: Any) -> str | None:
    """A JSON value's type as a table column needs it one (None: null, which fits any column)."""
    if value is None:
        return None
    for kind, types in (("true/false", bool), ("a number", int | float), ("text", str), ("a list", list)):
        if isinstance(value, types):
            return kind
    return "an object"


def check_field_types(records: list[dict[str, Any]], seen: dict[str, str], label: str) -> None:
    """Every field holds one JSON type in all ``records`` (one table column each): the first record that breaks
    this is an error naming its file and line and the line that set the type."""
    first: dict[str, tuple[str, str]] = {}
    for number, record in enumerate(records, start=1):
        where = seen.get(str(record.get("id")), f"{label}, record {number}")
        for key, value in record.items():
            kind = _kind(value)
            if kind is None:
                continue
            if key not in first:
                first[key] = (kind, where)
            elif first[key][0] != kind:
                raise DataError(f"{where}: field '{key}' is {kind} here but {first[key][0]} at {first[key][1]} "
                                "(a field holds one type in every record of a split)")


def _to_datasets(name: str, raw: Records, limits: dict[str, Any],
                 seen: dict[str, str]) -> tuple[dict[str, Dataset], dict[str, int]]:
    """Cut each split to its limit (``max_<split>_samples``) and refuse empty splits or fields of mixed types."""
    splits: dict[str, Dataset] = {}
    counts: dict[str, int] = {}
    for split in SPLITS:
        records = raw[split]
        if limits.get(split) is not None:
            records = records[: int(limits[split])]
        if not records:
            raise DataError(f"data config '{name}': split '{split}' is empty")
        counts[split] = len(records)
        label = f"data config '{name}', split '{split}'"
        check_field_types(records, seen, label)
        fields = dict.fromkeys(key for record in records for key in record)  # a table takes its columns from the
        if any(len(record) != len(fields) for record in records):             # first record: give every one all
            records = [{key: record.get(key) for key in fields} for record in records]
        try:
            splits[split] = Dataset.from_list(records)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:  # mixed types inside a list field, say
            raise DataError(f"{label}: the records do not make one table ({first_line(exc)}); give each field "
                            "one type in every record") from None
    return splits, counts


def load_splits(cfg: DictConfig, check: Check) -> LoadedData:
    """Read the files of a data config, validate every line, split by group when no split files exist."""
    if cfg.get("sources") is not None:
        return load_sources(cfg, check)
    folder = data_dir(cfg)
    seen: dict[str, str] = {}
    fingerprints: dict[str, str] = {}
    warnings: list[str] = []
    raw = _read_files(cfg, folder, check, seen, fingerprints, f"data config '{cfg.name}'", _text_field(cfg), warnings)
    _note_loose_limits({split: len(raw[split]) for split in SPLITS}, _limits(cfg), warnings)
    splits, counts = _to_datasets(str(cfg.name), raw, _limits(cfg), seen)
    return LoadedData(splits, fingerprints, counts, warnings=warnings)


def _note_loose_limits(sizes: dict[str, int], limits: dict[str, Any], warnings: list[str]) -> None:
    """A ``max_<split>_samples`` above the split's size cuts nothing: said, as the config records the number asked."""
    for split, limit in limits.items():
        if limit is not None and int(limit) > sizes[split]:
            line = f"data.max_{split}_samples={limit}: the {split} split has {sizes[split]} records; all are used"
            log.warning("%s", line)
            warnings.append(line)


def _text_field(cfg: DictConfig) -> str:
    return str(cfg.get("text_field") or "text")


# ------------------------------------------------------------------------------------------- several sources
MAX_WEIGHT = 100  # every train record copied 100 times; more is a slip (1e7 filled the memory before training)


def source_weight(value: Any, label: str) -> float:
    """A source's train weight: a number from 0 to :data:`MAX_WEIGHT` (2 = every train record twice, 0.5 = a
    seeded half)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not 0 <= value <= MAX_WEIGHT:
        raise DiploError(f"{label}: weight must be a number from 0 to {MAX_WEIGHT}, got {value!r}")
    return float(value)


def oversample(records: list[dict[str, Any]], weight: float, seed: str) -> list[dict[str, Any]]:
    """``int(weight)`` copies of every record, plus a seeded sample (in file order) for the fractional part."""
    whole = math.floor(weight)
    extra = round((weight - whole) * len(records))
    picked = sorted(random.Random(seed).sample(range(len(records)), extra)) if extra else []
    return [dict(r) for _ in range(whole) for r in records] + [dict(records[i]) for i in picked]


def tag_source(records: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Set ``source`` to the source name; a record's own ``source`` (a publisher) moves to ``outlet``."""
    tagged = []
    for record in records:
        record = dict(record)
        own = record.pop("source", None)
        if own is not None and "outlet" not in record:
            record["outlet"] = own
        tagged.append({**record, "source": name})
    return tagged


def proportional_cut(parts: dict[str, list[dict[str, Any]]], limit: int | None) -> dict[str, list[dict[str, Any]]]:
    """Keep ``limit`` records in all, shared between sources in proportion to their sizes (largest remainder)."""
    total = sum(len(p) for p in parts.values())
    if limit is None or int(limit) >= total:
        return parts
    quotas = {name: int(limit) * len(p) / total for name, p in parts.items()}
    keep = {name: math.floor(q) for name, q in quotas.items()}
    left = int(limit) - sum(keep.values())
    for name in sorted(quotas, key=lambda n: keep[n] - quotas[n])[:left]:
        keep[name] += 1
    return {name: p[: keep[name]] for name, p in parts.items()}


# kept from sources that have them (None elsewhere): tagging context
KEPT_FIELDS = ("headline", "paragraph_index", "previous", "context")


def _common_fields(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the fields every record has (and the context fields of any), so that sources with different extra
    fields make one table."""
    shared = set.intersection(*(set(r) for r in records)) if records else set()
    kept = [f for f in KEPT_FIELDS if any(f in r for r in records)]
    return [{**{k: v for k, v in r.items() if k in shared}, **{f: r.get(f) for f in kept}} for r in records]


def _leave_out_across_sources(cfg: DictConfig, raws: dict[str, Records], labels: dict[str, str],
                              seen: dict[str, str], warnings: list[str]) -> None:
    """Leave out of each source's training the texts repeated word for word in another source's dev or test (each
    source's own were left out as it was read), in one warning line a source."""
    for name, raw in raws.items():
        others = {split: [r for other, rows in raws.items() if other != name for r in rows[split]]
                  for split in ("dev", "test")}
        known = _known_overlap(cfg.sources[name], labels[name])
        raw["train"] = _leave_out_repeats({"train": raw["train"], **others}, "another source's dev or test",
                                          labels[name], _text_field(cfg), seen, known, warnings)


def load_sources(cfg: DictConfig, check: Check) -> LoadedData:
    """Read every source of a data config, tag, weight (train only), cut and concatenate them."""
    if not cfg.sources:
        raise DiploError(f"data config '{cfg.name}': 'sources' is empty")
    labels = {str(name): source_label(cfg, str(name)) for name in cfg.sources}
    folders = {name: source_dir(cfg, name) for name in labels}  # fail before reading
    seen: dict[str, str] = {}
    fingerprints: dict[str, str] = {}
    parts: dict[str, Records] = {split: {} for split in SPLITS}
    weights: dict[str, float] = {}
    warnings: list[str] = []
    seed = cfg.get("sampling_seed", 0)
    raws: dict[str, Records] = {}
    text_field = _text_field(cfg)
    for name, folder in folders.items():
        source_cfg = cfg.sources[name]
        weights[name] = source_weight(source_cfg.get("weight", 1.0), labels[name])
        raws[name] = _read_files(source_cfg, folder, check, seen, fingerprints, labels[name], text_field, warnings)
    _leave_out_across_sources(cfg, raws, labels, seen, warnings)
    for name, raw in raws.items():
        for split in SPLITS:
            records = tag_source(raw[split], name)
            if split == "train":
                records = oversample(records, weights[name], f"{seed}:{name}")
            parts[split][name] = records
    merged: Records = {}
    examples: dict[str, dict[str, int]] = {name: {} for name in folders}
    limits = _limits(cfg)
    _note_loose_limits({split: sum(map(len, parts[split].values())) for split in SPLITS}, limits, warnings)
    for split in SPLITS:
        cut = proportional_cut(parts[split], limits[split])
        merged[split] = _common_fields([r for records in cut.values() for r in records])
        for name, records in cut.items():
            examples[name][split] = len(records)
    splits, counts = _to_datasets(str(cfg.name), merged, {}, seen)
    sources = {name: {"weight": weights[name], "examples": examples[name]} for name in folders}
    return LoadedData(splits, fingerprints, counts, sources, warnings)
