"""The local rouge module against values computed by hand, and its bootstrap intervals."""

from __future__ import annotations

import pytest

from diplo_ml.metrics import load_metric


@pytest.fixture(scope="module")
def rouge():
    return load_metric("rouge")


def test_rouge_by_hand(rouge):
    # prediction "the cat sat" vs reference "the cat was here":
    # unigrams: overlap 2, P=2/3, R=2/4 -> F = 2*(2/3)(1/2)/(2/3+1/2) = 4/7
    # bigrams: "the cat" shared; P=1/2, R=1/3 -> F = 2/5 ; LCS "the cat" = 2 -> same as ROUGE-1
    out = rouge.compute(predictions=["the cat sat"], references=["the cat was here"], bootstrap=0)
    assert out["rouge1"] == pytest.approx(4 / 7)
    assert out["rouge2"] == pytest.approx(2 / 5)
    assert out["rougeL"] == pytest.approx(4 / 7)
    assert out["rougeLsum"] == pytest.approx(4 / 7)
    assert out["n"] == 1
    assert "rouge1_ci" not in out and "per_example" not in out


def test_stemming_and_mean_over_examples(rouge):
    out = rouge.compute(predictions=["Ministers agreed", "nothing shared"], references=["minister agrees", "x y"],
                        bootstrap=0, return_per_example=True)
    assert [row["rouge1"] for row in out["per_example"]] == [1.0, 0.0]  # stems match, case ignored
    assert out["rouge1"] == pytest.approx(0.5)


def test_rougelsum_uses_sentence_lines(rouge):
    # ROUGE-L on the flat text finds LCS "a b" (2 of 4); summary-level LCS matches each sentence: 4 of 4.
    out = rouge.compute(predictions=["Cats dance. Ants bite."], references=["Ants bite. Cats dance."], bootstrap=0)
    assert out["rougeL"] == pytest.approx(0.5)
    assert out["rougeLsum"] == pytest.approx(1.0)


def test_bootstrap_intervals(rouge):
    preds = ["the cat sat", "a dog ran far", "birds fly high", "fish swim", "the sun rose"]
    refs = ["the cat sat down", "a dog ran", "planes fly", "fish swim deep", "the moon set"]
    first = rouge.compute(predictions=preds, references=refs, bootstrap=300, seed=1)
    again = rouge.compute(predictions=preds, references=refs, bootstrap=300, seed=1)
    for name in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        low, high = first[f"{name}_ci"]
        assert 0.0 <= low <= first[name] <= high <= 1.0
        assert low < high
        assert first[f"{name}_ci"] == again[f"{name}_ci"]
