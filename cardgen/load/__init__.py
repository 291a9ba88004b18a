"""Loading: a deck folder's YAML, layout, fonts and drawings in -> validated, frozen Deck and Layout out."""
