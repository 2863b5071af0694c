"""The seed ensemble (model `minilm_seeds3`): options, averaging, saving and loading, precision, reproducibility."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from diplo_ml.errors import DiploError
from diplo_ml.models.tagging.ensemble import SeedEnsemble

from .conftest import PILLAR_ROWS, build_model, fit_context, scratch

LABELS = ("economic", "cultural", "multilateral", "citizen_protection")
TFIDF = {"_target_": "diplo_ml.models.tagging.tfidf.TfidfTagger", "name": "tfidf", "min_df": 1}


@pytest.mark.parametrize(("options", "message"), [
    ({"seeds": [1, 1], "member": TFIDF}, "seeds must be distinct"),
    ({"seeds": [1], "member": TFIDF}, "seeds"),
    ({"seeds": [1, 2], "member": {"_target_": "diplo_ml.models.summarise.lead.LeadSummariser", "name": "lead"}},
     "cannot serve this task"),
    ({"seeds": [1, 2], "member": {**TFIDF, "C": -1}}, "C"),
    ({"seeds": [1, 2], "member": {"_target_": "diplo_ml.models.tagging.ensemble.SeedEnsemble", "name": "x",
                                  "seeds": [1, 2], "member": TFIDF}}, "cannot itself be an ensemble"),
])
def test_bad_ensemble_options_are_one_line_errors(options, message):
    with pytest.raises(DiploError) as err:
        build_model(SeedEnsemble, options, LABELS)
    assert message in str(err.value) and "\n" not in str(err.value).strip()


def _examples():
    from diplo_ml.tasks.pillars import PillarsTask

    rows = [{"id": str(i), "doc_id": doc, "text": text, "labels": labels}
            for i, (doc, text, labels) in enumerate(PILLAR_ROWS * 2)]
    return PillarsTask({}).examples(rows, {})


def test_scores_are_the_mean_of_the_members_and_survive_save_and_load(tmp_path: Path):
    from diplo_ml.checkpoint import verify_files

    examples = _examples()
    ensemble = build_model(SeedEnsemble, {"seeds": [3, 4], "member": {**TFIDF, "C": 1.0}}, LABELS)
    ensemble.fit(examples, examples, fit_context(tmp_path / "trainer"))
    texts = ["Vietnam and Japan signed a trade deal.", "A film festival opened in Hanoi."]
    expected = np.mean([member.scores(texts) for member in ensemble.members], axis=0)
    assert np.allclose(ensemble.scores(texts), expected)
    folder = tmp_path / "checkpoint"
    ensemble.save(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["member_0", "member_1"]
    loaded = SeedEnsemble(ensemble.options, ensemble.spec, folder=folder)
    assert np.allclose(loaded.scores(texts), expected, atol=1e-6)
    assert ensemble.training["members"][1]["seed"] == 4
    (folder / "member_1" / "model.pkl").write_bytes(b"not really")
    with pytest.raises(DiploError, match="member_1/model.pkl"):
        verify_files(folder)


def test_a_non_neural_ensemble_has_no_faster_precision(tmp_path: Path):
    from diplo_ml.precision import apply_precision
    from diplo_ml.tasks.pillars import Tagger

    examples = _examples()
    ensemble = build_model(SeedEnsemble, {"seeds": [1, 2], "member": TFIDF}, LABELS)
    ensemble.fit(examples, examples, fit_context(tmp_path))
    with pytest.raises(DiploError, match="no torch layers"):
        apply_precision(Tagger(ensemble, LABELS, dict.fromkeys(LABELS, 0.5)), "bf16")


@pytest.fixture(scope="module")
def ensemble_run(tmp_path_factory, smoke_runs) -> Iterator[Path]:
    """`minilm_seeds3` with the smoke runs' settings and data (its first member has their seed, 42)."""
    from diplo_ml.config import compose_config
    from diplo_ml.train import run

    data = smoke_runs["minilm"].parent.parent / "data"
    cfg = compose_config(["model=minilm_seeds3", "debug=smoke", "data=pillars_folder", f"data.dir={data}",
                          "trainer.max_steps=4", "trainer.eval_steps=2"])
    with scratch(tmp_path_factory, "ensemble") as base:
        run(cfg, base / "run")
        yield base / "run"


@pytest.mark.slow
def test_a_member_is_the_single_run_with_its_seed_and_bf16_changes_every_member(ensemble_run, smoke_runs):
    import torch

    from diplo_ml.checkpoint import load

    texts = ["Vietnam and the EU agreed to expand trade.", "Consular staff helped citizens stranded abroad."]
    single = load(smoke_runs["minilm"])
    tagger = load(ensemble_run)
    members = tagger.model.members
    assert len(members) == 3
    assert np.allclose(members[0].scores(texts), single.scores(texts), atol=1e-5)  # seed 42, same training
    assert not np.allclose(members[1].scores(texts), members[0].scores(texts), atol=1e-4)
    assert np.allclose(tagger.scores(texts), np.mean([m.scores(texts) for m in members], axis=0), atol=1e-6)
    fast = load(ensemble_run, precision="bf16")
    assert all(next(m.model.bert.parameters()).dtype == torch.bfloat16 for m in fast.model.members)
    assert np.abs(fast.scores(texts) - tagger.scores(texts)).max() < 0.05


def test_a_seed_ensemble_records_that_its_members_train_with_the_trainer():
    """The manifest said uses_trainer false for a MiniLM seed ensemble, so compare blanked its lr and epochs."""
    from diplo_ml.config import compose_config
    from diplo_ml.harness import plan

    for overrides, expected in ((["experiment=pillars_all_minilm_seeds3"], True), (["model=tfidf"], False)):
        p = plan(compose_config(overrides))
        assert p.model_class.trains_with_trainer(p.model_options) is expected
