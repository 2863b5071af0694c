"""Model cards: a Jinja template per task, filled from the run (config, data, metrics, training log)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from omegaconf import DictConfig, OmegaConf
from transformers import TrainerCallback

TEMPLATES = Path(__file__).parent


class ModelCardCallback(TrainerCallback):
    """Collects what the card reports about training while the Trainer runs."""

    def __init__(self) -> None:
        self.evals: list[dict[str, Any]] = []
        self.info: dict[str, Any] = {}

    def on_train_begin(self, args, state, control, **kwargs):
        self.info.update(train_batch_size=args.per_device_train_batch_size, learning_rate=args.learning_rate,
                         epochs=args.num_train_epochs, max_steps=state.max_steps)

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if metrics:
            self.evals.append({"epoch": round(state.epoch or 0.0, 2), "step": state.global_step,
                               **{k.removeprefix("eval_"): v for k, v in metrics.items()
                                  if k in ("eval_macro_f1", "eval_micro_f1", "eval_loss")}})

    def on_train_end(self, args, state, control, **kwargs):
        self.info.update(global_step=state.global_step, best_metric=state.best_metric,
                         best_checkpoint=Path(state.best_model_checkpoint).name
                         if state.best_model_checkpoint else None)

    def summary(self) -> dict[str, Any]:
        return {"evals": self.evals, **self.info}


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["f3"] = lambda x: "n/a" if x is None else f"{float(x):.3f}"
    return env


def render_card(task: str, **context: Any) -> str:
    return _environment().get_template(f"{task}.md.j2").render(**context)


def write_card(folder: Path, task: str, cfg: DictConfig, metrics: dict[str, Any], data: Any,
               **context: Any) -> Path:
    """Render ``folder/README.md`` for a finished run."""
    text = render_card(
        task,
        cfg=OmegaConf.to_container(cfg, resolve=True),
        model=OmegaConf.to_container(cfg.model, resolve=True),
        metrics=metrics,
        fingerprints=data.fingerprints,
        examples=data.counts,
        created=datetime.now(UTC).strftime("%Y-%m-%d"),
        folder_name=folder.name,
        **context,
    )
    path = folder / "README.md"
    path.write_text(text)
    return path
