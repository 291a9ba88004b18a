"""Live reload: the deck folder is watched, and every open page is told when a file changed.

A change (a text, deck.yaml, layout.yaml, a drawing) makes the workspace read the deck again;
then each page subscribed to /events gets a server-sent event and fetches itself again.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("cardgen.serve")

HEARTBEAT = 15.0  # seconds: a comment line keeps proxies and the browser from dropping an idle stream


class Broadcast:
    """Fan-out of change notices to every open page; each page has a queue of its own."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue] = set()
        self.generation = 0  # how many changes the pages have been told of

    def publish(self, files: list[str]) -> None:
        self.generation += 1
        for queue in self._queues:
            queue.put_nowait({"generation": self.generation, "files": files})

    def close(self) -> None:
        for queue in self._queues:
            queue.put_nowait(None)

    async def stream(self):
        """The text/event-stream of one page, until the page goes or the server stops."""
        queue: asyncio.Queue = asyncio.Queue()
        self._queues.add(queue)
        try:
            yield "retry: 500\n\n"  # a page whose stream broke reconnects quickly
            # a change told before this page listened: the page compares it with the one it was drawn at
            yield f"event: hello\ndata: {json.dumps({'generation': self.generation})}\n\n"
            while True:
                try:
                    notice = await asyncio.wait_for(queue.get(), HEARTBEAT)
                except asyncio.TimeoutError:
                    yield ": still here\n\n"
                    continue
                if notice is None:
                    return
                yield f"event: change\ndata: {json.dumps(notice)}\n\n"
        finally:
            self._queues.discard(queue)


async def watch(folder: Path, reload: Callable[[list[str]], None], broadcast: Broadcast, stop: asyncio.Event) -> None:
    """Until `stop`: on each batch of changes under `folder`, reload with the names of the files
    changed (in a thread, as it reads and plans the deck) and tell the pages. A short debounce keeps the page within a second of a save."""
    from starlette.concurrency import run_in_threadpool
    from watchfiles import awatch

    async for changes in awatch(folder, debounce=150, step=30, stop_event=stop):
        files = sorted({Path(path).name for _, path in changes})
        try:
            await run_in_threadpool(reload, files)
        except Exception:  # the watcher must outlive a bug in one reload; the page shows the next state
            log.exception("reloading the deck after a change to %s failed", ", ".join(files))
        broadcast.publish(files)
