"""TF-IDF n-grams + one logistic regression per label (scikit-learn), saved without pickle."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from diplo_ml.data.examples import Context, Examples
from diplo_ml.errors import DiploError
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, TaggingModel, TaskSpec
from diplo_ml.models.vectors import float_problem, load_tfidf, refuse_pickles, save_tfidf

log = logging.getLogger(__name__)

STEM = "tfidf"


class TfidfOptions(ModelOptions):
    ngram_range: tuple[Annotated[int, Field(ge=1, le=10)], Annotated[int, Field(ge=1, le=10)]] = (1, 2)
    min_df: int = Field(2, ge=1)
    C: float = Field(4.0, gt=0)
    class_weight: Literal["balanced"] | None = "balanced"

    @model_validator(mode="after")
    def _ordered_ngrams(self) -> TfidfOptions:
        if self.ngram_range[0] > self.ngram_range[1]:
            raise ValueError(f"ngram_range: the shortest n-gram comes first (got {list(self.ngram_range)})")
        return self


class TfidfTagger(TaggingModel):
    """Linear scores ``sigmoid(x . w + b)`` per label over sublinear TF-IDF features."""

    Options = TfidfOptions
    options: TfidfOptions

    def __init__(self, options: TfidfOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.labels = list(spec.labels)
        self.vectorizer: TfidfVectorizer | None = None
        self.coef = self.intercept = self.constant = None
        if self.folder is not None:
            refuse_pickles(self.folder)
            self.vectorizer, arrays, extra = load_tfidf(self.folder, STEM)
            saved = extra.get("labels")
            if saved is not None and saved != self.labels:  # diplo_ml.json edited or from another checkpoint
                raise DiploError(f"{self.folder / (STEM + '.json')}: labels {saved} do not match {self.labels} in "
                                 "diplo_ml.json; the checkpoint was edited or mixed up")
            self._set_head(arrays)

    def _set_head(self, arrays: dict[str, np.ndarray]) -> None:
        try:
            self.coef, self.intercept, self.constant = arrays["coef"], arrays["intercept"], arrays["constant"]
        except KeyError as exc:
            raise DiploError(f"{self.folder}: damaged TF-IDF head (no {exc.args[0]})") from None
        where = f"{self.folder / f'{STEM}.safetensors'}: " if self.folder is not None else ""
        for name, values in (("coef", self.coef), ("intercept", self.intercept), ("constant", self.constant)):
            if problem := float_problem(name, values, finite=name != "constant"):  # (NaN: a label learned)
                raise DiploError(f"{where}damaged TF-IDF head ({problem})")
        size = len(self.vectorizer.vocabulary_) if self.vectorizer is not None else 0
        if self.coef.shape != (len(self.labels), size) or self.intercept.shape != (len(self.labels),) \
                or self.constant.shape != (len(self.labels),):
            shapes = f"coef {self.coef.shape}, intercept {self.intercept.shape}, constant {self.constant.shape}"
            raise DiploError(f"{self.folder}: TF-IDF head ({shapes}) does not fit {len(self.labels)} labels x {size} "
                             "features")

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        o = self.options
        min_df = o.min_df if len(train) > 50 else 1  # a handful of rows (a smoke run) keeps every word
        if min_df > len(train):
            raise DiploError(f"model.min_df={o.min_df}: more than the {len(train)} training paragraphs, so no word "
                             "could be kept; lower it")
        if min_df != o.min_df:
            log.info("model.min_df=%d applied as 1: only %d training paragraphs", o.min_df, len(train))
        self.training["min_df_applied"] = min_df
        vectorizer = TfidfVectorizer(ngram_range=tuple(o.ngram_range), min_df=min_df, sublinear_tf=True,
                                     lowercase=True)
        classifier = LogisticRegression(C=o.C, class_weight=o.class_weight, max_iter=2000, random_state=context.seed)
        try:
            features = vectorizer.fit_transform(train.inputs)
        except ValueError as exc:  # "After pruning, no terms remain"
            raise DiploError(f"TF-IDF on the training paragraphs: {exc} (lower model.min_df)") from None
        ovr = OneVsRestClassifier(classifier).fit(features, np.asarray(train.targets))
        coef = np.zeros((len(self.labels), features.shape[1]))
        intercept = np.zeros(len(self.labels))
        constant = np.full(len(self.labels), np.nan)  # a label with one class in train: a fixed probability
        for j, estimator in enumerate(ovr.estimators_):
            if hasattr(estimator, "coef_"):
                coef[j], intercept[j] = estimator.coef_[0], estimator.intercept_[0]
            else:
                constant[j] = float(np.ravel(estimator.predict_proba(features[:1]))[-1])
        self.vectorizer = vectorizer
        self._set_head({"coef": coef, "intercept": intercept, "constant": constant})

    def scores(self, texts: list[str], context: Context | None = None) -> np.ndarray:
        decision = np.asarray(self.vectorizer.transform(texts) @ self.coef.T) + self.intercept
        probs = expit(decision)
        fixed = ~np.isnan(self.constant)
        probs[:, fixed] = self.constant[fixed]
        return probs.astype(np.float32)

    def save(self, folder: Path) -> None:
        save_tfidf(self.vectorizer, Path(folder), STEM,
                   {"coef": self.coef, "intercept": self.intercept, "constant": self.constant},
                   {"labels": self.labels})

    def card(self) -> CardInfo:
        return CardInfo(f"TF-IDF word n-grams {tuple(self.options.ngram_range)} (sublinear tf) with one logistic "
                        f"regression per label (C={self.options.C}, class weight {self.options.class_weight}); "
                        "per-label thresholds tuned on dev.", library="sklearn")
