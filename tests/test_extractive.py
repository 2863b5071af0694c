"""Oracle labels, sentence selection and the three extractive summarisers on tiny synthetic articles."""

from __future__ import annotations

import numpy as np
import pytest

from diplo_ml.models.summarise.lead import LeadSummariser
from diplo_ml.models.summarise.selection import oracle_labels, select_in_order
from diplo_ml.models.summarise.sentence_scorer import SentenceScorerSummariser
from diplo_ml.models.summarise.textrank import TextRankSummariser, pagerank
from diplo_ml.models.summarise.tuning import choose_per_source, dev_measure
from diplo_ml.summary_stats import length_stats, novel_ngram_ratio, summary_stats
from diplo_ml.tasks.summarise import SummariseTask
from diplo_ml.text import split_sentences

from .conftest import build_model, fit_context, summary_examples

ARTICLES = [
    "The minister opened a new bridge in Leeds on Monday. Traffic was light. The bridge cost ten million pounds. "
    "Local people welcomed the bridge.",
    "Exports of rice to Europe rose sharply this year. Farmers were pleased. Prices of rice also rose. "
    "The trade deal cut tariffs on rice.",
    "A festival of food opened in Tokyo. Visitors tried noodles and spring rolls. The festival lasts a week. "
    "Organisers expect many visitors.",
    "The embassy helped stranded citizens fly home. Flights left from Bangkok. Officials met the families. "
    "More flights are planned next month.",
]
SUMMARIES = [
    "Minister opens new bridge in Leeds.",
    "Rice exports to Europe rose sharply.",
    "Food festival opens in Tokyo.",
    "Embassy helps stranded citizens fly home.",
]


def test_oracle_picks_the_obvious_sentence():
    sentences = ["The weather was mild.", "The minister opened a new bridge in Leeds.", "Traffic was light."]
    assert oracle_labels(sentences, "Minister opens new bridge in Leeds.") == [0, 1, 0]


def test_oracle_stops_at_max_and_without_overlap():
    sentences = ["Alpha beta.", "Gamma delta.", "Epsilon zeta."]
    assert sum(oracle_labels(sentences, "alpha beta gamma delta epsilon zeta", max_sentences=2)) == 2
    assert oracle_labels(sentences, "nothing in common") == [0, 0, 0]


def test_choose_per_source_takes_each_sources_best_and_the_earlier_on_a_tie():
    references = ["the minister met the ambassador", "trade rose ten percent", "the talks ended"]
    short = ["the minister met", "trade rose ten percent", "the talks ended"]
    long = ["the minister met the ambassador", "trade rose", "the talks ended"]
    default, by_source, means = choose_per_source([short, long], references, ["a", "b", None])
    assert by_source == {"a": 1, "b": 0}  # each source its own best; a source-less example only counts overall
    assert means.shape == (2,) and default == int(np.argmax(means))
    same, by_source, _ = choose_per_source([short, list(short)], references, ["a", "a", "a"])
    assert same == 0 and by_source == {"a": 0}  # equal scores keep the first (preferred) setting
    _, by_source, _ = choose_per_source([["the minister"], ["the talks"]], ["the talks"], ["x"], ("rouge1", "rouge2"))
    assert by_source == {"x": 1}


def test_a_dev_gain_within_its_noise_keeps_the_preferred_setting():
    references = ["the minister met the ambassador in hanoi"] * 4
    plain = ["the minister met the ambassador", "the minister met", "the minister", "the minister met the ambassador"]
    # one article much better, another worse: a gain on average, but smaller than its standard error
    noisy = ["the minister met the ambassador in hanoi", "the minister", "the minister",
             "the minister met the ambassador"]
    chosen, by_source, means = choose_per_source([plain, noisy], references, ["a"] * 4)
    assert means[1] > means[0] and chosen == 0 and by_source == {"a": 0}
    # the same gain on every article is no noise: the better setting is taken
    steady = ["the minister met the ambassador in", "the minister met the", "the minister met",
              "the minister met the ambassador in"]
    chosen, by_source, _ = choose_per_source([plain, steady], references, ["a"] * 4)
    assert chosen == 1 and by_source == {"a": 1}


def test_summarisers_choose_on_dev_by_the_tasks_selection_metric():
    from diplo_ml.models.base import TaskSpec
    from diplo_ml.tasks import get_task

    assert get_task("summarise").spec.selection_metric == "rougeL"  # what the presets are compared on
    assert dev_measure(get_task("summarise").spec) == ("rougeL",)
    assert dev_measure(TaskSpec("x", selection_metric="rouge2")) == ("rouge2",)
    assert dev_measure(TaskSpec("x")) == dev_measure(TaskSpec("x", selection_metric="macro_f1")) == ("rougeL",)


def test_select_in_order_respects_budget_and_order():
    sentences = ["one two three", "four five", "six seven eight nine", "ten"]
    scores = [0.1, 0.9, 0.8, 0.7]
    assert select_in_order(sentences, scores, budget_words=7, max_sentences=3) == "four five six seven eight nine ten"
    assert select_in_order(sentences, scores, budget_words=3, max_sentences=3) == "four five ten"
    assert select_in_order(sentences, scores, budget_words=None, max_sentences=2) == "four five six seven eight nine"
    # the best sentence alone is over budget and nothing else fits: it is cut to the budget
    assert select_in_order(["a b c d e"], [1.0], budget_words=2, max_sentences=1) == "a b…"  # cut, and says so
    assert select_in_order(["a", "b"], [-np.inf, -np.inf], 5, 1) == ""
    assert select_in_order([], [], 5, 1) == ""


def test_lead_k():
    text = "First sentence here. Second one follows. Third closes it."
    assert build_model(LeadSummariser, {"k": 2, "budget_words": None}).summarise([text]) == [
        "First sentence here. Second one follows."]
    assert build_model(LeadSummariser, {"k": 3, "budget_words": 6}).summarise([text, ""]) == [
        "First sentence here. Second one follows.", ""]


def test_pagerank_favours_the_hub():
    weights = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)
    rank = pagerank(weights)
    assert rank.sum() == pytest.approx(1.0)
    assert rank.argmax() == 0


def test_textrank_returns_sentences_from_the_text(tmp_path):
    model = build_model(TextRankSummariser, {"budget_words": 30, "max_sentences": 2})
    model.fit(summary_examples(ARTICLES, SUMMARIES), summary_examples([], []), fit_context(tmp_path))
    summaries = model.summarise(ARTICLES)
    for text, summary in zip(ARTICLES, summaries):
        chosen = split_sentences(summary)
        assert 1 <= len(chosen) <= 2
        assert all(s in split_sentences(text) for s in chosen)
    model.save(tmp_path / "model")
    assert not [p for p in (tmp_path / "model").iterdir() if p.suffix in (".joblib", ".pkl")]  # no pickle
    assert TextRankSummariser.load(tmp_path / "model", model.options, model.spec).summarise(ARTICLES) == summaries
    assert build_model(TextRankSummariser, {}).summarise(["Only one sentence."]) == ["Only one sentence."]


def test_summary_stats():
    assert novel_ngram_ratio(["a b c", "x"], ["a b d", "x y"], 1) == pytest.approx((1 / 3 + 0) / 2)
    assert novel_ngram_ratio(["a b c"], ["a b d"], 2) == pytest.approx(1 / 2)
    lengths = length_stats(["One two. Three.", "Four five six"])
    assert lengths["words_mean"] == 3 and lengths["sentences_max"] == 2 and lengths["words_min"] == 3
    stats = summary_stats(["a b"], ["a b c d"], ["a z"])
    assert stats["pred_len_mean"] == 2 and stats["ref_len_mean"] == 2
    assert stats["novel_unigram_ratio"] == 0 and stats["ref_novel_unigram_ratio"] == 0.5
    assert stats["compression"] == 2


@pytest.mark.slow
def test_sentence_scorer_fit_save_load(tmp_path):
    cfg = {"pretrained": "minilm", "max_length": 48, "budget_words": 30, "max_sentences": 1,
           "max_article_sentences": 3, "eval_batch_size": 8}
    model = build_model(SentenceScorerSummariser, cfg)
    context = fit_context(tmp_path / "ckpt", 0, SummariseTask({}).quick_score, max_steps=2, train_batch_size=4,
                          eval_strategy="steps", eval_steps=2, logging_steps=1, disable_tqdm=True, learning_rate=1e-4)
    model.fit(summary_examples(ARTICLES, SUMMARIES), summary_examples(ARTICLES[:2], SUMMARIES[:2]), context)
    assert model.training["global_step"] == 2
    assert any("eval_rouge_mean" in row for row in model.training["log_history"])
    summaries = model.summarise(ARTICLES)
    for text, summary in zip(ARTICLES, summaries):
        assert summary in split_sentences(text)[:3]  # one sentence among those scored
    model.save(tmp_path / "model")
    loaded = SentenceScorerSummariser.load(tmp_path / "model", model.options, model.spec)
    assert loaded.summarise(ARTICLES) == summaries
    (_, before), (_, after) = model.sentence_scores(ARTICLES[:1])[0], loaded.sentence_scores(ARTICLES[:1])[0]
    np.testing.assert_allclose(before[:3], after[:3], atol=1e-5)
    assert np.isneginf(after[3:]).all()
    definition = ("Anh em is what two brothers call each other in Vietnamese.\n\nThe Hanoi Puppet Theatre and the Lao "
                  "National Troupe signed a contract in Vientiane on Monday to tour a joint water puppet show.")
    headline = ["Lao and Vietnamese puppet troupes to tour joint water puppet show"]
    assert np.isfinite(loaded.sentence_scores([definition])[0][1][0])
    assert np.isneginf(loaded.sentence_scores([definition], headline)[0][1][0])  # the untold opening: no candidate
    assert loaded.summarise([definition], {"headline": headline})[0].startswith("The Hanoi Puppet Theatre")
