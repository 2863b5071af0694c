"""Summarisation models, one module per family (lead, textrank, sentence scorer, document scorer, SmolLM2)."""
