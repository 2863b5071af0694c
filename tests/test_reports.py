"""Analyst-facing outputs: article briefs, run reports, and the faithfulness check behind them."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import markupsafe
import pytest

import diplo_ml
from diplo_ml.cli import main as cli_main
from diplo_ml.data.ingest import ingest_path
from diplo_ml.errors import DataError
from diplo_ml.faithfulness import article_source, check_summary, segments, unsupported_entities, unsupported_entity_rate
from diplo_ml.reports.brief import ArticleBrief, Brief, render_html
from diplo_ml.tasks.pillars import PillarsTask
from diplo_ml.tasks.pillars.report import confident_errors
from diplo_ml.tasks.summarise.task import score_summaries

from .conftest import FIXTURES

ARTICLE = FIXTURES / "article_vna.txt"
LABELS = ["economic", "cultural", "multilateral", "citizen_protection"]
FAITHFUL = "Deputy Prime Minister Tran Luu Quang asked the missions in the Nordic countries to help exporters."
INVENTED = "Deputy Prime Minister Tran Luu Quang met Angela Merkel in Oslo and promised 500 scholarships."
EXTERNAL_REF = re.compile(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", re.IGNORECASE)


@pytest.fixture(scope="module")
def lead_run(tmp_path_factory) -> Path:
    """A lead-baseline summarisation run on the embedded summaries (seconds)."""
    from diplo_ml.config import compose_config
    from diplo_ml.train import run

    run_dir = tmp_path_factory.mktemp("lead") / "run"
    run(compose_config(["task=summarise", "data=summaries_embedded", "model=lead", "debug=smoke"]), run_dir)
    return run_dir


@pytest.fixture(scope="module")
def brief_html(smoke_runs, lead_run, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    assert cli_main(["brief", str(ARTICLE), "--tagger", str(smoke_runs["tfidf"]), "--summariser", str(lead_run),
                     "-o", str(out)]) == 0
    return out


def _copy_run(src: Path, dst: Path) -> Path:
    """The files a report reads (so the shared smoke runs stay untouched)."""
    (dst / "checkpoint").mkdir(parents=True)
    for name in ("checkpoint/diplo_ml.json", "metrics.json", "manifest.json", "config.yaml", "predictions_test.jsonl"):
        if (src / name).is_file():
            shutil.copy(src / name, dst / name)
    return dst


# ---------------------------------------------------------------------------------------------- faithfulness
def test_faithfulness_flags_invented_entity_and_passes_faithful_summary():
    source = ingest_path(ARTICLE).body
    assert not any(row["flagged"] for row in check_summary(FAITHFUL, source))
    assert unsupported_entities(FAITHFUL, source) == []
    (row,) = check_summary(INVENTED, source)
    assert row["flagged"] and {"Angela Merkel", "Oslo", "500"} <= set(row["unsupported"])
    assert "Tran Luu Quang" not in " ".join(row["unsupported"])
    assert unsupported_entity_rate([FAITHFUL], [source]) == 0.0
    assert unsupported_entity_rate([INVENTED], [source]) > 0.0
    # summarisation evaluation carries the rate
    assert score_summaries([FAITHFUL], [source], [FAITHFUL], bootstrap=5)["unsupported_entity_rate"] == 0.0
    assert score_summaries([INVENTED], [source], [FAITHFUL], bootstrap=5)["unsupported_entity_rate"] > 0.0



def test_a_headline_supports_the_names_it_holds():
    from diplo_ml.data.examples import Examples
    from diplo_ml.tasks.summarise import SummariseTask
    from diplo_ml.tasks.summarise.summariser import Summariser

    class Echo:  # a summariser that writes the headline it is given before the text
        def summarise(self, texts, context=None):
            return [f"{h}. {t}" for t, h in zip(texts, (context or {}).get("headline") or [""] * len(texts))]

    text, headline = "“We welcome the agreement,” the minister said.", "Minister Lan welcomes Mekong agreement"
    assert unsupported_entities(f"{headline}. {text}", text) == ["Minister Lan", "Mekong"]
    assert unsupported_entities(f"{headline}. {text}", article_source(text, headline)) == []
    (row,) = Summariser(Echo()).predict([text], {"headline": [headline]})
    assert row["unsupported_entities"] == []
    examples = Examples([text], [text], [{"id": "a"}], {"headline": [headline]})
    assert SummariseTask({}).score([row], examples)["unsupported_entity_rate"] == 0.0
    examples.context = {"headline": [None]}  # the same summary of a text without its headline invents two names
    assert SummariseTask({}).score([row], examples)["unsupported_entity_rate"] > 0.0


def test_faithfulness_ignores_possessives_and_chat_openers():
    source = "A rescue team from the UK flew to Japan on Friday."
    assert unsupported_entities("Sure! Here's a summary: the UK's team flew to Japan.", source) == []
    assert unsupported_entities("Winston Churchill's team flew to Japan.", source) == ["Winston Churchill"]
    directive = "The Secretariat issued Directive 15-CT/TW on economic diplomacy."  # codes joined by a slash
    assert unsupported_entities(directive, "On August 10, the Secretariat issued Directive 15-CT/TW.") == []
    assert unsupported_entities("Directive 16-CT/TW was issued.", directive) == ["16"]


def test_a_number_written_as_a_word_must_be_the_sources():
    source = "The bloc's 97 members met for three days; twelve ministers and the two sides spoke."
    assert unsupported_entities("Nine members and the two sides met for three days.", source) == ["Nine"]
    assert unsupported_entities("Ninety-seven members and Twelve ministers met.", source) == []
    assert unsupported_entities("Ninety members met for 3 days, said one of the two.", source) == ["Ninety"]
    assert unsupported_entities("They met 4 times in 97 days.", source) == ["4"]  # "3" and "three" support each other
    mekong = "The river feeds about 70 million people; its flows fell to £1.5billion lows."
    assert unsupported_entities("It feeds over half a billion people.", mekong) == ["half"]  # "£1.5billion"
    assert unsupported_entities("It feeds half a billion people and thousands of fish.", "It feeds 70 million.") == \
        ["half", "billion", "thousands"]
    assert unsupported_entities("About one thousand missiles.", "About 1,000 more missiles.") == []  # an amount
    assert unsupported_entities("Thousands met.", "In 2024, 300 met.") == ["Thousands"]  # a year is no amount
    assert check_summary("The nine members met.", source)[0]["entities"] == ["nine"]
    assert unsupported_entities("Two members met for the eleventh time.", "The 97 members met for the 11th time.") \
        == ["Two"]


def test_predict_with_a_summariser_carries_unsupported_entities(lead_run, capsys):
    assert cli_main(["predict", str(lead_run / "checkpoint"), str(ARTICLE)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["summary"] and record["unsupported_entities"] == []
    test = json.loads((lead_run / "metrics.json").read_text())["test"]
    assert 0.0 <= test["unsupported_entity_rate"] <= 1.0


def test_a_summary_row_carries_headline_date_and_outlet_as_a_page_does(lead_run, tmp_path, capsys):
    page = ("Vietnam, Japan agree to deepen economic ties\n\nHanoi (VNA) - Deputy Prime Minister Bui Thanh Son held "
            "talks with his Japanese counterpart in Hanoi on March 3.\n\nThe two sides agreed to boost trade./.\n")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    rows = [{"id": "whole", "text": page}, {"id": "given", "text": page.split("\n\n", 1)[1], "title": "Own title",
            "date": "2026-03-03", "outlet": "Own outlet"}, {"id": "bare", "text": "Trade rose by a tenth in May."}]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli_main(["predict", str(lead_run / "checkpoint"), str(tmp_path / "page.txt"),
                     str(tmp_path / "rows.jsonl")]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    fields = [{k: o[k] for k in ("headline", "date", "outlet", "summary")} for o in out]
    assert fields[0]["headline"] == "Vietnam, Japan agree to deepen economic ties" and fields[0]["outlet"] == "VNA"
    assert fields[1] == fields[0]  # the page as a row: what ingestion reads from the text
    assert fields[2] == {**fields[0], "headline": "Own title", "date": "2026-03-03", "outlet": "Own outlet"}
    assert fields[3] == {"headline": None, "date": None, "outlet": None, "summary": "Trade rose by a tenth in May."}


def test_predict_summarises_pdf_files_and_leaves_out_a_scan_with_a_warning(lead_run, tmp_path, capsys):
    from .pdf_pages import make_pdf

    lines = ["Hanoi (VNA) - Vietnam and Japan agreed on Monday to expand cooperation in semiconductors and", "clean "
             "energy, the Foreign Ministry said after talks between the two ministers.", "", "- 2 -"]
    (tmp_path / "talks.pdf").write_bytes(make_pdf([["Vietnam, Japan expand ties", ""] + lines]))
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    assert cli_main(["predict", str(lead_run / "checkpoint"), str(tmp_path)]) == 0
    captured = capsys.readouterr()
    (row,) = [json.loads(line) for line in captured.out.splitlines()]
    assert row["summary"] == ("Vietnam and Japan agreed on Monday to expand cooperation in semiconductors and clean "
                              "energy, the Foreign Ministry said after talks between the two ministers.")
    assert (row["headline"], row["outlet"]) == ("Vietnam, Japan expand ties", "VNA")
    assert "1 of 2 inputs left out" in captured.err and "scan.pdf: the PDF has no text layer" in captured.err


def test_a_summary_rows_date_or_outlet_that_is_no_string_is_refused_with_its_line():
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.summarise.task import SummariseTask

    rows = [(1, {"text": "Trade rose.", "date": "2026-05-01"}), (2, {"text": "Trade fell.", "date": 20260502})]
    with pytest.raises(DataError, match=r"in.jsonl:2: 'date' must be a string, not int"):
        list(_jsonl_units(rows, "in.jsonl", SummariseTask({})))
    with pytest.raises(DataError, match=r"in.jsonl:1: 'outlet' must be a string, not list"):
        list(_jsonl_units([(1, {"text": "Trade rose.", "outlet": ["VNA"]})], "in.jsonl", SummariseTask({})))


def test_a_rows_title_loses_its_site_name_which_gives_the_outlet():
    """Read 19: a scraped row titled "… - VnExpress International" kept the site in its headline, so the headline
    repeated at the start of its text was not cut and ran into the summary; the site named no outlet."""
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.summarise.task import SummariseTask

    text = ("Vietnam to open embassy in Colombia Vietnam will open an embassy in Bogota in September, the Foreign "
            "Ministry said on Thursday.")
    rows = [(1, {"text": text, "title": "Vietnam to open embassy in Colombia - VnExpress International"}),
            (2, {"text": text, "title": "Vietnam to open embassy in Colombia | UN News", "outlet": "Own"}),
            (3, {"text": text, "title": "Vietnam - Colombia"})]
    units = list(_jsonl_units(rows, "in.jsonl", SummariseTask({})))
    assert [u["headline"] for u in units] == ["Vietnam to open embassy in Colombia"] * 2 + ["Vietnam - Colombia"]
    assert [u["outlet"] for u in units] == ["VnExpress", "Own", None]
    assert units[0]["_text"].startswith("Vietnam will open an embassy in Bogota")


def test_jsonl_lines_give_their_headline_or_title_as_context():
    from diplo_ml.predict_inputs import _jsonl_units

    lines = [(1, {"text": "A.", "headline": "Head"}), (2, {"text": "B.", "title": "Title"}), (3, {"text": "C."}),
             (4, {"text": "D.", "headline": " ", "title": "Real"}), (5, {"text": "E.", "title": None})]
    task = PillarsTask({})
    assert [u["_context"]["headline"] for u in _jsonl_units(lines, "in.jsonl", task)] == \
        ["Head", "Title", None, "Real", None]
    with pytest.raises(DataError, match=r"in.jsonl:2: 'title' must be a string, not int"):  # never silently ignored
        list(_jsonl_units([(1, {"text": "A."}), (2, {"text": "B.", "title": 12})], "in.jsonl", task))
    with pytest.raises(DataError, match=r"in.jsonl:1: 'text' must be a string, not list"):
        list(_jsonl_units([(1, {"text": ["a", 2]})], "in.jsonl", task))  # (a list of paragraphs is a text)


def test_invented_entities_are_marked_in_the_brief():
    article = ingest_path(ARTICLE)
    tags = [{"tags": ["economic"] if i == 1 else [], "scores": dict.fromkeys(LABELS, 0.1)}
            for i in range(len(article.paragraphs))]
    summary = INVENTED + " Exports reached 1,500 tonnes."
    brief = Brief([ArticleBrief(article, tags, summary, check_summary(summary, article.body))], LABELS,
                   dict.fromkeys(LABELS, 0.5), {"tagger": "t", "summariser": "s"})
    page = render_html(brief)
    assert '<mark class="unsupported" title="not found in the article">Angela Merkel</mark>' in page
    assert '<mark class="unsupported" title="not found in the article">1,500</mark>' in page
    assert page.count('class="flagged"') == 2 and "not in the article" in page
    assert segments("Met Angela Merkel.", ["Angela Merkel"]) == [("Met ", False), ("Angela Merkel", True), (".", False)]


# ---------------------------------------------------------------------------------------------- brief
def test_brief_shows_summary_every_paragraph_and_its_tags(brief_html, smoke_runs, lead_run):
    page = brief_html.read_text()
    article = ingest_path(ARTICLE)
    expected = diplo_ml.load(smoke_runs["tfidf"]).predict([p.text for p in article.paragraphs])
    (summary,) = diplo_ml.load(lead_run).summarise([article.body])
    assert html.escape(article.headline) in page and article.date in page and article.outlet in page
    for sentence in check_summary(summary["summary"], article.body):
        assert html.escape(sentence["sentence"]) in page
    blocks = page.split('<div class="para">')[1:]
    assert len(blocks) == len(article.paragraphs)
    for block, paragraph, out in zip(blocks, article.paragraphs, expected):
        assert html.escape(paragraph.text) in block
        for tag in out["tags"]:
            assert f"{tag} {out['scores'][tag]:.2f}</span>" in block
        if not out["tags"]:
            assert ">no pillar</span>" in block
    assert "Pillar profile" in page and page.count('src="data:image/png;base64,') == 1
    assert not EXTERNAL_REF.search(page) and "<script" not in page


def test_brief_of_several_articles_in_markdown(smoke_runs, tmp_path, capsys):
    later = tmp_path / "later.txt"
    later.write_text(ARTICLE.read_text().replace("12/09/2023", "03/02/2024").replace("Nordic", "Baltic"))
    out = tmp_path / "brief.md"
    assert cli_main(["brief", str(ARTICLE), str(later), "--tagger", str(smoke_runs["tfidf"]), "--format", "md",
                     "-o", str(out)]) == 0
    text = out.read_text()
    assert "## Overview" in text and "![pillar shares over time](data:image/png;base64," in text
    assert "Baltic partners" in text and "### Summary" not in text
    assert text.count("### Paragraphs (6)") == 2
    assert "--batch-size" not in capsys.readouterr().err  # none given: no note about one


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_brief_saved_among_the_articles_is_not_read_back_as_one(fmt, smoke_runs, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    first, second = folder / f"brief.{fmt}", folder / f"brief2.{fmt}"
    for out in (first, second):
        assert cli_main(["brief", str(folder), "--tagger", str(smoke_runs["tfidf"]), "--format", fmt,
                         "-o", str(out)]) == 0
    assert "page(s) diplo-ml wrote itself (briefs, reports) left out" in capsys.readouterr().err
    assert ARTICLE.name in second.read_text() and first.name not in second.read_text()
    assert cli_main(["brief", str(first), "--tagger", str(smoke_runs["tfidf"]), "--format", fmt,
                     "-o", str(tmp_path / f"only.{fmt}")]) == 2
    assert "a page diplo-ml wrote, not a news article" in capsys.readouterr().err
    out = tmp_path / "rows.jsonl"
    assert cli_main(["predict", str(smoke_runs["tfidf"]), str(folder / ARTICLE.name), str(first), "-o", str(out)]) == 0
    assert {json.loads(line)["source"] for line in out.read_text().splitlines()} == {str(folder / ARTICLE.name)}
    assert "a page diplo-ml wrote (a brief or report)" in capsys.readouterr().err


def test_brief_refuses_bad_inputs_with_one_line(smoke_runs, lead_run, tmp_path, capsys):
    out = tmp_path / "b.html"
    cases = [
        (["--tagger", str(lead_run)], "'summarise' checkpoint"),
        (["--tagger", str(smoke_runs["tfidf"]), "--summariser", str(smoke_runs["tfidf"])], "'pillars' checkpoint"),
        (["--tagger", str(smoke_runs["tfidf"]), "--format", "md"], "ending in .md"),
    ]
    for extra, message in cases:
        assert cli_main(["brief", str(ARTICLE), *extra, "-o", str(out)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("error:") and message in err and "\n" not in err
    assert cli_main(["brief", str(tmp_path / "missing.txt"), "--tagger", str(smoke_runs["tfidf"]), "-o",
                     str(out)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit):
        cli_main(["brief", str(ARTICLE), "-o", str(out)])  # --tagger is required


def test_brief_renders_in_headless_chromium(brief_html, tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); the brief is not rendered")
    shot = tmp_path / "brief.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--screenshot={shot}", "--window-size=1200,1600", brief_html.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


# ---------------------------------------------------------------------------------------------- run reports
def test_tagging_report_of_a_hand_edited_prediction_is_one_line(smoke_runs, tmp_path, capsys):
    run_dir = _copy_run(smoke_runs["tfidf"], tmp_path / "tfidf")
    path = run_dir / "predictions_test.jsonl"
    lines = path.read_text().splitlines()
    row = json.loads(lines[1])
    row["labels"] = ["nosuch"]
    path.write_text("\n".join([lines[0], "", json.dumps(row), *lines[2:]]) + "\n")  # a blank line before it
    assert cli_main(["report", str(run_dir)]) == 2
    assert f"{path}:3: 'labels' must be a list of the checkpoint's labels" in capsys.readouterr().err


def test_report_keeps_a_report_html_diplo_ml_did_not_write(smoke_runs, tmp_path, capsys):
    """`report RUN` replaced a user's own RUN/report.html without a word (probe s35)."""
    run_dir = _copy_run(smoke_runs["tfidf"], tmp_path / "tfidf")
    (run_dir / "report.html").write_text("<html>my notes</html>")
    assert cli_main(["report", str(run_dir)]) == 2
    assert "report.html: exists without diplo-ml's generator mark" in capsys.readouterr().err
    assert (run_dir / "report.html").read_text() == "<html>my notes</html>"
    assert cli_main(["report", str(run_dir), "--overwrite"]) == 0
    assert cli_main(["report", str(run_dir)]) == 0  # its own report is replaced as before


def test_tagging_report_of_a_run_without_its_checkpoint_says_so(smoke_runs, tmp_path, capsys):
    """A run whose checkpoint/ was deleted to save space: the missing file was called "corrupt"."""
    import shutil

    run_dir = _copy_run(smoke_runs["tfidf"], tmp_path / "tfidf")
    shutil.rmtree(run_dir / "checkpoint")
    assert cli_main(["report", str(run_dir)]) == 2
    err = capsys.readouterr().err
    assert "no checkpoint/diplo_ml.json (deleted to save space?)" in err and "corrupt" not in err


@pytest.mark.parametrize("score", ["NaN", "Infinity", "5.0", "-0.1", "true"])
def test_tagging_report_refuses_a_score_that_is_not_a_probability(score, smoke_runs, tmp_path, capsys):
    """NaN and infinity (which json reads as numbers) were scikit-learn tracebacks; 5.0 was plotted silently."""
    run_dir = _copy_run(smoke_runs["tfidf"], tmp_path / "tfidf")
    path = run_dir / "predictions_test.jsonl"
    lines = path.read_text().splitlines()
    row = json.loads(lines[0])
    label = next(iter(row["scores"]))
    lines[0] = json.dumps(row).replace(f'"{label}": {json.dumps(row["scores"][label])}', f'"{label}": {score}', 1)
    path.write_text("\n".join(lines) + "\n")
    assert cli_main(["report", str(run_dir)]) == 2
    assert f"{path}:1: 'scores' must give a number from 0 to 1 for each of" in capsys.readouterr().err


@pytest.mark.parametrize("model", ["minilm", "tfidf", "zeroshot"])
def test_tagging_report_scores_equal_metrics_json(smoke_runs, model, tmp_path, capsys):
    run_dir = _copy_run(smoke_runs[model], tmp_path / model)
    assert cli_main(["report", str(run_dir)]) == 0
    assert capsys.readouterr().out.strip() == str(run_dir / "report.html")
    page = (run_dir / "report.html").read_text()
    saved = json.loads((run_dir / "metrics.json").read_text())["test"]
    rows = [json.loads(line) for line in (run_dir / "predictions_test.jsonl").read_text().splitlines()]
    task = PillarsTask({"labels": LABELS})
    computed = task.quick_score(rows, task.examples(rows, {}))
    assert computed["per_label"] == {k: {m: v for m, v in row.items() if m != "f1_ci"}
                                     for k, row in saved["per_label"].items()}
    assert computed["macro_f1"] == pytest.approx(saved["macro_f1"], abs=1e-12)
    for label, m in saved["per_label"].items():
        cells = "".join(f'<td class="n">{m[k]:.3f}</td>' for k in ("precision", "recall", "f1"))
        assert f"<tr><td>{label}</td>{cells}<td class=\"n\">{m['support']}</td>" in page
    for heading in ("Precision-recall curves", "Calibration", "Gold vs predicted labels",
                    "Most confident false positives", "Most confident false negatives"):
        assert heading in page
    assert page.count('src="data:image/png;base64,') == 2 and "metrics.json differs" not in page
    assert not EXTERNAL_REF.search(page)
    fps, fns = confident_errors(rows, LABELS)
    assert all(e["label"] in e["predicted"] and e["label"] not in e["gold"] for e in fps)
    assert all(e["label"] in e["gold"] and e["label"] not in e["predicted"] for e in fns)
    assert [e["score"] for e in fps] == sorted((e["score"] for e in fps), reverse=True)


def test_summarisation_report(lead_run, tmp_path, capsys):
    run_dir = _copy_run(lead_run, tmp_path / "lead")
    assert cli_main(["report", str(run_dir)]) == 0
    page = (run_dir / "report.html").read_text()
    rows = [json.loads(line) for line in (run_dir / "predictions_test.jsonl").read_text().splitlines()]
    assert "ROUGE distribution" in page and "Best 5 by ROUGE-L" in page and "Worst 5 by ROUGE-L" in page
    assert page.count('src="data:image/png;base64,') == 2 and not EXTERNAL_REF.search(page)
    saved = json.loads((run_dir / "metrics.json").read_text())["test"]
    assert f'<td class="n">{saved["rougeL"]:.3f}</td>' in page
    assert sum(str(markupsafe.escape(r["reference"])) in page for r in rows) == min(10, len(rows))


def test_report_refuses_a_folder_that_is_not_a_run(tmp_path, capsys):
    assert cli_main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "not a run folder" in err


def test_brief_marks_an_article_in_another_language(smoke_runs, tmp_path, capsys):
    from .test_language import OTHER_LANGUAGES

    foreign = tmp_path / "tin.txt"
    foreign.write_text("\n\n".join([OTHER_LANGUAGES["vietnamese"]] * 3), encoding="utf-8")
    out = tmp_path / "brief.md"
    assert cli_main(["brief", str(ARTICLE), str(foreign), "--tagger", str(smoke_runs["tfidf"]), "--format", "md",
                     "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    sections = text.split("\n## ")[1:]
    assert [("does not look like English" in s, "Đại sứ" in s) for s in sections if "### Paragraphs" in s] == \
        [(False, False), (True, True)]  # the Vietnamese page is marked, the English one is not
    assert f"warning: 1 of 2 articles do not look like English (first: {foreign}); the model reads English only" \
        in capsys.readouterr().err


def test_one_unreadable_page_in_a_folder_is_listed_not_fatal(smoke_runs, tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.read_text())
    (folder / "empty.txt").write_text("")
    out = tmp_path / "brief.md"
    assert cli_main(["brief", str(folder), "--tagger", str(smoke_runs["tfidf"]), "--format", "md",
                     "-o", str(out)]) == 0
    assert "### Left out (1)" in out.read_text() and "empty.txt: empty file" in out.read_text()
    assert "warning: left out of the brief:" in capsys.readouterr().err
    assert cli_main(["brief", str(folder / "empty.txt"), "--tagger", str(smoke_runs["tfidf"]), "--format", "md",
                     "-o", str(tmp_path / "b2.md")]) == 2  # nothing readable: an error, no brief
    assert not (tmp_path / "b2.md").exists()


def test_ingest_and_annotate_select_leave_out_an_empty_page_among_several(smoke_runs, tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.read_text())
    (folder / "empty.txt").write_text("")
    assert cli_main(["ingest", str(folder), "-o", str(tmp_path / "p.jsonl")]) == 0
    assert "warning: 1 of 2 pages left out, they hold no text (first: " in capsys.readouterr().err
    assert cli_main(["annotate", "select", str(smoke_runs["tfidf"]), str(folder), "-n", "2",
                     "-o", str(tmp_path / "tasks.json")]) == 0
    captured = capsys.readouterr()
    assert "from 1 article(s)" in captured.out + captured.err and "1 of 2 pages left out" in captured.err
    assert cli_main(["ingest", str(folder / "empty.txt"), "-o", str(tmp_path / "q.jsonl")]) == 2
    assert cli_main(["predict", str(smoke_runs["tfidf"]), str(folder / "a.txt"), "-o", "-"]) == 2
    assert "-o -: give a file path" in capsys.readouterr().err


def test_brief_tags_with_the_context_predict_gives(smoke_runs, tmp_path, monkeypatch):
    """A tagger trained with model.context=headline|previous reads the same context in a brief as in predict."""
    from diplo_ml.tasks.pillars import Tagger

    seen = []
    real = Tagger.predict

    def recording(self, texts, context=None):
        seen.append(context)
        return real(self, texts, context)

    monkeypatch.setattr(Tagger, "predict", recording)
    assert cli_main(["brief", str(ARTICLE), "--tagger", str(smoke_runs["tfidf"]), "--format", "md",
                     "-o", str(tmp_path / "b.md")]) == 0
    article = ingest_path(ARTICLE)
    assert seen[-1]["headline"] == [article.headline] * len(article.paragraphs)
    assert seen[-1]["previous"][1:] == [p.text for p in article.paragraphs[:-1]]


def test_a_scraped_rows_header_gives_its_date_and_outlet_and_is_no_summary():
    # a twenty-second read (s47): a row whose menu, headline, byline and stamp ran into its text kept them in its
    # summary and gave no date or outlet (its headline only in its address, in Vietnamese letters in the text)
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.summarise.task import SummariseTask

    text = ("Politics & Laws Society Economy Opinion Sports POLITICS & LAWS Việt Nam peacekeepers receive UN medals in "
            "South Sudan By Minh Thu December 12, 2023 - 17:20 HÀ NỘI — Members of Việt Nam's field hospital in South "
            "Sudan received United Nations peacekeeping medals at a ceremony on Monday.")
    titled = ("Home Politics Business World Vietnam calls for Mekong-Japan cooperation on water Thursday, July 25, "
              "2024 - 21:04 Share Facebook Vientiane (VNA) – Deputy Foreign Minister Nguyen Minh Chau called for "
              "stronger cooperation between Mekong countries and Japan in water resources management.")
    rows = [(1, {"url": "https://vietnamnews.vn/politics-laws/1637722/viet-nam-peacekeepers-receive-un-medals-in-south-"
                        "sudan.html", "text": text}),
            (2, {"title": "Vietnam calls for Mekong-Japan cooperation on water", "text": titled})]
    first, second = _jsonl_units(rows, "in.jsonl", SummariseTask({}))
    assert first["headline"] == "Việt Nam peacekeepers receive UN medals in South Sudan"
    assert (first["date"], first["outlet"]) == ("2023-12-12", "Viet Nam News")
    assert first["_text"].startswith("By Minh Thu December 12, 2023")  # (the summariser cuts it to the dateline)
    assert (second["date"], second["outlet"]) == ("2024-07-25", "VNA")


def test_a_row_with_its_text_in_body_and_its_date_in_published_is_read(capsys):
    # a twenty-third read (s47): a scraped archive's rows named their fields "body" and "published", left HTML
    # entities in, and datelined the lead from Prague: the whole file was refused for a missing 'text'
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.summarise.task import SummariseTask

    row = {"link": "https://example.org/news/1", "headline": "Vietnam &amp; Czech Republic ease work permits",
           "published": "2025-01-16T15:20:00+07:00",
           "body": "Prague &#8211; Vietnam and the Czech Republic agreed on January 15 to simplify work permits."}
    (unit,) = _jsonl_units([(1, row)], "in.jsonl", SummariseTask({}))
    assert (unit["headline"], unit["date"]) == ("Vietnam & Czech Republic ease work permits", "2025-01-16")
    assert unit["_text"].startswith("Prague – Vietnam and the Czech Republic")
    assert "read from their 'body' field" in capsys.readouterr().err
    with pytest.raises(DataError, match=r"in.jsonl:1: missing or empty 'text' \(nor body, .*the row's fields: 'link'"):
        list(_jsonl_units([(1, {"link": "https://example.org/2"})], "in.jsonl", SummariseTask({})))


def test_a_rows_text_is_its_longest_text_field_and_only_whole_entities_are_read():
    # a review (s47): an id in "article" beside the text in "article_text", a teaser in "content" beside the
    # "full_text", a date as a number, an address's "&currency=…" and markup escaped twice
    from diplo_ml.predict_inputs import _jsonl_units
    from diplo_ml.tasks.summarise.task import SummariseTask

    text = "Vietnam and Japan agreed on Tuesday to deepen cooperation in semiconductors, the ministry said."
    rows = [(1, {"article": "VNA-2025-0412", "article_text": text, "published_at": 1736822700}),
            (2, {"content": "Vietnam, Japan hold talks.", "full_text": text}),
            (3, {"text": f"{text} Rates: https://sbv.example/r?date=1&currency=USD&region=asia &#8211; daily."}),
            (4, {"text": f"&lt;p&gt;{text}&lt;/p&gt;&lt;p&gt;The two sides also met.&lt;/p&gt;"})]
    units = list(_jsonl_units(rows, "in.jsonl", SummariseTask({})))
    assert [u["_text"][:20] for u in units[:2]] == [text[:20]] * 2
    assert units[0]["date"] == "2025-01-14"  # (seconds since 1970, read since s50: 14 January 2025, 09:45 in Hanoi)
    assert "&currency=USD&region=asia – daily." in units[2]["_text"]
    assert units[3]["_text"] == f"{text}\n\nThe two sides also met."


def test_a_scraped_rows_list_of_paragraphs_is_its_text_and_h1_its_headline(tmp_path):
    from diplo_ml.data.examples import flat_record, record_headline, record_text_field
    # a twenty-seventh read (s49): {"h1": …, "paragraphs": ["…", "…"], "site": …} stopped `predict`
    row = flat_record({"site": "VietnamPlus", "h1": "Viet Nam, Saudi Arabia sign halal deal", "dek": None,
                       "paragraphs": ["Viet Nam and Saudi Arabia signed a deal on March 17.", " ", "It covers meat."]})
    assert row[record_text_field(row)] == "Viet Nam and Saudi Arabia signed a deal on March 17.\n\nIt covers meat."
    assert record_headline(row) == "Viet Nam, Saudi Arabia sign halal deal"


def test_a_rows_site_given_as_an_address_names_its_outlet_by_its_host():
    from diplo_ml.data.examples import site_name_outlet
    # a review of s49's change: "site": "https://en.vietnamplus.vn" was the outlet, word for word
    assert site_name_outlet({"site": "https://en.vietnamplus.vn"}) == "VietnamPlus"
    assert site_name_outlet({"site": "https://www.example.org/news"}) == "example.org"  # (an unknown host: itself)
    assert site_name_outlet({"site": "VnExpress International – Latest news"}) == "VnExpress International"
