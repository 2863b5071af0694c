"""A seed ensemble: the same tagging model trained with several seeds, probabilities averaged.

Its YAML names the member model (any tagging model's YAML, ``_target_`` included) and the seeds::

    _target_: diplo_ml.models.tagging.ensemble.SeedEnsemble
    name: minilm_x3
    seeds: [42, 1, 2]
    member: {_target_: diplo_ml.models.tagging.finetune.FineTunedTagger, name: minilm, ...}

Each member is trained as a run with that seed would train it (every random generator reseeded before the member
is built), keeps its Trainer checkpoints in ``trainer/member_<i>/`` (so an interrupted run resumes member by member)
and is saved in ``checkpoint/member_<i>/``. Thresholds are tuned once, on the averaged dev probabilities.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import Field, ValidationInfo, field_validator

from diplo_ml.data.examples import Context, Examples
from diplo_ml.errors import DiploError
from diplo_ml.models.base import (
    CardInfo,
    FitContext,
    ModelOptions,
    TaggingModel,
    TaskSpec,
    model_class,
    model_options,
)
from diplo_ml.seeding import seed_everything

log = logging.getLogger(__name__)


class SeedEnsembleOptions(ModelOptions):
    seeds: list[int] = Field(min_length=2, max_length=8)   # one member per seed
    member: dict[str, Any]                                 # the member model's YAML, with its _target_

    @field_validator("seeds")
    @classmethod
    def _distinct(cls, seeds: list[int]) -> list[int]:
        if len(set(seeds)) != len(seeds):
            raise ValueError("seeds must be distinct")
        return seeds

    @field_validator("member")
    @classmethod
    def _tagging_member(cls, member: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        try:
            if issubclass(model_class(member), SeedEnsemble):
                raise ValueError("a member cannot itself be an ensemble")
            length = info.data.get("max_length")  # the ensemble's input length is its members' (set in __init__)
            model_options({**member, "max_length": length} if length is not None else member, TaggingModel)
        except DiploError as exc:
            raise ValueError(str(exc)) from None
        return member


class SeedEnsemble(TaggingModel):
    """Members of one model class, one per seed; ``scores`` is the mean of their probabilities."""

    Options = SeedEnsembleOptions
    options: SeedEnsembleOptions

    @classmethod
    def trains_with_trainer(cls, options: ModelOptions) -> bool:
        """As its members do."""
        return model_class(dict(options.member)).uses_trainer  # type: ignore[attr-defined]

    def __init__(self, options: SeedEnsembleOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        member = dict(options.member)
        if options.max_length is not None:  # the ensemble's input length (e.g. debug=smoke's) is its members'
            member["max_length"] = options.max_length
        cls, member_options = model_options(member, TaggingModel)
        self.member_class, self.member_options = cls, member_options
        self.members: list[TaggingModel] = []
        if folder is not None:
            self.members = [cls.load(Path(folder) / f"member_{i}", member_options, spec)
                            for i in range(len(options.seeds))]  # type: ignore[misc]

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        self.members, runs = [], []
        for i, seed in enumerate(self.options.seeds):
            log.info("ensemble member %d of %d (seed %d)", i + 1, len(self.options.seeds), seed)
            seed_everything(seed, deterministic=False)  # as a single run with this seed: same head init and order
            member = self.member_class(self.member_options, self.spec)
            member_context = dataclasses.replace(context, seed=seed, out_dir=Path(context.out_dir) / f"member_{i}",
                                                 callbacks=context.callbacks if i == 0 else [])
            member.fit(train, dev, member_context)
            self.members.append(member)  # type: ignore[arg-type]
            runs.append({"seed": seed, **{k: v for k, v in member.training.items() if k != "log_history"}})
        self.training = {"members": runs}

    def scores(self, texts: list[str], context: Context | None = None) -> np.ndarray:
        if not self.members:
            raise DiploError("the ensemble has no trained members")
        return np.mean([member.scores(texts, context) for member in self.members], axis=0)

    def torch_modules(self) -> list[Any]:
        return [module for member in self.members for module in member.torch_modules()]

    def map_torch(self, change: Callable[[Any], Any]) -> None:
        for member in self.members:
            member.map_torch(change)

    # what inference helpers read from a model: the first member's tokenizer, input length and token rows
    @property
    def tokenizer(self) -> Any:
        return getattr(self.members[0], "tokenizer", None)

    @property
    def max_length(self) -> Any:
        return getattr(self.members[0], "max_length", None)

    @property
    def batch_size(self) -> int:
        return int(getattr(self.members[0], "batch_size", 1))

    def encode(self, texts: list[str], context: Context | None = None) -> Any:
        return self.members[0].encode(texts, context)  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        for i, member in enumerate(self.members):
            target = Path(folder) / f"member_{i}"
            target.mkdir(parents=True, exist_ok=True)
            member.save(target)

    def use_batch_size(self, size: int) -> bool:
        return all([member.use_batch_size(size) for member in self.members])

    def card(self) -> CardInfo:
        inner = self.members[0].card() if self.members else CardInfo("")
        seeds = ", ".join(str(s) for s in self.options.seeds)
        return dataclasses.replace(inner, summary=(
            f"A seed ensemble: {len(self.options.seeds)} copies of the model below, trained with seeds {seeds}; "
            f"the tag probabilities are averaged and one threshold per label is tuned on the averaged dev "
            f"probabilities. Each member: {inner.summary}"))
