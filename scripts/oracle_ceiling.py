"""The extractive ceiling: ROUGE of summaries chosen by looking at the reference (never a model).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/oracle_ceiling.py [--data summaries_all] [--split test]

Per source: the best single statement sentence of each article (by ROUGE-L against the reference), the greedy
ROUGE oracle of up to 3 statement sentences (the training labels of the extractive models) and the best clause cut
of the first statement (the cuts the `lead_trim` trimmer chooses from, or the statement itself), with bootstrap 95%
intervals. This is how far a sentence selector, or a trimmer of Lead-1, could go on the data.
"""

from __future__ import annotations

import argparse

import numpy as np

from diplo_ml.config import compose_config
from diplo_ml.metrics.bootstrap import mean_interval
from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models.summarise.selection import candidates, oracle_labels
from diplo_ml.models.summarise.trim import cuts
from diplo_ml.tasks import get_task


def ceilings(texts: list[str], refs: list[str]) -> dict[str, list[str]]:
    best1, greedy, cut = [], [], []
    for text, ref in zip(texts, refs):
        sentences, allowed = candidates(text)
        usable = [s for s, ok in zip(sentences, allowed) if ok]
        if not usable:
            best1.append("")
            greedy.append("")
            cut.append("")
            continue
        scores = per_example(usable, [ref] * len(usable))[:, 2]
        best1.append(usable[int(np.argmax(scores))])
        greedy.append(" ".join(s for s, flag in zip(usable, oracle_labels(usable, ref, 3)) if flag))
        options = [option for option, _ in cuts(usable[0], None)]
        cut.append(options[int(np.argmax(per_example(options, [ref] * len(options))[:, 2]))])
    return {"best single sentence": best1, "greedy oracle (<= 3 sentences)": greedy,
            "best clause cut of the first statement": cut}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="summaries_all")
    parser.add_argument("--split", default="test")
    args = parser.parse_args()
    cfg = compose_config(["task=summarise", f"data={args.data}"])
    task = get_task("summarise")
    data = task.load_data(cfg.data)
    examples = task.examples(list(data.splits[args.split]), cfg.data)
    sources = examples.sources()
    print("| source | n | summary | ROUGE-1 | ROUGE-2 | ROUGE-L [95% CI] | words |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for source in sorted({s for s in sources if s}) or [None]:
        index = [i for i, s in enumerate(sources) if s == source]
        refs = [examples.targets[i] for i in index]
        for name, summaries in ceilings([examples.inputs[i] for i in index], refs).items():
            values = per_example(summaries, refs)
            low, high = mean_interval(values[:, 2:3], 1000, 0)[0]
            words = np.mean([len(s.split()) for s in summaries])
            print(f"| {source} | {len(index)} | {name} | {values[:, 0].mean():.3f} | {values[:, 1].mean():.3f} | "
                  f"{values[:, 2].mean():.3f} [{low:.3f}, {high:.3f}] | {words:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
