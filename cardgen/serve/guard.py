"""Requests from anywhere but this machine's own pages are refused.

The studio listens on 127.0.0.1 only, but a web page elsewhere can still reach it through the
user's browser: by a name of its own that resolves to 127.0.0.1 (DNS rebinding: a foreign Host
header) or by posting a form across sites (a foreign Origin header). Both are answered 403
before any route runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"127.0.0.1", "localhost"})


def _hostname(value: str) -> str | None:
    """The host of a Host header ('127.0.0.1:8765') or an Origin ('http://localhost:8765')."""
    try:
        parts = urlsplit(value if "//" in value else f"//{value}")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    return parts.hostname


def allowed(host: str | None, origin: str | None) -> bool:
    if host is None or _hostname(host) not in LOCAL_NAMES:
        return False
    if origin is None:
        return True
    return origin.startswith("http://") and _hostname(origin) in LOCAL_NAMES


class LocalOnly:
    """ASGI middleware: a request whose Host or Origin is not this machine gets 403."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        if allowed(headers.get("host"), headers.get("origin")):
            return await self.app(scope, receive, send)
        body = b"Refused: the studio only answers pages it served itself, at http://127.0.0.1.\n"
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
