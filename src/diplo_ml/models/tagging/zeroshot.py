"""Zero-shot tagging: cosine similarity of paragraph embeddings to written label descriptions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import Field, model_validator

from diplo_ml.data.examples import Context, Examples
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models import weights
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, TaggingModel, TaskSpec
from diplo_ml.models.encoding import SentenceEncoder, fits_positions

FILE = "label_descriptions.json"


class ZeroShotOptions(ModelOptions):
    pretrained: weights.PretrainedName = "minilm"
    max_length: int | None = Field(256, ge=8, le=8192)
    descriptions: dict[str, list[str]] = Field(default_factory=dict)

    _fits_the_encoder = model_validator(mode="after")(fits_positions)


class ZeroShotTagger(TaggingModel):
    """Score = max cosine similarity to any description of the label, rescaled to [0, 1].

    Nothing is trained; the per-label thresholds tuned on dev do the calibration.
    """

    Options = ZeroShotOptions
    options: ZeroShotOptions

    def __init__(self, options: ZeroShotOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.labels = list(spec.labels)
        descriptions = options.descriptions
        if self.folder is not None:
            descriptions = read_json_object(self.folder / FILE, "label descriptions")
        missing = [label for label in self.labels if not descriptions.get(label)]
        if missing:
            raise DiploError(f"model.descriptions: no description for label(s) {', '.join(missing)}")
        self.descriptions = {label: list(descriptions[label]) for label in self.labels}
        self.encoder = SentenceEncoder(weights.resolve(options.pretrained), int(options.max_length or 256))
        self._label_vectors = [self.encoder.encode(self.descriptions[label]) for label in self.labels]

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to learn."""

    def scores(self, texts: list[str], context: Context | None = None) -> np.ndarray:
        vectors = self.encoder.encode(texts)
        sims = np.stack([(vectors @ lv.T).max(axis=1) for lv in self._label_vectors], axis=1)
        return np.clip((sims + 1.0) / 2.0, 0.0, 1.0).astype(np.float32)  # rounding can put a cosine past 1

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_json(Path(folder) / FILE, self.descriptions)

    def use_batch_size(self, size: int) -> bool:
        self.encoder.batch_size = size
        return True

    def card(self) -> CardInfo:
        return CardInfo(f"No training: `{self.options.pretrained}` mean-pooled embeddings compared with written "
                        "descriptions of each pillar (cosine similarity, best description per label); per-label "
                        "thresholds tuned on dev do the calibration.")
