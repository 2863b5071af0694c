"""Article summarisation: extractive, abstractive and baseline models scored with ROUGE + bootstrap CIs."""

from diplo_ml.tasks.summarise.summariser import Summariser
from diplo_ml.tasks.summarise.task import SummariseTask

__all__ = ["SummariseTask", "Summariser"]
