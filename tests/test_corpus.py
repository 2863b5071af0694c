"""The embedded corpus meets its stated size and label targets and passes its own checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from diplo_ml.cli import main as cli_main
from diplo_ml.data import corpus
from diplo_ml.errors import DataError, DiploError

from .conftest import ROOT, interrupted_after


@pytest.fixture(scope="module")
def result():
    return corpus.check()


def test_check_passes(result):
    assert result.ok, result.errors


def test_size_and_label_targets(result):
    s = result.stats
    assert s["n_articles"] >= 100 and s["n_paragraphs"] >= 700
    assert all(n >= 100 for n in s["label_counts"].values()), s["label_counts"]
    assert s["multi_label_fraction"] >= 0.15
    assert s["no_label_fraction"] >= 0.25
    assert s["near_duplicate_pairs"] == 0 and s["cross_split_shared_runs"] == 0


def test_every_article_has_summary_and_headline():
    for path in sorted((ROOT / "data" / "annotations").glob("*.json")):
        note = json.loads(path.read_text())
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", note["summary"].strip()) if x]
        assert note["headline"].strip(), path
        assert 2 <= len(sentences) <= 4, (path.name, note["summary"])


def test_datasheet_table_matches_check(result):
    sheet = (ROOT / "data" / "README.md").read_text()
    s = result.stats
    for label, n in s["label_counts"].items():
        by = s["label_counts_by_split"]
        row = f"| {label} | {n} | {by['train'][label]} | {by['dev'][label]} | {by['test'][label]} |"
        assert row in sheet, row


def test_data_check_json_interface(capsys):
    assert cli_main(["data", "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("n_articles", "n_paragraphs", "label_counts", "multi_label_fraction", "no_label_fraction",
                "near_duplicate_pairs", "splits"):
        assert key in out
    assert sum(out["splits"].values()) == out["n_paragraphs"]


def test_check_fails_on_leak_and_staleness(tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root, ignore=shutil.ignore_patterns("*.md"))
    train = root / "processed" / "pillars" / "train.jsonl"
    test = root / "processed" / "pillars" / "test.jsonl"
    leaked = json.loads(test.read_text().splitlines()[0])
    leaked["id"] = "leak-1"
    leaked["doc_id"] = "leak"
    with open(train, "a") as handle:
        handle.write(json.dumps(leaked) + "\n")
    bad = corpus.check(root)
    assert not bad.ok
    assert any("exact duplicate" in e for e in bad.errors)
    assert any("out of date" in e for e in bad.errors)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write_rows(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


@pytest.mark.parametrize("edit", ["article moved", "summary edited", "summary deleted", "sums edited", "sums cut",
                                  "splits missing"])
def test_check_fails_on_a_split_or_summary_changed_by_hand(tmp_path, edit):
    """Only the pillar paragraphs' (id, text, labels) were compared: an article moved to another split, an edited
    or deleted reference summary and a stale SHA256SUMS all passed as OK."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root, ignore=shutil.ignore_patterns("*.md"))
    processed = root / "processed"
    if edit == "article moved":
        train, test = _rows(processed / "pillars" / "train.jsonl"), _rows(processed / "pillars" / "test.jsonl")
        doc = train[0]["doc_id"]
        _write_rows(processed / "pillars" / "train.jsonl", [r for r in train if r["doc_id"] != doc])
        _write_rows(processed / "pillars" / "test.jsonl", test + [r for r in train if r["doc_id"] == doc])
    elif edit.startswith("summary"):
        rows = _rows(processed / "summaries" / "test.jsonl")
        rows = rows[:-1] if edit == "summary deleted" else [{**rows[0], "summary": "Written by hand."}, *rows[1:]]
        _write_rows(processed / "summaries" / "test.jsonl", rows)
    elif edit == "splits missing":
        (root / "splits.json").unlink()
        assert any(e.endswith("splits.json: missing; `diplo-ml data build` makes it (a stratified split by article)")
                   for e in corpus.check(root).errors)
        return
    else:
        sums = processed / "SHA256SUMS"
        sums.write_text("0" * 64 + sums.read_text()[64:] if edit == "sums edited" else "deadbeef x\n")
    bad = corpus.check(root)
    assert any("processed/ is out of date with raw/, annotations/ and splits.json" in e for e in bad.errors), \
        bad.errors


def test_build_refuses_misaligned_annotation(tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "raw", root / "raw")
    shutil.copytree(ROOT / "data" / "annotations", root / "annotations")
    path = sorted((root / "annotations").glob("*.json"))[0]
    note = json.loads(path.read_text())
    note["paragraphs"][1]["starts"] = "Words that are not in the article at all"
    path.write_text(json.dumps(note))
    with pytest.raises(DataError, match=rf"{path.name}: paragraph 1 should start 'Words that are not"):
        corpus.load_articles(root)


@pytest.mark.parametrize(("splits", "message"), [
    ({"a01-evfta-ratification": "validation"}, "unknown split for a01-evfta-ratification -> 'validation'"),
    ("{not json", "corrupt splits file"),
    ('{"a01-evfta-ratification": "train",\n "a02-evfta-early-gains": "dev",\n "a01-evfta-ratification": "test"}',
     r"splits.json:3: 'a01-evfta-ratification' is given twice in this splits file; keep one"),  # was: last one wins
    (["train"], "must map each doc_id"),
])
def test_build_refuses_a_bad_splits_file_before_writing(tmp_path, splits, message):
    import shutil

    root = tmp_path / "data"
    for part in ("raw", "annotations"):
        shutil.copytree(ROOT / "data" / part, root / part)
    (root / "splits.json").write_text(splits if isinstance(splits, str) else json.dumps(splits))
    with pytest.raises(DiploError, match=message):
        corpus.build(root)
    assert not (root / "processed").exists()  # nothing half-built


def test_an_interrupted_build_leaves_the_old_files(tmp_path, monkeypatch):
    import shutil

    from diplo_ml.data import io

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root, ignore=shutil.ignore_patterns("*.md"))
    processed = root / "processed"
    before = {p: p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    (root / "annotations" / "a01-evfta-ratification.json").write_text(
        (root / "annotations" / "a01-evfta-ratification.json").read_text().replace('"summary": "', '"summary": "X. '))
    monkeypatch.setattr(corpus, "write_jsonl", interrupted_after(5))
    with pytest.raises(KeyboardInterrupt):
        corpus.build(root)
    assert {p: p.read_bytes() for p in processed.rglob("*") if p.is_file()} == before  # no new file, no temporary
    monkeypatch.setattr(corpus, "write_jsonl", io.write_jsonl)
    corpus.build(root)
    assert any(p.read_bytes() != before[p] for p in before)  # the edited summary did land


@pytest.mark.parametrize(("edit", "message"), [
    (lambda text: text.encode() + b"\xff", "not UTF-8 text"),
    (lambda text: json.dumps({**json.loads(text), "summary": None}),
     "field 'summary' must be non-empty text, got None"),
    (lambda text: json.dumps({**json.loads(text), "headline": 7}), "field 'headline' must be non-empty text, got 7"),
    (lambda text: json.dumps({**json.loads(text), "paragraphs": ["economic"]}),
     "paragraph 0 must be an object whose 'starts' is the paragraph's first words, got 'economic'"),
    (lambda text: json.dumps({**json.loads(text), "paragraphs": [{"labels": []}]}), "paragraph 0 must be an object"),
    (lambda text: json.dumps({**json.loads(text), "paragraphs": [{"starts": "Hanoi", "labels": "economic"}]}),
     "paragraph 0: 'labels' must be a list of label names"),
    (lambda text: "[]", "must be a JSON object"),
    (lambda text: "[" * 5000 + "]" * 5000, "corrupt annotation file (nested too deeply)"),  # was a traceback
    (lambda text: text.replace('"summary":', '"summary": "A first summary.",\n "summary":', 1),
     "'summary' is given twice in this annotation file; keep one"),
    (lambda text: json.dumps({**json.loads(text), "tranche": ["hard"]}), "unknown tranche '['hard']'"),
    (lambda text: json.dumps({**json.loads(text), "paragraphs": [{"starts": "Hanoi", "labels": ["economic"] * 2}]}),
     "paragraph 0: label listed twice: economic"),  # was built, then refused by `data check` (review s31 F06)
    (lambda text: json.dumps({**json.loads(text), "paragraphs": [{"starts": "Hanoi", "question": "no"}]}),
     "paragraph 0: 'question' must be true or false, got 'no'"),  # was stored as true
])
def test_build_refuses_a_bad_annotation_file_in_one_line(tmp_path, edit, message):
    import shutil

    root = tmp_path / "data"
    for part in ("raw", "annotations"):
        shutil.copytree(ROOT / "data" / part, root / part)
    shutil.copy(ROOT / "data" / "splits.json", root / "splits.json")
    path = root / "annotations" / "a01-evfta-ratification.json"
    changed = edit(path.read_text())
    path.write_bytes(changed if isinstance(changed, bytes) else changed.encode())
    with pytest.raises(DataError, match=re.escape(str(path)) + r"(?::\d+)?: .*" + re.escape(message)) as raised:
        corpus.build(root)
    assert "\n" not in str(raised.value) and not (root / "processed").exists()


def test_build_skips_editor_locks_reads_a_bom_and_names_a_folder(tmp_path):
    """An Emacs lock link (.#name.json, pointing nowhere) and a BOM were tracebacks or "malformed JSON"."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root, ignore=shutil.ignore_patterns("*.md"))
    before = {p: p.read_bytes() for p in (root / "processed").rglob("*") if p.is_file()}
    annotations = root / "annotations"
    (annotations / ".#a01-evfta-ratification.json").symlink_to("user@host.1234:1700000000")
    bom = annotations / "a02-evfta-early-gains.json"
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    corpus.build(root)
    assert {p: p.read_bytes() for p in (root / "processed").rglob("*") if p.is_file()} == before
    (annotations / "old.json").mkdir()
    with pytest.raises(DataError, match="old.json: not a file"):
        corpus.build(root)
    (annotations / "old.json").rmdir()
    (root / "raw" / "a01-evfta-ratification.txt~").write_text("an editor's backup")  # not an article: left alone
    corpus.build(root)
    (root / "raw" / "zz-new-article.md").write_text("Hanoi (VNA) – A new article.")  # was left out without a word
    with pytest.raises(DataError, match=r"raw: zz-new-article.md: the corpus reads raw articles as .txt files only"):
        corpus.build(root)
