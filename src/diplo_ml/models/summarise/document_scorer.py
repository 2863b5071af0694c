"""A document-level extractive summariser (BERTSum-style): every sentence is scored in the context of its article.

The encoder reads the headline and the article's sentences in one pass, each sentence wrapped as
``[CLS] sentence [SEP]`` with alternating segment ids, up to ``max_length`` tokens a window (longer articles take
several windows, each starting with the headline again). A sentence's vector is the encoder state at its
``[CLS]``; a small transformer over the sentence vectors (with sentence-position embeddings) lets each score see
its neighbours; a linear layer gives one logit per sentence. Training targets are the greedy ROUGE-oracle labels.
Only statements are candidates (no questions, bylines, captions; datelines stripped). The summary is the top ``k``
sentences with trigram blocking, in document order, where ``k`` is chosen on dev for each data source.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from pydantic import Field, model_validator
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import AutoModel, set_seed

from diplo_ml.data.examples import Context, Examples, context_column
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models import engine, weights
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.encoding import batched_forward, check_complete, fits_layers, fits_positions, load_tokenizer
from diplo_ml.models.summarise.compress import compress_summary
from diplo_ml.models.summarise.selection import candidates, choose, oracle_labels
from diplo_ml.models.summarise.sentence_scorer import freeze
from diplo_ml.models.summarise.tuning import choose_per_source, dev_measure
from diplo_ml.text import split_sentences

log = logging.getLogger(__name__)
HEAD_FILE = "scorer_head.safetensors"
SETTINGS_FILE = "summariser.json"
IGNORE = -100.0


class DocumentScorerOptions(ModelOptions):
    pretrained: weights.PretrainedName = "minilm"
    max_length: int | None = Field(512, ge=32, le=512)       # tokens per window
    max_sentence_tokens: int = Field(64, ge=4)                # a long sentence is cut to this many tokens
    max_headline_tokens: int = Field(40, ge=0)                # 0: no headline
    max_article_sentences: int = Field(48, ge=1)              # later sentences are never candidates
    inter_layers: int = Field(2, ge=0, le=6)
    inter_heads: int = Field(4, ge=1)
    oracle_max_sentences: int = Field(3, ge=1)
    sentences: int | None = Field(None, ge=1)                 # fixed summary length; None: chosen on dev per source
    sentence_grid: list[int] = Field(default_factory=lambda: [1, 2, 3, 4], min_length=1)
    block_trigrams: bool = True
    max_words: int | None = Field(120, ge=1)
    compress: bool = False                                    # delete attributions, parentheticals (README: dev)
    freeze_layers: int = Field(0, ge=0)
    eval_batch_size: int = Field(8, ge=1)

    _fits_the_encoder = model_validator(mode="after")(fits_positions)
    _freezes_layers_it_has = model_validator(mode="after")(fits_layers)

    @model_validator(mode="after")
    def _windows_hold_a_sentence(self) -> DocumentScorerOptions:
        """A window holds the headline and the start of a sentence (each with its two markers, the sentence with
        at least four of its tokens); a longer sentence is cut where the window ends."""
        limit = self.max_length or 512
        if self.max_headline_tokens + 8 > limit:
            raise ValueError(f"max_headline_tokens: at most max_length - 8 ({limit - 8}) so that a window holds the "
                             f"headline and a sentence, got {self.max_headline_tokens}")
        return self

    @model_validator(mode="after")
    def _heads_divide_the_width(self) -> DocumentScorerOptions:
        width = weights.config_number(self.pretrained, "hidden_size")
        if self.inter_layers and width is not None and width % self.inter_heads:
            raise ValueError(f"inter_heads: must divide the width of '{self.pretrained}' ({width}), got "
                             f"{self.inter_heads}")
        return self


class DocumentScorerNet(nn.Module):
    """Encoder + inter-sentence transformer + linear scorer over the [CLS] positions of each window."""

    def __init__(self, encoder: nn.Module, layers: int, heads: int, max_sentences: int) -> None:
        super().__init__()
        self.encoder = encoder
        d = int(encoder.config.hidden_size)
        self.position = nn.Embedding(max_sentences, d)
        nn.init.zeros_(self.position.weight)
        block = nn.TransformerEncoderLayer(d, heads, dim_feedforward=2 * d, dropout=0.1, batch_first=True,
                                           norm_first=True)
        self.inter = nn.TransformerEncoder(block, layers, enable_nested_tensor=False) if layers else None
        self.out = nn.Linear(d, 1)

    def head_state(self) -> dict[str, torch.Tensor]:
        return {k: v for k, v in self.state_dict().items() if not k.startswith("encoder.")}

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor,
                cls_index: torch.Tensor, sentence_index: torch.Tensor, sentence_mask: torch.Tensor,
                labels: torch.Tensor | None = None, window: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        vectors = hidden.gather(1, cls_index.unsqueeze(-1).expand(-1, -1, hidden.size(-1)))
        vectors = vectors + self.position(sentence_index.clamp(max=self.position.num_embeddings - 1))
        if self.inter is not None:
            vectors = self.inter(vectors, src_key_padding_mask=~sentence_mask.bool())
        logits = self.out(vectors).squeeze(-1).float()
        logits = logits.masked_fill(~sentence_mask.bool(), IGNORE)
        out = {"logits": logits}
        if labels is not None:
            keep = labels != IGNORE
            weight = self.pos_weight if hasattr(self, "pos_weight") else None
            out["loss"] = nn.functional.binary_cross_entropy_with_logits(logits[keep], labels[keep].float(),
                                                                         pos_weight=weight)
        return out


@dataclass
class Window:
    input_ids: list[int]
    token_type_ids: list[int]
    cls_index: list[int]
    sentence_index: list[int]
    labels: list[float]


class DocumentScorerSummariser(SummarisingModel):
    Options = DocumentScorerOptions
    uses_trainer = True
    options: DocumentScorerOptions

    def __init__(self, options: DocumentScorerOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.inference_batch_size: int | None = None  # --batch-size
        source = self.folder or weights.resolve(options.pretrained)
        self.tokenizer = load_tokenizer(source)
        encoder, info = AutoModel.from_pretrained(str(source), add_pooling_layer=False, use_safetensors=True,
                                                  output_loading_info=True)
        if self.folder is not None:
            check_complete(info, self.folder)
        self.net = DocumentScorerNet(encoder, options.inter_layers, options.inter_heads,
                                     options.max_article_sentences)
        self.k_by_source: dict[str, int] = {}
        self.default_k = options.sentences or 1
        if self.folder is not None:
            head = self.folder / HEAD_FILE
            try:
                missing, unexpected = self.net.load_state_dict(load_file(str(head)), strict=False)
            except Exception as exc:  # noqa: BLE001 - safetensors' own error types
                raise DiploError(f"{head}: unreadable scorer head ({exc})") from None
            if unexpected or [k for k in missing if not k.startswith("encoder.")]:
                raise DiploError(f"{head}: scorer head does not match the settings")
            saved = read_json_object(self.folder / SETTINGS_FILE, "summariser settings")
            self.k_by_source = {str(k): int(v) for k, v in (saved.get("k_by_source") or {}).items()}
            self.default_k = int(saved.get("default_k", self.default_k))
        self.net.eval()

    # windows ---------------------------------------------------------------------------------------------------
    def _windows(self, text: str, headline: str | None, reference: str | None = None
                 ) -> tuple[list[str], np.ndarray, list[Window]]:
        """(sentences, candidate mask, windows) of one article; with a reference, windows carry oracle labels."""
        o = self.options
        sentences, allowed = candidates(text, headline)
        allowed[o.max_article_sentences:] = False
        index = [i for i in range(len(sentences)) if allowed[i]]
        labels = [0.0] * len(sentences)
        if reference is not None and index:
            picked = oracle_labels([sentences[i] for i in index], reference, o.oracle_max_sentences)
            for i, flag in zip(index, picked):
                labels[i] = float(flag)
        tok = self.tokenizer
        cls_id, sep_id = tok.cls_token_id, tok.sep_token_id
        prefix: list[int] = []
        if headline and o.max_headline_tokens:
            prefix = [cls_id, *tok(headline, add_special_tokens=False)["input_ids"][: o.max_headline_tokens], sep_id]
        limit = int(o.max_length or 512)
        windows: list[Window] = []
        current = Window(list(prefix), [0] * len(prefix), [], [], [])
        pieces = tok([sentences[i] for i in index], add_special_tokens=False)["input_ids"] if index else []
        for i, ids in zip(index, pieces):
            piece = [cls_id, *ids[: o.max_sentence_tokens], sep_id]
            if current.cls_index and len(current.input_ids) + len(piece) > limit:
                windows.append(current)
                current = Window(list(prefix), [0] * len(prefix), [], [], [])
            segment = len(current.cls_index) % 2
            current.cls_index.append(len(current.input_ids))
            current.sentence_index.append(i)
            current.labels.append(labels[i])
            current.input_ids.extend(piece[: limit - len(current.input_ids)])
            current.token_type_ids.extend([segment] * (len(current.input_ids) - len(current.token_type_ids)))
        if current.cls_index:
            windows.append(current)
        return sentences, allowed, windows

    @staticmethod
    def _collate(rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
        width = max(len(r["input_ids"]) for r in rows)
        count = max(len(r["cls_index"]) for r in rows)

        def pad(key: str, size: int, value: float, dtype: torch.dtype) -> torch.Tensor:
            return torch.tensor([list(r[key]) + [value] * (size - len(r[key])) for r in rows], dtype=dtype)

        batch = {"input_ids": pad("input_ids", width, 0, torch.long),
                 "token_type_ids": pad("token_type_ids", width, 0, torch.long),
                 "attention_mask": torch.tensor([[1] * len(r["input_ids"]) + [0] * (width - len(r["input_ids"]))
                                                 for r in rows], dtype=torch.long),
                 "cls_index": pad("cls_index", count, 0, torch.long),
                 "sentence_index": pad("sentence_index", count, 0, torch.long),
                 "sentence_mask": torch.tensor([[1] * len(r["cls_index"]) + [0] * (count - len(r["cls_index"]))
                                                for r in rows], dtype=torch.bool)}
        if "labels" in rows[0]:
            batch["labels"] = pad("labels", count, IGNORE, torch.float32)
        return batch

    # training --------------------------------------------------------------------------------------------------
    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        from datasets import Dataset

        set_seed(context.seed)
        if self.options.freeze_layers:
            freeze(self.net.encoder, self.options.freeze_layers, False)
        headlines = context_column(train.context, "headline", len(train))
        rows = []
        for text, headline, reference in zip(train.inputs, headlines, train.targets):
            for w in self._windows(text, headline, reference)[2]:
                rows.append({"input_ids": w.input_ids, "token_type_ids": w.token_type_ids, "cls_index": w.cls_index,
                             "sentence_index": w.sentence_index, "labels": w.labels})
        y = np.array([[v] for r in rows for v in r["labels"]], dtype=np.float32)
        log.info("document scorer: %d articles in %d windows, %d candidate sentences (%.1f%% oracle positives)",
                 len(train), len(rows), len(y), 100 * float(y.mean()) if len(y) else 0.0)
        weight = engine.positive_weights(y, context.trainer.pos_weight, context.trainer.pos_weight_cap)
        if weight is not None:
            self.net.register_buffer("pos_weight", weight, persistent=False)
        job = engine.TrainJob(model=self.net, tokenizer=self.tokenizer, train=Dataset.from_list(rows), dev=None,
                              collator=self._collate, eval_batch_size=self.options.eval_batch_size,
                              arguments={"remove_unused_columns": False})
        self.net, self.training = engine.train(job, context)
        self.net.eval()
        self._choose_lengths(dev)

    def _choose_lengths(self, dev: Examples) -> None:
        """The summary length (sentences) with the best dev score by the task's selection metric (ROUGE-L), for
        each data source and over all of dev."""
        if self.options.sentences is not None or not len(dev):
            return
        scored = self.sentence_scores(dev.inputs, context_column(dev.context, "headline", len(dev)))
        sources = (dev.context or {}).get("source") or dev.sources()
        grid = sorted(set(self.options.sentence_grid))  # a tie keeps the shorter summary
        default, by_source, _ = choose_per_source([[self._select(s, v, k) for s, v in scored] for k in grid],
                                                  dev.targets, sources, dev_measure(self.spec))
        self.default_k = grid[default]
        self.k_by_source = {source: grid[i] for source, i in by_source.items()}
        self.training["summary_sentences"] = {"default": self.default_k, **self.k_by_source}
        log.info("summary length chosen on dev: %s", self.training["summary_sentences"])

    # inference -------------------------------------------------------------------------------------------------
    @torch.inference_mode()
    def sentence_scores(self, texts: list[str], headlines: list[str | None] | None = None
                        ) -> list[tuple[list[str], np.ndarray]]:
        """Per article: its sentences and their logits (``-inf`` for sentences that may not be chosen)."""
        self.net.eval()
        headlines = headlines or [None] * len(texts)
        parsed, rows, owner = [], [], []
        for a, (text, headline) in enumerate(zip(texts, headlines)):
            sentences, allowed, windows = self._windows(text, headline)
            parsed.append((sentences, allowed))
            for w in windows:
                rows.append({"input_ids": w.input_ids, "token_type_ids": w.token_type_ids, "cls_index": w.cls_index,
                             "sentence_index": w.sentence_index})
                owner.append(a)
        device = next(self.net.parameters()).device
        width = max((len(r["cls_index"]) for r in rows), default=0)

        def forward(batch: dict[str, torch.Tensor]) -> torch.Tensor:  # one logit per sentence, padded to width
            logits = self.net(**{k: v.to(device) for k, v in batch.items()})["logits"]
            return nn.functional.pad(logits, (0, width - logits.shape[1]))

        logits = batched_forward(rows, self.inference_batch_size or self.options.eval_batch_size, forward, width, {},
                                 desc="scoring sentences", collate=self._collate)
        out = [np.full(len(s), -np.inf, dtype=np.float32) for s, _ in parsed]
        for row, a, values in zip(rows, owner, logits):
            out[a][row["sentence_index"]] = values[: len(row["sentence_index"])]
        return [(sentences, scores) for (sentences, _), scores in zip(parsed, out)]

    def _select(self, sentences: list[str], scores: np.ndarray, k: int) -> str:
        summary = choose(sentences, scores, k, self.options.block_trigrams, self.options.max_words)
        return compress_summary(split_sentences(summary)) if self.options.compress else summary

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        sources = context_column(context, "source", len(texts))
        out = []
        headlines = context_column(context, "headline", len(texts))
        for (sentences, scores), source in zip(self.sentence_scores(texts, headlines), sources):
            k = self.options.sentences or self.k_by_source.get(str(source), self.default_k)
            out.append(self._select(sentences, scores, k))
        return out

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        self.net.encoder.save_pretrained(str(folder))
        self.tokenizer.save_pretrained(str(folder))
        save_file({k: v.contiguous() for k, v in self.net.head_state().items()}, str(folder / HEAD_FILE))
        atomic_write_json(folder / SETTINGS_FILE, {**self.option_dict(), "k_by_source": self.k_by_source,
                                                   "default_k": self.default_k})

    def use_batch_size(self, size: int) -> bool:
        self.inference_batch_size = size  # for predict; the option (at most 4096) stays the checkpoint's
        return True

    def card(self) -> CardInfo:
        o = self.options
        lengths = ", ".join(f"{k} {v}" for k, v in self.k_by_source.items()) or "fixed"
        return CardInfo(
            f"`{o.pretrained}` reads the headline and the article's sentences in one pass ([CLS] before each "
            f"sentence, windows of {o.max_length} tokens); the [CLS] vectors go through a {o.inter_layers}-layer "
            "inter-sentence transformer and a linear scorer trained on greedy ROUGE-oracle labels. Only statements "
            "are candidates (no questions, bylines or captions; datelines stripped); the best sentences are taken "
            f"with trigram blocking, in document order; sentences per summary chosen on dev ({lengths}; default "
            f"{self.default_k}).", library="transformers", uses_trainer=True)
