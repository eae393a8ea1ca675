"""Public re-export: batch runs live in :mod:`pipeline.runs.batch`."""

import sys

from pipeline.runs.batch import BatchSummary, main, run_batch

__all__ = ["BatchSummary", "main", "run_batch"]

if __name__ == "__main__":
    sys.exit(main())
