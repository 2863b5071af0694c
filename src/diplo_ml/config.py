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


def compose_config(overrides: list[str] | None = None, return_hydra_config: bool = False,
                   config_name: str = "train", extra_dir: str | None = None) -> DictConfig:
    """Compose ``conf/train.yaml`` (or ``config_name``) with overrides, as `diplo-ml train` would, with
    ``extra_dir`` searched as ``--config-dir`` makes Hydra search it; a bad override or config name is a one-line
    :class:`DiploError` (with the options there are, for a name that does not exist)."""
    register()
    try:
        with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
            if extra_dir is not None:
                search_also(extra_dir)
            return compose(config_name=config_name, overrides=list(overrides or []),
                           return_hydra_config=return_hydra_config)
    except HydraException as exc:
        raise DiploError(one_line(str(exc))) from None


def search_also(folder: str) -> None:
    """Add ``folder`` to the search path of the Hydra set up for composing where ``--config-dir`` adds it (after
    the project's own configs, before structured configs)."""
    from hydra._internal.hydra import Hydra
    from hydra._internal.utils import create_config_search_path
    from hydra.core.config_search_path import SearchPathQuery
    from hydra.core.global_hydra import GlobalHydra

    absolute = Path(folder).expanduser().resolve()
    if not absolute.is_dir():
        raise DiploError(f"--config-dir: {absolute} is not a folder")
    search = create_config_search_path(str(CONF_DIR))
    search.prepend(provider="command-line", path=f"file://{absolute}", anchor=SearchPathQuery(provider="schema"))
    GlobalHydra.instance().clear()  # the context restores the Hydra it found when it ends
    Hydra.create_main_hydra2(task_name="app", config_search_path=search)


def one_line(message: str) -> str:
    """Hydra's several-line message in one line: its sentences, then any list of options joined by commas."""
    message = message.split("Config search path:")[0]
    text, options = [], []
    for line in message.splitlines():
        (options if line.startswith("\t") else text).append(line.strip())
    said = " ".join(t for t in text if t)
    return f"{said} {', '.join(options)}" if options else said
