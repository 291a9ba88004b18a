"""The layout's output section: shop files, CMYK, and the colour profile a --cmyk build converts
through, found and checked at the door."""

from __future__ import annotations

import os
from pathlib import Path

from cardgen.load import schema
from cardgen.load.assets import resolve_asset
from cardgen.spec import Overrides
from cardgen.units import UnitError

DEFAULT_PROFILE = "profiles/FOGRA39L-coated.icc"  # cardgen's own: coated offset, see assets/profiles/README.md
SHOP_PAGES = ("marked", "bleed")  # a shop's page: the face, its bleed and crop marks; or only the face and its bleed


def read_output(top: schema.Reader, overrides: Overrides, folder: Path) -> tuple[bool, bool, dict]:
    """output.shop: also a print shop's files; output.cmyk: every colour in CMYK, through
    output.profile; output.shop_page: the shop's pages with crop marks, or only trim and bleed."""
    reader = top.mapping("output", required=False)
    shop = cmyk = False
    profile, shop_page, bilingual = None, "marked", None
    if reader:
        shop = reader.get("shop", schema.flag, False)
        cmyk = reader.get("cmyk", schema.flag, False)
        profile = reader.get("profile", schema.text, None)
        shop_page = reader.get("shop_page", schema.choice(*SHOP_PAGES), "marked")
        bilingual = _bilingual(reader, folder)
        reader.finish()
    pick = lambda spec, flag: bool(spec) if flag is None else flag  # noqa: E731
    shop, cmyk = pick(shop, overrides.shop), pick(cmyk, overrides.cmyk)
    output = {"shop_page": overrides.shop_page or shop_page, "bilingual": overrides.bilingual or bilingual}
    if cmyk or profile or overrides.profile:  # a profile named is checked even when this build does not use it
        output["profile"] = _profile(top, reader, overrides.profile or profile or DEFAULT_PROFILE, folder, bool(overrides.profile))
    return shop, cmyk, output


def _bilingual(reader: schema.Reader, folder: Path) -> tuple[str, str] | None:
    """output.bilingual: [nl, fr], two editions of this deck printed together on every card."""
    from cardgen.load.bilingual import missing_editions, parse_pair

    if "bilingual" not in reader.node or reader.node["bilingual"] is None:
        reader.taken.add("bilingual")
        return None
    pair = reader.get("bilingual", parse_pair)
    if pair is None:
        return None
    wrong = missing_editions(pair, folder)
    if wrong:
        reader.error("bilingual", wrong)
        return None
    return pair


def _profile(top: schema.Reader, reader: schema.Reader | None, name: str, folder: Path, typed: bool) -> Path | None:
    try:
        return resolve_profile(folder, name, from_command_line=typed)
    except UnitError as exc:
        if typed:
            top.problems.add(None, None, None, f"--profile: {exc}")
        elif reader and "profile" in reader.node:
            reader.error("profile", str(exc))
        else:  # cardgen's own profile is missing: an installation without its assets
            top.problems.add(None, None, None, f"--cmyk: {exc}")
        return None


def resolve_profile(deck_folder: Path, name: str, from_command_line: bool = False) -> Path:
    """An ICC file inside the deck folder (or cardgen's assets), checked to be a CMYK output
    profile. A command line's path may also be typed from the working folder, as long as it
    lies inside the deck folder."""
    if from_command_line:
        typed = Path(os.path.abspath(name))
        root = Path(os.path.abspath(deck_folder))
        if typed.is_relative_to(root):
            name = typed.relative_to(root).as_posix()
    path = resolve_asset(deck_folder, name)
    try:
        from PIL import ImageCms

        profile = ImageCms.ImageCmsProfile(str(path)).profile
    except (OSError, ImageCms.PyCMSError, ValueError) as exc:
        raise UnitError(f"{name!r} is not an ICC colour profile LittleCMS can read ({exc}); ask the print shop for its .icc file") from None
    space, kind = profile.xcolor_space.strip(), profile.device_class.strip()
    if space != "CMYK" or kind != "prtr":
        raise UnitError(
            f"{name!r} is a {space} {'printer' if kind == 'prtr' else kind} profile; expected a CMYK output (printer) "
            "profile such as the print shop's coated or uncoated offset profile"
        )
    return path


def profile_name(path: Path) -> str:
    """The profile's own description, as a print shop's software shows it."""
    from PIL import ImageCms

    return (ImageCms.ImageCmsProfile(str(path)).profile.profile_description or path.stem).strip()


def refuse_unembedded_fonts(top: schema.Reader, fonts: dict) -> None:
    """PDF/X shop files (--shop --cmyk) embed every font: the standard PDF fonts are never embedded."""
    node = top.node.get("fonts")
    for role, font in fonts.items():
        if font is not None and font.path is None and node is not None and role in node:
            top.problems.add(
                top.node.path, node.line_of(role), f"fonts.{role}",
                f"{font.name!r} is a standard PDF font, which a PDF never embeds, but the PDF/X shop files "
                "(--shop with --cmyk) need every font embedded; name a TrueType file (.ttf) instead",
            )  # fmt: skip
