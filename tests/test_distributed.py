"""Scale-out: torchrun / accelerate give ONE run folder written by rank 0; Hydra launchers run sweeps."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import diplo_ml
from diplo_ml import distributed
from diplo_ml.config import compose_config
from diplo_ml.train import main as train_main
from diplo_ml.train import run

LAUNCH_ENV = ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT",
              "TORCHELASTIC_RUN_ID", distributed.STAMP_ENV)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in LAUNCH_ENV}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(prefix: list[str], overrides: list[str], cwd: Path) -> subprocess.CompletedProcess:
    cmd = [*prefix, "-m", "diplo_ml.cli", "train", *overrides]
    return subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)


def _assert_one_valid_run_folder(runs: Path, proc: subprocess.CompletedProcess) -> Path:
    assert proc.returncode == 0, proc.stderr[-3000:]
    folders = sorted(p.parent for p in runs.glob("pillars/*/manifest.json"))
    assert len(folders) == 1 and len(list((runs / "pillars").iterdir())) == 1, folders
    run_dir = folders[0]
    assert proc.stdout.strip().splitlines()[-1] == str(run_dir)  # printed once, by rank 0, last
    assert proc.stdout.count(str(run_dir)) == 1
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "finished"
    assert manifest["distributed"]["world_size"] == 2 and manifest["distributed"]["backend"] == "gloo"
    metrics = json.loads((run_dir / "metrics.json").read_text())
    assert set(metrics) == {"dev", "test"} and 0.0 <= metrics["test"]["macro_f1"] <= 1.0
    assert (run_dir / "checkpoint" / "README.md").is_file() and not (run_dir / "trainer").exists()
    assert (run_dir / ".hydra" / "overrides.yaml").is_file()
    (out,) = diplo_ml.load(run_dir).predict(["Vietnam and the EU agreed to expand trade."])
    assert set(out["scores"]) == {"economic", "cultural", "multilateral", "citizen_protection"}
    return run_dir


@pytest.mark.slow
def test_torchrun_two_cpu_processes_make_one_run_folder(tmp_path, pillar_dir):
    runs = tmp_path / "runs"
    proc = _launch([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2"],
                   ["model=minilm", "debug=smoke", "data=pillars_folder",
                    f"data.dir={pillar_dir}", f"paths.runs_dir={runs}"], tmp_path)
    run_dir = _assert_one_valid_run_folder(runs, proc)
    assert json.loads((run_dir / "manifest.json").read_text())["distributed"]["launcher"] == "torchrun"


@pytest.mark.slow
def test_accelerate_launch_two_cpu_processes_make_one_run_folder(tmp_path, pillar_dir):
    runs = tmp_path / "runs"
    accelerate = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
                  "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
                  "--main_process_port", str(_free_port())]
    proc = _launch(accelerate, ["model=minilm", "debug=smoke", "data=pillars_folder",
                                f"data.dir={pillar_dir}", f"paths.runs_dir={runs}"],
                   tmp_path)
    run_dir = _assert_one_valid_run_folder(runs, proc)
    assert json.loads((run_dir / "manifest.json").read_text())["distributed"]["launcher"] == "accelerate"


def test_ranks_share_the_stamp_from_the_environment(monkeypatch):
    monkeypatch.setenv(distributed.STAMP_ENV, "2026-01-01_00-00-00-000000_abcdef")
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    alone = str(compose_config(["paths.runs_dir=/r"], return_hydra_config=True).hydra.run.dir)
    assert not alone.endswith("abcdef")  # a single process never reuses a stamp from the environment
    monkeypatch.setenv("WORLD_SIZE", "2")
    cfg = compose_config(["paths.runs_dir=/r"], return_hydra_config=True)
    assert str(cfg.hydra.run.dir) == "/r/pillars/2026-01-01_00-00-00-000000_abcdef"
    assert distributed.agree_on_run_stamp(lambda: "never") == "2026-01-01_00-00-00-000000_abcdef"


def test_single_process_needs_no_process_group(monkeypatch):
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert distributed.agree_on_run_stamp(lambda: "x") is None and distributed.is_main_process()
    assert distributed.distributed_info() is None


@pytest.mark.slow
def test_ranks_other_than_zero_write_nothing(monkeypatch, tmp_path, pillar_dir):
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("RANK", "1")
    run_dir = tmp_path / "run"
    assert run(compose_config(["model=tfidf", "debug=smoke", "data=pillars_folder",
                               f"data.dir={pillar_dir}"]), run_dir) == {}
    assert not run_dir.exists() or not list(run_dir.iterdir())


def test_sweeps_are_refused_under_a_multi_process_launcher(monkeypatch):
    monkeypatch.setenv("WORLD_SIZE", "2")
    with pytest.raises(SystemExit, match="sweeps"):
        train_main(["-m", "seed=1,2"])


needs_submitit = pytest.mark.skipif(importlib.util.find_spec("hydra_plugins.hydra_submitit_launcher") is None,
                                    reason="hydra-submitit-launcher not installed (pip install -e '.[cluster]')")
needs_joblib = pytest.mark.skipif(importlib.util.find_spec("hydra_plugins.hydra_joblib_launcher") is None,
                                  reason="hydra-joblib-launcher not installed (pip install -e '.[cluster]')")


@needs_submitit
def test_slurm_launcher_config_composes():
    launcher = compose_config(["hydra/launcher=slurm"], return_hydra_config=True).hydra.launcher
    assert launcher._target_.endswith("SlurmLauncher") and launcher.cpus_per_task == 8
    assert str(launcher.submitit_folder).endswith(".submitit/%j") and launcher.tasks_per_node == 1


def _sweep(launcher: list[str], tmp_path: Path, pillar_dir: Path) -> None:
    runs = tmp_path / "runs"
    cmd = [sys.executable, "-m", "diplo_ml.cli", "train", "-m", "seed=1,2", "model=tfidf", "debug=smoke",
           "data=pillars_folder", f"data.dir={pillar_dir}", f"paths.runs_dir={runs}", *launcher]
    proc = subprocess.run(cmd, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (sweep,) = list((runs / "multirun").iterdir())  # both jobs under one sweep folder
    manifests = [json.loads((sweep / str(n) / "manifest.json").read_text()) for n in (0, 1)]
    assert [m["status"] for m in manifests] == ["finished", "finished"]
    assert sorted(m["seed"] for m in manifests) == [1, 2]
    assert all((sweep / str(n) / "checkpoint" / "diplo_ml.json").is_file() for n in (0, 1))


@pytest.mark.slow
@needs_joblib
def test_joblib_launcher_runs_a_two_job_sweep(tmp_path, pillar_dir):
    _sweep(["hydra/launcher=joblib", "hydra.launcher.n_jobs=2"], tmp_path, pillar_dir)


@pytest.mark.slow
@needs_submitit
def test_submitit_local_launcher_runs_a_two_job_sweep(tmp_path, pillar_dir):
    _sweep(["hydra/launcher=submitit_local", "hydra.launcher.timeout_min=10"], tmp_path, pillar_dir)


@pytest.mark.slow
@pytest.mark.parametrize("launcher", [[], pytest.param(["hydra/launcher=joblib", "hydra.launcher.n_jobs=2"],
                                                          marks=needs_joblib)], ids=["basic", "joblib"])
def test_a_sweep_job_with_a_bad_data_line_fails_alone(launcher, tmp_path, pillar_dir):
    """The bad line is found only when the job reads its data: that job ends `failed`, the other finishes, and
    the sweep exits non-zero naming the file and line."""
    bad = tmp_path / "bad"
    shutil.copytree(pillar_dir, bad)
    with open(bad / "dev.jsonl", "a") as handle:
        handle.write("{not json\n")
    runs = tmp_path / "runs"
    cmd = [sys.executable, "-m", "diplo_ml.cli", "train", "-m", f"data.dir={bad},{pillar_dir}", "model=tfidf",
           "debug=smoke", "data=pillars_folder", f"paths.runs_dir={runs}", *launcher]
    proc = subprocess.run(cmd, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    (sweep,) = list((runs / "multirun").iterdir())
    status = [json.loads((sweep / str(n) / "manifest.json").read_text())["status"] for n in (0, 1)]
    assert status == ["failed", "finished"]
    assert f"{bad / 'dev.jsonl'}:" in proc.stderr
    if not launcher:
        assert proc.returncode == 2
        last = proc.stderr.strip().splitlines()[-1]
        assert last.startswith("error: 1 of 2 sweep jobs failed (the others finished): ")
