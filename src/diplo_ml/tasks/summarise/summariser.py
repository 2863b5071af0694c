"""The summariser: a summarisation model whose every summary comes with the entities its article lacks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diplo_ml.data.examples import Context, context_column
from diplo_ml.faithfulness import article_source, unsupported_entities
from diplo_ml.models.base import SummarisingModel
from diplo_ml.tasks.base import Predictor, as_texts

NOTHING_TO_SUMMARISE = "no statement to summarise: the text holds only questions, captions, credits or headings"


class Summariser(Predictor):
    def __init__(self, model: SummarisingModel, meta: dict[str, Any] | None = None) -> None:
        self.model = model
        self.meta = meta or {}

    def predict(self, texts: Sequence[str], context: Context | None = None) -> list[dict[str, Any]]:
        """One ``{"summary", "unsupported_entities"}`` per article text (names and numbers that neither the text nor
        its headline, when ``context`` gives one, contains)."""
        texts = as_texts(texts)
        if not texts:
            return []
        summaries = self.model.summarise(list(texts), context)
        headlines = context_column(context, "headline", len(texts))
        return [{"summary": s, "unsupported_entities": unsupported_entities(s, article_source(t, h)),
                 **({} if s.strip() else {"note": NOTHING_TO_SUMMARISE})}
                for s, t, h in zip(summaries, texts, headlines)]

    def summarise(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        return self.predict(texts)
