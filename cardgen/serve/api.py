"""The studio's actions: trying a text while it is typed, saving it, building and downloading."""

from __future__ import annotations

import base64
import json

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse

from cardgen.serve.studio import Refused, Studio, engine

MAX_EDITS = 50  # one card or the poster holds a handful of texts; more is not a form of ours


def _studio(request: Request) -> Studio:
    return request.app.state.studio


async def _body(request: Request) -> dict:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeError):
        raise Refused(400, "expected a JSON object") from None
    if not isinstance(body, dict):
        raise Refused(400, "expected a JSON object")
    return body


def _text(body: dict, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise Refused(400, f"'{name}' must be a text")
    return value


def _edits(body: dict) -> dict[str, str]:
    edits = body.get("edits") or {}
    if not isinstance(edits, dict) or len(edits) > MAX_EDITS or not all(isinstance(k, str) and isinstance(v, str) for k, v in edits.items()):
        raise Refused(400, "'edits' must map at most 50 keys to texts")
    return edits


def _png(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def fit_json(fit) -> dict:
    return {name: getattr(fit, name) for name in ("status", "size", "room_mm", "overflow_mm", "message", "deck_shrink")}


async def try_edit(request: Request):
    """The fit of one text as typed, and the previews of its card (or the poster) with every
    unsaved text of it; nothing is written."""
    from starlette.concurrency import run_in_threadpool

    body = await _body(request)
    key, text, edits = _text(body, "key"), _text(body, "text"), _edits(body)
    edits[key] = text
    card, poster = body.get("card"), body.get("poster") is True

    def work():
        studio = _studio(request)
        with studio.lock:
            code = studio.edition(request.path_params["code"])
            answer = {"fit": fit_json(engine(studio.workspace.try_edit, code, key, text)), "images": {}}
            if isinstance(card, str):
                card_id = studio.card(code, card).id
                for face in ("front", "back"):
                    answer["images"][face] = _png(engine(studio.workspace.face_png, code, card_id, face, edits))
            if poster:
                answer["images"]["poster"] = _png(engine(studio.workspace.poster_png, code, edits))
            return answer

    return JSONResponse(await run_in_threadpool(work))


async def save(request: Request):
    """Write one text into the edition's texts.yaml, unless the file changed since the page's
    `version` of it (409, nothing written) or the text cannot be saved (422, nothing written)."""
    from starlette.concurrency import run_in_threadpool

    body = await _body(request)
    key, text, version = _text(body, "key"), _text(body, "text"), _text(body, "version")

    def work():
        studio = _studio(request)
        with studio.lock:
            code = studio.edition(request.path_params["code"])
            saved = engine(studio.workspace.save, code, key, text, version)
            fit = engine(studio.workspace.try_edit, code, key, text) if saved.ok else None
        status = 200 if saved.ok else 409 if saved.conflict else 422
        answer = {"ok": saved.ok, "conflict": saved.conflict, "message": saved.message, "version": saved.version}
        if fit is not None:
            answer["fit"] = fit_json(fit)
        return JSONResponse(answer, status_code=status)

    return await run_in_threadpool(work)


def build(request: Request):
    """The edition built as `cardgen build --lang CODE` would, into the studio's own folder."""
    from cardgen.errors import CardgenError
    from cardgen.serve.app import templates
    from cardgen.serve.downloads import build_edition

    studio = _studio(request)
    with studio.lock:
        code = studio.edition(request.path_params["code"])
        try:
            build_edition(studio.folder, studio.out, code)
        except CardgenError as exc:
            lines = [str(p) for p in getattr(exc, "problems", ())] or [exc.format_message()]
            context = {"title": "The deck cannot be built yet", "message": "Fix these first; nothing was built.", "lines": lines, "code": code}
            return templates.TemplateResponse(request, "error.html", context, status_code=400)
    return RedirectResponse(f"/edition/{code}/downloads", status_code=303)


def downloads_page(request: Request):
    from cardgen.serve.app import templates
    from cardgen.serve.downloads import downloads, instructions_for
    from cardgen.serve.pages import language_of

    studio = _studio(request)
    with studio.lock:
        code = studio.edition(request.path_params["code"])
        editions, planned = studio.workspace.all_editions(), studio.workspace.editions()
    context = {"code": code, "editions": editions, "planned": planned, "downloads": True, "files": downloads(studio.out, code), "out": str(studio.out / code),
               "instructions": instructions_for(language_of(studio.folder, code))}  # fmt: skip
    return templates.TemplateResponse(request, "downloads.html", context)


def download(request: Request):
    from cardgen.serve.downloads import download_path

    studio = _studio(request)
    with studio.lock:
        code = studio.edition(request.path_params["code"])
    path = download_path(studio.out, code, request.path_params["name"])
    if path is None:
        raise Refused(404, f"no file '{request.path_params['name']}' built for '{code}'; press Build first")
    return FileResponse(path, media_type="application/pdf", filename=path.name)
