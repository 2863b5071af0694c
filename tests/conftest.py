"""Shared fixtures: offline settings, the public corpus location, tiny data sets, smoke runs."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_EVALUATE_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def _external() -> Path | None:
    for candidate in (os.environ.get("DIPLO_EXTERNAL_DATA"), ROOT.parent / "shared" / "data"):
        if candidate and (Path(candidate) / "pillars_public" / "train.jsonl").is_file():
            return Path(candidate).resolve()
    return None


@contextmanager
def scratch(tmp_path_factory, name: str) -> Iterator[Path]:
    """A module fixture's folder, removed when the module is done, so runs and checkpoints do not pile up on disk."""
    path = tmp_path_factory.mktemp(name)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


FAST_TIER = os.environ.get("DIPLO_FAST_TIER") == "1"  # set by `make test-fast`


@pytest.fixture(autouse=True)
def _fast_tier_guard(request, monkeypatch):
    """Under `make test-fast`, a test that trains or starts a process fails, telling to mark it slow."""
    if not FAST_TIER or request.node.get_closest_marker("slow"):
        return

    def refuse(what: str):
        raise AssertionError(f"{request.node.nodeid} {what}: mark it @pytest.mark.slow (fast tier)")

    import subprocess
    import sys

    import transformers

    popen_init = subprocess.Popen.__init__

    def guarded_popen(self, args, *rest, **kwargs):
        program = str(args[0] if isinstance(args, list | tuple) else args).split()[0]
        if program in (sys.executable, "git") or Path(program).name.startswith(("python", "diplo", "torchrun")):
            refuse(f"starts a process ({program})")
        popen_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(transformers.Trainer, "train", lambda *a, **k: refuse("trains a model"))
    monkeypatch.setattr(subprocess.Popen, "__init__", guarded_popen)


EXTERNAL = _external()
if EXTERNAL is not None:
    os.environ["DIPLO_EXTERNAL_DATA"] = str(EXTERNAL)
needs_external = pytest.mark.skipif(EXTERNAL is None, reason="public corpora not found (set DIPLO_EXTERNAL_DATA)")

PILLAR_ROWS = [
    ("d1", "Vietnam and the EU agreed to raise two-way trade and investment under the free trade agreement.",
     ["economic"]),
    ("d1", "Exports of rice and coffee to European markets rose sharply after tariffs were cut.", ["economic"]),
    ("d2", "A culture week in Tokyo introduced Vietnamese cuisine, ao dai and water puppetry to Japanese visitors.",
     ["cultural"]),
    ("d2", "The scholarships let Lao students study Vietnamese language and culture in Hanoi.", ["cultural"]),
    ("d3", "Vietnam chaired the UN Security Council open debate and the ASEAN summit adopted a joint statement.",
     ["multilateral"]),
    ("d3", "Delegates at the ASEAN Regional Forum discussed the regional agenda for the coming year.",
     ["multilateral"]),
    ("d4", "The embassy arranged a repatriation flight to bring stranded Vietnamese citizens home.",
     ["citizen_protection"]),
    ("d4", "Consular officials visited the detained fishermen and asked for their early release.",
     ["citizen_protection"]),
    ("d5", "The two defence ministers reviewed border patrols and military training cooperation.", []),
    ("d5", "The President hosted a welcome ceremony with a 21-gun salute at the Presidential Palace.", []),
    ("d6", "At the APEC meeting, ministers agreed on trade facilitation measures for the region.",
     ["economic", "multilateral"]),
    ("d6", "Overseas Vietnamese children attended summer camps to learn their mother tongue.",
     ["citizen_protection", "cultural"]),
]


def write_pillar_split(folder: Path, repeat: int = 2) -> Path:
    """Write train/dev/test JSONL files with every label present in each split."""
    folder.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        with open(folder / f"{split}.jsonl", "w") as handle:
            for r in range(repeat):
                for i, (doc, text, labels) in enumerate(PILLAR_ROWS):
                    record = {"id": f"{split}-{r}-{i}", "doc_id": f"{split}-{doc}-{r}",
                              "text": f"{text} ({split} {r})", "labels": labels}
                    handle.write(json.dumps(record) + "\n")
    return folder


@pytest.fixture
def pillar_dir(tmp_path: Path) -> Path:
    return write_pillar_split(tmp_path / "pillars")


SLOW_FIXTURES = {"smoke_runs", "summarise_runs", "lead_run", "two_sources", "prepared", "brief_html", "tiny_runs"}


def pytest_collection_modifyitems(config, items):
    """Tests that use a fixture which trains are slow."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def smoke_runs(tmp_path_factory) -> dict[str, Path]:
    """One smoke run per pillar model on tiny data, shared by the tests that read run folders."""
    from diplo_ml.config import compose_config
    from diplo_ml.train import run

    base = tmp_path_factory.mktemp("smoke")
    data = write_pillar_split(base / "data")
    runs: dict[str, Path] = {}
    for model in ("minilm", "tfidf", "zeroshot"):
        cfg = compose_config([f"model={model}", "debug=smoke", "data=pillars_folder",
                              f"data.dir={data}", "trainer.max_steps=4",
                              "trainer.eval_steps=2"])
        run_dir = base / "runs" / model
        run(cfg, run_dir)
        runs[model] = run_dir
    return runs


def build_model(cls, options: dict, labels: tuple[str, ...] = ()):
    """A model constructed the way the harness does: options validated against the class's ``Options``."""
    from diplo_ml.models.base import TaskSpec
    from diplo_ml.options import validate

    return cls(validate(cls.Options, {"name": "test", **options}, "model"), TaskSpec("test", tuple(labels)))


def fit_context(folder: Path, seed: int = 0, score=None, **trainer):
    """A FitContext with validated trainer options (Trainer checkpoints under ``folder``)."""
    from diplo_ml.models.base import FitContext
    from diplo_ml.options import TrainerOptions, validate

    return FitContext(seed, Path(folder), validate(TrainerOptions, trainer, "trainer"), score or (lambda o, e: {}))


def summary_examples(texts: list[str], summaries: list[str]):
    from diplo_ml.data.examples import Examples

    return Examples(list(texts), list(summaries), [{"id": str(i)} for i in range(len(texts))])


def interrupted_after(files: int):
    """A ``write_jsonl`` that writes ``files`` files as usual and is then interrupted (Ctrl-C)."""
    from diplo_ml.data import io

    real_write, written = io.write_jsonl, []

    def write(path, records, batch=None, replace=True):
        real_write(path, records, batch, replace)
        written.append(path)
        if len(written) == files:
            raise KeyboardInterrupt

    return write
