"""Class-balanced sampling of multi-label training rows (the rare-label alternative to loss weighting)."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

import numpy as np
import torch
from torch.utils.data import Sampler

log = logging.getLogger(__name__)


def balanced_weights(y: np.ndarray) -> np.ndarray:
    """A drawing weight per row: the largest ``1 / count`` over its labels ("no label" counts as one).

    Rows of the rarest labels are then drawn about as often as those of the commonest; weights sum to 1.
    """
    present = np.concatenate([y, (y.sum(axis=1) == 0)[:, None]], axis=1).astype(bool)
    inverse = 1.0 / present.sum(axis=0).clip(min=1)
    weights = np.where(present, inverse, 0.0).max(axis=1)
    return weights / weights.sum()


Resumed = tuple[int, list[int] | None]  # from a checkpoint: the epoch it was saved in and that epoch's order
# (None when the epoch had ended: the resumed run starts the next one)


class _EpochSampler(Sampler[int]):
    """Bookkeeping of a sampler whose epochs a resumed run must repeat exactly: the index of the epoch being drawn
    and its order, and where a resumed run starts (the saved epoch again with its order, or the next one)."""

    DRAW = "permutation"  # how an epoch's order is drawn, as the checkpoint's order file notes it

    def __init__(self, lengths: Sequence[int], resumed: Resumed | None) -> None:
        self.lengths = list(lengths)
        self.order: list[int] = []
        self.epoch = -1  # incremented as each epoch begins
        self.carry: list[int] | None = None
        if resumed is not None:  # mid-epoch: that epoch again, with its order; at its end: the next one
            epoch, order = resumed
            self.epoch = epoch if order is None else epoch - 1
            self.carry = order if order is not None and len(order) == len(self.lengths) else None
            if order is not None and self.carry is None:  # a resume reads the same data: the file is not its own
                log.warning("the checkpoint's row order has %d rows, the training split %d: the interrupted "
                            "epoch is drawn afresh, so the resumed run does not repeat it exactly", len(order),
                            len(self.lengths))

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Iterator[int]:
        self.epoch += 1
        fault = self.carry_fault(self.carry) if self.carry is not None else None
        if fault:
            log.warning("the checkpoint's row order %s: the interrupted epoch is drawn afresh, so the resumed run "
                        "does not repeat it exactly", fault)
        self.order = self.carry if self.carry is not None and not fault else self.draw()
        self.carry = None
        return iter(self.order)

    def carry_fault(self, order: list[int]) -> str | None:
        """Why a saved order cannot be this sampler's order of the epoch being drawn, or None."""
        return None if sorted(order) == list(range(len(self.lengths))) else "is not an order of the rows"

    def draw(self) -> list[int]:
        raise NotImplementedError


class BalancedLengthSampler(_EpochSampler):
    """Each epoch a fresh seeded draw of ``len(weights)`` rows with replacement, ordered for little padding.

    Within every stretch of 50 batches the drawn rows are sorted by token count (longest first), the same
    grouping the Trainer's ``group_by_length`` uses, so balancing does not cost CPU time on padding. Epoch ``e``
    is the ``e + 1``-th draw of a generator seeded with ``seed``, so a resumed run draws the epochs it goes on
    with, not the first ones again.
    """

    DRAW = "with replacement"

    def __init__(self, weights: np.ndarray, lengths: Sequence[int], batch_size: int, seed: int,
                 resumed: Resumed | None = None) -> None:
        super().__init__(lengths, resumed)
        self.weights = torch.as_tensor(weights, dtype=torch.double)
        self.batch_size = batch_size
        self.seed = seed

    def draw(self) -> list[int]:
        generator = torch.Generator().manual_seed(self.seed)
        for _ in range(self.epoch + 1):
            drawn = torch.multinomial(self.weights, len(self.lengths), replacement=True, generator=generator)
        rows = drawn.tolist()
        stretch = self.batch_size * 50
        order: list[int] = []
        for start in range(0, len(rows), stretch):
            order.extend(sorted(rows[start:start + stretch], key=lambda i: -self.lengths[i]))
        return order

    def carry_fault(self, order: list[int]) -> str | None:  # the seeded draw of the epoch is the only right one
        return None if order == self.draw() else "is not this run's seeded draw of that epoch"


class ResumableLengthSampler(_EpochSampler):
    """transformers' ``group_by_length`` order: a random permutation from torch's global generator, grouped into
    stretches of similar length. A checkpoint keeps the current epoch's order, because a run resumed in the middle
    of that epoch could not draw it again (the global generator has moved on by then)."""

    def __init__(self, lengths: Sequence[int], batch_size: int, resumed: Resumed | None = None) -> None:
        super().__init__(lengths, resumed)
        self.batch_size = batch_size

    def draw(self) -> list[int]:
        from transformers.trainer_pt_utils import get_length_grouped_indices

        return list(get_length_grouped_indices(self.lengths, self.batch_size))
