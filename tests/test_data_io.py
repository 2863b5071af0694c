"""Bad input is refused with file:line; good input loads through datasets with fingerprints."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from omegaconf import OmegaConf

from diplo_ml.config import compose_config
from diplo_ml.data.examples import slug_headline
from diplo_ml.data.loader import check_locations, load_splits
from diplo_ml.data.schema import check_pillar_record
from diplo_ml.data.splits import grouped_split
from diplo_ml.errors import DataError, DiploError

LABELS = ["economic", "cultural", "multilateral", "citizen_protection"]


def _check(record, path, line):
    check_pillar_record(record, path, line, labels=LABELS)


def _cfg(folder: Path, **extra):
    return OmegaConf.create({"name": "tiny", "dir": str(folder),
                             "files": {"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"}, **extra})


def _append(path: Path, line: str) -> int:
    lines = path.read_text().splitlines()
    lines.append(line)
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def test_loads_splits_and_fingerprints(pillar_dir):
    data = load_splits(_cfg(pillar_dir), _check)
    assert set(data.splits) == {"train", "dev", "test"}
    assert data.counts["train"] == 24
    assert len(data.fingerprints) == 3 and all(len(h) == 64 for h in data.fingerprints.values())
    assert data.splits["train"][0]["labels"] == ["economic"]


def test_a_sample_limit_above_a_splits_size_is_said(pillar_dir):
    """data.max_train_samples=10000000 ran on all 24 rows without a word, while the config recorded 10000000."""
    data = load_splits(_cfg(pillar_dir, max_train_samples=10_000_000, max_dev_samples=2), _check)
    assert data.counts["train"] == 24 and data.counts["dev"] == 2
    assert data.warnings == ["data.max_train_samples=10000000: the train split has 24 records; all are used"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x1", "doc_id": "d", "text": "Trade rose.", "labels": ["trade"]}', "unknown label 'trade'"),
        ('{"id": "x2", "doc_id": "d", "text": "   ", "labels": []}', "empty 'text'"),
        ('{"id": "train-0-0", "doc_id": "d", "text": "Again.", "labels": []}', "duplicate id 'train-0-0'"),
        ('{"id": "x3", "doc_id": "d", "text": "Broken", "labels": [}', "malformed JSON"),
        ('{"id": "x4", "text": "No document.", "labels": []}', "missing field 'doc_id'"),
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"id": "x5", "doc_id": ["a", "b"], "text": "Two documents.", "labels": []}',
         "field 'doc_id' must be text or a whole number, got list"),
        ('{"id": "x6", "doc_id": "d", "text": "Trade rose.", "labels": [], "headline": 2024}',
         "field 'headline' must be text or null, got int"),
    ],
)
def test_bad_lines_name_file_and_line(pillar_dir, line, message):
    number = _append(pillar_dir / "test.jsonl", line)
    with pytest.raises(DataError) as err:
        load_splits(_cfg(pillar_dir), _check)
    assert f"test.jsonl:{number}" in str(err.value)
    assert message in str(err.value)


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "x", "text": "Cut short."', "Expecting ',' delimiter at the end of the line"),
    ('{"id": "x", "text": "a raw newline', "Unterminated string starting at column 21"),
    ('{"id": "x" "text": "t"}', "Expecting ',' delimiter at column 12"),
])
def test_malformed_json_names_the_place_on_its_own_line(line, message):
    """A record cut short was reported at "column 1" (of the line after it, as the line ending was parsed too)."""
    from diplo_ml.data.io import parse_jsonl_lines

    with pytest.raises(DataError, match=rf"in.jsonl:2: malformed JSON \({re.escape(message)}\)"):
        list(parse_jsonl_lines(['{"text": "fine"}\n', line + "\n", '{"text": "next"}\n'], "in.jsonl"))


def test_a_key_given_twice_in_a_row_is_refused_not_half_read():
    """{"text": "A", "text": "B"} was predicted as "B", the first text dropped without a word."""
    from diplo_ml.data.io import parse_jsonl_lines

    with pytest.raises(DataError, match=r"in.jsonl:1: unreadable JSON \(the key 'text' appears twice"):
        list(parse_jsonl_lines(['{"text": "A", "meta": {"x": 1}, "text": "B"}'], "in.jsonl"))
    assert list(parse_jsonl_lines(['{"text": "A", "meta": {"text": "B"}}'], "in.jsonl"))[0][1]["text"] == "A"


def test_duplicate_id_across_files_is_refused(pillar_dir):
    _append(pillar_dir / "dev.jsonl", json.dumps({"id": "train-0-1", "doc_id": "z", "text": "t", "labels": []}))
    with pytest.raises(DataError, match="duplicate id 'train-0-1'.*first seen at .*train.jsonl:2"):
        load_splits(_cfg(pillar_dir), _check)


def test_missing_file_is_named(tmp_path):
    (tmp_path / "x").mkdir()
    with pytest.raises(DataError, match=r"train.jsonl: no such file"):
        load_splits(_cfg(tmp_path / "x"), _check)


def test_a_folder_of_only_all_jsonl_is_split_by_article(pillar_dir, tmp_path):
    """The default files (train/dev/test.jsonl) absent and all.jsonl present: that one file, split by document."""
    folder = tmp_path / "only_all"
    folder.mkdir()
    rows = [line for split in ("train", "dev", "test")
            for line in (pillar_dir / f"{split}.jsonl").read_text().splitlines()]
    (folder / "all.jsonl").write_text("\n".join(rows) + "\n")
    check_locations(_cfg(folder))  # the check before a run folder is made takes the same one file
    data = load_splits(_cfg(folder), _check)
    assert sum(data.counts.values()) == len(rows) and list(data.fingerprints) == [str(folder / "all.jsonl")]
    docs = {split: {r["doc_id"] for r in data.splits[split]} for split in data.splits}
    assert not (docs["train"] & docs["dev"]) and not (docs["train"] & docs["test"])
    (folder / "train.jsonl").write_text(rows[0] + "\n")  # one split file given: all.jsonl is not guessed
    with pytest.raises(DataError, match=r"dev.jsonl: no such file"):
        load_splits(_cfg(folder), _check)
    with pytest.raises(DataError, match=r"dev.jsonl: no such file"):
        check_locations(_cfg(folder))


def test_unset_external_data_variable_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("DIPLO_EXTERNAL_DATA", raising=False)
    cfg = compose_config(["experiment=pillars_public_tfidf"])
    with pytest.raises(DiploError, match="DIPLO_EXTERNAL_DATA"):
        load_splits(cfg.data, _check)


def test_single_file_is_split_by_document(pillar_dir):
    rows = [json.loads(x) for x in (pillar_dir / "train.jsonl").read_text().splitlines()]
    parts = grouped_split(rows * 1, "doc_id", {"dev": 0.3, "test": 0.3}, seed=1)
    docs = {split: {r["doc_id"] for r in part} for split, part in parts.items()}
    assert not (docs["train"] & docs["dev"]) and not (docs["train"] & docs["test"]) and not (docs["dev"] & docs["test"])
    assert sum(len(p) for p in parts.values()) == len(rows)
    assert parts == grouped_split(rows, "doc_id", {"dev": 0.3, "test": 0.3}, seed=1)


def test_max_samples_limit(pillar_dir):
    data = load_splits(_cfg(pillar_dir, max_train_samples=5), _check)
    assert data.counts["train"] == 5 and data.counts["dev"] == 24


def test_a_summaries_folder_of_only_all_jsonl_trains(tmp_path):
    """Summarisation records carry no doc_id: each is its own article when one all.jsonl is split."""
    from diplo_ml.tasks import get_task

    folder = tmp_path / "sums"
    folder.mkdir()
    rows = [{"id": f"a{i}", "text": f"Vietnam and country {i} signed a trade deal. Talks went on.",
             "summary": f"Vietnam and country {i} signed a deal."} for i in range(40)]
    (folder / "all.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    cfg = compose_config(["task=summarise", "data=summaries_folder", f"data.dir={folder}"])
    data = get_task("summarise").load_data(cfg.data)
    assert sum(data.counts.values()) == 40 and min(data.counts.values()) > 0


def test_files_written_together_replace_all_or_none(tmp_path):
    from diplo_ml.files import files_together

    paths = [tmp_path / f"{name}.txt" for name in ("a", "b", "c")]
    for path in paths:
        path.write_text("old\n")
    with pytest.raises(RuntimeError), files_together() as batch:
        for i, path in enumerate(paths):
            if i == 2:
                raise RuntimeError("stopped before the last file")
            with batch.open(path) as handle:
                handle.write("new\n")
    assert [p.read_text() for p in paths] == ["old\n"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]  # no temporary left
    with files_together() as batch:
        for path in paths:
            with batch.open(path) as handle:
                handle.write("new\n")
        assert paths[0].read_text() == "old\n"  # nothing replaced before the block ends
    assert [p.read_text() for p in paths] == ["new\n"] * 3


def test_a_rename_that_fails_part_way_puts_back_the_files_already_replaced(tmp_path):
    """The last target is a folder, so its rename fails after the first two were renamed: the set was a mix of new
    and old files; now the first two are put back (a plain file and a link alike) and the error is raised."""
    from diplo_ml.files import files_together

    (tmp_path / "real.txt").write_text("old link target\n")
    (tmp_path / "a.txt").write_text("old\n")
    (tmp_path / "b.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "c.txt").mkdir()
    with pytest.raises(OSError), files_together() as batch:
        for name in ("a.txt", "b.txt", "c.txt"):
            with batch.open(tmp_path / name) as handle:
                handle.write("new\n")
    assert (tmp_path / "a.txt").read_text() == "old\n"
    assert (tmp_path / "b.txt").is_symlink() and (tmp_path / "b.txt").read_text() == "old link target\n"
    assert (tmp_path / "c.txt").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt", "real.txt"]  # nothing left


def test_a_signal_during_the_renames_waits_for_them(tmp_path):
    import signal

    from diplo_ml.files import files_together

    paths = [tmp_path / f"{name}.txt" for name in ("a", "b")]
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # Python's own, whatever ran before
    with pytest.raises(KeyboardInterrupt), files_together() as batch:
        with batch.open(paths[0]) as handle:
            handle.write("1\n")
        with batch.open(paths[1]) as handle:
            handle.write("2\n")
        real_replace = os.replace

        def replace_then_interrupt(source, target):
            real_replace(source, target)
            signal.raise_signal(signal.SIGINT)  # arrives between the two renames

        os.replace = replace_then_interrupt
        try:
            batch._replace()
        finally:
            os.replace = real_replace
    assert [p.read_text() for p in paths] == ["1\n", "2\n"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    signal.signal(signal.SIGINT, before)


@pytest.mark.parametrize("links", [True, False])
def test_an_output_written_meanwhile_by_another_command_is_kept(tmp_path, monkeypatch, links):
    """Without --overwrite an output is only ever put where no file is: one that another command wrote while this
    one ran is kept, and this one's is left beside it as OUT.new (OUT.new2 the next time), named in the error. The
    same holds on a file system without hard links."""
    from diplo_ml.files import atomic_open

    if not links:
        def no_links(*_: object) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "metrics.json"
    for n, kept in enumerate(("metrics.json.new", "metrics.json.new2"), start=1):
        with pytest.raises(DiploError, match=f"written by another command.*{kept}"):
            with atomic_open(out, replace=False) as handle:
                handle.write(f"mine {n}\n")
                if n == 1:
                    out.write_text("theirs\n")
        assert out.read_text() == "theirs\n" and (tmp_path / kept).read_text() == f"mine {n}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metrics.json", "metrics.json.new", "metrics.json.new2"]
    fresh = tmp_path / "fresh.json"
    with atomic_open(fresh, replace=False) as handle:
        handle.write("mine\n")
    assert fresh.read_text() == "mine\n" and not (tmp_path / "fresh.json.new").exists()
    with atomic_open(out) as handle:  # --overwrite
        handle.write("replaced\n")
    assert out.read_text() == "replaced\n"


def test_a_file_set_never_replaces_a_file_written_meanwhile(tmp_path):
    """Files opened with replace=False in a set: when one of them appeared while the command ran, the set is all
    old (the files already renamed are put back) and the error names it."""
    from diplo_ml.files import files_together

    paths = [tmp_path / f"{name}.jsonl" for name in ("train", "dev")]
    with pytest.raises(DiploError, match=r"dev.jsonl was written by another command.*--overwrite"):
        with files_together() as batch:
            for path in paths:
                with batch.open(path, replace=False) as handle:
                    handle.write("mine\n")
            paths[1].write_text("theirs\n")
    assert not paths[0].exists() and paths[1].read_text() == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev.jsonl"]


def test_a_field_of_two_types_names_both_lines(pillar_dir):
    first = _append(pillar_dir / "test.jsonl", '{"id": "n1", "doc_id": "d", "text": "A.", "labels": [], "note": 1}')
    second = _append(pillar_dir / "test.jsonl", '{"id": "n2", "doc_id": "d", "text": "B.", "labels": [], '
                                                '"note": "see source"}')
    with pytest.raises(DataError, match=rf"test.jsonl:{second}: field 'note' is text here but a number at "
                                        rf".*test.jsonl:{first} "):
        load_splits(_cfg(pillar_dir), _check)


def test_a_named_pipe_as_a_split_file_says_so(pillar_dir):
    (pillar_dir / "dev.jsonl").unlink()
    os.mkfifo(pillar_dir / "dev.jsonl")
    with pytest.raises(DataError, match="dev.jsonl: not a regular file \\(a pipe, socket or device\\)"):
        load_splits(_cfg(pillar_dir), _check)


def _leak(folder: Path, spans: int = 1) -> None:
    """Put ``spans`` train articles into test too, and one train text, re-cased and re-punctuated, into dev."""
    for n in range(spans):
        _append(folder / "test.jsonl", json.dumps({"id": f"moved-{n}", "doc_id": f"train-d{n + 1}-0",
                                                   "text": f"More of that article, part {n}.", "labels": []}))
    train = json.loads((folder / "train.jsonl").read_text().splitlines()[0])
    _append(folder / "dev.jsonl", json.dumps({**train, "id": "copy-1", "doc_id": "copied",
                                              "text": train["text"].upper().replace(".", " !")}))


def test_split_files_that_share_an_article_or_a_text_warn_once_each(pillar_dir, caplog):
    _leak(pillar_dir)
    train_before = len((pillar_dir / "train.jsonl").read_text().splitlines())
    with caplog.at_level("WARNING", logger="diplo_ml.data.loader"):
        data = load_splits(_cfg(pillar_dir), _check)
    assert len(data.warnings) == 2 and [r.getMessage() for r in caplog.records] == data.warnings
    left_out, spans = data.warnings
    assert left_out.startswith(f"{pillar_dir}: 1 training text(s) repeated word for word in dev or test, left out") \
        and "train-0-0 (train.jsonl:1) = copy-1 (dev.jsonl:25)" in left_out  # was: warned, and trained on
    assert "train-0-0" not in data.splits["train"]["id"] and len(data.splits["train"]) == train_before - 1
    assert spans.startswith(f"{pillar_dir}: 1 article(s) in more than one split") and "train-d1-0 (train/test)" in spans
    assert all("\n" not in line for line in data.warnings)


def test_a_train_split_that_only_repeats_dev_and_test_says_so(pillar_dir):
    """It said "split 'train' is empty" of a train.jsonl full of rows."""
    dev = (pillar_dir / "dev.jsonl").read_text().splitlines()
    (pillar_dir / "train.jsonl").write_text("".join(
        json.dumps({**json.loads(line), "id": f"t{i}"}) + "\n" for i, line in enumerate(dev[:3])))
    with pytest.raises(DataError, match=r"pillars: every training text \(3\) repeats a text of dev or test word for "
                                        r"word \(t0 \(train.jsonl:1\) = .*nothing is left to train on"):
        load_splits(_cfg(pillar_dir), _check)


def test_a_text_repeated_within_dev_and_test_stays_and_is_warned_about(pillar_dir):
    dev = json.loads((pillar_dir / "dev.jsonl").read_text().splitlines()[0])
    _append(pillar_dir / "test.jsonl", json.dumps({**dev, "id": "copy-2", "doc_id": "copied"}))
    data = load_splits(_cfg(pillar_dir), _check)
    (line,) = data.warnings
    assert "1 text(s) repeated word for word in another split file" in line and "copy-2" in data.splits["test"]["id"]


def test_a_warning_names_the_first_few_and_counts_the_rest(pillar_dir):
    _leak(pillar_dir, spans=5)
    spans = load_splits(_cfg(pillar_dir), _check).warnings[1]
    assert "5 article(s)" in spans and "train-d3-0" in spans and "train-d4-0" not in spans and "(5 in all)" in spans


def test_clean_split_files_and_a_split_all_file_warn_nothing(pillar_dir, tmp_path):
    assert load_splits(_cfg(pillar_dir), _check).warnings == []
    folder = tmp_path / "all"
    folder.mkdir()
    (folder / "all.jsonl").write_text("".join((pillar_dir / f"{s}.jsonl").read_text() for s in ("train", "dev")))
    assert load_splits(_cfg(folder), _check).warnings == []


def test_known_overlap_in_the_data_config_is_not_warned_about(pillar_dir):
    _leak(pillar_dir)
    kept = load_splits(_cfg(pillar_dir, known_overlap=["train-d1-0", "copy-1"]), _check)
    assert kept.warnings == [] and "train-0-0" in kept.splits["train"]["id"]  # named: kept in training too
    assert len(load_splits(_cfg(pillar_dir, known_overlap=["copy-1"]), _check).warnings) == 1
    with pytest.raises(DiploError, match="known_overlap must be a list of record ids"):
        load_splits(_cfg(pillar_dir, known_overlap="copy-1"), _check)


@pytest.mark.parametrize("data", ["pillars_embedded", "pillars_all", "summaries_all", "summaries_govuk"])
def test_the_shipped_corpora_warn_nothing(data):
    from diplo_ml.harness import _container
    from diplo_ml.tasks import get_task

    if data != "pillars_embedded" and not os.environ.get("DIPLO_EXTERNAL_DATA"):
        pytest.skip("public corpora not found (set DIPLO_EXTERNAL_DATA)")
    task = "summarise" if data.startswith("summaries") else "pillars"
    cfg = compose_config([f"task={task}", f"data={data}"])
    loaded = get_task(task, _container(cfg, "task")).load_data(cfg.data)
    if data.startswith("summaries"):  # the GOV.UK corpus as published has one test page in train as well
        (line,) = loaded.warnings
        assert "1 training text(s) repeated word for word in dev or test, left out of training: g6d1b5cda36 " \
            "(train.jsonl:" in line and "= g05f0f581f5 (test.jsonl:" in line
        assert "g6d1b5cda36" not in loaded.splits["train"]["id"]
    else:
        assert loaded.warnings == []


def test_a_file_set_puts_a_new_file_only_where_none_is_at_that_moment(tmp_path, monkeypatch):
    """It checked the name and then renamed: a file written in between was replaced. Now the hard link is made
    only where no file is, so one that appears at the last moment is kept and the set refused."""
    from diplo_ml.files import files_together

    target = tmp_path / "train.jsonl"
    real_link = os.link

    def theirs_first(source, dest, *args, **kwargs):
        if Path(dest) == target:
            target.write_text("theirs\n")  # another command, between any check and the link
        return real_link(source, dest, *args, **kwargs)

    monkeypatch.setattr(os, "link", theirs_first)
    with pytest.raises(DiploError, match="train.jsonl was written by another command"):
        with files_together() as batch:
            with batch.open(target, replace=False) as handle:
                handle.write("mine\n")
    assert target.read_text() == "theirs\n" and sorted(p.name for p in tmp_path.iterdir()) == ["train.jsonl"]


def test_a_field_missing_from_a_splits_first_record_is_kept_for_the_others(pillar_dir):
    """The table took its columns from the first record: a `previous` that only later records gave (as `annotate
    import` writes it) was dropped for the whole split, and training read other context than predict."""
    path = pillar_dir / "train.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows[1]["previous"] = "The paragraph before."
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    train = load_splits(_cfg(pillar_dir), _check).splits["train"]
    assert train[1]["previous"] == "The paragraph before." and train[0]["previous"] is None


def test_short_boilerplate_repeated_across_split_files_is_not_called_leakage():
    from diplo_ml.data.overlap import split_overlap_warnings

    rows = {"train": [{"id": "a", "text": "./."}, {"id": "b", "text": "Thank you."}],
            "dev": [{"id": "c", "text": "***"}],
            "test": [{"id": "d", "text": "Thank you."}, {"id": "e", "text": "./."}]}
    assert split_overlap_warnings(rows, "text", "x", {}) == []
    rows["test"].append({"id": "f", "text": "The two sides signed five agreements on trade."})
    rows["train"].append({"id": "g", "text": "The two sides signed five agreements on trade!"})
    (line,) = split_overlap_warnings(rows, "text", "x", {})
    assert "f (?) = g (?)" in line and "known_overlap" in line


def test_an_output_whose_name_is_a_link_to_a_file_not_made_yet_is_written(tmp_path):
    """A dangling link as OUT was refused after all the work as 'written by another command' (a regression)."""
    from diplo_ml.files import atomic_open

    out = tmp_path / "out.json"
    out.symlink_to(tmp_path / "later" / "target.json")
    with atomic_open(out, replace=False) as handle:
        handle.write("mine\n")
    assert out.read_text() == "mine\n" and not out.is_symlink()


def test_a_source_without_files_reads_the_documented_layout(tmp_path):
    """A source `{dir: ..., weight: 1.0}` with no `files:` was "Key 'files' is not in struct", naming nothing."""
    from omegaconf import OmegaConf

    from diplo_ml.data.loader import chosen_files

    cfg = OmegaConf.create({"dir": str(tmp_path), "weight": 1.0})
    OmegaConf.set_struct(cfg, True)
    assert chosen_files(cfg, tmp_path) == {"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"}
    (tmp_path / "all.jsonl").write_text("")
    assert chosen_files(cfg, tmp_path) == {"all": "all.jsonl"}


@pytest.mark.parametrize(("record", "headline"), [
    # a twenty-first read (s46): a scraped row whose headline stood only in its address had none
    ({"url": "https://en.example.vn/vietnam-thailand-agree-to-expand-legal-recruitment-of-workers-post284511.html"},
     "Vietnam Thailand agree to expand legal recruitment of workers"),
    ({"link": "https://news.example.com/world/viet-nam-and-laos-sign-trade-deal-4712345.html?utm=x"},
     "Viet Nam and Laos sign trade deal"),
    ({"url": "https://vovworld.example.vn/en-US/news/1452093.vov"}, None),  # an id, no words
    ({"url": "https://example.gov/news/press-release"}, None),  # too few words for a headline
    ({}, None),
])
def test_a_rows_address_gives_its_headline_when_the_page_gives_none(record, headline):
    text = "Vietnam and Thailand agreed on Monday. Viet Nam and Laos will also sign a deal."
    assert slug_headline(record, text) == headline


def test_a_slug_headline_writes_a_word_with_the_accents_the_text_gives_it():
    record = {"url": "https://vietnamnews.vn/politics-laws/1637722/viet-nam-peacekeepers-receive-un-medals.html"}
    assert slug_headline(record, "Việt Nam's peacekeepers got UN medals.") == "Việt Nam peacekeepers receive UN medals"
    assert slug_headline(record, "Viet Nam's peacekeepers got UN medals.") == "Viet Nam peacekeepers receive UN medals"


def test_a_slugs_small_words_are_never_read_as_a_vietnamese_name():
    record = {"url": "https://en.example.vn/vietnam-to-host-asean-future-forum-in-april-post1.vnp"}
    headline = slug_headline(record, "General Secretary Tô Lâm will attend.")
    assert headline == "Vietnam to host asean future forum in april"
