"""cardgen: card content and a layout spec in, print-ready PDFs out."""

__version__ = "0.1.0"

from cardgen.deferred import defer as _defer

_defer()  # before ReportLab is imported: see cardgen/deferred.py
