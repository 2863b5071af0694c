"""Opt-in MLflow tracking: config, the missing-package error, and one tracked smoke run."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.runs.compare import compare
from diplo_ml.runs.tracking import check_tracking, log_run, metrics_of, params_of

HAVE_MLFLOW = all(importlib.util.find_spec(m) for m in ("mlflow", "sqlalchemy", "alembic"))
needs_mlflow = pytest.mark.skipif(not HAVE_MLFLOW, reason="MLflow not installed (pip install -e .[mlflow])")


def test_default_uri_is_an_absolute_sqlite_file_under_the_runs_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = compose_config(["tracking=mlflow", "paths.runs_dir=some/runs"])
    assert cfg.tracking.uri == f"sqlite:///{tmp_path.resolve()}/some/runs/mlflow.db"
    assert cfg.tracking.experiment == "diplo-ml-pillars"
    cfg = compose_config(["tracking=mlflow", "tracking.uri=http://127.0.0.1:5000", "tracking.experiment=x"])
    assert (cfg.tracking.uri, cfg.tracking.experiment) == ("http://127.0.0.1:5000", "x")


def test_missing_mlflow_is_a_one_line_error_and_none_is_a_no_op(monkeypatch, tmp_path):
    none = compose_config([])
    check_tracking(none)
    assert log_run(none, tmp_path, {}) is None and not any(tmp_path.iterdir())
    monkeypatch.setitem(sys.modules, "mlflow", None)  # import mlflow -> ImportError
    with pytest.raises(DiploError, match=r"pip install -e \.\[mlflow\]") as info:
        check_tracking(compose_config(["tracking=mlflow"]))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("override", "message"), [
    ("tracking.log_checkpoint=maybe", "tracking.log_checkpoint: input should be a valid boolean"),
    ("tracking.name=wandb", "tracking.name: input should be 'none' or 'mlflow'"),
    ("+tracking.uril=x", "tracking.uril: unknown option"),
    ("tracking.experiment=null", "tracking.uri: tracking=mlflow needs tracking.uri and tracking.experiment"),
])
def test_tracking_options_are_checked_before_training(override, message):
    """"log_checkpoint=maybe" was read as true (the whole checkpoint uploaded), a misspelt key was ignored."""
    with pytest.raises(DiploError) as info:
        check_tracking(compose_config(["tracking=mlflow", override]))
    assert str(info.value).startswith(message) and "\n" not in str(info.value)


def test_params_and_metrics_are_flat_and_numeric():
    metrics = {"test": {"f1": 0.5, "n": 3, "ok": True, "name": "x", "rouge1_ci": [0.1, 0.2],
                        "per_label": {"economic": {"f1": 1.0}}}}
    assert metrics_of(metrics) == {"test.f1": 0.5, "test.n": 3.0, "test.rouge1_ci_lo": 0.1, "test.rouge1_ci_hi": 0.2,
                                   "test.per_label.economic.f1": 1.0}
    params = params_of({"model": {"name": "tfidf", "ngrams": [1, 2]}, "seed": 1, "tracking": {"uri": "x"},
                        "long": "y" * 1000})
    assert params["model.name"] == "tfidf" and params["model.ngrams"] == "[1, 2]" and params["seed"] == "1"
    assert "tracking.uri" not in params and len(params["long"]) == 500


@pytest.mark.slow
@needs_mlflow
def test_tracked_run_logs_params_metrics_and_artifacts(pillar_dir, tmp_path):
    from mlflow.tracking import MlflowClient

    from diplo_ml.train import run

    runs = tmp_path / "runs"
    cfg = compose_config(["model=tfidf", "debug=smoke", "data=pillars_folder",
                          f"data.dir={pillar_dir}", "tracking=mlflow",
                          f"paths.runs_dir={runs}"])
    run_dir = runs / "pillars" / "one"
    metrics = run(cfg, run_dir)

    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "finished" and "error" not in manifest["tracking"]
    client = MlflowClient(tracking_uri=f"sqlite:///{runs}/mlflow.db")
    experiment = client.get_experiment_by_name("diplo-ml-pillars")
    (logged,) = client.search_runs([experiment.experiment_id])
    assert logged.info.run_id == manifest["tracking"]["run_id"] and logged.info.status == "FINISHED"
    assert logged.data.params["model.name"] == "tfidf" and logged.data.params["seed"] == "42"
    assert logged.data.metrics["test.macro_f1"] == pytest.approx(metrics["test"]["macro_f1"])
    assert "dev.micro_f1" in logged.data.metrics
    assert logged.data.tags["diplo_ml.run_dir"] == str(run_dir.resolve())
    top = {f.path for f in client.list_artifacts(logged.info.run_id)}
    assert {"manifest.json", "metrics.json", "config.yaml", "checkpoint"} <= top
    assert [f.path for f in client.list_artifacts(logged.info.run_id, "checkpoint")] == ["checkpoint/README.md"]
    assert (runs / "mlartifacts").is_dir()
    rows, _, _ = compare([str(runs)])  # MLflow's artifact copies are not run folders
    assert [r["run"] for r in rows] == [str(run_dir)]


@needs_mlflow
def test_unreachable_server_is_noted_in_the_manifest_not_raised(tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    (tmp_path / "manifest.json").write_text(json.dumps({"status": "finished"}))
    cfg = compose_config(["tracking=mlflow", "tracking.uri=http://user:secret@127.0.0.1:9"])
    assert log_run(cfg, tmp_path, {"test": {"macro_f1": 0.5}}) is None
    tracking = json.loads((tmp_path / "manifest.json").read_text())["tracking"]
    assert tracking["uri"] == "http://127.0.0.1:9" and "Connection refused" in tracking["error"]
