"""The model contract: every model is built from its YAML (``_target_`` = the class) and fits the same way.

A model YAML names its class and its options::

    _target_: diplo_ml.models.tagging.tfidf.TfidfTagger
    name: tfidf
    C: 4.0

:func:`model_options` imports the class, checks that it serves the task (its base class) and validates the options
against the class's ``Options`` (range checks, unknown keys refused); the harness then constructs it. Every model
has the same ``fit(train, dev, context)``, ``save(folder)`` and ``load(folder, options, spec)``; adding a model is
one YAML and at most one class, with no change to the harness.
"""

from __future__ import annotations

import importlib
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np
from pydantic import Field

from diplo_ml.data.examples import Context, Examples
from diplo_ml.errors import DiploError, first_line
from diplo_ml.options import Options, TrainerOptions, validate

log = logging.getLogger(__name__)
TARGET = "_target_"


class ModelOptions(Options):
    """Options every model YAML may carry."""

    name: str = Field(min_length=1)
    max_length: int | None = Field(None, ge=8, le=8192)  # input tokens, for models that tokenise (others ignore it)

    def prediction_note(self) -> str | None:
        """What ``predict`` says once about how this model treats new articles, when it treats them specially."""
        return None


@dataclass(frozen=True)
class TaskSpec:
    """What a task tells its models: its name, (for tagging) its labels, and the metric by which a model makes its
    choices on dev (the task's first headline metric; empty when it names none)."""

    name: str
    labels: tuple[str, ...] = ()
    selection_metric: str = ""


@dataclass
class FitContext:
    """Everything ``fit`` needs besides the data: seed, where to keep Trainer checkpoints, the trainer options,
    callbacks (the model card's), and the task's own scoring function for dev metrics during training."""

    seed: int
    out_dir: Path
    trainer: TrainerOptions
    score: Callable[[list[dict[str, Any]], Examples], dict[str, Any]]
    callbacks: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class CardInfo:
    """What a model says about itself in its model card."""

    summary: str                 # how it works, one Markdown paragraph
    library: str = "diplo-ml"    # model-card library_name
    uses_trainer: bool = False   # trainer.* settings apply (shown in cards and compare)
    generates: bool = False      # writes new text (abstractive) rather than choosing the article's own sentences
    license: str = "mit"         # of the trained model (a base model's licence carries over)


class Model(ABC):
    """Base of all models. Subclasses set ``Options`` and implement fit/save/load (and their task's inference)."""

    Options: ClassVar[type[ModelOptions]] = ModelOptions
    uses_trainer: ClassVar[bool] = False
    keeps_checkpoint_by: ClassVar[frozenset[str]] = frozenset({"loss"})  # trainer.metric_for_best_model it honours

    @classmethod
    def trains_with_trainer(cls, options: ModelOptions) -> bool:
        """Whether ``trainer.*`` settings apply to a model of these options (recorded for cards and compare)."""
        return cls.uses_trainer

    def __init__(self, options: ModelOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        self.options = options
        self.spec = spec
        self.folder = Path(folder) if folder is not None else None
        self.training: dict[str, Any] = {}  # best checkpoint, steps, log history: for cards and reports

    def use_batch_size(self, size: int) -> bool:
        """Run inference in batches of ``size`` texts (``--batch-size``); False for a model that does not batch."""
        return False

    @abstractmethod
    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Learn from ``train`` (``dev`` may pick the best epoch or a setting); nothing to learn is allowed."""

    @abstractmethod
    def save(self, folder: Path) -> None:
        """Write everything :meth:`load` needs into ``folder`` (no pickle)."""

    @classmethod
    def load(cls, folder: Path, options: ModelOptions, spec: TaskSpec) -> Self:
        """Rebuild a saved model; the default constructs it with ``folder`` set."""
        return cls(options, spec, folder=Path(folder))

    @abstractmethod
    def card(self) -> CardInfo:
        """How this model describes itself in its card."""

    def option_dict(self) -> dict[str, Any]:
        return self.options.model_dump(mode="json")

    def torch_modules(self) -> list[Any]:
        """The torch networks a faster precision may change (bf16, int8); none unless a model offers them."""
        return []

    def map_torch(self, change: Callable[[Any], Any]) -> None:
        """Replace each network of :meth:`torch_modules` by ``change(network)``; refused by models without one."""
        raise DiploError(f"{type(self).__name__} has no torch layers to change")


class TaggingModel(Model):
    """A multi-label scorer: one probability per label and input."""

    @abstractmethod
    def scores(self, texts: list[str], context: Context | None = None) -> np.ndarray:
        """``(len(texts), len(labels))`` probabilities; ``context`` holds optional second texts by kind."""


class SummarisingModel(Model):
    """A summariser: one summary string per article."""

    @abstractmethod
    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        """One summary per text; ``context`` may carry each article's headline and data source."""


# a checkpoint's description may only name model classes of these packages (importing a module runs its code)
TRUSTED_MODULES_ENV = "DIPLO_MODEL_PACKAGES"
_FROM_CHECKPOINT: ContextVar[bool] = ContextVar("diplo_ml_model_from_checkpoint", default=False)


def _trusted(module_name: str) -> bool:
    """Whether a model module may be imported now: any while building from the user's own YAML, only diplo_ml's
    and those of the packages named in ``$DIPLO_MODEL_PACKAGES`` while loading a checkpoint."""
    if not loading_checkpoint():
        return True
    packages = {"diplo_ml", *os.environ.get(TRUSTED_MODULES_ENV, "").replace(",", " ").split()}
    return module_name.split(".")[0] in packages


def loading_checkpoint() -> bool:
    """Whether options are being checked for a saved checkpoint (not for a model about to be trained)."""
    return _FROM_CHECKPOINT.get()


def model_class(model_cfg: dict[str, Any]) -> type[Model]:
    """The class a model YAML names in ``_target_``; a one-line error when it is missing or not a model."""
    target = str(model_cfg.get(TARGET) or "")
    if not target:
        raise DiploError(f"model '{model_cfg.get('name', '?')}': no {TARGET} (the model class) in its YAML")
    module_name, _, class_name = target.rpartition(".")
    if not _trusted(module_name):
        raise DiploError(f"model.{TARGET}: '{target}' is not a diplo-ml model class; a checkpoint may only name "
                         f"classes of diplo_ml (add your own package's name to ${TRUSTED_MODULES_ENV} to load its "
                         "models), so nothing else is imported")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        reason = first_line(exc)
        raise DiploError(f"model.{TARGET}: cannot import '{target}' ({reason})") from None
    if not (isinstance(cls, type) and issubclass(cls, Model)):
        raise DiploError(f"model.{TARGET}: '{target}' is not a diplo-ml model class")
    return cls


def saved_model_class(model_cfg: dict[str, Any]) -> type[Model]:
    """The class a checkpoint's model block names, imported under the checkpoint rule (diplo_ml's modules and the
    trusted packages only: a checkpoint never makes another module load)."""
    token = _FROM_CHECKPOINT.set(True)
    try:
        return model_class(model_cfg)
    finally:
        _FROM_CHECKPOINT.reset(token)


def saved_model_options(model_cfg: dict[str, Any]) -> ModelOptions:
    """The validated options of a checkpoint's model block, under the checkpoint rule (nothing is loaded)."""
    token = _FROM_CHECKPOINT.set(True)
    try:
        return model_options(model_cfg)[1]
    finally:
        _FROM_CHECKPOINT.reset(token)


def model_options(model_cfg: dict[str, Any], expected: type[Model] = Model) -> tuple[type[Model], ModelOptions]:
    """Class and validated options of a model config; refuses a model of another kind than ``expected``."""
    cls = model_class(model_cfg)
    if not issubclass(cls, expected):
        raise DiploError(f"model '{model_cfg.get('name')}' ({cls.__name__}) cannot serve this task: it needs a "
                         f"{expected.__name__}")
    options = validate(cls.Options, {k: v for k, v in model_cfg.items() if k != TARGET}, "model")
    return cls, options


def load_model(folder: Path, model_cfg: dict[str, Any], spec: TaskSpec, expected: type[Model] = Model) -> Model:
    """Rebuild a saved model from its folder and the config saved with it (a bad class or option is an error
    naming the checkpoint's description)."""
    token = _FROM_CHECKPOINT.set(True)  # members of an ensemble are loaded under the same rule
    try:
        try:
            cls, options = model_options(model_cfg, expected)
        except DiploError as exc:
            raise DiploError(f"{Path(folder) / 'diplo_ml.json'}: {exc}") from None
        return cls.load(Path(folder), options, spec)
    finally:
        _FROM_CHECKPOINT.reset(token)
