"""Smoke runs of every pillar model: run folder contract, card, round trip, evaluate, predict."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import diplo_ml
from diplo_ml.cli import main as cli_main
from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.harness import evaluate_checkpoint
from diplo_ml.tasks.pillars import Tagger
from diplo_ml.train import run

from .conftest import EXTERNAL, FIXTURES, needs_external

CARD_PATTERN = re.compile(
    r"\A---\nlanguage: en\n.*?model-index:.*?value: \d\.\d{3}.*?\n---\n\n"
    r"# Diplomacy pillar tagger: \w+ \((FineTunedTagger|TfidfTagger|ZeroShotTagger)\)\n.*"
    r"## Intended use\n.*## Out-of-scope use\n.*## Training data\n.*\| `[^`]+` \| `[0-9a-f]{64}` \|\n.*"
    r"## Evaluation\n.*\| economic \| 0\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} "
    r"\| \[\d\.\d{3}, \d\.\d{3}\] \| \d+ \|\n.*"
    r"## Limitations\n.*## How to load\n.*diplo_ml\.load",
    re.DOTALL,
)


@pytest.mark.parametrize("model", ["minilm", "tfidf", "zeroshot"])
def test_run_folder_contract(smoke_runs, model):
    run_dir = smoke_runs[model]
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "finished"
    assert manifest["wall_time_s"] > 0 and manifest["seed"] == 42
    assert all(len(h) == 64 for h in manifest["data"]["fingerprints"].values())
    assert manifest["packages"]["torch"].startswith("2.13.0")
    assert "commit" in manifest["git"] and "cuda" in manifest["device"]
    metrics = json.loads((run_dir / "metrics.json").read_text())
    assert set(metrics) == {"dev", "test"}
    assert 0.0 <= metrics["test"]["macro_f1"] <= 1.0
    assert set(metrics["test"]["per_label"]) == {"economic", "cultural", "multilateral", "citizen_protection"}
    meta = json.loads((run_dir / "checkpoint" / "diplo_ml.json").read_text())
    assert meta["task"] == "pillars" and set(meta["thresholds"]) == set(meta["labels"])
    assert (run_dir / "config.yaml").is_file() and not (run_dir / "trainer").exists()


@pytest.mark.parametrize("model", ["minilm", "tfidf", "zeroshot"])
def test_model_card_matches_pattern(smoke_runs, model):
    card = (smoke_runs[model] / "checkpoint" / "README.md").read_text()
    assert CARD_PATTERN.search(card), card[:2000]
    umask = os.umask(0)
    os.umask(umask)
    modes = {f.name: f.stat().st_mode & 0o777 for f in (smoke_runs[model] / "checkpoint").iterdir()}
    assert set(modes.values()) == {0o666 & ~umask}, modes  # weights too: loadable by others on a shared disk
    metrics = json.loads((smoke_runs[model] / "metrics.json").read_text())
    assert f"**{metrics['test']['macro_f1']:.3f}**" in card


@pytest.mark.parametrize("model", ["minilm", "tfidf", "zeroshot"])
def test_round_trip_and_evaluate_reproduce_run_metrics(smoke_runs, model):
    run_dir = smoke_runs[model]
    tagger = diplo_ml.load(run_dir / "checkpoint")
    out = tagger.predict(["Vietnam and Japan signed a loan agreement for a metro line.", "Thank you."])
    assert len(out) == 2 and set(out[0]["scores"]) == set(tagger.labels)
    assert all(0.0 <= s <= 1.0 for s in out[0]["scores"].values())
    assert all(t in tagger.labels for t in out[0]["tags"])
    cfg_data_dir = json.loads((run_dir / "manifest.json").read_text())["data"]["fingerprints"]
    data_dir = Path(next(iter(cfg_data_dir))).parent
    again = evaluate_checkpoint(run_dir / "checkpoint", data="pillars_folder", split="test",
                                overrides=[f"data.dir={data_dir}", "data.max_test_samples=12"])
    saved = json.loads((run_dir / "metrics.json").read_text())["test"]
    assert again["macro_f1"] == pytest.approx(saved["macro_f1"], abs=1e-9)
    assert again["per_label"] == saved["per_label"]


def test_predict_cli_on_raw_article_and_jsonl(smoke_runs, tmp_path, capsys):
    ckpt = smoke_runs["tfidf"] / "checkpoint"
    article = FIXTURES / "article_vna.txt"
    assert cli_main(["predict", str(ckpt), str(article)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["paragraph_index"] for x in lines] == list(range(len(lines)))
    assert len(lines) >= 4
    assert not any("VNA/VNP" in x["text"] or "(Photo" in x["text"] for x in lines)
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "Exports rose."}\n{"id": "b", "text": "Citizens were evacuated."}\n')
    assert cli_main(["predict", str(ckpt), str(jsonl)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"] and all("tags" in r and "scores" in r for r in rows)


def test_predict_refuses_bad_input(smoke_runs, tmp_path, capsys):
    ckpt = smoke_runs["tfidf"] / "checkpoint"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": ""}\n')
    assert cli_main(["predict", str(ckpt), str(bad)]) == 2
    assert f"{bad}:2: missing or empty 'text'" in capsys.readouterr().err
    assert cli_main(["predict", str(tmp_path), str(bad)]) == 2
    assert "not a diplo-ml checkpoint" in capsys.readouterr().err
    out = tmp_path / "out.jsonl"  # a refused input leaves no partial output that would block the next try
    assert cli_main(["predict", str(ckpt), str(tmp_path), "-o", str(out)]) == 2  # read next time as an input
    assert f"{out}: inside the input folder {tmp_path}" in capsys.readouterr().err
    assert cli_main(["predict", str(ckpt), str(bad), "-o", str(out)]) == 2
    assert f"{bad}:2: missing or empty 'text'" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    bad.write_text('{"id": "a", "text": "ok"}\n')
    assert cli_main(["predict", str(ckpt), str(bad), "-o", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 1


def test_checkpoint_of_another_task_is_refused(smoke_runs, tmp_path):
    meta_path = smoke_runs["tfidf"] / "checkpoint" / "diplo_ml.json"
    fake = tmp_path / "ckpt"
    fake.mkdir()
    meta = json.loads(meta_path.read_text())
    meta["task"] = "summarise"
    (fake / "diplo_ml.json").write_text(json.dumps(meta))
    # its model block still names the tagger: the description contradicts itself, and the error says which file
    with pytest.raises(DiploError, match=r"ckpt.diplo_ml.json: its task 'summarise' cannot be served by its model "
                                         r"'tfidf' \(TfidfTagger\); the file is damaged"):
        diplo_ml.checkpoint.load(fake, expected=Tagger)
    with pytest.raises(DiploError, match="its task 'summarise' cannot be served"):  # not a data-config message
        evaluate_checkpoint(fake)


def test_finished_run_is_never_overwritten(smoke_runs):
    cfg = compose_config(["model=tfidf", "debug=smoke"])
    with pytest.raises(DiploError, match="already holds a finished run"):
        run(cfg, smoke_runs["tfidf"])


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplo_ml.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_cli_train_prints_run_folder_last(tmp_path, pillar_dir):
    out = _cli("train", "model=tfidf", "debug=smoke", "data=pillars_folder",
               f"data.dir={pillar_dir}", f"paths.runs_dir={tmp_path}/runs",
               cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    run_dir = Path(out.stdout.strip().splitlines()[-1])
    assert run_dir.is_dir() and (run_dir / "checkpoint" / "diplo_ml.json").is_file()
    assert (run_dir / "metrics.json").is_file() and (run_dir / ".hydra" / "config.yaml").is_file()


@pytest.mark.slow
def test_cli_multirun_sweep_gives_distinct_run_folders(tmp_path, pillar_dir):
    out = _cli("train", "-m", "seed=1,2", "model=tfidf", "debug=smoke", "data=pillars_folder", f"data.dir={pillar_dir}",
               f"paths.runs_dir={tmp_path}/runs", cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    dirs = [Path(x) for x in out.stdout.strip().splitlines() if x.startswith(str(tmp_path))]
    assert len(dirs) == 2 and len(set(dirs)) == 2
    seeds = {json.loads((d / "manifest.json").read_text())["seed"] for d in dirs}
    assert seeds == {1, 2}


@pytest.mark.slow
def test_cli_missing_external_variable_one_line_error(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "DIPLO_EXTERNAL_DATA"}
    out = subprocess.run([sys.executable, "-m", "diplo_ml.cli", "train", "experiment=pillars_public_tfidf",
                          f"paths.runs_dir={tmp_path}"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.returncode == 2
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "DIPLO_EXTERNAL_DATA" in last


@pytest.mark.slow
@needs_external
@pytest.mark.parametrize("name", ["pillars_public_minilm", "pillars_public_tfidf", "pillars_public_zeroshot"])
def test_public_experiments_smoke(name, tmp_path):
    cfg = compose_config([f"experiment={name}", "debug=smoke"])
    metrics = run(cfg, tmp_path / name)
    assert metrics["test"]["n"] == 12
    fingerprints = json.loads((tmp_path / name / "manifest.json").read_text())["data"]["fingerprints"]
    assert all(str(EXTERNAL) in path for path in fingerprints)


def test_thresholds_apply_per_label(smoke_runs):
    tagger = diplo_ml.load(smoke_runs["tfidf"])
    scores = np.array([[0.99, 0.0, 0.0, 0.0]], dtype=np.float32)
    assert tagger.decide(scores).tolist()[0][0] == int(0.99 >= tagger.thresholds[0])


@pytest.mark.slow  # a run records its git commit (a process)
def test_a_run_on_split_files_that_share_an_article_records_the_warning(tmp_path, pillar_dir):
    train = json.loads((pillar_dir / "train.jsonl").read_text().splitlines()[0])
    with open(pillar_dir / "test.jsonl", "a") as handle:
        handle.write(json.dumps({**train, "id": "moved", "text": "The rest of that article."}) + "\n")
    run_dir = tmp_path / "run"
    run(compose_config(["model=tfidf", "debug=smoke", "data=pillars_folder", f"data.dir={pillar_dir}"]), run_dir)
    warnings = json.loads((run_dir / "manifest.json").read_text())["data"]["warnings"]
    assert len(warnings) == 1 and "doc_id train-d1-0 (train/test)" in warnings[0]
    assert f"- {warnings[0]}" in (run_dir / "checkpoint" / "README.md").read_text()
