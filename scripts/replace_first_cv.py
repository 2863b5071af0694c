"""Would a learned choice of a later statement *instead of* the first pay? Cross-validated on train + dev only
(never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/replace_first_cv.py [--folds 5] [--repeats 3]

The best one of the first six statements scores far above the first on GOV.UK; this asks whether that headroom can
be learned. For each article, boosted trees (the headline chooser's settings) learn the ROUGE-L change of giving
each of statements 2-6 in place of the first from its position, TF-IDF similarity to the headline, the article's
centroid and the first statement (also relative to the first's and the best of the six), length, capitals, digits,
a leading quotation mark or opener, announcement words and a verb, beside the same of the first statement. The
later statement with the largest predicted change replaces the first when that change exceeds a threshold. Each
article is scored by trees that never saw it (K-fold by article, repeated); printed per source with the share of
articles switched.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from summary_dev_articles import cv_arguments, development_articles

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.summarise.boosted import BoostedTrees
from diplo_ml.models.summarise.selection import candidates
from diplo_ml.models.summarise.trim import has_verb

SOURCES = ("govuk", "embedded", "hard")
FIRST_SIX = 6
THRESHOLDS = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08)
TREES = {"trees": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40}
WORD = re.compile(r"\w+")
OPENER = re.compile(r"(He|She|It|They|This|These|The|But|However|Also|In|On|At|As|When|While|After)\b")
ACTION = re.compile(r"\b(announce[sd]?|welcome[sd]?|will|has|have|today|signed|agreed|launch(?:ed|es)?|"
                    r"call(?:ed|s)? (?:on|for)|condemn(?:ed|s)?|met|held)\b", re.IGNORECASE)


def own_features(statement: str) -> list[float]:
    """What one statement shows by itself."""
    words = WORD.findall(statement)
    share = max(len(words), 1)
    return [len(words), sum(w[0].isupper() for w in words) / share, sum(w.isdigit() for w in words),
            statement.lstrip()[:1] in "\"“‘'", bool(OPENER.match(statement)), len(ACTION.findall(statement)),
            has_verb(statement)]


def statement_features(statements: list[str], headline: str) -> np.ndarray:
    """One row per statement among the first six (the first included, as its own baseline)."""
    vectorizer = TfidfVectorizer(stop_words="english").fit([*statements, headline or "-"])
    s = vectorizer.transform(statements)
    head = (s @ vectorizer.transform([headline or "-"]).T).toarray().ravel()
    centre = np.asarray(s @ np.asarray(s.mean(axis=0)).T).ravel()
    to_first = (s @ s[0].T).toarray().ravel()
    k = min(len(statements), FIRST_SIX)
    first = own_features(statements[0])
    return np.array([[j, len(statements), head[j], centre[j], to_first[j], head[j] - head[:k].max(),
                      centre[j] - centre[:k].max(), head[j] - head[0], centre[j] - centre[0], bool(headline),
                      *own_features(statements[j]), *first] for j in range(k)], dtype=np.float64)


def main() -> None:
    args = cv_arguments(__doc__)
    articles = []  # (source, features, ROUGE-L of each of the first six statements)
    for text, reference, source, headline in development_articles(SOURCES):
        sentences, allowed = candidates(text)
        statements = [s for s, ok in zip(sentences, allowed) if ok]
        if statements:
            six = statements[:FIRST_SIX]
            articles.append((source, statement_features(statements, headline),
                             per_example(six, [reference] * len(six))[:, 2]))
    scored = {t: np.zeros(len(articles)) for t in THRESHOLDS}
    switched = {t: np.zeros(len(articles)) for t in THRESHOLDS}
    for r in range(args.repeats):
        for fit, held in KFold(args.folds, shuffle=True, random_state=r).split(articles):
            x = np.vstack([articles[i][1] for i in fit])
            y = np.concatenate([articles[i][2] - articles[i][2][0] for i in fit])
            trees = BoostedTrees.fit(x, y, seed=r, **TREES)
            for i in held:
                gain = trees.predict(articles[i][1])
                gain[0] = 0.0
                j = int(np.argmax(gain))
                for t in THRESHOLDS:
                    pick = j if gain[j] > t else 0
                    scored[t][i] += articles[i][2][pick] / args.repeats
                    switched[t][i] += (pick != 0) / args.repeats
    where = np.array([a[0] for a in articles])
    first = np.array([a[2][0] for a in articles])
    best = np.array([a[2].max() for a in articles])
    print("| source | articles | first statement | " + " | ".join(f"learned, > {t}" for t in THRESHOLDS)
          + " | best of six |")
    print("| --- | ---: | ---: |" + " ---: |" * (len(THRESHOLDS) + 1))
    for source in SOURCES:
        m = where == source
        cells = " | ".join(f"{scored[t][m].mean():.3f} ({switched[t][m].mean():.0%})" for t in THRESHOLDS)
        print(f"| {source} | {m.sum()} | {first[m].mean():.3f} | {cells} | {best[m].mean():.3f} |")


if __name__ == "__main__":
    main()
