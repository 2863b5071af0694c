"""Mean-pooled sentence embeddings from a packaged encoder (used by zero-shot and extractive models)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

from diplo_ml.models.batching import length_sorted_batches


class SentenceEncoder:
    """Encode texts into L2-normalised mean-pooled vectors, in length-sorted batches."""

    def __init__(self, folder: str | Path, max_length: int = 256, batch_size: int = 32) -> None:
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModel.from_pretrained(str(folder)).eval()
        self.max_length = max_length
        self.batch_size = batch_size

    @torch.inference_mode()
    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        lengths = [len(t) for t in texts]
        for batch in length_sorted_batches(lengths, self.batch_size):
            enc = self.tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                 max_length=self.max_length, return_tensors="pt")
            hidden = self.model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            out[batch] = pooled.cpu().numpy()
        return out
