"""The per-criterion table of one candidate on the calibration page, built in Python.

A full round (12 candidates × 10 criteria × 6 scores) is over 700 scores; template loops
(and even format_html) took most of the page's time, so this one table is assembled with
plain string joins. Every text from the database goes through escape().
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from secretaris.selection.calibration import CandidateCalibration, CriterionRow

OUTLIER = ' <span class="sel-flag">wijkt af</span>'
DISAGREEMENT = '<strong class="sel-flag">groot verschil</strong>'


def _scores(row: CriterionRow) -> str:
    return "".join(
        f'<li class="sel-score{" sel-score--outlier" if s.outlier else ""}">'
        f"{escape(s.member) + ': ' if s.member else ''}<strong>{int(s.value)}</strong>"
        f"{OUTLIER if s.outlier else ''}</li>"
        for s in row.scores
    )


def _row(row: CriterionRow) -> str:
    disagree = row.disagreement
    return (
        f'<tr class="utrecht-table__row{" sel-row--disagree" if disagree else ""}">'
        f'<th scope="row" class="utrecht-table__header-cell">{escape(row.name)}</th>'
        f'<td class="utrecht-table__cell"><ul class="sel-scores">{_scores(row)}</ul></td>'
        f'<td class="utrecht-table__cell utrecht-table__cell--numeric">'
        f"{int(row.low)}–{int(row.high)}</td>"
        f'<td class="utrecht-table__cell">'
        f"{DISAGREEMENT if disagree else 'klein'}</td></tr>"
    )


def candidate_table(item: CandidateCalibration) -> SafeString:
    name = escape(item.candidate.name)
    anonymous = " (zonder namen)" if item.state == "anonymous" else ""
    return mark_safe(  # noqa: S308 - every database text above is escaped
        f'<div class="sec-table-scroll" role="region" aria-label="Scores voor {name}" '
        'tabindex="0"><table class="utrecht-table sel-spread">'
        '<caption class="utrecht-table__caption visually-hidden">Scores per criterium voor '
        f'{name}</caption><thead class="utrecht-table__header"><tr class="utrecht-table__row">'
        '<th scope="col" class="utrecht-table__header-cell">Criterium</th>'
        f'<th scope="col" class="utrecht-table__header-cell">Scores{anonymous}</th>'
        '<th scope="col" class="utrecht-table__header-cell '
        'utrecht-table__header-cell--numeric">Laag–hoog</th>'
        '<th scope="col" class="utrecht-table__header-cell">Verschil</th></tr></thead>'
        f'<tbody class="utrecht-table__body">{"".join(_row(r) for r in item.rows)}</tbody>'
        "</table></div>"
    )
