"""Context-aware tagging (model.context) and robustness augmentation (model.augment)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from diplo_ml.data.augment import augment_examples, casing, dateline, diacritics, noisy, strip_diacritics, typos
from diplo_ml.data.examples import Examples, previous_in_document
from diplo_ml.models.encoding import tokenize_rows
from diplo_ml.models.tagging.finetune import FineTunedTagger
from diplo_ml.tasks.pillars import PillarsTask

from .conftest import build_model


def test_previous_paragraph_stays_inside_its_document():
    rows = [{"doc_id": "a", "text": "A1"}, {"doc_id": "a", "text": "A2"}, {"doc_id": "b", "text": "B1"},
            {"doc_id": "a", "text": "A3"}]
    assert previous_in_document(rows) == [None, "A1", None, "A2"]


ROWS_WITH_PREVIOUS = [  # own fields, file order by doc_id, and rows with neither
    {"id": "1", "doc_id": "a", "text": "A1", "labels": []},
    {"id": "2", "doc_id": "a", "text": "A2", "labels": []},                          # file order: A1
    {"id": "3", "doc_id": "b", "text": "B2", "labels": [], "previous": "B1"},        # its own field
    {"id": "4", "doc_id": "a", "text": "A4", "labels": [], "previous": "A3"},        # own field beats file order
    {"id": "5", "doc_id": "a", "text": "A5", "labels": [], "previous": None},        # null: file order (A4)
    {"id": "6", "doc_id": "b", "text": "B1", "labels": [], "previous": ""},          # blank: none (the first)
    {"id": "7", "doc_id": None, "text": "X2", "labels": [], "context": "X1"},        # predict's older name
    {"id": "8", "doc_id": None, "text": "Y", "labels": []},                          # neither: none
    {"id": "9", "doc_id": "b", "text": "B3", "labels": []},                          # file order: B1
]
EXPECTED_PREVIOUS = [None, "A1", "B1", "A3", "A4", None, "X1", None, "B1"]


def test_a_rows_own_previous_field_comes_before_file_order():
    assert previous_in_document(ROWS_WITH_PREVIOUS) == EXPECTED_PREVIOUS


def test_training_and_predict_read_the_same_previous_paragraph():
    from diplo_ml.predict_inputs import _jsonl_units

    trained = PillarsTask({}).examples(ROWS_WITH_PREVIOUS, {}).context["previous"]
    units = _jsonl_units(enumerate(ROWS_WITH_PREVIOUS, 1), "in.jsonl", PillarsTask({}))
    predicted = [u["_context"]["previous"] for u in units]
    assert trained == predicted == EXPECTED_PREVIOUS


def test_a_previous_model_given_rows_without_previous_or_doc_id_is_noted_once(tmp_path, capsys):
    from diplo_ml.predict_inputs import read_units, reads_previous
    from diplo_ml.tasks import get_task

    bare = tmp_path / "bare.jsonl"
    bare.write_text('{"text": "A."}\n{"text": "B."}\n')
    placed = tmp_path / "placed.jsonl"
    placed.write_text('{"text": "A.", "doc_id": "d"}\n{"text": "B.", "previous": "A."}\n')
    task = get_task("pillars")
    assert len(list(read_units([str(placed)], task, previous=True))) == 2
    assert "note" not in capsys.readouterr().err
    assert len(list(read_units([str(bare), str(bare)], task, previous=True))) == 4
    err = capsys.readouterr().err
    assert err.count("note:") == 1 and f"{bare}:1 has no 'previous' field and no 'doc_id'" in err
    list(read_units([str(bare)], task))  # a model that does not read it: nothing to say
    assert capsys.readouterr().err == ""
    assert reads_previous({"model": {"context": "previous"}})
    assert reads_previous({"model": {"member": {"context": "previous"}}})
    assert not reads_previous({"model": {"context": "headline"}}) and not reads_previous({"model": {}})


def test_a_previous_field_that_is_not_text_is_an_error_naming_the_line():
    from diplo_ml.data.schema import check_pillar_record
    from diplo_ml.errors import DataError

    for name in ("previous", "context"):
        with pytest.raises(DataError, match=rf"f.jsonl:3: field '{name}' must be text or null, got list"):
            check_pillar_record({"id": "1", "doc_id": "d", "text": "T.", "labels": [], name: ["x"]}, "f.jsonl", 3,
                                labels=["economic"])


def test_sources_mixed_in_one_table_keep_their_previous_paragraphs():
    from diplo_ml.data.loader import _common_fields

    rows = _common_fields([{"id": "1", "doc_id": "a", "text": "A2", "previous": "A1", "extra": 1},
                           {"id": "2", "doc_id": "b", "text": "B1"}])
    assert rows == [{"id": "1", "doc_id": "a", "text": "A2", "previous": "A1"},
                    {"id": "2", "doc_id": "b", "text": "B1", "previous": None}]


def test_pillar_examples_carry_headline_and_previous_context():
    task = PillarsTask({})
    rows = [{"id": "1", "doc_id": "d", "text": "First.", "labels": [], "headline": "H"},
            {"id": "2", "doc_id": "d", "text": "Second.", "labels": ["economic"], "headline": "H"}]
    ex = task.examples(rows, {})
    assert ex.context == {"headline": ["H", "H"], "previous": [None, "First."]}
    assert ex.select([1]).context == {"headline": ["H"], "previous": ["First."]}


def test_article_units_give_headline_and_previous_paragraph():
    from diplo_ml.data.ingest import ingest_text

    article = ingest_text("Big headline about trade\n\nFirst paragraph says a lot about exports.\n\n"
                          "Second paragraph continues the same thought at length.", "d", "x.txt")
    units = PillarsTask({}).article_units(article)
    assert units[1]["context"]["previous"] == units[0]["text"]
    assert units[0]["context"]["previous"] is None


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    from diplo_ml.models import weights

    return AutoTokenizer.from_pretrained(str(weights.resolve("minilm")))


def test_context_is_a_second_segment_cut_first(tokenizer):
    rows = tokenize_rows(tokenizer, ["short paragraph"], 12, ["a very long headline " * 10])
    ids = rows[0]["input_ids"]
    assert len(ids) == 12 and tokenizer.decode(ids).startswith("[CLS] short paragraph [SEP]")
    alone = tokenize_rows(tokenizer, ["short paragraph"], 12, [None])[0]["input_ids"]
    assert tokenizer.decode(alone) == "[CLS] short paragraph [SEP] [SEP]"  # always a pair when the model reads one


def test_a_context_model_reads_the_context_it_was_configured_with():
    model = build_model(FineTunedTagger, {"context": "previous", "max_length": 32},
                        labels=("economic", "cultural", "multilateral", "citizen_protection"))
    texts = ["It rose again this year."]
    with_context = model.scores(texts, {"previous": ["Exports of coffee to Europe."], "headline": ["Trade"]})
    other = model.scores(texts, {"previous": ["Citizens were flown home."]})
    alone = model.scores(texts, None)
    assert not np.allclose(with_context, other) and not np.allclose(with_context, alone)
    assert model._pairs({"headline": ["x"]}) == []  # a missing kind reads as no context


def test_noise_kinds():
    rng = random.Random(0)
    assert strip_diacritics("Bùi Thanh Sơn in Hà Nội, Đà Nẵng") == "Bui Thanh Son in Ha Noi, Da Nang"
    assert diacritics("Pham Minh Chinh met Transport officials in Hanoi.", random.Random(1)) in (
        "Phạm Minh Chính met Transport officials in Hà Nội.",)
    assert diacritics("Hà Nội", rng) == "Ha Noi"
    assert dateline("Text.", rng).endswith("Text.") and dateline("Text.", rng) != "Text."
    assert casing("Some Text, more", random.Random(3)) != "Some Text, more"
    text = "Economic diplomacy will continue to be implemented effectively across the sector this year."
    assert sum(typos(text, random.Random(s)) != text for s in range(20)) >= 10
    assert all(noisy(text, random.Random(s)) != text for s in range(20))


def test_augment_adds_seeded_noisy_copies_with_their_labels():
    ex = Examples(["Trade rose in Hanoi.", "Citizens were flown home."], np.array([[1, 0], [0, 1]], dtype=np.float32),
                  [{"id": "a"}, {"id": "b"}], {"headline": ["H1", "H2"], "previous": [None, "p"]})
    more = augment_examples(ex, 1.0, seed=3)
    assert len(more) == 4 and more.inputs[:2] == ex.inputs and more.inputs[2:] != ex.inputs
    assert [r["id"] for r in more.records[2:]] == [r["id"] for r in more.records[2:]]
    for i in (2, 3):
        j = ex.inputs.index(next(t for t in ex.inputs if more.records[i]["id"] == ex.records[ex.inputs.index(t)]["id"]))
        assert (more.targets[i] == ex.targets[j]).all() and more.context["headline"][i] == ex.context["headline"][j]
    assert augment_examples(ex, 1.0, seed=3).inputs == more.inputs  # seeded
    assert augment_examples(ex, 0.0, seed=3) is ex


def test_a_long_paragraph_with_context_is_cut_not_refused(tokenizer):
    rows = tokenize_rows(tokenizer, ["word " * 300], 48, ["A short headline"])
    ids = rows[0]["input_ids"]
    assert len(ids) == 48 and "a short headline" in tokenizer.decode(ids)
