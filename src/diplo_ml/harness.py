"""The run loop, written once: validate -> load data -> build model -> fit -> predict -> score -> save.

Every task and model goes through :func:`run_task`; what differs lives in the task (schema, scores, predictor, rows,
card) and the model (fit, inference, save). Data configs with several sources also get per-source metrics
(``dev_<source>``, ``test_<source>``) for any task.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from omegaconf import DictConfig, OmegaConf

from diplo_ml.cards.card import ModelCardCallback, write_card
from diplo_ml.checkpoint import write_meta
from diplo_ml.data.examples import Examples
from diplo_ml.data.loader import LoadedData
from diplo_ml.distributed import is_main_process
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_open, share_as_usual
from diplo_ml.models.base import FitContext, Model, ModelOptions, model_options
from diplo_ml.options import DataLimits, RunOptions, TrainerOptions, validate
from diplo_ml.runs.interrupt import raise_if_interrupted
from diplo_ml.tasks import Task, get_task
from diplo_ml.tasks.base import Predictor

log = logging.getLogger(__name__)
EVAL_SPLITS = ("dev", "test")


@dataclass
class Plan:
    """A run's validated configuration: everything is checked before any file is written or any work starts."""

    cfg: DictConfig
    run: RunOptions
    trainer: TrainerOptions
    task: Task
    model_class: type[Model]
    model_options: ModelOptions

    @property
    def model_cfg(self) -> dict[str, Any]:
        return OmegaConf.to_container(self.cfg.model, resolve=True)  # type: ignore[return-value]


def _container(cfg: DictConfig, key: str) -> dict[str, Any]:
    try:
        value = OmegaConf.to_container(cfg[key], resolve=True) if cfg.get(key) is not None else {}
    except Exception as exc:  # noqa: BLE001 - interpolation errors come in many types
        raise DiploError(f"{key}: {str(exc).splitlines()[0]}") from None
    return value if isinstance(value, dict) else {}


def check_data(cfg: DictConfig, task: Task) -> None:
    """The data block's sample limits and the task's own checks of it."""
    data = cfg.get("data") or {}
    checked: dict[str, Any] = {}
    for key in (k for k in DataLimits.model_fields if k in data):  # only these keys: a data folder resolves later
        value = data.get(key)
        checked[key] = OmegaConf.to_container(value, resolve=True) if isinstance(value, DictConfig) else value
    validate(DataLimits, checked, "data")
    task.check_data_config(data)


def run_options(cfg: DictConfig) -> RunOptions:
    """The top-level keys (seed, threads, deterministic), range-checked."""
    return validate(RunOptions, {k: cfg.get(k) for k in RunOptions.model_fields if k in cfg}, "")


def plan(cfg: DictConfig) -> Plan:
    """Validate every config block (range checks, unknown keys, the model's class and task)."""
    run = run_options(cfg)
    trainer = validate(TrainerOptions, _container(cfg, "trainer"), "trainer")
    task_cfg = _container(cfg, "task")
    task = get_task(str(task_cfg.get("name", "")), task_cfg)
    task.check_options()
    check_data(cfg, task)
    cls, options = model_options(_container(cfg, "model"), task.model_type)
    wanted = trainer.metric_for_best_model
    if wanted and cls.trains_with_trainer(options) and wanted not in cls.keeps_checkpoint_by:
        raise DiploError(f"trainer.metric_for_best_model: {cls.__name__} does not keep its checkpoint by {wanted} "
                         f"(it can by: {', '.join(sorted(cls.keeps_checkpoint_by))}; null: its own dev metric)")
    return Plan(cfg, run, trainer, task, cls, options)


def fit_model(p: Plan, examples: dict[str, Examples], out_dir: Path, callbacks: list[Any]) -> Model:
    """Build the configured model and fit it on the train split, choosing on dev: the one place a model is trained
    (the run loop and the benchmark's training throughput). ``out_dir`` holds the Trainer's checkpoints."""
    model = p.model_class(p.model_options, p.task.spec)
    context = FitContext(seed=p.run.seed, out_dir=out_dir, trainer=p.trainer, score=p.task.quick_score,
                         callbacks=callbacks)
    log.info("fitting %s on %d %ss", p.model_options.name, len(examples["train"]), p.task.unit)
    raise_if_interrupted()
    model.fit(examples["train"], examples["dev"], context)
    raise_if_interrupted()
    return model


def split_examples(task: Task, data: LoadedData, data_cfg: DictConfig) -> dict[str, Examples]:
    return {split: task.examples(list(ds), data_cfg) for split, ds in data.splits.items()}


def source_names(data: LoadedData) -> list[str]:
    """The sources that get metrics of their own (only when a data config has several)."""
    return sorted(data.sources) if len(data.sources) > 1 else []


def score_split(task: Task, outputs: list[dict[str, Any]], examples: Examples, seed: int,
                sources: list[str]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Metrics of a split, and of each source's share of it."""
    metrics = task.score(outputs, examples, seed)
    by_source = {}
    names = examples.sources()
    for source in sources:
        index = [i for i, name in enumerate(names) if name == source]
        if index:
            by_source[source] = task.score([outputs[i] for i in index], examples.select(index), seed)
    return metrics, by_source


def write_predictions(path: Path, task: Task, examples: Examples, outputs: list[dict[str, Any]]) -> None:
    with atomic_open(path) as handle:
        for i, output in enumerate(outputs):
            handle.write(json.dumps(task.prediction_row(examples, i, output), ensure_ascii=False) + "\n")


def save_checkpoint(run_dir: Path, p: Plan, model: Model, predictor: Predictor, data: LoadedData,
                    metrics: dict[str, Any], training: dict[str, Any]) -> Path:
    """Write the checkpoint aside and rename it into place: a crash never leaves a half-written one."""
    final = run_dir / "checkpoint"
    tmp = Path(tempfile.mkdtemp(prefix=".checkpoint.", suffix=".tmp", dir=run_dir))
    try:
        model.save(tmp)
        model_cfg = p.model_cfg
        write_meta(tmp, {"task": p.task.name, **p.task.checkpoint_fields(predictor), "model": model_cfg,
                         "data": {"config": str(p.cfg.data.name), "fingerprints": data.fingerprints},
                         "run": run_dir.name})
        cfg = OmegaConf.to_container(p.cfg, resolve=True)
        write_card(tmp, p.task.package, cfg, model.card(), metrics, data, folder_name=final.name, training=training,
                   run_name=run_dir.name, **p.task.card_context(predictor))
        share_as_usual(tmp)
        if final.exists():
            stale = run_dir / f"{tmp.name}.old"
            final.rename(stale)
            shutil.rmtree(stale, ignore_errors=True)
        tmp.rename(final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def same_data_as_before(run_dir: Path, before: dict[str, str], now: dict[str, str]) -> None:
    """A run continued from its Trainer checkpoint (``resume``, or ``train`` into an interrupted run's folder)
    reads the data it started on: other or edited data is refused, not silently trained on. Compared by content, so
    the same files reached by another path pass."""
    if not before or not any((run_dir / "trainer").glob("checkpoint-*")):
        return
    if sorted(before.values()) != sorted(now.values()):
        changed = sorted({path for path, digest in now.items() if before.get(path) != digest}
                         | (set(before) - set(now)))
        raise DiploError(f"{run_dir}: the run started on other data than its config reads now "
                         f"({', '.join(changed[:3])}{' ...' if len(changed) > 3 else ''}); its Trainer checkpoint "
                         "would go on with it: restore the data, or start a new run")


class Recorder(Protocol):
    """What ``run_task`` needs of the run's recorder (``runs.manifest.RunRecorder``)."""

    started_on: dict[str, str]  # the data fingerprints an earlier attempt of this run read, if any

    def record(self, **fields: Any) -> None: ...


def run_task(p: Plan, run_dir: Path, recorder: Recorder) -> dict[str, dict[str, Any]]:
    """Train and evaluate one configuration into ``run_dir``; return the metrics per split (and per source)."""
    cfg, task = p.cfg, p.task
    data = task.load_data(cfg.data)
    if p.trainer.resume:
        same_data_as_before(run_dir, recorder.started_on, data.fingerprints)
    recorder.record(data={"config": str(cfg.data.name), "fingerprints": data.fingerprints, "examples": data.counts,
                          **({"sources": data.sources} if data.sources else {}),
                          **({"warnings": data.warnings} if data.warnings else {})},
                    model={"name": p.model_options.name, "class": p.model_cfg.get("_target_"),
                           "uses_trainer": p.model_class.trains_with_trainer(p.model_options)})
    examples = split_examples(task, data, cfg.data)
    card_callback = ModelCardCallback(task.headline_metrics)
    model = fit_model(p, examples, run_dir / "trainer", [card_callback])
    if not is_main_process():  # torchrun/accelerate: rank 0 tunes, predicts and writes the run files
        return {}
    predictor, dev_outputs = task.make_predictor(model, examples["dev"])
    sources = source_names(data)
    metrics: dict[str, dict[str, Any]] = {}
    by_source: dict[str, dict[str, Any]] = {}
    for split in EVAL_SPLITS:
        log.info("predicting %d %s %ss", len(examples[split]), split, task.unit)
        outputs = dev_outputs if split == "dev" and dev_outputs is not None else task.predict(predictor,
                                                                                             examples[split])
        metrics[split], per_source = score_split(task, outputs, examples[split], p.run.seed, sources)
        by_source.update({f"{split}_{name}": values for name, values in per_source.items()})
        raise_if_interrupted()
        write_predictions(run_dir / f"predictions_{split}.jsonl", task, examples[split], outputs)
    metrics.update(by_source)
    training = {**card_callback.summary(), **{k: v for k, v in model.training.items() if k != "log_history"}}
    save_checkpoint(run_dir, p, model, predictor, data, metrics, training)
    return metrics


def evaluate(predictor: Predictor, task: Task, data_cfg: DictConfig, split: str, seed: int) -> dict[str, Any]:
    """Score a loaded predictor on one split of a data config (per source too, when it has several)."""
    data = task.load_data(data_cfg)
    examples = task.examples(list(data.splits[split]), data_cfg)
    outputs = task.predict(predictor, examples)
    metrics, by_source = score_split(task, outputs, examples, seed, source_names(data))
    if by_source:
        metrics["per_source"] = by_source
    return {**metrics, "data": {"config": str(data_cfg.name), "split": split, "fingerprints": data.fingerprints}}


# what a checkpoint brings with it: an evaluate override of these would be accepted and change nothing
CHECKPOINT_GROUPS = ("model", "trainer", "task", "experiment", "tracking")


def check_evaluate_overrides(overrides: list[str]) -> None:
    """``evaluate --override`` refuses what evaluation cannot apply: a model, trainer, task, experiment or tracking
    override, or a data key added with a single + (a misspelt key would change nothing)."""
    for override in overrides:
        key = override.split("=", 1)[0]
        name = key.lstrip("+~")
        group = re.split(r"[./]", name, maxsplit=1)[0]
        if group in CHECKPOINT_GROUPS:
            raise DiploError(f"--override {override}: evaluate uses the checkpoint's own model, task and training "
                             "settings; it takes data (data.*, --data NAME), paths.*, hydra.searchpath, seed, "
                             "threads and deterministic")
        if key.startswith("+") and not key.startswith("++"):
            raise DiploError(f"--override {override}: adds '{name}', which no config has (a misspelt key?); "
                             "evaluate only sets keys that exist")


def evaluate_checkpoint(checkpoint: str | Path, data: str | None = None, split: str = "test",
                        overrides: list[str] | None = None) -> dict[str, Any]:
    """``diplo-ml evaluate``: re-score a saved checkpoint on any data config and split."""
    from diplo_ml.checkpoint import checkpoint_task, load, read_meta
    from diplo_ml.config import compose_config
    from diplo_ml.seeding import seed_everything

    check_evaluate_overrides(overrides or [])
    for override in overrides or []:
        limit = re.fullmatch(r"\+*data\.max_(\w+)_samples=.*", override)
        if limit and limit.group(1) != split:
            log.warning("--override %s: evaluate scores the %s split only, so this limit is unused", override, split)
    folder, meta = read_meta(checkpoint)
    task = checkpoint_task(folder, meta)
    data_name = data or meta["data"]["config"]
    cfg = compose_config([f"task={meta['task']}", f"data={data_name}", *(overrides or [])])
    run = run_options(cfg)  # --override seed=... is checked as train checks it
    check_data(cfg, task)
    seed_everything(run.seed, run.deterministic, run.threads)
    metrics = evaluate(load(folder), task, cfg.data, split, run.seed)
    metrics["checkpoint"] = str(folder)
    return metrics
