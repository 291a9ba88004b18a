"""Join the structure and one edition's texts into the cards as they will be printed."""

from __future__ import annotations

from cardgen.model import Card, Edition, RGB, Source, Structure
from cardgen.spec import Layout
from cardgen.plan.palette import readable, text_on


def card_count(structure: Structure) -> int:
    """How many cards every edition prints: the action cards, and the rules card if there is one."""
    return len(structure.cards) + (structure.rules_card != "none")


def cards_for(structure: Structure, edition: Edition, layout: Layout) -> list[Card]:
    """The deck in print order: the rules card first or last (as the structure says), numbered action cards."""
    total = len(structure.cards)
    actions = []
    inks = {category.id: _inks(category.colour, layout) for category in structure.categories}  # once a category, not a card
    for spec in structure.cards:
        text = edition.card(spec.id)
        category = structure.category(spec.category)
        actions.append(
            Card(
                id=spec.id,
                kind="action",
                title=text.title,
                description=text.description,
                label=edition.category(spec.category).label,
                colour=category.colour,
                number=spec.number,
                total=total,
                source=text.source,
                sources=(
                    ("title", text.title_source),
                    ("description", text.description_source),
                    ("label", edition.category(spec.category).source),
                ),
                icon=category.icon,
                **inks[spec.category],
            )
        )
    if structure.rules_card == "none" or edition.rules is None:
        return actions
    rules = edition.rules
    own = _inks(layout.card.rules_colour, layout)
    hashtags = [(rules.hashtags, own["ink"])] if rules.hashtags else []
    tags = hashtags + [(edition.category(c.id).label, inks[c.id]["ink"]) for c in structure.categories]
    rules_card = Card(
        id="rules",
        kind="rules",
        title=edition.title,
        description=rules.text,
        label=rules.label,
        colour=layout.card.rules_colour,
        number=None,
        total=total,
        source=rules.source,
        tags=tuple(tags),
        sources=(
            ("title", Source(edition.path, edition.line("deck.title") or rules.source.line, "deck.title")),
            ("description", rules.text_source),
            ("label", rules.label_source),
        ),
        icon=structure.rules_icon,
        **own,
    )
    return [rules_card, *actions] if structure.rules_card == "first" else [*actions, rules_card]


def _inks(colour: RGB, layout: Layout) -> dict[str, RGB]:
    """The text colours that go with a face's colour: on the face itself (for 'auto' styles) and
    the colour itself as text on the light back (titles, links), deepened there until it reads."""
    card = layout.card
    return {"on_colour": text_on(colour, card.light_text, card.dark_text), "ink": readable(colour, card.back_background)}
