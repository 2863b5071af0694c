"""Range-checked argparse types: a bad value is a one-line usage error before any work starts."""

from __future__ import annotations

import argparse
import math


def whole_number(minimum: int):
    """An argparse type: a whole number >= ``minimum``, with a one-line error otherwise."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number >= {minimum} (got {text!r})") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be a whole number >= {minimum} (got {value})")
        return value
    return parse


count = whole_number(1)
non_negative = whole_number(0)


def non_negative_float(text: str) -> float:
    """An argparse type: a finite number >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number >= 0 (got {text!r})") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number >= 0 (got {text})")
    return value
