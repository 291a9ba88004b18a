"""The studio's web app: the deck page, the translators' view, previews, editing, build and
download, live reload. `create_app` wires a Studio into Starlette; `cardgen serve` runs it."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from cardgen.serve import api
from cardgen.serve.guard import LocalOnly
from cardgen.serve.live import Broadcast, watch
from cardgen.serve.studio import Refused, Studio, engine

HERE = Path(__file__).parent


def _generation(request: Request) -> dict:
    """Every page says which change it was drawn after, so that its event stream can tell it missed one."""
    return {"generation": request.app.state.broadcast.generation}


templates = Jinja2Templates(directory=HERE / "templates", context_processors=[_generation])
MAX_BODY = 1_000_000  # bytes: a card's texts are a few hundred; anything near this is not our form
IMAGE_CACHE = {"Cache-Control": "private, max-age=3600"}  # image URLs carry a stamp of what they show


def _studio(request: Request) -> Studio:
    return request.app.state.studio


def home(request: Request):
    studio = _studio(request)
    with studio.lock:
        code = studio.first_edition()
        if code is None:  # the deck has mistakes that leave no edition to show
            return _page(request, "deck.html", studio, None)
    return RedirectResponse(f"/edition/{code}", status_code=303)


def deck_page(request: Request):
    return _edition_page(request, "deck.html")


def translate_page(request: Request):
    return _edition_page(request, "translate.html")


def _edition_page(request: Request, name: str):
    studio = _studio(request)
    with studio.lock:
        try:
            code = studio.edition(request.path_params["code"], unfinished=True)
            if name == "deck.html" and code not in studio.workspace.editions():
                return RedirectResponse(f"/edition/{code}/translate", status_code=303)  # nothing to preview yet
        except Refused:
            if not studio.workspace.problems:
                raise
            # a mistake can hide an edition: show it, so that the page comes back once it is fixed
            return _page(request, "deck.html", studio, None)
        return _page(request, name, studio, code)


def _page(request: Request, name: str, studio: Studio, code: str | None):
    from cardgen.serve.pages import page_context

    return templates.TemplateResponse(request, name, page_context(studio, code, translate=name == "translate.html"))


def face_image(request: Request):
    studio, face = _studio(request), request.path_params["face"]
    if face not in ("front", "back"):
        raise Refused(404, f"a card has a front and a back, not '{face}'")
    with studio.lock:
        code = studio.edition(request.path_params["code"])
        card = studio.card(code, request.path_params["card"])
        data = engine(studio.workspace.face_png, code, card.id, face)
    return Response(data, media_type="image/png", headers=IMAGE_CACHE)


def poster_image(request: Request):
    studio = _studio(request)
    with studio.lock:
        code = studio.edition(request.path_params["code"])
        data = engine(studio.workspace.poster_png, code)
    return Response(data, media_type="image/png", headers=IMAGE_CACHE)


async def events(request: Request):
    stream = request.app.state.broadcast.stream()
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-store"})


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


async def refused(request: Request, exc: Refused):
    if _wants_json(request):
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    context = {"title": "Not found" if exc.status == 404 else "Cannot do that", "message": exc.message}
    return templates.TemplateResponse(request, "error.html", context, status_code=exc.status)


async def no_route(request: Request, exc: HTTPException):
    """Starlette's own answers (no such page, wrong method) as a page of the studio too."""
    return await refused(request, Refused(exc.status_code, f"there is no page {request.url.path} ({exc.detail})"))


async def crashed(request: Request, exc: Exception):
    """A bug: a message on the page, never a blank one; Starlette raises it on to uvicorn, which
    logs the traceback in the terminal."""
    message = (f"Something went wrong in the studio ({type(exc).__name__}: {exc}). Nothing was saved by this "
               "request; the details are in the window where 'cardgen serve' runs.")  # fmt: skip
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=500)
    return templates.TemplateResponse(request, "error.html", {"title": "Something went wrong", "message": message}, status_code=500)


def create_app(studio: Studio, watch_folder: bool = True, on_start=None) -> Starlette:
    """The app for one deck. `watch_folder` runs the live-reload watcher; `on_start` is called once
    the app is ready (cardgen serve opens the browser there)."""
    broadcast = Broadcast()

    @asynccontextmanager
    async def lifespan(app):
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch(studio.folder, studio.changed, broadcast, stop)) if watch_folder else None
        if on_start is not None:
            on_start()
        try:
            yield
        finally:
            stop.set()
            broadcast.close()
            if watcher is not None:
                await watcher

    code = "/edition/{code}"
    routes = [
        Route("/", home),
        Route(code, deck_page),
        Route(f"{code}/translate", translate_page),
        Route(f"{code}/card/{{card}}/{{face}}.png", face_image),
        Route(f"{code}/poster.png", poster_image),
        Route(f"{code}/try", api.try_edit, methods=["POST"]),
        Route(f"{code}/save", api.save, methods=["POST"]),
        Route(f"{code}/build", api.build, methods=["POST"]),
        Route(f"{code}/downloads", api.downloads_page),
        Route(f"{code}/files/{{name}}", api.download),
        Route("/events", events),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(LocalOnly)], lifespan=lifespan, max_body_size=MAX_BODY,
                    exception_handlers={Refused: refused, HTTPException: no_route, Exception: crashed})  # fmt: skip
    app.state.studio = studio
    app.state.broadcast = broadcast
    return app
