"""Resume after a crash, reproduce a finished run, compare run folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplo_ml.cards.card import ModelCardCallback
from diplo_ml.cli import main as cli_main
from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.runs.compare import compare, render
from diplo_ml.runs.reproduce import metric_differences, preflight
from diplo_ml.train import run


def _cfg(data_dir, *extra):
    return compose_config(["model=minilm", "debug=smoke", "data=pillars_folder",
                           f"data.dir={data_dir}", "trainer.max_steps=4",
                           "trainer.eval_steps=2", "trainer.sampling=random", *extra])


@pytest.mark.slow
def test_interrupted_run_resumes_to_the_same_metrics(pillar_dir, tmp_path, monkeypatch):
    straight = tmp_path / "straight"
    run(_cfg(pillar_dir), straight)

    crashed = tmp_path / "crashed"

    def crash(self, args, state, control, **kwargs):
        if state.global_step == 3:
            raise RuntimeError("simulated crash at step 3")

    monkeypatch.setattr(ModelCardCallback, "on_step_end", crash, raising=False)
    with pytest.raises(RuntimeError, match="simulated crash"):
        run(_cfg(pillar_dir), crashed)
    manifest = json.loads((crashed / "manifest.json").read_text())
    assert manifest["status"] == "failed" and "simulated crash" in manifest["error"]
    assert (crashed / "trainer" / "checkpoint-2").is_dir()
    monkeypatch.undo()

    run(_cfg(pillar_dir), crashed)  # same folder: resumes from checkpoint-2
    assert json.loads((crashed / "manifest.json").read_text())["status"] == "finished"
    a = json.loads((straight / "metrics.json").read_text())
    b = json.loads((crashed / "metrics.json").read_text())
    assert metric_differences(a, b, tolerance=1e-6) == []


def _tfidf_run(pillar_dir, tmp_path):
    """A finished TF-IDF run in tmp_path/run, with its overrides file as `train` leaves it."""
    run_dir = tmp_path / "run"
    (run_dir / ".hydra").mkdir(parents=True)
    overrides = ["model=tfidf", "debug=smoke", "data=pillars_folder", f"data.dir={pillar_dir}"]
    (run_dir / ".hydra" / "overrides.yaml").write_text("".join(f"- {o}\n" for o in overrides))
    run(compose_config(overrides), run_dir, overrides)
    return run_dir, overrides


@pytest.mark.slow
def test_reproduce_refuses_changed_data_and_passes_unchanged(pillar_dir, tmp_path):
    run_dir, overrides = _tfidf_run(pillar_dir, tmp_path)
    assert cli_main(["reproduce", str(run_dir)]) == 0
    (copy,) = list(tmp_path.glob("run.reproduced-*"))
    assert json.loads((copy / "manifest.json").read_text())["reproduces"] == str(run_dir.resolve())
    rows, _, _ = compare([str(run_dir), str(copy)], ["model"], None)
    assert [row["n"] for row in rows] == [1]  # the copy is not one more seed
    good = (run_dir / "metrics.json").read_text()
    (run_dir / "metrics.json").write_text('{"test": {"macro_f1": 0.2')
    assert cli_main(["reproduce", str(run_dir)]) == 2  # refused before anything is re-run
    assert len(list(tmp_path.glob("run.reproduced-*"))) == 1
    edited = json.loads(good)
    edited["test"]["macro_f1"] = "0.76"
    (run_dir / "metrics.json").write_text(json.dumps(edited))
    with pytest.raises(DiploError, match=r"test.macro_f1 not a number"):  # edited into text: refused as well
        preflight(run_dir)
    (run_dir / "metrics.json").write_text(good)
    with open(pillar_dir / "train.jsonl", "a") as handle:
        handle.write(json.dumps({"id": "new", "doc_id": "n", "text": "Extra line.", "labels": []}) + "\n")
    with pytest.raises(DiploError, match=r"train.jsonl changed"):
        preflight(run_dir)
    assert cli_main(["reproduce", str(run_dir)]) == 2


def test_resuming_a_run_without_its_config_yaml_says_it_cannot_be_checked(tmp_path, caplog):
    from diplo_ml.train import refuse_changed_config

    (tmp_path / "trainer").mkdir()  # an interrupted run's checkpoints, its config.yaml deleted
    refuse_changed_config(tmp_path, compose_config(["model=tfidf"]))
    assert "config.yaml: missing, so today's config cannot be checked" in caplog.text


def test_models_names_its_subcommands_and_an_unusable_cache(tmp_path, monkeypatch, capsys):
    with pytest.raises(SystemExit):
        cli_main(["models"])
    assert "required: {list,prepare}" in capsys.readouterr().err
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("DIPLO_CACHE", str(tmp_path / "file"))
    import dataclasses

    from diplo_ml.models import weights

    broken = dataclasses.replace(weights.get("smollm2"), prepare=lambda force: (tmp_path / "file" / "models").mkdir())
    monkeypatch.setattr(weights, "get", lambda name: broken)
    assert cli_main(["models", "prepare", "smollm2"]) == 2
    assert "file/models: Not a directory; the model cache must be a folder you can write" in capsys.readouterr().err


@pytest.mark.slow
def test_reproduce_names_what_it_cannot_check_and_the_file_that_was_edited(pillar_dir, tmp_path, capsys):
    run_dir, overrides = _tfidf_run(pillar_dir, tmp_path)
    with pytest.raises(DiploError, match="no such run folder"):
        preflight(tmp_path / "missing")
    with pytest.raises(DiploError, match="a checkpoint folder; pass the run folder"):
        preflight(run_dir / "checkpoint")
    manifest = json.loads((run_dir / "manifest.json").read_text())
    (run_dir / "manifest.json").write_text(json.dumps({**manifest, "packages": {}}))
    preflight(run_dir)
    assert "records no package versions; they are not checked" in capsys.readouterr().err
    (run_dir / ".hydra" / "overrides.yaml").write_text("".join(f"- {o}\n" for o in [*overrides, "model.C=0.01"]))
    with pytest.raises(DiploError, match=r"overrides.yaml differs from the overrides the run was made with "
                                         r"\(model.C=0.01\)"):
        preflight(run_dir)


@pytest.mark.slow
def test_reproduce_refuses_to_read_other_data_than_the_run_did(pillar_dir, tmp_path, monkeypatch, capsys):
    """A data folder named by a variable (or relative to the working folder) can lead elsewhere today: the re-run
    read other files than those checked and reported "metrics differ"; now it is refused before it runs."""
    shutil.copytree(pillar_dir, tmp_path / "other")
    (tmp_path / "linked").symlink_to(pillar_dir)  # a data folder reached through a link is read as named
    pillar_dir = tmp_path / "linked"
    monkeypatch.setenv("MY_DATA", str(pillar_dir))
    run_dir = tmp_path / "run"
    (run_dir / ".hydra").mkdir(parents=True)
    overrides = ["model=tfidf", "debug=smoke", "data=pillars_folder", "data.dir=${oc.env:MY_DATA}"]
    (run_dir / ".hydra" / "overrides.yaml").write_text("".join(f"- '{o}'\n" for o in overrides))
    run(compose_config(overrides), run_dir, overrides)
    monkeypatch.setenv("MY_DATA", str(tmp_path / "other"))
    assert cli_main(["reproduce", str(run_dir)]) == 2
    assert f"the run read {pillar_dir / 'dev.jsonl'}, {pillar_dir / 'test.jsonl'}, {pillar_dir / 'train.jsonl'}; " \
        f"its config now reads {tmp_path / 'other' / 'dev.jsonl'}" in capsys.readouterr().err
    assert not list(tmp_path.glob("run.reproduced-*"))
    monkeypatch.setenv("MY_DATA", str(pillar_dir))
    assert cli_main(["reproduce", str(run_dir)]) == 0


def test_a_run_is_never_continued_under_a_changed_config(tmp_path, caplog, monkeypatch):
    """An experiment's YAML edited between a run's interruption and its resume: the run went on with the new values
    and its config.yaml claimed them for the whole run. Now a changed value is refused, an added option named."""
    from omegaconf import OmegaConf

    from diplo_ml.train import refuse_changed_config

    cfg = compose_config(["model=tfidf", "debug=smoke"])
    (tmp_path / "config.yaml").write_text(OmegaConf.to_yaml(cfg, resolve=True).replace("C: ", "C: 9"))
    with pytest.raises(DiploError, match=r"the config differs from the one this run started with \(model.C: 9"):
        refuse_changed_config(tmp_path, cfg)
    saved = OmegaConf.to_yaml(cfg, resolve=True)
    (tmp_path / "config.yaml").write_text(saved.replace("  C: ", "  old_option: 3\n  C: "))
    with caplog.at_level("WARNING"):
        refuse_changed_config(tmp_path, cfg)  # a key only one side has: named, not refused
    assert "model.old_option: only then (3)" in caplog.text
    (tmp_path / "config.yaml").write_text(saved.replace("resume: true", "resume: false"))
    refuse_changed_config(tmp_path, compose_config(["model=tfidf", "debug=smoke", "paths.runs_dir=elsewhere"]))
    monkeypatch.setenv("THREADS", "2")  # a value read from the environment or the clock may resolve otherwise
    threaded = ["model=tfidf", "debug=smoke", "threads=${oc.env:THREADS}"]
    (tmp_path / "config.yaml").write_text(OmegaConf.to_yaml(compose_config(threaded), resolve=True))
    monkeypatch.setenv("THREADS", "1")
    refuse_changed_config(tmp_path, compose_config(threaded))  # not a YAML change: accepted


@pytest.mark.slow
def test_reproduce_refuses_a_config_changed_since_the_run(pillar_dir, tmp_path, capsys):
    run_dir, overrides = _tfidf_run(pillar_dir, tmp_path)
    saved = (run_dir / "config.yaml").read_text()
    (run_dir / "config.yaml").write_text(saved.replace("  C: ", "  C: 4"))  # as if the YAML said C: 4… then
    assert cli_main(["reproduce", str(run_dir)]) == 2
    assert "cannot reproduce: the config differs from the run's config.yaml (model.C: 4" in capsys.readouterr().err
    assert not list(tmp_path.glob("run.reproduced-*"))
    # a config.yaml deleted or damaged since: nothing to compare with, so refused (it reproduced without a word)
    for text, message in ((None, "config.yaml: missing; there is nothing to check"),
                          ("model: [unclosed\n", "config.yaml: damaged ("), ("- a list\n", "not a mapping of options")):
        (run_dir / "config.yaml").unlink(missing_ok=True)
        if text is not None:
            (run_dir / "config.yaml").write_text(text)
        assert cli_main(["reproduce", str(run_dir)]) == 2
        assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("run.reproduced-*"))


def test_metric_differences_detects_change():
    assert metric_differences({"test": {"f1": 0.5}}, {"test": {"f1": 0.5}}, 0.0) == []
    assert metric_differences({"test": {"f1": 0.5, "ci": [0.1, 0.2]}}, {"test": {"f1": 0.6, "ci": [0.1, 0.2]}},
                              0.01) == ["test.f1: 0.5 -> 0.6"]


def test_compare_groups_seeds_and_lists_incomplete(smoke_runs, tmp_path, capsys):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text(json.dumps({"status": "running"}))
    rows, metrics, keys = compare([str(smoke_runs["tfidf"].parent), str(broken)])
    statuses = {r["run"]: r["status"] for r in rows}
    assert statuses[str(broken)] == "incomplete" and statuses[str(smoke_runs["tfidf"])] == "finished"
    lost = tmp_path / "lost"  # a run folder that lost its manifest was left out without a word
    lost.mkdir()
    (lost / "metrics.json").write_text(json.dumps({"test": {"macro_f1": 0.5}}))
    rows, _, keys = compare([str(tmp_path)])  # only an incomplete run: listed (it was an IndexError)
    assert [r["status"] for r in rows] == ["incomplete"] and "incomplete" in render(rows, [], keys, "table")
    assert f"skipping a damaged run: {lost} has metrics.json but no manifest.json" in capsys.readouterr().err
    assert "incomplete" in render(rows, metrics, keys, "table")
    assert cli_main(["compare", str(smoke_runs["tfidf"].parent), "--group-by", "model", "--format", "json",
                     "--plot", str(tmp_path / "p.png")]) == 0
    out = json.loads(capsys.readouterr().out)
    by_model = {r["model"]: r for r in out}
    assert by_model["tfidf"]["n"] == 1
    assert by_model["tfidf"]["metrics"]["test.macro_f1"]["std"] is None  # one run has no spread, not 0.0 (probe s35)
    macro = by_model["minilm"]["metrics"]["test.macro_f1"]
    assert set(macro) == {"mean", "std", "n"}
    assert (tmp_path / "p.png").stat().st_size > 1000


def test_plot_draws_one_panel_per_task_without_touching_pyplot(tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    from diplo_ml.runs.compare import plot

    backend = matplotlib.get_backend()
    def row(task, model, n, **metrics):
        return {"task": task, "model": model, "n": n,
                "metrics": {f"test.{k}": {"mean": m, "std": s, "n": n} for k, (m, s) in metrics.items()}}

    rows = [row("pillars", "minilm", 3, macro_f1=(0.6, 0.05)), row("pillars", "tfidf", 1, macro_f1=(0.4, 0.0)),
            row("summarise", "lead", 1, rouge1=(0.4, 0.0)), row("summarise", "textrank", 1)]
    out = plot(rows, ["test.macro_f1", "test.rouge1"], ["task", "model", "n"], tmp_path / "p.png")
    assert out.read_bytes()[:4] == b"\x89PNG" and matplotlib.get_backend() == backend
    with pytest.raises(DiploError, match="nothing to plot"):
        plot(rows[3:], ["test.rouge1"], ["task", "model", "n"], tmp_path / "q.png")


def test_compare_shows_saved_confidence_intervals(tmp_path):
    run_dir = tmp_path / "summarise" / "run1"
    run_dir.mkdir(parents=True)
    (run_dir / "manifest.json").write_text(json.dumps({"status": "finished"}))
    (run_dir / "config.yaml").write_text("task: {name: summarise}\nmodel: {name: lead}\nseed: 1\n")
    (run_dir / "metrics.json").write_text(json.dumps({"test": {"rouge1": 0.35, "rouge1_ci": [0.3, 0.4]}}))
    rows, metrics, keys = compare([str(tmp_path)], metrics=["test.rouge1"])
    assert rows[0]["ci"] == {"test.rouge1": [0.3, 0.4]}
    assert "| 0.350 [0.300, 0.400] |" in render(rows, metrics, keys, "markdown")  # one run: nothing to star


@pytest.mark.parametrize("damage", [float("nan"), "0.76", [0.7, 0.8], None])
def test_compare_marks_a_run_with_a_nan_metric_as_damaged(damage, tmp_path, capsys):
    for name, value in (("good", 0.5), ("bad", damage)):
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished"}))
        (run_dir / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: tfidf}\nseed: 1\n")
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"macro_f1": value}}))
    rows, metrics, keys = compare([str(tmp_path)], metrics=["test.macro_f1"])
    status = {Path(r["run"]).name: r["status"] for r in rows}
    assert status == {"good": "finished", "bad": "damaged (metrics.json: test.macro_f1 not a number)"}
    assert "nan" not in render(rows, metrics, keys, "markdown").lower()
    assert "test.macro_f1 not a number" in capsys.readouterr().err
    (tmp_path / "bad" / "manifest.json").write_text(json.dumps({"status": "failed"}))
    (tmp_path / "bad" / "metrics.json").write_text(json.dumps({"test": {"macro_f1": 0.9}}))
    rows, metrics, keys = compare([str(tmp_path)], metrics=["test.macro_f1"])
    assert "0.500 * |" not in render(rows, metrics, keys, "markdown")  # one finished run: no "best" among one


def test_compare_marks_the_lowest_unsupported_rate_and_no_length(tmp_path):
    for name, rate, length in (("a", 0.1, 20.0), ("b", 0.5, 30.0)):
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished"}))
        (run_dir / "config.yaml").write_text("task: {name: summarise}\nmodel: {name: " + name + "}\n")
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"unsupported_entity_rate": rate,
                                                                   "pred_len_mean": length}}))
    rows, metrics, keys = compare([str(tmp_path)], metrics=["test.unsupported_entity_rate", "test.pred_len_mean"])
    text = render(rows, metrics, keys, "markdown")
    assert "0.100 *" in text and "0.500 *" not in text and "20.000 *" not in text and "30.000 *" not in text
    assert [r["model"] for r in rows] == ["a", "b"]  # the lowest rate first: lower is better
    (tmp_path / "a" / "metrics.json").write_text(json.dumps({"test": {"unsupported_entity_rate": 0.9}}))
    rows, _, _ = compare([str(tmp_path)], metrics=["test.unsupported_entity_rate"])
    assert [r["model"] for r in rows] == ["b", "a"]


def test_compare_csv_holds_numbers_and_interval_columns(tmp_path):
    import csv
    import io

    for name, score in (("a", 0.61), ("b", 0.72)):
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished"}))
        (run_dir / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: m" + name + "}\nseed: 1\n")
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"macro_f1": score,
                                                                   "macro_f1_ci": [score - 0.05, score + 0.05]}}))
    (tmp_path / "copy").symlink_to(tmp_path / "a")  # the same run reached twice counts once
    rows, metrics, keys = compare([str(tmp_path)], metrics=["test.macro_f1"])
    table = list(csv.DictReader(io.StringIO(render(rows, metrics, keys, "csv"))))
    assert [(r["model"], float(r["test.macro_f1"]), float(r["test.macro_f1.ci_low"])) for r in table] == [
        ("mb", 0.72, 0.72 - 0.05), ("ma", 0.61, 0.61 - 0.05)]
    grouped = list(csv.DictReader(io.StringIO(render(*compare([str(tmp_path)], ["seed"], ["test.macro_f1"]),
                                                     "csv"))))
    assert len(grouped) == 1 and grouped[0]["n"] == "2" and float(grouped[0]["test.macro_f1"]) == pytest.approx(0.665)
    with pytest.raises(DiploError, match="--group-by nope: not a run field"):
        compare([str(tmp_path)], ["nope"])


def test_compare_tells_sweep_runs_apart_and_groups_their_seeds(tmp_path):
    runs = [("a", ["experiment=x", "seed=1", "paths.runs_dir=/r"], 0.80),
            ("b", ["experiment=x", "seed=2", "hydra.job.chdir=false"], 0.90),
            ("c", ["experiment=x", "trainer.pos_weight=auto", "seed=1"], 0.70)]
    for name, overrides, f1 in runs:
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished", "overrides": overrides}))
        (run_dir / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: minilm}\n")
        (run_dir / "metrics.json").write_text(json.dumps({"dev": {"macro_f1": f1,
                                                                  "per_label": {"cultural": {"f1": f1 / 2}}}}))
    rows, metrics, keys = compare([str(tmp_path)], metrics=["dev.macro_f1"])
    assert rows[0]["metrics"]["dev.per_label.cultural.f1"] == pytest.approx(0.45)  # nested metrics by dotted path
    assert [r["overrides"] for r in rows] == ["experiment=x", "experiment=x", "experiment=x trainer.pos_weight=auto"]
    assert "| experiment=x trainer.pos_weight=auto |" in render(rows, metrics, keys, "markdown")
    grouped, metrics, keys = compare([str(tmp_path)], group_by=["overrides"], metrics=["dev.macro_f1"])
    assert [(g["overrides"], g["n"]) for g in grouped] == [("experiment=x", 2),
                                                           ("experiment=x trainer.pos_weight=auto", 1)]
    assert grouped[0]["metrics"]["dev.macro_f1"]["mean"] == pytest.approx(0.85)
    table = render(grouped, metrics, keys, "markdown")
    assert "| 0.850 ± 0.071 * |" in table and "| 0.700 |" in table  # no "± 0.000" for a single run


def test_compare_groups_one_setting_typed_in_another_order_or_spelling(tmp_path):
    runs = [("a", ["experiment=x", "debug=smoke", "model.C=2", "trainer.learning_rate=1e-4", "seed=1"], 0.80),
            ("b", ["debug=smoke", "seed=2", "experiment=x", "trainer.learning_rate=0.0001", "model.C=2"], 0.90),
            ("c", ["trainer.learning_rate=1e-4", "model.C=2.0", "experiment='x'", "debug=smoke", "seed=3"], 0.70),
            ("d", ["experiment=x", "debug=smoke", "model.C=3", "trainer.learning_rate=1e-4", "seed=1"], 0.60)]
    for name, overrides, f1 in runs:
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished", "overrides": overrides}))
        (run_dir / "config.yaml").write_text("task: {name: pillars}\nmodel: {name: tfidf}\n")
        (run_dir / "metrics.json").write_text(json.dumps({"dev": {"macro_f1": f1}}))
    grouped, _, _ = compare([str(tmp_path)], group_by=["overrides"], metrics=["dev.macro_f1"])
    assert [(g["overrides"], g["n"]) for g in grouped] == [
        ("debug=smoke experiment=x model.C=2 trainer.learning_rate=0.0001", 3),
        ("debug=smoke experiment=x model.C=3 trainer.learning_rate=0.0001", 1)]
    assert grouped[0]["metrics"]["dev.macro_f1"]["mean"] == pytest.approx(0.80)


def test_compare_never_averages_runs_of_other_task_settings(tmp_path):
    for name, labels, f1 in (("a", "[economic, cultural]", 0.8), ("b", "[economic, cultural]", 0.6),
                             ("c", "[economic]", 0.9)):
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished", "overrides": []}))
        (run_dir / "config.yaml").write_text(f"task: {{name: pillars, labels: {labels}}}\nmodel: {{name: tfidf}}\n")
        (run_dir / "metrics.json").write_text(json.dumps({"dev": {"macro_f1": f1}}))
    grouped, _, _ = compare([str(tmp_path)], group_by=["model"], metrics=["dev.macro_f1"])
    assert sorted((g["n"], round(g["metrics"]["dev.macro_f1"]["mean"], 3)) for g in grouped) == [(1, 0.9), (2, 0.7)]
    (tmp_path / "c" / "config.yaml").write_text("task: {name: pillars, 2024: x, null: y}\nmodel: {name: tfidf}\n")
    assert len(compare([str(tmp_path)], group_by=["model"], metrics=["dev.macro_f1"])[0]) == 2  # was a TypeError
    (tmp_path / "c" / "config.yaml").write_bytes(b"\xff\xfe task")  # not UTF-8: skipped, not a traceback
    assert [g["n"] for g in compare([str(tmp_path)], group_by=["model"], metrics=["dev.macro_f1"])[0]] == [2]


def test_overrides_are_shown_in_one_order_and_spelling():
    from diplo_ml.runs.compare import changes
    from diplo_ml.runs.overrides import override_values

    def shown(*overrides: str) -> str:
        return changes({"overrides": list(overrides)})

    assert shown("data.dir=/d/", "+model.extra=1", "~trainer.foo", "seed=4", "paths.runs_dir=/r") == \
        "data.dir=/d +model.extra=1 ~trainer.foo"
    assert shown("model.prompt='two words'", "model.tag='0.5'", "model.n=0.5") == \
        'model.n=0.5 model.prompt="two words" model.tag="0.5"'  # quoted where a plain word would read otherwise
    assert shown("model.ngram_range=[1, 2]", "model.bad==[") == "model.bad==[ model.ngram_range=[1,2]"
    assert shown("seed=1") == "-"
    for typed in (r"model.prompt='a b\c'", r'model.prompt="say \"hi\""', r"model.prompt=a\b",
                  r"model.prompt=[1.0,'c d\\']"):
        # what is shown reads back as the value typed (a backslash inside quotes was shown doubled)
        assert override_values([shown(typed)])["model.prompt"][0] == override_values([typed])["model.prompt"][0]


def test_compare_says_steps_when_max_steps_bounded_the_run(tmp_path):
    for name, trainer in (("steps", "{num_train_epochs: 3, max_steps: 60}"),
                          ("epochs", "{num_train_epochs: 3, max_steps: -1}")):
        run_dir = tmp_path / name
        run_dir.mkdir()
        (run_dir / "manifest.json").write_text(json.dumps({"status": "finished"}))
        (run_dir / "config.yaml").write_text(
            f"task: {{name: pillars}}\nmodel: {{name: minilm}}\nseed: 1\ntrainer: {trainer}\n")
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"macro_f1": 0.5}}))
    rows, _, _ = compare([str(tmp_path)], metrics=["test.macro_f1"])
    assert {Path(r["run"]).name: r["epochs"] for r in rows} == {"steps": "60 steps", "epochs": 3}


class _Stream:
    def __init__(self, terminal: bool) -> None:
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(("terminal", "preset", "expected"),
                         [(False, None, "30"), (True, None, None), (False, "0.5", "0.5")])
def test_progress_bars_are_paced_only_in_redirected_logs(monkeypatch, terminal, preset, expected):
    """A redirected stderr gets bars redrawn at most every 30 s; a terminal keeps tqdm's own pace; a user's
    TQDM_MININTERVAL is kept."""
    import diplo_ml.cli as cli

    monkeypatch.delenv("TQDM_MININTERVAL", raising=False)
    if preset is not None:
        monkeypatch.setenv("TQDM_MININTERVAL", preset)
    monkeypatch.setattr(cli.sys, "stderr", _Stream(terminal))
    cli.pace_bars_for_logs()
    assert cli.os.environ.get("TQDM_MININTERVAL") == expected


FLAKY_SWEEP = """
import sys
from diplo_ml import train
from diplo_ml.errors import DiploError

real = train.run_task


def flaky(checked, run_dir, recorder):
    if checked.run.seed == 1:
        raise DiploError("bad thing at run time")
    if checked.run.seed == 2:
        raise RuntimeError("a fault")
    return real(checked, run_dir, recorder)


train.run_task = flaky
train.main(sys.argv[1:])
"""


@pytest.mark.slow
def test_a_sweep_job_that_fails_at_run_time_leaves_the_others_running(pillar_dir, tmp_path):
    """Job 1 raises a DiploError, job 2 a fault; job 3 still runs and finishes, and the sweep ends with one line
    naming both failed folders (exit 2). In a subprocess: Hydra's logging set-up would outlive the test here."""
    script = tmp_path / "flaky_sweep.py"
    script.write_text(FLAKY_SWEEP)
    out = subprocess.run([sys.executable, str(script), "-m", "seed=1,2,3", "model=tfidf", "debug=smoke",
                          "data=pillars_folder", f"data.dir={pillar_dir}", f"paths.runs_dir={tmp_path / 'runs'}"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert out.returncode == 2, out.stderr[-2000:]
    (sweep,) = list((tmp_path / "runs" / "multirun").iterdir())
    status = {n: json.loads((sweep / str(n) / "manifest.json").read_text())["status"] for n in (0, 1, 2)}
    assert status == {0: "failed", 1: "failed", 2: "finished"}
    err = out.stderr.strip().splitlines()
    assert "error: bad thing at run time" in err and any("RuntimeError: a fault (traceback in" in e for e in err)
    assert "Traceback" in (sweep / "1" / "train.log").read_text()
    assert err[-1].startswith("error: 2 of 3 sweep jobs failed (the others finished): ")
    assert str(sweep / "0") in err[-1] and str(sweep / "1") in err[-1]


def _own_model_yaml(tmp_path: Path) -> str:
    """A model YAML of the user's (``model=mytfidf``) and the search path override that finds it."""
    (tmp_path / "conf" / "model").mkdir(parents=True)
    (tmp_path / "conf" / "model" / "mytfidf.yaml").write_text(
        "_target_: diplo_ml.models.tagging.tfidf.TfidfTagger\nname: mytfidf\nC: 2.0\n")
    return f"hydra.searchpath=[file://{tmp_path / 'conf'}]"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplo_ml.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_reproduce_a_run_that_used_its_own_model_yaml(pillar_dir, tmp_path):
    """A model YAML of the user's, found through hydra.searchpath, is found again by reproduce."""
    run_dir = tmp_path / "run"
    out = _cli("train", "model=mytfidf", "debug=smoke", "data=pillars_folder", f"data.dir={pillar_dir}",
               f"hydra.run.dir={run_dir}", _own_model_yaml(tmp_path), cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert cli_main(["reproduce", str(run_dir)]) == 0


@pytest.mark.slow
def test_resume_a_failed_run_of_the_users_own_model_yaml(pillar_dir, tmp_path):
    """`resume` finds a model YAML of the user's again (it lost hydra.searchpath: "Could not find 'model/...'")."""
    run_dir = tmp_path / "run"
    (pillar_dir / "late.jsonl").write_text("{not json\n")  # the run fails at its data, after its folder is made
    out = _cli("train", "model=mytfidf", "debug=smoke", "data=pillars_folder", "data.files.test=late.jsonl",
               f"data.dir={pillar_dir}", f"hydra.run.dir={run_dir}", _own_model_yaml(tmp_path), cwd=tmp_path)
    assert out.returncode != 0 and json.loads((run_dir / "manifest.json").read_text())["status"] == "failed"
    shutil.copy(pillar_dir / "test.jsonl", pillar_dir / "late.jsonl")  # mended, then continued as the README says
    out = _cli("resume", str(run_dir), cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads((run_dir / "manifest.json").read_text())["status"] == "finished"


@pytest.mark.slow
def test_a_reproduction_stopped_by_a_signal_says_so_and_can_be_resumed(pillar_dir, tmp_path, monkeypatch, capsys):
    """SIGTERM killed `reproduce` outright: its copy stayed `running`, and `resume` refused it (no .hydra/). Now the
    copy ends `interrupted`, keeps the overrides `resume` reads, and stays marked as a reproduction."""
    import signal

    import diplo_ml.runs.reproduce
    import diplo_ml.train
    from diplo_ml.runs.interrupt import RunInterrupted
    from diplo_ml.runs.resume import resume_argv

    run_dir, overrides = _tfidf_run(pillar_dir, tmp_path)

    def stopped(cfg, out_dir, given):
        (out_dir / "manifest.json").write_text(json.dumps({"status": "interrupted", "overrides": given}))
        raise RunInterrupted(signal.SIGTERM)

    monkeypatch.setattr(diplo_ml.train, "run", stopped)
    assert cli_main(["reproduce", str(run_dir)]) == 143
    (copy,) = tmp_path.glob("run.reproduced-*")
    assert "keeps its last checkpoint; `diplo-ml resume" in capsys.readouterr().err
    assert json.loads((copy / "manifest.json").read_text())["reproduces"] == str(run_dir.resolve())
    assert [o for o in resume_argv(copy) if o.startswith("data.dir=")] == [f"data.dir={pillar_dir}"]

    def stopped_early(run_dir):  # SIGTERM while the run's files are checked: said too (it was exit 143, silent)
        raise RunInterrupted(signal.SIGTERM)

    monkeypatch.setattr(diplo_ml.runs.reproduce, "preflight", stopped_early)
    assert cli_main(["reproduce", str(run_dir)]) == 143
    assert "interrupted (SIGTERM) before the re-run started; nothing was kept" in capsys.readouterr().err
    assert len(list(tmp_path.glob("run.reproduced-*"))) == 1
    monkeypatch.undo()
    monkeypatch.chdir(run_dir)  # `reproduce .` from inside the run: the copy goes beside it, as for its full path
    assert cli_main(["reproduce", "."]) == 0, capsys.readouterr().err
    assert len(list(tmp_path.glob("run.reproduced-*"))) == 2


def test_sigterm_raises_like_sigint_once_libraries_have_loaded():
    """`end_early` gave SIGTERM back to the system: evaluate, report, data build ... died without a word or their
    clean-up (data build left a temporary file in processed/); now it raises, as Ctrl-C does."""
    import signal

    from diplo_ml.runs.interrupt import RunInterrupted, end_early, install_early

    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        install_early()
        end_early()
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)  # not SIG_DFL, which ends the process on the spot (not sent here: it would)
        with pytest.raises(RunInterrupted) as stopped:
            handler(signal.SIGTERM, None)
        assert stopped.value.exit_code == 143
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def test_the_card_callback_keeps_the_tasks_headline_metrics():
    """It kept a fixed list of both tasks' metric names; now the harness passes the task's own."""
    from types import SimpleNamespace

    callback = ModelCardCallback(("rougeL", "rouge1"))
    callback.on_evaluate(None, SimpleNamespace(epoch=1.0, global_step=5), None,
                         metrics={"eval_loss": 0.5, "eval_rougeL": 0.3, "eval_rouge1": 0.4, "eval_macro_f1": 0.9,
                                  "eval_runtime": 2.0})
    assert callback.evals == [{"epoch": 1.0, "step": 5, "loss": 0.5, "rougeL": 0.3, "rouge1": 0.4}]
