"""TextRank: PageRank over the TF-IDF cosine-similarity graph of an article's sentences (unsupervised)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import Field
from sklearn.feature_extraction.text import TfidfVectorizer

from diplo_ml.data.examples import Context, Examples, context_column
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.summarise.selection import candidates, select_in_order
from diplo_ml.models.vectors import load_tfidf, refuse_pickles, save_tfidf
from diplo_ml.text import split_sentences

STEM = "tfidf"


def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 200) -> np.ndarray:
    """PageRank of a weighted graph by power iteration; rows without edges spread their mass evenly."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out > 0, out, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1.0 - damping) / n + damping * (rank @ transition)
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


class TextRankOptions(ModelOptions):
    budget_words: int | None = Field(50, ge=1, le=10_000)
    max_sentences: int | None = Field(1, ge=1)
    damping: float = Field(0.85, gt=0, lt=1)
    min_df: int = Field(1, ge=1)


class TextRankSummariser(SummarisingModel):
    """``fit`` learns IDF weights from the training articles' sentences; an unfitted model fits them on each
    article's own sentences."""

    Options = TextRankOptions
    options: TextRankOptions

    def __init__(self, options: TextRankOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.vectorizer: TfidfVectorizer | None = None
        if self.folder is not None:
            refuse_pickles(self.folder)
            if (self.folder / f"{STEM}.json").is_file():
                self.vectorizer, _, _ = load_tfidf(self.folder, STEM)

    def _new_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True, min_df=self.options.min_df)

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Fit IDF weights on the training sentences (summaries are not used)."""
        sentences = [s for text in train.inputs for s in split_sentences(text)]
        self.vectorizer = self._new_vectorizer().fit(sentences) if sentences else None

    def sentence_scores(self, sentences: list[str]) -> np.ndarray:
        """PageRank score of each sentence (uniform when the graph has no edges)."""
        if len(sentences) <= 1:
            return np.ones(len(sentences))
        try:
            vectorizer = self.vectorizer or self._new_vectorizer().fit(sentences)
            matrix = vectorizer.transform(sentences)
        except ValueError:  # only stop words: no vocabulary
            return np.ones(len(sentences))
        similarity = (matrix @ matrix.T).toarray()
        np.fill_diagonal(similarity, 0.0)
        return pagerank(similarity, self.options.damping)

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        out = []
        for text, headline in zip(texts, context_column(context, "headline", len(texts))):
            sentences, allowed = candidates(text, headline)
            scores = np.where(allowed, self.sentence_scores(sentences), -np.inf)
            out.append(select_in_order(sentences, scores, self.options.budget_words, self.options.max_sentences))
        return out

    def save(self, folder: Path) -> None:
        if self.vectorizer is not None:
            save_tfidf(self.vectorizer, Path(folder), STEM)

    def card(self) -> CardInfo:
        return CardInfo("Unsupervised TextRank: PageRank (damping "
                        f"{self.options.damping}) over the TF-IDF cosine-similarity graph of the article's sentences; "
                        "IDF weights from the training articles.")
