"""`cardgen serve`: the studio on 127.0.0.1, on a port of the user's choice or a free one."""

from __future__ import annotations

import asyncio
import errno
import socket
import tempfile
import threading
import webbrowser
from pathlib import Path

import click
import uvicorn

from cardgen.errors import CardgenError

HOST = "127.0.0.1"  # never another interface: the studio writes the deck's files
DEFAULT_PORT = 8765


class PortBusy(CardgenError):
    """The port asked for is taken: a message, exit 1."""


def listen(port: int | None) -> socket.socket:
    """A socket bound to 127.0.0.1: `port`, any free port for 0, or the default port when it is
    free and another one when it is not (only an explicit --port that is busy is an error)."""
    wanted = DEFAULT_PORT if port is None else port
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, wanted))
    except OSError as exc:
        if port is None and exc.errno in (errno.EADDRINUSE, errno.EACCES):
            sock.bind((HOST, 0))
        else:
            sock.close()
            raise PortBusy(f"port {wanted} on {HOST} is taken by another program ({exc.strerror}); "
                           "choose another with --port N, or --port 0 for any free one") from None  # fmt: skip
    sock.listen(64)
    return sock


def serve(folder: Path, lang: str | None, port: int | None, open_browser: bool, out: Path | None) -> None:
    from cardgen.serve.app import create_app
    from cardgen.serve.studio import Studio
    from cardgen.serve.workspace import Workspace

    sock = listen(port)
    address = f"http://{HOST}:{sock.getsockname()[1]}/"
    click.echo(f"Reading the deck in {folder} ...")
    workspace = Workspace(folder)
    with tempfile.TemporaryDirectory(prefix="cardgen-studio-") as scratch:
        studio = Studio(workspace, folder, out or Path(scratch), lang)

        def started() -> None:
            click.echo(f"The studio is open at {address}  (press Ctrl-C to stop)")
            if workspace.problems:
                click.echo(f"The deck has {len(workspace.problems)} mistakes; the page lists them.")
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()

        app = create_app(studio, on_start=started)
        config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2, lifespan="on")
        try:
            _Server(config, app.state.broadcast).run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn raises Ctrl-C again once it has shut down
            interrupted = True
        else:
            interrupted = False
    click.echo("The studio stopped; every saved text is in the deck's files.")
    if interrupted:
        raise SystemExit(130)  # the exit code of every command stopped with Ctrl-C


class _Server(uvicorn.Server):
    """uvicorn's server, ending every page's event stream as soon as Ctrl-C is pressed: uvicorn
    waits for open connections before it stops, and an event stream never closes by itself."""

    def __init__(self, config: uvicorn.Config, broadcast) -> None:
        super().__init__(config)
        self._broadcast = broadcast
        self._loop: asyncio.AbstractEventLoop | None = None

    async def startup(self, sockets=None) -> None:
        self._loop = asyncio.get_running_loop()
        await super().startup(sockets=sockets)

    def handle_exit(self, sig, frame) -> None:
        if self._loop is not None:  # called from a signal handler, outside the loop's own turn
            self._loop.call_soon_threadsafe(self._broadcast.close)
        super().handle_exit(sig, frame)
