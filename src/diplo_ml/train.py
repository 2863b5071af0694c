"""`diplo-ml train`: compose the config, run the task into a fresh run folder, print the folder."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import hydra
import transformers
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from diplo_ml import distributed
from diplo_ml.config import CONF_DIR, register
from diplo_ml.errors import DiploError
from diplo_ml.harness import plan, run_task
from diplo_ml.runs.manifest import RunRecorder, read_manifest
from diplo_ml.runs.run_dir import new_run_stamp, write_metrics
from diplo_ml.runs.tracking import check_tracking, log_run
from diplo_ml.seeding import seed_everything
from diplo_ml.tasks import get_task

log = logging.getLogger("diplo_ml.train")


def run(cfg: DictConfig, run_dir: Path, overrides: list[str] | None = None) -> dict[str, Any]:
    """Train and evaluate one configuration into ``run_dir``; return metrics per split."""
    run_dir = Path(run_dir)
    checked = plan(cfg)  # every option range-checked before anything is written
    previous = read_manifest(run_dir)
    if previous and previous.get("status") == "finished":
        raise DiploError(f"{run_dir} already holds a finished run; it is never overwritten (pick another folder)")
    check_tracking(cfg)  # a missing tracker fails now, not after training
    seed_everything(checked.run.seed, checked.run.deterministic, checked.run.threads)
    transformers.logging.set_verbosity_error()
    main_process = distributed.is_main_process()  # under torchrun/accelerate only rank 0 writes run files
    with RunRecorder(run_dir, int(cfg.seed), overrides, write=main_process) as recorder:
        if main_process:
            try:
                OmegaConf.save(cfg, run_dir / "config.yaml", resolve=True)
            except OmegaConfBaseException:
                OmegaConf.save(cfg, run_dir / "config.yaml")  # the task reports the unresolvable value
        metrics = run_task(checked, run_dir, recorder)
        if main_process:
            write_metrics(run_dir, metrics)
        recorder.record(metrics={split: {k: v for k, v in m.items() if isinstance(v, int | float)}
                                 for split, m in metrics.items()})
    if main_process and not checked.trainer.keep_checkpoints:
        shutil.rmtree(run_dir / "trainer", ignore_errors=True)
    if main_process:
        log_run(cfg, run_dir, metrics)  # tracking=mlflow: mirror the finished run; a no-op for tracking=none
    return metrics


@hydra.main(version_base="1.3", config_path=str(CONF_DIR), config_name="train")
def hydra_main(cfg: DictConfig) -> None:
    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    try:
        metrics = run(cfg, run_dir, list(hydra_cfg.overrides.task))
    except DiploError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    test = metrics.get("test", {})
    headline = {k: round(test[k], 4) for k in get_task(str(cfg.task.name)).headline_metrics if k in test}
    log.info("test metrics: %s", headline)
    if distributed.is_main_process():
        print(run_dir, flush=True)


def main(argv: list[str]) -> None:
    """Run Hydra with ``argv`` as its command line (used by the `diplo-ml train` subcommand)."""
    register()
    if distributed.is_distributed():
        if any(a in ("-m", "--multirun") for a in argv):
            raise SystemExit("error: sweeps (-m) cannot run under torchrun/accelerate; launch one job per config")
        distributed.agree_on_run_stamp(new_run_stamp)  # every rank composes the same hydra.run.dir
        if not distributed.is_main_process():  # rank 0 writes .hydra/ and train.log
            argv = [*argv, "hydra.output_subdir=null", "hydra/job_logging=disabled"]
    sys.argv = ["diplo-ml train", *argv]
    try:
        hydra_main()
    finally:
        distributed.finish()
