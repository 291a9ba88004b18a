"""The QR codes' shapes are kept in the cache folder: a build with a warm cache writes the very
bytes of a build that encoded them, and a broken entry is made again."""

from __future__ import annotations

from pathlib import Path

from cardgen.build import build, prepare

FROZEN = Path(__file__).parent / "fixtures" / "decks" / "frozen"


def _pack(out: Path) -> bytes:
    build(prepare(FROZEN), out)
    return b"".join(p.read_bytes() for p in sorted(out.glob("*/print-pack.pdf")))


def test_kept_codes_draw_the_same_bytes_and_broken_ones_are_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDGEN_CACHE_DIR", str(tmp_path / "cache"))
    encoded = _pack(tmp_path / "first")
    entries = sorted((tmp_path / "cache" / "qr").iterdir())
    assert entries, "the codes' shapes were not kept"
    assert all(b"barcode" not in e.read_bytes() for e in entries)  # read back without importing the encoder
    assert _pack(tmp_path / "again") == encoded
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    assert _pack(tmp_path / "broken") == encoded
    assert all(e.read_bytes() != b"not a pickle" for e in entries)
