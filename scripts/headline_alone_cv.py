"""Would the headline alone, as a third choice beside the first statement and headline + first statement, pay?
Cross-validated on train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/headline_alone_cv.py [--folds 5] [--repeats 3]

For every article with a usable headline (not a question, caption or link), the headline chooser's features of
(first statement, headline) feed two sets of boosted trees (the preset's settings): one learns the ROUGE-L change of
putting the headline first, the other that of giving the headline alone. The two-way rule is today's chooser; the
three-way rule takes whichever predicted change is larger, when positive. Each article is scored by trees that never
saw it (K-fold by article, repeated); printed per source, with the best of the three picked with the reference.
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import KFold
from summary_dev_articles import cv_arguments, first_statements

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.summarise.boosted import BoostedTrees
from diplo_ml.models.summarise.headline import features, repeats, usable, with_headline

SOURCES = ("govuk", "embedded", "hard")
TREES = {"trees": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40}


def main() -> None:
    args = cv_arguments(__doc__)
    rows = [(first, headline, reference, source) for first, reference, source, headline in first_statements(SOURCES)
            if usable(headline)]
    first, heads, refs, sources = (list(column) for column in zip(*rows))
    plain = per_example(first, refs)[:, 2]
    both = per_example([with_headline(s, h) for s, h in zip(first, heads)], refs)[:, 2]
    alone = per_example(heads, refs)[:, 2]
    x = np.stack([features(s, h) for s, h in zip(first, heads)])
    allowed = np.array([not repeats(s, h) for s, h in zip(first, heads)])
    two, three = np.zeros((args.repeats, len(rows))), np.zeros((args.repeats, len(rows)))
    for r in range(args.repeats):
        for fit, held in KFold(args.folds, shuffle=True, random_state=r).split(x):
            gain_both = BoostedTrees.fit(x[fit], (both - plain)[fit], seed=r, **TREES).predict(x[held])
            gain_alone = BoostedTrees.fit(x[fit], (alone - plain)[fit], seed=r, **TREES).predict(x[held])
            ok = allowed[held]
            two[r, held] = np.where(ok & (gain_both > 0), both[held], plain[held])
            pick_alone = gain_alone > gain_both
            three[r, held] = np.where(ok & (np.maximum(gain_both, gain_alone) > 0),
                                      np.where(pick_alone, alone[held], both[held]), plain[held])
    best = np.maximum(plain, np.maximum(both, alone))
    where = np.array(sources)
    print("| source | articles | first statement | headline alone | two-way (today) | three-way | best of three |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for source in SOURCES:
        m = where == source
        print(f"| {source} | {m.sum()} | {plain[m].mean():.3f} | {alone[m].mean():.3f} | {two[:, m].mean():.3f} | "
              f"{three[:, m].mean():.3f} | {best[m].mean():.3f} |")


if __name__ == "__main__":
    main()
