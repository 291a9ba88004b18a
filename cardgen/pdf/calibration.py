"""The calibration sheet as a file: our canvas settings, its title, and the duplex edge to print on."""

from __future__ import annotations

from pathlib import Path

from cardgen.draw.calibration import draw_calibration
from cardgen.model import Edition
from cardgen.spec import Layout
from cardgen.pdf.render import DUPLEX, new_canvas
from cardgen.plan.calibration import CalibrationSheet


def write_calibration(path: Path, sheet: CalibrationSheet, layout: Layout, edition: Edition, author: str) -> None:
    canvas = new_canvas(path, sheet.paper, layout, edition, author)
    canvas.setTitle(sheet.title)
    canvas.setViewerPreference("Duplex", DUPLEX[sheet.flip])
    draw_calibration(canvas, sheet)
    canvas.save()
