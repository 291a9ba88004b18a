"""Planning, pure: Deck and Layout in -> every page's geometry, text sizes and items out, no canvas."""
