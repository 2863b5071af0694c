"""The project's one ROUGE implementation (``rouge_score`` with Porter stemming): per-example scores for
evaluation, and the n-gram F-measure the greedy oracle maximises."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rouge_score import rouge_scorer, tokenizers

from diplo_ml.text import split_sentences

logging.getLogger("absl").setLevel(logging.WARNING)  # rouge_score logs "Using default tokenizer." on every scorer
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)  # the tokens rouge_score itself uses


def tokens(text: str) -> list[str]:
    return TOKENIZER.tokenize(text)


def ngrams(words: Sequence[str], n: int) -> Counter:
    """n-gram counts, as ROUGE-N counts them."""
    return rouge_scorer._create_ngrams(list(words), n)


def f_measure(candidate: Counter, reference: Counter) -> float:
    """ROUGE-N F of candidate n-gram counts against reference counts."""
    return float(rouge_scorer._score_ngrams(reference, candidate).fmeasure)


def _lines(text: str) -> str:
    return "\n".join(split_sentences(text))


def per_example(predictions: Sequence[str], references: Sequence[str]) -> np.ndarray:
    """``(n, 4)`` F-measures: ROUGE-1, -2, -L and -Lsum (sentences on their own lines) per example."""
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    rows = []
    for pred, ref in zip(predictions, references):
        plain = scorer.score(ref, pred)
        summ = scorer.score(_lines(ref), _lines(pred))
        rows.append([plain[t].fmeasure for t in ROUGE_TYPES[:3]] + [summ["rougeLsum"].fmeasure])
    return np.asarray(rows, dtype=np.float64).reshape(-1, len(ROUGE_TYPES))
