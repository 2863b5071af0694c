"""SmolLM2 preparation (checksum, idempotent cache) and the zero-shot / LoRA summarisers, on tiny inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplo_ml.errors import DiploError
from diplo_ml.models.summarise.smollm import SETTINGS_FILE, SmolLMLoRA, SmolLMZeroShot
from diplo_ml.models.weights import smollm2 as smollm

from .conftest import build_model, fit_context, summary_examples

pytestmark = pytest.mark.slow

TEXTS = [
    "The Foreign Secretary met the Vietnamese ambassador in London to discuss trade and climate cooperation.",
    "The embassy in Madrid opened a new consular office to help British nationals living in southern Spain.",
    "Ministers from ten ASEAN countries agreed a joint statement on maritime security at their summit in Jakarta.",
    "A British trade mission to Hanoi signed agreements worth 50 million pounds in renewable energy projects.",
]
SUMMARIES = [
    "The Foreign Secretary discussed trade and climate with Vietnam's ambassador.",
    "A new consular office in Spain will help British nationals.",
    "ASEAN ministers agreed a statement on maritime security.",
    "A UK trade mission signed renewable energy deals in Hanoi.",
]
CFG = {"max_source_tokens": 64, "max_target_tokens": 24, "batch_size": 2,
       "prompt": "Summarise this news article in one sentence.\n\n{text}",
       "generation": {"num_beams": 1, "max_new_tokens": 12, "no_repeat_ngram_size": 3, "repetition_penalty": 1.1,
                      "do_sample": False}}


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread: on a small, shared CPU, two OpenMP threads contending run several times slower."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def prepared() -> Path:
    """The converted model (converted once, then reused from the cache)."""
    return smollm.prepare()


@pytest.fixture(scope="session")
def tokenizer(prepared):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(prepared))


def test_prepare_is_idempotent(prepared):
    marker = prepared / smollm.SOURCE_FILE
    before = marker.stat().st_mtime_ns
    assert smollm.prepare() == prepared
    assert smollm.prepared_path() == prepared
    assert marker.stat().st_mtime_ns == before  # not rebuilt
    assert (prepared / "config.json").is_file() and "quantization_config" not in (prepared / "config.json").read_text()
    assert not [p for p in prepared.parent.iterdir() if p.name.endswith(".tmp")]
    import json

    from diplo_ml.models import weights

    config, known = json.loads((prepared / "config.json").read_text()), weights.get("smollm2").config
    assert {key: config[key] for key in known} == known  # what options checks read without converting


def test_checksum_mismatch_is_refused(tmp_path, monkeypatch, prepared):
    fake = tmp_path / "pkg"
    fake.mkdir()
    data = bytearray(smollm.source_file().read_bytes())
    data[len(data) // 2] ^= 0xFF
    (fake / smollm.GGUF_FILE).write_bytes(bytes(data))
    monkeypatch.setattr(smollm, "source_file", lambda: fake / smollm.GGUF_FILE)
    monkeypatch.setenv("DIPLO_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DiploError, match="checksum mismatch") as info:
        smollm.prepare()
    message = str(info.value)
    assert smollm.GGUF_FILE in message and smollm.SOURCE_SHA256 in message
    assert not smollm.cache_dir().exists()


def test_label_masking(tokenizer):
    from transformers import DataCollatorForSeq2Seq

    from diplo_ml.models.summarise.smollm import IGNORE_INDEX, prompt_ids, resolve_settings, training_features

    settings = resolve_settings(CFG)
    prompt = prompt_ids(tokenizer, TEXTS[0], settings)
    feats = training_features(tokenizer, TEXTS[0], SUMMARIES[0], settings)
    n = len(prompt)
    assert feats["input_ids"][:n] == prompt
    assert feats["labels"][:n] == [IGNORE_INDEX] * n
    assert feats["labels"][n:] == feats["input_ids"][n:] and IGNORE_INDEX not in feats["labels"][n:]
    assert tokenizer.decode(feats["labels"][n:]) == SUMMARIES[0] + "<|im_end|>"
    assert tokenizer.decode(prompt).endswith("<|im_start|>assistant\n")
    # a long summary is cut to max_target_tokens with no end-of-turn token; padding is masked too
    long = training_features(tokenizer, TEXTS[1], " ".join(SUMMARIES * 3), settings)
    assert len(long["labels"]) - long["labels"].count(IGNORE_INDEX) == settings["max_target_tokens"]
    tokenizer.padding_side = "right"
    batch = DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=IGNORE_INDEX)([feats, long])
    short_len = len(feats["labels"])
    assert (batch["labels"][0, short_len:] == IGNORE_INDEX).all()
    assert (batch["attention_mask"][0, short_len:] == 0).all()


def test_zero_shot_summaries_and_round_trip(prepared, tmp_path):
    model = build_model(SmolLMZeroShot, CFG)
    model.fit(summary_examples(TEXTS, SUMMARIES), summary_examples(TEXTS[:1], SUMMARIES[:1]),
              fit_context(tmp_path / "out"))
    out = model.summarise(TEXTS[:2])
    assert len(out) == 2 and all(isinstance(s, str) and s.strip() == s and s for s in out)
    model.save(tmp_path / "zs")
    assert [p.name for p in (tmp_path / "zs").iterdir()] == [SETTINGS_FILE]
    again = SmolLMZeroShot.load(tmp_path / "zs", model.options, model.spec)
    assert again.settings == model.settings


def test_lora_trains_saves_adapter_only_and_reloads(prepared, tmp_path):
    cfg = {**CFG, "lora": {"r": 4, "alpha": 8, "dropout": 0.0, "target_modules": ["q_proj", "v_proj"]}}
    model = build_model(SmolLMLoRA, cfg)
    context = fit_context(tmp_path / "out", 13, max_steps=2, train_batch_size=2, learning_rate=1e-3,
                          eval_strategy="steps", eval_steps=1, logging_steps=1, disable_tqdm=True, warmup_ratio=0.0)
    model.fit(summary_examples(TEXTS, SUMMARIES), summary_examples(TEXTS[:1], SUMMARIES[:1]), context)
    assert model.training["global_step"] == 2
    assert any("loss" in row for row in model.training["log_history"])
    assert any("eval_loss" in row for row in model.training["log_history"]) and model.training["checkpoint"]
    assert not list((tmp_path / "out").rglob("model.safetensors"))  # checkpoints hold the adapter only
    expected = model.summarise(TEXTS[:2])
    assert all(expected)

    folder = tmp_path / "saved"
    model.save(folder)
    names = {p.name for p in folder.iterdir()}
    assert {"adapter_config.json", "adapter_model.safetensors", "tokenizer.json"} <= names
    assert not [n for n in names if n.startswith("model")]
    assert sum(os.path.getsize(p) for p in folder.iterdir()) < 10 * 2**20

    exact = SmolLMLoRA.load(folder, model.options.model_copy(update={"merge": False}), model.spec)
    assert exact.summarise(TEXTS[:2]) == expected
    merged = SmolLMLoRA.load(folder, model.options, model.spec)
    assert merged.summarise(TEXTS[:2]) == expected
