"""Spreadsheets in and out: a file read as a grid of named cells (grid.py, with ods.py and
csvfile.py), the cards of a new deck read from one (cards.py), the deck's texts written to one
(export.py, its columns in rows.py) and read back (importing.py, checked by verify.py). openpyxl
is imported only here, so `cardgen build` never pays for it."""
