"""A model that lives outside the package: added to the harness by one class (here) and one YAML (in the test)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import Field

from diplo_ml.data.examples import Examples
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, TaggingModel, TaskSpec


class WordVoteOptions(ModelOptions):
    smoothing: float = Field(1.0, gt=0)


class WordVoteTagger(TaggingModel):
    """Scores a label by how much more often a paragraph's words occur in that label's training paragraphs."""

    Options = WordVoteOptions

    def __init__(self, options: WordVoteOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.rates: dict[str, list[float]] = {}
        if self.folder is not None:
            self.rates = read_json_object(self.folder / "word_votes.json", "word votes")

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        y = np.asarray(train.targets)
        counts: dict[str, np.ndarray] = {}
        for text, row in zip(train.inputs, y):
            for word in set(text.lower().split()):
                counts.setdefault(word, np.zeros(y.shape[1] + 1))
                counts[word][:-1] += row
                counts[word][-1] += 1
        a = self.options.smoothing
        prior = (y.sum(0) + a) / (len(y) + 2 * a)
        self.rates = {w: list((c[:-1] + a) / (c[-1] + 2 * a) - prior) for w, c in counts.items()}

    def scores(self, texts: list[str], context: dict | None = None) -> np.ndarray:
        out = np.zeros((len(texts), len(self.spec.labels)), dtype=np.float32)
        for i, text in enumerate(texts):
            votes = [self.rates[w] for w in set(text.lower().split()) if w in self.rates]
            if votes:
                out[i] = 1.0 / (1.0 + np.exp(-10 * np.mean(votes, axis=0)))
        return out

    def save(self, folder: Path) -> None:
        atomic_write_json(Path(folder) / "word_votes.json", self.rates)

    def card(self) -> CardInfo:
        return CardInfo("A toy word-vote tagger from the test suite.")
