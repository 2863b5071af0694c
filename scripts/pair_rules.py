"""Would an unsupervised rule for the second statement beat Lead-1? Measured on train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/pair_rules.py

For each article of the multi-sentence sources (embedded, hard) with three or more statements, Lead-1 is followed
by one later statement chosen without training: the last one, the middle one, or the one whose MiniLM vector is
closest to the headline, to the article's centroid (also with a penalty for resembling the first statement, MMR,
and among the second half only). Printed per source: mean ROUGE-L of each rule beside Lead-1, Lead-2, Lead-3 and
the best pair picked with the reference.
"""

from __future__ import annotations

import numpy as np
from summary_dev_articles import development_articles, print_table

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models import weights
from diplo_ml.models.encoding import SentenceEncoder
from diplo_ml.models.summarise.selection import candidates

SOURCES = ("embedded", "hard")


def rule_summaries(statements: list[str], vectors: np.ndarray, headline: np.ndarray) -> dict[str, str]:
    """Every rule's summary of one article (``vectors``: one normalised row per statement)."""
    n = len(statements)
    centre = vectors.mean(axis=0)
    centre /= np.linalg.norm(centre)
    later = range(1, n)

    def pair(j: int) -> str:
        return f"{statements[0]} {statements[j]}"

    return {
        "Lead-1": statements[0],
        "Lead-2": " ".join(statements[:2]),
        "Lead-3": " ".join(statements[:3]),
        "+ last": pair(n - 1),
        "+ middle": pair(n // 2),
        "+ nearest the headline": pair(max(later, key=lambda j: vectors[j] @ headline)),
        "+ nearest the centroid": pair(max(later, key=lambda j: vectors[j] @ centre)),
        "+ centroid, MMR 0.7": pair(max(later, key=lambda j: vectors[j] @ centre - 0.7 * vectors[j] @ vectors[0])),
        "+ centroid, second half": pair(max(range(n // 2, n), key=lambda j: vectors[j] @ centre)),
    }


def main() -> int:
    encoder = SentenceEncoder(weights.resolve("minilm"), max_length=128)
    scores: dict[str, dict[str, list[float]]] = {}
    for text, reference, source, headline in development_articles(SOURCES):
        sentences, allowed = candidates(text)
        statements = [s for s, ok in zip(sentences, allowed) if ok]
        if len(statements) < 3:
            continue
        vectors = encoder.encode(statements + [headline or statements[0]])
        summaries = rule_summaries(statements, vectors[:-1], vectors[-1])
        pairs = [f"{statements[0]} {s}" for s in statements[1:]]
        summaries_scores = per_example(list(summaries.values()), [reference] * len(summaries))[:, 2]
        for name, value in zip(summaries, summaries_scores):
            scores.setdefault(name, {}).setdefault(source, []).append(float(value))
        best = float(per_example(pairs, [reference] * len(pairs))[:, 2].max())
        scores.setdefault("best pair (with the reference)", {}).setdefault(source, []).append(best)
    print_table(scores, SOURCES)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
