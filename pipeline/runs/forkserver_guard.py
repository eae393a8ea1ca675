"""Imported by the batch forkserver only (as a preload): it ends with the main process.

Never import this module elsewhere: importing it starts :func:`exit_with_parent`.
"""

from __future__ import annotations

from pipeline.runs.orphan import exit_with_parent

exit_with_parent()
