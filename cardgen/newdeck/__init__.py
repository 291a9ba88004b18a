"""A new deck folder that builds at once (`cardgen init`): an example deck, or the cards of a
spreadsheet. What it writes comes from the files in templates/ (deck.yaml, layout.yaml, each
language's example texts and page texts), filled in by make.py."""
