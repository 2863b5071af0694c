"""`diplo-ml predict --engine ray`: batch inference with Ray Data, on one machine or a cluster.

1. The inputs are read exactly as the local path reads them (JSONL rows, or article paragraphs) and written as
   Parquet shards of units (``.OUT.ray-shards/``), so every row keeps the same ``id``/``source``/``line`` keys.
2. ``ray.data.read_parquet`` -> ``map_batches`` with a pool of predictor actors (one model per actor) ->
3. ordered rows written to ``OUT`` (JSONL, the local path's format) or, when ``OUT`` ends with ``/``, as Parquet
   shards in that folder (one ``row`` column of JSON).

Ray starts locally unless ``RAY_ADDRESS`` names a cluster; on a cluster ``OUT`` must be on storage every node
sees (README, "Inference at scale").
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from diplo_ml import quiet_libraries
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_open, check_output_file, model_folders
from diplo_ml.predict import DEFAULT_CHUNK, open_predictor, predict_units
from diplo_ml.predict_inputs import check_inputs, chunks, read_units, reads_previous
from diplo_ml.runs.interrupt import signals_held, take_back_signals

INSTALL = 'pip install -e ".[ray]"'
ROWS_PER_SHARD = 20_000


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise DiploError(f"--engine ray needs Ray Data: {INSTALL}") from None
    return ray


def write_shards(checkpoint: str | Path, inputs: list[str], folder: Path, rows_per_shard: int = ROWS_PER_SHARD) -> int:
    """The units of ``inputs`` as Parquet shards (``_text``, ``_context``, ``_fields`` as JSON, ``_order``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplo_ml.checkpoint import checkpoint_task, prediction_note, read_meta

    ck_folder, meta = read_meta(checkpoint)
    task = checkpoint_task(ck_folder, meta)
    if note := prediction_note(meta):
        print(note, file=sys.stderr)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number, batch in enumerate(chunks(read_units(inputs, task, reads_previous(meta)), rows_per_shard)):
        table = pa.table({
            "_order": list(range(total, total + len(batch))),
            "_text": [u["_text"] for u in batch],
            "_context": [json.dumps(u.get("_context")) for u in batch],
            "_fields": [json.dumps({k: v for k, v in u.items() if not k.startswith("_")}, ensure_ascii=False)
                        for u in batch],
        })
        pq.write_table(table, folder / f"units-{number:05d}.parquet")
        total += len(batch)
    return total


def _work_folder(target: Path, job: str) -> Path:
    """A work folder of this command beside OUT, hidden and named for it (``.OUT.ray-JOB``), so that removing what a
    killed run left never touches a folder of the user's ("OUT.new", "OUT.old")."""
    return target.with_name(f".{target.name}.ray-{job}")


def _write_results(results: Any, target: Path, fresh: Path, to_folder: bool, overwrite: bool) -> None:
    """Write Ray's rows: Parquet shards into ``fresh``, swapped in for the folder ``target`` once complete (so an
    earlier output stays whole until then), or JSONL lines to the file ``target``, atomically."""
    if to_folder:
        results.write_parquet(str(fresh))
        stale = _work_folder(target, "old")
        shutil.rmtree(stale, ignore_errors=True)  # one a killed run left: os.replace cannot put a folder onto it
        with signals_held():  # the two renames belong together
            if target.exists():
                os.replace(target, stale)
            os.replace(fresh, target)
        shutil.rmtree(stale, ignore_errors=True)
        return
    with atomic_open(target, replace=overwrite) as handle:  # a file another command wrote meanwhile is kept
        for expected, row in enumerate(results.iter_rows()):  # in input order (preserve_order)
            if int(row["_order"]) != expected:
                raise DiploError(f"Ray returned row {row['_order']} where row {expected} was due")
            handle.write(row["row"] + "\n")


class PredictorActor:
    """One loaded predictor per Ray actor; a batch of units in, their output rows (JSON) out."""

    def __init__(self, checkpoint: str, batch_size: int | None, precision: str = "fp32") -> None:
        quiet_libraries()  # an actor's process starts with the libraries' defaults
        _, self.predictor = open_predictor(checkpoint, batch_size, precision)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        units = [{**json.loads(fields), "_text": text, "_context": json.loads(context)}
                 for fields, text, context in zip(batch["_fields"], batch["_text"], batch["_context"])]
        rows = predict_units(self.predictor, units)
        return {"_order": list(batch["_order"]), "row": [json.dumps(r, ensure_ascii=False) for r in rows]}


RAISED_TEXT = re.compile(r"^diplo_ml\.errors\.\w+: (.+)$", re.MULTILINE)  # a traceback's last line, as Ray keeps it


def _diplo_error(exc: BaseException) -> str | None:
    """The message of the DiploError a Ray actor or task raised (an actor that cannot load the checkpoint at that
    precision), found in the exception Ray wraps it in, or in the traceback text that is all Ray keeps of an
    actor's failed start; None when it was no DiploError."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiploError) and not hasattr(current, "cause"):
            return str(current)
        found = RAISED_TEXT.findall(str(current))
        if found:
            return found[-1].strip()
        current = getattr(current, "cause", None) or current.__cause__ or current.__context__
    return None


def predict_with_ray(checkpoint: str | Path, inputs: list[str], output: str | Path, workers: int = 1,
                     batch_size: int | None = None, chunk: int = DEFAULT_CHUNK, overwrite: bool = False,
                     precision: str = "fp32") -> str:
    """Predict every unit of ``inputs`` with Ray Data; return a one-line summary."""
    from diplo_ml.precision import check_precision

    check_precision(precision)  # before Ray starts
    ray = _ray()
    check_inputs(inputs)
    out = str(output)
    to_folder = out.endswith("/")
    target = Path(out.rstrip("/"))
    files = [i for i in inputs if i != "-"]
    if to_folder:  # a folder of shards, replaced whole: never one holding an input, a model, the folder the command
        # runs in, or (unasked) anything
        resolved, here = target.resolve(), Path.cwd().resolve()
        if resolved == here or resolved in here.parents:
            raise DiploError(f"{out}: is the current folder or one above it, and the shards' folder is replaced "
                             "whole: write them to a folder of their own")
        if not resolved.parent.is_dir():
            raise DiploError(f"{target}/: folder {target.parent} does not exist")
        if any(resolved.is_relative_to(f.resolve()) or f.resolve().is_relative_to(resolved)
               for f in model_folders(checkpoint)):
            raise DiploError(f"{target}/: is inside, or holds, the checkpoint or run folder; write the shards "
                             "elsewhere")
        target = resolved  # (".." and "x/.." have a name to put the work folder's beside only once resolved)
        if any(resolved == Path(f).resolve() or resolved in Path(f).resolve().parents for f in files):
            raise DiploError(f"{target}/: holds an input; write the shards to another folder")
        if target.exists() and (not target.is_dir() or any(target.iterdir())) and not overwrite:
            raise DiploError(f"{target}/ exists and is not empty: add --overwrite to replace it")
    else:
        check_output_file(target, files, model_folders(checkpoint), overwrite)
    shards = _work_folder(target, "shards")
    fresh = _work_folder(target, "new")  # a folder output is written here, then swapped in
    work = [shards, fresh] if to_folder else [shards]
    for folder in work:
        shutil.rmtree(folder, ignore_errors=True)
    try:  # the work folders go, whatever ends the run (an error, a signal)
        n = write_shards(checkpoint, inputs, shards)
        if not ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS")
            # one CPU per predictor actor plus one for reading and writing shards (fewer would deadlock the pool)
            ray.init(address=address, num_cpus=None if address else workers + 1, include_dashboard=False,
                     log_to_driver=False, logging_level="ERROR")
            take_back_signals()  # Ray's driver set-up made SIGTERM an abort with a C stack dump (exit 134)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        blocks = max(2 * workers, len(list(shards.glob("*.parquet"))))
        results = ray.data.read_parquet(str(shards), override_num_blocks=blocks).map_batches(
            PredictorActor, fn_constructor_args=(str(Path(checkpoint).resolve()), batch_size, precision),
            batch_size=chunk, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="numpy")
        logging.getLogger("ray.data").setLevel(logging.CRITICAL)  # its failures reach us as exceptions: said once
        try:
            _write_results(results, target, fresh, to_folder, overwrite)
        except DiploError:
            raise
        except Exception as exc:  # noqa: BLE001 - Ray wraps what an actor raised in its own exceptions
            found = _diplo_error(exc)
            if found is None:
                raise
            raise DiploError(found) from None
    finally:
        for folder in work:
            shutil.rmtree(folder, ignore_errors=True)
    rows = f"{n} row{'s' * (n != 1)}"
    return f"wrote {rows} to {target}{'/' if to_folder else ''} with Ray Data ({workers} predictor actors)"
