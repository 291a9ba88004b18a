"""The studio: a local web app over the deck's plans (workspace.py is its engine)."""
