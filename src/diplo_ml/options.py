"""Typed, range-checked options: every config block is validated before any work starts.

A bad value is one line naming the key, e.g. ``trainer.train_batch_size: must be >= 1 (got 0)``. Unknown keys
are refused too, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import re
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from diplo_ml.errors import DiploError

T = TypeVar("T", bound=BaseModel)


def _kinds(annotation: Any) -> set[Any]:
    """The plain types an annotation admits (``int | None`` -> {int, NoneType}); a Literal counts as itself."""
    if get_origin(annotation) in (Union, UnionType):
        return set().union(*(_kinds(arg) for arg in get_args(annotation)))
    if get_origin(annotation) is Annotated:
        return _kinds(get_args(annotation)[0])
    return {annotation}


def _item_kinds(annotation: Any) -> set[Any]:
    """The plain types a list's, tuple's or dict's items may have (``dict[str, int]`` -> {int})."""
    found: set[Any] = set()
    for kind in _kinds(annotation):
        args = get_args(kind)
        if get_origin(kind) in (list, tuple, set) and args:
            found |= set().union(*(_kinds(arg) for arg in args if arg is not Ellipsis))
        elif get_origin(kind) is dict and len(args) == 2:
            found |= _kinds(args[1])
    return found


class Options(BaseModel):
    """Base of every options block: unknown keys are errors, values are checked on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, protected_namespaces=(), allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _numbers_are_not_booleans(cls, value: Any, info: ValidationInfo) -> Any:
        """A number option refuses true/false ("seed=true" was read as seed 1). Text that reads as a number, as
        ``${oc.env:THREADS}`` gives, stays accepted."""
        annotation = cls.model_fields[info.field_name].annotation if info.field_name else None
        kinds = _kinds(annotation)
        if kinds & {int, float} and bool not in kinds and isinstance(value, bool):
            raise ValueError("must be a number, not true/false")
        inner = _item_kinds(annotation)  # "ngram_range=[1,true]", "k_by_source.govuk=true"
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else ()
        if inner & {int, float} and bool not in inner and any(isinstance(item, bool) for item in items):
            raise ValueError("must hold numbers, not true/false")
        return value


def _message(prefix: str, error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in (prefix, *error["loc"]) if part != "")
    if error["type"] == "extra_forbidden":
        return f"{where}: unknown option"
    got = error.get("input")
    text = error["msg"].removeprefix("Value error, ")
    field = re.match(r"([a-z_]+): ", text)
    if field and error["type"] == "value_error":  # a check across options names the option: "max_length: …"
        return f"{where}.{field.group(1)}: {text[field.end():]}"
    text = text[0].lower() + text[1:] if text else text
    if isinstance(got, dict | list) or got is None:
        return f"{where}: {text}"
    return f"{where}: {text} (got {got!r})"


def validate(cls: type[T], data: dict[str, Any] | None, prefix: str) -> T:
    """``cls(**data)``; a :class:`DiploError` listing every bad key (``prefix.key: reason (got value)``)."""
    try:
        return cls.model_validate(dict(data or {}))
    except ValidationError as exc:
        lines = [_message(prefix, e) for e in exc.errors()]
        known = ", ".join(sorted(cls.model_fields))
        if any(e["type"] == "extra_forbidden" for e in exc.errors()):
            lines.append(f"(known {prefix} options: {known})")
        raise DiploError("; ".join(lines)) from None


PositiveInt = Field(ge=1)


STEPS_MAX = 10**9  # more optimizer steps than any run here could take: a typo, not a plan
# schedulers that cannot run without lr_scheduler_kwargs (a minimum rate, decay steps), which no option sets
NEEDS_SCHEDULER_KWARGS = {"cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay"}


class TrainerOptions(Options):
    """The ``trainer:`` config group (transformers Trainer settings; models without a Trainer ignore it)."""

    num_train_epochs: float = Field(3, gt=0, le=100_000, allow_inf_nan=False)
    max_steps: int = Field(-1, ge=-1, le=STEPS_MAX)  # -1: the epochs decide; 0 is refused below
    learning_rate: float = Field(5e-5, gt=0, le=1)
    train_batch_size: int = Field(16, ge=1, le=4096)
    eval_batch_size: int | None = Field(None, ge=1, le=4096)
    gradient_accumulation_steps: int = Field(1, ge=1, le=4096)
    weight_decay: float = Field(0.01, ge=0, le=1)
    warmup_ratio: float = Field(0.1, ge=0, lt=1)
    lr_scheduler_type: str = "linear"  # one of transformers' SchedulerType values (checked below)
    sampling: Literal["group_by_length", "random", "sequential"] = "group_by_length"
    eval_strategy: Literal["epoch", "steps", "no"] = "epoch"
    eval_steps: int | None = Field(None, ge=1, le=STEPS_MAX)
    save_strategy: Literal["epoch", "steps", "no"] | None = None
    save_total_limit: int = Field(2, ge=1, le=1000)
    logging_steps: int = Field(20, ge=1, le=STEPS_MAX)
    pos_weight: Literal["auto", "sqrt", "none"] | None = "auto"
    pos_weight_cap: float = Field(10.0, ge=1, le=1e6)
    label_sampling: Literal["none", "balanced"] = "none"
    early_stopping_patience: int | None = Field(None, ge=1, le=STEPS_MAX)
    metric_for_best_model: Literal["loss", "rouge_mean"] | None = None  # rouge_mean: the sentence scorer's; others
    # keep the epoch with their task's headline dev metric unless this says loss
    resume: bool = True
    keep_checkpoints: bool = False
    disable_tqdm: bool = False
    use_cpu: bool | None = None
    bf16: bool = False
    ddp_backend: Literal["gloo", "nccl", "mpi", "xccl", "hccl", "cncl", "mccl"] | None = None
    ddp_find_unused_parameters: bool = False

    @field_validator("max_steps")
    @classmethod
    def _no_zero_steps(cls, value: int) -> int:
        if value == 0:  # transformers reads 0 as "no limit", which no one asks for by typing 0
            raise ValueError("must be -1 (num_train_epochs decides) or a number of steps >= 1")
        return value

    @field_validator("lr_scheduler_type")
    @classmethod
    def _known_scheduler(cls, value: str) -> str:
        from transformers import SchedulerType

        known = [kind.value for kind in SchedulerType if kind.value not in NEEDS_SCHEDULER_KWARGS]
        if value not in known:
            raise ValueError(f"must be one of {', '.join(known)}")
        return value

    @model_validator(mode="after")
    def _evaluation_for_what_needs_it(self) -> TrainerOptions:
        """Early stopping and a plateau schedule read dev scores: without evaluation one did nothing, the other
        failed once training had started."""
        if self.eval_strategy == "no":
            if self.early_stopping_patience is not None:
                raise ValueError("early_stopping_patience: needs evaluation (eval_strategy epoch or steps), not "
                                 "eval_strategy no")
            if self.lr_scheduler_type == "reduce_lr_on_plateau":
                raise ValueError("lr_scheduler_type: reduce_lr_on_plateau needs evaluation (eval_strategy epoch or "
                                 "steps), not eval_strategy no")
        return self


class SplitOptions(Options):
    """``data.split``: how a folder's one ``all.jsonl`` is split by article (shares of dev and test, the rest train)."""

    dev: float = Field(0.15, ge=0, lt=1)
    test: float = Field(0.15, ge=0, lt=1)
    seed: int = Field(0, ge=0, lt=2**32)
    group_by: str = Field("doc_id", min_length=1)

    @model_validator(mode="after")
    def _leaves_training_rows(self) -> SplitOptions:
        if self.dev + self.test >= 1:
            raise ValueError(f"dev: with test, below 1 (the rest is train), got {self.dev:g} + {self.test:g}")
        return self


class DataLimits(Options):
    """``data.max_<split>_samples``: a positive count or null (no cut); ``data.split`` (see :class:`SplitOptions`)."""

    max_train_samples: int | None = Field(None, ge=1)
    max_dev_samples: int | None = Field(None, ge=1)
    max_test_samples: int | None = Field(None, ge=1)
    sampling_seed: int | None = Field(None, ge=0, lt=2**32)  # seeds the fractional part of a source's weight
    split: SplitOptions | None = None


class RunOptions(Options):
    """Top-level keys of ``conf/train.yaml``."""

    seed: int = Field(42, ge=0, lt=2**32)
    threads: int | None = Field(None, ge=1, le=1024)
    deterministic: bool = True


def positive(value: Any, name: str, allow_none: bool = True) -> int | None:
    """A CLI count (``--batch-size``, ``--workers``): an int >= 1 (or None when allowed)."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DiploError(f"{name}: must be a whole number >= 1 (got {value!r})")
    return value
