"""Lead-k: the article's first ``k`` sentences within a word budget; nothing to train."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import Field

from diplo_ml.data.examples import Context, Examples
from diplo_ml.files import atomic_write_json
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel
from diplo_ml.models.summarise.selection import candidates, select_in_order


class LeadOptions(ModelOptions):
    k: int = Field(1, ge=1)
    k_by_source: dict[str, int] = Field(default_factory=dict)  # sentences per data source (else k)
    budget_words: int | None = Field(50, ge=1)


class LeadSummariser(SummarisingModel):
    Options = LeadOptions
    options: LeadOptions

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to learn."""

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        sources = (context or {}).get("source") or [None] * len(texts)
        out = []
        for text, source in zip(texts, sources):
            sentences, allowed = candidates(text)
            order = np.where(allowed, -np.arange(len(sentences), dtype=np.float64), -np.inf)
            k = self.options.k_by_source.get(str(source), self.options.k)
            out.append(select_in_order(sentences, order, self.options.budget_words, k))
        return out

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_json(Path(folder) / "summariser.json", self.option_dict())

    def card(self) -> CardInfo:
        per = "".join(f", {k} for {s}" for s, k in self.options.k_by_source.items())
        return CardInfo(f"Lead-k baseline: the article's first {self.options.k} statement sentence(s){per}, within "
                        f"{self.options.budget_words} words (questions, bylines and captions skipped). Nothing is "
                        "learned.")
