"""`diplo-ml predict`: run a checkpoint over raw articles, JSONL files or standard input, at any size.

Inputs are read lazily and predicted a chunk at a time, so memory is bounded by the chunk, not the input. Every
output row carries the input's ``id`` (its line number when it has none), its ``source`` and its ``line`` (JSONL)
or ``paragraph_index`` (articles). With ``-o OUT`` rows go to ``OUT.partial`` (flushed after every chunk), which is
renamed to ``OUT`` once every input is done; after a crash or a signal, ``--resume`` continues ``OUT.partial``
exactly once: no row lost, none written twice. ``OUT.partial.json`` records what wrote the partial (checkpoint,
precision, inputs), so a resume with another checkpoint or edited inputs is refused. ``--workers N`` predicts chunks
in N processes, in input order.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any

from tqdm.auto import tqdm

from diplo_ml import quiet_libraries
from diplo_ml.checkpoint import checkpoint_task, load, read_meta
from diplo_ml.data.datelines import without_wire_dateline
from diplo_ml.data.examples import PREVIOUS_FIELDS, PreviousParagraph
from diplo_ml.data.ingest import SUFFIXES, doc_ids, ingest_document, ingest_path, written_by_diplo
from diplo_ml.data.io import iter_jsonl, parse_jsonl_lines
from diplo_ml.data.language import NOT_ENGLISH, add_language_note, not_english_warning
from diplo_ml.data.page_noise import FURNITURE_NOTE, furniture_note
from diplo_ml.data.page_text import decode_text, html_to_text, looks_like_html
from diplo_ml.errors import DataError, DiploError, NoTextError
from diplo_ml.files import atomic_write_json, check_output_file, model_folders, not_a_file, rename_if_free
from diplo_ml.predict_record import STDIN, check_origin, cut_at, read_record, run_origin
from diplo_ml.tasks.base import Predictor, Task

Unit = dict[str, Any]  # one thing to predict: "_text" (and "_context") plus the fields its output row carries
DEFAULT_CHUNK = 256    # units predicted per call


# inputs ------------------------------------------------------------------------------------------------------------
def reads_previous(meta: dict[str, Any]) -> bool:
    """Whether a checkpoint's model (or its ensemble's member) reads the previous paragraph (model.context)."""
    model = meta.get("model") if isinstance(meta.get("model"), dict) else {}
    member = model.get("member") if isinstance(model.get("member"), dict) else {}
    return "previous" in (model.get("context"), member.get("context"))


def without_previous_note(where: str) -> str:
    return (f"note: this model reads each paragraph's previous paragraph (model.context=previous), but {where} has "
            "no 'previous' field and no 'doc_id': such rows are tagged without it (give 'previous', or 'doc_id' "
            "with the article's paragraphs in order)")


def _jsonl_units(records: Iterable[tuple[int, dict[str, Any]]], label: str, echo_text: bool,
                 on_no_previous: Callable[[str], None] | None = None) -> Iterator[Unit]:
    """Units of JSONL rows; each row's previous paragraph by :class:`PreviousParagraph`'s rule (as in training);
    ``on_no_previous`` is told of each row that has neither a previous paragraph field nor a doc_id."""
    count = 0
    previous_of = PreviousParagraph()
    for number, record in records:
        text = record.get("text")
        for key in ("text", "headline", "title", *PREVIOUS_FIELDS):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise DataError(f"{label}:{number}: '{key}' must be a string, not {type(record[key]).__name__}")
        if not text or not text.strip():
            raise DataError(f"{label}:{number}: missing or empty 'text'")
        text = html_to_text(text) if looks_like_html(text) else text
        if not text.strip():
            raise DataError(f"{label}:{number}: 'text' holds markup and no text")
        previous = previous_of(record, text)
        note = furniture_note(text)
        if on_no_previous and PreviousParagraph.own(record) is None and record.get("doc_id") is None:
            on_no_previous(f"{label}:{number}")
        headline = next((record[k] for k in ("headline", "title") if record.get(k) and record[k].strip()), None)
        rid = record.get("id")
        if isinstance(rid, float) and not math.isfinite(rid):  # JSON's NaN/Infinity: written back, not JSON
            raise DataError(f"{label}:{number}: 'id' must be a string or a finite number, not {rid}")
        yield {"id": rid if rid is not None else number, "source": label, "line": number,
               **({"text": text} if echo_text else {}), **({"note": note} if note else {}),
               "_text": without_wire_dateline(text),  # as the tagger trained: ingestion cut the lead's dateline
               "_context": {"headline": headline, "previous": previous}}
        count += 1
    if not count:
        raise DataError(f"{label}: no records")


def _article_units(task: Task, article: Any) -> Iterator[Unit]:
    for unit in task.article_units(article):
        fields = {k: v for k, v in unit.items() if k not in ("text", "context")}
        yield {**fields, **({"text": unit["text"]} if task.echo_text else {}), "_text": unit["text"],
               "_context": unit.get("context")}


def expand_folders(inputs: list[str], output: str | None = None) -> list[str]:
    """``inputs`` with each folder replaced by the JSONL and article files in it (sorted, its subfolders too; the
    other files are named in one note); files and ``-`` as given. An output inside a folder given is refused: the
    next run would read it as an input."""
    from diplo_ml.data.ingest import expand_inputs

    folders = [Path(i) for i in inputs if i != STDIN and Path(i).is_dir()]
    if not folders:
        return inputs
    if output:
        out = Path(output).resolve()
        for folder in folders:
            if out.is_relative_to(folder.resolve()):
                raise DataError(f"{output}: inside the input folder {folder}; the next run would read it as an "
                                "input: write it elsewhere")
    expanded: list[str] = []
    for item in inputs:
        is_folder = item != STDIN and Path(item).is_dir()
        expanded += [str(p) for p in expand_inputs([item], (".jsonl", *SUFFIXES))] if is_folder else [item]
    return expanded


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise DataError(f"{path}: is a folder; give its files (the command line's `predict` reads folders)")
    if not path.is_file():
        raise DataError(not_a_file(path))
    if path.suffix.lower() != ".jsonl" and path.suffix.lower() not in SUFFIXES:
        raise DataError(f"{path}: unsupported input type (use .jsonl, {', '.join(SUFFIXES)} or -)")


def check_inputs(inputs: list[str]) -> None:
    """Every input exists and is of a known type, before any work starts."""
    if inputs.count("-") > 1:
        raise DataError("- (standard input) is given more than once; it can be read only once")
    for item in inputs:
        if item != "-":
            _check_path(Path(item))


def _looks_like_jsonl(text: str) -> bool:
    """Standard input is JSONL when its first non-blank line opens as a JSON object does (`{"`, `{}`, a lone `{` or
    `{'`; one that is not a JSONL line is then named by the JSONL reader); a page that merely opens with "{" and a
    word, as "{Photo: VNA}", is an article."""
    first = next(line for line in text.split("\n") if line.strip()).strip()
    return re.match(r"\{\s*([\"'}]|$)", first) is not None


def read_units(inputs: list[str], task: Task, previous: bool = False) -> Iterator[Unit]:
    """Units of every input, in order; article units come from the task (paragraphs, or the whole article). With
    ``previous`` (the model reads the previous paragraph), JSONL rows that give it no way to find one are noted once."""
    check_inputs(inputs)
    noted: list[str] = []

    def note_once(where: str) -> None:
        if not noted:
            noted.append(where)
            print(without_previous_note(where), file=sys.stderr)

    on_no_previous = note_once if previous else None
    left_out: list[str] = []  # article pages with no readable text; among several inputs they are noted, not fatal
    given = 0
    pages = [Path(i) for i in inputs if i != STDIN and Path(i).suffix.lower() != ".jsonl"]
    articles = [p for p in pages if not written_by_diplo(p)]  # ids as ingest and brief give them (they skip these)
    page_ids = iter(doc_ids(articles))
    for item in inputs:
        if item == "-":
            stream = getattr(sys.stdin, "buffer", None)  # bytes, so that other encodings are refused
            text = decode_text(stream.read(), "<stdin>") if stream is not None else sys.stdin.read()
            if not text.strip():
                raise DataError("<stdin>: empty input")
            if _looks_like_jsonl(text):
                yield from _jsonl_units(parse_jsonl_lines(text.split("\n"), "<stdin>"), "<stdin>", task.echo_text,
                                        on_no_previous)
            else:
                yield from _article_units(task, ingest_document(text, "stdin", "<stdin>"))
            given += 1
            continue
        path = Path(item)
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_units(iter_jsonl(path), str(path), task.echo_text, on_no_previous)
            given += 1
            continue
        try:
            if written_by_diplo(path):
                raise NoTextError(f"{path}: a page diplo-ml wrote (a brief or report), not a news article")
            article = ingest_path(path, next(page_ids))
        except NoTextError as error:  # (a page in another encoding, or a binary file, is an error: it can be mended)
            if len(inputs) == 1:
                raise
            left_out.append(str(error))
            continue
        yield from _article_units(task, article)
        given += 1
    if left_out and not given:
        raise DataError(f"no input had text to predict on (first: {left_out[0]})")
    if left_out:
        print(f"warning: {len(left_out)} of {len(inputs)} inputs left out, they hold no text "
              f"(first: {left_out[0]})", file=sys.stderr)


def count_jsonl_rows(inputs: list[str]) -> int | None:
    """Rows the inputs will give when they are all JSONL files (for the progress bar's ETA), else None."""
    if not inputs or any(i == "-" or not i.lower().endswith(".jsonl") for i in inputs):
        return None
    total = 0
    for item in inputs:
        with open(item, "rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def row_key(row: dict[str, Any]) -> str:
    """What identifies a row across runs: its source and line (JSONL) or paragraph index (articles)."""
    return json.dumps([row.get("source"), row.get("line"), row.get("paragraph_index"), row.get("doc")])


def describe_key(key: str | None) -> str:
    """A :func:`row_key` in words: "line 7 of a.jsonl", "paragraph 3 of page.txt"."""
    source, line, paragraph, _ = json.loads(key) if key else (None, None, None, None)
    where = f"line {line}" if line is not None else f"paragraph {paragraph}" if paragraph is not None else "a row"
    return f"{where} of {source}"


# predicting --------------------------------------------------------------------------------------------------------
def unit_context(batch: list[Unit]) -> dict[str, list[str | None]] | None:
    """The context texts of a batch by kind (headline, previous paragraph), None when it has none."""
    kinds = sorted({k for u in batch for k, v in (u.get("_context") or {}).items() if v})
    return {k: [(u.get("_context") or {}).get(k) for u in batch] for k in kinds} or None


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


def _init_worker(checkpoint: str, batch_size: int | None, precision: str, threads: int) -> None:
    import torch

    global _worker_predictor
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
                             initargs=(str(checkpoint), batch_size, precision, threads)) as pool:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(_worker_chunk, batch))
            while len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# output ------------------------------------------------------------------------------------------------------------
@dataclass
class Output:
    """Rows written to ``OUT.partial`` and renamed to ``OUT`` at the end; ``resume`` continues a partial file. Neither
    may be one of ``inputs`` nor lie inside a ``protected`` folder (the checkpoint and its run). ``origin``
    (:func:`run_origin`) is recorded in ``OUT.partial.json`` before the first row and checked on resume."""

    path: Path
    resume: bool = False
    overwrite: bool = False
    inputs: Sequence[str | Path] = ()
    protected: Sequence[str | Path] = ()
    origin: dict[str, Any] | None = None
    trusted: bool = field(default=False, init=False)  # its rows are known to come from ``origin``: checked or recorded
    replaces: list[int] | None = field(default=None, init=False)  # the OUT it was started to replace (--overwrite)

    @property
    def partial(self) -> Path:
        return self.path.with_name(self.path.name + ".partial")

    @property
    def record_path(self) -> Path:
        return self.path.with_name(self.path.name + ".partial.json")

    def check(self) -> None:
        """The output paths and flags, before any work (hashing the inputs for the record included)."""
        for path in (self.path, self.partial, self.record_path):
            check_output_file(path, self.inputs, self.protected)
        if self.partial.exists() and not self.resume:
            raise DiploError(f"{self.partial} holds an interrupted output: add --resume to continue it, or delete it")
        if self.path.exists() and not self.overwrite and not (self.resume and self.partial.exists()):
            raise DiploError(f"{self.path} exists: add --overwrite to replace it")

    def open(self) -> tuple[IO[str], int, str | None]:
        """(handle, rows already written, key of the last one), once :meth:`check` has passed."""
        if not self.resume or not self.partial.exists():
            self.record_path.unlink(missing_ok=True)  # left by a partial deleted to start over
            self.replaces = file_signature(self.path) if self.overwrite else None
            try:
                handle = open(self.partial, "w", encoding="utf-8")
            except OSError as exc:
                raise DiploError(f"{self.partial}: cannot write ({exc.strerror})") from None
            return handle, 0, None
        recorded = read_record(self.record_path)
        if recorded is not None and self.origin is not None:
            check_origin(recorded, self.origin, self.partial)  # before anything in the partial is touched
            self.trusted = True
        saved = (recorded or {}).get("replaces")
        self.replaces = saved if isinstance(saved, list) else None
        if not self.overwrite and self.path.exists() and file_signature(self.path) != self.replaces:
            raise DiploError(f"{self.path} exists and is not the file this output was started to replace (it was "
                             "written since): add --overwrite to replace it, or move it away")
        done, last = self._complete_rows()
        if recorded is None and done:
            # A partial with no record was written before records existed (or its record was deleted). Refusing would
            # throw away rows that are most likely right (the user is re-running the command that made them), so it
            # resumes with the check it was written under, the key of its last row, and says so.
            print(f"note: {self.partial} has no {self.record_path.name} (written by an older diplo-ml): only its last "
                  "row is checked against these inputs, not the checkpoint or the inputs' contents", file=sys.stderr)
        return open(self.partial, "a", encoding="utf-8"), done, last

    def _complete_rows(self) -> tuple[int, str | None]:
        """Rows of the partial file up to its last full line (a torn last line is cut off)."""
        done, last, keep = 0, None, 0
        with open(self.partial, "rb") as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    break
                last = row_key(self._row(line, done + 1))
                done += 1
                keep += len(line)
        with open(self.partial, "r+b") as handle:
            handle.truncate(keep)
        return done, last

    def _row(self, line: bytes, number: int) -> dict[str, Any]:
        """One full line of the partial file as the row predict wrote; anything else is a one-line error."""
        try:
            row = json.loads(line)
        except ValueError:
            raise DiploError(f"{self.partial}:{number}: not a JSON row; cannot resume from it") from None
        if not isinstance(row, dict):
            raise DiploError(f"{self.partial}:{number}: a JSON {type(row).__name__}, not a row (an object); cannot "
                             "resume from it")
        if not isinstance(row.get("source"), str):
            raise DiploError(f"{self.partial}:{number}: a row with no 'source' (not one predict wrote); cannot resume "
                             "from it")
        return row

    def record(self, cut: dict[str, Any] | None = None) -> None:
        """Write (atomically) what produces this partial output, and where a bad input line stopped it."""
        if self.origin is not None:
            atomic_write_json(self.record_path, {**self.origin, **({"cut": cut} if cut else {}),
                                                 "replaces": self.replaces})
            self.trusted = True

    def finish(self, handle: IO[str]) -> None:
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        if self.overwrite or (self.replaces is not None and file_signature(self.path) == self.replaces):
            os.replace(self.partial, self.path)  # --overwrite, now or when this output was started
        elif not rename_if_free(self.partial, self.path):  # another command wrote OUT meanwhile
            raise DiploError(f"{self.path} was written by another command while this one ran; it is kept, and every "
                             f"row of this one is in {self.partial}: move that file in its place, or delete it and run "
                             "again with --overwrite")
        self.record_path.unlink(missing_ok=True)


def file_signature(path: Path) -> list[int] | None:
    """Size, modification time and inode of a file (None when there is none): tells whether it was written since."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def predict_stream(checkpoint: str | Path, inputs: list[str], batch_size: int | None = None, precision: str = "fp32",
                   workers: int = 1, chunk: int = DEFAULT_CHUNK, skip: int = 0, last_key: str | None = None,
                   progress: bool = False) -> Iterator[list[dict[str, Any]]]:
    """Rows of ``inputs`` chunk by chunk, after skipping the first ``skip`` units (whose last key must be
    ``last_key``: the inputs must be those the partial output came from)."""
    check_inputs(inputs)
    folder, meta = read_meta(checkpoint)
    task = checkpoint_task(folder, meta)
    units = read_units(inputs, task, reads_previous(meta))
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
        elif isinstance(exc, DataError):  # a bad input line: the rows before it are worth keeping
            raise DataError(f"{exc} ({done + written} rows before it are kept in {out.partial}: "
                            f"{_after_bad_line(out, inputs, last)})") from None
        raise
    out.finish(handle)
    return written, done


def _after_bad_line(out: Output, inputs: list[str], last: str | None) -> str:
    """What to do after a bad input line stopped the run; the record notes where, so that the mended input resumes."""
    if STDIN in inputs:
        return "standard input cannot be resumed; save it to a file, mend it and predict from that"
    if out.trusted:
        try:
            out.record(cut_at(inputs, last))
        except (DiploError, OSError):  # the record stays as it was: a mended input is then refused, never misread
            pass
    return "mend the input and run the same command with --resume"
