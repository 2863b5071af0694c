"""The labelling loop: select uncertain paragraphs for Label Studio, import a Label Studio export as JSONL."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import numpy as np
import pytest

from diplo_ml.annotate import pick, uncertainty
from diplo_ml.cli import main as cli_main
from diplo_ml.config import compose_config
from diplo_ml.data.loader import load_splits
from diplo_ml.tasks.pillars import PillarsTask

from .conftest import FIXTURES, interrupted_after, scratch, write_pillar_split
from .test_hostile import _checkpoint


def test_uncertainty_peaks_at_the_threshold():
    t = np.array([0.3, 0.5])
    u = uncertainty(np.array([[0.3, 0.9], [0.0, 1.0], [0.9, 0.45]]), t)
    assert u[0] == pytest.approx(1.0) and u[1] == pytest.approx(1 - 0.3 / 0.7) and 0.8 < u[2] < 1.0


def test_pick_spreads_over_articles_and_avoids_repeats():
    units = [{"doc": "a", "text": "Exports of rice rose sharply this year to Europe."},
             {"doc": "a", "text": "Exports of rice rose sharply this year to Europe and Asia."},
             {"doc": "a", "text": "The embassy flew stranded citizens home from the war zone."},
             {"doc": "b", "text": "Delegates at the UN Security Council debated peacekeeping reform."}]
    chosen = pick(units, np.array([0.99, 0.98, 0.5, 0.4]), n=3, per_article=2, overlap_weight=1.0)
    assert chosen[0] == 0 and 1 not in chosen and {2, 3} <= set(chosen)


def test_pick_tops_up_from_other_articles_when_the_most_uncertain_fill_theirs():
    units = [{"doc": "long", "text": f"Paragraph {i} of the long article on trade and visas."} for i in range(30)]
    units += [{"doc": f"short{k}", "text": f"A short article number {k} about consular help."} for k in range(5)]
    sure = np.array([0.99] * 30 + [0.6, 0.5, 0.4, 0.3, 0.2])
    chosen = pick(units, sure, n=3, per_article=1)
    assert len(chosen) == 3 and len({units[i]["doc"] for i in chosen}) == 3 and chosen[1:] == [30, 31]
    assert len(pick(units, sure, n=10, per_article=1)) == 6  # six articles, one each: all there is


@pytest.fixture(scope="module")
def tagger(tmp_path_factory):
    with scratch(tmp_path_factory, "annotate") as base:
        yield _checkpoint(base / "tagger", ["data=pillars_folder", f"data.dir={write_pillar_split(base / 'data')}"])


def test_select_then_import_round_trip(tagger, tmp_path, capsys):
    tasks_file = tmp_path / "tasks.json"
    articles = tmp_path / "articles"
    articles.mkdir()
    places = ["Hanoi", "Hue", "Da Nang", "Can Tho"]  # four articles, none of whose paragraphs another repeats
    for i in range(4):
        text = (FIXTURES / "article_vna.txt").read_text().replace("Hanoi", places[i])
        (articles / f"a{i}.txt").write_text(text.replace("Deputy", f"{'Once more ' * i}Deputy").replace(
            "He also", f"{'Again ' * i}He also").replace("The officials", f"{'Then ' * i}The officials").replace(
            "Speaking at", f"{'Later ' * i}Speaking at").replace("The ambassador", f"{'Finally ' * i}The ambassador")
            .replace("What will", f"{'Now ' * i}What will"))
    assert cli_main(["annotate", "select", str(tagger), str(articles), "-n", "10", "-o", str(tasks_file),
                     "--per-article", "3"]) == 0
    tasks = json.loads(tasks_file.read_text())
    assert len(tasks) == 10 and all(t["data"]["text"] for t in tasks)
    assert max(sum(t["data"]["doc_id"] == f"a{i}" for t in tasks) for i in range(4)) <= 3
    config = xml.dom.minidom.parseString(tasks_file.with_suffix(".labelconfig.xml").read_text())
    assert [c.getAttribute("value") for c in config.getElementsByTagName("Choice")] == PillarsTask({}).labels
    assert all(t["predictions"][0]["result"][0]["from_name"] == "pillars" for t in tasks)

    # a Label Studio export as annotators would leave it: labels chosen, one task skipped, one cancelled
    export = []
    for i, task in enumerate(tasks):
        annotations = [] if i == 0 else [{"was_cancelled": i == 1, "result": [
            {"from_name": "pillars", "to_name": "text", "type": "choices",
             "value": {"choices": ["economic", "citizen_protection"] if i % 2 else []}}]}]
        export.append({"id": 100 + i, "data": task["data"], "annotations": annotations})
    export_file = tmp_path / "export.json"
    export_file.write_text(json.dumps(export, indent=2))
    out = tmp_path / "labelled"
    assert cli_main(["annotate", "import", str(export_file), "-o", str(out), "--dev", "0.3", "--test", "0.3"]) == 0
    err = capsys.readouterr().err
    assert "2 task(s) without an annotation were left out" in err
    filled = all((out / f"{s}.jsonl").stat().st_size for s in ("train", "dev", "test"))
    assert ("data=pillars_folder" in err) == filled and ("before training" in err) != filled
    rows = [json.loads(line) for split in ("train", "dev", "test") for line in (out / f"{split}.jsonl").open()]
    assert len(rows) == 8 and {tuple(r["labels"]) for r in rows} == {("economic", "citizen_protection"), ()}
    by_doc = {}
    for split in ("train", "dev", "test"):
        for line in (out / f"{split}.jsonl").open():
            by_doc.setdefault(json.loads(line)["doc_id"], set()).add(split)
    assert all(len(s) == 1 for s in by_doc.values())  # split by article
    if all((out / f"{s}.jsonl").stat().st_size for s in ("train", "dev", "test")):
        loaded = load_splits(compose_config(["data=pillars_folder", f"data.dir={out}"]).data,
                             lambda r, p, n: None)
        assert sum(loaded.counts.values()) == 8


@pytest.mark.parametrize(("export", "message"), [
    ('{"id": 1}', ":1: a Label Studio JSON export is a list of tasks"),
    ('[\n {"id": 1, "data": {"text": "x", "doc_id": "d"},\n  "annotations": [{"result": [{"from_name": "pillars", '
     '"value": {"choices": ["trade"]}}]}]}\n]', ":2: unknown label 'trade'"),
    ('[\n {"id": 1, "data": {"text": "x"}, "annotations": []}\n]', "no labelled tasks"),
    ('[\n {"id": 1, "data": {"text": "x"}}, \n {"id": 2, "data": ', "malformed JSON"),
    ('[\n {"id": 1, "data": {"text": "x"}, "annotations": "done"}\n]', ":2: task 1: 'annotations' must be a list"),
    ('[\n {"id": 1, "data": {"text": "x"},\n  "annotations": [{"result": [{"from_name": "pillars", '
     '"value": {"choices": "economic"}}]}]}\n]', ":2: task 1: 'choices' must be a list of label names"),
    ('[\n {"id": 1, "data": {"text": "x"},\n  "annotations": [{"result": [{"from_name": "pillars", '
     '"value": ["cultural"]}]}]}\n]', ":2: task 1: a result's 'value' must be an object"),
    ('[\n {"id": 1, "data": {"text": "x", "paragraph_index": true},\n  "annotations": [{"result": [{"from_name": '
     '"pillars", "value": {"choices": ["cultural"]}}]}]}\n]', ":2: task 1: 'paragraph_index' must be a whole number"),
    ('[\n {"id": 1, "data": {"text": "Caf\xe9"}}\n]'.encode("latin-1"), ":2: not valid UTF-8"),
    ('[\n {"id": 1, "data": {"text": "x"},\n  "annotations": [{"result": [{"from_name": "choice", "type": "choices", '
     '"value": {"choices": ["cultural"]}}]}]}\n]', ": no choices were made in the control 'pillars' (the export's "
     "Choices controls: 'choice'); name the one that holds the pillars with --control NAME"),
])
def test_import_errors_name_file_and_line(tmp_path, capsys, export, message):
    path = tmp_path / "export.json"
    path.write_bytes(export if isinstance(export, bytes) else export.encode("utf-8"))
    assert cli_main(["annotate", "import", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err


def test_import_checks_shares_and_output_before_work(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"id": 1, "data": {"text": "Trade rose.", "doc_id": "d"},
                                                       "annotations": [{"result": [{"from_name": "pillars", "value": {
                                                           "choices": ["economic"]}}]}]}]).encode())  # with a BOM
    out = tmp_path / "out"
    assert cli_main(["annotate", "import", str(export), "-o", str(out), "--dev", "0", "--test", "0"]) == 0
    assert "warning" not in capsys.readouterr().err  # empty dev/test were asked for
    for args, message in ((["-o", str(out)], "already holds train.jsonl"),
                          (["-o", str(export)], "is a file; -o takes a folder"),
                          (["-o", str(tmp_path / "o2"), "--dev", "0.5", "--test", "0.5"], "their sum below 1")):
        assert cli_main(["annotate", "import", str(export), *args]) == 2
        assert message in capsys.readouterr().err
    assert cli_main(["annotate", "import", str(export), "-o", str(out), "--overwrite"]) == 0


def test_select_scores_are_confidences(tagger, tmp_path):
    tasks_file = tmp_path / "tasks.json"
    assert cli_main(["annotate", "select", str(tagger), str(FIXTURES / "article_vna.txt"), "-n", "3", "-o",
                     str(tasks_file)]) == 0
    scores = [t["predictions"][0]["score"] for t in json.loads(tasks_file.read_text())]
    assert scores == sorted(scores) and all(0 <= s <= 1 for s in scores)  # least confident (first picked) first


def test_import_keeps_the_previous_paragraph_each_task_showed(tmp_path):
    """select picks some paragraphs of an article: the one before a picked paragraph is in its task, not in the
    export, so the rows keep it (the row before in file order is another picked paragraph)."""
    from diplo_ml.data.examples import previous_in_document

    answer = [{"result": [{"from_name": "pillars", "value": {"choices": ["economic"]}}]}]
    tasks = [{"id": 1, "data": {"text": "First.", "previous": "", "doc_id": "d", "paragraph_index": 0},
              "annotations": answer},
             {"id": 2, "data": {"text": "Fourth.", "previous": "Third.", "doc_id": "d", "paragraph_index": 3},
              "annotations": answer}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks))
    assert cli_main(["annotate", "import", str(path), "-o", str(tmp_path / "out"), "--dev", "0", "--test", "0"]) == 0
    rows = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").open()]
    assert [r["previous"] for r in rows] == ["", "Third."]
    assert previous_in_document(rows) == [None, "Third."]


def test_articles_saved_under_one_file_name_are_capped_and_imported_apart(tagger, tmp_path, capsys):
    from .test_ingest import site

    tasks_file = tmp_path / "tasks.json"
    assert cli_main(["annotate", "select", str(tagger), str(site(tmp_path)), "-n", "10", "-o", str(tasks_file),
                     "--per-article", "2"]) == 0
    assert "only 6 of the 10 asked for: the articles hold no more" in capsys.readouterr().err  # said, not passed
    tasks = json.loads(tasks_file.read_text())
    assert sorted(t["data"]["doc_id"] for t in tasks) == ["own", "own", "trade/index", "trade/index", "visa/index",
                                                          "visa/index"]  # each article its own cap of 2
    answer = [{"result": [{"from_name": "pillars", "value": {"choices": ["economic"]}}]}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"id": i, "data": t["data"], "annotations": answer} for i, t in enumerate(tasks)]))
    out = tmp_path / "out"
    assert cli_main(["annotate", "import", str(export), "-o", str(out), "--dev", "0", "--test", "0"]) == 0
    rows = [json.loads(line) for line in (out / "train.jsonl").open()]
    assert len({r["id"] for r in rows}) == 6


def test_import_of_too_few_articles_says_what_to_fill_not_how_to_train(tmp_path, capsys):
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1, "data": {"text": "Trade rose.", "doc_id": "d"}, "annotations": [{"result": '
                    '[{"from_name": "pillars", "value": {"choices": ["economic"]}}]}]}]')
    assert cli_main(["annotate", "import", str(path), "-o", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert "dev.jsonl is empty" in captured.err
    assert "before training" in captured.out + captured.err and "train with" not in captured.out + captured.err


def test_import_reads_the_pillars_from_a_control_of_another_name(tmp_path, capsys):
    rows = [{"id": i, "data": {"text": f"Paragraph {i}.", "doc_id": f"d{i}", "paragraph_index": 0},
             "annotations": [{"result": [{"from_name": "choice", "to_name": "text", "type": "choices",
                                          "value": {"choices": ["economic"]}}]}]} for i in range(10)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rows))
    out = tmp_path / "out"
    assert cli_main(["annotate", "import", str(path), "-o", str(out), "--control", "choice"]) == 0
    got = [json.loads(line) for split in ("train", "dev", "test") for line in (out / f"{split}.jsonl").open()]
    assert len(got) == 10 and all(r["labels"] == ["economic"] for r in got)


def _answer(*labels: str) -> dict:
    return {"result": [{"from_name": "pillars", "to_name": "text", "type": "choices",
                        "value": {"choices": list(labels)}}]}


@pytest.mark.parametrize(("disagreement", "kept", "warning"), [
    ("refuse", None, None),
    ("last", {"Paragraph 1.": ["cultural"]}, "1 task(s) whose annotations disagree took their last annotation"),
    ("leave-out", {}, "1 task(s) whose annotations disagree were left out"),
])
def test_annotators_who_disagree_are_never_hidden(tmp_path, capsys, disagreement, kept, warning):
    """Two annotators (Label Studio's overlap): the first's 'economic' was dropped without a word (review s31 F08).
    Annotations that agree are one answer."""
    rows = [{"id": i, "data": {"text": f"Paragraph {i}.", "doc_id": f"d{i}", "paragraph_index": 0},
             "annotations": [_answer("economic", "multilateral"), _answer("multilateral", "economic")]}
            for i in range(10)]
    rows[1]["annotations"] = [_answer("economic"), {**_answer("x"), "was_cancelled": True}, _answer("cultural")]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rows, indent=1))
    out = tmp_path / "out"
    code = cli_main(["annotate", "import", str(path), "-o", str(out), "--disagreement", disagreement])
    err = capsys.readouterr().err
    if kept is None:
        assert code == 2 and not out.exists()
        assert f"{path}:" in err and "task 2 has 2 annotations that disagree ([economic] vs [cultural])" in err
        return
    assert code == 0 and warning in err
    got = {r["text"]: r["labels"] for split in ("train", "dev", "test")
           for r in map(json.loads, (out / f"{split}.jsonl").open())}
    assert {k: v for k, v in got.items() if k == "Paragraph 1."} == kept
    assert len(got) == 10 - (disagreement == "leave-out")
    assert sorted(got["Paragraph 0."]) == ["economic", "multilateral"]


def test_a_second_choices_control_beside_the_pillars_is_left_alone(tmp_path):
    """A project that added its own control (say 'quality'): a paragraph with no pillar but a quality answer is
    'no pillar', not an error."""
    rows = []
    for i in range(10):
        result = [{"from_name": "quality", "to_name": "text", "type": "choices", "value": {"choices": ["good"]}}]
        if i % 2:
            result.append({"from_name": "pillars", "to_name": "text", "type": "choices",
                           "value": {"choices": ["economic"]}})
        rows.append({"id": i, "data": {"text": f"Paragraph {i}.", "doc_id": f"d{i}", "paragraph_index": 0},
                     "annotations": [{"result": result}]})
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rows))
    out = tmp_path / "out"
    assert cli_main(["annotate", "import", str(path), "-o", str(out)]) == 0
    got = {r["text"]: r["labels"] for split in ("train", "dev", "test")
           for r in map(json.loads, (out / f"{split}.jsonl").open())}
    assert got == {f"Paragraph {i}.": (["economic"] if i % 2 else []) for i in range(10)}


def test_an_interrupted_import_over_old_files_leaves_them_whole(tmp_path, monkeypatch):
    from diplo_ml.data import io

    rows = [{"id": i, "data": {"text": f"Paragraph {i}.", "doc_id": f"d{i}", "paragraph_index": 0},
             "annotations": [{"result": [{"from_name": "pillars", "to_name": "text", "type": "choices",
                                          "value": {"choices": ["economic"]}}]}]} for i in range(10)]
    path, out = tmp_path / "export.json", tmp_path / "out"
    path.write_text(json.dumps(rows))
    out.mkdir()
    for split in ("train", "dev", "test"):
        (out / f"{split}.jsonl").write_text(f'{{"old": "{split}"}}\n')
    monkeypatch.setattr(io, "write_jsonl", interrupted_after(2))
    assert cli_main(["annotate", "import", str(path), "-o", str(out), "--overwrite"]) == 130
    assert sorted(p.name for p in out.iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    assert all((out / f"{s}.jsonl").read_text() == f'{{"old": "{s}"}}\n' for s in ("train", "dev", "test"))


@pytest.mark.parametrize("command", [["annotate", "select", "TAGGER", "ARTS", "-n", "2", "-o"],
                                     ["ingest", "ARTS", "-o"]])
@pytest.mark.parametrize("inside", ["tasks.txt", "new/sub/out.html"])
def test_an_output_the_next_run_would_read_is_refused_inside_the_input_folder(tagger, tmp_path, capsys, command,
                                                                           inside):
    """Refused before any work (the next run over the folder would read it as an article), as `predict` refuses."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text((FIXTURES / "article_vna.txt").read_text())
    argv = [str(tagger) if a == "TAGGER" else str(arts) if a == "ARTS" else a for a in command]
    assert cli_main([*argv, str(arts / inside)]) == 2
    assert f"{arts / inside}: inside the input folder {arts}" in capsys.readouterr().err
    assert sorted(p.name for p in arts.rglob("*")) == ["a.txt"]  # nothing written there


def _export(tmp_path, tasks: list[tuple[dict, list[dict]]]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": i, "data": data, "annotations": [{"result": result}]}
                                for i, (data, result) in enumerate(tasks, start=1)]))
    return path


def _pillars(*labels: str, control: str = "pillars") -> list[dict]:
    return [{"from_name": control, "to_name": "text", "type": "choices", "value": {"choices": list(labels)}}]


def test_pillars_chosen_in_another_control_are_refused_not_read_as_none(tmp_path, capsys):
    """A task labelled in a control named 'topic' (the rest in 'pillars') was imported as 'no pillar'."""
    tasks = [({"text": f"Paragraph {i}.", "doc_id": f"d{i}"}, _pillars("economic")) for i in range(6)]
    tasks[4] = ({"text": "Paragraph 4.", "doc_id": "d4"}, _pillars("cultural", control="topic"))
    assert cli_main(["annotate", "import", str(_export(tmp_path, tasks)), "-o", str(tmp_path / "o")]) == 2
    assert "task 5 chose pillars in the control 'topic', not 'pillars'" in capsys.readouterr().err


def test_a_task_imported_twice_is_read_once_or_refused_when_its_labels_differ(tmp_path, capsys):
    """The same paragraph under two task ids (a file imported twice) was kept twice, one copy in train and one in
    dev, even with other labels."""
    tasks = [({"text": f"Paragraph {i}.", "headline": f"Article {i}"}, _pillars("economic")) for i in range(6)]
    again = [*tasks, tasks[2]]
    assert cli_main(["annotate", "import", str(_export(tmp_path, again)), "-o", str(tmp_path / "o")]) == 0
    assert "1 task(s) repeat the text and labels of an earlier task" in capsys.readouterr().err
    rows = [line for s in ("train", "dev", "test") for line in (tmp_path / "o" / f"{s}.jsonl").open()]
    assert len(rows) == 6
    other = [*tasks, (tasks[2][0], _pillars("cultural"))]
    assert cli_main(["annotate", "import", str(_export(tmp_path, other)), "-o", str(tmp_path / "p")]) == 2
    assert "task 7 repeats the text of task 3 (line 1) with other labels" in capsys.readouterr().err


def test_tasks_without_doc_id_keep_an_articles_paragraphs_together_by_headline(tmp_path, capsys):
    """Tasks a user made themselves (a headline, no doc_id) were each split as an article of their own, so one
    article's paragraphs landed in train, dev and test."""
    tasks = [({"text": f"Paragraph {p} of article {a}.", "headline": f"Article {a}"}, _pillars("economic"))
             for a in range(10) for p in range(3)]
    assert cli_main(["annotate", "import", str(_export(tmp_path, tasks)), "-o", str(tmp_path / "o")]) == 0
    assert "30 task(s) name no doc_id: their article is told by their headline" in capsys.readouterr().err
    where: dict[str, set[str]] = {}
    for split in ("train", "dev", "test"):
        for row in map(json.loads, (tmp_path / "o" / f"{split}.jsonl").open()):
            where.setdefault(row["headline"], set()).add(split)
    assert all(len(splits) == 1 for splits in where.values())
    alone = [({"text": f"Paragraph {i}."}, _pillars("economic")) for i in range(5)]
    assert cli_main(["annotate", "import", str(_export(tmp_path, alone)), "-o", str(tmp_path / "p")]) == 0
    assert "5 task(s) name neither doc_id nor headline" in capsys.readouterr().err


def test_a_first_labelling_round_of_ten_articles_is_split_as_asked():
    """Hashing each article alone put 3 of 10 in test and none in dev; the shares are now counted."""
    from diplo_ml.data.splits import counted_split

    for seed in range(20):
        records = [{"doc_id": f"art{a:02d}", "p": p} for a in range(10) for p in range(3)]
        splits = counted_split(records, "doc_id", {"dev": 0.15, "test": 0.15}, seed)
        articles = {s: {r["doc_id"] for r in rows} for s, rows in splits.items()}
        assert [len(articles[s]) for s in ("train", "dev", "test")] == [6, 2, 2]  # 1.5 articles each, rounded
    assert counted_split(records, "doc_id", {"dev": 0.0, "test": 0.2}, 0)["dev"] == []


def test_two_articles_sharing_a_paragraph_or_a_headline_are_not_one_task_imported_twice(tmp_path, capsys):
    """A review of the import: tasks without doc_id whose texts (or headlines and paragraph numbers) agree were taken
    for one task imported twice, and refused when their labels differed."""
    tasks = [({"text": "The two sides agreed to cooperate.", "headline": "Vietnam, Laos hold talks"},
              _pillars("economic")),
             ({"text": "The two sides agreed to cooperate.", "headline": "Vietnam, Japan hold talks"},
              _pillars("cultural")),
             ({"text": "Trade rose.", "headline": "Talks held", "paragraph_index": 0}, _pillars("economic")),
             ({"text": "Culture days opened.", "headline": "Talks held", "paragraph_index": 0}, _pillars("cultural"))]
    tasks += [({"text": f"Paragraph {i}.", "headline": f"Article {i}"}, _pillars()) for i in range(6)]
    assert cli_main(["annotate", "import", str(_export(tmp_path, tasks)), "-o", str(tmp_path / "o")]) == 0
    rows = [line for s in ("train", "dev", "test") for line in (tmp_path / "o" / f"{s}.jsonl").open()]
    assert len(rows) == 10 and "imported twice" not in capsys.readouterr().err
