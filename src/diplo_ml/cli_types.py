"""Range-checked argparse types: a bad value is a one-line usage error before any work starts."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def bounded(kind: type, minimum: float, maximum: float | None = None) -> Callable[[str], float]:
    """An argparse type: a (finite) ``kind`` (int or float) in [``minimum``, ``maximum``], with a one-line error
    otherwise."""
    noun = "a whole number" if kind is int else "a number"
    wanted = f"{noun} >= {minimum:g}" if maximum is None else f"{noun} from {minimum:g} to {maximum:g}"

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {wanted} (got {text!r})") from None
        if not math.isfinite(value) or value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(f"must be {wanted} (got {text})")
        return value
    return parse


count = bounded(int, 1)
non_negative = bounded(int, 0)
port = bounded(int, 1, 65535)
non_negative_float = bounded(float, 0.0)
share = bounded(float, 0.0, 1.0)


def file_path(text: str) -> str:
    """An argparse type for ``-o``: a path that is not empty (``-o ""`` would otherwise mean "no -o" and print to
    standard output, or write into the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: give a path")
    return text
