"""The lead finder (boosted trees learned from keyed documents) and the keyed documents' loader."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from diplo_ml.errors import DiploError
from diplo_ml.models.summarise.lead import FINDER_FILE, LeadSummariser, LeadTrimSummariser
from diplo_ml.models.summarise.lead_finder import FEATURE_NAMES, LeadCase, LeadFinder, statement_features
from diplo_ml.models.summarise.lead_keys import lead_cases, read_key
from diplo_ml.models.summarise.selection import statement_candidates

from .conftest import build_model, fit_context, summary_examples

COUNTRIES = ["Chile", "Peru", "Brazil", "Kenya", "Ghana", "Egypt", "Spain", "Italy", "Norway", "Poland"]
THINGS = ["paper crane", "brass kettle", "bamboo flute", "silk lantern", "clay teapot", "wooden boat", "red scarf",
          "small drum"]
SMALL_TREES = {"trees": 60, "learning_rate": 0.1, "max_leaf_nodes": 4, "min_samples_leaf": 3}


def _scene(n: int) -> str:
    return f"Every office keeps a {THINGS[n % len(THINGS)]} somewhere near its door."  # (no rule passes it over)


def _news(n: int) -> str:
    return f"Vietnam and {COUNTRIES[n % len(COUNTRIES)]} signed a trade agreement in Hanoi on Monday."


def _article(n: int, scene_first: bool) -> tuple[str, str]:
    """A text and its lead: a scene above the news, or the news first."""
    news, scene = _news(n), _scene(n)
    body = [scene, news] if scene_first else [news, scene]
    return "\n\n".join([*body, "The deal cuts tariffs on fruit and coffee over five years."]), news


def _keyed_folder(root: Path, count: int = 40) -> Path:
    docs = root / "read01" / "docs"
    docs.mkdir(parents=True)
    rows = []
    for n in range(count):
        text, lead = _article(n, scene_first=n % 2 == 0)
        (docs / f"{n:02d}_doc.txt").write_text(text)
        rows.append({"file": f"{n:02d}_doc.txt", "headline": None, "lead": lead, "kind": "test"})
    (docs / "99_rows.jsonl").write_text(json.dumps({"title": "Rows", "text": _news(0)}) + "\n")
    rows.append({"file": "99_rows.jsonl", "headline": "Rows", "lead": _news(0), "kind": "a scraper export"})
    (root / "read01" / "KEY.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return root


def test_keyed_documents_give_each_lead_its_place_and_say_what_they_leave_out(tmp_path, caplog):
    _keyed_folder(tmp_path)
    with caplog.at_level(logging.INFO, logger="diplo_ml.models.summarise.lead_keys"):
        cases = lead_cases(tmp_path)
    assert len(cases) == 40 and [c.lead for c in cases[:4]] == [1, 0, 1, 0]
    assert cases[0].statements[1] == _news(0) and cases[0].headline is None
    assert "left out 1 that are no page" in caplog.text


def test_a_bad_key_is_refused_naming_its_file_and_line(tmp_path):
    key = tmp_path / "read01" / "KEY.jsonl"
    key.parent.mkdir()
    key.write_text('{"file": "a.txt", "lead": "x"}\n{"file": "b.txt"\n')
    with pytest.raises(DiploError, match=r"KEY.jsonl:2: malformed JSON"):
        read_key(key)
    key.write_text('{"file": "a.txt", "lead": ""}\n')
    with pytest.raises(DiploError, match=r"KEY.jsonl:1: a key row needs a non-empty 'file' and 'lead'"):
        read_key(key)
    key.write_text('{"file": "a.txt", "lead": "x"}\n')
    with pytest.raises(DiploError, match=r"names a.txt, which is not in"):
        lead_cases(tmp_path)
    with pytest.raises(DiploError, match=r"no folder in it holds a KEY.jsonl"):
        lead_cases(tmp_path / "read01" / "nowhere")
    # only the folders right under the root: naming data/leads (train/ and heldout/ in it) trains on nothing
    _keyed_folder(tmp_path / "leads" / "heldout")
    with pytest.raises(DiploError, match=r"leads: no folder in it holds a KEY.jsonl"):
        lead_cases(tmp_path / "leads")


def _cases(count: int = 60) -> list[LeadCase]:
    out = []
    for n in range(count):
        text, lead = _article(n, scene_first=n % 2 == 0)
        found = statement_candidates(text)
        statements = [s for s, ok in zip(found.sentences, found.statements) if ok]
        out.append(LeadCase(statements, None, found.questions, statements.index(lead)))
    return out


def test_features_have_one_row_per_first_statement():
    case = _cases(1)[0]
    features = statement_features(case.statements, "Vietnam and Chile sign trade deal", case.questions)
    assert features.shape == (3, len(FEATURE_NAMES))
    assert features[:, FEATURE_NAMES.index("position")].tolist() == [0, 1, 2]
    assert features[1, FEATURE_NAMES.index("news_day")] == 1 and features[0, FEATURE_NAMES.index("news_day")] == 0
    assert statement_features([], None, 0).shape == (0, len(FEATURE_NAMES))


def test_the_finder_moves_the_lead_only_past_its_margin_and_reloads_without_pickle(tmp_path):
    finder = LeadFinder.fit(_cases(), 0.3, seed=0, **SMALL_TREES)
    text, lead = _article(101, scene_first=True)
    found = statement_candidates(text)
    assert found.sentences[int(np.flatnonzero(found.allowed)[0])] != lead  # the rules keep the scene
    moved = finder.choose(found, None)
    assert found.sentences[int(np.flatnonzero(moved)[0])] == lead and moved[2]  # the statement after it stays
    news_first = statement_candidates(_article(102, scene_first=False)[0])
    assert (finder.choose(news_first, None) == news_first.allowed).all()
    assert (LeadFinder(finder.trees, 1.0).choose(found, None) == found.allowed).all()  # no score beats by 1
    finder.save(tmp_path / FINDER_FILE)
    again = LeadFinder.load(tmp_path / FINDER_FILE)
    assert again.margin == 0.3 and (again.choose(found, None) == moved).all()
    saved = (tmp_path / FINDER_FILE).read_bytes()  # safetensors: an 8-byte header length, then a JSON header
    assert saved[8:9] == b"{" and int.from_bytes(saved[:8], "little") < len(saved)
    finder.trees.save(tmp_path / "other.safetensors", {"margin": "0.3", "feature_names": "a,b"})
    with pytest.raises(DiploError, match="other features than this version computes"):
        LeadFinder.load(tmp_path / "other.safetensors")
    finder.trees.save(tmp_path / "wide.safetensors", {"margin": "7", "feature_names": ",".join(FEATURE_NAMES)})
    with pytest.raises(DiploError, match=r"damaged lead finder \(margin '7'"):
        LeadFinder.load(tmp_path / "wide.safetensors")
    (tmp_path / "cut.safetensors").write_bytes((tmp_path / FINDER_FILE).read_bytes()[:50])
    with pytest.raises(DiploError, match="unreadable or damaged lead finder"):
        LeadFinder.load(tmp_path / "cut.safetensors")


@pytest.mark.parametrize("cls", [LeadSummariser, LeadTrimSummariser])
def test_lead_summarisers_learn_the_finder_record_dev_and_reload(cls, tmp_path, monkeypatch):
    import diplo_ml.models.summarise.lead as lead

    monkeypatch.setattr(lead, "FINDER_TREES", SMALL_TREES)
    keys = _keyed_folder(tmp_path / "keys")
    with pytest.raises(DiploError, match="model.lead_finder: no folder"):
        build_model(cls, {"lead_finder": str(tmp_path / "nowhere")})
    _keyed_folder(tmp_path / "leads" / "heldout")
    with pytest.raises(DiploError, match="held-out keyed documents, which measure the finder"):
        build_model(cls, {"lead_finder": str(tmp_path / "leads" / "heldout")})
    with pytest.raises(DiploError, match="model.lead_margin"):
        build_model(cls, {"lead_finder": str(keys), "lead_margin": 1.5})
    texts, leads = zip(*(_article(200 + n, scene_first=True) for n in range(6)))
    plain = build_model(cls, {})
    model = build_model(cls, {"lead_finder": str(keys)})
    model.fit(summary_examples(texts, leads), summary_examples(texts, leads), fit_context(tmp_path / "trainer"))
    assert model.summarise(list(texts[:2])) == list(leads[:2])
    plain.fit(summary_examples(texts, leads), summary_examples(texts, leads), fit_context(tmp_path / "trainer"))
    assert plain.summarise(list(texts[:1])) == [_scene(200)]
    record = model.training["lead_finder"]
    assert record["keyed_documents"] == 40 and record["dev_rougeL"]["finder"] > record["dev_rougeL"]["rules"]
    assert "lead finder" in model.card().summary and "40 keyed documents" in model.card().summary
    assert len(record["sha256"]) == 64
    model.save(tmp_path / "model")
    again = cls.load(tmp_path / "model", model.options, model.spec)
    assert again.summarise(list(texts[:2])) == list(leads[:2])
    (tmp_path / "model" / FINDER_FILE).unlink()
    with pytest.raises(DiploError, match=r"lead_finder.safetensors: missing; the options use a lead finder"):
        cls.load(tmp_path / "model", model.options, model.spec)


def _found(statements: int, first_allowed: int):
    from diplo_ml.models.summarise.selection import Candidates

    sentences = [_scene(n) if n != 5 else _news(n) for n in range(statements)]
    allowed = np.arange(statements) >= first_allowed
    return Candidates(sentences, np.ones(statements, dtype=bool), allowed, 0)


def test_the_finder_only_moves_the_lead_down_from_the_rules_choice():
    # a review (s57): the rules' lead past the first 8 statements was compared with the first statement's score, and
    # a lead above the rules' choice made Lead-k skip the statements between (1, 3, 4)
    finder = LeadFinder.fit(_cases(), 0.0, seed=0, **SMALL_TREES)
    late = _found(11, 9)
    assert (finder.choose(late, None) == late.allowed).all()  # the rules' lead lies past the first 8: it stands
    below = _found(8, 7)  # the rules chose statement 7; the news, statement 5, is above it
    assert (finder.choose(below, None) == below.allowed).all()
    left_out = _found(8, 0)
    left_out.allowed[5] = False  # a statement the rules left out is no lead for the finder either
    assert (finder.choose(left_out, None) == left_out.allowed).all()
    above = _found(8, 0)  # the rules kept the opening: the finder moves the lead down to the news
    moved = finder.choose(above, None)
    assert np.flatnonzero(moved).tolist() == [5, 6, 7]


def test_a_checkpoint_whose_options_and_finder_disagree_on_the_margin_is_refused(tmp_path, monkeypatch):
    import diplo_ml.models.summarise.lead as lead

    monkeypatch.setattr(lead, "FINDER_TREES", SMALL_TREES)
    keys = _keyed_folder(tmp_path / "keys")
    model = build_model(LeadSummariser, {"lead_finder": str(keys)})
    model.fit(summary_examples(["A."], ["A."]), summary_examples([], []), fit_context(tmp_path / "trainer"))
    assert model.training["lead_finder"]["folders"] == ["read01"]
    model.save(tmp_path / "model")
    model.options.lead_margin = 0.9
    with pytest.raises(DiploError, match=r"saved with margin 0.2, but the options say lead_margin 0.9"):
        LeadSummariser.load(tmp_path / "model", model.options, model.spec)
    assert "Nothing is learned" in build_model(LeadSummariser, {}).card().summary
    assert "Only the lead finder is learned" in model.card().summary


def test_the_shipped_keyed_documents_match_their_hashes_and_keys():
    import hashlib

    from diplo_ml.config import PROJECT_ROOT
    from diplo_ml.models.summarise.lead_keys import key_files

    root = PROJECT_ROOT / "data" / "leads"
    listed = {}
    for line in (root / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name] = digest
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name
    on_disk = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} - {"SHA256SUMS", "README.md"}
    assert on_disk == set(listed)
    assert len(key_files(root / "train")) == 24 and len(key_files(root / "heldout")) == 62 and not key_files(root)
    for key in key_files(root / "train") + key_files(root / "heldout"):
        assert {row["file"] for row in read_key(key)} == {p.name for p in (key.parent / "docs").iterdir()}, key


def test_a_teaser_that_repeats_the_leads_opening_is_not_its_lead():
    # a review (s57): the lead was matched on its first 40 characters, so a teaser repeating them was taken for it
    from diplo_ml.models.summarise.lead_keys import begins_with_lead

    lead = "Vietnam's first year as a BRICS partner shows that Hanoi is treating the grouping as one more hedge."
    assert begins_with_lead(lead, lead) and begins_with_lead("Vietnam’s first year as a BRICS partner shows that "
                                                             "Hanoi is treating the grouping as one more hedge", lead)
    assert not begins_with_lead("Vietnam's first year as a BRICS partner country shows how Hanoi extracts benefits.",
                                lead)


def test_the_finder_is_an_edit_dev_chooses_per_source_and_new_pages_always_get_it(tmp_path, monkeypatch):
    import diplo_ml.models.summarise.lead as lead
    from diplo_ml.data.examples import Examples

    monkeypatch.setattr(lead, "FINDER_TREES", SMALL_TREES)
    keys = _keyed_folder(tmp_path / "keys")
    texts, leads = zip(*(_article(300 + n, scene_first=True) for n in range(8)))
    # source "scenes": its references are the scenes (the finder's move costs ROUGE there); "news": the news
    references = [_scene(300 + n) for n in range(4)] + list(leads[4:])
    sources = ["scenes"] * 4 + ["news"] * 4
    dev = Examples(list(texts), references, [{"id": str(i), "source": s} for i, s in enumerate(sources)],
                   {"source": sources})
    model = build_model(LeadTrimSummariser, {"lead_finder": str(keys)})
    model.fit(summary_examples(texts, leads), dev, fit_context(tmp_path / "trainer"))
    assert not model.edits_by_source["scenes"]["finder"] and model.edits_by_source["news"]["finder"]
    assert model.summarise([texts[0], texts[4]], {"source": ["scenes", "news"]}) == [_scene(300), leads[4]]
    assert model.summarise([texts[0]]) == [leads[0]]  # a new page names no source: it gets the finder
    assert "lead finder's move" in model.card().summary
    # the edits' trees learn from the opening rules' leads (the scenes), whatever dev chooses
    assert model._first_statements(summary_examples(texts[:1], leads[:1]))[0] == [_scene(300)]
    model.save(tmp_path / "model")
    settings = tmp_path / "model" / lead.SETTINGS_FILE
    saved = json.loads(settings.read_text())
    for edits in [saved["edits_default"], *saved["edits_by_source"].values()]:
        del edits["finder"]  # saved before the finder was an edit: it moved every article's lead
    settings.write_text(json.dumps(saved))
    again = LeadTrimSummariser.load(tmp_path / "model", model.options, model.spec)
    assert again.edits_by_source["scenes"]["finder"] and again.summarise([texts[0]], {"source": ["scenes"]}) == [
        leads[0]]


def test_where_dev_names_no_sources_dev_decides_the_finder_for_every_article(tmp_path, monkeypatch):
    # a review (s58): with a corpus of one unnamed source (summaries_govuk), every article was taken for a new page
    # and given the finder, whatever dev chose
    import diplo_ml.models.summarise.lead as lead

    monkeypatch.setattr(lead, "FINDER_TREES", SMALL_TREES)
    keys = _keyed_folder(tmp_path / "keys")
    texts, leads = zip(*(_article(400 + n, scene_first=True) for n in range(6)))
    scenes = [_scene(400 + n) for n in range(6)]  # dev's references are the scenes: the finder's move costs
    model = build_model(LeadTrimSummariser, {"lead_finder": str(keys)})
    model.fit(summary_examples(texts, leads), summary_examples(texts, scenes), fit_context(tmp_path / "trainer"))
    assert model.edits_by_source == {} and not model.edits_default["finder"]
    assert model.summarise(list(texts[:1])) == [_scene(400)]
    news = summary_examples(texts, list(leads))  # dev's references are the news: dev turns the finder on
    model.fit(summary_examples(texts, leads), news, fit_context(tmp_path / "trainer"))
    assert model.edits_default["finder"] and model.summarise(list(texts[:1])) == [leads[0]]
