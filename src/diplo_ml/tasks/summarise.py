"""Article summarisation: extractive, abstractive and baseline models scored with ROUGE + CIs."""

from __future__ import annotations

import json
import logging
from functools import partial
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from diplo_ml.cards.card import ModelCardCallback, write_card
from diplo_ml.checkpoint import write_meta
from diplo_ml.data.loader import LoadedData, load_splits
from diplo_ml.data.schema import check_summary_record
from diplo_ml.errors import DiploError
from diplo_ml.inference import Summariser
from diplo_ml.metrics import load_metric
from diplo_ml.runs.manifest import RunRecorder
from diplo_ml.summary_stats import summary_stats

log = logging.getLogger(__name__)


def model_class(kind: str):
    """The summariser class for a model kind (imported lazily: the LLM stack is heavy)."""
    if kind in ("lead", "textrank", "extractive"):
        from diplo_ml.models import extractive

        return {"lead": extractive.LeadSummariser, "textrank": extractive.TextRankSummariser,
                "extractive": extractive.ExtractiveSummariser}[kind]
    if kind in ("smollm_zeroshot", "smollm_lora"):
        from diplo_ml.models import abstractive

        return {"smollm_zeroshot": abstractive.SmolLMZeroShot, "smollm_lora": abstractive.SmolLMLoRA}[kind]
    raise DiploError(f"model kind '{kind}' does not summarise (use lead, textrank, extractive, "
                     "smollm_zeroshot or smollm_lora)")


def score_summaries(predictions: list[str], sources: list[str], references: list[str], seed: int = 0,
                    bootstrap: int = 1000) -> dict[str, Any]:
    """ROUGE-1/2/L/Lsum with bootstrap 95% CIs, length statistics, novel n-grams, unsupported entities."""
    from diplo_ml.faithfulness import unsupported_entity_rate

    rouge = load_metric("rouge").compute(predictions=predictions, references=references, bootstrap=bootstrap,
                                         seed=seed)
    return {**rouge, **summary_stats(predictions, sources, references),
            "unsupported_entity_rate": unsupported_entity_rate(predictions, sources), "n": len(predictions)}


class SummariseTask:
    name = "summarise"

    def fields(self, cfg: DictConfig) -> tuple[str, str]:
        return str(cfg.data.get("text_field", "text")), str(cfg.data.get("summary_field", "summary"))

    def load_data(self, cfg: DictConfig) -> LoadedData:
        text_field, summary_field = self.fields(cfg)
        return load_splits(cfg.data, partial(check_summary_record, text_field=text_field,
                                             summary_field=summary_field))

    def run(self, cfg: DictConfig, run_dir: Path, recorder: RunRecorder) -> dict[str, dict[str, Any]]:
        data = self.load_data(cfg)
        recorder.record(data={"config": str(cfg.data.name), "fingerprints": data.fingerprints,
                              "examples": data.counts})
        text_field, summary_field = self.fields(cfg)
        texts = {s: list(ds[text_field]) for s, ds in data.splits.items()}
        refs = {s: list(ds[summary_field]) for s, ds in data.splits.items()}
        model_cfg = OmegaConf.to_container(cfg.model, resolve=True)
        model = model_class(str(cfg.model.kind))(model_cfg)
        card_callback = ModelCardCallback()
        log.info("fitting %s on %d articles", cfg.model.name, len(texts["train"]))
        model.fit(texts["train"], refs["train"], texts["dev"], refs["dev"], seed=int(cfg.seed),
                  out_dir=run_dir / "trainer", trainer_cfg=OmegaConf.to_container(cfg.trainer, resolve=True),
                  callbacks=[card_callback])
        summariser = Summariser(model, {"task": self.name, "kind": model.kind, "model": model_cfg})
        metrics: dict[str, dict[str, Any]] = {}
        for split in ("dev", "test"):
            log.info("summarising %d %s articles", len(texts[split]), split)
            outputs = summariser.summarise(texts[split])
            predictions = [o["summary"] for o in outputs]
            metrics[split] = score_summaries(predictions, texts[split], refs[split], seed=int(cfg.seed))
            ids = list(data.splits[split]["id"])
            with open(run_dir / f"predictions_{split}.jsonl", "w", encoding="utf-8") as handle:
                for rid, text, ref, out in zip(ids, texts[split], refs[split], outputs):
                    handle.write(json.dumps({"id": rid, "reference": ref, **out, "source_words": len(text.split())},
                                            ensure_ascii=False) + "\n")
        folder = run_dir / "checkpoint"
        folder.mkdir(parents=True, exist_ok=True)
        model.save(folder)
        write_meta(folder, {"task": self.name, "kind": model.kind, "model": model_cfg,
                            "data": {"config": str(cfg.data.name), "fingerprints": data.fingerprints},
                            "run": run_dir.name})
        write_card(folder, task=self.name, cfg=cfg, metrics=metrics, data=data, training=card_callback.summary(),
                   run_name=run_dir.name)
        return metrics

    def evaluate(self, summariser: Summariser, cfg: DictConfig, split: str) -> dict[str, Any]:
        data = self.load_data(cfg)
        text_field, summary_field = self.fields(cfg)
        ds = data.splits[split]
        predictions = [o["summary"] for o in summariser.summarise(list(ds[text_field]))]
        return {**score_summaries(predictions, list(ds[text_field]), list(ds[summary_field]), seed=int(cfg.seed)),
                "data": {"config": str(cfg.data.name), "split": split, "fingerprints": data.fingerprints}}

    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Summariser:
        return Summariser(model_class(meta["kind"]).load(folder, meta["model"]), meta)
