"""A learned clause trimmer: cut a summary sentence at a clause boundary when that brings it nearer the point.

Candidates are the sentence itself and its prefixes that end before a clause opener (", which", ", who",
", including" ...), a closing attribution (", the minister said today.") or a spaced dash, and keep at least
``min_words`` words and a verb, closed with a full stop, so a trimmed sentence is still the article's own words in
order. A gradient-boosted regressor (scikit-learn, trained on the training articles) predicts
how much each cut changes ROUGE-L against the reference, from the cut's kind and place, the words it keeps and drops
and how much of the headline each side holds; the best cut is taken when its predicted gain is positive. The trees
are stored as plain arrays (safetensors), never pickled, and evaluated here with numpy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import save as safetensors_bytes

from diplo_ml.errors import DiploError, first_line
from diplo_ml.files import atomic_open
from diplo_ml.metrics.rouge_core import per_example, tokens

# a clause boundary: a comma before a word that opens a clause or an attribution, or a spaced dash. A bare comma,
# "and", "to" or "with" would also cut inside a noun phrase ("the Chairman of the Council, Mustafa ...").
OPENS = ("which", "who", "whose", "where", "while", "as", "after", "following", "including", "adding", "saying",
         "according", "and", "but", "amid", "despite", "ahead")
BOUNDARY = re.compile(r",\s(?=(" + "|".join(OPENS) + r")\b)|,\s(?=(?:[A-Z][\w'’.-]*,?\s){1,6}(said|says|confirmed|"
                      r"announced|added|stressed)\b[^,;]{0,40}$)|\s([–—-])\s")  # a closing attribution
KINDS = (*OPENS, "said", "says", "confirmed", "announced", "added", "stressed", "dash")
FEATURES = len(KINDS) + 11
# a cut must leave a verb: a lowercase word ending in -ed or -s (not these), or a common irregular one
NOT_VERBS = {"as", "us", "this", "his", "its", "thus", "across", "plus", "news", "less", "unless", "towards"}
IRREGULAR = set("""is are was were has have had will would can could may might must shall should met held took gave
made sent spoke told won led set saw became began left paid brought sought kept put came went got found read ran
hit cut chose drew grew rose fell fled flew built spent struck stood wrote""".split())


def has_verb(text: str) -> bool:
    """A rough check that ``text`` still holds a verb, without a parser: any lowercase word ending in -ed or -s
    passes (plurals too), so it only stops cuts that leave a bare subject ("Ahead of the programme, Minister X")."""
    words = re.findall(r"[A-Za-z]+", text)
    return any(w in IRREGULAR or (w.islower() and w not in NOT_VERBS and re.fullmatch(r"[a-z]+(?:ed|s)", w))
               for w in words)


TREE_FIELDS = ("feature", "threshold", "left", "right", "value")


def close_quotes(text: str) -> str:
    """``text`` with a quotation it opens and no longer closes (the cut took the closing mark) closed."""
    if text.count("“") > text.count("”"):
        return text + "”"
    return text + '"' if text.count('"') % 2 else text


def cuts(sentence: str, headline: str | None, min_words: int = 8) -> list[tuple[str, np.ndarray]]:
    """The sentence (all-zero features) and each clause-boundary prefix of it, with its features."""
    heading = set(tokens(headline or ""))
    whole = tokens(sentence)
    out = [(sentence, np.zeros(FEATURES))]
    found = [m for m in BOUNDARY.finditer(sentence)
             if len(sentence[: m.start()].split()) >= min_words and has_verb(sentence[: m.start()])]
    for place, match in enumerate(found):
        kept = close_quotes(sentence[: match.start()].rstrip(",;:") + ".")
        dropped = sentence[match.start():]
        kind = match.group(1) or match.group(2) or "dash"  # the opening word, the attribution's verb or a dash
        kept_tokens, dropped_tokens = tokens(kept), tokens(dropped)
        features = np.zeros(FEATURES)
        features[KINDS.index(kind if kind in KINDS else "dash")] = 1.0
        features[len(KINDS):] = [
            len(whole), len(kept_tokens), len(kept_tokens) / max(len(whole), 1), len(dropped_tokens), place,
            len(found), bool(re.search(r"\d", dropped)), sum(w[:1].isupper() for w in dropped.split()),
            len(heading & set(kept_tokens)) / max(len(heading), 1),
            len(heading & set(dropped_tokens)) / max(len(heading), 1),
            bool(re.search(r"\b(?:said|says|adding|added)\b", dropped)),
        ]
        out.append((kept, features))
    return out


def training_rows(sentences: Sequence[str], headlines: Sequence[str | None], references: Sequence[str],
                  min_words: int) -> tuple[np.ndarray, np.ndarray]:
    """Features of every cut of every sentence, and the ROUGE-L change against its reference that the cut makes."""
    rows, gains = [], []
    for sentence, headline, reference in zip(sentences, headlines, references):
        options = cuts(sentence, headline, min_words)
        scores = per_example([text for text, _ in options], [reference] * len(options))[:, 2]
        rows += [features for _, features in options]
        gains += list(scores - scores[0])
    if not rows:
        raise DiploError("the clause trimmer has no training sentences")
    return np.asarray(rows), np.asarray(gains)


class ClauseTrimmer:
    """Boosted regression trees over :func:`cuts` features, kept as arrays."""

    def __init__(self, trees: dict[str, np.ndarray] | None = None, base: float = 0.0, min_words: int = 8) -> None:
        self.trees = trees
        self.base = base
        self.min_words = min_words

    @classmethod
    def fit(cls, sentences: Sequence[str], headlines: Sequence[str | None], references: Sequence[str], *,
            trees: int, learning_rate: float, max_leaf_nodes: int, min_samples_leaf: int, min_words: int,
            seed: int) -> ClauseTrimmer:
        """Learn the ROUGE-L change of each cut from (sentence, headline, reference) triples."""
        from sklearn.ensemble import GradientBoostingRegressor

        features, gains = training_rows(sentences, headlines, references, min_words)
        model = GradientBoostingRegressor(n_estimators=trees, learning_rate=learning_rate,
                                          max_leaf_nodes=max_leaf_nodes, min_samples_leaf=min_samples_leaf,
                                          random_state=seed)
        return cls.from_sklearn(model.fit(features, gains), min_words)

    @classmethod
    def from_sklearn(cls, model: Any, min_words: int) -> ClauseTrimmer:
        """The fitted ``GradientBoostingRegressor``'s trees as arrays (learning rate folded into the leaf values)."""
        arrays: dict[str, list[np.ndarray]] = {name: [] for name in (*TREE_FIELDS, "root")}
        offset = 0
        for (estimator,) in model.estimators_:
            tree = estimator.tree_
            leaf = tree.children_left < 0
            arrays["root"].append(np.array([offset]))
            arrays["feature"].append(np.where(leaf, 0, tree.feature))
            arrays["threshold"].append(tree.threshold)
            arrays["left"].append(np.where(leaf, -1, tree.children_left + offset))
            arrays["right"].append(np.where(leaf, -1, tree.children_right + offset))
            arrays["value"].append(tree.value[:, 0, 0] * model.learning_rate)
            offset += tree.node_count
        base = float(np.ravel(model.init_.constant_)[0])
        return cls({name: np.concatenate(parts) for name, parts in arrays.items()}, base, min_words)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Predicted ROUGE-L change of each row of ``features``."""
        if self.trees is None:
            return np.zeros(len(features))
        t = self.trees
        features = np.asarray(features, dtype=np.float32).astype(np.float64)  # what scikit-learn's trees compare
        nodes = np.tile(t["root"], (len(features), 1))              # (rows, trees)
        rows = np.arange(len(features))[:, None]
        while True:
            inner = t["left"][nodes] >= 0
            if not inner.any():
                break
            go_left = features[rows, t["feature"][nodes]] <= t["threshold"][nodes]
            nodes = np.where(inner, np.where(go_left, t["left"][nodes], t["right"][nodes]), nodes)
        return self.base + t["value"][nodes].sum(axis=1)

    def trim(self, sentence: str, headline: str | None = None) -> str:
        """The sentence cut where the predicted gain is highest and positive, else the sentence itself."""
        options = cuts(sentence, headline, self.min_words)
        if len(options) == 1 or self.trees is None:
            return sentence
        gains = self.predict(np.stack([features for _, features in options]))
        gains -= gains[0]  # relative to leaving the sentence whole
        best = int(np.argmax(gains))
        return options[best][0] if gains[best] > 0 else sentence

    # persistence -----------------------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """The trees as arrays in one safetensors file, written atomically (nothing when unfitted)."""
        path = Path(path)
        if self.trees is None:
            path.unlink(missing_ok=True)
            return
        arrays = {name: np.ascontiguousarray(a) for name, a in self.trees.items()}
        meta = {"base": repr(self.base), "min_words": str(self.min_words), "features": str(FEATURES)}
        with atomic_open(path, "wb") as handle:
            handle.write(safetensors_bytes(arrays, metadata=meta))

    @classmethod
    def load(cls, path: Path) -> ClauseTrimmer:
        from safetensors import safe_open

        try:
            with safe_open(str(path), "np") as handle:
                meta = handle.metadata() or {}
                arrays = {name: handle.get_tensor(name) for name in handle.keys()}
            base, min_words = float(meta["base"]), int(meta["min_words"])
        except Exception as exc:  # noqa: BLE001 - safetensors raises several error types for damaged files
            reason = first_line(exc)
            raise DiploError(f"{path}: unreadable or damaged clause trimmer ({reason})") from None
        missing = [name for name in (*TREE_FIELDS, "root") if name not in arrays]
        if missing:
            raise DiploError(f"{path}: damaged clause trimmer (no {', '.join(missing)})")
        trees = {k: (v.astype(np.int64) if k in ("feature", "left", "right", "root") else v) for k, v in arrays.items()}
        problem = tree_problem(trees, int(meta.get("features", -1)))
        if problem:
            raise DiploError(f"{path}: damaged clause trimmer ({problem})")
        return cls(trees, base, min_words)


def tree_problem(trees: dict[str, np.ndarray], features: int) -> str | None:
    """Why saved trees cannot be walked safely, or None: sizes, feature ids, and children that only point down."""
    if features != FEATURES:
        return f"made for {features} features, this version computes {FEATURES}; retrain it"
    nodes = len(trees["feature"])
    if any(trees[name].ndim != 1 or len(trees[name]) != nodes for name in TREE_FIELDS) or trees["root"].ndim != 1:
        return "arrays of different shapes"
    index = np.arange(nodes)
    left, right = trees["left"], trees["right"]
    leaf = left < 0
    if (leaf != (right < 0)).any() or ((~leaf) & ((left <= index) | (right <= index) | (left >= nodes)
                                                 | (right >= nodes))).any():
        return "a child index out of range"
    if ((trees["feature"] < 0) | (trees["feature"] >= FEATURES)).any() or ((trees["root"] < 0)
                                                                             | (trees["root"] >= nodes)).any():
        return "a feature or root index out of range"
    return None
