"""Would SmolLM2's own likelihood pick a second statement that beats Lead-1? Train + dev only (never test).

    DIPLO_EXTERNAL_DATA=../shared/data python scripts/llm_pair_likelihood.py

For each article of the multi-sentence sources (embedded, hard) with three or more statements, SmolLM2-135M-Instruct
(no training) is asked for a two-sentence summary and handed the first statement as the start of its answer; each
later statement (up to the ninth) is then scored as the continuation: its mean log-probability given the article,
the same less its log-probability without the article (pointwise mutual information, per token and summed), and,
as a stop rule, Lead-1 alone whenever the model would rather end its answer than write the best-scored statement.
Printed per source: mean ROUGE-L of each rule beside Lead-1, Lead-2 and the best pair picked with the reference.
"""

from __future__ import annotations

import copy

import numpy as np
import torch
from summary_dev_articles import development_articles, print_table
from tqdm import tqdm
from transformers import AutoModelForCausalLM, AutoTokenizer

from diplo_ml.metrics.rouge_core import per_example
from diplo_ml.models import weights
from diplo_ml.models.summarise.selection import candidates

SOURCES = ("embedded", "hard")
PROMPT = "Summarise this news article in two sentences."
ARTICLE_TOKENS = 700
LATER = 8


class Scorer:
    """Log-probabilities of continuations after a chat prompt, the prompt read once per article."""

    def __init__(self) -> None:
        base = weights.resolve("smollm2")
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.model = AutoModelForCausalLM.from_pretrained(str(base), dtype=torch.float32,
                                                          use_safetensors=True).eval()
        self.end = self.tokenizer.convert_tokens_to_ids("<|im_end|>")

    def ids(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def prompt(self, user: str, answer_start: str) -> list[int]:
        messages = [{"role": "user", "content": user}]
        rendered = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        return self.ids(rendered) + self.ids(answer_start)

    @torch.no_grad()
    def continuations(self, prefix: list[int], continuations: list[list[int]]) -> list[float]:
        """Summed log p(continuation | prefix) for each continuation."""
        out = self.model(torch.tensor([prefix]), use_cache=True)
        first = out.logits[0, -1].log_softmax(-1)
        sums = []
        for ids in continuations:
            step = self.model(torch.tensor([ids]), past_key_values=copy.deepcopy(out.past_key_values), use_cache=True)
            logp = step.logits[0].log_softmax(-1)
            sums.append(float(first[ids[0]]) + sum(float(logp[i - 1, ids[i]]) for i in range(1, len(ids))))
        return sums


def rule_choices(scorer: Scorer, text: str, statements: list[str]) -> dict[str, int]:
    """Index into ``statements`` of the statement each rule puts after the first (0: Lead-1 alone)."""
    body = scorer.tokenizer.decode(scorer.ids(text)[:ARTICLE_TOKENS])
    later = [scorer.ids(" " + s) for s in statements[1:1 + LATER]]
    given = scorer.continuations(scorer.prompt(f"{PROMPT}\n\n{body}", statements[0]), later + [[scorer.end]])
    alone = scorer.continuations(scorer.prompt(PROMPT, statements[0]), later)
    lengths = np.array([len(ids) for ids in later])
    with_article, stop = np.array(given[:-1]), given[-1]
    mean = with_article / lengths
    pmi = with_article - np.array(alone)
    return {
        "+ mean log-probability": 1 + int(mean.argmax()),
        "+ PMI per token": 1 + int((pmi / lengths).argmax()),
        "+ PMI summed": 1 + int(pmi.argmax()),
        "+ mean log-probability, or stop": 0 if stop > with_article.max() else 1 + int(mean.argmax()),
    }


def main() -> int:
    torch.manual_seed(0)
    scorer = Scorer()
    scores: dict[str, dict[str, list[float]]] = {}
    articles = list(development_articles(SOURCES))
    for text, reference, source, _headline in tqdm(articles, desc="articles"):
        sentences, allowed = candidates(text)
        statements = [s for s, ok in zip(sentences, allowed) if ok]
        if len(statements) < 3:
            continue
        summaries = [statements[0]] + [f"{statements[0]} {s}" for s in statements[1:1 + LATER]]
        rouge = per_example(summaries, [reference] * len(summaries))[:, 2]
        chosen = {"Lead-1": 0, "Lead-2": 1, "best pair (with the reference)": 1 + int(rouge[1:].argmax())}
        chosen |= rule_choices(scorer, text, statements)
        for name, index in chosen.items():
            scores.setdefault(name, {}).setdefault(source, []).append(float(rouge[index]))
    print_table(scores, SOURCES)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
