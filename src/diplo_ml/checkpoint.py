"""The checkpoint contract: a folder with model files plus ``diplo_ml.json`` saying what it is; and loading it.

``diplo_ml.json`` (format 2) holds the task, the model's resolved YAML (with ``_target_``, the model class), what the
task adds (labels and thresholds for tagging), the data it was trained on and the run. Format 1 checkpoints (made
before models had a ``_target_``) are read by looking their model's ``_target_`` up in ``conf/model/<name>.yaml``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplo_ml import __version__
from diplo_ml.errors import DiploError, first_line
from diplo_ml.files import atomic_write_json, read_json_object

if TYPE_CHECKING:
    from diplo_ml.tasks.base import Task

META = "diplo_ml.json"
FORMAT = 2


def write_meta(folder: Path, meta: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_json(folder / META, {"format": FORMAT, "diplo_ml_version": __version__, **meta})


def resolve_folder(path: str | Path) -> Path:
    """Accept a checkpoint folder or a run folder (whose ``checkpoint/`` is used)."""
    path = Path(path)
    if not path.exists() and path.is_symlink():
        raise DiploError(f"{path}: a symbolic link that leads nowhere (its target is missing, or it loops)")
    if not path.exists():
        raise DiploError(f"{path}: no such checkpoint folder")
    if not path.is_dir():
        raise DiploError(f"{path}: not a folder (pass RUN/checkpoint/ or the run folder)")
    if (path / "checkpoint" / META).is_file():
        return path / "checkpoint"
    if not (path / META).is_file():
        raise DiploError(f"{path}: not a diplo-ml checkpoint (no {META}; pass RUN/checkpoint/ or the run folder)")
    return path


def _migrate(meta: dict[str, Any], where: Path) -> dict[str, Any]:
    """A format-1 meta with its model's ``_target_`` filled in from the model's YAML."""
    from omegaconf import OmegaConf

    from diplo_ml.config import CONF_DIR

    name = str((meta.get("model") or {}).get("name", ""))
    yaml_path = CONF_DIR / "model" / f"{name}.yaml"
    if not name or not yaml_path.is_file():
        raise DiploError(f"{where}: format-1 checkpoint of unknown model '{name}'; retrain it with this version")
    target = OmegaConf.load(yaml_path).get("_target_")
    model = {k: v for k, v in meta["model"].items() if k != "kind"}
    return {**meta, "model": {"_target_": target, **model}}


def read_meta(path: str | Path) -> tuple[Path, dict[str, Any]]:
    """(folder, meta); a missing or corrupt ``diplo_ml.json`` is a one-line error naming it."""
    folder = resolve_folder(path)
    meta = read_json_object(folder / META, "checkpoint description")
    for key in ("task", "model"):
        if key not in meta:
            raise DiploError(f"{folder / META}: corrupt checkpoint description (no '{key}')")
    if not isinstance(meta["model"], dict):
        raise DiploError(f"{folder / META}: corrupt checkpoint description ('model' is not an object)")
    written = meta.get("format", 1)
    if isinstance(written, bool) or not isinstance(written, int) or written < 1:
        raise DiploError(f"{folder / META}: corrupt checkpoint description ('format' must be a whole number >= 1, "
                         f"got {written!r})")
    if written > FORMAT:
        raise DiploError(f"{folder / META}: written by a newer diplo-ml (checkpoint format {written}; this version "
                         f"reads up to {FORMAT}); upgrade diplo-ml to load it")
    if "_target_" not in meta["model"]:
        meta = _migrate(meta, folder / META)
    return folder, meta


def checkpoint_task(folder: Path, meta: dict[str, Any]) -> Task:
    """The task a checkpoint was trained for, configured as its ``diplo_ml.json`` says (a tagger's labels); a task
    this version does not know is an error naming that file."""
    from diplo_ml.tasks import get_task, task_class

    try:
        task = get_task(str(meta["task"]), task_class(str(meta["task"])).config_from_checkpoint(folder / META, meta))
        cls = _saved_class(meta.get("model"))
        if cls is not None and not issubclass(cls, task.model_type):  # the two blocks disagree: a damaged file
            raise DiploError(f"{folder / META}: its task '{meta['task']}' cannot be served by its model "
                             f"'{meta['model'].get('name', '?')}' ({cls.__name__}); the file is damaged or edited")
        return task
    except DiploError as exc:
        message = str(exc)
        raise DiploError(message if message.startswith(str(folder / META)) else f"{folder / META}: {message}") from None


def _saved_class(model: object) -> type | None:
    """The model class a checkpoint's model block names, when it can be imported under the checkpoint rule; None
    otherwise (loading the model names what is wrong; commands that never load it, such as ``report``, go on)."""
    from diplo_ml.models.base import saved_model_class

    if not (isinstance(model, dict) and model.get("_target_")):
        return None
    try:
        return saved_model_class(model)
    except DiploError:
        return None


def prediction_note(meta: dict[str, Any]) -> str | None:
    """What the checkpoint's model says once to ``predict`` about new articles (None when nothing, or when its model
    block is bad: loading it names what is wrong)."""
    from diplo_ml.models.base import saved_model_options

    try:
        return saved_model_options(meta["model"]).prediction_note()
    except DiploError:
        return None


def expect(path: str | Path, expected: type) -> tuple[Path, dict[str, Any]]:
    """(folder, meta) of a checkpoint whose task predicts with ``expected`` (Tagger, Summariser); cheap: nothing
    is loaded, so a command can refuse a wrong checkpoint before any slow work."""
    folder, meta = read_meta(path)
    predictor_type = checkpoint_task(folder, meta).predictor_type
    if not issubclass(predictor_type, expected):
        raise DiploError(f"{folder}: this is a '{meta['task']}' checkpoint ({predictor_type.__name__}); this "
                         f"command needs a {expected.__name__} checkpoint")
    return folder, meta


def verify_files(folder: Path) -> None:
    """Refuse pickles, and name the file when a JSON or safetensors file of the checkpoint is damaged."""
    from safetensors import safe_open

    from diplo_ml.models.vectors import refuse_pickles

    refuse_pickles(folder)
    for path in sorted(folder.rglob("*.json")):  # ensemble members sit in subfolders
        try:
            read_json_object(path, "checkpoint file")
        except DiploError as exc:
            raise DiploError(f"{exc}{_link_note(path)}") from None
    for path in sorted(folder.rglob("*.safetensors")):
        try:
            with safe_open(str(path), "np") as handle:
                handle.keys()
        except Exception as exc:  # noqa: BLE001 - safetensors raises its own error types
            reason = first_line(exc)
            raise DiploError(f"{path}: damaged weights file ({reason}){_link_note(path)}") from None


def _link_note(path: Path) -> str:
    """" (it is a link to TARGET)" for a file reached through a symbolic link, so that an error about its content
    does not send the user to a file that looks fine; "" otherwise."""
    return f" (it is a link to {os.path.realpath(path)})" if path.is_symlink() else ""




def load(path: str | os.PathLike, expected: type | None = None, quantize: bool = False,
         precision: str = "fp32") -> Any:
    """Load a checkpoint (or a run folder) into its task's predictor; ``expected`` refuses other predictor types.

    ``precision`` (``fp32``, ``bf16``, ``int8-dynamic``) switches a transformer tagger to a faster path
    (:mod:`diplo_ml.precision`); ``quantize=True`` is ``precision="int8-dynamic"``.
    """
    from diplo_ml.precision import check_precision

    check_precision(precision)  # before minutes of loading
    folder, meta = expect(path, expected) if expected is not None else read_meta(path)
    task = checkpoint_task(folder, meta)
    verify_files(folder)
    task.check_checkpoint(folder, meta)
    try:
        predictor = task.load_predictor(folder, meta)
    except DiploError:
        raise
    except Exception as exc:  # noqa: BLE001 - transformers, torch and peft fail in many ways on bad folders
        reason = first_line(exc)
        raise DiploError(f"{folder}: cannot load the model ({type(exc).__name__}: {reason})") from None
    if quantize:
        from diplo_ml.precision import quantize_predictor

        quantize_predictor(predictor)
    elif precision != "fp32":
        from diplo_ml.precision import apply_precision

        apply_precision(predictor, precision)
    return predictor
