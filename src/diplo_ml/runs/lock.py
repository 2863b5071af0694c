"""One writer per run folder: an exclusive lock held for the life of a run (or a resume).

The lock is an OS file lock (``filelock``) on ``RUN/.lock``; the kernel drops it when its process dies, so a lock
left by a killed run is never an obstacle. Who holds it (pid, host, start time, command) is written to
``RUN/.lock.json`` so a second writer gets a one-line error naming the holder.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json

LOCK = ".lock"
HOLDER = ".lock.json"
_held: dict[Path, tuple[FileLock, int]] = {}  # locks this process holds, re-entrant per folder


def _holder(run_dir: Path) -> dict[str, Any]:
    """Who holds a lock: this process, its machine, since when, its command and the folder it holds."""
    return {"pid": os.getpid(), "host": socket.gethostname(), "process_start": _process_start(os.getpid()),
            "started": datetime.now(UTC).isoformat(timespec="seconds"), "command": " ".join(sys.argv)[:300],
            "folder": str(run_dir)}


def _describe(text: str) -> str:
    """A holder record (JSON text) as "pid P on HOST since WHEN (COMMAND)"; "another process" when unreadable."""
    import json

    try:
        info = json.loads(text)
        return (f"pid {info['pid']} on {info['host']} since {info['started']} "
                f"({info.get('command', '?')})")
    except (ValueError, KeyError, TypeError):
        return "another process"


def _holder_text(run_dir: Path) -> str:
    try:
        return _describe((run_dir / HOLDER).read_text())
    except OSError:
        return "another process"


def _process_start(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), None where that cannot be read: with the pid
    it names one process, as a pid reused later starts at another time."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[19]  # field 22; the command name before ")" may hold spaces


def _live_holder(run_dir: Path) -> str | None:
    """The holder named in ``.lock.json`` when it is another process of this machine still running and holding this
    folder (a killed run leaves the record behind; a copied folder carries its original's), else None."""
    import json

    try:
        text = (run_dir / HOLDER).read_text()
        info = json.loads(text)
        pid, host, started = int(info["pid"]), info["host"], info["process_start"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid() or host != socket.gethostname() or started is None or _process_start(pid) != started:
        return None
    if info.get("folder") not in (None, str(run_dir)):  # a copy of a live run's folder: its holder holds the original
        return None
    return _describe(text)


def refuse_if_held(run_dir: Path) -> None:
    """The in-use error when another live process holds ``run_dir`` (checked before other advice about the folder,
    which could not be followed while it runs)."""
    if (holder := _live_holder(Path(run_dir).resolve())) is not None:
        raise DiploError(f"{run_dir} is in use by {holder}; wait for it to end or pick another folder")


class RunLock:
    """``with RunLock(run_dir):`` - exclusive for the block; a second process gets a DiploError at once."""

    def __init__(self, run_dir: str | Path) -> None:
        self.run_dir = Path(run_dir).resolve()

    def __enter__(self) -> RunLock:
        held = _held.get(self.run_dir)
        if held is not None:
            _held[self.run_dir] = (held[0], held[1] + 1)
            return self
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DiploError(f"{self.run_dir}: cannot create the run folder ({exc.strerror})") from None
        lock = FileLock(str(self.run_dir / LOCK), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise DiploError(f"{self.run_dir} is in use by {_holder_text(self.run_dir)}; wait for it to end or pick "
                             "another folder") from None
        if (holder := _live_holder(self.run_dir)) is not None:  # its .lock was deleted under it: ours is another file
            lock.release()
            raise DiploError(f"{self.run_dir} is in use by {holder} (its {LOCK} file was removed while it ran); wait "
                             "for it to end or pick another folder")
        _held[self.run_dir] = (lock, 1)
        atomic_write_json(self.run_dir / HOLDER, _holder(self.run_dir))
        return self

    def __exit__(self, *exc: Any) -> None:
        lock, count = _held[self.run_dir]
        if count > 1:
            _held[self.run_dir] = (lock, count - 1)
            return
        del _held[self.run_dir]
        try:
            (self.run_dir / HOLDER).unlink(missing_ok=True)
        finally:
            lock.release()


def is_locked(run_dir: str | Path) -> bool:
    """True while another process holds the run folder's lock."""
    run_dir = Path(run_dir).resolve()
    if run_dir in _held or not (run_dir / LOCK).exists():
        return False
    lock = FileLock(str(run_dir / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    lock.release()
    return False


class OutputLock:
    """``with OutputLock(path):`` - one writer per output file (``predict -o``): an OS lock on ``.NAME.lock`` beside
    it, naming its holder, removed when the block ends. A second writer gets a DiploError at once. Nothing is locked
    where the folder does not exist or cannot be written (the writer's own checks refuse those)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        self.lock_path = self.path.parent / f".{self.path.name}.lock"
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        import fcntl
        import json

        if not self.path.name or not self.path.parent.is_dir():  # "/": the writer's own checks refuse it
            return self
        while True:
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:  # a folder that cannot be written: the writer's own checks say so
                return self
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                who = _describe(os.read(fd, 2000).decode("utf-8", "replace"))
                os.close(fd)
                raise DiploError(f"{self.path} is being written by {who}; wait for it to end, or write to another "
                                 "file") from None
            try:  # its last holder may have removed the file between our open and our lock: lock the new one
                same = os.stat(self.lock_path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(_holder(self.path)).encode())
        self.fd = fd
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.fd is None:
            return
        try:
            self.lock_path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)
            self.fd = None
