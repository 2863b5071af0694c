"""What a task hands its model: one split as inputs, targets and the records they came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Examples:
    """One split of a task's data.

    ``inputs`` are the texts a model reads; ``targets`` what it should predict (a multi-hot matrix for tagging,
    reference strings for summarisation); ``records`` the validated JSONL records (ids, sources, extra fields);
    ``context`` an optional second text per input (a headline or the previous paragraph).
    """

    inputs: list[str]
    targets: Any
    records: list[dict[str, Any]] = field(default_factory=list)
    context: list[str | None] | None = None

    def __len__(self) -> int:
        return len(self.inputs)

    def select(self, indices: Sequence[int]) -> Examples:
        idx = list(indices)
        targets = self.targets[idx] if isinstance(self.targets, np.ndarray) else [self.targets[i] for i in idx]
        return Examples([self.inputs[i] for i in idx], targets, [self.records[i] for i in idx] if self.records else [],
                        [self.context[i] for i in idx] if self.context is not None else None)

    def sources(self) -> list[str | None]:
        return [r.get("source") for r in self.records] if self.records else [None] * len(self.inputs)
