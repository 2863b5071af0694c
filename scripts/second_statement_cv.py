"""Would a learned second statement beat Lead-1? Cross-validated on train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/second_statement_cv.py [--folds 5] [--repeats 3]

For each article of the multi-sentence sources (embedded, hard), every later statement is a candidate to follow
the first; boosted trees learn the ROUGE-L it adds from its position, TF-IDF similarity to the headline, the first
statement and the article's centroid, the words it adds, its length, capitals, digits and quotation marks. Each
article is scored by trees that never saw it (K-fold by article, repeated). Printed per source: Lead-1, Lead-2,
the learned pair and the best pair picked with the reference.
"""

from __future__ import annotations

import argparse
import re

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from summary_dev_articles import development_articles

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.summarise.selection import candidates

WORD = re.compile(r"\w+")
OPENER = re.compile(r"(He|She|It|They|This|These|The|But|However|Also)\b")


def statement_features(statements: list[str], headline: str) -> np.ndarray:
    """One row per later statement (index 1 ..)."""
    vectorizer = TfidfVectorizer(stop_words="english").fit(statements + [headline])
    s = vectorizer.transform(statements)
    to_head = (s @ vectorizer.transform([headline]).T).toarray().ravel()
    to_centre = np.asarray(s @ np.asarray(s.mean(axis=0)).T).ravel()
    to_lead = (s @ s[0].T).toarray().ravel()
    lead = {w.lower() for w in WORD.findall(statements[0])}
    n, rows = len(statements), []
    for j in range(1, n):
        words = WORD.findall(statements[j])
        m = max(len(words), 1)
        rows.append([j, j / n, n, to_head[j], to_centre[j], to_lead[j], len(words),
                     sum(w.lower() not in lead for w in words) / m, sum(w[0].isupper() for w in words) / m,
                     sum(w.isdigit() for w in words), int('"' in statements[j] or "\u201c" in statements[j]),
                     int(bool(OPENER.match(statements[j]))), to_head[j] - to_head[1:].max(),
                     to_centre[j] - to_centre[1:].max()])
    return np.array(rows, dtype=np.float64)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = []  # (source, features, gains over Lead-1, Lead-1, Lead-2)
    for text, ref, source, headline in development_articles(("embedded", "hard")):
        sentences, allowed = candidates(text)
        statements = [s for s, ok in zip(sentences, allowed) if ok]
        if len(statements) < 2:
            continue
        pairs = [statements[0]] + [f"{statements[0]} {s}" for s in statements[1:]]
        scores = per_example(pairs, [ref] * len(pairs))[:, 2]
        rows.append((source, statement_features(statements, headline), scores[1:] - scores[0], scores[0], scores[1]))
    learned = np.zeros(len(rows))
    for repeat in range(args.repeats):
        for fit_rows, score_rows in KFold(args.folds, shuffle=True, random_state=repeat).split(rows):
            trees = GradientBoostingRegressor(max_depth=2, n_estimators=300, learning_rate=0.03, subsample=0.8,
                                              random_state=0)
            trees.fit(np.vstack([rows[i][1] for i in fit_rows]), np.concatenate([rows[i][2] for i in fit_rows]))
            for i in score_rows:
                learned[i] += rows[i][3] + rows[i][2][int(np.argmax(trees.predict(rows[i][1])))]
    learned /= args.repeats
    print("| source | articles | Lead-1 | Lead-2 | learned pair (CV) | best pair (with the reference) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for source in ("embedded", "hard"):
        index = [i for i, row in enumerate(rows) if row[0] == source]
        lead1 = np.mean([rows[i][3] for i in index])
        lead2 = np.mean([rows[i][4] for i in index])
        best = np.mean([rows[i][3] + max(0.0, rows[i][2].max()) for i in index])
        print(f"| {source} | {len(index)} | {lead1:.3f} | {lead2:.3f} | {learned[index].mean():.3f} | {best:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
