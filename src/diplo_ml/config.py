"""Where the Hydra configs live, and composing them outside `diplo-ml train`."""

from __future__ import annotations

from pathlib import Path

from hydra import compose, initialize_config_dir
from hydra.errors import HydraException
from omegaconf import DictConfig, OmegaConf

from diplo_ml.errors import DiploError
from diplo_ml.runs.run_dir import register_resolvers

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONF_DIR = PROJECT_ROOT / "conf"


def register() -> None:
    register_resolvers()
    if not OmegaConf.has_resolver("project_root"):
        OmegaConf.register_new_resolver("project_root", lambda: str(PROJECT_ROOT))


def compose_config(overrides: list[str] | None = None, return_hydra_config: bool = False) -> DictConfig:
    """Compose ``conf/train.yaml`` with overrides, as `diplo-ml train` would; a bad override or config name is a
    one-line :class:`DiploError` (with the options there are, for a name that does not exist)."""
    register()
    try:
        with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
            return compose(config_name="train", overrides=list(overrides or []),
                           return_hydra_config=return_hydra_config)
    except HydraException as exc:
        raise DiploError(one_line(str(exc))) from None


def one_line(message: str) -> str:
    """Hydra's several-line message in one line: its sentences, then any list of options joined by commas."""
    message = message.split("Config search path:")[0]
    text, options = [], []
    for line in message.splitlines():
        (options if line.startswith("\t") else text).append(line.strip())
    said = " ".join(t for t in text if t)
    return f"{said} {', '.join(options)}" if options else said
