"""Length-sorted batches: similar lengths together so dynamic padding wastes little."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Yield lists of indices into ``lengths``, longest first, ``batch_size`` at a time."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    for start in range(0, len(order), batch_size):
        yield order[start : start + batch_size]


def pad_rows(rows: Sequence[dict[str, list[int]]], pad_values: dict[str, int], padding_side: str = "right"):
    """Stack pre-tokenised rows (``input_ids``, ``attention_mask``, ...) into padded int64 tensors.

    Missing keys in ``pad_values`` pad with 0 (attention masks, token type ids).
    """
    import torch

    width = max(len(row["input_ids"]) for row in rows)
    batch = {}
    for key in rows[0]:
        tensor = torch.full((len(rows), width), int(pad_values.get(key, 0)), dtype=torch.long)
        for r, row in enumerate(rows):
            values = torch.as_tensor(row[key], dtype=torch.long)
            if padding_side == "left":
                tensor[r, width - len(values):] = values
            else:
                tensor[r, : len(values)] = values
        batch[key] = tensor
    return batch
