"""`diplo-ml train`: compose the config, run the task into a fresh run folder, print the folder."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import hydra
import transformers
from hydra.core.hydra_config import HydraConfig
from hydra.errors import CompactHydraException
from hydra.types import RunMode
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from diplo_ml import distributed
from diplo_ml.config import CONF_DIR, compose_config, register
from diplo_ml.data.loader import check_locations
from diplo_ml.errors import DiploError, disk_full, first_line
from diplo_ml.files import atomic_write_text, owning_folder
from diplo_ml.harness import Plan, plan, run_task
from diplo_ml.runs.config_drift import config_changes, listed
from diplo_ml.runs.interrupt import RunInterrupted, signals_interrupt
from diplo_ml.runs.lock import HOLDER, LOCK, RunLock, refuse_if_held
from diplo_ml.runs.manifest import MANIFEST, RunRecorder, read_manifest, run_overrides
from diplo_ml.runs.overrides import override_values
from diplo_ml.runs.resumable import check_resumable
from diplo_ml.runs.run_dir import new_run_stamp, write_metrics
from diplo_ml.runs.tracking import check_tracking, log_run
from diplo_ml.seeding import seed_everything
from diplo_ml.tasks import get_task

log = logging.getLogger("diplo_ml.train")


def run(cfg: DictConfig, run_dir: Path, overrides: list[str] | None = None) -> dict[str, Any]:
    """Train and evaluate one configuration into ``run_dir``; return metrics per split."""
    run_dir = Path(run_dir)
    checked = plan(cfg)  # every option range-checked before anything is written
    refuse_nested(run_dir, "the run folder")
    refuse_finished(run_dir)
    check_tracking(cfg)  # a missing tracker fails now, not after training
    main_process = distributed.is_main_process()  # under torchrun/accelerate only rank 0 writes run files
    with RunLock(run_dir) if main_process else contextlib.nullcontext():
        return _run_locked(cfg, checked, run_dir, overrides, main_process)


def refuse_finished(run_dir: Path) -> None:
    """A folder that holds a finished run, or a run's results without its manifest, is never trained into."""
    previous = read_manifest(run_dir)
    if previous and previous.get("status") == "finished":
        raise DiploError(f"{run_dir} already holds a finished run; it is never overwritten (pick another folder)")
    if not previous and (run_dir / "metrics.json").is_file():
        raise DiploError(f"{run_dir} holds a run's results (metrics.json) but no {MANIFEST}; it is never overwritten "
                         "(pick another folder)")


def refuse_nested(folder: Path, what: str, holds_runs: bool = False) -> None:
    """A run is never written inside another run's or a checkpoint's folder (a slip such as
    ``paths.runs_dir=RUN`` would nest runs in a finished one, or in a checkpoint that is copied and served).
    ``holds_runs``: ``folder`` is where new run folders go, so it may not be a run folder itself either."""
    owner = owning_folder(folder, itself=holds_runs)
    if owner is not None:
        where = "is a run or checkpoint folder" if owner == Path(folder).resolve() else \
            f"lies inside the run or checkpoint folder {owner}"
        raise DiploError(f"{what} {folder} {where}; a run is never made inside one: pick a folder outside it")


def refuse_changed_config(run_dir: Path, cfg: DictConfig) -> None:
    """An earlier attempt of this run left its config.yaml: a value that differs now (an experiment's YAML edited,
    or changed by a pull, since) is refused, as the weights would come from two configs and the record would name
    only the last; an option only one of the two has (a preset gained one) is named in a warning."""
    if not (run_dir / "config.yaml").is_file() and (run_dir / "trainer").is_dir():
        log.warning("%s: missing, so today's config cannot be checked against the one this run started with; "
                    "it continues with today's", run_dir / "config.yaml")
    changed, one_side = config_changes(run_dir / "config.yaml", cfg)
    if changed:
        raise DiploError(f"{run_dir}: the config differs from the one this run started with ({listed(changed)}); a "
                         "YAML file changed since: a resumed run continues the same configuration, so put it back, "
                         "or start a new run")
    if one_side:
        log.warning("options that only the run's config.yaml or only today's config has: %s", listed(one_side))


def refuse_foreign(run_dir: Path) -> None:
    """A folder named by ``hydra.run.dir`` that holds no run but files of the user's is never trained into (a run
    would write over its config.yaml, checkpoint/ ...). Hidden entries (lock files, ``.hydra``, ``.DS_Store``) and
    logs (an earlier attempt's, appended to) do not count. Checked before Hydra writes anything."""
    if read_manifest(run_dir) or not run_dir.is_dir():
        return
    others = sorted(p.name for p in run_dir.iterdir() if not p.name.startswith(".") and p.suffix != ".log")
    if others:
        raise DiploError(f"{run_dir} holds files that are not a diplo-ml run ({', '.join(others[:5])}"
                         f"{' ...' if len(others) > 5 else ''}); a run never writes over them: pick a new or empty "
                         "folder")


def _run_locked(cfg: DictConfig, checked: Plan, run_dir: Path, overrides: list[str] | None,
                main_process: bool) -> dict[str, Any]:
    refuse_finished(run_dir)  # again, now that this process owns the folder
    if checked.trainer.resume:
        check_resumable(run_dir / "trainer")  # a damaged checkpoint: refused while the run is still `interrupted`
    if main_process:
        refuse_changed_config(run_dir, cfg)
    seed_everything(checked.run.seed, checked.run.deterministic, checked.run.threads)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()  # weight loading and shard writing: a bar per checkpoint
    with RunRecorder(run_dir, int(cfg.seed), overrides, write=main_process) as recorder:
        if main_process:
            try:
                text = OmegaConf.to_yaml(cfg, resolve=True)
            except OmegaConfBaseException:
                text = OmegaConf.to_yaml(cfg)  # the harness reports the unresolvable value
            atomic_write_text(run_dir / "config.yaml", text)
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


FAILED_JOBS: list[str] = []  # sweep jobs that failed in this process: "RUN_DIR (reason)"
SWEPT_JOBS: list[Path] = []  # every sweep job this process ran
BASIC_LAUNCHER = "hydra._internal.core_plugins.basic_launcher.BasicLauncher"  # runs the jobs in this process


class SweepJobFailed(CompactHydraException):
    """A sweep job run by another process's launcher failed; Hydra reports it, in one line (exit 1), once the
    other jobs of its batch have run."""


@hydra.main(version_base="1.3", config_path=str(CONF_DIR), config_name="train")
def hydra_main(cfg: DictConfig) -> None:
    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    sweeping = hydra_cfg.mode == RunMode.MULTIRUN
    if sweeping:
        SWEPT_JOBS.append(run_dir)
    try:
        metrics = run(cfg, run_dir, list(hydra_cfg.overrides.task))
    except RunInterrupted as exc:  # a signal stops the whole sweep
        print(f"interrupted ({exc}): {run_dir} keeps its last checkpoint; continue with "
              f"`diplo-ml resume {run_dir}`", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except Exception as exc:
        line = failure_line(exc, run_dir)
        if line is None and not sweeping:
            raise
        if line is None:  # a fault in a sweep job: its traceback goes to the job's log, the sweep goes on
            log.exception("sweep job failed")
            line = f"{type(exc).__name__}: {exc} (traceback in {run_dir / (hydra_cfg.job.name + '.log')})"
        print(f"error: {line}", file=sys.stderr)
        if not sweeping:
            raise SystemExit(2) from None
        if hydra_cfg.launcher._target_ != BASIC_LAUNCHER:  # jobs in other processes: Hydra names the failure at the end
            raise SweepJobFailed(f"error: sweep job {run_dir} failed: {line.splitlines()[0][:300]}") from None
        FAILED_JOBS.append(f"{run_dir} ({line.splitlines()[0][:200]})")
        return
    test = metrics.get("test", {})
    headline = {k: round(test[k], 4) for k in get_task(str(cfg.task.name)).headline_metrics if k in test}
    log.info("test metrics: %s", headline)
    if distributed.is_main_process():
        print(run_dir, flush=True)


def failure_line(exc: Exception, run_dir: Path) -> str | None:
    """The one line that tells a user why a run failed, None for a fault that needs its traceback."""
    if isinstance(exc, DiploError):
        return str(exc)
    if disk_full(exc):
        return (f"no space left on the disk of {run_dir} ({type(exc).__name__}); the run is `failed`: free space, "
                f"then `diplo-ml resume {run_dir}` (it names a checkpoint left incomplete, if any)")
    return None


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
    FAILED_JOBS.clear()
    SWEPT_JOBS.clear()
    run_dir = None
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(signals_interrupt())
            named = preflight(argv)
            if named is not None and distributed.is_main_process():
                run_dir = None if named.exists() else named  # made here: removed again if nothing is written
                stack.enter_context(RunLock(named))  # held before Hydra writes .hydra/ into the folder
            hydra_main()
        if FAILED_JOBS:  # the other jobs ran; the sweep as a whole failed
            raise DiploError(f"{len(FAILED_JOBS)} of {len(SWEPT_JOBS)} sweep jobs failed (the others finished): "
                             f"{'; '.join(FAILED_JOBS)}")
    except DiploError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except RunInterrupted as exc:  # before the run started (composing the config): nothing to keep or resume
        print(f"interrupted ({exc}) before the run started; nothing was trained", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    finally:
        remove_unstarted(run_dir)
        distributed.finish()


def remove_unstarted(run_dir: Path | None) -> None:
    """Remove a run folder this command created and left holding nothing but its lock files."""
    if run_dir is None or not run_dir.is_dir() or not distributed.is_main_process():
        return
    if {p.name for p in run_dir.iterdir()} <= {LOCK, HOLDER}:
        for name in (HOLDER, LOCK):
            (run_dir / name).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # never more than an empty folder: anything written since stays
            run_dir.rmdir()


CHECKED_ADDITIONS = ("model.", "trainer.", "hydra.")  # keys `+key=value` may add: validated against their class


def preflight(argv: list[str]) -> Path | None:
    """Before Hydra writes anything: validate every option and the run folder; return the folder when the command
    names it (``hydra.run.dir=``), so it can be locked first. A sweep (-m) has every job checked the same way."""
    try:
        return _preflight(argv)
    except OmegaConfBaseException as exc:  # a key a user's own config lacks, an interpolation that fails ...
        raise DiploError(f"the composed config: {first_line(exc)}") from None


def _preflight(argv: list[str]) -> Path | None:
    overrides, where, flags = read_flags(argv)
    check_additions(overrides)
    if not flags <= {"-m", "--multirun"}:  # --cfg, --info, --help ...: Hydra prints and trains nothing
        return None
    if flags:
        check_sweep(overrides, where)
        return None
    cfg = compose_config(overrides, return_hydra_config=True, **where)
    plan(cfg)
    check_locations(cfg.data)
    if OmegaConf.select(cfg, "paths.runs_dir") is not None:  # (a user's own primary config may have no paths)
        runs_dir = Path(str(cfg.paths.runs_dir)).expanduser()
        refuse_nested(runs_dir, "paths.runs_dir:", holds_runs=True)
        check_writable(runs_dir, "paths.runs_dir")
        try:
            runs_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DiploError(f"paths.runs_dir: cannot create {runs_dir} ({exc.strerror})") from None
    run_dir = Path(str(cfg.hydra.run.dir)).expanduser().resolve()
    refuse_nested(run_dir, "hydra.run.dir:")  # also one set in a YAML file: Hydra writes .hydra/ there next
    if not any(a.startswith("hydra.run.dir=") for a in overrides):
        return None
    check_writable(run_dir, "hydra.run.dir")
    refuse_finished(run_dir)
    if distributed.is_main_process():  # other ranks may already see rank 0's files
        refuse_foreign(run_dir)
    refuse_if_held(run_dir)  # a live run: "resume it" below could not be followed now
    refuse_other_config(run_dir, overrides)
    return run_dir


CONFIG_FLAGS = {"--config-dir": "extra_dir", "-cd": "extra_dir", "--config-name": "config_name", "-cn": "config_name"}


def read_flags(argv: list[str]) -> tuple[list[str], dict[str, str], set[str]]:
    """Hydra's command line split into its overrides, the config flags as `compose_config` arguments
    (``--config-dir``/``-cd``, ``--config-name``/``-cn``) and the other flags."""
    overrides: list[str] = []
    where: dict[str, str] = {}
    flags: set[str] = set()
    items = iter(argv)
    for item in items:
        name, equals, value = item.partition("=")
        if name in CONFIG_FLAGS:
            where[CONFIG_FLAGS[name]] = value if equals else next(items, "")
        elif item.startswith("-"):
            flags.add(item)
        else:
            overrides.append(item)
    return overrides, where, flags


def check_additions(overrides: list[str]) -> None:
    """``+key=value`` may only add keys whose class checks them (a misspelt key would otherwise be ignored)."""
    for override in overrides:
        key = override.split("=", 1)[0]
        name = key.lstrip("+")
        if name == key or name.startswith(CHECKED_ADDITIONS):
            continue
        if key.startswith("++"):
            raise DiploError(f"{override}: '++' sets '{name}' even where no config has it, so a misspelt key would "
                             f"be ignored; write {name}=... for a key that exists")
        raise DiploError(f"{override}: adds '{name}', which no config has (a misspelt key?); only model.*, "
                         "trainer.* and hydra.* keys may be added, and those are checked")


def refuse_other_config(run_dir: Path, argv: list[str]) -> None:
    """An unfinished run's folder is only re-entered with the overrides that run started with (it would otherwise
    continue the old run's Trainer checkpoint under a config that did not make it)."""
    previous = read_manifest(run_dir) or {}
    started = previous.get("overrides")
    if not isinstance(started, list):
        return
    given = [a for a in run_overrides(argv) if not a.startswith(("hydra.", "hydra/"))]  # where and how it logs
    before = run_overrides([str(o) for o in started])
    now, then = override_values(given), override_values(before)
    if {k: v[0] for k, v in now.items()} != {k: v[0] for k, v in then.items()}:
        changed = sorted(text for values, other in ((now, then), (then, now))
                         for key, (value, text) in values.items() if other.get(key, (None,))[0] != value)
        raise DiploError(f"{run_dir} holds an unfinished run ({previous.get('status', 'started')}) that started with "
                         f"other overrides ({', '.join(changed)}); continue it with `diplo-ml resume {run_dir}`, or "
                         "pick another folder")


def sweep_jobs(overrides: list[str]) -> list[list[str]]:
    """The override list of every job of a sweep, as Hydra's basic sweeper will expand them."""
    from hydra._internal.core_plugins.basic_sweeper import BasicSweeper
    from hydra.core.override_parser.overrides_parser import OverridesParser

    try:
        parsed = OverridesParser.create().parse_overrides(overrides=overrides)
        return [job for batch in BasicSweeper.split_arguments(parsed, max_batch_size=None) for job in batch]
    except Exception:  # noqa: BLE001 - glob() needs Hydra's config loader, and a bad override is Hydra's to report
        return []


def check_sweep(overrides: list[str], where: dict[str, str] | None = None) -> None:
    """Every job of a sweep is composed and range-checked before the first one runs (a bad value used to stop the
    sweep half way, leaving a folder with no manifest), and a sweep folder that holds runs is never written into."""
    cfg = None
    local = not any(o.startswith("hydra/launcher=") and o != "hydra/launcher=basic" for o in overrides)
    for number, job in enumerate(sweep_jobs(overrides)):
        try:
            cfg = compose_config(job, return_hydra_config=True, **(where or {}))
            plan(cfg)
            if local:  # a cluster launcher's jobs may see other folders and variables than this machine
                check_locations(cfg.data)
        except DiploError as exc:
            raise DiploError(f"sweep job {number} ({' '.join(job)}): {exc}") from None
    if cfg is None:
        return
    if OmegaConf.select(cfg, "paths.runs_dir") is not None:  # named as the user set it, before the folder below it
        refuse_nested(Path(str(cfg.paths.runs_dir)).expanduser(), "paths.runs_dir:", holds_runs=True)
    sweep_dir = Path(str(cfg.hydra.sweep.dir)).expanduser()
    refuse_nested(sweep_dir, "hydra.sweep.dir:", holds_runs=True)
    held = sorted(p.parent.name for p in sweep_dir.glob(f"*/{MANIFEST}")) if sweep_dir.is_dir() else []
    if held:
        raise DiploError(f"hydra.sweep.dir: {sweep_dir} already holds the runs of a sweep ({', '.join(held[:5])}); "
                         "runs are never overwritten: pick another folder")


def check_writable(folder: Path, key: str) -> None:
    """The folder, or its nearest existing parent, must be a writable folder."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise DiploError(f"{key}: {probe} is a file, not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise DiploError(f"{key}: {probe} is not writable")
