"""Descriptive statistics of summaries: lengths and how much they copy from their source."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from diplo_ml.text import split_sentences, words


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def length_stats(summaries: Sequence[str]) -> dict[str, float]:
    """Mean, median, min and max length in words and in sentences (zeros for no summaries)."""
    out: dict[str, float] = {}
    counts = {
        "words": np.array([len(words(s)) for s in summaries], dtype=np.float64),
        "sentences": np.array([len(split_sentences(s)) for s in summaries], dtype=np.float64),
    }
    for unit, values in counts.items():
        if values.size == 0:
            values = np.zeros(1)
        out[f"{unit}_mean"] = float(values.mean())
        out[f"{unit}_median"] = float(np.median(values))
        out[f"{unit}_min"] = float(values.min())
        out[f"{unit}_max"] = float(values.max())
    return out


def novel_ngram_ratio(summaries: Sequence[str], sources: Sequence[str], n: int = 1) -> float:
    """Share of each summary's n-grams (counted with repeats) absent from its source, averaged over examples.

    Examples whose summary has no n-gram are left out; 0.0 when none is left.
    """
    if len(summaries) != len(sources):
        raise ValueError(f"{len(summaries)} summaries but {len(sources)} sources")
    ratios = []
    for summary, source in zip(summaries, sources):
        grams = _ngrams(words(summary), n)
        if not grams:
            continue
        seen = set(_ngrams(words(source), n))
        ratios.append(sum(g not in seen for g in grams) / len(grams))
    return float(np.mean(ratios)) if ratios else 0.0


def summary_stats(predictions: Sequence[str], sources: Sequence[str],
                  references: Sequence[str] | None = None) -> dict[str, float]:
    """Lengths of predictions (and references) and novel n-gram ratios of both against the sources.

    Keys: ``pred_len_{mean,median,min,max}`` (words), ``pred_sents_mean``, ``novel_unigram_ratio``,
    ``novel_bigram_ratio``, ``compression`` (mean source words / prediction words) and, with references,
    ``ref_len_*``, ``ref_sents_mean``, ``ref_novel_unigram_ratio``, ``ref_novel_bigram_ratio``.
    """
    groups = {"pred": predictions} if references is None else {"pred": predictions, "ref": references}
    out: dict[str, float] = {}
    for prefix, texts in groups.items():
        lengths = length_stats(texts)
        for stat in ("mean", "median", "min", "max"):
            out[f"{prefix}_len_{stat}"] = lengths[f"words_{stat}"]
        out[f"{prefix}_sents_mean"] = lengths["sentences_mean"]
        lead = "" if prefix == "pred" else "ref_"
        out[f"{lead}novel_unigram_ratio"] = novel_ngram_ratio(texts, sources, 1)
        out[f"{lead}novel_bigram_ratio"] = novel_ngram_ratio(texts, sources, 2)
    ratios = [len(words(src)) / max(1, len(words(pred))) for pred, src in zip(predictions, sources)]
    out["compression"] = float(np.mean(ratios)) if ratios else 0.0
    return out
