"""Class-balanced sampling of multi-label training rows (the rare-label alternative to loss weighting)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import torch
from torch.utils.data import Sampler


def balanced_weights(y: np.ndarray) -> np.ndarray:
    """A drawing weight per row: the largest ``1 / count`` over its labels ("no label" counts as one).

    Rows of the rarest labels are then drawn about as often as those of the commonest; weights sum to 1.
    """
    present = np.concatenate([y, (y.sum(axis=1) == 0)[:, None]], axis=1).astype(bool)
    inverse = 1.0 / present.sum(axis=0).clip(min=1)
    weights = np.where(present, inverse, 0.0).max(axis=1)
    return weights / weights.sum()


class BalancedLengthSampler(Sampler[int]):
    """Each epoch a fresh seeded draw of ``len(weights)`` rows with replacement, ordered for little padding.

    Within every stretch of 50 batches the drawn rows are sorted by token count (longest first), the same
    grouping the Trainer's ``group_by_length`` uses, so balancing does not cost CPU time on padding.
    """

    def __init__(self, weights: np.ndarray, lengths: Sequence[int], batch_size: int, seed: int) -> None:
        self.weights = torch.as_tensor(weights, dtype=torch.double)
        self.lengths = list(lengths)
        self.batch_size = batch_size
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Iterator[int]:
        drawn = torch.multinomial(self.weights, len(self.lengths), replacement=True, generator=self.generator)
        rows = drawn.tolist()
        stretch = self.batch_size * 50
        order: list[int] = []
        for start in range(0, len(rows), stretch):
            order.extend(sorted(rows[start:start + stretch], key=lambda i: -self.lengths[i]))
        return iter(order)
