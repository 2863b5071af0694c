"""SIGINT and SIGTERM end a run the same way: ``interrupted``, with its last checkpoint saved, ready for `resume`.

While a Trainer is training, the first signal asks it to save a checkpoint at the end of the current step and
stop; :class:`RunInterrupted` is raised once it has. Outside training (data loading, prediction) the signal
interrupts at once. A second signal always interrupts at once.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


class RunInterrupted(KeyboardInterrupt):
    """A run stopped by a signal (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return EXIT_CODES.get(self.signum, 1)


class _State:
    training = False
    requested: int | None = None
    raised: int | None = None  # a signal raised outside training, in case a library swallowed the exception


_state = _State()


def _handler(signum: int, frame: Any) -> None:
    if _state.training and _state.requested is None:
        _state.requested = signum  # the Trainer saves and stops at the end of this step
        return
    _state.raised = signum
    raise RunInterrupted(signum)


def raise_if_interrupted() -> None:
    """Raise :class:`RunInterrupted` for a signal whose exception was swallowed (``datasets`` hashing a function
    catches everything), so that a run never carries on past a Ctrl-C."""
    if _state.raised is not None:
        signum, _state.raised = _state.raised, None
        raise RunInterrupted(signum)


def install_early() -> None:
    """From the first line of the command line tool: a signal while libraries load is remembered even when an
    import swallows its exception, so the command stops where it next checks (:func:`raise_if_interrupted`)."""
    if threading.current_thread() is threading.main_thread():
        for sig in SIGNALS:
            signal.signal(sig, _handler)


def _terminate(signum: int, frame: Any) -> None:
    raise RunInterrupted(signum)


def end_early() -> None:
    """Once libraries have loaded: raise for a signal that came meanwhile, and from now on let SIGINT and SIGTERM
    alike raise where the command is (``KeyboardInterrupt``, so its clean-up runs and it says "interrupted"; a
    command with its own handling, as train and predict, installs it with :func:`signals_interrupt`)."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is _handler:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _terminate)
    raise_if_interrupted()


def take_back_signals() -> None:
    """After a library replaced the handlers (Ray's driver aborts on SIGTERM with a C stack dump): SIGINT and
    SIGTERM raise :class:`RunInterrupted` where the command is, as Ctrl-C does."""
    if threading.current_thread() is threading.main_thread():
        for sig in SIGNALS:
            signal.signal(sig, _terminate)


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`RunInterrupted` (gracefully during training); a signal
    that came before the block and was swallowed raises at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raise_if_interrupted()
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, _handler)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _state.training, _state.requested, _state.raised = False, None, None


@contextlib.contextmanager
def training() -> Iterator[None]:
    """Mark a Trainer run: a signal now asks it to stop; after it has, raise :class:`RunInterrupted`."""
    raise_if_interrupted()
    _state.training, _state.requested = True, None
    try:
        yield
    finally:
        _state.training = False
    if _state.requested is not None:
        signum, _state.requested = _state.requested, None
        raise RunInterrupted(signum)


def at_epoch_end(epoch: float | None) -> bool:
    """True when the Trainer's fractional ``state.epoch`` stands exactly at the end of an epoch."""
    return float(epoch or 0.0) == int(epoch or 0.0)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive inside the block take effect when it ends (for a few renames that belong
    together), through whatever handler was there before; outside the main thread, where Python cannot set
    handlers, and for a handler set outside Python, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    before = {sig: handler for sig in SIGNALS if (handler := signal.getsignal(sig)) is not None}
    for sig in before:
        signal.signal(sig, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])
