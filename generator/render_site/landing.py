"""The landing page: what the publication is, its key figures, its downloads and its contents."""

from __future__ import annotations

from collections import Counter

from generator.downloads import Download
from generator.model import Chapter
from generator.render_site.context import PageContext
from generator.render_site.data_page import open_data_section
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, facts, item_list, paragraph
from generator.render_site.links import ACCESSIBILITY_FOLDER
from generator.render_site.render import Page, Renderer
from generator.render_site.tables import render_table
from generator.views.blocks import Column, Marker, Table, cell
from generator.views.text import long_date, plural

MEDIA_TYPES = {
    "PDF": "application/pdf",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "EPUB": "application/epub+zip",
}
STATUS_NAMES = {
    "draft": "Draft",
    "consultation": "Consultation draft",
    "approved": "Approved",
    "superseded": "Superseded",
}


PREVIEW_DOWNLOADS = (
    "The preview does not make the printed documents (PDF, DOCX, EPUB) or update them as you save: "
    "run charter build to make them, and the published site links them here."
)


def landing_page(site: Renderer, downloads: list[Download], *, previewing: bool = False) -> Page:
    """The site's home page; ``previewing``, it says where the printed documents' links will be."""
    settings = site.publication.settings
    page = site.context("")
    rows = [
        ("Country", esc(settings.country)),
        ("Edition", esc(settings.edition)),
        ("Classification", esc(site.publication.edition.label) if site.publication.edition else ""),
        ("Version", esc(settings.version)),
        ("Status", esc(STATUS_NAMES.get(settings.status, settings.status.capitalize()))),
        ("Date", f'<time datetime="{settings.date.isoformat()}">{esc(long_date(settings.date))}</time>'),
    ]
    body = f"# {md_inline(settings.title)}\n"
    body += block(paragraph(settings.subtitle, "charter-lead"), paragraph(summary(site)), facts(rows))
    body += "\n## Key figures\n" + block(_figures(site, page), render_table(_bands_table(site), page))
    body += block(render_table(_status_table(site), page))
    if downloads:
        body += "\n## Downloads\n" + block(_downloads(downloads, page))
    elif previewing and settings.documents:
        body += "\n## Downloads\n" + block(paragraph(PREVIEW_DOWNLOADS, "charter-preview-note"))
    body += "\n## Open data\n" + block(open_data_section(site, page))
    body += "\n## Contents\n" + block(_contents(site, page))
    statement = f'<a href="{esc(page.page(ACCESSIBILITY_FOLDER))}">accessibility statement</a>'
    body += block(f'<p class="charter-about">How accessible this website is: read its {statement}.</p>')
    return Page("", settings.title, body)


def summary(site: Renderer) -> str:
    """The publication in two plain sentences: what it assesses and plans, and how severe the worst is."""
    publication = site.publication
    grouped = sum(group.count for group in publication.risk_groups)
    assessed = sum(1 for t in publication.threats if publication.risks_of_threat(t))
    work = [
        plural(len(publication.objectives), "strategic objective"),
        plural(len(publication.actions), "action"),
    ]
    who = [plural(len(publication.agencies), "agency", "agencies"), plural(len(publication.committees), "committee")]
    text = (
        f"This publication assesses {plural(len(publication.risks) + grouped, 'risk')} in "
        f"{plural(assessed, 'threat category', 'threat categories')} and sets out {' and '.join(work)} "
        f"to reduce them, carried by {' and '.join(who)}."
    )
    rated = [r for r in publication.risks if not r.withheld]
    if rated:
        top = max(publication.settings.scales.bands, key=lambda b: b.min)
        worst = [r for r in rated if r.residual.band.name == top.name]
        if worst:
            verb = "is" if len(worst) == 1 else "are"
            text += f" With today's controls, {plural(len(worst), 'risk')} {verb} rated {top.name}."
        else:
            highest = max(r.residual.band.min for r in rated)
            band = next(b for b in publication.settings.scales.bands if b.min == highest)
            text += f" With today's controls, no risk is rated {top.name}; the highest are rated {band.name}."
    return text


def _figures(site: Renderer, page: PageContext) -> str:
    publication = site.publication
    grouped = sum(group.count for group in publication.risk_groups)
    figures = [
        (len(publication.risks) + grouped, "risks in the register", "risks"),
        (len(publication.objectives), "strategic objectives", "objectives"),
        (len(publication.actions), "actions in the plan", "actions"),
        (len(publication.indicators), "monitoring indicators", "indicators"),
        (len(publication.committees), "committees", "committees"),
        (len(publication.agencies), "agencies", "agencies"),
    ]
    items = "".join(
        f'<li><a href="{esc(page.page(folder))}"><span class="charter-figure__n">{n}</span> '
        f'<span class="charter-figure__label">{esc(label)}</span></a></li>'
        for n, label, folder in figures
    )
    return f'<ul class="charter-figures">{items}</ul>'


def _bands_table(site: Renderer) -> Table:
    risks = site.publication.risks
    bands = sorted(site.publication.settings.scales.bands, key=lambda b: -b.min)
    counts = {stage: Counter(r.stage(stage).band.name for r in risks) for stage in ("inherent", "residual", "target")}
    rows = [
        [cell(Marker(b.name, b), header=True)]
        + [cell(str(counts[stage][b.name]), sort_key=f"{counts[stage][b.name]:06d}") for stage in counts]
        for b in bands
    ]
    withheld = [r for r in risks if r.withheld]
    if withheld:
        rows.append([cell(Marker("Withheld"), header=True)] + [cell(str(len(withheld))) for _ in counts])
    rows.append([cell("All risks", header=True)] + [cell(str(len(risks))) for _ in counts])
    columns = [Column("Rating"), Column("Inherent", numeric=True), Column("Residual", numeric=True)]
    columns.append(Column("Target", numeric=True))
    notes = ["Inherent: before controls. Residual: with today's controls. Target: once the actions are done."]
    grouped = sum(group.count for group in site.publication.risk_groups)
    if withheld:
        notes.append(
            f"{len(withheld)} risks are above this edition's level: it shows their public summaries, not "
            "their ratings; the register and the heat maps show them by their public group."
        )
    if grouped:
        notes.append(f"This edition shows {grouped} further risks only by their group, in the register.")
    return Table("key-ratings", "Risks by rating", columns, rows, notes=notes)


def _status_table(site: Renderer) -> Table:
    actions = site.publication.actions
    counts = Counter(a.status for a in actions)
    labels = site.publication.settings.vocabulary.action_statuses.labels
    rows = [[cell(Marker(label), header=True), cell(str(counts[status]))] for status, label in labels.items()]
    rows.append([cell("All actions", header=True), cell(str(len(actions)))])
    return Table("key-actions", "Actions by status", [Column("Status"), Column("Actions", numeric=True)], rows)


def _downloads(downloads: list[Download], page: PageContext) -> str:
    """One line per printed document: its title, then a link per format with the file's size."""
    by_title: dict[str, list[Download]] = {}
    for download in downloads:
        by_title.setdefault(download.title, []).append(download)
    items = [
        f'<span class="charter-download__title">{esc(title)}</span> '
        + " · ".join(
            f'<a href="{esc(page.file(d.href))}" type="{MEDIA_TYPES.get(d.format, "application/octet-stream")}">'
            f"{esc(d.format)}, {esc(d.size_text)}</a>"
            for d in files
        )
        for title, files in by_title.items()
    ]
    return item_list(items, css="charter-downloads")


def _contents(site: Renderer, page: PageContext) -> str:
    chapters = site.publication.chapters
    main = [c for c in chapters if not c.annex]
    annexes = [c for c in chapters if c.annex]

    def links(items: list[Chapter]) -> list[str]:
        return [f'<a href="{esc(page.page(site.sitemap.chapter_folders[c.path]))}">{esc(c.title)}</a>' for c in items]

    html = f'<ol class="charter-contents">{"".join(f"<li>{x}</li>" for x in links(main))}</ol>' if main else ""
    if annexes:
        html += '<p class="charter-contents__annexes">Annexes</p>' + item_list(links(annexes))
    return html
