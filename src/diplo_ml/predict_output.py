"""Where `diplo-ml predict -o OUT` writes: ``OUT.partial`` (flushed after every chunk), renamed to ``OUT`` once every
input is done, and continued exactly once by ``--resume`` (``OUT.partial.json`` records what wrote it)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json, check_output_file, rename_if_free
from diplo_ml.predict_inputs import row_key
from diplo_ml.predict_record import STDIN, check_origin, cut_at, read_record


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
            why = "it was written since" if recorded is not None and "replaces" in recorded else \
                f"{self.record_path.name} is missing or from an older diplo-ml, which did not note it"
            raise DiploError(f"{self.path} exists and is not known to be the file this output was started to replace "
                             f"({why}): add --overwrite to replace it, or move it away")
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


def after_bad_line(out: Output, inputs: list[str], last: str | None) -> str:
    """What to do after a bad input line stopped the run; the record notes where, so that the mended input resumes."""
    if STDIN in inputs:
        return "standard input cannot be resumed; save it to a file, mend it and predict from that"
    if out.trusted:
        try:
            out.record(cut_at(inputs, last))
        except (DiploError, OSError):  # the record stays as it was: a mended input is then refused, never misread
            pass
    return "mend the input and run the same command with --resume"
