"""How the lead finder's settings were chosen (docs/summarisation.md, "A lead finder learned from keyed documents").

1. Leave-one-folder-out cross-validation over the keyed documents (data/leads/train): for each folder, a finder
   fitted on the others picks each document's lead; how often it is the key's, against the opening rules' choice and
   the first statement, at each margin.
2. The margin on dev: plain Lead-1 ROUGE-L of the summaries_all dev articles (GOV.UK, embedded, hard) with the
   finder (fitted on every training folder) at each margin, against the rules alone. The preset's margin is the
   smallest at which no source's dev ROUGE-L falls below the rules' (the finder is for the kinds of page the keyed
   documents hold; dev only guards the corpora's news). Needs DIPLO_EXTERNAL_DATA for GOV.UK.

    python scripts/lead_finder_cv.py [--keys data/leads/train] [--seed 42]
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from diplo_ml.config import PROJECT_ROOT
from diplo_ml.metrics.rouge_core import ROUGE_TYPES, per_example
from diplo_ml.models.summarise.lead import FINDER_TREES
from diplo_ml.models.summarise.lead_finder import LeadCase, LeadFinder
from diplo_ml.models.summarise.lead_keys import lead_cases
from diplo_ml.models.summarise.selection import statement_candidates

MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def picks(finder: LeadFinder, case: LeadCase) -> list[int | None]:
    """The statement taken as the lead at each margin, by :meth:`LeadFinder.moved_to` as :meth:`LeadFinder.choose`
    takes it (the cases do not say which later statements the rules leave out; None: the rules' lead lies past the
    first 8)."""
    scores = finder.scores(case.statements, case.headline, case.questions)
    ruled = case.ruled if case.ruled is not None and case.ruled < len(scores) else None
    moved = [finder.moved_to(scores, ruled, margin) for margin in MARGINS]
    return [case.ruled if ours is None else ours for ours in moved]


def cross_validate(cases: list[LeadCase], seed: int) -> None:
    folders = sorted({c.folder for c in cases})
    right = np.zeros(len(MARGINS), dtype=int)
    for folder in folders:
        held = [c for c in cases if c.folder == folder]
        finder = LeadFinder.fit([c for c in cases if c.folder != folder], 0.0, seed=seed, **FINDER_TREES)
        right += np.sum([[p == c.lead for p in picks(finder, c)] for c in held], axis=0)
    rules = sum(c.ruled == c.lead for c in cases)
    first = sum(c.lead == 0 for c in cases)
    print(f"leave-one-folder-out over {len(folders)} folders, {len(cases)} documents: the key's lead chosen by the "
          f"first statement {first}, the rules {rules}; the finder by margin: "
          + ", ".join(f"{m}: {r}" for m, r in zip(MARGINS, right)))


def dev_articles() -> list[tuple[str, str, str | None, str]]:
    """(source, text, headline, reference) of every summaries_all dev article."""
    external = Path(os.environ.get("DIPLO_EXTERNAL_DATA", PROJECT_ROOT.parent / "shared" / "data"))
    roots = {"govuk": external / "summaries_govuk", "embedded": PROJECT_ROOT / "data/processed/summaries",
             "hard": PROJECT_ROOT / "data/processed/summaries_hard"}
    out = []
    for source, root in roots.items():
        for line in (root / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.append((source, row["text"], row.get("title"), row["summary"]))
    return out


def dev_margins(cases: list[LeadCase], seed: int) -> None:
    finder = LeadFinder.fit(cases, 0.0, seed=seed, **FINDER_TREES)
    articles = dev_articles()
    found = [statement_candidates(text, headline) for _, text, headline, _ in articles]
    column = ROUGE_TYPES.index("rougeL")
    references = [a[3] for a in articles]

    def lead1(allowed_of) -> tuple[np.ndarray, np.ndarray]:
        """Each dev article's Lead-1 ROUGE-L and the index of its lead (-1: none)."""
        firsts = []
        for f, (_, _, headline, _) in zip(found, articles):
            first = np.flatnonzero(allowed_of(f, headline))
            firsts.append(int(first[0]) if len(first) else -1)
        summaries = [f.sentences[i] if i >= 0 else "" for f, i in zip(found, firsts)]
        return per_example(summaries, references)[:, column], np.array(firsts)

    base, base_firsts = lead1(lambda f, h: f.allowed)
    sources = np.array([a[0] for a in articles])
    print(f"dev Lead-1 ROUGE-L, rules alone: {base.mean():.4f} over {len(articles)} articles")
    safe = []
    for margin in MARGINS:
        finder.margin = margin
        scores, firsts = lead1(finder.choose)
        per = ", ".join(f"{s}: {np.sum((firsts != base_firsts) & (sources == s))} moved, "
                        f"{(scores - base)[sources == s].mean():+.4f}" for s in ("govuk", "embedded", "hard"))
        print(f"  margin {margin}: {scores.mean():.4f} ({scores.mean() - base.mean():+.4f}; {per})")
        if all((scores - base)[sources == s].mean() >= 0 for s in set(sources)):
            safe.append(margin)
    print(f"smallest margin at which no source's dev ROUGE-L falls: {min(safe) if safe else None}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=Path, default=PROJECT_ROOT / "data" / "leads" / "train")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    cases = lead_cases(args.keys)
    cross_validate(cases, args.seed)
    dev_margins(cases, args.seed)


if __name__ == "__main__":
    main()
