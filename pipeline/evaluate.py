"""Public re-export: scoring lives in :mod:`pipeline.evaluation`."""

from pipeline.evaluation.gold import load_gold_dir
from pipeline.evaluation.scores import Scores, run_pipeline, score

__all__ = ["Scores", "load_gold_dir", "run_pipeline", "score"]
