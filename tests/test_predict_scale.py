"""Predict at corpus scale: several processes, Ray Data, bounded memory, all with the single-process rows."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from diplo_ml.cli import main as cli_main
from diplo_ml.predict import predict_files

from .conftest import scratch, write_pillar_split
from .test_hostile import _checkpoint


@pytest.fixture(scope="module")
def tagger(tmp_path_factory):
    with scratch(tmp_path_factory, "scale") as base:
        yield _checkpoint(base / "tagger", ["model=tfidf", "data=pillars_folder",
                                            f"data.dir={write_pillar_split(base / 'data')}"])


def _inputs(folder, n: int, with_ids: bool = True) -> str:
    path = folder / f"in{n}.jsonl"
    path.write_text("".join(json.dumps({**({"id": f"r{i}"} if with_ids else {}),
                                        "text": f"Exports of coffee rose by {i} percent; citizens were evacuated."})
                            + "\n" for i in range(n)))
    return str(path)


@pytest.mark.slow
def test_workers_give_the_single_process_rows_in_order(tagger, tmp_path):
    src = _inputs(tmp_path, 1200, with_ids=False)
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(tagger), src, "-o", str(out), "--workers", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == list(predict_files(tagger, [src]))
    assert [r["id"] for r in rows] == list(range(1, 1201))  # no id in the input: the line number


def test_the_count_of_rows_written_reads_as_english(tagger, tmp_path, capsys):
    for n, said in ((1, "wrote 1 row to"), (2, "wrote 2 rows to")):
        assert cli_main(["predict", str(tagger), _inputs(tmp_path, n), "-o", str(tmp_path / f"{n}.jsonl")]) == 0
        assert said in capsys.readouterr().err


@pytest.mark.slow
def test_ray_engine_gives_the_single_process_rows(tagger, tmp_path):
    pytest.importorskip("ray")
    src = _inputs(tmp_path, 700)
    out = tmp_path / "ray.jsonl"
    assert cli_main(["predict", str(tagger), src, "-o", str(out), "--engine", "ray", "--workers", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == list(predict_files(tagger, [src]))
    shards = tmp_path / "shards/"
    assert cli_main(["predict", str(tagger), src, "-o", str(shards) + "/", "--engine", "ray"]) == 0
    import pyarrow.parquet as pq

    table = pq.read_table(shards)
    assert sorted(json.loads(r)["id"] for r in table.column("row").to_pylist()) == sorted(r["id"] for r in rows)


def _peak_rss_mb(tagger, src, out) -> float:
    code = ("import resource, sys; from diplo_ml.cli import main; rc = main(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024); sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, "predict", str(tagger), src, "-o", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return float(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_memory_is_bounded_by_the_chunk_not_the_input(tagger, tmp_path):
    small = _peak_rss_mb(tagger, _inputs(tmp_path, 1_000), tmp_path / "a.jsonl")
    large = _peak_rss_mb(tagger, _inputs(tmp_path, 50_000), tmp_path / "b.jsonl")
    assert sum(1 for _ in open(tmp_path / "b.jsonl")) == 50_000
    assert large < small + 60, (small, large)  # 50x the rows, about the same memory


@pytest.mark.parametrize(("module", "call", "hint"), [
    ("ray", lambda: __import__("diplo_ml.predict_ray", fromlist=["_ray"])._ray(), '.[ray]'),
    ("fastapi", lambda: __import__("diplo_ml.serve", fromlist=["create_app"]).create_app([]), '.[serve]'),
    ("onnxruntime", lambda: __import__("diplo_ml.bench.paths", fromlist=["onnx_path"]).onnx_path(None, "onnx-fp32",
                                                                                                   None), '.[onnx]'),
])
def test_a_missing_extra_is_a_one_line_error_naming_the_install(monkeypatch, module, call, hint):
    from diplo_ml.errors import DiploError

    monkeypatch.setitem(sys.modules, module, None)  # as if the extra were not installed
    with pytest.raises(DiploError, match=r"pip install -e") as info:
        call()
    assert hint in str(info.value) and "\n" not in str(info.value)


def test_ray_engine_never_writes_over_an_input(tagger, tmp_path, capsys):
    pytest.importorskip("ray")
    src = _inputs(tmp_path, 3)
    before = (tmp_path / "in3.jsonl").read_text()
    (tmp_path / "notes.txt").write_text("keep me")
    for out, message in ((src, "is also an input"), (str(tmp_path) + "/", "holds an input")):
        assert cli_main(["predict", str(tagger), src, "-o", out, "--engine", "ray"]) == 2
        assert message in capsys.readouterr().err
    assert (tmp_path / "in3.jsonl").read_text() == before and (tmp_path / "notes.txt").read_text() == "keep me"


def test_ray_engine_never_replaces_the_current_folder_or_a_checkpoint(tagger, tmp_path, capsys, monkeypatch):
    """`-o ./ --overwrite` was a traceback (no name to put the work folder beside) and would have replaced the
    folder the command runs in; a shards folder that holds the checkpoint would have been replaced with it."""
    pytest.importorskip("ray")
    src = _inputs(tmp_path, 3)
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    (work / "keep.txt").write_text("keep me")
    monkeypatch.chdir(work / "sub")
    for out in ("./", "../", "."):
        assert cli_main(["predict", str(tagger), src, "-o", out, "--engine", "ray", "--overwrite"]) == 2
        assert capsys.readouterr().err.startswith("error: ")
    assert cli_main(["predict", str(tagger), src, "-o", f"{tagger.parent}/", "--engine", "ray", "--overwrite"]) == 2
    assert "holds, the checkpoint or run folder" in capsys.readouterr().err
    assert (work / "keep.txt").read_text() == "keep me" and (tagger / "manifest.json").is_file()


def test_a_worker_process_quiets_the_libraries_as_the_cli_does(tagger, monkeypatch):
    """A spawned worker starts with transformers' defaults: without this it printed a weight-loading bar and a
    load report per worker (--workers N), which read like a fault."""
    import transformers

    from diplo_ml import predict

    monkeypatch.setattr(predict, "_worker_predictor", None)
    transformers.logging.set_verbosity_warning()
    transformers.logging.enable_progress_bar()
    try:
        predict._init_worker(str(tagger), None, "fp32", 1, os.getppid())
        assert transformers.logging.get_verbosity() == transformers.logging.ERROR
        assert not transformers.utils.logging.is_progress_bar_enabled()
    finally:
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()


def test_batch_size_reaches_every_model_that_batches_and_is_named_where_none_does(capsys):
    """--batch-size reached only the fine-tuned tagger (a `batch_size` attribute); the scorers, SmolLM and the
    zero-shot encoder kept their own, silently."""
    from diplo_ml.models.summarise.lead import LeadSummariser
    from diplo_ml.models.summarise.sentence_scorer import SentenceScorerSummariser
    from diplo_ml.predict import set_batch_size
    from diplo_ml.tasks.summarise import Summariser

    from .conftest import build_model

    scorer = build_model(SentenceScorerSummariser, {"max_length": 32})
    capsys.readouterr()  # the weights' loading bar
    set_batch_size(Summariser(scorer), 5000)  # beyond the option's own limit: a traceback before
    assert scorer.inference_batch_size == 5000 and "--batch-size" not in capsys.readouterr().err
    assert scorer.summarise(["Vietnam and Japan signed a loan. The line opens next year."]) != [""]
    from diplo_ml.models.summarise.smollm import SmolLMLoRA, SmolLMZeroShot

    assert "use_batch_size" in vars(SmolLMZeroShot.__mro__[1]) and SmolLMLoRA.use_batch_size is \
        SmolLMZeroShot.use_batch_size  # both SmolLM summarisers, not the zero-shot one alone
    set_batch_size(Summariser(build_model(LeadSummariser, {})), 3)
    assert "--batch-size 3 does not apply to a LeadSummariser checkpoint" in capsys.readouterr().err


def test_ray_engine_leaves_no_work_folder_after_an_error(tagger, tmp_path, capsys):
    pytest.importorskip("ray")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert cli_main(["predict", str(tagger), str(empty), "-o", str(tmp_path / "out.jsonl"), "--engine", "ray"]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.jsonl"]  # no .out.jsonl.ray-shards/ left behind


def test_ray_engine_refuses_resume_in_one_line(tagger, tmp_path, capsys):
    """--resume was ignored by Ray: it started over and left the local run's OUT.partial (review s31 F03)."""
    src = _inputs(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(tagger), src, "-o", str(out), "--engine", "ray", "--resume"]) == 2
    assert "--resume continues the local engine's OUT.partial" in capsys.readouterr().err and not out.exists()


class _FailingResults:
    """Ray results whose Parquet writing dies after one shard, as a signal or a crash would leave it."""

    def write_parquet(self, folder: str) -> None:
        from pathlib import Path

        Path(folder).mkdir()
        (Path(folder) / "part-0.parquet").write_bytes(b"half")
        raise KeyboardInterrupt


def test_a_folder_output_is_swapped_in_only_once_complete(tmp_path):
    """--overwrite deleted the earlier complete folder before the new one existed (review s31 F02)."""
    from diplo_ml.predict_ray import _write_results

    target = tmp_path / "out"
    target.mkdir()
    (target / "old.parquet").write_bytes(b"complete")
    for name in ("out.old", "out.new", ".out.ray-old"):  # the user's folders, and one a killed run left
        (tmp_path / name).mkdir()
        (tmp_path / name / "x").write_text(name)
    with pytest.raises(KeyboardInterrupt):
        _write_results(_FailingResults(), target, tmp_path / ".out.ray-new", True, True)
    assert (target / "old.parquet").read_bytes() == b"complete"
    shutil.rmtree(tmp_path / ".out.ray-new")  # (predict_with_ray removes its work folders, whatever ends it)

    class Done:
        def write_parquet(self, folder: str) -> None:
            from pathlib import Path

            Path(folder).mkdir(exist_ok=True)
            (Path(folder) / "new.parquet").write_bytes(b"new")

    _write_results(Done(), target, tmp_path / ".out.ray-new", True, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "out.new", "out.old"]
    assert all((tmp_path / name / "x").read_text() == name for name in ("out.new", "out.old"))
    assert [p.name for p in target.iterdir()] == ["new.parquet"]


@pytest.mark.slow
def test_ray_engine_applies_the_precision_and_names_what_an_actor_refused(tagger, tmp_path, capsys):
    """--precision was dropped by Ray without a word (review s31 F03): here it reaches the actors, whose refusal
    (bf16 on a tf-idf checkpoint) is the one line the local engine gives, not a Ray traceback."""
    pytest.importorskip("ray")
    src = _inputs(tmp_path, 5)
    args = ["predict", str(tagger), src, "--precision", "bf16"]
    assert cli_main([*args, "-o", str(tmp_path / "local.jsonl")]) == 2
    local = capsys.readouterr().err.strip().splitlines()[-1]
    assert cli_main([*args, "-o", str(tmp_path / "ray.jsonl"), "--engine", "ray"]) == 2
    err = capsys.readouterr().err
    assert local.startswith("error: ") and local in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in5.jsonl"]
