"""Build and download: an edition built by the code of `cardgen build`, into the studio's own
folder (a temporary one unless `cardgen serve --out` names one), and the printing instructions
to go with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cardgen.build import OUTPUTS

INSTRUCTIONS = ("en", "fr", "nl")  # templates/printing/<language>.html; English for any other language


@dataclass(frozen=True)
class Download:
    name: str
    size: int  # bytes


def build_edition(folder: Path, out: Path, code: str) -> None:
    """`cardgen build --content folder --out out --lang code`; ContentError when the deck has mistakes."""
    from cardgen.build import build, prepare

    build(prepare(folder, lang=code), out)


def downloads(out: Path, code: str) -> list[Download]:
    """The files of the last build of an edition, in the order the page offers them."""
    files = [out / code / name for name in ("print-pack.pdf", "cards.pdf", "poster.pdf")]
    return [Download(f.name, f.stat().st_size) for f in files if f.is_file()]


def download_path(out: Path, code: str, name: str) -> Path | None:
    """Only a file a build writes: the name is looked up, never joined as the browser sent it."""
    if name not in OUTPUTS:
        return None
    path = out / code / name
    return path if path.is_file() else None


def instructions_for(language: str) -> str:
    """The template with the printing instructions in the edition's language (its first subtag)."""
    primary = language.replace("_", "-").split("-")[0].lower()
    return f"printing/{primary if primary in INSTRUCTIONS else 'en'}.html"
