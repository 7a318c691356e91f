"""Tables on the web: a view's :class:`~generator.views.blocks.Table` as an accessible HTML table.

Each table has a ``<caption>``, column headers with ``scope="col"`` and row headers with
``scope="row"``. Every piece of text is escaped. A band is shown as its name on its
colour, never as colour alone. Sortable tables carry ``data-charter-sortable``; the
vendored script adds sorting and a filter box, and without it the table is complete.
"""

from __future__ import annotations

from generator.render_site.colours import band_style
from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.views.blocks import Cell, Column, Inline, Link, Marker, Table

NOWRAP_LENGTH = 16
"""A cell of one short word (an ID such as R-PIR-01) is never broken at its hyphens."""
PROSE_LENGTH = 40
"""A column whose longest cell is longer than this many characters holds running text."""


def render_table(table: Table, page: PageContext) -> str:
    """The HTML of a table, its wrapper and its notes (one raw HTML block, no blank lines)."""
    if not table.rows:
        return f'<p class="charter-empty"><strong>{esc(table.caption)}.</strong> {esc(table.empty)}</p>'
    table_id = page.new_id(f"table-{table.view}")
    classes = f"charter-table charter-table--{esc(table.view)}" + (" charter-table--wide" if table.wide else "")
    sortable = " data-charter-sortable" if table.sortable else ""
    heatmap = table.view == "heatmap"
    prose = _prose_columns(table)
    head = "".join(_column(column, i in prose) for i, column in enumerate(table.columns))
    body = "".join(
        "<tr>" + "".join(_cell(c, table.columns, i, page, heatmap, i in prose) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    html = (
        f'<div class="charter-table-wrap" role="region" aria-labelledby="{table_id}-caption" tabindex="0">'
        f'<table class="{classes}" id="{table_id}"{sortable}>'
        f'<caption id="{table_id}-caption">{esc(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    notes = "".join(f'<p class="charter-table-note">{esc(note)}</p>' for note in table.notes)
    return html + notes


def _prose_columns(table: Table) -> set[int]:
    """The columns holding running text (titles, summaries): they get room to wrap by words."""
    longest: dict[int, int] = {}
    for row in table.rows:
        for i, cell in enumerate(row):
            longest[i] = max(longest.get(i, 0), len(cell.text))
    return {i for i, n in longest.items() if n > PROSE_LENGTH}


def _column(column: Column, prose: bool) -> str:
    classes = [name for name, on in (("charter-num", column.numeric), ("charter-prose", prose)) if on]
    numeric = f' class="{" ".join(classes)}"' if classes else ""
    if column.abbr and column.abbr != column.name:
        label = f'<abbr title="{esc(column.name)}">{esc(column.abbr)}</abbr>'
    else:
        label = esc(column.name)
    return f'<th scope="col"{numeric}>{label}</th>'


def _cell(cell: Cell, columns: list[Column], index: int, page: PageContext, heatmap: bool, prose: bool) -> str:
    attrs = ['scope="row"'] if cell.header else []
    classes = ["charter-prose"] if prose else []
    if cell.sort_key is not None:
        attrs.append(f'data-sort="{esc(cell.sort_key)}"')
    if index < len(columns) and columns[index].numeric:
        classes.append("charter-num")
    text = cell.text
    if len(text) <= NOWRAP_LENGTH and " " not in text:
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
    if style:
        return f'<span class="charter-marker charter-marker--band" style="{style}"{title}>{esc(marker.text)}</span>'
    return f'<span class="charter-marker"{title}>{esc(marker.text)}</span>'
