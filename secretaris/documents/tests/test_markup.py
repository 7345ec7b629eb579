"""Simple formatting in user text: blocks, inline runs, and HTML that cannot carry tags."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretaris.documents.markup import inline_html, inline_runs, parse_markup, plain_text
from secretaris.documents.model import BulletList, Paragraph


def test_it_splits_paragraphs_on_blank_lines_and_joins_soft_breaks() -> None:
    blocks = parse_markup("Eerste regel\ntweede regel.\n\n  \nNieuwe alinea.")
    assert blocks == (Paragraph("Eerste regel tweede regel."), Paragraph("Nieuwe alinea."))


def test_it_reads_dash_and_star_lines_as_one_bulleted_list() -> None:
    blocks = parse_markup("Intro\n- een\n* twee\n-   drie")
    assert blocks == (Paragraph("Intro"), BulletList(("een", "twee", "drie")))


def test_it_reads_numbered_lines_as_an_ordered_list() -> None:
    assert parse_markup("1. een\n2. twee\n10) tien") == (
        BulletList(("een", "twee", "tien"), ordered=True),
    )


def test_it_starts_a_new_list_when_the_kind_changes() -> None:
    blocks = parse_markup("- los\n1. eerst\n2. dan")
    assert blocks == (BulletList(("los",)), BulletList(("eerst", "dan"), ordered=True))


def test_an_indented_line_continues_the_list_item() -> None:
    blocks = parse_markup("- een lang\n  vervolg\nGewone tekst")
    assert blocks == (BulletList(("een lang vervolg",)), Paragraph("Gewone tekst"))


def test_italic_at_the_start_of_a_line_is_not_a_bullet() -> None:
    assert parse_markup("*Let op*: dit is tekst") == (Paragraph("*Let op*: dit is tekst"),)


def test_empty_text_gives_no_blocks() -> None:
    assert parse_markup("") == ()
    assert parse_markup("\r\n \r\n") == ()


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (
            "een **vet** woord",
            [("een ", False, False), ("vet", True, False), (" woord", False, False)],
        ),
        ("*schuin*", [("schuin", False, True)]),
        ("***beide***", [("beide", True, True)]),
        ("**vet *en schuin***", [("vet ", True, False), ("en schuin", True, True)]),
        ("*a **b** c*", [("a ", False, True), ("b", True, True), (" c", False, True)]),
        ("2 * 3 * 4", [("2 * 3 * 4", False, False)]),
        ("** los", [("** los", False, False)]),
        ("*open", [("*open", False, False)]),
    ],
)
def test_inline_runs(text: str, runs: list[tuple[str, bool, bool]]) -> None:
    assert inline_runs(text) == runs


def test_plain_text_drops_the_markup() -> None:
    assert plain_text("De **raad** en *het college*") == "De raad en het college"


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        '**<a href="javascript:alert(1)">x</a>**',
        '*" onmouseover="alert(1)*',
        "<svg/onload=alert(1)>",
        "&lt;script&gt; al ge-escaped",
    ],
)
def test_inline_html_never_lets_a_tag_through(attack: str) -> None:
    html = inline_html(attack)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<svg" not in html
    assert re.sub(r"</?(strong|em)>", "", html).count("<") == 0


def test_inline_html_escapes_then_adds_strong_and_em() -> None:
    assert inline_html("**<b>x</b>** & *y*") == (
        "<strong>&lt;b&gt;x&lt;/b&gt;</strong> &amp; <em>y</em>"
    )


@given(st.text(alphabet=st.sampled_from("ab <>&\"'*/=\n"), max_size=40))
def test_inline_html_only_ever_adds_strong_and_em_tags(text: str) -> None:
    html = inline_html(text)
    assert "<" not in re.sub(r"</?(strong|em)>", "", html)
    assert ">" not in re.sub(r"</?(strong|em)>", "", html)
