"""A learned headline chooser: put the article's headline before an extractive summary when the summary alone does
not say who acts or what it is about ("“I welcome this step ...”", "The Minister, who ...").

The headline is the article's own text, so the summary still invents nothing. Whether it helps depends on the pair:
a gradient-boosted regressor (trained on the training articles, stored as arrays by :mod:`.boosted`) predicts the
ROUGE-L change of putting the headline first from the two texts' lengths and overlap, how the summary opens (a
quotation, a pronoun or article, a name) and whether each holds a verb; the headline goes first when the predicted
change is positive. A headline that asks a question is never used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from diplo_ml.data.datelines import FULL_DATE, dateline_matches
from diplo_ml.data.page_noise import PROMPT, PUBLISHER, RELATED_LINK, TRAILING_CREDIT
from diplo_ml.errors import DiploError
from diplo_ml.metrics.rouge_core import per_example, tokens
from diplo_ml.models.summarise.boosted import BoostedTrees
from diplo_ml.models.summarise.trim import has_verb

QUOTE_MARKS = ("“", '"', "‘", "'")
OPENERS = {"he", "she", "it", "they", "we", "i", "this", "these", "the", "a", "an", "our", "his", "her", "their"}
CLOSERS = "\"'”’»)]"


PHOTO_HEADLINE = re.compile(rf"^(?:in |more )?(?:photos?|pictures?|images?|video|gallery)\s*:|\((?:photos?|images?)\b"
                            rf"|{TRAILING_CREDIT}", re.IGNORECASE)


def usable(headline: str | None) -> bool:
    """A headline that may go before a summary: known, not a question ('"Will it hold?"', "Deal signed?!") or an
    interviewer's request ("Ambassador, please tell us …"), not a photo caption or gallery ("IN PHOTOS: …", "… Image:
    VGP"), not a link to another article ("See also: …"), a publisher line ("From: …") or a dated heading, and not a
    body line that opens with a dateline ("Hanoi (VNA) - …")."""
    head = headline.strip().strip("*").strip() if isinstance(headline, str) else ""
    return (bool(head) and "?" not in head.rstrip(CLOSERS + "!").rstrip()[-1:] and not PHOTO_HEADLINE.search(head)
            and not RELATED_LINK.match(head) and not PROMPT.match(head) and not PUBLISHER.match(head)
            and not _ends_with_date(head)
            and not any(m.groupdict().get("outlet") for m in dateline_matches(head)))


def _ends_with_date(head: str) -> bool:
    """A heading that ends with its date after a dash or bar ("Department Press Briefing – March 6, 2024"): a page's
    label, not news ("… to hold talks on March 6, 2024" is a headline)."""
    return any(m.end() >= len(head.rstrip(" .")) and re.search(r"[–—|-]\s*$", head[:m.start()])
               for m in FULL_DATE.finditer(head))


# a country or body named in full in one text and by its initials in the other is the same name
SHORT_NAMES = ((re.compile(r"\bUnited States(?: of America)?\b|\bU\.S\.(?:A\.)?(?=\W|$)|\bUSA?\b"), "US"),
               (re.compile(r"\bUnited Kingdom\b|\bU\.K\.(?=\W|$)|\bUK\b"), "UK"),
               (re.compile(r"\bUnited Nations\b|\bU\.N\.(?=\W|$)|\bUN\b"), "UN"),
               (re.compile(r"\bEuropean Union\b|\bEU\b"), "EU"))


def name_tokens(text: str) -> set[str]:
    """The text's ROUGE tokens, with "United States", "U.S." and "US" (and the like) as one."""
    for pattern, short in SHORT_NAMES:
        text = pattern.sub(short, text)
    return set(tokens(text))


def repeats(summary: str, headline: str, share: float = 0.7) -> bool:
    """Whether the summary already says the headline: most of the headline's words are among the summary's ("U.S.
    Welcomes Release of Detained Journalist" before "The United States welcomes the release of journalist …")."""
    head = name_tokens(headline)
    return bool(head) and len(head & name_tokens(summary)) >= share * len(head)


def with_headline(summary: str, headline: str) -> str:
    """``summary`` after ``headline``, which gets a full stop unless it ends a sentence already (a closing quote or
    bracket after the stop counts); a trailing colon, semicolon or comma gives way to the full stop."""
    head = headline.strip().rstrip(":;,").rstrip()
    ends = head.rstrip(CLOSERS)[-1:] in (".", "!", "…")
    return f"{head}{'' if ends else '.'} {summary.lstrip()}"


def features(summary: str, headline: str) -> np.ndarray:
    """What the chooser sees of a (summary, headline) pair."""
    head_tokens, summary_tokens = set(tokens(headline)), set(tokens(summary))
    words, head_words = summary.split(), headline.split()
    first = words[0] if words else ""
    shared = len(head_tokens & summary_tokens)
    return np.array([
        len(tokens(headline)), len(tokens(summary)), shared / max(len(head_tokens), 1),
        shared / max(len(summary_tokens), 1), summary.lstrip().startswith(QUOTE_MARKS),
        first.lower() in OPENERS, sum(w[:1].isupper() for w in words[:6]), bool(re.search(r"\d", headline)),
        ":" in headline, sum(w[:1].isupper() for w in head_words[:3]),
        first[:1].isupper() and first.lower() not in OPENERS, has_verb(headline), has_verb(" ".join(words[:12])),
    ], dtype=np.float64)


FEATURES = len(features("", ""))


def training_rows(summaries: Sequence[str], headlines: Sequence[str | None],
                  references: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Features of every pair with a usable headline, and the ROUGE-L change that putting the headline first makes."""
    pairs = [(s, h, r) for s, h, r in zip(summaries, headlines, references) if usable(h)]
    if not pairs:
        raise DiploError("the headline chooser has no training articles with a headline")
    plain = per_example([s for s, _, _ in pairs], [r for _, _, r in pairs])[:, 2]
    headed = per_example([with_headline(s, str(h)) for s, h, _ in pairs], [r for _, _, r in pairs])[:, 2]
    return np.stack([features(s, str(h)) for s, h, _ in pairs]), headed - plain


class HeadlineChooser:
    """Boosted regression trees over :func:`features` (none until fitted: then no headline is used)."""

    def __init__(self, model: BoostedTrees | None = None) -> None:
        self.model = model

    @classmethod
    def fit(cls, summaries: Sequence[str], headlines: Sequence[str | None], references: Sequence[str], *,
            trees: int, learning_rate: float, max_leaf_nodes: int, min_samples_leaf: int,
            seed: int) -> HeadlineChooser:
        """Learn the ROUGE-L change of putting the headline first from (summary, headline, reference) triples."""
        rows, gains = training_rows(summaries, headlines, references)
        return cls(BoostedTrees.fit(rows, gains, trees=trees, learning_rate=learning_rate,
                                    max_leaf_nodes=max_leaf_nodes, min_samples_leaf=min_samples_leaf, seed=seed))

    def place(self, summary: str, headline: str | None) -> str:
        """The summary, after its headline where the predicted gain is positive."""
        if self.model is None or not summary.strip() or not usable(headline) or repeats(summary, str(headline)):
            return summary
        gain = self.model.predict(features(summary, str(headline))[None, :])[0]
        return with_headline(summary, str(headline)) if gain > 0 else summary

    def save(self, path: Path) -> None:
        """The trees in one safetensors file (nothing when unfitted)."""
        if self.model is None:
            Path(path).unlink(missing_ok=True)
            return
        self.model.save(path)

    @classmethod
    def load(cls, path: Path) -> HeadlineChooser:
        return cls(BoostedTrees.load(path, FEATURES, "headline chooser")[0])
