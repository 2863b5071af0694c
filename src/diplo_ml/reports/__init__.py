"""Analyst-facing outputs: article briefs (`diplo-ml brief`) and run reports (`diplo-ml report`)."""
