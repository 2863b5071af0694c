"""File helpers used everywhere: one sha256, and writes that never leave a half-written file behind.

Every run file (manifest, metrics, predictions, checkpoint metadata) is written to a temporary file in the same
folder and renamed over the target, so a crash or a kill at any moment leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from diplo_ml.errors import DiploError
from diplo_ml.runs.interrupt import signals_held

_UMASK = os.umask(0o022)  # read once, at import (setting it is process-wide), and put straight back
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give: temporary files and folders are made private, these are not
DIR_MODE = 0o777 & ~_UMASK


def share_as_usual(folder: Path) -> None:
    """Give a folder made private (``mkdtemp``) and the files in it the modes the umask gives, so others on a shared
    disk can read a checkpoint (some writers make their files owner-only)."""
    folder.chmod(DIR_MODE)
    for path in folder.rglob("*"):
        path.chmod(DIR_MODE if path.is_dir() else FILE_MODE)


def check_file_path(path: Path) -> None:
    """``-o PATH`` names a file: not "-" (standard input elsewhere) and not a folder (``.``, ``/``, ``runs/``)."""
    if str(path) == "-":  # read as standard input elsewhere; here it would make a file named "-"
        raise DiploError("-o -: give a file path (predict prints its rows to standard output when -o is left out)")
    if path.is_dir() or not path.name:
        raise DiploError(f"{path}: is a folder; -o takes a file path")
    if path.is_symlink():  # the file is written beside it and renamed over it: the link itself would be replaced
        raise DiploError(f"{path}: is a symbolic link; give the path of the file it names ({path.resolve()})")
    if path.exists() and not path.is_file():  # --overwrite would put a plain file where /dev/null or a pipe was
        raise DiploError(f"{path}: is a device, pipe or socket, not a file; -o writes a file (predict prints its "
                         "rows to standard output when -o is left out)")


def check_output_file(path: Path, inputs: Iterable[str | Path] = (), protected: Iterable[str | Path] = (),
                      overwrite: bool = True) -> None:
    """An output file path a command can write once its work is done: not a folder, in a folder that exists, not
    one of ``inputs`` (files given, or files read from folders given), not inside a ``protected`` folder (a
    checkpoint or run the command reads: :func:`model_folders`), and, unless ``overwrite``, not an existing file."""
    check_file_path(path)
    if not path.parent.is_dir():
        raise DiploError(f"{path}: folder {path.parent} does not exist")
    target = path.resolve()
    for item in map(Path, inputs):
        if item.resolve() == target:
            raise DiploError(f"{path}: is also an input ({item}); write the output to another file")
    for folder in map(Path, protected):
        if target.is_relative_to(folder.resolve()):
            raise DiploError(f"{path}: is inside the checkpoint or run folder {folder}; write the output elsewhere")
    if path.exists() and not overwrite:
        raise DiploError(f"{path} exists: add --overwrite to replace it")
    try:  # a folder this user cannot write in (or /proc, /sys) is said now, not after the work
        fd, probe = tempfile.mkstemp(dir=path.parent, prefix=".diplo-write-check-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DiploError(f"{path}: cannot write in {path.parent} ({exc.strerror})") from None


def check_outside_input_folders(path: str | Path, inputs: Iterable[str | Path], reads: Iterable[str]) -> None:
    """Refuse an output of a kind the command ``reads`` (suffixes) inside a folder given as input: the next run
    over that folder would read it as an input."""
    target = Path(path).resolve()
    if target.suffix.lower() not in set(reads):
        return
    for folder in (Path(i) for i in inputs if str(i) != "-" and Path(i).is_dir()):
        if target.is_relative_to(folder.resolve()):
            raise DiploError(f"{path}: inside the input folder {folder}; the next run would read it as an input: "
                             "write it elsewhere")


def model_folders(*checkpoints: str | Path | None) -> list[Path]:
    """The folders an output must stay out of: each checkpoint (or run folder) given, and the run folder that
    holds a checkpoint (a parent with ``manifest.json``)."""
    folders = []
    for checkpoint in filter(None, checkpoints):
        folder = Path(checkpoint)
        folders.append(folder)
        if (folder.parent / "manifest.json").is_file():
            folders.append(folder.parent)
    return folders


RUN_STATUSES = ("running", "finished", "failed", "interrupted")  # how a run's manifest.json says it stands


def _json_object(path: Path) -> dict[str, Any]:
    """``path`` read as a JSON object; empty when it is missing, unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_run_or_checkpoint(folder: Path) -> bool:
    """``folder`` holds a diplo-ml run (a ``manifest.json`` whose status is a run's) or a checkpoint (a
    ``diplo_ml.json`` naming its task and model); another program's ``manifest.json`` does not count."""
    return _json_object(folder / "manifest.json").get("status") in RUN_STATUSES \
        or {"task", "model"} <= set(_json_object(folder / "diplo_ml.json"))


def owning_folder(path: str | Path, itself: bool = False) -> Path | None:
    """The nearest run or checkpoint folder above ``path`` (or ``path`` itself, with ``itself``); None if none."""
    resolved = Path(path).resolve()
    candidates = [resolved, *resolved.parents] if itself else list(resolved.parents)
    return next((folder for folder in candidates if is_run_or_checkpoint(folder)), None)


def not_a_file(path: Path) -> str:
    """Why ``path`` cannot be read as a file: it is missing, a folder, or a pipe, socket or device."""
    if not path.exists():
        return f"{path}: no such file"
    if path.is_dir():
        return f"{path}: is a folder, not a file"
    return f"{path}: not a regular file (a pipe, socket or device); save what it gives to a file first"


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _temporary_sibling(path: Path) -> tuple[int, str]:
    """A private temporary file beside ``path`` (a one-line error when its folder cannot take one)."""
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError as exc:
        if path.parent.is_dir():  # a folder files cannot be made in (/proc, …)
            raise DiploError(f"{path}: cannot write ({exc.strerror})") from None
        raise DiploError(f"{path}: folder {path.parent} does not exist") from None
    except OSError as exc:
        raise DiploError(f"{path}: cannot write ({exc.strerror})") from None


@contextlib.contextmanager
def _written(path: Path, mode: str, encoding: str | None) -> Iterator[tuple[IO[Any], str]]:
    """Write a temporary sibling of ``path`` to disk (flushed, synced, usual mode); removed on error."""
    fd, tmp = _temporary_sibling(path)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle, tmp
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def rename_if_free(source: str | Path, path: Path) -> bool:
    """Rename ``source`` to ``path`` only while no file has that name (False, and nothing moved, when one has): a
    hard link cannot be made over an existing name, so a file another command wrote there meanwhile is never
    replaced. Where links are not allowed, the name is checked just before the rename (a narrow window)."""
    try:
        os.link(source, path)
    except FileExistsError:
        if os.path.islink(path) and not os.path.exists(path):  # a link to a file not made yet: replaced, as always
            os.replace(source, path)
            return True
        return False
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            return False
        os.replace(source, path)
        return True
    os.unlink(source)
    return True


def _put_new(tmp: str, path: Path) -> None:
    """Rename ``tmp`` to ``path`` where no file is (:func:`rename_if_free`); a file another command wrote there
    meanwhile is kept, and this one's is left as ``PATH.new``, named in the error."""
    if rename_if_free(tmp, path):
        return
    kept, n = path.with_name(path.name + ".new"), 1
    while os.path.lexists(kept):  # an earlier refused output is kept too
        n += 1
        kept = path.with_name(f"{path.name}.new{n}")
    os.replace(tmp, kept)
    raise DiploError(f"{path} was written by another command while this one ran; it is kept, and this command's "
                     f"output is in {kept}: move that file in its place, or run again with --overwrite")


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                replace: bool = True) -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` for writing; on success it replaces ``path`` (unless ``replace`` is
    false: then a file that appeared there meanwhile is kept and this one refused, see :func:`_put_new`), on error
    it is removed."""
    with _written(Path(path), mode, encoding) as (handle, tmp):
        yield handle
    try:
        if replace:
            os.replace(tmp, path)
        else:
            _put_new(tmp, Path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class FileSet:
    """Files that are replaced together: each is written to a temporary sibling, and only when every one is written
    are they renamed into place (signals held), so an error while writing or an interruption leaves all the old
    files or all the new ones, never a mix (a rename that fails, say onto a folder, puts back those already
    replaced).
    Use as ``with files_together() as batch: with batch.open(path) as handle: ...``."""

    def __init__(self) -> None:
        self._pending: dict[Path, str] = {}
        self._new_only: set[Path] = set()  # opened with replace=False: a file found there at the end is not replaced

    @contextlib.contextmanager
    def open(self, path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
             replace: bool = True) -> Iterator[IO[Any]]:
        path = Path(path)
        if path in self._pending:
            raise ValueError(f"{path}: written twice in one set of files")
        with _written(path, mode, encoding) as (handle, tmp):
            yield handle
        self._pending[path] = tmp
        if not replace:
            self._new_only.add(path)

    def sha256(self, path: str | Path) -> str:
        """The sha256 of what ``path`` will hold once the set is replaced."""
        return sha256_file(self._pending[Path(path)])

    def _replace(self) -> None:
        """Rename every new file into place; when one rename fails, put back the files already replaced (from a
        second name each old file was given first) and raise, so the set is all old or all new."""
        done: list[tuple[Path, str | None]] = []
        stranded: set[str] = set()  # saved copies that could not be put back: left beside their file for the user
        with signals_held():
            try:
                for path, tmp in self._pending.items():
                    if path in self._new_only:  # put where no file is, atomically (rename_if_free), or refused
                        if not rename_if_free(tmp, path):
                            raise FileExistsError(errno.EEXIST, "written by another command while this one ran",
                                                  str(path))
                        done.append((path, None))
                        continue
                    done.append((path, _keep_old(path, f"{tmp}.old")))
                    os.replace(tmp, path)
            except OSError as exc:
                for path, old in reversed(done):
                    try:
                        if old:
                            os.replace(old, path)
                        elif not path.is_dir():
                            path.unlink(missing_ok=True)
                    except OSError:
                        stranded.add(str(old))
                if isinstance(exc, FileExistsError) and exc.filename and Path(exc.filename) in self._new_only:
                    raise DiploError(f"{exc.filename} was written by another command while this one ran; it is kept "
                                     "and nothing was replaced: run again with --overwrite") from None
                raise
            finally:
                for _, old in done:
                    if old and old not in stranded:
                        with contextlib.suppress(OSError):
                            os.unlink(old)
            self._pending.clear()

    def _discard(self) -> None:
        for tmp in self._pending.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._pending.clear()


def _keep_old(path: Path, second_name: str) -> str | None:
    """Give the file at ``path`` a second name (a hard link, or a copy where links are not allowed) so it can be put
    back; None when there is no file there."""
    if path.is_symlink():
        os.symlink(os.readlink(path), second_name)
        return second_name
    if not path.is_file():
        return None
    try:
        os.link(path, second_name)
    except OSError:
        try:
            shutil.copy2(path, second_name)
        except OSError:
            Path(second_name).unlink(missing_ok=True)  # no half-made copy left behind
            raise
    return second_name


@contextlib.contextmanager
def files_together() -> Iterator[FileSet]:
    """A :class:`FileSet` whose files replace their targets when the block ends without an error."""
    batch = FileSet()
    try:
        yield batch
        batch._replace()
    finally:
        batch._discard()


def atomic_write_text(path: str | Path, text: str, replace: bool = True) -> Path:
    with atomic_open(path, replace=replace) as handle:
        handle.write(text)
    return Path(path)


def atomic_write_json(path: str | Path, payload: Any, indent: int | None = 2, replace: bool = True) -> Path:
    return atomic_write_text(path, json.dumps(payload, indent=indent, ensure_ascii=False, default=str) + "\n",
                             replace)


def json_fault(exc: RecursionError | ValueError) -> str:
    """What ``json.loads`` raised besides ``JSONDecodeError``, in a few words: "nested too deeply", or the first
    clause of its message ("Exceeds the limit (4300 digits) for integer string conversion")."""
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0].split(":")[0]


class RepeatedKey(ValueError):
    """An object of a JSON text names one key twice (``json.loads`` would keep the last without a word)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def keys_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads`` that refuses a key given twice in one object."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise RepeatedKey(key)
        out[key] = value
    return out


def repeated_key_line(text: str, key: str) -> int:
    """The line of the second ``"key":`` in a JSON text (1 when it cannot be told)."""
    found = [m.start() for m in re.finditer(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:", text)]
    return text.count("\n", 0, found[1]) + 1 if len(found) > 1 else 1


def read_json(path: str | Path, what: str = "file", unique_keys: bool = False,
              error: type[DiploError] = DiploError) -> Any:
    """Parse a JSON file (a UTF-8 BOM allowed); a missing, unreadable or corrupt file is a one-line ``error``
    naming it. With ``unique_keys`` a key given twice in one object is such an error too (else the last one
    wins)."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: missing {what}" if not path.exists() else f"{path}: is not a file ({what})")
    text = ""
    try:
        text = path.read_text(encoding="utf-8-sig")
        return json.loads(text, object_pairs_hook=keys_once if unique_keys else None)
    except RepeatedKey as exc:
        raise error(f"{path}:{repeated_key_line(text, exc.key)}: {exc.key!r} is given twice in this {what}; "
                    "keep one") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}:{exc.lineno}: corrupt {what} ({exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: unreadable {what}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from None
    except OSError as exc:
        raise error(f"{path}: unreadable {what} ({exc})") from None
    except (RecursionError, ValueError) as exc:  # nested too deeply, a number of over 4,300 digits
        raise error(f"{path}: corrupt {what} ({json_fault(exc)})") from None


def read_json_object(path: str | Path, what: str = "file") -> dict[str, Any]:
    """Like :func:`read_json`, and the top level must be an object."""
    data = read_json(path, what)
    if not isinstance(data, dict):
        raise DiploError(f"{path}: corrupt {what} (expected a JSON object, got {type(data).__name__})")
    return data
