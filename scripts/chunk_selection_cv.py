"""Would choosing comma-delimited pieces of the first statements beat Lead-1? Cross-validated on train + dev only.

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/chunk_selection_cv.py [--folds 5] [--statements 4]

Each of the first ``--statements`` statements of an article is cut after every comma or semicolon and before a
spaced dash; a summary is any subset of those pieces, in article order (so it stays the article's words). The
greedy oracle adds the piece that most raises ROUGE-L against the reference until none does; its pieces are the
labels. Boosted trees learn them from the piece's place (statement, piece, count), length, capitals, digits, the
word it opens with, an attribution verb, overlap with the headline and with the rest of the article, quotation
marks and brackets. Each article is scored by trees that never saw it (K-fold by article over the embedded tranche;
the hard tranche always trains), keeping the likeliest pieces up to a word budget. Printed: Lead-1, the best subset
of whole statements among the first ones, the piece oracle, and the learned pieces per budget.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import KFold
from summary_dev_articles import development_articles

from diplo_ml.metrics.rouge_core import per_example, tokens
from diplo_ml.models.summarise.selection import candidates

CUT = re.compile(r"(?<=[,;])\s|\s(?=[–—]\s)")
OPENERS = ("which", "who", "where", "while", "as", "after", "following", "including", "adding", "saying",
           "according", "and", "but", "with", "to", "in", "on", "at", "for")
ATTRIBUTION = re.compile(r"\b(said|says|told|stressed|noted|added)\b")
BUDGETS = (35, 45, 55, 65)


def pieces(text: str, statements: int) -> tuple[list[str], list[tuple[int, int, int, str]]]:
    """The first statements and their pieces as (statement, piece, pieces in it, text)."""
    sentences, allowed = candidates(text)
    first = [s for s, ok in zip(sentences, allowed) if ok][:statements]
    out = []
    for i, sentence in enumerate(first):
        parts = [p for p in CUT.split(sentence) if p.strip()]
        out.extend((i, j, len(parts), p) for j, p in enumerate(parts))
    return first, out


def joined(parts: list[tuple[int, int, int, str]], keep: list[bool]) -> str:
    """The kept pieces in article order, a trailing comma closed as a full stop."""
    return re.sub(r"[,;]\s*$", ".", " ".join(p[3] for p, k in zip(parts, keep) if k).strip())


def rouge_l(summaries: list[str], reference: str) -> np.ndarray:
    return per_example(summaries, [reference] * len(summaries))[:, 2]


def oracle(parts: list[tuple[int, int, int, str]], reference: str) -> tuple[list[bool], float]:
    keep, best = [False] * len(parts), 0.0
    while True:
        options = [i for i in range(len(parts)) if not keep[i]]
        if not options:
            return keep, best
        scores = rouge_l([joined(parts, [k or i == j for j, k in enumerate(keep)]) for i in options], reference)
        if scores.max() <= best:
            return keep, best
        best = float(scores.max())
        keep[options[int(np.argmax(scores))]] = True


def features(parts: list[tuple[int, int, int, str]], headline: str, text: str) -> np.ndarray:
    heading, counts = set(tokens(headline)), Counter(tokens(text))
    rows, before = [], 0
    for statement, place, count, piece in parts:
        words, toks = piece.split(), tokens(piece)
        opener = words[0].lower().strip("\"“") if words else ""
        rows.append([statement, place, count, place == 0, place == count - 1, len(words), before,
                     np.mean([w[0].isupper() for w in words]) if words else 0.0, any(c.isdigit() for c in piece),
                     piece[:1].isupper(), *[opener == o for o in OPENERS], bool(ATTRIBUTION.search(piece)),
                     sum(t in heading for t in toks) / max(1, len(toks)),
                     sum(t in heading for t in set(toks)) / max(1, len(heading)),
                     np.mean([counts[t] > 1 for t in toks]) if toks else 0.0,
                     np.mean([min(counts[t], 10) for t in toks]) if toks else 0.0, '"' in piece or "“" in piece,
                     "(" in piece])
        before += len(words)
    return np.asarray(rows, dtype=np.float64)


def within(parts: list[tuple[int, int, int, str]], likely: np.ndarray, budget: int) -> str:
    keep, used = [False] * len(parts), 0
    for i in np.argsort(-likely, kind="stable"):
        size = len(parts[i][3].split())
        if used and used + size > budget:
            continue
        keep[i], used = True, used + size
    return joined(parts, keep)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--statements", type=int, default=4)
    args = parser.parse_args()
    rows: dict[str, list] = {"embedded": [], "hard": []}
    for text, ref, source, headline in development_articles(tuple(rows)):
        first, parts = pieces(text, args.statements)
        keep, best = oracle(parts, ref)
        whole = max(rouge_l([" ".join(c) for k in range(1, len(first) + 1)
                             for c in itertools.combinations(first, k)], ref))
        rows[source].append((ref, parts, features(parts, headline, text), np.array(keep),
                             float(rouge_l([first[0]], ref)[0]), float(whole), best))
    embedded, hard = rows["embedded"], rows["hard"]
    learned: dict[int, list[float]] = {b: [] for b in BUDGETS}
    for fit_rows, score_rows in KFold(args.folds, shuffle=True, random_state=0).split(embedded):
        train = [embedded[i] for i in fit_rows] + hard
        trees = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                               min_samples_leaf=20, random_state=0)
        trees.fit(np.vstack([r[2] for r in train]), np.concatenate([r[3] for r in train]))
        for i in score_rows:
            ref, parts, x = embedded[i][:3]
            likely = trees.predict_proba(x)[:, 1]
            for budget in BUDGETS:
                learned[budget].append(float(rouge_l([within(parts, likely, budget)], ref)[0]))
    print(f"embedded train + dev, {len(embedded)} articles, {args.folds}-fold CV (hard: {len(hard)}, always trains)")
    print(f"Lead-1 {np.mean([r[4] for r in embedded]):.3f} | best whole statements among the first "
          f"{args.statements} {np.mean([r[5] for r in embedded]):.3f} | piece oracle "
          f"{np.mean([r[6] for r in embedded]):.3f}")
    print("learned pieces: " + ", ".join(f"{b} words {np.mean(v):.3f}" for b, v in learned.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
