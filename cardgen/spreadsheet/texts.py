"""A text from a cell as it is written into texts.yaml: plain when short, a '>-' block wrapped at
about 84 characters when long, a '|-' block when it holds line breaks (each one a new line on the
card), the way `cardgen translate import` writes translations."""

from __future__ import annotations


def scalar(text: str):
    from ruamel.yaml.scalarstring import LiteralScalarString

    if "\n" in text:
        return LiteralScalarString(text)
    if len(text) > 60:
        from cardgen.translate.po import folded

        return folded(text)
    return text
