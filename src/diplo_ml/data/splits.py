"""Deterministic train/dev/test splits grouped by document: every assignment comes from one stable hash."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from diplo_ml.errors import DataError

SPLIT_FRACTIONS = {"dev": 0.15, "test": 0.15}


def stable_hash(seed: int, key: str) -> str:
    return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()


def split_of(group: str, dev: float, test: float, seed: int = 0) -> str:
    """Assign a group (document id) to a split from a stable hash: the same id always lands in the same split."""
    u = int(stable_hash(seed, group)[:12], 16) / float(1 << 48)
    if u < test:
        return "test"
    if u < test + dev:
        return "dev"
    return "train"


def grouped_split(records: list[dict[str, Any]], group_field: str, fractions: Mapping[str, float],
                  seed: int = 0) -> dict[str, list[dict[str, Any]]]:
    """Split records so that no group spans two splits. Without a ``doc_id`` a record is its own group (a
    summarisation record is a whole article), named by its ``id`` or else its text; any other ``group_field`` must
    be in every record."""
    out: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    dev, test = float(fractions.get("dev", 0.15)), float(fractions.get("test", 0.15))
    for number, record in enumerate(records, start=1):
        if group_field in record:
            group = record[group_field]
        elif group_field == "doc_id":
            group = record.get("id", record.get("text"))
        else:
            raise DataError(f"record {number} ({record.get('id', 'no id')}): no '{group_field}' to split by "
                            "(split.group_by)")
        out[split_of(str(group), dev, test, seed)].append(record)
    return out


def counted_split(records: list[dict[str, Any]], group_field: str, fractions: Mapping[str, float],
                  seed: int = 0) -> dict[str, list[dict[str, Any]]]:
    """Split records by ``group_field`` (every record has it) into the asked shares of groups, counted rather than
    drawn: the groups in stable-hash order, the first ``round(n * test)`` to test (at least one where test > 0 and
    three groups or more), then as many to dev, the rest to train. A few articles (a first labelling round) are then
    split as asked, where hashing each alone could leave dev empty and put a third of them in test."""
    groups = sorted({str(r[group_field]) for r in records}, key=lambda g: stable_hash(seed, g))
    n = len(groups)

    def size(share: float) -> int:
        return max(1 if share > 0 and n >= 3 else 0, round(n * share))

    n_test, n_dev = size(float(fractions.get("test", 0.15))), size(float(fractions.get("dev", 0.15)))
    split_of_group = {g: "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
                      for i, g in enumerate(groups)}
    out: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    for record in records:
        out[split_of_group[str(record[group_field])]].append(record)
    return out


def stratified_split(doc_ids: list[str], seed: int = 13,
                     fractions: Mapping[str, float] = SPLIT_FRACTIONS) -> dict[str, str]:
    """Assign articles to splits within each stratum (the id's letter prefix), ordered by a stable hash."""
    strata: dict[str, list[str]] = defaultdict(list)
    for doc_id in doc_ids:
        strata[doc_id[0]].append(doc_id)
    out: dict[str, str] = {}
    for members in strata.values():
        members.sort(key=lambda d: stable_hash(seed, d))
        n = len(members)
        n_test = max(1, round(n * fractions["test"]))
        n_dev = max(1, round(n * fractions["dev"]))
        for i, doc_id in enumerate(members):
            out[doc_id] = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
    return dict(sorted(out.items()))
