"""Scoring against gold: gold loading, scores, format converters, baselines."""
