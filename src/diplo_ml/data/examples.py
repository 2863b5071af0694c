"""What a task hands its model: one split as inputs, targets and the records they came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Context = dict[str, list[str | None]]  # kind ("headline", "previous") -> one text (or None) per input


def context_column(context: Context | None, kind: str, n: int) -> list[str | None]:
    """One ``kind`` text per input (None where there is none, or it is blank or not text); a column whose length
    is not ``n`` is refused, so no input is silently dropped or paired with another's context."""
    from diplo_ml.errors import DiploError

    column = (context or {}).get(kind)
    if column is None:
        return [None] * n
    if len(column) != n:
        raise DiploError(f"context {kind!r} has {len(column)} entries for {n} texts")
    return [value if isinstance(value, str) and value.strip() else None for value in column]


@dataclass
class Examples:
    """One split of a task's data.

    ``inputs`` are the texts a model reads; ``targets`` what it should predict (a multi-hot matrix for tagging,
    reference strings for summarisation); ``records`` the validated JSONL records (ids, sources, extra fields);
    ``context`` optional second texts per input by kind (the article's headline, the previous paragraph), which a
    model may read as a second segment.
    """

    inputs: list[str]
    targets: Any
    records: list[dict[str, Any]] = field(default_factory=list)
    context: Context | None = None

    def __len__(self) -> int:
        return len(self.inputs)

    def select(self, indices: Sequence[int]) -> Examples:
        idx = list(indices)
        targets = self.targets[idx] if isinstance(self.targets, np.ndarray) else [self.targets[i] for i in idx]
        context = {k: [v[i] for i in idx] for k, v in self.context.items()} if self.context else None
        return Examples([self.inputs[i] for i in idx], targets, [self.records[i] for i in idx] if self.records else [],
                        context)

    def sources(self) -> list[str | None]:
        return [r.get("source") for r in self.records] if self.records else [None] * len(self.inputs)


def previous_in_document(records: Sequence[dict[str, Any]], text_field: str = "text") -> list[str | None]:
    """Each record's preceding paragraph of the same document (file order), None for a document's first."""
    out: list[str | None] = []
    last: dict[Any, str] = {}
    for record in records:
        doc = record.get("doc_id")
        out.append(last.get(doc) if doc is not None else None)
        if doc is not None:
            last[doc] = record[text_field]
    return out
