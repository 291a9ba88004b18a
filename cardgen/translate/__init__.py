"""Translations: editions compared with their source (status, fingerprints), PO files in and out."""
