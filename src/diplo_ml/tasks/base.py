"""The Task contract: what a task owns, so that the harness, compare, predict, cards and reports stay generic.

A task owns its record schema, how records become model inputs and targets, its one :meth:`Task.score` (used in
training, ``evaluate``, checkpoint selection and reports), which of its metrics are headline and which way is
better, its predictor (built after fitting, rebuilt from a checkpoint), the rows it writes, its model-card
template and its run-report section.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from omegaconf import DictConfig

from diplo_ml.data.datelines import without_wire_dateline
from diplo_ml.data.examples import Context, Examples
from diplo_ml.data.loader import LoadedData, load_splits
from diplo_ml.errors import DiploError
from diplo_ml.models.base import Model, TaskSpec
from diplo_ml.options import Options, validate


def as_texts(texts: Sequence[str]) -> list[str]:
    """``texts`` as a list of strings, each without the wire dateline that may open it ("HANOI (VNA) –"), as the
    models trained (ingestion cuts it): every way in (``predict``, ``serve``, ``diplo_ml.load``) gives one answer.
    A lone string, anything else, or an empty text (a model given nothing would still tag it) is refused with one
    line."""
    if isinstance(texts, str):
        raise DiploError("texts must be a list of strings: wrap one text in a list, as [text]")
    texts = list(texts)
    wrong = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if wrong is not None:
        raise DiploError(f"texts[{wrong}] is {type(texts[wrong]).__name__}, not a string")
    blank = next((i for i, t in enumerate(texts) if not t.strip()), None)
    if blank is not None:
        raise DiploError(f"texts[{blank}] is empty: there is nothing to read in it")
    return [without_wire_dateline(t) for t in texts]


class Predictor(ABC):
    """A loaded model ready for inference: ``predict`` gives one output dict per input text."""

    meta: dict[str, Any]

    @abstractmethod
    def predict(self, texts: Sequence[str], context: Context | None = None) -> list[dict[str, Any]]:
        """One output per text (tags and scores, or a summary and its unsupported entities)."""


class TaskOptions(Options):
    """The ``task:`` config block; a task with options of its own extends it."""

    name: str


class Task(ABC):
    """Base class of every task. Subclasses are registered with ``@register_task`` and configured by ``task:``."""

    Options: ClassVar[type[TaskOptions]] = TaskOptions

    name: ClassVar[str]
    model_type: ClassVar[type[Model]] = Model          # the model base class this task's models derive from
    predictor_type: ClassVar[type[Predictor]] = Predictor
    headline_metrics: ClassVar[tuple[str, ...]] = ()   # test metrics shown first (compare, train log)
    lower_is_better: ClassVar[frozenset[str]] = frozenset()
    descriptive: ClassVar[frozenset[str]] = frozenset()          # no direction: lengths, counts
    descriptive_prefixes: ClassVar[tuple[str, ...]] = ()
    unit: ClassVar[str] = "example"                    # what one record is, for logs
    data_format: ClassVar[str] = ""                    # the `format:` of the data configs this task reads
    echo_text: ClassVar[bool] = False                  # predict rows repeat the input text
    reads_pages: ClassVar[bool] = False                # predict joins a scraper's rows of one page's parts into it
    endpoint: ClassVar[str] = ""                       # serve's route for it: POST /v1/<endpoint>
    endpoint_help: ClassVar[str] = ""                  # what that route answers, for the API's docs
    package: ClassVar[Path]                            # folder of the task's templates (card.md.j2, report.html.j2)

    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg

    def check_options(self) -> None:
        """Range-check the ``task:`` block (unknown keys refused) before any work starts."""
        validate(self.Options, self.cfg, "task")

    @property
    def spec(self) -> TaskSpec:
        return TaskSpec(self.name, selection_metric=next(iter(self.headline_metrics), ""))

    # data ----------------------------------------------------------------------------------------------------
    @abstractmethod
    def check_record(self, record: dict[str, Any], path: str, line: int, data_cfg: DictConfig) -> None:
        """Raise ``DataError`` naming ``path:line`` when a record breaks the schema."""

    def check_data_config(self, data_cfg: DictConfig | dict[str, Any]) -> None:
        """Refuse a data config made for another task before any file is read."""
        fmt = data_cfg.get("format")
        if fmt and self.data_format and fmt != self.data_format:
            raise DiploError(f"data config '{data_cfg.get('name')}' holds {fmt} data; the task '{self.name}' reads "
                             f"{self.data_format} data (pick a data config with format: {self.data_format})")

    def load_data(self, data_cfg: DictConfig) -> LoadedData:
        self.check_data_config(data_cfg)
        return load_splits(data_cfg, partial(self.check_record, data_cfg=data_cfg))

    @abstractmethod
    def examples(self, records: Sequence[dict[str, Any]], data_cfg: DictConfig) -> Examples:
        """Inputs and targets of one split."""

    # scoring -------------------------------------------------------------------------------------------------
    @abstractmethod
    def score(self, outputs: list[dict[str, Any]], examples: Examples, seed: int = 0) -> dict[str, Any]:
        """Every metric of ``outputs`` (one per example) against the targets."""

    def quick_score(self, outputs: list[dict[str, Any]], examples: Examples) -> dict[str, Any]:
        """The metrics used during training (no intervals or descriptive statistics)."""
        return self.score(outputs, examples)

    def direction(self, metric: str) -> int:
        """+1 when higher is better, -1 when lower is, 0 for descriptive statistics."""
        name = metric.rsplit(".", 1)[-1]
        if name in self.lower_is_better:
            return -1
        return 0 if name in self.descriptive or name.startswith(self.descriptive_prefixes) else 1

    # predictor -----------------------------------------------------------------------------------------------
    @abstractmethod
    def make_predictor(self, model: Model, dev: Examples) -> tuple[Predictor, list[dict[str, Any]] | None]:
        """The predictor of a fitted model (tuned on dev where the task tunes anything) and, when it had to
        predict dev anyway, those dev outputs."""

    @abstractmethod
    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Predictor:
        """Rebuild the predictor saved in a checkpoint folder."""

    def checkpoint_fields(self, predictor: Predictor) -> dict[str, Any]:
        """What the task adds to ``diplo_ml.json`` (labels, thresholds, ...)."""
        return {}

    @classmethod
    def config_from_checkpoint(cls, where: Path, meta: dict[str, Any]) -> dict[str, Any] | None:
        """The task's options as a checkpoint's ``diplo_ml.json`` (``where``) gives them back (None: the defaults);
        a corrupt value is an error naming ``where``."""
        return None

    def check_checkpoint(self, folder: Path, meta: dict[str, Any]) -> None:
        """Checks of a checkpoint's own files before its model loads (none by default)."""
        return None

    def predict(self, predictor: Predictor, examples: Examples) -> list[dict[str, Any]]:
        return predictor.predict(examples.inputs, examples.context)

    @abstractmethod
    def prediction_row(self, examples: Examples, index: int, output: dict[str, Any]) -> dict[str, Any]:
        """One line of ``predictions_<split>.jsonl``."""

    @abstractmethod
    def article_units(self, article: Any) -> list[dict[str, Any]]:
        """What ``predict`` runs on a raw article: one dict per unit, each with ``text`` and its own fields."""

    def row_fields(self, record: dict[str, Any], text: str) -> dict[str, Any]:
        """Fields ``predict`` writes for a JSONL row beside the prediction (``text``: the row's text as read)."""
        return {}

    # documents -----------------------------------------------------------------------------------------------
    def card_context(self, predictor: Predictor) -> dict[str, Any]:
        """Extra values for the task's card template."""
        return {}

    @abstractmethod
    def report_section(self, run: Path, meta: dict[str, Any]) -> str:
        """The task's part of ``report.html`` (HTML), from the run's saved predictions."""
