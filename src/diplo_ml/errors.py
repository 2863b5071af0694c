"""Errors that the CLI reports as one line, without a traceback."""

import errno


class DiploError(Exception):
    """A user-facing error: bad input, missing file, missing package, wrong checkpoint."""


class DataError(DiploError):
    """Invalid data; the message names the file and line."""


class EncodingError(DataError):
    """A text file in an encoding other than UTF-8 that it does not declare."""


class NoTextError(DataError):
    """A readable document with no text in it (empty, or nothing but page noise)."""


def disk_full(exc: BaseException) -> bool:
    """A full disk (or quota), as an OSError or as the message of a library that wraps it (safetensors)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "No space left on device" in str(exc) or "Disk quota exceeded" in str(exc)


def first_line(exc: BaseException) -> str:
    """An exception's message cut to one line (its type name when it has no message), for one-line errors."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
