"""What the deck page and the translators' view show of an edition, as plain values for the templates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cardgen.serve.studio import Studio

STATES = ("missing", "untranslated", "stale", "unconfirmed", "ok")  # the order the counts are shown in
LABELS = {"title": "Title", "description": "Description", "label": "Label", "text": "Text", "hashtags": "Hashtags",
          "summary": "Summary", "strengths": "Strengths (blue)", "work": "To work on (pink)", "instruction": "Instruction",
          "subject": "Subject"}  # fmt: skip


KEYS = {"deck.title": "Deck title (rules card, PDF title)", "deck.subject": "Subject (under the poster's title)",
        "poster.title": "Poster title"}  # fmt: skip


def label(key: str) -> str:
    """'cards.stappenplan.description' -> 'Description': what a teacher calls the field."""
    if key in KEYS:
        return KEYS[key]
    parts = key.split(".")
    if parts[0] == "categories":
        return f"{parts[1].capitalize()}: {LABELS.get(parts[-1], parts[-1]).lower()}"
    last = parts[-1]
    return LABELS.get(last, last.replace("_", " ").capitalize())


def field(key: str, text: str, width: int = 45) -> dict:
    """An editable text, its textarea as tall as the text (`width` characters a line) within reason."""
    return {"key": key, "label": label(key), "text": text, "rows": max(1, min(12, len(text) // width + text.count("\n") + 1))}


def fit_view(fit) -> dict:
    return {"status": fit.status, "message": fit.message, "deck_shrink": fit.deck_shrink}


def page_context(studio: Studio, code: str | None, translate: bool = False) -> dict:
    ws = studio.workspace
    planned = ws.editions()
    context = {"editions": ws.all_editions(), "planned": planned, "code": code, "problems": list(ws.problems),
               "folder": str(studio.folder), "translate": translate, "source": ws.source()}  # fmt: skip
    if code is None:
        return context
    context.update(version=ws.version(code), previews=code in planned)
    if translate:
        context.update(_translation(_rows(ws, code, context)))
        return context
    cards = [_card(studio, code, view) for view in ws.cards(code)]
    texts = ws.texts(code)
    poster = [field(k, t) for k, t in texts.items() if k.startswith(("deck.", "poster."))]
    categories = [field(k, t) for k, t in texts.items() if k.startswith("categories.")]
    context.update(cards=cards, poster=poster, categories=categories,
                   poster_stamp=studio.stamp(code, tuple((f["key"], f["text"]) for f in poster + categories)))  # fmt: skip
    return context


def _card(studio: Studio, code: str, view) -> dict:
    return {
        "id": view.id, "kind": view.kind, "number": view.number_text, "category": view.category,
        "fields": [field(key, text) for key, text in view.keys], "fit": fit_view(view.fit),
        "stamp": studio.stamp(code, view.id, view.keys, view.fit),
    }  # fmt: skip


def _rows(ws, code: str, context: dict) -> list:
    """The translators' rows; a file that does not read adds its problems to the page instead."""
    from cardgen.errors import CardgenError

    try:
        return ws.translation_rows(code)
    except ValueError as exc:
        context["note"] = str(exc)
    except CardgenError as exc:
        context["problems"] += [str(p) for p in getattr(exc, "problems", ())] or [exc.format_message()]
    return []


def _translation(rows) -> dict:
    counts = Counter(row.state for row in rows)
    shown = [(state, counts[state]) for state in STATES if counts[state]]
    shown += [(state, n) for state, n in counts.items() if state not in STATES]
    return {"rows": [{**field(row.key, row.text, width=30), "source": row.source_text, "state": row.state, "room": row.room,
                      "editable": row.editable} for row in rows],
            "counts": shown, "total": len(rows)}  # fmt: skip


def language_of(folder: Path, code: str) -> str:
    """The edition's language tag from its texts.yaml, for the printing instructions; '' when unreadable."""
    import yaml

    try:
        data = yaml.safe_load((folder / code / "texts.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError):
        return ""
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""
