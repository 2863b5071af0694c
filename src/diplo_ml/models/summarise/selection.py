"""Choosing summary sentences: the greedy ROUGE oracle (training labels) and budgeted selection in document order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from diplo_ml.metrics.rouge_core import f_measure, ngrams, tokens


def oracle_labels(sentences: Sequence[str], reference: str, max_sentences: int = 3) -> list[int]:
    """Greedy ROUGE oracle: 1 for the sentences whose union best matches ``reference``, else 0.

    Adds, one at a time, the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F (stemmed tokens,
    n-grams counted per sentence); stops when no sentence raises it or ``max_sentences`` are chosen.
    """
    ref_tokens = tokens(reference)
    refs = [ngrams(ref_tokens, n) for n in (1, 2)]
    grams = [[ngrams(toks, n) for n in (1, 2)] for toks in map(tokens, sentences)]
    labels = [0] * len(sentences)
    chosen: list[Counter] = [Counter(), Counter()]
    best = 0.0
    while sum(labels) < max_sentences:
        pick, pick_score = -1, best
        for i, sentence_grams in enumerate(grams):
            if labels[i]:
                continue
            score = sum(f_measure(chosen[k] + sentence_grams[k], refs[k]) for k in range(2)) / 2
            if score > pick_score:
                pick, pick_score = i, score
        if pick < 0:
            break
        labels[pick] = 1
        best = pick_score
        chosen = [chosen[k] + grams[pick][k] for k in range(2)]
    return labels


def select_in_order(sentences: Sequence[str], scores: Sequence[float] | np.ndarray,
                    budget_words: int | None = None, max_sentences: int | None = None) -> str:
    """The highest scoring sentences that fit ``budget_words`` (at most ``max_sentences``), in document order.

    Sentences that would overrun the budget are skipped, not cut; when even the best one is too long it is
    returned truncated to the budget, so a non-empty text never gives an empty summary. Non-finite scores
    mark sentences that may not be chosen; ties go to the earlier sentence.
    """
    values = np.asarray(scores, dtype=np.float64)
    order = [i for i in np.argsort(-values, kind="stable") if np.isfinite(values[i])]
    if not order:
        return ""
    limit = max_sentences if max_sentences and max_sentences > 0 else len(order)
    chosen: list[int] = []
    used = 0
    for i in order:
        if len(chosen) >= limit:
            break
        size = len(sentences[i].split())
        if budget_words and used + size > budget_words:
            continue
        chosen.append(int(i))
        used += size
    if not chosen:
        return " ".join(sentences[order[0]].split()[:budget_words])
    return " ".join(sentences[i] for i in sorted(chosen))
