"""WordprocessingML that python-docx has no API for: fonts, borders, fields, numbering.

Each helper changes one thing and is named for it. Only imported by docx_build.py.
Tables are in docx_table.py.
"""

from __future__ import annotations

from docx.document import Document as Docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shape import InlineShape
from docx.shared import Length, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Word refuses a file whose elements are out of schema order: each new element goes
# before the first of the elements that must follow it.
AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _fonts(rpr: BaseOxmlElement, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for name in THEME_FONT_ATTRIBUTES:  # a theme font would win over the named one
        fonts.attrib.pop(qn(name), None)
    for name in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(name), font)


def set_default_font(doc: Docx, font: str, language: str) -> None:
    """The font and spelling language of all text that does not say otherwise."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def use_font(style: BaseStyle, font: str) -> None:
    _fonts(style.element.get_or_add_rPr(), font)


def _paragraph_border(ppr: BaseOxmlElement, side: str, color: str, size: int, space: int) -> None:
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = _element("w:pBdr")
        ppr.insert_element_before(borders, *AFTER_PBDR)
    borders.append(_element(f"w:{side}", val="single", sz=str(size), space=str(space), color=color))


def remove_border(style: BaseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is not None:
        ppr.remove(borders)


def left_rule(style: BaseStyle, color: str) -> None:
    """A bar to the left of the paragraph, as for a quotation."""
    _paragraph_border(style.element.get_or_add_pPr(), "left", color, 24, 8)


def bottom_border(paragraph: Paragraph, color: str) -> None:
    _paragraph_border(paragraph._p.get_or_add_pPr(), "bottom", color, 4, 4)


def shade_run(run: Run, fill: str) -> None:
    run._r.get_or_add_rPr().append(_element("w:shd", val="clear", color="auto", fill=fill))


def add_field(
    paragraph: Paragraph, instruction: str, placeholder: str, size: Length, color: RGBColor
) -> None:
    """A field such as PAGE or NUMPAGES; Word shows `placeholder` until it updates it."""
    code = _element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    parts = [
        _element("w:fldChar", fldCharType="begin"),
        code,
        _element("w:fldChar", fldCharType="separate"),
        None,  # the run with the placeholder text
        _element("w:fldChar", fldCharType="end"),
    ]
    for part in parts:
        run = paragraph.add_run(placeholder if part is None else "")
        run.font.size, run.font.color.rgb = size, color
        if part is not None:
            run._r.append(part)


def restart_numbering(doc: Docx, style_name: str) -> int:
    """A new numbering instance of the style's list that starts again at 1.

    All paragraphs in "List Number" share one counter in Word: without this, the
    second numbered list in a document would go on from where the first stopped.
    """
    numbering = doc.part.numbering_part.element
    style_num_id = doc.styles[style_name].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def set_numbering(paragraph: Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def describe_picture(shape: InlineShape, title: str, alt: str) -> None:
    """The alt text (docPr/@descr) that screen readers and Word's "Alt Text" show."""
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", title)


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(_element("w:color", val="01689B"))
    rpr.append(_element("w:u", val="single"))
    run.append(rpr)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_toc(doc: Docx, entries: list[tuple[int, str]]) -> None:
    """A Word table-of-contents field over Heading 1 and 2.

    Until Word updates it (it asks on opening: `updateFields` in the settings) the field
    shows the headings without page numbers, so the contents are never empty.
    """
    first = doc.add_paragraph()
    code = _element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = ' TOC \\o "1-2" \\h \\z \\u '
    for part in (_element("w:fldChar", fldCharType="begin"), code):
        first.add_run()._r.append(part)
    first.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraphs = [first]
    for index, (level, text) in enumerate(entries):
        paragraph = first if index == 0 else doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Pt(14 * level)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(text).bold = level == 0
        if index:
            paragraphs.append(paragraph)
    paragraphs[-1].add_run()._r.append(_element("w:fldChar", fldCharType="end"))
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = _element("w:updateFields", val="true")
        # The schema fixes the order of the settings: updateFields comes before these.
        later = [settings.find(qn(f"w:{tag}")) for tag in _AFTER_UPDATE_FIELDS]
        later = [element for element in later if element is not None]
        if later:
            later[0].addprevious(update)
        else:
            settings.append(update)


_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
