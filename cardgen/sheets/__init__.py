"""Spreadsheets in and out: a sheet read as a grid of named cells (grid.py, ods.py), the cards of a
new deck read from one (cards.py), an edition's texts written to one (export.py) and read back
(importing.py). openpyxl is imported only here, so `cardgen build` never pays for it."""
