"""Pillar-tagging models: each scores every label of every paragraph (probabilities in [0, 1])."""
