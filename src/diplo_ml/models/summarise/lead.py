"""Lead-k: the article's first ``k`` sentences within a word budget; nothing to train. Lead-k with a learned
clause trimmer: the same sentences, each cut at a clause boundary where the trimmer predicts a gain."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from pydantic import Field

from diplo_ml.data.examples import Context, Examples
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.summarise.selection import candidates, select_in_order, select_indices
from diplo_ml.models.summarise.trim import ClauseTrimmer

log = logging.getLogger(__name__)
SETTINGS_FILE = "summariser.json"
TRIMMER_FILE = "trimmer.safetensors"


class LeadOptions(ModelOptions):
    k: int = Field(1, ge=1)
    k_by_source: dict[str, int] = Field(default_factory=dict)  # sentences per data source (else k)
    budget_words: int | None = Field(50, ge=1)


class LeadSummariser(SummarisingModel):
    Options = LeadOptions
    options: LeadOptions

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to learn."""

    def _lead(self, text: str, source: str | None) -> tuple[list[str], list[int], str]:
        """The article's sentences, the indices of its first k statements within the budget, and that Lead-k
        summary (the first statement cut to the budget when even it overruns)."""
        sentences, allowed = candidates(text)
        order = np.where(allowed, -np.arange(len(sentences), dtype=np.float64), -np.inf)
        k = self.options.k_by_source.get(str(source), self.options.k)
        chosen = select_indices(sentences, order, self.options.budget_words, k)
        summary = " ".join(sentences[i] for i in chosen) if chosen else \
            select_in_order(sentences, order, self.options.budget_words, 1)
        return sentences, chosen, summary

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        sources = (context or {}).get("source") or [None] * len(texts)
        return [self._lead(text, source)[2] for text, source in zip(texts, sources)]

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_json(Path(folder) / SETTINGS_FILE, self.option_dict())

    def _choice(self) -> str:
        per = "".join(f", {k} for {s}" for s, k in self.options.k_by_source.items())
        return (f"the article's first {self.options.k} statement sentence(s){per}, within {self.options.budget_words} "
                "words (questions, bylines and captions skipped)")

    def card(self) -> CardInfo:
        return CardInfo(f"Lead-k baseline: {self._choice()}. Nothing is learned.")


class LeadTrimOptions(LeadOptions):
    trees: int = Field(200, ge=1, le=5000)
    learning_rate: float = Field(0.05, gt=0, le=1)
    max_leaf_nodes: int = Field(15, ge=2, le=1024)
    min_samples_leaf: int = Field(40, ge=1)
    min_words: int = Field(8, ge=3, le=100)    # words a trimmed sentence keeps at least


class LeadTrimSummariser(LeadSummariser):
    """Lead-k whose sentences a :class:`ClauseTrimmer` may cut; ``fit`` trains the trimmer on the training
    articles' first statements and decides on dev, per data source and over all of dev, whether trimming pays."""

    Options = LeadTrimOptions
    options: LeadTrimOptions

    def __init__(self, options: LeadTrimOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.trimmer = ClauseTrimmer(min_words=options.min_words)
        self.trim_by_source: dict[str, bool] = {}
        self.trim_default = False
        if self.folder is not None:
            saved = read_json_object(self.folder / SETTINGS_FILE, "summariser settings")
            self.trim_by_source = {str(k): bool(v) for k, v in (saved.get("trim_by_source") or {}).items()}
            self.trim_default = bool(saved.get("trim_default", False))
            if (self.folder / TRIMMER_FILE).is_file():
                self.trimmer = ClauseTrimmer.load(self.folder / TRIMMER_FILE)

    def _first_statements(self, examples: Examples) -> tuple[list[str], list[str | None], list[str]]:
        headlines = (examples.context or {}).get("headline") or [None] * len(examples)
        rows = []
        for text, headline, reference in zip(examples.inputs, headlines, examples.targets):
            sentences, chosen, _ = self._lead(text, None)
            if chosen:
                rows.append((sentences[chosen[0]], headline, reference))
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Train the trimmer on the first statement of each training article, then choose where to use it."""
        o = self.options
        self.trimmer = ClauseTrimmer.fit(*self._first_statements(train), trees=o.trees, learning_rate=o.learning_rate,
                                         max_leaf_nodes=o.max_leaf_nodes, min_samples_leaf=o.min_samples_leaf,
                                         min_words=o.min_words, seed=context.seed)
        self.trim_by_source, self.trim_default = {}, False
        if not len(dev):  # nothing to decide on: leave the sentences whole
            return
        sources = (dev.context or {}).get("source") or [None] * len(dev)
        plain = per_example(self._summaries(dev.inputs, dev.context, False), list(dev.targets))[:, 2]
        trimmed = per_example(self._summaries(dev.inputs, dev.context, True), list(dev.targets))[:, 2]
        self.trim_default = bool(trimmed.mean() > plain.mean())
        for source in sorted({s for s in sources if s is not None}):
            index = [i for i, s in enumerate(sources) if s == source]
            self.trim_by_source[str(source)] = bool(trimmed[index].mean() > plain[index].mean())
        self.training["trimming"] = {"default": self.trim_default, "by_source": dict(self.trim_by_source),
                                     "dev_rougeL_plain": round(float(plain.mean()), 4),
                                     "dev_rougeL_trimmed": round(float(trimmed.mean()), 4)}
        log.info("clause trimming chosen on dev: %s", self.training["trimming"])

    def _summaries(self, texts: list[str], context: Context | None, trim: bool | None) -> list[str]:
        """Lead-k summaries, trimmed everywhere (True), nowhere (False) or where dev chose (None)."""
        context = context or {}
        sources = context.get("source") or [None] * len(texts)
        headlines = context.get("headline") or [None] * len(texts)
        out = []
        for text, source, headline in zip(texts, sources, headlines):
            use = self.trim_by_source.get(str(source), self.trim_default) if trim is None else trim
            sentences, chosen, lead = self._lead(text, source)
            out.append(" ".join(self.trimmer.trim(sentences[i], headline) for i in chosen) if use and chosen else lead)
        return out

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        return self._summaries(texts, context, None)

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.trimmer.save(Path(folder) / TRIMMER_FILE)
        atomic_write_json(Path(folder) / SETTINGS_FILE, {**self.option_dict(), "trim_by_source": self.trim_by_source,
                                                         "trim_default": self.trim_default})

    def card(self) -> CardInfo:
        where = ", ".join(f"{s} {'yes' if v else 'no'}" for s, v in self.trim_by_source.items()) or "not fitted"
        return CardInfo(
            f"Lead-k with a learned clause trimmer: {self._choice()}; each may then be cut before a clause opener "
            "(', which', ', who', ', including' ...), a closing attribution or a spaced dash, keeping at least "
            f"{self.options.min_words} words and a verb, by {self.options.trees} boosted regression trees trained to "
            "predict the ROUGE-L change of each cut on the training articles; the cut is closed with a full stop, so "
            "the summary stays the article's own words in order. Trimming is used where it raised dev ROUGE-L (per "
            f"source: {where}; other sources: {'yes' if self.trim_default else 'no'}).")
