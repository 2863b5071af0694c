"""Centrality, gates and trees for a second statement after Lead-1, cross-validated on train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/centrality_gate_cv.py [--folds 5] [--repeats 3] [--mpnet PATH]

For each article of the multi-sentence sources (embedded, hard) with two or more statements, summaries of Lead-1
and one more statement are scored with ROUGE-L against the reference:

  fixed:       Lead-1, Lead-2, Lead-3;
  centrality:  Lead-1 + the later statement ranked first by TextRank over TF-IDF cosines, by LexRank over
               all-mpnet-base-v2 cosines, or by MMR (mpnet similarity to the centroid of the later statements less
               half the similarity to the first); Lead-1 + the second statement, or the LexRank one, cut at its first
               clause boundary (``trim.cuts``: its main clause);
  gates:       add the second statement when Lead-1 has fewer than T words, or when boosted trees predict that Lead-2
               gains over Lead-1 by more than a threshold (from article features: lengths, headline overlap, TF-IDF
               and mpnet similarities, LexRank scores, quotation marks, openers);
  trees pair:  boosted trees learn the ROUGE-L each later statement adds to Lead-1 (second_statement_cv.py's
               features plus mpnet and MiniLM similarities and TextRank/LexRank centralities); the best predicted one
               is added when its predicted gain passes a threshold, or always;
  ceilings:    the best of Lead-1 and Lead-2, of Lead-1 and every pair, and of those and every cut pair, picked with
               the reference.

Learned methods are scored out of fold (K-fold by article, repeated); each threshold is picked by an inner K-fold
on the outer training fold only. Printed per source: a Markdown table of mean ROUGE-L, the mean per-article
difference from Lead-1 with its standard error and the share of articles given a second statement; then the
thresholds picked. ``--mpnet`` names the all-mpnet-base-v2 folder (default: the weights that ``make setup-mpnet`` /
``diplo-ml models prepare mpnet`` install); MiniLM is the project's ``minilm``. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from summary_dev_articles import development_articles

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models import weights
from diplo_ml.models.encoding import SentenceEncoder
from diplo_ml.models.summarise.selection import candidates
from diplo_ml.models.summarise.trim import cuts

SOURCES = ("embedded", "hard")
WORD = re.compile(r"\w+")
OPENER = re.compile(r"(He|She|It|They|This|These|The|But|However|Also|In|On|At)\b")
PRONOUN = re.compile(r"(He|She|It|They|This|These)\b")
QUOTES = ('"', "\u201c")
GAIN_THRESHOLDS = np.array([-1.0, -0.02, -0.01, -0.005, 0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 1.0])
WORD_THRESHOLDS = (0, 20, 25, 30, 35, 40, 45, 50, 1000)
MMR_PENALTY = 0.5
MIN_CUT_WORDS = 6


class Candidate(NamedTuple):
    kind: str   # lead1, lead2, lead3, pair (Lead-1 + a later statement) or cut (Lead-1 + a cut later statement)
    later: int  # the later statement's index (pair, cut)
    cut: int    # which cut of it, 1 = the shortest (cut)
    text: str


@dataclass
class Article:
    source: str
    statements: list[str]
    candidates: list[Candidate]
    rouge: np.ndarray        # ROUGE-L F of each candidate; 0, 1, 2 = Lead-1, Lead-2, Lead-3
    sims: dict[str, np.ndarray]
    pair_x: np.ndarray       # one row per pair candidate, in order
    gate_x: np.ndarray

    @property
    def pairs(self) -> list[int]:
        """Candidate indices of Lead-1 + each later statement, by the later statement's index."""
        return [k for k, c in enumerate(self.candidates) if c.kind == "pair"]

    def pair_of(self, later: int) -> int:
        return self.pairs[later - 1]

    def main_clause(self, later: int) -> int:
        """Candidate index of Lead-1 + the later statement cut at its first boundary (the whole one when none)."""
        cut = [k for k, c in enumerate(self.candidates) if c.kind == "cut" and c.later == later and c.cut == 1]
        return cut[0] if cut else self.pair_of(later)


def summaries(statements: list[str], headline: str) -> list[Candidate]:
    """Lead-1/2/3, then Lead-1 + each later statement followed by Lead-1 + each of its clause cuts."""
    first = statements[0]
    out = [Candidate("lead1", 0, 0, first), Candidate("lead2", 1, 0, " ".join(statements[:2])),
           Candidate("lead3", 2, 0, " ".join(statements[:3]))]
    for j in range(1, len(statements)):
        out.append(Candidate("pair", j, 0, f"{first} {statements[j]}"))
        for c, (kept, _) in enumerate(cuts(statements[j], headline, min_words=MIN_CUT_WORDS)[1:], 1):
            out.append(Candidate("cut", j, c, f"{first} {kept}"))
    return out


def pagerank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 100) -> np.ndarray:
    """TextRank / LexRank scores (mean 1) over a cosine-similarity graph without self-loops or negative edges."""
    w = np.clip(similarity, 0, None)
    np.fill_diagonal(w, 0)
    totals = w.sum(1, keepdims=True)
    totals[totals == 0] = 1
    moves = w / totals
    n = len(w)
    p = np.ones(n) / n
    for _ in range(iterations):
        p = (1 - damping) / n + damping * moves.T @ p
    return p * n


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def similarities(statements: list[str], headline: str, mpnet: np.ndarray, minilm: np.ndarray) -> dict[str, np.ndarray]:
    """Per statement: TF-IDF, mpnet and MiniLM similarities (the vectors' last row is the headline's) and
    centralities."""
    vectorizer = TfidfVectorizer(stop_words="english").fit(statements + [headline])
    s = vectorizer.transform(statements)
    tfidf = (s @ s.T).toarray()
    e, m = mpnet[:-1], minilm[:-1]
    cosines = e @ e.T
    return {
        "to_head": (s @ vectorizer.transform([headline]).T).toarray().ravel(),
        "to_centre": np.asarray(s @ np.asarray(s.mean(axis=0)).T).ravel(),
        "to_lead": tfidf[0], "textrank": pagerank(tfidf), "lexrank": pagerank(cosines),
        "mp_head": e @ mpnet[-1], "mp_centre": e @ unit(e.mean(0)), "mp_lead": cosines[0],
        "mp_later_centre": e @ unit(e[1:].mean(0)), "mini_head": m @ minilm[-1], "mini_lead": m @ m[0],
    }


def pair_features(statements: list[str], sims: dict[str, np.ndarray], source: str, candidate: Candidate
                  ) -> list[float]:
    """Features of Lead-1 + a later statement: second_statement_cv.py's, then the embedding and centrality ones."""
    j, n, later = candidate.later, len(statements), slice(1, len(statements))
    words, lead_words = WORD.findall(statements[j]), WORD.findall(statements[0])
    m = max(len(words), 1)
    lead = {w.lower() for w in lead_words}
    # the words added (and the cut flag) equal the statement's for a whole pair: kept so the exploratory runs'
    # numbers reproduce (the trees draw features in random order, so even a constant column changes their splits)
    added = WORD.findall(candidate.text)[len(lead_words):]
    return [j, j / n, n, sims["to_head"][j], sims["to_centre"][j], sims["to_lead"][j], len(words),
            sum(w.lower() not in lead for w in words) / m, sum(w[0].isupper() for w in words) / m,
            sum(w.isdigit() for w in words), int(any(q in statements[j] for q in QUOTES)),
            int(bool(OPENER.match(statements[j]))), sims["to_head"][j] - sims["to_head"][later].max(),
            sims["to_centre"][j] - sims["to_centre"][later].max(),
            sims["textrank"][j], sims["lexrank"][j], (sims["lexrank"][later] > sims["lexrank"][j]).sum(),
            sims["mp_head"][j], sims["mp_centre"][j], sims["mp_lead"][j], sims["mp_later_centre"][j],
            sims["mp_head"][j] - sims["mp_head"][later].max(), sims["mp_centre"][j] - sims["mp_centre"][later].max(),
            sims["mini_head"][j], sims["mini_lead"][j], int(candidate.kind == "cut"), len(added), len(added) / m,
            len(lead_words), int(source == "hard"), int(bool(re.search(r"\balso\b", statements[j])))]


def headline_overlap(headline: str, text: str) -> float:
    head = {w.lower() for w in WORD.findall(headline)}
    return len(head & {w.lower() for w in WORD.findall(text)}) / max(len(head), 1)


def gate_features(s: list[str], sims: dict[str, np.ndarray], source: str, text: str, headline: str) -> list[float]:
    """Features of the article (statements ``s``) for the Lead-2 gate."""
    w1, w2, total = len(WORD.findall(s[0])), len(WORD.findall(s[1])), len(WORD.findall(text))
    return [len(s), w1, w2, total, w1 / max(total, 1), headline_overlap(headline, s[0]),
            headline_overlap(headline, s[1]), sims["to_head"][0], sims["to_head"][1], sims["mp_head"][0],
            sims["mp_head"][1], sims["mp_lead"][1], sims["mp_centre"][0], sims["mp_centre"][1], sims["lexrank"][0],
            sims["lexrank"][1], int(s[0][:1] in QUOTES), int(any(q in s[1] for q in QUOTES)),
            int(bool(OPENER.match(s[1]))), int(bool(PRONOUN.match(s[1]))),
            sum(w[0].isupper() for w in WORD.findall(s[0])) / max(w1, 1), int(source == "hard"),
            len(WORD.findall(headline))]


def load_articles(mpnet_folder: str) -> list[Article]:
    """Every train and dev article of SOURCES with two or more statements, scored and featurised."""
    minilm = SentenceEncoder(weights.resolve("minilm"), max_length=128)
    mpnet = SentenceEncoder(weights.resolve(mpnet_folder), max_length=128)
    articles = []
    for text, reference, source, headline in development_articles(SOURCES):
        sentences, allowed = candidates(text)
        statements = [s for s, ok in zip(sentences, allowed) if ok]
        if len(statements) < 2:
            continue
        cands = summaries(statements, headline)
        rouge = per_example([c.text for c in cands], [reference] * len(cands))[:, 2]
        head = headline or statements[0]
        texts = statements + [head]
        sims = similarities(statements, head, mpnet.encode(texts), minilm.encode(texts))
        pair_x = np.array([pair_features(statements, sims, source, c) for c in cands if c.kind == "pair"])
        gate_x = np.array(gate_features(statements, sims, source, text, headline))
        articles.append(Article(source, statements, cands, rouge, sims, pair_x, gate_x))
    return articles


def fixed_methods(a: Article) -> dict[str, float]:
    """ROUGE-L of the summaries chosen without training, and of the ceilings (chosen with the reference)."""
    r, sims = a.rouge, a.sims
    textrank = 1 + int(np.argmax(sims["textrank"][1:]))
    lexrank = 1 + int(np.argmax(sims["lexrank"][1:]))
    mmr = 1 + int(np.argmax(sims["mp_later_centre"][1:] - MMR_PENALTY * sims["mp_lead"][1:]))
    return {
        "Lead-1": r[0], "Lead-2": r[1], "Lead-3": r[2],
        "L1 + TextRank(tfidf)": r[a.pair_of(textrank)],
        "L1 + LexRank(mpnet)": r[a.pair_of(lexrank)],
        f"L1 + mpnet centroid MMR {MMR_PENALTY}": r[a.pair_of(mmr)],
        "L1 + S2 main clause": r[a.main_clause(1)],
        "L1 + LexRank(mpnet) main clause": r[a.main_clause(lexrank)],
        "ceiling: best of L1, L2": max(r[0], r[1]),
        "ceiling: best of L1, pairs": max(r[0], r[a.pairs].max()),
        "ceiling: best of L1, pairs, cuts": max(r[0], max(r[k] for k, c in enumerate(a.candidates)
                                                          if c.kind in ("pair", "cut"))),
    }


def trees() -> GradientBoostingRegressor:
    return GradientBoostingRegressor(max_depth=2, n_estimators=300, learning_rate=0.03, subsample=0.8, random_state=0)


class Chooser(Protocol):
    def fit(self, articles: list[Article]) -> Chooser: ...

    def choose(self, article: Article) -> tuple[float, float]:
        """(predicted gain over Lead-1, ROUGE-L of the summary it would give)."""
        ...


class PairTrees:
    """Trees on the pair rows; the later statement with the largest predicted gain."""

    def fit(self, articles: list[Article]) -> PairTrees:
        gains = [a.rouge[a.pairs] - a.rouge[0] for a in articles]
        self.trees = trees().fit(np.vstack([a.pair_x for a in articles]), np.concatenate(gains))
        return self

    def choose(self, article: Article) -> tuple[float, float]:
        predicted = self.trees.predict(article.pair_x)
        best = int(np.argmax(predicted))
        return predicted[best], article.rouge[article.pairs[best]]


class GateTrees:
    """Trees on the article features; Lead-2."""

    def fit(self, articles: list[Article]) -> GateTrees:
        gains = [a.rouge[1] - a.rouge[0] for a in articles]
        self.trees = trees().fit(np.array([a.gate_x for a in articles]), np.array(gains))
        return self

    def choose(self, article: Article) -> tuple[float, float]:
        return self.trees.predict(article.gate_x[None])[0], article.rouge[1]


def nested_threshold(make: Callable[[], Chooser], train: list[Article], folds: int, seed: int) -> float:
    """The gain threshold that scores best on out-of-fold predictions within ``train``."""
    inner = []
    for fit_idx, score_idx in KFold(folds, shuffle=True, random_state=100 + seed).split(train):
        model = make().fit([train[i] for i in fit_idx])
        inner += [(model.choose(train[i]), train[i].rouge[0]) for i in score_idx]
    means = [np.mean([value if gain > t else lead1 for (gain, value), lead1 in inner]) for t in GAIN_THRESHOLDS]
    return float(GAIN_THRESHOLDS[int(np.argmax(means))])


def lead1_words(article: Article) -> int:
    return len(WORD.findall(article.statements[0]))


def length_gate(train: list[Article]) -> int:
    """The Lead-1 word count below which adding the second statement scores best on ``train``."""
    def mean(limit: int) -> float:
        return float(np.mean([a.rouge[1] if lead1_words(a) < limit else a.rouge[0] for a in train]))

    return WORD_THRESHOLDS[int(np.argmax([mean(t) for t in WORD_THRESHOLDS]))]


GATE_LEN = "gate len (L1 words < T)"
ALWAYS = "trees pair, always add"  # the nested-threshold pair model's own choice, added to every article
TREES: dict[str, Callable[[], Chooser]] = {"gate L2 (trees, nested thr)": GateTrees,
                                           "trees pair, nested thr": PairTrees}


def cross_validate(articles: list[Article], folds: int, repeats: int
                   ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict[str, list[float]]]:
    """Out-of-fold ROUGE-L per article, the share of repeats in which it was extended, and the thresholds picked."""
    names = [GATE_LEN, *TREES, ALWAYS]
    scores = {name: np.zeros(len(articles)) for name in names}
    extended = {name: np.zeros(len(articles)) for name in names}
    thresholds: dict[str, list[float]] = {name: [] for name in (GATE_LEN, *TREES)}

    def put(name: str, article: int, value: float, extend: bool) -> None:
        scores[name][article] += value / repeats
        extended[name][article] += extend / repeats

    for repeat in range(repeats):
        for fit_idx, test_idx in KFold(folds, shuffle=True, random_state=repeat).split(articles):
            train = [articles[i] for i in fit_idx]
            limit = length_gate(train)
            thresholds[GATE_LEN].append(limit)
            for i in test_idx:
                extend = lead1_words(articles[i]) < limit
                put(GATE_LEN, i, articles[i].rouge[1 if extend else 0], extend)
            for name, make in TREES.items():
                threshold = nested_threshold(make, train, folds, repeat)
                thresholds[name].append(threshold)
                model = make().fit(train)
                for i in test_idx:
                    gain, value = model.choose(articles[i])
                    put(name, i, value if gain > threshold else articles[i].rouge[0], gain > threshold)
                    if make is PairTrees:
                        put(ALWAYS, i, value, True)
        print(f"repeat {repeat + 1}/{repeats} done", file=sys.stderr, flush=True)
    return scores, extended, thresholds


def print_tables(articles: list[Article], scores: dict[str, np.ndarray], extended: dict[str, np.ndarray]) -> None:
    """Per source: mean ROUGE-L, mean difference from Lead-1 ± standard error, share extended (learned only)."""
    for source in SOURCES:
        index = [i for i, a in enumerate(articles) if a.source == source]
        lead1 = scores["Lead-1"][index]
        print(f"\n{source} ({len(index)} articles)\n")
        print("| method | ROUGE-L | diff vs Lead-1 ± se | share extended |")
        print("| --- | ---: | ---: | ---: |")
        for name, values in scores.items():
            diff = values[index] - lead1
            se = diff.std(ddof=1) / np.sqrt(len(diff))
            share = f"{extended[name][index].mean():.2f}" if name in extended else ""
            print(f"| {name} | {values[index].mean():.3f} | {diff.mean():+.3f} ± {se:.3f} | {share} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--mpnet", default="mpnet", help="all-mpnet-base-v2 folder (default: the prepared weights)")
    args = parser.parse_args()
    start = time.time()
    articles = load_articles(args.mpnet)
    print(f"{len(articles)} articles scored and encoded in {time.time() - start:.0f}s", file=sys.stderr, flush=True)
    fixed = [fixed_methods(a) for a in articles]
    scores = {name: np.array([f[name] for f in fixed]) for name in fixed[0]}
    learned, extended, thresholds = cross_validate(articles, args.folds, args.repeats)
    fixed_names = list(scores)
    scores |= learned
    ordered = fixed_names[:8] + list(learned) + fixed_names[8:]  # the ceilings last
    print_tables(articles, {name: scores[name] for name in ordered}, extended)
    print(f"\nthresholds picked per outer fold ({args.folds} folds x {args.repeats} repeats):")
    for name, values in thresholds.items():
        print(f"- {name}: {', '.join(f'{v:g}' for v in values)}")
    print(f"\ntotal {time.time() - start:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
