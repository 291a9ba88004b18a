"""--cmyk prints each design colour through the CMYK profile: within CIEDE2000 3 of the screen for
colours the profile can hold, reported by key and line for those it cannot; greys on K alone,
cmyk(...) colours as written, and a shop's own profile when the layout names one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from PIL import Image, ImageCms

from cardgen.build import prepare
from cardgen.cli import main
from cardgen.load.assets import builtin_assets
from cardgen.pdf.cmyk import delta_e2000
from cardgen.pdf.gamut import design_colours
from conftest import CONTENT, FROZEN
from patching import apply_patch

PROFILE = builtin_assets() / "profiles" / "FOGRA39L-coated.icc"
BAD = Path(__file__).parent / "fixtures" / "colour"  # patches over the frozen deck, named after the mistake
UNCOATED = Path(__file__).parent / "fixtures" / "profiles" / "uncoated-test.icc"
RELATIVE = ImageCms.Intent.RELATIVE_COLORIMETRIC


class Reference:
    """The shipped profile's conversions, made here with LittleCMS and nothing of cardgen's."""

    def __init__(self, profile: Path = PROFILE):
        cmyk, srgb, lab = ImageCms.getOpenProfile(str(profile)), ImageCms.createProfile("sRGB"), ImageCms.createProfile("LAB", 5000)
        self.bpc = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", RELATIVE, ImageCms.Flags.BLACKPOINTCOMPENSATION)
        self.plain = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", RELATIVE)
        self.rgb_lab = ImageCms.buildTransform(srgb, lab, "RGB", "LAB", RELATIVE)
        self.cmyk_lab = ImageCms.buildTransform(cmyk, lab, "CMYK", "LAB", RELATIVE)

    @staticmethod
    def apply(transform, value):
        return ImageCms.applyTransform(Image.new("RGB" if len(value) == 3 else "CMYK", (1, 1), value), transform).getpixel((0, 0))

    def lab(self, value):
        l, a, b = self.apply(self.rgb_lab if len(value) == 3 else self.cmyk_lab, value)
        return (l * 100 / 255, a - 128, b - 128)

    def cmyk(self, rgb8) -> tuple[float, ...]:
        return tuple(round(v / 255, 4) for v in self.apply(self.bpc, rgb8))

    def in_gamut(self, rgb8) -> bool:
        """The profile can print the colour within ΔE 1.5 when nothing else (black-point scaling) moves it."""
        if rgb8[0] == rgb8[1] == rgb8[2]:
            return self.lab(rgb8)[0] >= self.lab((0, 0, 0, 255))[0]
        return delta_e2000(self.lab(rgb8), self.lab(self.apply(self.plain, rgb8))) <= 1.5


def rgb8(colour):
    return tuple(round(c * 255) for c in colour)


def k_operators(pdf: Path) -> list[tuple[float, ...]]:
    found = []
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            streams = [page.obj] + [x for x in page.Resources.get("/XObject", {}).values() if x.get("/Subtype") == "/Form"]
            for stream in streams:
                for operands, operator in pikepdf.parse_content_stream(stream):
                    if str(operator) in ("k", "K"):
                        found.append(tuple(round(float(v), 4) for v in operands))
    return found


def frozen_copy(tmp_path: Path) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(FROZEN, deck)
    return deck


def build(content: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--lang", "nl", "--cmyk", *args])


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("cmyk")
    result = build(CONTENT, out)
    assert result.exit_code == 0, result.output
    return out / "nl", result.output


def test_delta_e2000_agrees_with_sharma_wu_and_dalal():
    pairs = [((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425), ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0000),
             ((50, 2.5, 0), (73, 25, -18), 27.1492), ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
             ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082)]  # fmt: skip
    for first, second, expected in pairs:
        assert delta_e2000(first, second) == pytest.approx(expected, abs=1e-4)


def test_every_design_colour_prints_close_to_the_screen_or_is_reported(shipped):
    """Over whatever colours the shipped layout and deck have: the colours the profile holds print
    within ΔE2000 3 of the design; every colour further away than that is named in a warning."""
    nl, output = shipped
    reference = Reference()
    printed = set(k_operators(nl / "cards.pdf")) | set(k_operators(nl / "poster.pdf"))
    layout_deck = prepare(CONTENT, lang="nl", cmyk=True)
    rows = []
    for colour in design_colours(layout_deck.layout, layout_deck.deck.structure):
        rgb = rgb8(colour.colour)
        grey = rgb[0] == rgb[1] == rgb[2]
        cmyk = reference.cmyk(rgb) if not grey else None
        if grey:  # on the black plate alone
            cmyk = min((c for c in printed if c[:3] == (0, 0, 0)), key=lambda c: abs(reference.lab((0, 0, 0, round(c[3] * 255)))[0] - reference.lab(rgb)[0]))
        else:
            assert cmyk in printed or colour.key.startswith(("emoticons", "poster.background", "card.back_background")), (colour.key, cmyk)
        difference = delta_e2000(reference.lab(rgb), reference.lab(tuple(round(v * 255) for v in cmyk)))
        rows.append((colour.key, "#%02X%02X%02X" % rgb, cmyk, round(difference, 2)))
        if reference.in_gamut(rgb):
            assert difference <= 3, (colour.key, rgb, cmyk, difference)
        if difference > 3 and rgb != (0, 0, 0):
            where = f"{colour.path.name}:{colour.line}: '{colour.key}': #{''.join(f'{v:02X}' for v in rgb)} lies outside the gamut"
            assert where in output, (where, output)
    assert len(rows) >= 14  # every colour of layout.yaml and deck.yaml was looked at


def test_category_colours_are_the_profiles_conversion_in_every_file(shipped):
    nl, _ = shipped
    reference = Reference()
    structure = prepare(CONTENT, lang="nl").deck.structure
    for name in ("cards.pdf", "poster.pdf", "print-pack.pdf"):
        printed = set(k_operators(nl / name))
        for category in structure.categories:
            assert reference.cmyk(rgb8(category.colour)) in printed, (name, category.id)


def test_greys_print_on_black_alone_and_black_is_k100(shipped):
    nl, _ = shipped
    printed = k_operators(nl / "cards.pdf")
    assert (0.0, 0.0, 0.0, 1.0) in printed  # the cut marks, #000000
    reference = Reference()
    description = reference.lab((0x33, 0x33, 0x33))  # the description's #333333
    k_only = [c for c in printed if c[:3] == (0, 0, 0) and 0 < c[3] < 1]
    assert any(abs(reference.lab((0, 0, 0, round(c[3] * 255)))[0] - description[0]) < 0.6 for c in k_only), k_only
    greys = {(0x33,) * 3, (0x6E,) * 3}
    assert not any(reference.cmyk(g) in printed for g in greys)  # not the four-colour mix the profile would give


def test_cmyk_colours_keep_their_values_in_text_markup_too(tmp_path):
    deck = frozen_copy(tmp_path)
    structure = deck / "deck.yaml"
    structure.write_text(structure.read_text(encoding="utf-8").replace('"#4F2A8A"', '"cmyk(70, 90, 0, 10)"', 1), encoding="utf-8")
    assert build(deck, tmp_path / "out").exit_code == 0
    printed = k_operators(tmp_path / "out" / "nl" / "cards.pdf")
    # 24 drawn from the plan's own colour tuples (each front, and the band and title of each back),
    # and 2 that reach the canvas as ReportLab colours made from '#RRGGBB' in paragraph markup
    assert printed.count((0.7, 0.9, 0.0, 0.1)) == 26


def test_the_colour_hook_keeps_cmyk_colours_whichever_road_they_take():
    """Canvas calls pass tuples, paragraphs ReportLab colours, markup '#RRGGBB' strings: all three."""
    from reportlab.lib.colors import CMYKColor, Color

    from cardgen.pdf.cmyk import Inks, exact_colours
    from cardgen.typeset.paragraph import hex_colour
    from cardgen.units import parse_colour

    colour = parse_colour("cmyk(70, 90, 0, 10)")
    inks = Inks(PROFILE, exact_colours((colour,))[0])
    for road in (tuple(colour), Color(*colour), hex_colour(colour)):
        found = inks(road)
        assert isinstance(found, CMYKColor) and (found.cyan, found.magenta, found.yellow, found.black) == (0.7, 0.9, 0.0, 0.1), road
    found = inks((0.5, 0.2, 0.1))
    assert (found.cyan, found.magenta, found.yellow, found.black) == Reference().cmyk((128, 51, 26))


def test_an_out_of_gamut_colour_is_named_by_file_line_and_key(tmp_path, monkeypatch):
    deck = frozen_copy(tmp_path)
    target, line = apply_patch(deck, BAD / "number_colour_out_of_gamut.patch")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--content", "deck", "--out", "out", "--lang", "nl", "--cmyk"])
    assert result.exit_code == 0, result.output
    assert f"deck/layout.yaml:{line}: 'card.styles.number.colour': #00FF00 lies outside the gamut of the CMYK profile" in result.output
    assert "ΔE" not in result.output  # a Windows console in cp1252 has no Δ
    assert "deck/deck.yaml:17: 'categories[1].colour': #4F2A8A lies outside" in result.output  # the frozen purple: 3.7
    strict = CliRunner().invoke(main, ["build", "--content", "deck", "--out", "out2", "--lang", "nl", "--cmyk", "--strict"])
    assert strict.exit_code == 1
    plain = CliRunner().invoke(main, ["build", "--content", "deck", "--out", "out3", "--lang", "nl"])
    assert "gamut" not in plain.output  # an RGB build is not about the press


@pytest.mark.parametrize(("fixture", "fragments"), [
    ("profile_outside_deck", ["'output.profile'", "absolute paths and '..' are not allowed", "'../shop.icc'"]),
    ("profile_not_icc", ["'output.profile'", "'fonts/OFL.txt' is not an ICC colour profile"]),
])  # fmt: skip
def test_a_wrong_profile_is_named_in_the_layout(tmp_path, monkeypatch, fixture, fragments):
    deck = frozen_copy(tmp_path)
    _, line = apply_patch(deck, BAD / f"{fixture}.patch")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--content", "deck", "--lang", "nl"])
    assert result.exit_code == 1
    (message,) = [m for m in result.output.splitlines() if m.startswith(f"deck/layout.yaml:{line}: ")]
    for fragment in fragments:
        assert fragment in message, message
    assert "Traceback" not in result.output


def test_an_rgb_profile_is_refused(tmp_path, deck_copy):
    (deck_copy / "srgb.icc").write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    result = build(deck_copy, tmp_path / "out", "--profile", str(deck_copy / "srgb.icc"))
    assert result.exit_code == 1
    assert "--profile: 'srgb.icc' is a RGB" in result.output and "expected a CMYK output (printer) profile" in result.output
    outside = build(deck_copy, tmp_path / "out", "--profile", str(PROFILE))
    assert outside.exit_code == 1 and "--profile: expected a path inside the deck folder" in outside.output


def test_a_shops_own_profile_converts_and_becomes_the_output_intent(tmp_path, deck_copy):
    """A profile named in layout.yaml: the colours go through it, and the PDF/X files name it."""
    shop_profile = deck_copy / "profiles" / "uncoated.icc"
    shop_profile.parent.mkdir()
    shutil.copy(UNCOATED, shop_profile)
    layout = deck_copy / "layout.yaml"
    layout.write_text(layout.read_text(encoding="utf-8") + "output:\n  profile: profiles/uncoated.icc\n", encoding="utf-8")
    result = build(deck_copy, tmp_path, "--shop")
    assert result.exit_code == 0, result.output
    petrol = rgb8(prepare(CONTENT, lang="nl").deck.structure.categories[1].colour)
    printed = set(k_operators(tmp_path / "nl" / "cards.pdf"))
    assert Reference(UNCOATED).cmyk(petrol) in printed
    assert Reference().cmyk(petrol) not in printed  # not the coated profile's
    with pikepdf.open(tmp_path / "nl" / "cards-shop.pdf") as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert str(intent.OutputConditionIdentifier) == "Custom"
        assert str(intent.Info) == "FOGRA29L uncoated (cardgen test profile, low quality)"
        assert intent.DestOutputProfile.read_bytes() == UNCOATED.read_bytes()
