"""Helper processes that end with their parent: no orphaned workers after a crash.

A batch run's worker processes fork from a forkserver, itself a child of the run's main
process. If the main process is killed (``kill -9``, out of memory), nothing tells them,
and they would wait for work forever. :func:`exit_with_parent` starts a watchdog thread
that ends the calling process once its parent has gone (it is then re-parented, so
``os.getppid()`` changes): the forkserver ends when the main process dies, the workers
when the forkserver does. The resource tracker then sees its pipe close and ends too.
"""

from __future__ import annotations

import os
import threading
import time

#: Seconds between two looks at the parent.
INTERVAL = 0.5

#: The process whose watchdog runs (a forked child inherits this but not the thread).
_watching_pid: int | None = None


def exit_with_parent(interval: float = INTERVAL) -> None:
    """End this process (``os._exit``) soon after its parent process has died."""
    global _watching_pid
    if _watching_pid == os.getpid():
        return
    _watching_pid = os.getpid()
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="vnie-exit-with-parent", daemon=True).start()
