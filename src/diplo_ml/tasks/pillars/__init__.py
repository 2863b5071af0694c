"""Pillar tagging: multi-label paragraph classification with per-label thresholds tuned on dev."""

from diplo_ml.tasks.pillars.tagger import Tagger
from diplo_ml.tasks.pillars.task import PillarsTask

__all__ = ["PillarsTask", "Tagger"]
