"""A learned lead finder: which of an article's first statements an editor would take as the first sentence of its
summary (the news, an op-ed's thesis, a feature's nut graf), learned from the project's keyed documents
(``data/leads``) by boosted regression trees over what each statement says and how it sits under the headline.

It only overrules the rules of :func:`~diplo_ml.models.summarise.selection.statement_candidates` where its score for
another statement passes theirs by ``margin``, so on articles whose first statement is the news it changes little."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import numpy as np

from diplo_ml.errors import DiploError
from diplo_ml.models.summarise import selection as sel
from diplo_ml.models.summarise.boosted import BoostedTrees

FIRST_STATEMENTS = 8  # how many of an article's first statements may be its lead
PRONOUN_OPENING = re.compile(r"(?:It|They|This|These|He|She|His|Her)\b")
CONTRAST = re.compile(r"\b(?:but|yet|however)\b")


class LeadCase(NamedTuple):
    """A keyed document: its first statements, headline, number of questions, which statement is its lead, which
    one the opening rules choose (None: one further on) and the folder it came from."""
    statements: list[str]
    headline: str | None
    questions: int
    lead: int
    ruled: int | None = None
    folder: str = ""


def _flags(sentence: str) -> list[float]:
    said = sel.unquoted(sentence)
    return [float(bool(x)) for x in (
        re.search(r"\d", said), sentence.startswith(sel.QUOTE_MARKS), sel.QUOTED.search(sentence),
        sel.is_question(sentence), sel.FIRST_PERSON.search(said), sel.NARRATOR.search(said), sel.ARGUES.search(said),
        sel.REPORTED.search(said), sel.OTHERS_VIEW.search(said), sel.LEAD_ACT.search(said), sel.NEWS_DAY.search(said),
        sel._dated_act(sentence), sel.DONE_NEWS.search(said), sel.FUTURE.search(said), sel.reports_an_act(said),
        sel.NUT_GRAF.match(sentence), sel.THESIS_MARKER.search(said), CONTRAST.search(said),
        PRONOUN_OPENING.match(sentence))]


def statement_features(statements: list[str], headline: str | None, questions: int) -> np.ndarray:
    """One row per statement of the first :data:`FIRST_STATEMENTS`: the article's (headline words, questions, how
    its opening reads) and the statement's own (position, words before it, length, words shared with the headline and
    with the other statements, capitals, what its verbs and marks say: :func:`_flags`)."""
    statements = statements[:FIRST_STATEMENTS]
    if not statements:
        return np.zeros((0, len(FEATURE_NAMES)))
    topic = sel.topic_words(sel.unquoted(headline)) if headline else set()
    words = [sel.topic_words(s) for s in statements]
    opening = statements[0]
    said = sel.unquoted(opening)
    article = [len(topic), questions, len(statements), len(topic & words[0]), float(bool(sel.ARGUES.search(said))),
               float(bool(sel.NEWS_DAY.search(said))), float(sel.reports_an_act(said)),
               float(bool(sel.NARRATOR.search(said))), float(bool(sel.FEATURE_OPENER.match(opening))),
               float(bool(sel.SCENE.match(opening))), float(bool(re.search(r"\d", said))),
               float(opening.startswith(sel.QUOTE_MARKS)), len(opening.split())]
    rows, before = [], 0
    for j, sentence in enumerate(statements):
        tokens = sentence.split()
        others = set().union(*(w for k, w in enumerate(words) if k != j))
        shared = len(topic & words[j])
        rows.append(article + [j, before, len(tokens), shared, shared / (len(topic) or 1),
                               len(words[j] & others) / (len(words[j]) or 1),
                               sum(t[:1].isupper() for t in tokens[1:]) / max(1, len(tokens))] + _flags(sentence))
        before += len(tokens)
    return np.asarray(rows, dtype=np.float64)


FEATURE_NAMES = (
    "headline_words", "questions", "statements", "opening_headline_words", "opening_argues", "opening_news_day",
    "opening_reports_act", "opening_narrator", "opening_feature", "opening_scene", "opening_figures",
    "opening_quotation", "opening_words",
    "position", "words_before", "words", "headline_words_shared", "headline_share", "words_elsewhere", "capitals",
    "figures", "quotation_opens", "quotation", "question", "first_person", "narrator", "argues", "reported",
    "others_view", "lead_act", "news_day", "dated_act", "done", "future", "reports_act", "nut_graf", "thesis_marker",
    "contrast", "pronoun_opening")


class LeadFinder:
    """Boosted trees that score each of an article's first statements as its lead, and the ``margin`` by which the
    best must beat the statement the rules chose to replace it."""

    def __init__(self, trees: BoostedTrees, margin: float) -> None:
        self.trees = trees
        self.margin = margin

    @classmethod
    def fit(cls, cases: list[LeadCase], margin: float, *, trees: int, learning_rate: float, max_leaf_nodes: int,
            min_samples_leaf: int, seed: int) -> LeadFinder:
        """Trees fitted to say 1 for each case's lead and 0 for its other first statements."""
        rows, targets = [], []
        for case in cases:
            features = statement_features(case.statements, case.headline, case.questions)
            rows.append(features)
            targets.append((np.arange(len(features)) == case.lead).astype(np.float64))
        if not rows or not any(len(r) for r in rows):
            raise ValueError("no keyed documents to learn leads from")
        return cls(BoostedTrees.fit(np.vstack(rows), np.concatenate(targets), trees=trees, learning_rate=learning_rate,
                                    max_leaf_nodes=max_leaf_nodes, min_samples_leaf=min_samples_leaf, seed=seed),
                   margin)

    def scores(self, statements: list[str], headline: str | None, questions: int) -> np.ndarray:
        """Each of the first statements' score as the lead."""
        features = statement_features(statements, headline, questions)
        return self.trees.predict(features) if len(features) else np.zeros(0)

    def choose(self, found: sel.Candidates, headline: str | None) -> np.ndarray:
        """``found.allowed`` with the lead moved down to the trees' best statement where it beats the rules' first
        by the margin: the statements above the new lead are passed over, the rest as before."""
        index = np.flatnonzero(found.statements)
        ruled = np.flatnonzero(found.allowed)
        if not len(index) or not len(ruled):
            return found.allowed
        scores = self.scores([found.sentences[i] for i in index], headline, found.questions)
        theirs = np.flatnonzero(index[: len(scores)] == ruled[0])
        ours = self.moved_to(scores, int(theirs[0]) if len(theirs) else None)
        if ours is None or not found.allowed[index[ours]]:  # (nor to a statement the rules left out)
            return found.allowed
        allowed = found.allowed.copy()
        allowed[: index[ours]] = False
        return allowed

    def moved_to(self, scores: np.ndarray, ruled: int | None, margin: float | None = None) -> int | None:
        """Where among the first statements (scored ``scores``) the lead moves from the rules' choice at ``ruled``,
        or None where theirs stands: where it lies past the first statements (None), where the trees' best lies above
        it (the lead only moves down, so Lead-k stays the statements that follow it), or where the best does not beat
        it by ``margin`` (default: the finder's own)."""
        ours = int(np.argmax(scores))
        if ruled is None or ours <= ruled:
            return None
        return ours if scores[ours] - scores[ruled] > (self.margin if margin is None else margin) else None

    def save(self, path: Path) -> None:
        """The trees and the margin in one safetensors file."""
        self.trees.save(path, {"margin": repr(self.margin), "feature_names": ",".join(FEATURE_NAMES)})

    @classmethod
    def load(cls, path: Path) -> LeadFinder:
        """A finder saved by :meth:`save`; a damaged file, or one for other features, is refused naming it."""
        trees, meta = BoostedTrees.load(path, len(FEATURE_NAMES), "lead finder")
        if meta.get("feature_names") != ",".join(FEATURE_NAMES):
            raise DiploError(f"{path}: a lead finder for other features than this version computes; retrain it")
        try:
            margin = float(meta.get("margin", ""))
        except ValueError:
            margin = float("nan")
        if not 0 <= margin <= 1:
            raise DiploError(f"{path}: damaged lead finder (margin {meta.get('margin')!r}, not a number in [0, 1])")
        return cls(trees, margin)
