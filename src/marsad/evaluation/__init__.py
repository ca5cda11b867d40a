"""Evaluation of the extractors against gold data: metrics and readers shared by the `marsad eval` commands."""
