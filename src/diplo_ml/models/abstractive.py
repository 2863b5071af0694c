"""Abstractive summarisation with SmolLM2-135M-Instruct: zero-shot prompting and LoRA fine-tuning.

Both models wrap the article in the instruct model's chat template (``system`` + ``prompt`` with ``{text}``),
generate the assistant turn, and decode only the new tokens. The base weights always come from the converted
cache of :mod:`diplo_ml.models.smollm`; a saved model folder holds only settings (zero-shot) or settings, tokenizer
and LoRA adapter (fine-tuned).
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any, Self

import torch
from tqdm.auto import tqdm
from transformers import AutoModelForCausalLM, AutoTokenizer, PreTrainedTokenizerBase

from diplo_ml.errors import DiploError
from diplo_ml.models import registry, smollm
from diplo_ml.models.batching import length_sorted_batches

log = logging.getLogger(__name__)
TRAINER_DEFAULTS = {"num_train_epochs": 1, "learning_rate": 2e-4, "weight_decay": 0.0, "warmup_ratio": 0.05,
                    "train_batch_size": 4, "logging_steps": 10}

SETTINGS_FILE = "diplo_abstractive.json"
IGNORE_INDEX = -100
DEFAULT_PROMPT = "Summarise this news article in one sentence.\n\n{text}"
DEFAULT_GENERATION: dict[str, Any] = {"num_beams": 1, "max_new_tokens": 64, "no_repeat_ngram_size": 3,
                                      "repetition_penalty": 1.1, "do_sample": False}
DEFAULT_LORA: dict[str, Any] = {"r": 8, "alpha": 16, "dropout": 0.05,
                                "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"]}
# Settings that define what the model was trained on: a saved folder's values win over the cfg at load time.
TRAINED_KEYS = ("prompt", "system", "max_source_tokens", "max_target_tokens")
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")


# prompts and features ----------------------------------------------------------------------------------------
def resolve_settings(cfg: dict[str, Any], saved: dict[str, Any] | None = None) -> dict[str, Any]:
    """Settings from ``cfg``; a saved folder's prompt/truncation win over ``cfg``, its generation/batch size do not."""
    saved = saved or {}
    settings: dict[str, Any] = {
        "prompt": cfg.get("prompt") or DEFAULT_PROMPT,
        "system": cfg.get("system"),
        "max_source_tokens": int(cfg.get("max_source_tokens", 384)),
        "max_target_tokens": int(cfg.get("max_target_tokens", 64)),
        "batch_size": int(cfg.get("batch_size") or saved.get("batch_size") or 8),
    }
    settings.update({key: saved[key] for key in TRAINED_KEYS if key in saved})
    generation = {**DEFAULT_GENERATION, **(saved.get("generation") or {}), **dict(cfg.get("generation") or {})}
    settings["generation"] = {key: value for key, value in generation.items() if value is not None}
    return settings


def truncate_tokens(tokenizer: PreTrainedTokenizerBase, text: str, max_tokens: int) -> str:
    """Cut ``text`` after its first ``max_tokens`` tokens, at the exact character offset."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    if len(enc["input_ids"]) <= max_tokens:
        return text
    if max_tokens <= 0:
        return ""
    return text[: enc["offset_mapping"][max_tokens - 1][1]]


def prompt_ids(tokenizer: PreTrainedTokenizerBase, text: str, settings: dict[str, Any]) -> list[int]:
    """Token ids of the chat prompt for one article, ending with the assistant header."""
    body = truncate_tokens(tokenizer, text.strip(), int(settings["max_source_tokens"]))
    template = settings["prompt"]
    user = template.replace("{text}", body) if "{text}" in template else f"{template}\n\n{body}"
    messages = [{"role": "user", "content": user}]
    if settings.get("system"):
        messages.insert(0, {"role": "system", "content": settings["system"]})
    rendered = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return list(tokenizer(rendered, add_special_tokens=False)["input_ids"])


def _end_id(tokenizer: PreTrainedTokenizerBase) -> int:
    end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    return int(end if isinstance(end, int) and end != tokenizer.unk_token_id else tokenizer.eos_token_id)


def training_features(tokenizer: PreTrainedTokenizerBase, text: str, summary: str,
                      settings: dict[str, Any]) -> dict[str, list[int]]:
    """``input_ids``/``attention_mask``/``labels`` for prompt -> summary; labels are -100 over the prompt.

    The summary is cut to ``max_target_tokens``; the end-of-turn token follows it only when it was not cut, so the
    model never learns to stop mid-sentence.
    """
    prompt = prompt_ids(tokenizer, text, settings)
    target = list(tokenizer(summary.strip(), add_special_tokens=False)["input_ids"])
    limit = int(settings["max_target_tokens"])
    target = target[:limit] if len(target) > limit else [*target, _end_id(tokenizer)]
    return {"input_ids": prompt + target, "attention_mask": [1] * (len(prompt) + len(target)),
            "labels": [IGNORE_INDEX] * len(prompt) + target}


# models --------------------------------------------------------------------------------------------------------
def _base_folder(cfg: dict[str, Any]) -> Path:
    """The base model: the converted packaged GGUF (default) or a local transformers folder in ``cfg['base']``."""
    base = cfg.get("base")
    if not base or base == smollm.REGISTRY_NAME:
        return smollm.prepared_path()
    return registry.resolve(str(base))


def _read_settings(folder: Path) -> dict[str, Any]:
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        raise DiploError(f"not a saved summarisation model: {path} is missing")
    return json.loads(path.read_text())


class _SmolLMBase:
    """Shared prompting, generation and settings I/O."""

    kind = "smollm"

    def __init__(self, cfg: dict[str, Any], folder: Path | None = None) -> None:
        self.cfg = dict(cfg)
        self.folder = Path(folder) if folder is not None else None
        saved = _read_settings(self.folder) if self.folder is not None else {}
        if saved and saved.get("kind") != self.kind:
            raise DiploError(f"{self.folder} holds a '{saved.get('kind')}' model, not '{self.kind}'")
        self.settings = resolve_settings(self.cfg, saved)
        self.base = _base_folder(self.cfg)
        tok_source = self.folder if self.folder is not None and (self.folder / "tokenizer.json").is_file() \
            else self.base
        self.tokenizer = AutoTokenizer.from_pretrained(str(tok_source))
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        device = self.cfg.get("device") or ("cuda" if torch.cuda.is_available() else "cpu")
        dtype = getattr(torch, str(self.cfg.get("dtype", "float32")))
        model = AutoModelForCausalLM.from_pretrained(str(self.base), dtype=dtype)
        self.model = self._wrap(model).to(device).eval()
        self.log_history: list[dict[str, Any]] = []
        self.best: dict[str, Any] = {}

    def _wrap(self, model: torch.nn.Module) -> torch.nn.Module:
        return model

    # inference -------------------------------------------------------------------------------------------------
    @torch.inference_mode()
    def summarise(self, texts: list[str]) -> list[str]:
        """One summary per text: batched greedy/beam generation with left padding, new tokens only, stripped."""
        self.model.eval()
        self.tokenizer.padding_side = "left"
        device = next(self.model.parameters()).device
        prompts = [prompt_ids(self.tokenizer, text, self.settings) for text in texts]
        end = _end_id(self.tokenizer)
        out = [""] * len(texts)
        bar = tqdm(total=len(texts), desc="generating summaries", unit="article", disable=len(texts) < 2)
        for batch in length_sorted_batches([len(p) for p in prompts], int(self.settings["batch_size"])):
            enc = self.tokenizer.pad({"input_ids": [prompts[i] for i in batch]}, padding=True, return_tensors="pt")
            generated = self.model.generate(
                input_ids=enc["input_ids"].to(device), attention_mask=enc["attention_mask"].to(device),
                eos_token_id=end, pad_token_id=self.tokenizer.pad_token_id, **self.settings["generation"])
            new = generated[:, enc["input_ids"].shape[1]:]
            for i, summary in zip(batch, self.tokenizer.batch_decode(new, skip_special_tokens=True)):
                out[i] = summary.strip()
            bar.update(len(batch))
        bar.close()
        return out

    # persistence -----------------------------------------------------------------------------------------------
    def _write_settings(self, folder: Path, extra: dict[str, Any] | None = None) -> None:
        meta = {"kind": self.kind, **{k: self.settings[k] for k in TRAINED_KEYS},
                "generation": self.settings["generation"], "batch_size": self.settings["batch_size"],
                "base": str(self.cfg.get("base") or smollm.REGISTRY_NAME), "base_sha256": smollm.SOURCE_SHA256,
                **(extra or {})}
        (folder / SETTINGS_FILE).write_text(json.dumps(meta, indent=2) + "\n")

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._write_settings(folder)

    @classmethod
    def load(cls, folder: Path, cfg: dict[str, Any]) -> Self:
        """Rebuild from a saved folder; its prompt/truncation settings win, ``cfg`` may change generation."""
        return cls(cfg, folder=Path(folder))


class SmolLMZeroShot(_SmolLMBase):
    """Prompt the instruct model as is; nothing is trained."""

    kind = "smollm_zeroshot"

    def fit(self, train_texts: list[str], train_summaries: list[str], dev_texts: list[str],
            dev_summaries: list[str], seed: int, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list | None = None) -> None:
        """Nothing to train: prompting only."""
        log.info("%s: zero-shot model, nothing to fit", self.kind)


class SmolLMLoRA(_SmolLMBase):
    """LoRA adapter fine-tuned on prompt -> summary, loss on the summary tokens only."""

    kind = "smollm_lora"

    def _wrap(self, model: torch.nn.Module) -> torch.nn.Module:
        if self.folder is None:
            return model
        from peft import PeftModel

        if not (self.folder / ADAPTER_FILES[0]).is_file():
            raise DiploError(f"no LoRA adapter in {self.folder} ({ADAPTER_FILES[0]} is missing)")
        peft_model = PeftModel.from_pretrained(model, str(self.folder))
        return peft_model.merge_and_unload() if self.cfg.get("merge", True) else peft_model

    def _lora_config(self):
        from peft import LoraConfig, TaskType

        lora = {**DEFAULT_LORA, **dict(self.cfg.get("lora") or {})}
        return LoraConfig(task_type=TaskType.CAUSAL_LM, r=int(lora["r"]), lora_alpha=int(lora["alpha"]),
                          lora_dropout=float(lora["dropout"]), target_modules=list(lora["target_modules"]))

    def _dataset(self, texts: list[str], summaries: list[str]):
        from datasets import Dataset

        if len(texts) != len(summaries):
            raise DiploError(f"{len(texts)} texts but {len(summaries)} summaries")
        rows = [training_features(self.tokenizer, t, s, self.settings) for t, s in zip(texts, summaries)]
        return Dataset.from_list(rows)

    def fit(self, train_texts: list[str], train_summaries: list[str], dev_texts: list[str],
            dev_summaries: list[str], seed: int, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list | None = None) -> None:
        """Train a fresh LoRA adapter with the Trainer; with evaluation on, keeps the checkpoint of best dev loss."""
        from peft import PeftModel, get_peft_model
        from transformers import DataCollatorForSeq2Seq, Trainer, set_seed

        from diplo_ml.models.training_args import train_resuming, training_arguments, uses_cpu

        set_seed(seed)
        if not isinstance(self.model, PeftModel):
            self.model = get_peft_model(self.model, self._lora_config())
        trainable, total = self.model.get_nb_trainable_parameters()
        log.info("LoRA: %d trainable of %d parameters (%.2f%%)", trainable, total, 100 * trainable / total)
        self.tokenizer.padding_side = "right"
        train = self._dataset(train_texts, train_summaries)
        strategy = trainer_cfg.get("eval_strategy", "epoch") if dev_texts else "no"
        dev = self._dataset(dev_texts, dev_summaries) if strategy != "no" else None
        train_bs = int(trainer_cfg.get("train_batch_size", 4))
        use_cpu = uses_cpu(trainer_cfg)
        args = training_arguments(
            trainer_cfg, out_dir, seed, strategy=strategy, best_metric="eval_loss",
            eval_batch_size=int(trainer_cfg.get("eval_batch_size", train_bs)), defaults=TRAINER_DEFAULTS,
            prediction_loss_only=True, label_names=["labels"],
            bf16=bool(trainer_cfg.get("bf16", False)) and not use_cpu,
        )
        collator = DataCollatorForSeq2Seq(self.tokenizer, padding=True, label_pad_token_id=IGNORE_INDEX,
                                          pad_to_multiple_of=None if use_cpu else 8)
        trainer = Trainer(model=self.model, args=args, train_dataset=train, eval_dataset=dev,
                          data_collator=collator, processing_class=self.tokenizer, callbacks=list(callbacks or []))
        use_cache = self.model.config.use_cache
        self.model.config.use_cache = False
        try:
            self.best = train_resuming(trainer, out_dir, trainer_cfg, can_resume=strategy != "no")
        finally:
            self.model.config.use_cache = use_cache
        self.model = trainer.model.eval()
        self.log_history = list(trainer.state.log_history)

    def save(self, folder: Path) -> None:
        """Write the adapter only (never the base weights), the tokenizer and the settings."""
        from peft import PeftModel

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if isinstance(self.model, PeftModel):
            self.model.save_pretrained(str(folder))
        elif self.folder is not None and self.folder.resolve() != folder.resolve():
            for name in ADAPTER_FILES:  # loaded (and merged) from a saved folder: copy its adapter
                shutil.copy2(self.folder / name, folder / name)
        elif self.folder is None:
            raise DiploError(f"{self.kind}: nothing to save before fit()")
        self.tokenizer.save_pretrained(str(folder))
        lora = {**DEFAULT_LORA, **dict(self.cfg.get("lora") or {})}
        self._write_settings(folder, {"lora": {**lora, "target_modules": list(lora["target_modules"])}})
