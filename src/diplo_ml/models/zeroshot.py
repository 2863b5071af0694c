"""Zero-shot tagging: cosine similarity of paragraph embeddings to written label descriptions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.models import registry
from diplo_ml.models.encoder import SentenceEncoder

FILE = "label_descriptions.json"


class ZeroShotScorer:
    """Score = max cosine similarity to any description of the label, rescaled to [0, 1].

    Nothing is trained; the per-label thresholds tuned on dev do the calibration.
    """

    kind = "zeroshot"

    def __init__(self, labels: list[str], cfg: dict[str, Any]) -> None:
        self.labels = labels
        self.cfg = cfg
        descriptions = cfg["descriptions"]
        missing = [label for label in labels if label not in descriptions]
        if missing:
            raise ValueError(f"zero-shot model has no description for label(s): {', '.join(missing)}")
        self.descriptions = {label: list(descriptions[label]) for label in labels}
        self.encoder = SentenceEncoder(registry.resolve(cfg["pretrained"]), int(cfg.get("max_length", 256)))
        self._label_vectors = [self.encoder.encode(self.descriptions[label]) for label in labels]

    def fit(self, *_: Any, **__: Any) -> None:
        """Nothing to learn."""

    def scores(self, texts: list[str]) -> np.ndarray:
        vectors = self.encoder.encode(texts)
        sims = np.stack([(vectors @ lv.T).max(axis=1) for lv in self._label_vectors], axis=1)
        return ((sims + 1.0) / 2.0).astype(np.float32)

    def save(self, folder: Path) -> None:
        (Path(folder) / FILE).write_text(json.dumps(self.descriptions, indent=2) + "\n")

    @classmethod
    def load(cls, folder: Path, labels: list[str], cfg: dict[str, Any]) -> ZeroShotScorer:
        cfg = dict(cfg)
        cfg["descriptions"] = json.loads((Path(folder) / FILE).read_text())
        return cls(labels, cfg)
