"""The one batched-inference loop for transformer encoders, and mean-pooled sentence embeddings.

Texts are tokenised once, then run in batches of similar token count (longest first) with dynamic padding, so
little compute goes to padding; results come back in input order. Every encoder model (tagger, sentence scorer,
zero-shot embedder, document scorer) scores through :func:`batched_forward` with its own ``forward``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tqdm.auto import tqdm

from diplo_ml.errors import DiploError, first_line

log = logging.getLogger(__name__)

Row = dict[str, list[int]]
PROGRESS_MIN = 2000  # inputs from which a progress bar is shown


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Yield lists of indices into ``lengths``, longest first, ``batch_size`` at a time."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    for start in range(0, len(order), batch_size):
        yield order[start : start + batch_size]


def pad_rows(rows: Sequence[Row], pad_values: dict[str, int], padding_side: str = "right") -> dict[str, torch.Tensor]:
    """Stack pre-tokenised rows (``input_ids``, ``attention_mask``, ...) into padded int64 tensors.

    Missing keys in ``pad_values`` pad with 0 (attention masks, token type ids).
    """
    width = max(len(row["input_ids"]) for row in rows)
    batch = {}
    for key in rows[0]:
        tensor = torch.full((len(rows), width), int(pad_values.get(key, 0)), dtype=torch.long)
        for r, row in enumerate(rows):
            values = torch.as_tensor(row[key], dtype=torch.long)
            if padding_side == "left":
                tensor[r, width - len(values):] = values
            else:
                tensor[r, : len(values)] = values
        batch[key] = tensor
    return batch


def pad_values(tokenizer: Any) -> dict[str, int]:
    return {"input_ids": tokenizer.pad_token_id or 0, "token_type_ids": getattr(tokenizer, "pad_token_type_id", 0)}


CHARS_PER_TOKEN = 100  # a WordPiece token spans at most 100 characters (a longer word is one [UNK]); English ~5
MIN_REACH = 50_000     # and never less: runs of spaces or invisible signs take characters and no tokens


def within_reach(texts: Sequence[str], max_length: int) -> list[str]:
    """Each text cut to the characters its first ``max_length`` tokens can span: the tokenizer splits the whole
    text before it truncates, so one 200 MB row took 35 GB; what the model reads is the same."""
    limit = max(max_length * CHARS_PER_TOKEN, MIN_REACH)
    return [text[:limit] for text in texts]


def encode_texts(tokenizer: Any, texts: Sequence[str], max_length: int,
                 pairs: Sequence[str | None] | None = None) -> Any:
    """One tokenizer call for every text (and, when ``pairs`` is given, its second segment: an empty one for None),
    cut at ``max_length`` tokens (the longer of the two segments is cut first); the tokenizer's columns."""
    texts = within_reach(texts, max_length)
    if pairs is not None:
        return tokenizer(texts, within_reach([p or "" for p in pairs], max_length), truncation="longest_first",
                         max_length=max_length)
    return tokenizer(texts, truncation=True, max_length=max_length)


def tokenize_rows(tokenizer: Any, texts: Sequence[str], max_length: int,
                  pairs: Sequence[str | None] | None = None) -> list[Row]:
    """:func:`encode_texts` as one row (a dict of token lists) per text."""
    enc = encode_texts(tokenizer, texts, max_length, pairs)
    keys = list(enc.keys())
    return [{key: enc[key][i] for key in keys} for i in range(len(texts))]


@torch.inference_mode()
def batched_forward(rows: Sequence[Row], batch_size: int, forward: Callable[[dict[str, torch.Tensor]], torch.Tensor],
                    width: int, pads: dict[str, int], lengths: Sequence[int] | None = None,
                    padding_side: str = "right", desc: str = "scoring",
                    collate: Callable[[list[Row]], dict[str, torch.Tensor]] | None = None) -> np.ndarray:
    """``forward`` over padded batches of ``rows``; returns ``(len(rows), width)`` float32 in input order.

    ``lengths`` orders the batches (default: token counts); ``collate`` makes a batch of rows (default
    :func:`pad_rows` with ``pads``).
    """
    out = np.zeros((len(rows), width), dtype=np.float32)
    if not rows:
        return out
    order = lengths if lengths is not None else [len(r["input_ids"]) for r in rows]
    bar = tqdm(total=len(rows), desc=desc, unit="text", disable=len(rows) < PROGRESS_MIN, leave=False)
    for batch in length_sorted_batches(order, batch_size):
        chosen = [rows[i] for i in batch]
        inputs = collate(chosen) if collate is not None else pad_rows(chosen, pads, padding_side)
        result = forward(inputs)
        out[batch] = result.float().cpu().numpy().reshape(len(batch), width)
        bar.update(len(batch))
    bar.close()
    return out


def load_classifier(source: str | Path, saved: bool = False, **kwargs: Any) -> torch.nn.Module:
    """``AutoModelForSequenceClassification`` from a folder, without the expected "newly initialised head" warning
    for pretrained weights; from a ``saved`` checkpoint every weight must be there (see :func:`check_complete`)."""
    from transformers import AutoModelForSequenceClassification

    quiet = logging.getLogger("transformers.modeling_utils")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        model, info = AutoModelForSequenceClassification.from_pretrained(
            str(source), use_safetensors=True, output_loading_info=True, **kwargs)
    finally:
        quiet.setLevel(level)
    if saved:
        check_complete(info, source)
    return model


def load_tokenizer(folder: str | Path) -> Any:
    """The tokenizer of an encoder folder, refused when it cannot serve the model: without its ``tokenizer.json``
    (a copy that missed one file) transformers builds one from ``tokenizer_config.json`` alone that knows five
    tokens, turns every word into ``[UNK]`` and lets the model predict noise without a word."""
    import json

    from transformers import AutoConfig, AutoTokenizer

    try:  # the tokenizer's class is read from config.json: a damaged one is named as such, not as the tokenizer
        AutoConfig.from_pretrained(str(folder))
    except Exception as exc:  # noqa: BLE001 - transformers raises OSError, ValueError or pydantic's errors here
        raise DiploError(f"{Path(folder) / 'config.json'}: not a usable model configuration ({first_line(exc)})") \
            from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(folder))
        tokenizer("Hanoi 2024 \u2603")  # a damaged vocabulary fails only when used (here: on an unknown sign)
    except Exception as exc:  # noqa: BLE001 - the tokenizers library raises a bare Exception for a damaged vocabulary
        raise DiploError(f"{folder}: cannot load the tokenizer ({first_line(exc)}); restore the checkpoint's "
                         "tokenizer files") from None
    try:
        expected = json.loads((Path(folder) / "config.json").read_text(encoding="utf-8")).get("vocab_size")
    except (OSError, ValueError, AttributeError):
        expected = None  # the model's own loading names a missing or damaged config.json
    if len(tokenizer) < 100 or (isinstance(expected, int) and not isinstance(expected, bool)
                                and len(tokenizer) < 0.9 * expected):
        raise DiploError(f"{folder}: the tokenizer knows {len(tokenizer)} tokens and the model {expected}: its "
                         "tokenizer.json (or vocab.txt) is missing or damaged; restore the tokenizer files")
    return tokenizer


def check_complete(info: dict[str, Any], folder: str | Path) -> None:
    """A saved checkpoint's weights cover its model exactly: a part they lack (a head, layers its config.json adds)
    would be randomly initialised and predict noise without a word, so it is refused, as are weights of another
    shape or weights the model has no place for."""
    problems = [(what, [str(k[0] if isinstance(k, tuple) else k) for k in info.get(key) or []])
                for what, key in (("lack", "missing_keys"), ("have the wrong shape for", "mismatched_keys"),
                                  ("include what the model has no place for:", "unexpected_keys"))]
    for what, keys in problems:
        if keys:
            listed = ", ".join(sorted(keys)[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
            raise DiploError(f"{folder}: damaged checkpoint: its weights {what} {listed} (compare config.json with "
                             "model.safetensors); restore the checkpoint or retrain")


def within_positions(max_length: int, config: Any) -> int:
    """``max_length`` cut to what the encoder's position embeddings take: a checkpoint saved with more (before
    training checked it) would fail on every long input."""
    from diplo_ml.models import weights

    limit = weights.input_limit(config.to_dict())
    if limit is not None and max_length > limit:
        log.warning("max_length %d is more than the encoder takes; inputs are cut at %d tokens", max_length, limit)
        return limit
    return max_length


def check_positions(max_length: int | None, pretrained: str | None) -> None:
    """For a model about to be trained: ``max_length`` fits the encoder's position embeddings (ValueError, for an
    options check, when not); a checkpoint being loaded is cut to fit instead (:func:`within_positions`)."""
    from diplo_ml.models import weights
    from diplo_ml.models.base import loading_checkpoint

    if max_length is None or pretrained is None or loading_checkpoint():
        return
    limit = weights.pretrained_input_limit(pretrained)
    if limit is not None and max_length > limit:
        raise ValueError(f"max_length: at most {limit} tokens for '{pretrained}' (its position embeddings), got "
                         f"{max_length}")


def fits_positions(options: Any) -> Any:
    """An options model validator (``model_validator(mode="after")(fits_positions)``): the options' ``max_length``
    fits the position embeddings of their ``pretrained`` encoder (see :func:`check_positions`)."""
    check_positions(options.max_length, options.pretrained)
    return options


def fits_layers(options: Any) -> Any:
    """An options model validator: ``freeze_layers`` is at most the layers of the ``pretrained`` encoder (60 froze
    the whole of a 6-layer encoder without a word)."""
    from diplo_ml.models import weights
    from diplo_ml.models.base import loading_checkpoint

    layers = weights.config_number(options.pretrained, "num_hidden_layers")
    if layers is not None and options.freeze_layers > layers and not loading_checkpoint():
        raise ValueError(f"freeze_layers: at most {layers} (the layers of '{options.pretrained}'), got "
                         f"{options.freeze_layers}")
    return options


def model_device(model: torch.nn.Module) -> torch.device:
    return next(model.parameters()).device


class SentenceEncoder:
    """L2-normalised mean-pooled vectors from a transformers encoder folder."""

    def __init__(self, folder: str | Path, max_length: int = 256, batch_size: int = 32) -> None:
        from transformers import AutoModel

        self.tokenizer = load_tokenizer(folder)
        self.model = AutoModel.from_pretrained(str(folder), use_safetensors=True).eval()
        self.max_length = within_positions(max_length, self.model.config)
        self.batch_size = batch_size

    def _forward(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        device = model_device(self.model)
        hidden = self.model(**{k: v.to(device) for k, v in inputs.items()}).last_hidden_state
        mask = inputs["attention_mask"].to(device).unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = tokenize_rows(self.tokenizer, texts, self.max_length)
        return batched_forward(rows, self.batch_size, self._forward, int(self.model.config.hidden_size),
                               pad_values(self.tokenizer), lengths=[len(t) for t in texts], desc="embedding")
