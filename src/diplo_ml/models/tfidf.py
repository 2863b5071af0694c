"""TF-IDF + one-vs-rest logistic regression baseline for multi-label tagging."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline

FILE = "tfidf.joblib"


class TfidfScorer:
    kind = "tfidf"

    def __init__(self, labels: list[str], cfg: dict[str, Any], pipeline: Pipeline | None = None) -> None:
        self.labels = labels
        self.cfg = cfg
        self.pipeline = pipeline

    def fit(self, train_texts: list[str], train_y: np.ndarray, seed: int, **_: Any) -> None:
        vectorizer = TfidfVectorizer(
            ngram_range=tuple(self.cfg.get("ngram_range", (1, 2))),
            min_df=int(self.cfg.get("min_df", 2)) if len(train_texts) > 50 else 1,
            sublinear_tf=True,
            lowercase=True,
        )
        classifier = LogisticRegression(
            C=float(self.cfg.get("C", 4.0)),
            class_weight="balanced" if self.cfg.get("class_weight") == "balanced" else None,
            max_iter=2000,
            random_state=seed,
        )
        self.pipeline = Pipeline([("tfidf", vectorizer), ("clf", OneVsRestClassifier(classifier))])
        self.pipeline.fit(train_texts, train_y)

    def scores(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.pipeline.predict_proba(texts), dtype=np.float32)

    def save(self, folder: Path) -> None:
        joblib.dump(self.pipeline, Path(folder) / FILE)

    @classmethod
    def load(cls, folder: Path, labels: list[str], cfg: dict[str, Any]) -> TfidfScorer:
        return cls(labels, cfg, joblib.load(Path(folder) / FILE))
