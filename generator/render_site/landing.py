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
from generator.views.engine_words import engine_word
from generator.views.text import both, counted, long_date
from generator.words import say

MEDIA_TYPES = {
    "PDF": "application/pdf",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "EPUB": "application/epub+zip",
}


def status_names() -> dict[str, str]:
    """A publication's status as its landing page names it."""
    return {
        "draft": say("Draft"),
        "consultation": say("Consultation draft"),
        "approved": say("Approved"),
        "superseded": say("Superseded"),
    }


def preview_downloads() -> str:
    """What the preview says where the published site links the printed documents."""
    return say(
        "The preview does not make the printed documents (PDF, DOCX, EPUB) or update them as you save: "
        "run charter build to make them, and the published site links them here."
    )


def landing_page(site: Renderer, downloads: list[Download], *, previewing: bool = False) -> Page:
    """The site's home page; ``previewing``, it says where the printed documents' links will be."""
    settings = site.publication.settings
    page = site.context("")
    rows = [
        (say("Country"), esc(settings.country)),
        (say("Edition"), esc(settings.edition)),
        (say("Classification"), esc(site.publication.edition.label) if site.publication.edition else ""),
        (say("Version"), esc(settings.version)),
        (say("Status"), esc(status_names().get(settings.status, settings.status.capitalize()))),
        (say("Date"), f'<time datetime="{settings.date.isoformat()}">{esc(long_date(settings.date))}</time>'),
    ]
    body = f"# {md_inline(settings.title)}\n"
    body += block(paragraph(settings.subtitle, "charter-lead"), paragraph(summary(site)), facts(rows))
    body += f"\n## {say('Key figures')}\n" + block(_figures(site, page), render_table(_bands_table(site), page))
    body += block(render_table(_status_table(site), page))
    if downloads:
        body += f"\n## {say('Downloads')}\n" + block(_downloads(downloads, page))
    elif previewing and settings.documents:
        body += f"\n## {say('Downloads')}\n" + block(paragraph(preview_downloads(), "charter-preview-note"))
    body += f"\n## {say('Open data')}\n" + block(open_data_section(site, page))
    body += f"\n## {say('Contents')}\n" + block(_contents(site, page))
    statement = f'<a href="{esc(page.page(ACCESSIBILITY_FOLDER))}">{say("accessibility statement")}</a>'
    about = say("How accessible this website is: read its {statement}.", statement=statement)
    body += block(f'<p class="charter-about">{about}</p>')
    return Page("", settings.title, body)


def summary(site: Renderer) -> str:
    """The publication in two plain sentences: what it assesses and plans, and how severe the worst is."""
    publication = site.publication
    grouped = sum(group.count for group in publication.risk_groups)
    assessed = sum(1 for t in publication.threats if publication.risks_of_threat(t))
    objectives = len(publication.objectives)
    work = [
        counted(objectives, say("{count} strategic objective"), say("{count} strategic objectives")),
        counted(len(publication.actions), say("{count} action"), say("{count} actions")),
    ]
    who = [
        counted(len(publication.agencies), say("{count} agency"), say("{count} agencies")),
        counted(len(publication.committees), say("{count} committee"), say("{count} committees")),
    ]
    text = say(
        "This publication assesses {risks} in {threats} and sets out {work} to reduce them, carried by {who}.",
        risks=counted(len(publication.risks) + grouped, say("{count} risk"), say("{count} risks")),
        threats=counted(assessed, say("{count} threat category"), say("{count} threat categories")),
        work=both(work),
        who=both(who),
    )
    rated = [r for r in publication.risks if not r.withheld]
    if rated:
        top = max(publication.settings.scales.bands, key=lambda b: b.min)
        worst = [r for r in rated if r.residual.band.name == top.name]
        if worst:
            one = say("With today's controls, {count} risk is rated {band}.")
            many = say("With today's controls, {count} risks are rated {band}.")
            text += " " + counted(len(worst), one, many, band=top.name)
        else:
            highest = max(r.residual.band.min for r in rated)
            band = next(b for b in publication.settings.scales.bands if b.min == highest)
            text += " " + say(
                "With today's controls, no risk is rated {top}; the highest are rated {band}.",
                top=top.name,
                band=band.name,
            )
    return text


def _figures(site: Renderer, page: PageContext) -> str:
    publication = site.publication
    grouped = sum(group.count for group in publication.risk_groups)
    figures = [
        (len(publication.risks) + grouped, say("risks in the register"), "risks"),
        (len(publication.objectives), say("strategic objectives"), "objectives"),
        (len(publication.actions), say("actions in the plan"), "actions"),
        (len(publication.indicators), say("monitoring indicators"), "indicators"),
        (len(publication.committees), say("committees"), "committees"),
        (len(publication.agencies), say("agencies"), "agencies"),
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
        rows.append([cell(Marker(say("Withheld")), header=True)] + [cell(str(len(withheld))) for _ in counts])
    rows.append([cell(say("All risks"), header=True)] + [cell(str(len(risks))) for _ in counts])
    columns = [Column(say("Rating")), Column(say("Inherent"), numeric=True), Column(say("Residual"), numeric=True)]
    columns.append(Column(say("Target"), numeric=True))
    notes = [say("Inherent: before controls. Residual: with today's controls. Target: once the actions are done.")]
    grouped = sum(group.count for group in site.publication.risk_groups)
    if withheld:
        notes.append(
            say(
                "{count} risks are above this edition's level: it shows their public summaries, not "
                "their ratings; the register and the heat maps show them by their public group.",
                count=len(withheld),
            )
        )
    if grouped:
        notes.append(
            say("This edition shows {count} further risks only by their group, in the register.", count=grouped)
        )
    return Table("key-ratings", say("Risks by rating"), columns, rows, notes=notes)


def _status_table(site: Renderer) -> Table:
    actions = site.publication.actions
    counts = Counter(a.status for a in actions)
    labels = site.publication.settings.vocabulary.action_statuses.labels
    rows = [
        [cell(Marker(engine_word(label)), header=True), cell(str(counts[status]))] for status, label in labels.items()
    ]
    rows.append([cell(say("All actions"), header=True), cell(str(len(actions)))])
    columns = [Column(say("Status")), Column(say("Actions"), numeric=True)]
    return Table("key-actions", say("Actions by status"), columns, rows)


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
        html += f'<p class="charter-contents__annexes">{say("Annexes")}</p>' + item_list(links(annexes))
    return html
