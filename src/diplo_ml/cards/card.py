"""Model cards: the task's Jinja template filled from the run (config, data, metrics, model, training log)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from transformers import TrainerCallback

from diplo_ml.files import atomic_write_text
from diplo_ml.templating import render


class ModelCardCallback(TrainerCallback):
    """Collects what the card reports about training while the Trainer runs: each evaluation's loss and the task's
    ``metrics`` (its headline metrics, which the harness passes)."""

    def __init__(self, metrics: Sequence[str] = ()) -> None:
        self.kept = {f"eval_{name}" for name in ("loss", *metrics)}
        self.evals: list[dict[str, Any]] = []
        self.info: dict[str, Any] = {}

    def on_train_begin(self, args, state, control, **kwargs):
        self.info.update(train_batch_size=args.per_device_train_batch_size, learning_rate=args.learning_rate,
                         epochs=args.num_train_epochs, max_steps=state.max_steps)

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if metrics:
            self.evals.append({"epoch": round(state.epoch or 0.0, 2), "step": state.global_step,
                               **{k.removeprefix("eval_"): v for k, v in metrics.items()
                                  if k in self.kept}})

    def on_train_end(self, args, state, control, **kwargs):
        self.info.update(global_step=state.global_step, best_metric=state.best_metric,
                         best_checkpoint=Path(state.best_model_checkpoint).name
                         if state.best_model_checkpoint else None)

    def summary(self) -> dict[str, Any]:
        return {"evals": self.evals, **self.info}


def write_card(folder: Path, template_dir: Path, cfg: dict[str, Any], model_card: Any, metrics: dict[str, Any],
               data: Any, folder_name: str | None = None, **context: Any) -> Path:
    """Render ``folder/README.md`` from ``template_dir/card.md.j2``; ``folder_name`` is the name the card gives the
    folder (the checkpoint's final name when it is written aside first)."""
    text = render("card.md.j2", template_dir, cfg=cfg, model=cfg["model"], card=asdict(model_card), metrics=metrics,
                  fingerprints=data.fingerprints, examples=data.counts, sources=data.sources,
                  data_warnings=data.warnings,
                  created=datetime.now(UTC).strftime("%Y-%m-%d"), folder_name=folder_name or folder.name, **context)
    return atomic_write_text(folder / "README.md", text)
