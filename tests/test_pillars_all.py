"""data=pillars_all: several sources loaded together, train oversampling per source, per-source metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from omegaconf import OmegaConf

from diplo_ml.config import compose_config
from diplo_ml.data.loader import load_splits, oversample, proportional_cut, tag_source
from diplo_ml.data.schema import check_pillar_record
from diplo_ml.errors import DataError, DiploError
from diplo_ml.train import run

from .conftest import EXTERNAL, needs_external, write_pillar_split

LABELS = ["economic", "cultural", "multilateral", "citizen_protection"]
FILES = {"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"}


def _check(record, path, line):
    check_pillar_record(record, path, line, labels=LABELS)


def _public_split(folder: Path) -> Path:
    """The tiny pillar split with ids of its own and a publisher in ``source``, like the public corpus."""
    write_pillar_split(folder)
    for path in folder.glob("*.jsonl"):
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        path.write_text("".join(json.dumps({**r, "id": f"pub-{r['id']}", "source": "WhiteHouse"}) + "\n"
                                for r in rows))
    return folder


@pytest.fixture
def two_sources(tmp_path: Path) -> tuple[Path, Path]:
    return write_pillar_split(tmp_path / "embedded"), _public_split(tmp_path / "public")


def _cfg(embedded: Path, public: Path, embedded_weight: float = 1.0, **extra):
    return OmegaConf.create({"name": "both", "sources": {
        "embedded": {"dir": str(embedded), "files": FILES, "weight": embedded_weight},
        "public": {"dir": str(public), "files": FILES, "weight": 1.0}}, **extra})


def _sources(ds) -> dict[str, int]:
    column = list(ds["source"])
    return {name: column.count(name) for name in sorted(set(column))}


def test_two_sources_are_concatenated_and_tagged(two_sources):
    data = load_splits(_cfg(*two_sources), _check)
    assert data.counts == {"train": 48, "dev": 48, "test": 48}
    for split in ("train", "dev", "test"):
        assert _sources(data.splits[split]) == {"embedded": 24, "public": 24}
    assert set(data.splits["test"].column_names) == {"id", "doc_id", "text", "labels", "source"}  # shared fields
    assert tag_source([{"id": "a", "source": "WhiteHouse"}], "public") == [
        {"id": "a", "outlet": "WhiteHouse", "source": "public"}]  # a record's own source moves to outlet
    assert len(data.fingerprints) == 6 and all(len(h) == 64 for h in data.fingerprints.values())
    assert {Path(p).parent.name for p in data.fingerprints} == {"embedded", "public"}
    assert data.sources["embedded"] == {"weight": 1.0, "examples": {"train": 24, "dev": 24, "test": 24}}


def test_a_training_text_in_another_sources_test_is_left_out(two_sources):
    """Each source was checked on its own: a public training text that an embedded test paragraph repeats was
    trained on without a word."""
    embedded, public = two_sources
    test_text = "The two foreign ministers agreed to open a new consulate in Da Nang next year."
    for path, index, text in ((embedded / "test.jsonl", 0, test_text), (public / "train.jsonl", 3, test_text.upper())):
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        rows[index]["text"] = text
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    data = load_splits(_cfg(*two_sources), _check)
    (line,) = data.warnings
    assert "source 'public': 1 training text(s) repeated word for word in another source's dev or test, left out" \
        in line and f"{rows[3]['id']} (train.jsonl:4) = " in line
    assert _sources(data.splits["train"]) == {"embedded": 24, "public": 23}


def test_weight_two_doubles_train_only(two_sources):
    data = load_splits(_cfg(*two_sources, embedded_weight=2), _check)
    assert _sources(data.splits["train"]) == {"embedded": 48, "public": 24}
    assert _sources(data.splits["dev"]) == _sources(data.splits["test"]) == {"embedded": 24, "public": 24}
    train_ids = [r["id"] for r in data.splits["train"] if r["source"] == "embedded"]
    assert len(set(train_ids)) == 24 and all(train_ids.count(i) == 2 for i in set(train_ids))
    assert data.sources["embedded"]["examples"]["train"] == 48


def test_fractional_and_zero_weights_are_seeded(two_sources):
    rows = [{"id": str(i)} for i in range(10)]
    half = oversample(rows, 1.5, "0:x")
    assert len(half) == 15 and half == oversample(rows, 1.5, "0:x")
    assert oversample(rows, 0.0, "0:x") == []
    data = load_splits(_cfg(*two_sources, embedded_weight=0), _check)
    assert _sources(data.splits["train"]) == {"public": 24}
    assert _sources(data.splits["test"]) == {"embedded": 24, "public": 24}


@pytest.mark.parametrize("weight", [-1, "two", True])
def test_bad_weight_names_the_source(two_sources, weight):
    with pytest.raises(DiploError, match="source 'embedded': weight must be a number from 0 to 100"):
        load_splits(_cfg(*two_sources, embedded_weight=weight), _check)


def test_max_samples_are_shared_between_sources(two_sources):
    data = load_splits(_cfg(*two_sources, embedded_weight=2, max_train_samples=9, max_dev_samples=5), _check)
    assert _sources(data.splits["train"]) == {"embedded": 6, "public": 3}
    assert data.counts == {"train": 9, "dev": 5, "test": 48}
    parts = proportional_cut({"a": [{}] * 3, "b": [{}] * 3}, 5)
    assert sum(len(p) for p in parts.values()) == 5


def test_duplicate_id_across_sources_is_refused(two_sources):
    embedded, _ = two_sources
    with pytest.raises(DataError, match="duplicate id 'train-0-0'"):
        load_splits(_cfg(embedded, write_pillar_split(embedded.parent / "copy")), _check)


def test_missing_public_corpus_is_a_clear_error(monkeypatch, pillar_dir):
    monkeypatch.delenv("DIPLO_EXTERNAL_DATA", raising=False)
    cfg = compose_config(["experiment=pillars_all_tfidf", f"data.sources.embedded.dir={pillar_dir}"])
    with pytest.raises(DiploError, match="source 'public'.*DIPLO_EXTERNAL_DATA") as err:
        load_splits(cfg.data, _check)
    assert "\n" not in str(err.value)


def test_missing_source_folder_is_a_clear_error(two_sources, tmp_path):
    embedded, _ = two_sources
    with pytest.raises(DataError, match=r"data folder not found \(data config 'both', source 'public'\)"):
        load_splits(_cfg(embedded, tmp_path / "nowhere"), _check)


def test_smoke_run_reports_each_source(two_sources, tmp_path):
    embedded, public = two_sources
    cfg = compose_config(["model=tfidf", "debug=smoke", "data=pillars_all", "~data.sources.hard",
                          f"data.sources.embedded.dir={embedded}",
                          f"data.sources.public.dir={public}", "data.sources.embedded.weight=2"])
    run_dir = tmp_path / "run"
    metrics = run(cfg, run_dir)
    saved = json.loads((run_dir / "metrics.json").read_text())
    assert set(saved) == {"dev", "test", "dev_embedded", "dev_public", "test_embedded", "test_public"}
    assert saved == metrics
    assert saved["test_embedded"]["n"] + saved["test_public"]["n"] == saved["test"]["n"] == 12
    assert set(saved["test_public"]) == set(saved["test"])
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert {Path(p).parent for p in manifest["data"]["fingerprints"]} == {embedded, public}
    assert manifest["data"]["sources"]["embedded"]["weight"] == 2.0
    assert manifest["data"]["examples"]["train"] == 24
    rows = [json.loads(x) for x in (run_dir / "predictions_test.jsonl").read_text().splitlines()]
    assert {r["source"] for r in rows} == {"embedded", "public"}
    card = (run_dir / "checkpoint" / "README.md").read_text()
    assert f"| public | {saved['test_public']['n']} | {saved['test_public']['macro_f1']:.3f} |" in card


def test_compare_and_evaluate_accept_per_source_metrics(two_sources, tmp_path):
    from diplo_ml.harness import evaluate_checkpoint
    from diplo_ml.runs.compare import compare, render

    embedded, public = two_sources
    dirs = ["~data.sources.hard", f"data.sources.embedded.dir={embedded}", f"data.sources.public.dir={public}"]
    run_dir = tmp_path / "run"
    run(compose_config(["model=tfidf", "debug=smoke", "data=pillars_all", *dirs]), run_dir)
    rows, metrics, keys = compare([str(run_dir)], metrics=["test.macro_f1", "test_public.macro_f1"])
    assert rows[0]["metrics"]["test_public.macro_f1"] is not None
    assert "test_public.macro_f1" in render(rows, metrics, keys, "markdown")
    again = evaluate_checkpoint(run_dir, data="pillars_all", split="test",
                                overrides=[*dirs, "data.max_test_samples=12"])
    saved = json.loads((run_dir / "metrics.json").read_text())
    assert again["macro_f1"] == pytest.approx(saved["test"]["macro_f1"], abs=1e-9)
    assert again["per_source"]["public"]["macro_f1"] == pytest.approx(saved["test_public"]["macro_f1"], abs=1e-9)


@needs_external
def test_real_sources_load_together():
    plain = load_splits(compose_config(["experiment=pillars_all_tfidf"]).data, _check)
    doubled = load_splits(compose_config(["experiment=pillars_all_tfidf", "data.sources.embedded.weight=2"]).data,
                          _check)
    one, two = plain.sources["embedded"]["examples"], doubled.sources["embedded"]["examples"]
    assert two["train"] == 2 * one["train"] and two["test"] == one["test"]
    assert plain.counts["test"] == sum(source["examples"]["test"] for source in plain.sources.values())
    assert set(plain.sources) == {"embedded", "hard", "public"}
    assert len(plain.fingerprints) == 9 and sum(str(EXTERNAL) in p for p in plain.fingerprints) == 3


def test_a_source_missing_a_file_is_refused_before_a_run_folder_is_made(two_sources):
    """check_locations looks at each source's files, not only its folder."""
    from diplo_ml.data.loader import check_locations

    embedded, public = two_sources
    check_locations(_cfg(embedded, public))
    (public / "dev.jsonl").unlink()
    with pytest.raises(DataError, match=r"public/dev.jsonl: no such file"):
        check_locations(_cfg(embedded, public))
