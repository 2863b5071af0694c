"""Near-duplicate paragraphs: word-trigram Jaccard similarity, searched with MinHash LSH (datasketch).

LSH proposes candidate pairs in roughly linear time; every candidate is then checked with the exact Jaccard, so a
reported pair is always a true one. The LSH threshold sits well below the reported one, which makes a missed pair
(a false negative of the LSH bands) very unlikely.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")
NUM_PERM = 128
MARGIN = 0.25  # the LSH threshold is the reported threshold minus this margin


def shingles(text: str, n: int = 3) -> frozenset[tuple[str, ...]]:
    """Lower-case word n-grams (one shorter tuple for texts under ``n`` words)."""
    words = WORD.findall(text.lower())
    return frozenset(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1)))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / max(len(a | b), 1)


def _minhash(grams: Iterable[tuple[str, ...]]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([" ".join(g).encode("utf-8") for g in grams])
    return sketch


class NearDuplicateIndex:
    """An index of texts; :meth:`similar` returns the indexed keys whose Jaccard with a text is >= ``threshold``."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=max(threshold - MARGIN, 0.05), num_perm=NUM_PERM)
        self.grams: dict[str, frozenset] = {}

    def add(self, key: str, grams: frozenset) -> None:
        self.grams[key] = grams
        self.lsh.insert(key, _minhash(grams))

    def similar(self, grams: frozenset) -> list[tuple[str, float]]:
        found = []
        for key in self.lsh.query(_minhash(grams)):
            score = jaccard(grams, self.grams[key])
            if score >= self.threshold:
                found.append((key, score))
        return sorted(found)


def near_duplicate_pairs(items: Iterable[tuple[str, str]], threshold: float) -> Iterator[tuple[str, str, float]]:
    """Every pair of ``(key, text)`` items with word-trigram Jaccard >= ``threshold`` (earlier key first)."""
    index = NearDuplicateIndex(threshold)
    for key, text in items:
        grams = shingles(text)
        for other, score in index.similar(grams):
            yield other, key, score
        index.add(key, grams)
