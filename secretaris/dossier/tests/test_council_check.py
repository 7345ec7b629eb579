from datetime import date

from secretaris.dossier.council_check import size_check

GR2026 = date(2026, 3, 18)


def test_the_figure_on_the_peildatum_gives_an_exact_check():
    check = size_check("GR2026", GR2026, 19, {date(2025, 1, 1): 20001})
    assert check.exact and check.legal_size == 19 and check.matches is True


def test_an_exact_mismatch_is_reported():
    check = size_check("GR2026", GR2026, 21, {date(2025, 1, 1): 20000})
    assert check.matches is False and "Wijkt af" in check.verdict


def test_figures_around_the_peildatum_in_one_band_settle_the_size():
    check = size_check("GR2026", GR2026, 37, {date(2024, 1, 1): 90421, date(2026, 1, 1): 90514})
    assert not check.exact and check.legal_size == 37 and check.matches is True


def test_figures_in_different_bands_cannot_settle_the_size():
    # Dronten: 44.354 on 1-1-2024 (27 seats), over 45.000 on 1-1-2026 (29 seats).
    check = size_check("GR2026", GR2026, 29, {date(2024, 1, 1): 44354, date(2026, 1, 1): 45436})
    assert check.possible == (27, 29)
    assert check.legal_size is None and check.matches is None
    assert "niet precies" in check.verdict


def test_seats_outside_every_possible_size_are_a_mismatch():
    check = size_check("GR2026", GR2026, 33, {date(2024, 1, 1): 44354, date(2026, 1, 1): 45436})
    assert check.matches is False


def test_without_inhabitants_nothing_can_be_said():
    check = size_check("GR2026", GR2026, 29, {})
    assert check.possible == () and check.matches is None
