"""Errors that the CLI reports as one line, without a traceback."""


class DiploError(Exception):
    """A user-facing error: bad input, missing file, missing package, wrong checkpoint."""


class DataError(DiploError):
    """Invalid data; the message names the file and line."""
