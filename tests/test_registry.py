"""The registries: a task and a model are found by what they register, never by a name in the harness."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.harness import plan
from diplo_ml.models import weights
from diplo_ml.models.base import TaggingModel
from diplo_ml.tasks import get_task, task_names

from .conftest import ROOT

TOY_YAML = "_target_: tests.toy_models.WordVoteTagger\nname: word_vote\nsmoothing: 0.5\n"


def test_tasks_and_weights_register_themselves():
    assert {"pillars", "summarise"} <= set(task_names())
    assert issubclass(get_task("pillars").model_type, TaggingModel)
    assert {"minilm", "mpnet", "smollm2"} <= set(weights.known())
    assert weights.get("smollm2-gguf") is weights.get("smollm2")  # the old name still resolves
    with pytest.raises(DiploError, match="unknown task 'nope'"):
        get_task("nope")
    with pytest.raises(DiploError, match="unknown pretrained weights 'nope'"):
        weights.resolve("nope")


@pytest.mark.parametrize(("override", "message"), [
    ("model._target_=pathlib.Path", "is not a diplo-ml model class"),
    ("model._target_=no.such.Module", "cannot import 'no.such.Module'"),
    ("model=lead", "LeadSummariser.*cannot serve this task: it needs a TaggingModel"),
    ("+model.colour=red", "model.colour: unknown option"),
    ("model.C=-1", r"model.C: input should be greater than 0 \(got -1\)"),
])
def test_model_config_errors_are_one_line(override, message):
    cfg = compose_config(["model=tfidf", override])
    with pytest.raises(DiploError, match=message) as info:
        plan(cfg)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("overrides", "message"), [
    (["experiment=summarise_public_smollm2_zeroshot", "+model.dtype=float33"], "model.dtype: input should be"),
    (["experiment=summarise_public_smollm2_zeroshot", "+model.device=cudaa"], "model.device: must be cpu, cuda"),
    (["experiment=summarise_public_smollm2_zeroshot", "+model.generation.num_beam=4"],
     "model.generation.num_beam: unknown option"),
    (["experiment=summarise_public_smollm2_zeroshot", "model.max_source_tokens=9000"],
     "model.max_source_tokens: .* at most 8192 tokens for 'smollm2'"),
    (["experiment=summarise_public_smollm2_lora", "model.lora.target_modules=[q_projj]"],
     "model.lora: target_modules 'q_projj' is not a linear layer of 'smollm2'"),
    (["experiment=summarise_all_document", "model.inter_heads=5"], "model.inter_heads: must divide the width of "
                                                                   "'minilm' \\(384\\)"),
    (["experiment=summarise_all_document", "model.max_headline_tokens=500"], "model.max_headline_tokens: at most "
                                                                             "max_length - 8 \\(376\\)"),
    (["experiment=summarise_all_document", "model.freeze_layers=60"], "model.freeze_layers: at most 6"),
    (["experiment=summarise_extractive", "model.freeze_layers=7"], "model.freeze_layers: at most 6"),
    (["data=pillars_folder", "data.dir=x", "+data.split.dev=1.5"], "data.split.dev: input should be less than 1"),
    (["model=minilm", "+trainer.metric_for_best_model=rouge_mean"],  # was accepted and ignored
     "trainer.metric_for_best_model: FineTunedTagger does not keep its checkpoint by rouge_mean"),
    (["data=pillars_folder", "data.dir=x", "+data.split.dev=0.6", "+data.split.test=0.5"],
     "data.split.dev: with test, below 1"),
])
def test_options_that_failed_after_the_run_folder_was_made_are_refused_by_plan(overrides, message):
    """Each of these passed the options check and failed (or, freeze_layers, did nothing useful) once the run had
    started: a traceback at build or generate time, or a split that left no training rows."""
    with pytest.raises(DiploError, match=message) as info:
        plan(compose_config(overrides))
    assert "\n" not in str(info.value)
    assert plan(compose_config(overrides[:1])) is not None  # the preset itself is fine


def _toy_conf(tmp_path: Path) -> Path:
    conf = tmp_path / "conf" / "model"
    conf.mkdir(parents=True)
    (conf / "word_vote.yaml").write_text(TOY_YAML)
    return conf.parent


def test_a_model_added_by_one_yaml_and_one_class_composes(tmp_path):
    cfg = compose_config(["model=word_vote", f"hydra.searchpath=[file://{_toy_conf(tmp_path)}]"])
    checked = plan(cfg)
    assert checked.model_class.__name__ == "WordVoteTagger" and checked.model_options.smoothing == 0.5


@pytest.mark.slow
def test_a_model_added_by_config_alone_trains_and_is_compared(tmp_path, pillar_dir):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    runs = tmp_path / "runs"
    cmd = [sys.executable, "-m", "diplo_ml.cli", "train", "model=word_vote", "debug=smoke", "data=pillars_folder",
           f"data.dir={pillar_dir}",
           f"paths.runs_dir={runs}", f"hydra.searchpath=[file://{_toy_conf(tmp_path)}]"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    run_dir = Path(proc.stdout.strip().splitlines()[-1])
    meta = json.loads((run_dir / "checkpoint" / "diplo_ml.json").read_text())
    assert meta["model"]["_target_"] == "tests.toy_models.WordVoteTagger"
    predict = [sys.executable, "-m", "diplo_ml.cli", "predict", str(run_dir), "-"]
    proc = subprocess.run(predict, input="Trade rose.\n", capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=300)  # a checkpoint names no module outside diplo_ml unless the user trusts it
    assert proc.returncode == 2 and "DIPLO_MODEL_PACKAGES" in proc.stderr and not proc.stdout, proc.stderr[-800:]
    proc = subprocess.run(predict, input="Trade rose.\n", capture_output=True, text=True,
                          env={**env, "DIPLO_MODEL_PACKAGES": "tests"}, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0 and json.loads(proc.stdout)["text"] == "Trade rose.", proc.stderr[-800:]
    proc = subprocess.run([sys.executable, "-m", "diplo_ml.cli", "compare", str(runs), "--format", "json"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = json.loads(proc.stdout)
    assert [r["model"] for r in rows] == ["word_vote"] and rows[0]["status"] == "finished"
    assert rows[0]["lr"] is None  # trainer settings do not apply to a model without a Trainer


@pytest.mark.parametrize("flag", [["--config-dir"], ["-cd"], ["--config-dir="]])
def test_a_config_dir_on_the_command_line_is_checked_before_work_starts(flag, tmp_path):
    from diplo_ml.train import preflight

    conf = _toy_conf(tmp_path)
    given = [f"{flag[0]}{conf}"] if flag[0].endswith("=") else [flag[0], str(conf)]
    runs = tmp_path / "runs"
    assert preflight([*given, "model=word_vote", f"paths.runs_dir={runs}"]) is None  # composes with the folder
    with pytest.raises(DiploError, match="model.smoothing"):
        preflight([*given, "model=word_vote", "model.smoothing=-1", f"paths.runs_dir={runs}"])
    with pytest.raises(DiploError, match=r"sweep job 1 .*model.smoothing"):
        preflight(["-m", *given, "model=word_vote", "model.smoothing=0.5,-1", f"paths.runs_dir={runs}"])
    with pytest.raises(DiploError, match="--config-dir: .* is not a folder"):
        preflight(["--config-dir", str(tmp_path / "nope"), "model=word_vote"])


def test_a_users_own_primary_config_without_paths_is_checked_not_a_traceback(tmp_path, pillar_dir):
    from diplo_ml.train import preflight

    (tmp_path / "bare.yaml").write_text("defaults:\n  - task: pillars\n  - model: tfidf\n  - data: pillars_folder\n"
                                        f"  - trainer: cpu\n  - tracking: none\n  - _self_\nseed: 1\n"
                                        f"data:\n  dir: {pillar_dir}\n")
    assert preflight(["-cd", str(tmp_path), "-cn", "bare"]) is None
    with pytest.raises(DiploError, match=r"model.C: input should be greater than 0"):
        preflight(["-cd", str(tmp_path), "-cn", "bare", "model.C=-2"])
