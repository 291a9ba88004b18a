"""Ctrl-C and SIGTERM, remembered as well as raised.

Some libraries catch every exception: ReportLab turns a KeyboardInterrupt that lands inside its
colour parser into "ValueError: Invalid color value". A stop that comes out as another error must
still end the run as a stop (one line, exit 130), never as a traceback; the flag says it was one.
"""

from __future__ import annotations

import signal
import threading

_stopped = False


def stop(signum, frame) -> None:
    """The handler for SIGINT (and SIGTERM during a build): remember, then raise as Python does."""
    global _stopped
    _stopped = True
    raise KeyboardInterrupt


def catch_interrupts() -> None:
    """A command starts: nothing stopped yet, and Ctrl-C goes through `stop` from now on (only the
    main thread may set handlers)."""
    global _stopped
    _stopped = False
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, stop)


def stopped() -> bool:
    return _stopped
