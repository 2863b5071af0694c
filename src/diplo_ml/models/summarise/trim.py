"""A learned clause trimmer: cut a summary sentence at a clause boundary when that brings it nearer the point.

Candidates are the sentence itself and its prefixes that end before a clause opener (", which", ", who",
", including" ...), a closing attribution (", the minister said today.") or a spaced dash, and keep at least
``min_words`` words and a verb, closed with a full stop, so a trimmed sentence is still the article's own words in
order. A gradient-boosted regressor (scikit-learn, trained on the training articles) predicts
how much each cut changes ROUGE-L against the reference, from the cut's kind and place, the words it keeps and drops
and how much of the headline each side holds; the best cut is taken when its predicted gain is positive. The trees
are stored as plain arrays (safetensors), never pickled, and walked with numpy (:mod:`.boosted`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from diplo_ml.errors import DiploError
from diplo_ml.metrics.rouge_core import per_example, tokens
from diplo_ml.models.summarise.boosted import BoostedTrees

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


def closes_list(sentence: str, match: re.Match[str]) -> bool:
    """True where ", and" ends a list rather than a clause: no verb after it before the next comma ("across Asia,
    the Pacific, and now Europe"), or a comma among the six words before it with no verb between the two ("the
    Bounce Back Loan Scheme, Coronavirus Large Business Interruption Loan Scheme, and …")."""
    if match.group(1) != "and":
        return False
    after = sentence[match.end():].split(",", 1)[0]
    if not has_verb(after.removeprefix("and")):
        return True
    before = " ".join(sentence[: match.start()].split()[-6:])
    return "," in before and not has_verb(before.rsplit(",", 1)[1])


def end_cut(kept: str, end: str = ".") -> str:
    """The words a cut keeps, ended: with ``end`` (a full stop; an ellipsis for a cut forced by a budget), or, where
    the cut falls inside a quotation (it took the closing mark), with an ellipsis and the closing mark, so that a
    reader sees the quotation was shortened."""
    if kept.count("“") > kept.count("”"):
        return kept + "…”"
    return kept + '…"' if kept.count('"') % 2 else kept + end


def cut_to_budget(sentence: str, budget_words: int | None, min_words: int = 8) -> str:
    """A sentence over ``budget_words`` words cut to fit: at its last comma, semicolon or spaced dash that keeps it
    within the budget and leaves at least half of it (and ``min_words``) and a verb, else at the budget's last word;
    ended with an ellipsis (inside a quotation's closing mark) so a reader sees it was shortened. A sentence that
    fits, or any sentence when there is no budget, is returned as it is."""
    if not budget_words or len(sentence.split()) <= budget_words:
        return sentence
    kept = ""
    for match in re.finditer(r"[,;]\s|\s[–—-]\s", sentence):
        prefix = sentence[: match.start()].rstrip(",;: ")
        size = len(prefix.split())
        if size > budget_words:
            break
        if size >= max(min_words, budget_words // 2) and has_verb(prefix):  # a cut keeps half the budget at least
            kept = prefix
    kept = kept or " ".join(sentence.split()[:budget_words]).rstrip(",;:–—-").rstrip()
    return end_cut(kept, "…")


def cuts(sentence: str, headline: str | None, min_words: int = 8) -> list[tuple[str, np.ndarray]]:
    """The sentence (all-zero features) and each clause-boundary prefix of it, with its features."""
    heading = set(tokens(headline or ""))
    whole = tokens(sentence)
    out = [(sentence, np.zeros(FEATURES))]
    found = [m for m in BOUNDARY.finditer(sentence)
             if len(sentence[: m.start()].split()) >= min_words and has_verb(sentence[: m.start()])
             and not closes_list(sentence, m)]
    for place, match in enumerate(found):
        kept = end_cut(sentence[: match.start()].rstrip(",;:"))
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
    """Boosted regression trees over :func:`cuts` features (none until fitted: then no sentence is cut)."""

    def __init__(self, model: BoostedTrees | None = None, min_words: int = 8) -> None:
        self.model = model
        self.min_words = min_words

    @classmethod
    def fit(cls, sentences: Sequence[str], headlines: Sequence[str | None], references: Sequence[str], *,
            trees: int, learning_rate: float, max_leaf_nodes: int, min_samples_leaf: int, min_words: int,
            seed: int) -> ClauseTrimmer:
        """Learn the ROUGE-L change of each cut from (sentence, headline, reference) triples."""
        features, gains = training_rows(sentences, headlines, references, min_words)
        return cls(BoostedTrees.fit(features, gains, trees=trees, learning_rate=learning_rate,
                                    max_leaf_nodes=max_leaf_nodes, min_samples_leaf=min_samples_leaf, seed=seed),
                   min_words)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Predicted ROUGE-L change of each row of ``features``."""
        return np.zeros(len(features)) if self.model is None else self.model.predict(features)

    def trim(self, sentence: str, headline: str | None = None) -> str:
        """The sentence cut where the predicted gain is highest and positive, else the sentence itself."""
        options = cuts(sentence, headline, self.min_words)
        if len(options) == 1 or self.model is None:
            return sentence
        gains = self.predict(np.stack([features for _, features in options]))
        gains -= gains[0]  # relative to leaving the sentence whole
        best = int(np.argmax(gains))
        return options[best][0] if gains[best] > 0 else sentence

    def save(self, path: Path) -> None:
        """The trees in one safetensors file (nothing when unfitted)."""
        if self.model is None:
            Path(path).unlink(missing_ok=True)
            return
        self.model.save(path, {"min_words": str(self.min_words)})

    @classmethod
    def load(cls, path: Path) -> ClauseTrimmer:
        model, meta = BoostedTrees.load(path, FEATURES, "clause trimmer")
        try:
            min_words = int(meta["min_words"])
        except (KeyError, ValueError):
            raise DiploError(f"{path}: damaged clause trimmer (no whole-number min_words)") from None
        return cls(model, min_words)
