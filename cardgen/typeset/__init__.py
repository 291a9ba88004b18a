"""Typesetting: content text in -> paragraph markup (typography, hyphenation), measured; glyph coverage checked."""
