"""Range-checked argparse types: a bad value is a one-line usage error before any work starts."""

from __future__ import annotations

import argparse
import math


def whole_number(minimum: int, maximum: int | None = None):
    """An argparse type: a whole number in [``minimum``, ``maximum``], with a one-line error otherwise."""
    wanted = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number {wanted} (got {text!r})") from None
        if value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(f"must be a whole number {wanted} (got {value})")
        return value
    return parse


count = whole_number(1)
non_negative = whole_number(0)
port = whole_number(1, 65535)


def bounded_float(minimum: float, maximum: float | None = None):
    """An argparse type: a finite number in [``minimum``, ``maximum``]."""
    wanted = f">= {minimum:g}" if maximum is None else f"from {minimum:g} to {maximum:g}"

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number {wanted} (got {text!r})") from None
        if not math.isfinite(value) or value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(f"must be a number {wanted} (got {text})")
        return value
    return parse


non_negative_float = bounded_float(0.0)
share = bounded_float(0.0, 1.0)
