"""Opt-in experiment tracking (``tracking=mlflow``): mirror a finished run folder into MLflow.

The run folder stays the record. ``check_tracking`` runs before training, so a missing package fails
at once; ``log_run`` runs after the run has finished and copies the flattened config (params), the
numeric metrics, and the model card, manifest, metrics and config (artifacts) into one MLflow run.
A tracking failure after that is logged and noted in the manifest; it never undoes a finished run.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit, urlunsplit

import yaml
from omegaconf import DictConfig, OmegaConf
from pydantic import Field, model_validator

from diplo_ml.errors import DiploError
from diplo_ml.options import Options, validate
from diplo_ml.runs.config_drift import flatten
from diplo_ml.runs.manifest import read_manifest, update_manifest

log = logging.getLogger("diplo_ml.tracking")

INSTALL_HINT = "pip install -e .[mlflow]"
MAX_PARAM_LENGTH = 500   # the smallest limit of MLflow servers still in use
BATCH = 100              # MLflow's limit of params per log_batch call
ARTIFACTS = ("manifest.json", "metrics.json", "config.yaml")


def tracker_name(cfg: DictConfig) -> str:
    tracking = cfg.get("tracking")
    return str(tracking.get("name", "none")) if tracking is not None else "none"


def _import_mlflow(uri: str) -> Any:
    try:
        import mlflow
    except ImportError:
        raise DiploError(f"tracking=mlflow needs MLflow: {INSTALL_HINT}") from None
    if uri.startswith("sqlite:"):
        try:
            import alembic  # noqa: F401
            import sqlalchemy  # noqa: F401
        except ImportError:
            raise DiploError(f"an sqlite: MLflow store needs sqlalchemy and alembic: {INSTALL_HINT}") from None
    return mlflow


class TrackingOptions(Options):
    """The ``tracking:`` config group (``conf/tracking/*.yaml``)."""

    name: Literal["none", "mlflow"] = "none"
    uri: str | None = Field(None, min_length=1)
    experiment: str | None = Field(None, min_length=1, max_length=500)
    artifact_location: str | None = Field(None, min_length=1)
    log_checkpoint: bool = False  # a word such as "maybe" is refused, not read as true

    @model_validator(mode="after")
    def _mlflow_needs_a_store(self) -> TrackingOptions:
        if self.name == "mlflow" and (self.uri is None or self.experiment is None):
            raise ValueError("uri: tracking=mlflow needs tracking.uri and tracking.experiment")
        return self


def check_tracking(cfg: DictConfig) -> None:
    """Fail before training when the tracking options are out of range, or the tracker's packages are missing."""
    tracking = cfg.get("tracking")
    try:
        data = OmegaConf.to_container(tracking, resolve=True) if tracking is not None else {}
    except Exception as exc:  # noqa: BLE001 - interpolation errors come in many types
        raise DiploError(f"tracking: {str(exc).splitlines()[0]}") from None
    options = validate(TrackingOptions, data if isinstance(data, dict) else {"name": data}, "tracking")
    if options.name == "mlflow":
        _import_mlflow(str(options.uri))


def params_of(config: dict[str, Any]) -> dict[str, str]:
    """The run's config as MLflow params (``tracking`` itself left out; long values cut)."""
    params = {}
    for key, value in flatten({k: v for k, v in config.items() if k != "tracking"}).items():
        text = json.dumps(value) if isinstance(value, list | dict) else str(value)
        params[key] = text if len(text) <= MAX_PARAM_LENGTH else text[: MAX_PARAM_LENGTH - 1] + "…"
    return params


def metrics_of(metrics: dict[str, Any]) -> dict[str, float]:
    """Numeric metrics as ``split.name`` (nested: ``split.per_label.economic.f1``; intervals: ``_lo``/``_hi``)."""
    out: dict[str, float] = {}
    for key, value in flatten(metrics).items():
        if isinstance(value, list) and len(value) == 2 and all(_numeric(v) for v in value):
            out[f"{key}_lo"], out[f"{key}_hi"] = float(value[0]), float(value[1])
        elif _numeric(value):
            out[key] = float(value)
    return out


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _redact(uri: str) -> str:
    """The URI without any user:password."""
    parts = urlsplit(uri)
    if parts.username is None and parts.password is None:
        return uri
    return urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))


def sqlite_path(uri: str) -> Path | None:
    """The database file of a ``sqlite:///`` URI (None for other stores or in-memory)."""
    if not uri.startswith("sqlite:///"):
        return None
    path = unquote(uri[len("sqlite:///"):])
    return Path(path) if path and path != ":memory:" else None


def _experiment_id(client: Any, name: str, artifact_location: str | None) -> str:
    from mlflow.exceptions import MlflowException

    experiment = client.get_experiment_by_name(name)
    if experiment is not None:
        if experiment.lifecycle_stage == "deleted":
            raise DiploError(f"MLflow experiment '{name}' is deleted; restore it or set tracking.experiment")
        return experiment.experiment_id
    try:
        return client.create_experiment(name, artifact_location=artifact_location)
    except MlflowException:  # created meanwhile by a parallel sweep job
        return client.get_experiment_by_name(name).experiment_id


def log_run(cfg: DictConfig, run_dir: Path, metrics: dict[str, Any]) -> str | None:
    """Mirror a finished run into the configured tracker; return the tracker's run id (None: no tracking)."""
    if tracker_name(cfg) == "none":
        return None
    run_dir = Path(run_dir)
    uri = str(cfg.tracking.uri)
    _import_mlflow(uri)
    from mlflow.entities import Metric, Param
    from mlflow.tracking import MlflowClient

    experiment = str(cfg.tracking.experiment)
    record: dict[str, Any] = {"tracker": "mlflow", "uri": _redact(uri), "experiment": experiment}
    client, run_id = None, None
    try:
        db = sqlite_path(uri)
        artifact_location = cfg.tracking.get("artifact_location")
        if db is not None:
            db.parent.mkdir(parents=True, exist_ok=True)
            artifact_location = artifact_location or (db.parent / "mlartifacts").resolve().as_uri()
        client = MlflowClient(tracking_uri=uri)
        experiment_id = _experiment_id(client, experiment, artifact_location)
        config_path = run_dir / "config.yaml"
        config = yaml.safe_load(config_path.read_text()) if config_path.is_file() else {}
        manifest = read_manifest(run_dir) or {}
        tags = {"diplo_ml.run_dir": str(run_dir.resolve()), "diplo_ml.status": manifest.get("status", "unknown"),
                "task": str(cfg.task.name), "model": str(cfg.model.name), "data": str(cfg.data.name),
                "seed": str(cfg.seed)}
        commit = (manifest.get("git") or {}).get("commit")
        if commit:
            tags["mlflow.source.git.commit"] = commit
        run = client.create_run(experiment_id, run_name=run_dir.name, tags=tags)
        run_id = run.info.run_id
        record["run_id"] = run_id
        update_manifest(run_dir, tracking=record)

        params = [Param(k, v) for k, v in params_of(config).items()]
        for i in range(0, len(params), BATCH):
            client.log_batch(run_id, params=params[i : i + BATCH])
        now = int(time.time() * 1000)
        metric_rows = [Metric(k, v, now, 0) for k, v in metrics_of(metrics).items()]
        for i in range(0, len(metric_rows), BATCH * 10):
            client.log_batch(run_id, metrics=metric_rows[i : i + BATCH * 10])

        for name in ARTIFACTS:
            if (run_dir / name).is_file():
                client.log_artifact(run_id, str(run_dir / name))
        checkpoint = run_dir / "checkpoint"
        if cfg.tracking.get("log_checkpoint", False) and checkpoint.is_dir():
            client.log_artifacts(run_id, str(checkpoint), artifact_path="checkpoint")
        elif (checkpoint / "README.md").is_file():
            client.log_artifact(run_id, str(checkpoint / "README.md"), artifact_path="checkpoint")
        client.set_terminated(run_id, "FINISHED")
    except DiploError:
        raise
    except Exception as exc:  # the run folder is complete; tracking is a copy
        message = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        log.error("MLflow tracking failed (%s); the run folder %s is complete", message, run_dir)
        record["error"] = message
        update_manifest(run_dir, tracking=record)
        if client is not None and run_id is not None:
            try:
                client.set_terminated(run_id, "FAILED")
            except Exception:  # noqa: BLE001 - best effort
                pass
        return None
    log.info("logged to MLflow %s: experiment %s, run %s", _redact(uri), experiment, run_id)
    return run_id
