"""Deterministic train/dev/test splits grouped by document."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any


def split_of(group: str, dev: float, test: float, seed: int = 0) -> str:
    """Assign a group (document id) to a split from a stable hash: the same id always lands in the same split."""
    digest = hashlib.sha256(f"{seed}:{group}".encode()).hexdigest()
    u = int(digest[:12], 16) / float(1 << 48)
    if u < test:
        return "test"
    if u < test + dev:
        return "dev"
    return "train"


def grouped_split(records: list[dict[str, Any]], group_field: str, fractions: Mapping[str, float],
                  seed: int = 0) -> dict[str, list[dict[str, Any]]]:
    """Split records so that no group spans two splits."""
    out: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    dev, test = float(fractions.get("dev", 0.15)), float(fractions.get("test", 0.15))
    for record in records:
        out[split_of(str(record[group_field]), dev, test, seed)].append(record)
    return out
