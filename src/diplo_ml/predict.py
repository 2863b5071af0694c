"""`diplo-ml predict`: run a checkpoint over raw articles, JSONL files or standard input, at any size.

Inputs are read lazily and predicted a chunk at a time, so memory is bounded by the chunk, not the input. Every
output row carries the input's ``id`` (its line number when it has none), its ``source`` and its ``line`` (JSONL)
or ``paragraph_index`` (articles). With ``-o OUT`` rows go to ``OUT.partial`` (flushed after every chunk), which is
renamed to ``OUT`` once every input is done; after a crash or a signal, ``--resume`` continues ``OUT.partial``
exactly once: no row lost, none written twice. ``OUT.partial.json`` records what wrote the partial (checkpoint,
precision, inputs), so a resume with another checkpoint or edited inputs is refused. ``--workers N`` predicts chunks
in N processes, in input order. What it reads is :mod:`diplo_ml.predict_inputs`'; how ``-o OUT`` is written and
resumed, :mod:`diplo_ml.predict_output`'.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from diplo_ml import quiet_libraries
from diplo_ml.checkpoint import checkpoint_task, load, prediction_note, read_meta
from diplo_ml.data.language import NOT_ENGLISH, add_language_note, not_english_warning
from diplo_ml.data.page_noise import FURNITURE_NOTE
from diplo_ml.errors import DataError, DiploError
from diplo_ml.files import model_folders
from diplo_ml.predict_inputs import (
    Unit,
    check_inputs,
    chunks,
    count_jsonl_rows,
    describe_key,
    read_units,
    reads_previous,
    row_key,
    unit_context,
)
from diplo_ml.predict_output import Output, after_bad_line
from diplo_ml.predict_record import STDIN, run_origin
from diplo_ml.tasks.base import Predictor, Task

DEFAULT_CHUNK = 256    # units predicted per call


def predict_units(predictor: Predictor, batch: list[Unit]) -> list[dict[str, Any]]:
    """Output rows of one batch of units, in order."""
    texts = [u["_text"] for u in batch]
    outputs = predictor.predict(texts, unit_context(batch))
    return [add_language_note({**{k: v for k, v in u.items() if not k.startswith("_")}, **out}, text)
            for u, out, text in zip(batch, outputs, texts)]


def set_batch_size(predictor: Predictor, batch_size: int) -> None:
    """Use ``batch_size`` for the model's inference batches; a note when the model does not batch."""
    model = predictor.model
    if not model.use_batch_size(batch_size):
        print(f"note: --batch-size {batch_size} does not apply to a {type(model).__name__} checkpoint (it does not "
              "run in batches)", file=sys.stderr)


def open_predictor(checkpoint: str | Path, batch_size: int | None = None, precision: str = "fp32"
                   ) -> tuple[Task, Predictor]:
    folder, meta = read_meta(checkpoint)
    task = checkpoint_task(folder, meta)
    predictor = load(folder, precision=precision)
    if batch_size:
        set_batch_size(predictor, batch_size)
    return task, predictor


_worker_predictor: Predictor | None = None


class WorkerDied(DiploError):
    """A ``--workers`` process ended without its chunk: the rows written before it are kept for ``--resume``."""


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this process when its parent dies (Linux), so a killed ``predict`` (``kill -9``, the
    out-of-memory killer) leaves no workers holding a model in memory; elsewhere nothing is done."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call: nothing would tell us now
        os._exit(1)


def _init_worker(checkpoint: str, batch_size: int | None, precision: str, threads: int, parent: int) -> None:
    import torch

    global _worker_predictor
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the main process ends the run
    quiet_libraries()  # a spawned process starts with the libraries' defaults
    torch.set_num_threads(threads)
    _, _worker_predictor = open_predictor(checkpoint, batch_size, precision)


def _worker_chunk(batch: list[Unit]) -> list[dict[str, Any]]:
    assert _worker_predictor is not None
    return predict_units(_worker_predictor, batch)


def _in_workers(checkpoint: str | Path, batches: Iterator[list[Unit]], workers: int, batch_size: int | None,
                precision: str) -> Iterator[list[dict[str, Any]]]:
    """Chunks predicted by ``workers`` processes, yielded in input order; at most 2 chunks per worker in flight."""
    threads = max(1, (os.cpu_count() or 1) // workers)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_worker,
                             initargs=(str(checkpoint), batch_size, precision, threads, os.getpid())) as pool:
        pending: deque[Future] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_worker_chunk, batch))
                while len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerDied("a --workers process died (killed, or out of memory?)") from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # on an interruption, only the chunks already running


def predict_stream(checkpoint: str | Path, inputs: list[str], batch_size: int | None = None, precision: str = "fp32",
                   workers: int = 1, chunk: int = DEFAULT_CHUNK, skip: int = 0, last_key: str | None = None,
                   progress: bool = False) -> Iterator[list[dict[str, Any]]]:
    """Rows of ``inputs`` chunk by chunk, after skipping the first ``skip`` units (whose last key must be
    ``last_key``: the inputs must be those the partial output came from)."""
    check_inputs(inputs)
    folder, meta = read_meta(checkpoint)
    task = checkpoint_task(folder, meta)
    units = read_units(inputs, task, reads_previous(meta))
    if note := prediction_note(meta):
        print(note, file=sys.stderr)
    if skip:
        seen = list(islice(units, skip))
        if len(seen) < skip or row_key(seen[-1]) != last_key:
            raise DiploError(f"the partial output has {skip} rows that do not match these inputs (its last row "
                             f"came from {describe_key(last_key)}); resume with the same checkpoint and inputs")
    total = count_jsonl_rows(inputs) if progress else None
    bar = tqdm(total=total, initial=skip, unit="row", desc="predicting", disable=not progress, file=sys.stderr,
               dynamic_ncols=True)
    batches = chunks(units, chunk)
    if workers > 1:
        results = _in_workers(folder, batches, workers, batch_size, precision)
    else:
        _, predictor = open_predictor(folder, batch_size, precision)
        results = (predict_units(predictor, batch) for batch in batches)
    foreign, first, furniture, first_furniture = 0, None, 0, None
    try:
        for rows in results:
            bar.update(len(rows))
            for row in rows:
                if NOT_ENGLISH in (row.get("note") or ""):
                    foreign, first = foreign + 1, first or row_key(row)
                if FURNITURE_NOTE in (row.get("note") or ""):
                    furniture, first_furniture = furniture + 1, first_furniture or row_key(row)
            yield rows
    finally:
        bar.close()
    if foreign:
        print(not_english_warning(foreign, "row", describe_key(first), "each such row carries a 'note'"),
              file=sys.stderr)
    if furniture:
        print(f"warning: {furniture} row{'s' if furniture > 1 else ''} look{'' if furniture > 1 else 's'} like page "
              f"furniture, not article text (photo captions, bylines, links; first: {describe_key(first_furniture)});"
              " each is read as given and carries a 'note'", file=sys.stderr)


def predict_files(checkpoint: str | Path, inputs: list[str], batch_size: int | None = None,
                  precision: str = "fp32", chunk: int = DEFAULT_CHUNK) -> Iterator[dict[str, Any]]:
    """Predict over ``inputs`` (files or ``-``); yields one row per unit."""
    for rows in predict_stream(checkpoint, inputs, batch_size, precision, chunk=chunk):
        yield from rows


def predict_to_file(checkpoint: str | Path, inputs: list[str], output: str | Path, resume: bool = False,
                    batch_size: int | None = None, precision: str = "fp32", workers: int = 1,
                    chunk: int = DEFAULT_CHUNK, progress: bool = False, overwrite: bool = False) -> tuple[int, int]:
    """Write every row to ``output`` (through ``output.partial``); return (rows written now, rows resumed)."""
    check_inputs(inputs)  # bad inputs or checkpoint: refused before an output file exists
    read_meta(checkpoint)
    out = Output(Path(output), resume, overwrite, [i for i in inputs if i != STDIN], model_folders(checkpoint))
    if resume and STDIN in inputs and out.partial.exists():
        raise DiploError(f"{out.partial}: standard input (-) cannot be resumed, its rows cannot be checked against "
                         f"the input; save the input to a file and predict from that, or delete {out.partial} to "
                         "start over")
    out.check()
    out.origin = run_origin(checkpoint, inputs, precision)
    handle, done, last = out.open()
    written = 0
    try:
        for rows in predict_stream(checkpoint, inputs, batch_size, precision, workers, chunk, done, last, progress):
            if not written:  # the rows so far match these inputs (checked above and by predict_stream): record them
                out.record()
            handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
            handle.flush()
            os.fsync(handle.fileno())
            written += len(rows)
            last = row_key(rows[-1])
    except BaseException as exc:
        handle.close()
        if not done and not written:  # an error or a signal before any row: nothing to resume, nothing left behind
            out.partial.unlink(missing_ok=True)
            out.record_path.unlink(missing_ok=True)
        elif isinstance(exc, WorkerDied):
            raise WorkerDied(f"{exc}: {done + written} rows are kept in {out.partial}; run the same command with "
                             "--resume to go on (with fewer --workers if memory ran out)") from None
        elif isinstance(exc, DataError):  # a bad input line: the rows before it are worth keeping
            raise DataError(f"{exc} ({done + written} rows before it are kept in {out.partial}: "
                            f"{after_bad_line(out, inputs, last)})") from None
        raise
    out.finish(handle)
    return written, done
