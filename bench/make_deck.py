"""Write a generated deck folder of N action cards, for benchmarks at scale.

The deck looks like the shipped one: content/deck.yaml and layout.yaml and the Dutch texts are
copied (categories, colours, rules card, poster, emoticons), and the shipped cards are replaced
by N generated ones spread over the three categories in turn. Titles and descriptions are
Dutch-like sentences drawn from fixed word lists with a seeded random generator, so the same
N and seed always give the same deck. Descriptions are 110 to 230 characters long, like the
shipped ones (122 to 257), and titles at most 24, so that every card fits at the shipped sizes:
with `fit: deck` one long text would set the whole deck smaller and change the work measured.

    python bench/make_deck.py 1000 /tmp/deck1000 [--seed 1]

Only the standard library and PyYAML are used: the script does not import cardgen.
"""

import argparse
import random
import shutil
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"
MIN_DESCRIPTION, MAX_DESCRIPTION, MAX_TITLE = 110, 230, 24

SUBJECTS = (
    "Onze school", "Het schoolteam", "De directie", "Elke leerkracht", "De werkgroep",
    "Het CLB", "De zorgcoördinator", "De leerlingenraad", "Het beleidsteam", "De ouderraad",
)
VERBS = (
    "bespreekt", "plant", "evalueert", "ondersteunt", "volgt", "organiseert", "verzamelt",
    "deelt", "herziet", "beschrijft", "bewaakt", "verduidelijkt",
)
OBJECTS = (
    "de afspraken rond sexting", "een duidelijk stappenplan", "de rol van elke leerkracht",
    "vormingen voor leerlingen", "de communicatie met ouders", "het beleid rond mediawijsheid",
    "de signalen van grensoverschrijdend gedrag", "een veilige online omgeving",
    "de noden van leerlingen", "de opvolging van meldingen", "een visie op relaties en seksualiteit",
    "de samenwerking met externe partners",
)
ENDINGS = (
    "elk schooljaar", "in overleg met het CLB", "samen met de leerlingen", "op een personeelsvergadering",
    "na elk incident", "met aandacht voor privacy", "in de lessen RSV", "waar mogelijk met de ouders",
)
FOLLOW_UPS = (
    "Zo weet iedereen bij wie hij terecht kan.", "Leerlingen krijgen hierbij een stem.",
    "Dit staat ook in het schoolreglement.", "Nieuwe collega's krijgen dit bij hun start.",
    "De afspraken zijn gekend en gedragen.", "Zo blijft het beleid actueel.",
    "Dit kan via een online ruimte of een infoavond.", "Niet elke leerkracht hoeft alles te weten.",
)
TITLE_WORDS = (
    ("Afspraken", "Vormingen", "Opvolging", "Signalen", "Overleg", "Visie", "Stappenplan", "Dialoog"),
    ("rond sexting", "met ouders", "in de klas", "op school", "met het CLB", "na incidenten", "online"),
)


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}."


def description(rng: random.Random) -> str:
    """Sentences added until a drawn length is reached, never past MAX_DESCRIPTION."""
    target = rng.randint(MIN_DESCRIPTION, MAX_DESCRIPTION)
    text = sentence(rng)
    while len(text) < target:
        extra = rng.choice(FOLLOW_UPS) if rng.random() < 0.4 else sentence(rng)
        if len(text) + 1 + len(extra) > MAX_DESCRIPTION:
            break
        text = f"{text} {extra}"
    return text


def title(rng: random.Random) -> str:
    text = f"{rng.choice(TITLE_WORDS[0])} {rng.choice(TITLE_WORDS[1])}"
    return text if len(text) <= MAX_TITLE else text.split()[0]


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def make_deck(cards: int, folder: Path, seed: int = 1) -> Path:
    """Write the deck into `folder` (created or replaced); return the folder."""
    if cards < 1:
        raise ValueError("a deck needs at least one card")
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "nl").mkdir(parents=True)
    shutil.copyfile(CONTENT / "layout.yaml", folder / "layout.yaml")

    rng = random.Random(seed)
    deck = read_yaml(CONTENT / "deck.yaml")
    texts = read_yaml(CONTENT / "nl" / "texts.yaml")
    categories = [c["id"] for c in deck["categories"]]
    width = len(str(cards))
    ids = [f"actie-{n:0{width}d}" for n in range(1, cards + 1)]
    # Categories in turn, then grouped, as the shipped deck prints them: all of one, then the next.
    deck["cards"] = sorted(({"id": i, "category": categories[n % 3]} for n, i in enumerate(ids)),
                           key=lambda c: categories.index(c["category"]))
    texts["cards"] = {i: {"title": title(rng), "description": description(rng)} for i in ids}
    write_yaml(folder / "deck.yaml", deck)
    write_yaml(folder / "nl" / "texts.yaml", texts)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cards", type=int, help="number of action cards")
    parser.add_argument("folder", type=Path, help="the deck folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.cards < 1:
        parser.error("cards must be at least 1")
    print(make_deck(args.cards, args.folder, args.seed))


if __name__ == "__main__":
    main()
