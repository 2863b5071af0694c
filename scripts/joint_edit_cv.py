"""Would choosing the cut and the headline together pay, rather than cutting first and placing the headline after?
Cross-validated on train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/joint_edit_cv.py [--folds 5] [--repeats 3]

Today `lead_trim` fits its clause trimmer and its headline chooser separately on the uncut first statements, then cuts
and places the headline one after the other. Here, for each article's first statement, every cut (and the whole
sentence) with and without the headline is a candidate; three rules are compared, each scored on articles its trees
never saw (K-fold by article, repeated):
- sequential (today): the trimmer's cut, then the chooser on the cut sentence (chooser trained on uncut ones);
- sequential, chooser refit: the same, the chooser trained on the trimmer's cuts of the training articles;
- joint: one set of trees predicts each candidate's ROUGE-L change over the whole sentence alone, from the cut's
  features, the chooser's features of (cut, headline) and whether the headline is used; the best is taken when
  positive.
Printed per source, with the best candidate picked with the reference.
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import KFold
from summary_dev_articles import cv_arguments, first_statements

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.summarise import headline as head
from diplo_ml.models.summarise import trim
from diplo_ml.models.summarise.boosted import BoostedTrees

SOURCES = ("govuk", "embedded", "hard")
TREES = {"trees": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40}


def article_candidates(first: str, headline: str, reference: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Joint features, ROUGE-L and text of every (cut, headline on/off) candidate; row 0 is the whole sentence."""
    texts, rows = [], []
    ok = head.usable(headline)
    for kept, cut_features in trim.cuts(first, headline):
        texts.append(kept)
        rows.append(np.concatenate([cut_features, np.zeros(head.FEATURES), [0.0]]))
        if ok and not head.repeats(kept, headline):
            texts.append(head.with_headline(kept, headline))
            rows.append(np.concatenate([cut_features, head.features(kept, headline), [1.0]]))
    scores = per_example(texts, [reference] * len(texts))[:, 2]
    return np.stack(rows), scores, texts


def main() -> None:
    args = cv_arguments(__doc__)
    rows = [(first, headline, reference, source, *article_candidates(first, headline, reference))
            for first, reference, source, headline in first_statements(SOURCES)]
    n = len(rows)
    sources = np.array([r[3] for r in rows])
    plain = np.array([r[5][0] for r in rows])
    best = np.array([r[5].max() for r in rows])
    results = {name: np.zeros((args.repeats, n)) for name in ("sequential", "sequential, chooser refit", "joint")}
    for rep in range(args.repeats):
        for fit, held in KFold(args.folds, shuffle=True, random_state=rep).split(np.arange(n)):
            firsts = [rows[i][0] for i in fit]
            heads = [rows[i][1] for i in fit]
            refs = [rows[i][2] for i in fit]
            trimmer = trim.ClauseTrimmer.fit(firsts, heads, refs, min_words=8, seed=rep, **TREES)
            chooser = head.HeadlineChooser.fit(firsts, heads, refs, seed=rep, **TREES)
            cut_train = [trimmer.trim(s, h) for s, h in zip(firsts, heads)]
            refit = head.HeadlineChooser.fit(cut_train, heads, refs, seed=rep, **TREES)
            x = np.concatenate([rows[i][4] for i in fit])
            y = np.concatenate([rows[i][5] - rows[i][5][0] for i in fit])
            joint = BoostedTrees.fit(x, y, seed=rep, **TREES)
            for i in held:
                first, headline, reference = rows[i][:3]
                cut = trimmer.trim(first, headline)
                texts = [chooser.place(cut, headline), refit.place(cut, headline)]
                gains = joint.predict(rows[i][4])
                gains -= gains[0]
                texts.append(rows[i][6][int(np.argmax(gains))] if gains.max() > 0 else first)
                scores = per_example(texts, [reference] * 3)[:, 2]
                for name, score in zip(results, scores):
                    results[name][rep, i] = score
    print("| source | articles | first statement | " + " | ".join(results) + " | best candidate |")
    print("| --- | ---: | ---: |" + " ---: |" * (len(results) + 1))
    for source in SOURCES:
        m = sources == source
        print(f"| {source} | {m.sum()} | {plain[m].mean():.3f} | "
              + " | ".join(f"{v[:, m].mean():.3f}" for v in results.values()) + f" | {best[m].mean():.3f} |")


if __name__ == "__main__":
    main()
