"""cardgen: card content and a layout spec in, print-ready PDFs out."""

__version__ = "0.1.0"
