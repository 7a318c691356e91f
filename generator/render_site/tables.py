"""Tables on the web: a view's :class:`~generator.views.blocks.Table` as an accessible HTML table.

Each table has a ``<caption>``, column headers with ``scope="col"`` and row headers with
``scope="row"``. Every piece of text is escaped. A band is shown as its name on its
colour, never as colour alone. Sortable tables carry ``data-charter-sortable``; the
script (charter.js) adds sorting and a filter box, and without it the table is complete.
"""

from __future__ import annotations

import re

from generator.render_site.colours import band_style
from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.views.blocks import Cell, Column, Inline, Link, Marker, Table
from generator.words import say

NOWRAP_LENGTH = 16
"""A cell of one short word (an ID such as R-PIR-01) is never broken at its hyphens."""
ID_LIKE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
"""An ID of any length (AG-SHIPPING-ASSOC): one unit, never broken at its hyphens."""
PROSE_LENGTH = 30
"""A column whose longest single text is longer than this many characters holds running text."""


def render_table(table: Table, page: PageContext) -> str:
    """The HTML of a table, its wrapper and its notes (one raw HTML block, no blank lines)."""
    if not table.rows:
        return f'<p class="charter-empty"><strong>{esc(table.caption)}.</strong> {esc(table.empty)}</p>'
    table_id = page.new_id(f"table-{table.view}")
    classes = f"charter-table charter-table--{esc(table.view)}" + (" charter-table--wide" if table.wide else "")
    classes += " charter-table--cards" if table.cards else ""
    sortable = f' data-charter-sortable data-charter-noun="{esc("|".join(table.noun))}"' if table.sortable else ""
    heatmap = table.view == "heatmap"
    prose = _prose_columns(table)
    fitted = _fitted_columns(table) if table.wide and not heatmap else set()
    head = "".join(_column(column, i in prose, i in fitted) for i, column in enumerate(table.columns))
    labels = [column.name for column in table.columns] if table.cards else []
    first_summary = len(table.rows) - table.summary_rows
    body = "".join(
        ('<tr class="charter-summary-row">' if n >= first_summary else "<tr>")
        + "".join(_cell(c, table.columns, i, page, heatmap, i in prose, labels) for i, c in enumerate(row))
        + "</tr>"
        for n, row in enumerate(table.rows)
    )
    html = (
        f'<div class="charter-table-wrap" role="region" aria-labelledby="{table_id}-caption" tabindex="0">'
        f'<table class="{classes}" id="{table_id}"{sortable}>'
        f'<caption id="{table_id}-caption">{esc(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    notes = "".join(f'<p class="charter-table-note">{esc(note)}</p>' for note in table.notes)
    return html + _legend(table) + notes


def _legend(table: Table) -> str:
    """The key to a table's coloured score chips: each band's name and scores on its colour."""
    if not table.legend:
        return ""
    items = "".join(f"<li>{marker_html(marker)}</li>" for marker in table.legend)
    return (
        f'<div class="charter-legend"><p class="charter-legend__title">{say("Rating bands")}</p><ul>{items}</ul></div>'
    )


def _prose_columns(table: Table) -> set[int]:
    """The columns holding running text (titles, summaries): they get room to wrap by words.

    A column of short items (a list of IDs or agency names) is not running text, however
    long the list: it wraps between its items.
    """
    longest: dict[int, int] = {}
    for row in table.rows:
        for i, cell in enumerate(row):
            part = max((len(p if isinstance(p, str) else p.text) for p in cell.parts), default=0)
            longest[i] = max(longest.get(i, 0), part)
    return {i for i, n in longest.items() if n > PROSE_LENGTH}


def _unbroken(cell: Cell) -> bool:
    """Whether a cell is one short word (an ID, a score) or a date: never broken over lines."""
    return cell.keep or _one_word(cell.text) or (len(cell.parts) == 1 and _score(cell))


def _one_word(text: str) -> bool:
    """A short word or an ID of any length: one unit, never broken over lines."""
    return (len(text) <= NOWRAP_LENGTH and " " not in text) or bool(ID_LIKE.match(text))


def _score(cell: Cell) -> bool:
    part = cell.parts[0]
    return isinstance(part, Marker) and bool(part.short)


def _fitted_columns(table: Table) -> set[int]:
    """The columns whose every cell is unbroken: they take only the width they need."""
    body = table.rows[: len(table.rows) - table.summary_rows] or table.rows
    return {i for i in range(len(table.columns)) if all(i >= len(row) or _unbroken(row[i]) for row in body)}


def _column(column: Column, prose: bool, fitted: bool = False) -> str:
    unbroken = _one_word(column.short or column.abbr or column.name)
    flags = (
        ("charter-num", column.numeric),
        ("charter-prose", prose),
        ("charter-fit", fitted),
        ("charter-nowrap", unbroken and not prose),
    )
    classes = [name for name, on in flags if on]
    numeric = f' class="{" ".join(classes)}"' if classes else ""
    short = column.short or column.abbr
    if short and short != column.name:
        label = f'<abbr title="{esc(column.name)}">{esc(short)}</abbr>'
    else:
        label = esc(column.name)
    return f'<th scope="col"{numeric}>{label}</th>'


def _cell(
    cell: Cell, columns: list[Column], index: int, page: PageContext, heatmap: bool, prose: bool, labels: list[str]
) -> str:
    attrs = ['scope="row"'] if cell.header else []
    if index < len(labels):
        attrs.append(f'data-label="{esc(labels[index])}"')
    classes = ["charter-prose"] if prose else []
    if cell.sort_key is not None:
        attrs.append(f'data-sort="{esc(cell.sort_key)}"')
    if index < len(columns) and columns[index].numeric:
        classes.append("charter-num")
    if _unbroken(cell):
        classes.append("charter-nowrap")
    in_band = heatmap and cell.band is not None
    if in_band:
        classes.append("charter-heat")
        style = band_style(cell.band)
        if style:
            attrs.append(f'style="{style}"')
    if classes:
        attrs.append(f'class="{" ".join(classes)}"')
    tag = "th" if cell.header else "td"
    content = esc(cell.separator).join(inline_html(part, page, in_band=in_band) for part in cell.parts)
    opening = f"<{tag} {' '.join(attrs)}>" if attrs else f"<{tag}>"
    return f"{opening}{content}</{tag}>"


def inline_html(part: Inline, page: PageContext, *, in_band: bool = False) -> str:
    """One inline part of a cell: escaped text, a link to an entity, or a marker."""
    if isinstance(part, Link):
        if part.text == part.target:  # an ID: one unit, never broken at its hyphens
            return f'<span class="charter-id">{page.link(part.target, part.text)}</span>'
        return page.link(part.target, part.text)
    if isinstance(part, Marker):
        return marker_html(part, in_band=in_band)
    return esc(part)


def marker_html(marker: Marker, *, in_band: bool = False) -> str:
    """A marker: its text always, on its band's colour when it has one (and is not already on it)."""
    title = f' title="{esc(marker.title)}"' if marker.title and marker.title != marker.text else ""
    if in_band and marker.band is not None:
        return f'<span class="charter-band-label"{title}>{esc(marker.text)}</span>'
    style = band_style(marker.band)
    if style and marker.short:  # a score as a chip of its number; its band's name for screen readers
        return (
            f'<span class="charter-marker charter-marker--band charter-score" style="{style}"{title}>'
            f'{esc(marker.short)}<span class="charter-sr-only"> {esc(marker.text.removeprefix(marker.short).strip())}'
            "</span></span>"
        )
    if style:
        return f'<span class="charter-marker charter-marker--band" style="{style}"{title}>{esc(marker.text)}</span>'
    if marker.short:  # a mark that stands for a word, e.g. a tick for 'Addressed': the word for screen readers
        return (
            f'<span class="charter-marker charter-marker--short"{title}>{esc(marker.short)}'
            f'<span class="charter-sr-only"> {esc(marker.text)}</span></span>'
        )
    return f'<span class="charter-marker"{title}>{esc(marker.text)}</span>'
