"""Smoke runs of every summarisation model family through the shared harness."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

import diplo_ml
from diplo_ml.cli import main as cli_main
from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.harness import evaluate_checkpoint
from diplo_ml.tasks.pillars import Tagger
from diplo_ml.tasks.summarise import Summariser
from diplo_ml.train import run

from .conftest import FIXTURES, needs_external, scratch

TINY = ["debug=smoke", "data.max_train_samples=6", "data.max_dev_samples=3", "data.max_test_samples=3"]
CARD = re.compile(
    r"\A---\n.*pipeline_tag: summarization\n.*model-index:.*value: \d\.\d{3}.*\n---\n\n# News summariser: .*"
    r"## Evaluation\n.*\| rouge1 \| \d\.\d{3} \| \[\d\.\d{3}, \d\.\d{3}\] \| \d\.\d{3} \|\n.*"
    r"unsupported-entity rate\n\d\.\d{3}.*## Limitations\n.*## How to load\n",
    re.DOTALL,
)


@pytest.fixture(scope="module")
def summarise_runs(tmp_path_factory) -> Iterator[dict[str, object]]:
    with scratch(tmp_path_factory, "summarise") as base:
        runs = {}
        for model, trainer in (("lead", "cpu"), ("lead_trim", "cpu"), ("textrank", "cpu"),
                               ("extractive_minilm", "extractive_cpu")):
            cfg = compose_config(["task=summarise", "data=summaries_embedded", f"model={model}",
                                  f"trainer={trainer}", *TINY])
            run(cfg, base / model)
            runs[model] = base / model
        yield runs


@pytest.mark.parametrize("model", ["lead", "lead_trim", "textrank", "extractive_minilm"])
def test_summarise_run_contract(summarise_runs, model):
    run_dir = summarise_runs[model]
    metrics = json.loads((run_dir / "metrics.json").read_text())
    test = metrics["test"]
    for name in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        low, high = test[f"{name}_ci"]
        assert 0.0 <= low <= test[name] <= high <= 1.0
    assert test["novel_unigram_ratio"] == pytest.approx(0.0, abs=1e-9)  # extractive: every word from the source
    assert "unsupported_entity_rate" in test and test["n"] == 3
    card = (run_dir / "checkpoint" / "README.md").read_text()
    assert CARD.search(card), card[:1500]
    assert 'diplo_ml.load("path/to/checkpoint")' in card and ".tmp" not in card  # its final name, not the temp one
    assert len((run_dir / "predictions_test.jsonl").read_text().splitlines()) == 3


def test_summariser_round_trip_evaluate_and_predict(summarise_runs, capsys):
    run_dir = summarise_runs["extractive_minilm"]
    summariser = diplo_ml.load(run_dir)
    (out,) = summariser.summarise([(FIXTURES / "article_vna.txt").read_text()])
    assert out["summary"] and isinstance(out["unsupported_entities"], list)
    again = evaluate_checkpoint(run_dir, split="test", overrides=["data.max_test_samples=3"])
    saved = json.loads((run_dir / "metrics.json").read_text())["test"]
    assert again["rouge1"] == pytest.approx(saved["rouge1"]) and again["rougeL_ci"] == saved["rougeL_ci"]
    assert cli_main(["predict", str(run_dir / "checkpoint"), str(FIXTURES / "article_vna.txt")]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["summary"] and record["unsupported_entities"] == []
    assert record["headline"] == "Deputy PM urges stronger trade links with Nordic partners"
    assert "VNA/VNP" not in record["summary"] and "Related news" not in record["summary"]


def test_predict_says_once_whose_choices_new_articles_get(summarise_runs, tmp_path, capsys):
    article = str(FIXTURES / "article_vna.txt")
    assert cli_main(["predict", str(summarise_runs["lead"] / "checkpoint"), article]) == 0
    assert "names no data source" not in capsys.readouterr().err  # no unknown_source: nothing to say
    cfg = compose_config(["task=summarise", "data=summaries_embedded", "model=lead", "+model.unknown_source=embedded",
                          "trainer=cpu", *TINY])
    run(cfg, tmp_path / "run")
    assert cli_main(["predict", str(tmp_path / "run" / "checkpoint"), article, article]) == 0
    err = capsys.readouterr().err
    assert err.count("a new article names no data source, so it gets this checkpoint's choices for 'embedded' "
                     "articles") == 1


def test_tagger_and_summariser_refuse_each_other(summarise_runs, smoke_runs):
    with pytest.raises(DiploError, match="'summarise' checkpoint .Summariser.; this command needs a Tagger"):
        diplo_ml.checkpoint.load(summarise_runs["lead"], expected=Tagger)
    with pytest.raises(DiploError, match="'pillars' checkpoint .Tagger.; this command needs a Summariser"):
        diplo_ml.checkpoint.load(smoke_runs["tfidf"], expected=Summariser)


@needs_external
@pytest.mark.parametrize("name", ["summarise_public_lead", "summarise_public_textrank",
                                  "summarise_public_extractive", "summarise_all_lead_trim"])
@pytest.mark.slow
def test_public_summarise_presets_smoke(name, tmp_path):
    metrics = run(compose_config([f"experiment={name}", *TINY]), tmp_path / name)
    assert 0.0 <= metrics["test"]["rouge1"] <= 1.0


@pytest.mark.slow
@needs_external
@pytest.mark.parametrize("name", ["summarise_public_smollm2_zeroshot", "summarise_public_smollm2_lora"])
def test_public_smollm_presets_smoke(name, tmp_path):
    overrides = [f"experiment={name}", *TINY, "data.max_train_samples=4", "data.max_dev_samples=1",
                 "data.max_test_samples=2", "model.max_source_tokens=64", "model.generation.max_new_tokens=8",
                 "trainer.max_steps=2", "trainer.train_batch_size=2"]
    metrics = run(compose_config(overrides), tmp_path / name)
    assert metrics["test"]["n"] == 2 and 0.0 <= metrics["test"]["rouge1"] <= 1.0
    card = (tmp_path / name / "checkpoint" / "README.md").read_text()
    assert "Hallucination risk" in card and "no_repeat_ngram_size" in card
    summariser = diplo_ml.load(tmp_path / name)
    (out,) = summariser.summarise(["Hanoi (VNA) - Vietnam and Japan signed an agreement on new rail loans."])
    assert isinstance(out["summary"], str)
