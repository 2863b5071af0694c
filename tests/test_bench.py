"""`diplo-ml bench`, int8 quantisation and the Tagger's batching, on the smoke checkpoints (seconds each)."""

from __future__ import annotations

import copy
import json
import os
import stat

import numpy as np
import pytest
import torch

import diplo_ml
from diplo_ml.bench import markdown, run_bench, summary
from diplo_ml.bench.measure import training_throughput
from diplo_ml.cli import main as cli_main
from diplo_ml.models.encoding import pad_rows
from diplo_ml.predict import set_batch_size

from .conftest import PILLAR_ROWS

TEXTS = [text for _, text, _ in PILLAR_ROWS]
REQUIRED = ("naive_paragraphs_per_s", "fast_paragraphs_per_s", "speedup", "tags_identical", "articles_per_s",
            "threads", "peak_rss_mb", "macro_f1", "machine", "load_average_start", "matmul_peak_gflops",
            "fp32_share_of_peak", "fast_path", "paths")
# a finished benchmark's result (no naive baseline, a shared machine), for the report and output-file tests
RESULT = {"started": "t", "repeats": 3, "threads": 2, "batch_size": 16, "max_length": 192, "test_paragraphs": 135,
          "articles": 110, "checkpoint_source": "x", "checkpoint_run": "r", "checkpoint_data": "d",
          "macro_f1": 0.8, "fast_paragraphs_per_s": 50.0, "articles_per_s": 5.0, "peak_rss_mb_fp32": 1.0,
          "peak_rss_mb_inference": 1.0, "peak_rss_mb": 1.0, "load_average_start": [6.0, 5.0, 4.0],
          "load_average_end": [6.0, 5.0, 4.0], "shared_machine": True, "test_data": "embedded test split",
          "gflop_per_paragraph": 1.27, "matmul_peak_gflops": 100.0, "bf16_matmul_peak_gflops": 400.0,
          "fp32_share_of_peak": 0.78,
          "paths": [{"name": "fp32", "paragraphs_per_s": 50.0, "speedup_vs_fp32": 1.0, "share_of_fp32_peak": 0.78,
                     "tags_agreement": 1.0, "macro_f1": 0.8, "macro_f1_delta": 0.0, "keeps_tags": True},
                    {"name": "bf16", "paragraphs_per_s": 120.0, "speedup_vs_fp32": 2.4, "share_of_fp32_peak": 1.9,
                     "tags_agreement": 0.995, "macro_f1": 0.801, "macro_f1_delta": 0.001, "keeps_tags": True},
                    {"name": "onnx-int8", "paragraphs_per_s": 130.0, "speedup_vs_fp32": 2.6,
                     "share_of_fp32_peak": 2.0, "tags_agreement": 0.97, "macro_f1": 0.79,
                     "macro_f1_delta": -0.01, "keeps_tags": False}],
          "fast_path": {"name": "bf16", "paragraphs_per_s": 120.0, "speedup_vs_fp32": 2.4, "tags_agreement": 0.995,
                        "macro_f1_delta": 0.001},
          "machine": {"cpu_model": "CPU", "nproc": 2, "cpu_count": 2, "ram_gib": 8, "platform": "p",
                      "python": "3.11", "torch": "2.13.0", "omp_wait_policy": "PASSIVE",
                      "quantized_engine": "x86"}}


def test_pad_rows_pads_each_key_on_the_tokenizer_side():
    rows = [{"input_ids": [1, 2, 3], "attention_mask": [1, 1, 1]}, {"input_ids": [4], "attention_mask": [1]}]
    right = pad_rows(rows, {"input_ids": 9})
    assert right["input_ids"].tolist() == [[1, 2, 3], [4, 9, 9]]
    assert right["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    left = pad_rows(rows, {"input_ids": 9}, padding_side="left")
    assert left["input_ids"].tolist() == [[1, 2, 3], [9, 9, 4]] and left["input_ids"].dtype == torch.long


@pytest.mark.slow
def test_tagger_scores_do_not_depend_on_batching_or_order(smoke_runs):
    tagger = diplo_ml.load(smoke_runs["minilm"])
    set_batch_size(tagger, 1)
    one_by_one = tagger.scores(TEXTS)
    set_batch_size(tagger, 5)
    batched = tagger.scores(TEXTS)
    perm = np.random.default_rng(0).permutation(len(TEXTS))
    shuffled = tagger.scores([TEXTS[i] for i in perm])
    np.testing.assert_allclose(batched, one_by_one, atol=1e-5)
    np.testing.assert_allclose(shuffled, batched[perm], atol=1e-5)
    assert (tagger.decide(batched) == tagger.decide(one_by_one)).all()


@pytest.mark.slow
def test_quantized_load_predict_and_refusal(smoke_runs, tmp_path, capsys):
    fp32 = diplo_ml.load(smoke_runs["minilm"])
    int8 = diplo_ml.load(smoke_runs["minilm"], quantize=True)
    linears = [m for m in int8.model.model.modules() if type(m).__name__ == "Linear"]
    assert linears and all(type(m).__module__.startswith("torch.ao.nn.quantized.dynamic") for m in linears)
    assert int8.meta["precision"] == "int8-dynamic"
    np.testing.assert_allclose(int8.scores(TEXTS), fp32.scores(TEXTS), atol=0.05)
    bf16 = diplo_ml.load(smoke_runs["minilm"], precision="bf16")
    body = bf16.model.model
    assert body.bert.encoder.layer[0].attention.self.query.weight.dtype == torch.bfloat16
    assert body.classifier.weight.dtype == torch.float32  # the head stays in fp32
    np.testing.assert_allclose(bf16.scores(TEXTS), fp32.scores(TEXTS), atol=0.05)

    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "Exports rose."}\n{"id": "b", "text": "Citizens were evacuated."}\n')
    assert cli_main(["predict", str(smoke_runs["minilm"]), str(jsonl), "--quantize", "--batch-size", "1"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"] and all(set(r["scores"]) == set(fp32.labels) for r in rows)
    assert cli_main(["predict", str(smoke_runs["tfidf"]), str(jsonl), "--quantize"]) == 2
    assert "needs a fine-tuned transformer tagger checkpoint" in capsys.readouterr().err


@pytest.mark.slow
def test_bench_cli_prints_one_json_object_and_writes_markdown(smoke_runs, tmp_path, capsys):
    doc = tmp_path / "benchmarks.md"
    assert cli_main(["bench", "--checkpoint", str(smoke_runs["minilm"]), "--json", "--repeats", "1", "--limit", "6",
                     "--articles", "1", "--train-steps", "0", "--markdown", str(doc), "--paths", "bf16,int8-dynamic",
                     "--paths", "onnx-fp32"]) == 0
    result = json.loads(capsys.readouterr().out)  # exactly one JSON document on stdout
    assert all(key in result for key in REQUIRED), sorted(set(REQUIRED) - set(result))
    assert result["test_paragraphs"] == 6 and result["articles"] == 1 and result["repeats"] == 1
    assert result["tags_identical"] is True and result["max_abs_score_diff"] < 1e-4
    assert result["threads"] == torch.get_num_threads() and result["peak_rss_mb"] > 0
    assert result["speedup"] > 0 and [p["name"] for p in result["paths"]] == ["fp32", "bf16", "int8-dynamic",
                                                                              "onnx-fp32"]
    onnx = result["paths"][3]
    assert onnx["tags_agreement"] == 1.0 and onnx["macro_f1_delta"] == 0.0  # the same function, exported
    assert set(result["fast_path"]) >= {"name", "paragraphs_per_s", "speedup_vs_fp32", "tags_agreement",
                                        "macro_f1_delta"}
    chosen = next(p for p in result["paths"] if p["name"] == result["fast_path"]["name"])
    assert chosen["keeps_tags"] and chosen["paragraphs_per_s"] == max(
        p["paragraphs_per_s"] for p in result["paths"] if p["keeps_tags"])
    assert 0 < result["fp32_share_of_peak"] < 2 and result["matmul_peak_gflops"] > 0
    text = doc.read_text()
    for heading in ("## Machine", "## Inference: pillar tagger on CPU", "## Scaling training out", "nproc",
                    "### Faster paths, side by side", "Recommended:"):
        assert heading in text
    assert f"{result['fast_paragraphs_per_s']:,.2f}" in text
    assert "Tagger (fast)" in summary(result)


@pytest.mark.slow
def test_training_throughput_counts_examples_per_second():
    out = training_throughput(1, ["trainer.train_batch_size=2", "model.max_length=16", "data.max_train_samples=8"])
    assert out["training_steps_timed"] == 1 and out["training_batch_size"] == 2
    assert out["training_examples_per_s"] > 0


def test_markdown_states_a_shared_machine():
    result = copy.deepcopy(RESULT)
    text = markdown(result, "diplo-ml bench")
    assert "The machine was shared" in text and "load average [6.0, 5.0, 4.0]" in text
    assert "1.00×" not in text  # no naive row when the baseline was skipped
    assert "**Recommended: `bf16`**" in text and "| `onnx-int8` |" in text and "| **no** |" in text
    assert "--precision bf16" in text and "78% of the fp32 peak" in text


@pytest.mark.slow
def test_bench_trains_a_smoke_checkpoint_when_none_is_given():
    result = run_bench(None, repeats=1, limit=4, article_limit=1, train_steps=0, naive=False, paths_to_measure=["fp32"],
                       log=lambda _: None)
    assert result["checkpoint_source"].startswith("debug=smoke") and result["max_length"] == 192
    assert result["fast_paragraphs_per_s"] > 0


@pytest.mark.slow
def test_bench_sweep_runs_fresh_processes(smoke_runs):
    result = run_bench(smoke_runs["minilm"], repeats=1, limit=4, article_limit=1, train_steps=0, naive=False,
                       paths_to_measure=["fp32"], sweep=True, log=lambda _: None)
    assert [r["batch_size"] for r in result["batch_size_sweep"]] == [8, 16, 32, 64]
    assert {r["omp_wait_policy"] for r in result["thread_sweep"]} == {"PASSIVE", "ACTIVE"}


def _no_measuring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any measurement fails the test: a bad output path must be refused before the benchmark runs."""
    monkeypatch.setattr(diplo_ml.bench, "run_bench", lambda *a, **k: pytest.fail("measured before checking options"))


def test_bench_markdown_refuses_an_existing_file_before_measuring(tmp_path, monkeypatch, capsys):
    _no_measuring(monkeypatch)
    doc = tmp_path / "benchmarks.md"
    doc.write_text("keep me\n")
    assert cli_main(["bench", "--markdown", str(doc), "--train-steps", "0"]) == 2
    assert f"{doc} exists: add --overwrite to replace it" in capsys.readouterr().err
    assert doc.read_text() == "keep me\n"


def _bad_markdown_path(tmp_path, case: str) -> tuple[list[str], str]:
    """A --markdown target (with the other arguments it needs) and the start of its refusal."""
    run = tmp_path / "run"
    (run / "checkpoint").mkdir(parents=True)
    (run / "manifest.json").write_text("{}\n")
    (run / "checkpoint" / "README.md").write_text("# model card\n")
    inside = f"is inside the checkpoint or run folder {run}"
    return {"missing folder": ([str(tmp_path / "nope" / "x.md")], f"folder {tmp_path / 'nope'} does not exist"),
            "a folder": ([str(tmp_path)], "is a folder; --markdown takes a file path"),
            "model card": ([str(run / "checkpoint" / "README.md"), "--checkpoint", str(run / "checkpoint")], inside),
            "run folder": ([str(run / "bench.md"), "--checkpoint", str(run / "checkpoint")], inside),
            "run given": ([str(run / "checkpoint" / "README.md"), "--checkpoint", str(run)], inside),
            "test split": ([str(diplo_ml.bench.measure.TEST_SPLIT)], "is also an input")}[case]


@pytest.mark.parametrize("case", ["missing folder", "a folder", "model card", "run folder", "run given",
                                  "test split"])
def test_bench_markdown_path_is_checked_before_measuring(case, tmp_path, monkeypatch, capsys):
    _no_measuring(monkeypatch)
    args, message = _bad_markdown_path(tmp_path, case)
    card = tmp_path / "run" / "checkpoint" / "README.md"
    assert cli_main(["bench", "--overwrite", "--markdown", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and len(err.strip().splitlines()) == 1
    assert card.read_text() == "# model card\n"


def test_bench_markdown_overwrite_replaces_the_file_atomically(tmp_path, monkeypatch, capsys):
    from diplo_ml.files import FILE_MODE

    monkeypatch.setattr(diplo_ml.bench, "run_bench", lambda *a, **k: copy.deepcopy(RESULT))
    doc = tmp_path / "benchmarks.md"
    doc.write_text("old report\n")
    inode = doc.stat().st_ino
    assert cli_main(["bench", "--json", "--markdown", str(doc), "--overwrite"]) == 0
    assert json.loads(capsys.readouterr().out) == RESULT
    assert doc.read_text().startswith("# Benchmarks") and "--overwrite" in doc.read_text()
    assert doc.stat().st_ino != inode  # a new file renamed over the old one, never rewritten in place
    assert stat.S_IMODE(doc.stat().st_mode) == FILE_MODE
    assert sorted(os.listdir(tmp_path)) == ["benchmarks.md"]  # no temporary file left beside it
    new = tmp_path / "new.md"
    assert cli_main(["bench", "--markdown", str(new)]) == 0 and new.read_text().startswith("# Benchmarks")


def test_bench_markdown_never_replaces_a_file_written_while_it_measured(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "benchmarks.md"

    def measure_while_another_writes(*a, **k):
        doc.write_text("theirs\n")
        return copy.deepcopy(RESULT)

    monkeypatch.setattr(diplo_ml.bench, "run_bench", measure_while_another_writes)
    assert cli_main(["bench", "--markdown", str(doc)]) == 2
    assert "benchmarks.md was written by another command while this one ran" in capsys.readouterr().err
    assert doc.read_text() == "theirs\n" and (tmp_path / "benchmarks.md.new").read_text().startswith("# Benchmarks")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"paths_to_measure": ["onnx-int8"]}, "--paths onnx-int8: the ONNX paths need onnxruntime and onnx"),
    ({"paths_to_measure": ["fp16"]}, "--paths: unknown path(s) fp16"),
    ({"data": "pillars_nope"}, "--data pillars_nope: In 'train': Could not find 'data/pillars_nope'"),
])
def test_bench_checks_its_options_before_training_or_measuring(kwargs, message, monkeypatch):
    from diplo_ml.bench import measure
    from diplo_ml.bench import run as bench_run
    from diplo_ml.errors import DiploError

    monkeypatch.setattr(bench_run, "available_paths", lambda: list(bench_run.paths.TORCH_PATHS))  # no onnx here
    monkeypatch.setattr(measure, "machine_info", lambda: pytest.fail("measured before checking options"))
    monkeypatch.setattr(bench_run, "train_smoke_checkpoint", lambda _: pytest.fail("trained before checking"))
    with pytest.raises(DiploError) as info:
        run_bench(None, log=lambda _: None, **kwargs)
    assert str(info.value).startswith(message)
