"""Lead-k: the article's first ``k`` sentences within a word budget; nothing to train."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import Field

from diplo_ml.data.examples import Examples
from diplo_ml.files import atomic_write_json
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel
from diplo_ml.models.summarise.selection import select_in_order
from diplo_ml.text import split_sentences


class LeadOptions(ModelOptions):
    k: int = Field(1, ge=1)
    budget_words: int | None = Field(50, ge=1)


class LeadSummariser(SummarisingModel):
    Options = LeadOptions
    options: LeadOptions

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to learn."""

    def summarise(self, texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            sentences = split_sentences(text)
            out.append(select_in_order(sentences, -np.arange(len(sentences), dtype=np.float64),
                                       self.options.budget_words, self.options.k))
        return out

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_json(Path(folder) / "summariser.json", self.option_dict())

    def card(self) -> CardInfo:
        return CardInfo(f"Lead-{self.options.k} baseline: the article's first {self.options.k} sentence(s), within "
                        f"{self.options.budget_words} words. Nothing is learned.")
