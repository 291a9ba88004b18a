"""Editions drawn in parallel processes that never outlive the build.

The platform's own start method is used (spawn on Windows and macOS, fork on Linux), so nothing
may rely on fork. A worker ignores Ctrl-C (the parent stops it) and watches its parent: when the
parent dies, even by kill -9, the worker removes the staging folders it was given and exits,
instead of blocking on a pipe for ever.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from collections.abc import Callable, Sequence
from pathlib import Path

POLL = 0.2  # s between two looks at the parent, where the platform gives no sentinel to wait on


def run_parallel(function: Callable, jobs: Sequence[tuple], cleanup: Sequence[Path]) -> list:
    """function(*job) for every job in worker processes; the results in the jobs' order.
    On any exception in the parent (Ctrl-C, SIGTERM, a failed job) the workers are stopped."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    workers = min(len(jobs), os.cpu_count() or 1)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context(), initializer=_start_worker, initargs=(os.getpid(), tuple(cleanup))
    )
    try:
        with signals_held():  # a worker started now would die of one with a traceback before it is set up
            futures = [pool.submit(function, *job) for job in jobs]
        results = [future.result() for future in futures]
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return results


HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def signals_held():
    """Hold Ctrl-C and SIGTERM for a moment that must not be cut in two: while workers start (they
    inherit the mask, set their own handling, then unblock), while a staging folder is made or
    removed, while an edition's files are swapped. What arrived meanwhile comes right after."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None:  # Windows: no signal masks
        yield
        return
    previous = block(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, previous)


def _stop(pool) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _start_worker(parent: int, cleanup: tuple[Path, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
    threading.Thread(target=_watch_parent, args=(parent, cleanup), daemon=True).start()


def _watch_parent(parent: int, cleanup: tuple[Path, ...]) -> None:
    from multiprocessing import parent_process

    process = parent_process()
    if os.name == "nt" and process is not None:
        process.join()  # waits on the parent's handle
    else:
        # A forked worker inherits its siblings' ends of the parent's pipes, so the sentinel may
        # never fire; being handed to another parent is the sure sign on POSIX.
        while os.getppid() == parent:
            time.sleep(POLL)
    for folder in cleanup:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(1)


@contextmanager
def stopped_by_sigterm():
    """SIGTERM stops a build as Ctrl-C does: through every `finally`, so no staging folder stays."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    from cardgen.stopping import stop

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
