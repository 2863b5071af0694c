"""Errors that the CLI reports as one line, without a traceback."""


class DiploError(Exception):
    """A user-facing error: bad input, missing file, missing package, wrong checkpoint."""


class DataError(DiploError):
    """Invalid data; the message names the file and line."""


class NoTextError(DataError):
    """A readable document with no text in it (empty, or nothing but page noise)."""


def first_line(exc: BaseException) -> str:
    """An exception's message cut to one line (its type name when it has no message), for one-line errors."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
