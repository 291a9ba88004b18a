"""Imposition is pure arithmetic: where each face lands, how backs mirror, where the cuts are."""

from __future__ import annotations

import pytest

from cardgen.plan.geometry import Rect
from cardgen.plan.sheets import ImposeError, back_of, cut_marks, impose, plan_grid, slot
from cardgen.units import MM, parse_size

A4 = parse_size("A4")
POKER = (63 * MM, 88 * MM)
MARGIN = 5 * MM
ROOM = 3 * MM  # mark offset + the shortest mark worth printing


def same(a, b) -> bool:
    return all(getattr(a, k) == pytest.approx(getattr(b, k)) for k in ("x", "y", "w", "h"))


def grid(card=POKER, paper=A4, gutter=0.0):
    return plan_grid(paper, card, MARGIN, gutter, ROOM)


def test_poker_cards_go_three_by_three_on_a4_centred():
    g = grid()
    assert (g.cols, g.rows) == (3, 3)
    assert g.x0 == pytest.approx((210 - 189) / 2 * MM)
    assert g.y0 == pytest.approx((297 - 264) / 2 * MM)


@pytest.mark.parametrize(
    "card, paper, expected, landscape",
    [
        ((57 * MM, 89 * MM), "A4", (3, 3), False),  # bridge
        ((74 * MM, 105 * MM), "A4", (2, 2), False),  # A7
        ((63 * MM, 88 * MM), "A3", (6, 3), True),  # 18 turned, against 16 upright
        ((63 * MM, 88 * MM), "Letter", (4, 2), True),  # 3 x 88 mm + edges + marks > 279.4 mm upright
        ((44 * MM, 63 * MM), "A4", (6, 3), True),  # mini
        ((70 * MM, 120 * MM), "A4", (2, 2), False),  # tarot: a tie keeps the paper upright
    ],
)
def test_the_grid_is_computed_from_the_sizes_and_picks_the_better_orientation(card, paper, expected, landscape):
    g = grid(card=card, paper=parse_size(paper))
    assert (g.cols, g.rows) == expected
    assert (g.paper_w > g.paper_h) == landscape
    block = g.block
    assert block.x >= MARGIN + ROOM - 1e-6 and block.right <= g.paper_w - MARGIN - ROOM + 1e-6
    assert block.y >= MARGIN + ROOM - 1e-6 and block.top <= g.paper_h - MARGIN - ROOM + 1e-6


def test_a_gutter_costs_room():
    g = grid(gutter=5 * MM)
    assert g.per_sheet == 8 and (g.cols, g.rows) == (4, 2)  # turned: upright would hold only 6


def test_a_card_larger_than_the_paper_is_a_clear_error():
    with pytest.raises(ImposeError, match=r"300 x 88 mm card does not fit on 210 x 297 mm paper"):
        grid(card=(300 * MM, 88 * MM))


def test_slots_run_row_by_row_from_the_top_left():
    g = grid()
    first, second, fourth = slot(g, 0), slot(g, 1), slot(g, 3)
    assert first.x == pytest.approx(g.x0) and first.top == pytest.approx(g.block.top)
    assert second.x == pytest.approx(first.right) and second.y == pytest.approx(first.y)
    assert fourth.x == pytest.approx(first.x) and fourth.top == pytest.approx(first.y)


def test_long_edge_backs_mirror_left_and_right():
    g = grid()
    for position in range(g.per_sheet):
        front = slot(g, position)
        back = back_of(g, front, "long")
        assert back.x == pytest.approx(g.paper_w - front.x - front.w)
        assert back.y == pytest.approx(front.y)
    # the top-left front has its back in the top-right slot
    assert same(back_of(g, slot(g, 0), "long"), slot(g, 2))


def test_short_edge_backs_mirror_top_and_bottom():
    g = grid()
    front = slot(g, 0)
    back = back_of(g, front, "short")
    assert back.x == pytest.approx(front.x)
    assert back.y == pytest.approx(g.paper_h - front.y - front.h)
    assert same(back, slot(g, 6))  # top-left front, bottom-left back


def test_mirroring_twice_gives_the_front_back():
    g = grid(card=(57 * MM, 89 * MM))
    for flip in ("long", "short"):
        for position in range(g.per_sheet):
            front = slot(g, position)
            assert same(back_of(g, back_of(g, front, flip), flip), front)


def test_a_deck_fills_sheets_in_order():
    plan = impose(25, grid(), "long", MARGIN, 4 * MM, 1 * MM)
    assert [len(s.placements) for s in plan.sheets] == [9, 9, 7]
    assert [p.index for s in plan.sheets for p in s.placements] == list(range(25))


def test_cards_edge_to_edge_share_their_cuts():
    g = grid()
    marks = cut_marks(g, MARGIN, 4 * MM, 1 * MM)
    vertical_xs = {round(m.x0, 3) for m in marks if m.x0 == m.x1}
    horizontal_ys = {round(m.y0, 3) for m in marks if m.y0 == m.y1}
    assert len(vertical_xs) == g.cols + 1
    assert len(horizontal_ys) == g.rows + 1
    assert len(marks) == 2 * (g.cols + 1) + 2 * (g.rows + 1)  # one mark at each end of each cut


def test_a_gutter_means_two_cuts_per_gap():
    g = plan_grid(parse_size("A3"), POKER, MARGIN, 4 * MM, ROOM)
    marks = cut_marks(g, MARGIN, 4 * MM, 1 * MM)
    assert len({round(m.x0, 3) for m in marks if m.x0 == m.x1}) == 2 * g.cols


def test_cut_marks_stay_outside_the_cards_and_off_the_printer_edge():
    g = grid()
    block = g.block
    for m in cut_marks(g, MARGIN, 4 * MM, 1 * MM):
        for x, y in ((m.x0, m.y0), (m.x1, m.y1)):
            assert MARGIN - 1e-6 <= x <= g.paper_w - MARGIN + 1e-6
            assert MARGIN - 1e-6 <= y <= g.paper_h - MARGIN + 1e-6
            inside = block.x + 1e-6 < x < block.right - 1e-6 and block.y + 1e-6 < y < block.top - 1e-6
            assert not inside


def test_on_a_landscape_sheet_long_edge_flip_mirrors_top_and_bottom():
    """A landscape sheet's long edge is its top: turning it over that edge mirrors y."""
    g = grid(paper=parse_size("A3"))
    assert g.paper_w > g.paper_h
    front = slot(g, 0)
    assert same(back_of(g, front, "long"), Rect(front.x, g.paper_h - front.y - front.h, front.w, front.h))
    assert same(back_of(g, front, "short"), Rect(g.paper_w - front.x - front.w, front.y, front.w, front.h))


def test_the_printer_offset_shifts_every_back():
    g = grid()
    plain = impose(9, g, "long", MARGIN, 4 * MM, 1 * MM)
    shifted = impose(9, g, "long", MARGIN, 4 * MM, 1 * MM, offset=(1.5 * MM, -0.5 * MM))
    for a, b in zip(plain.sheets[0].placements, shifted.sheets[0].placements):
        assert same(a.front, b.front)
        assert b.back.x - a.back.x == pytest.approx(1.5 * MM)
        assert b.back.y - a.back.y == pytest.approx(-0.5 * MM)
