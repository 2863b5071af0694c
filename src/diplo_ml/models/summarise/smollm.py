"""Abstractive summarisation with SmolLM2-135M-Instruct: zero-shot prompting and LoRA fine-tuning.

Both models wrap the article in the instruct model's chat template (``system`` + ``prompt`` with ``{text}``),
generate the assistant turn, and decode only the new tokens. The base weights come from the converted cache of
:mod:`diplo_ml.models.weights.smollm2`; a saved model folder holds only settings (zero-shot) or settings, tokenizer
and LoRA adapter (fine-tuned).
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any, Literal

import torch
from pydantic import ConfigDict, Field, field_validator, model_validator
from tqdm.auto import tqdm
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    GenerationConfig,
    LogitsProcessorList,
    PreTrainedTokenizerBase,
)

from diplo_ml.data.examples import Context, Examples
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models import engine, weights
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.encoding import length_sorted_batches
from diplo_ml.models.summarise.constrained import NoRepeatInAnswer, SourceConstraint, Vocabulary, finish, rerank, tidy
from diplo_ml.models.weights import smollm2
from diplo_ml.options import Options

log = logging.getLogger(__name__)

SETTINGS_FILE = "diplo_abstractive.json"
IGNORE_INDEX = -100
DEFAULT_PROMPT = "Summarise this news article in one sentence.\n\n{text}"
DEFAULT_GENERATION: dict[str, Any] = {"num_beams": 1, "max_new_tokens": 64, "no_repeat_ngram_size": 3,
                                      "repetition_penalty": 1.1, "do_sample": False, "constrain_to_source": True,
                                      "n_best": 1, "target_words": 30}
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
# generate() arguments the summariser sets itself (or whose output it could not read): never from the config
SET_HERE = {"eos_token_id", "pad_token_id", "num_return_sequences", "return_dict_in_generate", "_from_model_config",
            "transformers_version"}


class GenerationOptions(Options):
    """``model.generation``: keyword arguments of ``generate`` (others that transformers knows are passed on)."""

    model_config = ConfigDict(extra="allow")

    @model_validator(mode="after")
    def _known_to_transformers(self) -> GenerationOptions:
        known = set(GenerationConfig().to_dict()) - SET_HERE
        unknown = sorted(set(self.model_extra or {}) - known)
        if unknown:
            raise ValueError(f"{unknown[0]}: unknown option (neither diplo-ml's nor a generate() setting that "
                             "transformers knows; n_best sets how many beams are returned)")
        return self
    num_beams: int = Field(1, ge=1, le=64)
    max_new_tokens: int = Field(64, ge=1, le=4096)
    no_repeat_ngram_size: int | None = Field(3, ge=0)
    repetition_penalty: float | None = Field(1.1, gt=0)
    do_sample: bool = False
    constrain_to_source: bool = True   # capitalised words and numbers may only begin if the article has them
    n_best: int = Field(1, ge=1, le=16)  # beams kept and reranked by unsupported entities, then length
    target_words: int = Field(30, ge=1)  # the length reranking prefers


# the linear layers LoRA can wrap, by the base's model_type (a base of another type is checked when it loads)
LORA_TARGETS = {"llama": {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}}


class LoraOptions(Options):
    r: int = Field(8, ge=1, le=1024)
    alpha: int = Field(16, ge=1, le=4096)
    dropout: float = Field(0.05, ge=0, lt=1)
    target_modules: list[str] = Field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj"], min_length=1)


class SmolLMOptions(ModelOptions):
    base: weights.PretrainedName = smollm2.REGISTRY_NAME  # registered weights or a local transformers folder
    prompt: str | None = None
    system: str | None = None
    max_source_tokens: int = Field(384, ge=1)
    max_target_tokens: int = Field(64, ge=1)
    batch_size: int | None = Field(None, ge=1, le=1024)
    generation: GenerationOptions = Field(default_factory=GenerationOptions)
    device: str | None = None   # cpu, cuda, cuda:N or mps; None: cuda when there is one
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"

    @field_validator("device")
    @classmethod
    def _a_torch_device(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"cpu|cuda(?::\d{1,3})?|mps", value):
            raise ValueError("must be cpu, cuda, cuda:N or mps")
        return value  # whether the machine has it is checked where the model loads (a sweep may run elsewhere)

    @model_validator(mode="after")
    def _fits_the_base(self) -> SmolLMOptions:
        """The prompt and the answer fit the base's positions (prompt + summary tokens <= its context)."""
        limit = weights.config_number(self.base, "max_position_embeddings")
        wanted = self.max_source_tokens + max(self.max_target_tokens, self.generation.max_new_tokens)
        if limit is not None and wanted > limit:
            raise ValueError(f"max_source_tokens: with the longer of max_target_tokens and generation.max_new_tokens, "
                             f"at most {limit} tokens for '{self.base}' (its context), got {wanted}")
        return self


class SmolLMLoraOptions(SmolLMOptions):
    lora: LoraOptions = Field(default_factory=LoraOptions)
    merge: bool = True

    @model_validator(mode="after")
    def _layers_of_the_base(self) -> SmolLMLoraOptions:
        known = LORA_TARGETS.get(str((weights.pretrained_config(self.base) or {}).get("model_type")))
        wrong = [name for name in self.lora.target_modules if known is not None and name not in known]
        if wrong:
            raise ValueError(f"lora: target_modules {wrong[0]!r} is not a linear layer of '{self.base}' (use "
                             f"{', '.join(sorted(known or ()))})")
        return self


def _read_settings(folder: Path) -> dict[str, Any]:
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        raise DiploError(f"not a saved summarisation model: {path} is missing")
    return read_json_object(path, "summariser settings")


class _SmolLM(SummarisingModel):
    """Shared prompting, generation and settings I/O of the SmolLM2 summarisers."""

    Options = SmolLMOptions
    options: SmolLMOptions

    def __init__(self, options: SmolLMOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        saved = _read_settings(self.folder) if self.folder is not None else {}
        kind = type(self).__name__
        if saved and saved.get("class", kind) != kind:
            raise DiploError(f"{self.folder} holds a '{saved.get('class')}' model, not '{kind}'")
        self.settings = resolve_settings(options.model_dump(exclude_unset=False), saved)
        self.base = weights.resolve(options.base)
        tok_source = self.folder if self.folder is not None and (self.folder / "tokenizer.json").is_file() \
            else self.base
        self.tokenizer = AutoTokenizer.from_pretrained(str(tok_source))
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        device = options.device or ("cuda" if torch.cuda.is_available() else "cpu")
        if (device.startswith("cuda") and not torch.cuda.is_available()) or (
                device == "mps" and not torch.backends.mps.is_available()):
            raise DiploError(f"model.device={device}: this machine has no {device.split(':')[0]} device")
        model = AutoModelForCausalLM.from_pretrained(str(self.base), dtype=getattr(torch, options.dtype),
                                                     use_safetensors=True)
        self.model = self._wrap(model).to(device).eval()

    def _wrap(self, model: torch.nn.Module) -> torch.nn.Module:
        return model

    def use_batch_size(self, size: int) -> bool:
        self.settings["batch_size"] = size
        return True

    def _vocabulary(self) -> Vocabulary:
        if not hasattr(self, "_vocab"):
            self._vocab = Vocabulary(self.tokenizer)
        return self._vocab

    # inference -------------------------------------------------------------------------------------------------
    @torch.inference_mode()
    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        """One summary per text: batched greedy/beam generation with left padding, new tokens only, stripped; one
        that ran into ``max_new_tokens`` is cut back to its last full sentence."""
        self.model.eval()
        self.tokenizer.padding_side = "left"
        device = next(self.model.parameters()).device
        prompts = [prompt_ids(self.tokenizer, text, self.settings) for text in texts]
        end = _end_id(self.tokenizer)
        generation = dict(self.settings["generation"])
        constrain = bool(generation.pop("constrain_to_source", False))
        n_best = int(generation.pop("n_best", 1))
        target = int(generation.pop("target_words", 30))
        # transformers would count the prompt (the article) too and forbid copying any of its n-grams
        no_repeat = int(generation.pop("no_repeat_ngram_size", 0) or 0)
        if n_best > 1:
            generation["num_beams"] = max(int(generation.get("num_beams", 1)), n_best)
            generation["num_return_sequences"] = n_best
        beams = int(generation.get("num_beams", 1))
        out = [""] * len(texts)
        bar = tqdm(total=len(texts), desc="generating summaries", unit="article", disable=len(texts) < 2)
        for batch in length_sorted_batches([len(p) for p in prompts], int(self.settings["batch_size"])):
            enc = self.tokenizer.pad({"input_ids": [prompts[i] for i in batch]}, padding=True, return_tensors="pt")
            start = enc["input_ids"].shape[1]
            rules = [NoRepeatInAnswer(no_repeat, start, self._vocabulary())] if no_repeat else []
            if constrain:
                rules.append(SourceConstraint(self._vocabulary(), [texts[i] for i in batch], beams, start))
            extra = {"logits_processor": LogitsProcessorList(rules)} if rules else {}
            generated = self.model.generate(
                input_ids=enc["input_ids"].to(device), attention_mask=enc["attention_mask"].to(device),
                eos_token_id=end, pad_token_id=self.tokenizer.pad_token_id, **generation, **extra)
            new = generated[:, start:]
            stopped = [not bool((row == end).any()) for row in new]  # ran into max_new_tokens, maybe mid-sentence
            decoded = [finish(tidy(d)) if cut else tidy(d)
                       for d, cut in zip(self.tokenizer.batch_decode(new, skip_special_tokens=True), stopped)]
            for j, i in enumerate(batch):
                options = decoded[j * n_best : (j + 1) * n_best]
                out[i] = rerank(options, texts[i], target) if n_best > 1 else options[0]
            bar.update(len(batch))
        bar.close()
        return out

    # persistence -----------------------------------------------------------------------------------------------
    def _write_settings(self, folder: Path, extra: dict[str, Any] | None = None) -> None:
        meta = {"class": type(self).__name__, **{k: self.settings[k] for k in TRAINED_KEYS},
                "generation": self.settings["generation"], "batch_size": self.settings["batch_size"],
                "base": self.options.base, "base_sha256": smollm2.SOURCE_SHA256, **(extra or {})}
        atomic_write_json(folder / SETTINGS_FILE, meta)

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._write_settings(folder)

    def _generation_text(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.settings["generation"].items())


class SmolLMZeroShot(_SmolLM):
    """Prompt the instruct model as is; nothing is trained."""

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to train: prompting only."""
        log.info("SmolLM2 zero-shot: nothing to fit")

    def card(self) -> CardInfo:
        return CardInfo(f"SmolLM2-135M-Instruct (`{self.options.base}`) prompted zero-shot with the article cut to "
                        f"{self.settings['max_source_tokens']} tokens; generation: {self._generation_text()}. "
                        "Nothing is trained.", library="transformers", generates=True,
                        license="apache-2.0")


class SmolLMLoRA(_SmolLM):
    """LoRA adapter fine-tuned on prompt -> summary, loss on the summary tokens only."""

    Options = SmolLMLoraOptions
    uses_trainer = True
    options: SmolLMLoraOptions

    def _wrap(self, model: torch.nn.Module) -> torch.nn.Module:
        if self.folder is None:
            return model
        from peft import PeftModel

        if not (self.folder / ADAPTER_FILES[0]).is_file():
            raise DiploError(f"no LoRA adapter in {self.folder} ({ADAPTER_FILES[0]} is missing)")
        peft_model = PeftModel.from_pretrained(model, str(self.folder))
        return peft_model.merge_and_unload() if self.options.merge else peft_model

    def _lora_config(self):
        from peft import LoraConfig, TaskType

        lora = self.options.lora
        return LoraConfig(task_type=TaskType.CAUSAL_LM, r=lora.r, lora_alpha=lora.alpha, lora_dropout=lora.dropout,
                          target_modules=list(lora.target_modules))

    def _dataset(self, texts: list[str], summaries: list[str]):
        from datasets import Dataset

        rows = [training_features(self.tokenizer, t, s, self.settings) for t, s in zip(texts, summaries)]
        return Dataset.from_list(rows)

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Train a fresh LoRA adapter; with evaluation on, keeps the checkpoint of best dev loss."""
        from peft import PeftModel, get_peft_model
        from transformers import DataCollatorForSeq2Seq, set_seed

        set_seed(context.seed)
        if not isinstance(self.model, PeftModel):
            self.model = get_peft_model(self.model, self._lora_config())
        trainable, total = self.model.get_nb_trainable_parameters()
        log.info("LoRA: %d trainable of %d parameters (%.2f%%)", trainable, total, 100 * trainable / total)
        self.tokenizer.padding_side = "right"
        evaluating = len(dev) > 0 and context.trainer.eval_strategy != "no"
        on_cpu = engine.uses_cpu(context.trainer)
        collator = DataCollatorForSeq2Seq(self.tokenizer, padding=True, label_pad_token_id=IGNORE_INDEX,
                                          pad_to_multiple_of=None if on_cpu else 8)
        job = engine.TrainJob(
            model=self.model, tokenizer=self.tokenizer, train=self._dataset(train.inputs, train.targets),
            dev=self._dataset(dev.inputs, dev.targets) if evaluating else None, collator=collator,
            eval_batch_size=context.trainer.eval_batch_size or context.trainer.train_batch_size,
            best_metric="eval_loss", can_resume=evaluating,
            arguments={"prediction_loss_only": True, "label_names": ["labels"]})
        use_cache = self.model.config.use_cache
        self.model.config.use_cache = False
        try:
            self.model, self.training = engine.train(job, context)
        finally:
            self.model.config.use_cache = use_cache

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
            raise DiploError("SmolLMLoRA: nothing to save before fit()")
        self.tokenizer.save_pretrained(str(folder))
        self._write_settings(folder, {"lora": self.options.lora.model_dump()})

    def card(self) -> CardInfo:
        lora = self.options.lora
        return CardInfo(f"SmolLM2-135M-Instruct (`{self.options.base}`) with LoRA adapters (r={lora.r}, "
                        f"alpha={lora.alpha}) trained on prompt → summary pairs, loss on the summary tokens only; "
                        f"generation: {self._generation_text()}.", library="peft", uses_trainer=True,
                        generates=True, license="apache-2.0")
