"""Class-balanced sampling (trainer.label_sampling=balanced): weights, sampler and a smoke run."""

from __future__ import annotations

import numpy as np
import pytest

from diplo_ml.config import compose_config
from diplo_ml.errors import DiploError
from diplo_ml.models.sampling import BalancedLengthSampler, ResumableLengthSampler, balanced_weights
from diplo_ml.train import run

# 8 economic-only rows, 1 cultural, 1 with no label
Y = np.array([[1, 0]] * 8 + [[0, 1], [0, 0]])


def test_rare_rows_weigh_as_much_as_a_whole_common_label():
    w = balanced_weights(Y)
    assert w.sum() == pytest.approx(1.0)
    assert w[8] == pytest.approx(w[:8].sum())  # the single cultural row vs all eight economic ones
    assert w[9] == pytest.approx(w[8])


def test_a_multilabel_row_takes_its_rarest_label():
    y = np.array([[1, 0], [1, 0], [1, 0], [1, 1]])
    w = balanced_weights(y)  # cultural appears once, economic four times
    assert w[3] / w[0] == pytest.approx(4.0)


def test_sampler_draws_balanced_fresh_epochs_in_length_order():
    lengths = list(range(10, 20))
    sampler = BalancedLengthSampler(balanced_weights(Y), lengths, batch_size=2, seed=0)
    epochs = [list(sampler) for _ in range(200)]
    assert all(len(e) == len(Y) for e in epochs)
    assert all(e == sorted(e, key=lambda i: -lengths[i]) for e in epochs)  # one stretch: longest first
    drawn = np.concatenate(epochs)
    share_rare = np.isin(drawn, [8, 9]).mean()
    assert 0.6 < share_rare < 0.73  # 2/3 expected, against 1/5 without balancing
    assert epochs[0] != epochs[1]
    again = BalancedLengthSampler(balanced_weights(Y), lengths, batch_size=2, seed=0)
    assert list(again) == epochs[0]  # seeded


def test_a_resumed_sampler_goes_on_with_the_epochs_of_the_run_it_resumes(caplog):
    import torch

    lengths = list(range(10, 30))
    weights = balanced_weights(np.array([[1, 0]] * 15 + [[0, 1]] * 5))
    straight = BalancedLengthSampler(weights, lengths, batch_size=2, seed=0)
    epochs = [list(straight) for _ in range(3)]
    mid = BalancedLengthSampler(weights, lengths, 2, 0, resumed=(1, epochs[1]))  # saved in the middle of epoch 1
    assert [list(mid), list(mid)] == epochs[1:]
    after = BalancedLengthSampler(weights, lengths, 2, 0, resumed=(0, None))  # saved as epoch 0 ended
    assert [list(after), list(after)] == epochs[1:]
    torch.manual_seed(0)
    grouped = ResumableLengthSampler(lengths, batch_size=4)
    first, second = list(grouped), list(grouped)
    assert sorted(first) == list(range(20)) and first != second  # each epoch a fresh length-grouped permutation
    resumed = ResumableLengthSampler(lengths, 4, resumed=(1, second))
    assert list(resumed) == second and resumed.epoch == 1  # the global generator has moved on: the order is kept
    assert list(resumed) != second and resumed.epoch == 2
    stale = ResumableLengthSampler(lengths, 4, resumed=(1, second[:5]))  # an order of another dataset is ignored
    assert sorted(list(stale)) == list(range(20)) and stale.epoch == 1
    assert "row order has 5 rows, the training split 20: the interrupted epoch is drawn afresh" in caplog.text
    assert list(BalancedLengthSampler(weights, lengths, 2, 0, resumed=(1, [0]))) == epochs[1]  # its epoch kept


def test_a_saved_order_that_cannot_be_the_epochs_is_drawn_afresh(caplog):
    """An order of the right length but not an order of the rows (every index 0) trained on one row (review s31
    F07): a permutation must hold each row once; a balanced epoch must be the seeded draw."""
    lengths = list(range(10, 30))
    weights = balanced_weights(np.array([[1, 0]] * 15 + [[0, 1]] * 5))
    grouped = ResumableLengthSampler(lengths, 4, resumed=(1, [0] * 20))
    assert sorted(grouped) == list(range(20))
    assert "row order is not an order of the rows: the interrupted epoch is drawn afresh" in caplog.text
    epochs = [list(BalancedLengthSampler(weights, lengths, 2, 0, resumed=(e, None))) for e in (-1, 0)]
    balanced = BalancedLengthSampler(weights, lengths, 2, 0, resumed=(1, [0] * 20))
    assert list(balanced) == epochs[1] != [0] * 20
    assert "is not this run's seeded draw of that epoch" in caplog.text


@pytest.mark.slow
def test_smoke_run_with_balanced_sampling(tmp_path):
    cfg = compose_config(["experiment=pillars_minilm", "debug=smoke", "trainer.label_sampling=balanced"])
    metrics = run(cfg, tmp_path / "run")
    assert 0.0 <= metrics["test"]["macro_f1"] <= 1.0
    card = (tmp_path / "run" / "checkpoint" / "README.md").read_text()
    assert "class-balanced sampling" in card


def test_unknown_label_sampling_is_refused(tmp_path):
    cfg = compose_config(["experiment=pillars_minilm", "debug=smoke", "trainer.label_sampling=oversample"])
    with pytest.raises(DiploError, match=r"trainer.label_sampling: input should be 'none' or 'balanced' \(got 'ov"):
        run(cfg, tmp_path / "run")
    assert not (tmp_path / "run").exists()  # refused before anything is written
