"""The Typst peer: typeset a deck folder's Dutch card sheets and poster with Typst, into one PDF.

    python bench/typst_peer.py DECK_FOLDER OUT.pdf

bench/peer.typ does the work: it reads the deck's deck.yaml and nl/texts.yaml itself and lays
out the same pages as `cardgen build --lang nl` (3 x 3 poker cards on A4, fronts coloured with
the label and icon, mirrored backs with title and description, cut marks; the poster on A3 with
the title, the two emoticons, the instruction and the legend), in Atkinson Hyperlegible from
assets/fonts, embedded and subset. Not drawn: the two QR codes (Typst has no QR encoder without
a downloaded package) and the bookmarks and page labels of cardgen's print pack. The output is
one PDF, the print pack's pages; cardgen also writes cards.pdf and poster.pdf beside it.

Needs the `typst` package: `pip install -e ".[bench]"`.
"""

import argparse
from pathlib import Path

import typst

BENCH = Path(__file__).resolve().parent
ASSETS = BENCH.parent / "assets"


def compile_peer(deck: Path, out: Path) -> None:
    """Compile peer.typ for `deck` into `out`; system fonts are ignored so only the deck's are used."""
    typst.compile(
        str(BENCH / "peer.typ"),
        output=str(out),
        root="/",  # the deck folder may be anywhere: peer.typ reads it by absolute path
        font_paths=[str(ASSETS / "fonts")],
        ignore_system_fonts=True,
        sys_inputs={"deck": str(Path(deck).resolve()), "assets": str(ASSETS)},
        pdf_tags=False,  # cardgen writes no tagged PDF either
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deck", type=Path, help="the deck folder (deck.yaml, nl/texts.yaml)")
    parser.add_argument("out", type=Path, help="the PDF to write")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    compile_peer(args.deck, args.out)


if __name__ == "__main__":
    main()
