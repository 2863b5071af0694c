"""`diplo-ml predict` on a scraper's or a CMS's .json, .csv and .tsv exports, and on a file of one page's parts that
names no page (s64, read 102)."""

from __future__ import annotations

import json

import pytest

from diplo_ml.data.record_files import iter_record_file
from diplo_ml.errors import DataError
from diplo_ml.predict_inputs import read_units
from diplo_ml.tasks.summarise import SummariseTask

LEAD = ("Vietnam and Chile on Monday signed a protocol that cuts tariffs on 300 lines of goods, officials said in "
        "Santiago.")
MORE = "The protocol takes effect in January and covers fruit, seafood and textiles."
TITLE = "Vietnam, Chile sign tariff protocol"


def _units(path) -> list[dict]:
    return list(read_units([str(path)], SummariseTask({})))


@pytest.mark.parametrize("data", [
    [{"title": TITLE, "text": f"{LEAD}\n\n{MORE}"}],
    {"status": "ok", "articles": [{"title": TITLE, "body": f"{LEAD}\n\n{MORE}"}]},
    {"data": {"article": {"title": TITLE, "content": [{"type": "paragraph", "html": f"<p>{LEAD}</p>"},
                                                      {"type": "paragraph", "html": f"<p>{MORE}</p>"}]}}},
    {"page": {"title": TITLE, "body": [LEAD, MORE]}, "sidebar": {"links": ["Related: Peru talks"]}},
    {"url": "https://example.vn/a/1", "items": [{"kind": "title", "value": TITLE}, {"kind": "image", "value":
     "Ministers at the signing. (Photo: VNA)"}, {"kind": "paragraph", "value": LEAD},
     {"kind": "paragraph", "value": MORE}]},
    [{"type": "menu", "items": ["Politics", "World"]}, {"type": "h1", "text": TITLE},
     {"type": "p", "html": f"<strong>Santiago (VNA) –</strong> {LEAD}"}, {"type": "p", "text": MORE}],
])
def test_a_json_export_is_read_as_its_articles_rows(tmp_path, data):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    [unit] = _units(path)
    assert unit["_text"].startswith(LEAD) and MORE in unit["_text"]
    assert unit["headline"] in (TITLE, None) and unit["source"] == str(path)


def test_a_csv_export_of_one_pages_rows_out_of_order(tmp_path):
    rows = [("article_id", "sort_order", "type", "text"), ("vov-1", "2", "paragraph", MORE),
            ("vov-1", "0", "title", TITLE), ("vov-1", "1", "paragraph", LEAD), ("vov-1", "3", "tag", "trade; Chile")]
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\n", encoding="utf-8")
    [unit] = _units(path)
    assert unit["headline"] == TITLE
    assert unit["_text"].startswith(LEAD) and unit["_text"].index(LEAD) < unit["_text"].index(MORE)


def test_a_tsv_file_of_articles_gives_one_unit_a_row(tmp_path):
    path = tmp_path / "articles.tsv"
    path.write_text(f"id\ttitle\ttext\n7\t{TITLE}\t{LEAD}\n8\tSecond story\t{MORE}\n", encoding="utf-8")
    units = _units(path)
    assert [u["id"] for u in units] == [7, 8] and [u["line"] for u in units] == [2, 3]


def test_a_jsonl_file_of_one_pages_parts_that_names_no_page_is_that_page(tmp_path):
    rows = [{"order": 1, "row_type": "promo", "value": "Subscribe for unlimited access."},
            {"order": 2, "row_type": "headline", "value": TITLE}, {"order": 3, "row_type": "byline", "value": "By An"},
            {"order": 4, "row_type": "paragraph", "value": LEAD}, {"order": 5, "row_type": "paragraph", "value": MORE}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    [unit] = _units(path)
    assert unit["headline"] == TITLE and unit["_text"].startswith(LEAD)


def test_the_interleaved_rows_of_two_pages_are_read_as_those_pages(tmp_path):
    other_title, other_lead = "Ambassador presents credentials in Vienna", (
        "Vietnam's new ambassador to Austria presented his credentials to the Austrian President on Tuesday.")
    rows = []
    for n, (ours, theirs) in enumerate([(TITLE, other_title), (LEAD, other_lead), (MORE, "He met the Vietnamese "
                                        "community in Vienna on Wednesday.")]):
        kind = "title" if n == 0 else "paragraph"
        rows += [{"doc_id": "cl-1", "kind": kind, "para_idx": n, "text": ours},
                 {"doc_id": "at-2", "kind": kind, "para_idx": n, "text": theirs}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = _units(path)
    assert (first["headline"], first["line"], second["headline"], second["line"]) == (TITLE, 1, other_title, 2)
    assert first["_text"].startswith(LEAD) and MORE in first["_text"] and other_lead not in first["_text"]
    assert second["_text"].startswith(other_lead) and LEAD not in second["_text"]


def test_pages_one_after_another_keep_their_order(tmp_path):
    rows = [{"doc_id": page, "kind": kind, "text": f"{text} ({page})"} for page in ("a", "b", "c")
            for kind, text in (("title", TITLE), ("paragraph", LEAD))]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [u["line"] for u in _units(path)] == [1, 3, 5]


def test_a_pictures_and_a_related_storys_own_titles_leave_a_blocks_page_one_page(tmp_path):
    blocks = [{"type": "h1", "text": TITLE},
              {"type": "image", "title": "The two ministers", "caption": "At the signing. (Photo: VNA)"},
              {"type": "paragraph", "text": LEAD},
              {"type": "related", "title": "Vietnam, Peru review trade", "url": "https://example.vn/peru"},
              {"type": "paragraph", "text": MORE}]
    path = tmp_path / "blocks.json"
    path.write_text(json.dumps(blocks), encoding="utf-8")
    [unit] = _units(path)
    assert unit["headline"] == TITLE and unit["_text"].startswith(LEAD) and MORE in unit["_text"]
    assert "Peru" not in unit["_text"]


def test_a_wires_advisory_to_editors_is_left_out(tmp_path):
    rows = [{"guid": "adv-1", "type": "advisory", "body": "EDITORS: We are planning a story on the Chile trade "
             "protocol. Expected by 0700 GMT."},
            {"guid": "st-1", "type": "story", "headline": TITLE, "body": f"{LEAD}\n\n{MORE}"}]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    [unit] = _units(path)
    assert unit["line"] == 2 and unit["_text"].startswith(LEAD)


def test_a_list_of_articles_stays_a_list(tmp_path):
    items = [{"type": "article", "title": f"Story {n}", "text": f"{LEAD} Story {n}."} for n in range(3)]
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"items": items}), encoding="utf-8")
    assert len(_units(path)) == 3


@pytest.mark.parametrize("name, content, message", [
    ("bad.json", '{"items": [\n {"title": "x",\n}', "bad.json:3: malformed JSON"),
    ("bad.json", "[1, 2]", "item 1: expected a JSON object"),
    ("bad.json", "[]", "no records"),
    ("bad.csv", "\n\n", "no header row"),
    ("bad.csv", "title,text\nA,B,C\n", "bad.csv:2: 3 cells under a header of 2 columns"),
])
def test_a_broken_export_names_its_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        list(iter_record_file(path))


def test_a_briefings_turns_under_its_address_and_an_interviews_rows_under_a_post_id_are_one_page(tmp_path):
    url = "https://www.mofa.gov.vn/en/regular-press-briefing-23-10-2025"
    turns = [("title", "Regular Press Briefing on 23 October 2025"),
             ("opening", "Good afternoon, ladies and gentlemen."), ("announcement", LEAD),
             ("question", "Could you comment on the tariffs?"), ("answer", MORE)]
    path = tmp_path / "turns.jsonl"
    path.write_text("\n".join(json.dumps({"source": url, "turn": n, "role": role, "text": text})
                              for n, (role, text) in enumerate(turns)) + "\n", encoding="utf-8")
    [unit] = _units(path)
    assert unit["headline"] == "Regular Press Briefing on 23 October 2025" and LEAD in unit["_text"]
    rows = [("title", TITLE), ("photo", "The ambassador. (Photo: VNA)"), ("q", "How do you assess the year?"),
            ("a", LEAD)]
    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(json.dumps({"post_id": 318901, "seq": n, "role": role, "text": text})
                              for n, (role, text) in enumerate(rows)) + "\n", encoding="utf-8")
    [unit] = _units(path)
    assert unit["headline"] == TITLE and "(Photo" not in unit["_text"] and LEAD in unit["_text"]


def test_a_folders_json_and_csv_files_are_not_read_where_it_is_given(tmp_path):
    from diplo_ml.predict_inputs import expand_folders
    (tmp_path / "page.txt").write_text(f"{LEAD}\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"files": 1}', encoding="utf-8")
    (tmp_path / "index.csv").write_text("name\npage.txt\n", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in expand_folders([str(tmp_path)])] == ["page.txt"]


def test_review_1_of_s64_blocks_repeating_a_title_an_outlets_home_page_and_an_article_beside_teasers(tmp_path):
    blocks = [{"type": "h1", "title": TITLE, "text": TITLE}, {"type": "p", "title": TITLE, "text": LEAD},
              {"type": "p", "title": TITLE, "text": MORE}]
    path = tmp_path / "blocks.json"
    path.write_text(json.dumps(blocks), encoding="utf-8")
    assert len(_units(path)) == 1  # (one page whose blocks each repeat its title)
    rows = [{"source": "https://vovworld.vn/", "seq": n, "type": "paragraph", "text": text, "title": title}
            for n, (title, text) in enumerate([(TITLE, LEAD), ("Second story", MORE)])]
    path = tmp_path / "outlet.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert len(_units(path)) == 2  # (an outlet's home page names no page: two articles)
    wrapped = {"article": {"title": TITLE, "body": f"{LEAD}\n\n{MORE}"}, "news": [{"title": "Other", "url": "x"}]}
    path = tmp_path / "api.json"
    path.write_text(json.dumps(wrapped), encoding="utf-8")
    [unit] = _units(path)
    assert unit["_text"].startswith(LEAD)
