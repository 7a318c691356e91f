"""Chapter pages: the drafters' prose with its entity blocks summarised and its views rendered in place.

A chapter holding a wide view (a table of many columns, a diagram) does without the
table-of-contents sidebar, so the view gets the page's whole width.
"""

from __future__ import annotations

import re

from generator.model import Chapter, EntityBlock, Passage, Signature, Threat, View
from generator.render_site.entity_pages.threat import threat_section
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block
from generator.render_site.render import Page, Renderer, needs_width
from generator.render_site.summaries import entity_block_html
from generator.views import render_view
from generator.words import language_name, say

_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")


def chapter_pages(site: Renderer) -> list[Page]:
    """One page per chapter, in reading order."""
    return [chapter_page(site, chapter) for chapter in site.publication.chapters]


def chapter_page(site: Renderer, chapter: Chapter) -> Page:
    """A chapter's page."""
    folder = site.sitemap.chapter_folders[chapter.path]
    page = site.context(folder)
    parts = [] if _opens_with_h1(chapter) else [f"# {md_inline(chapter.title)}\n"]
    wide = False
    for segment in chapter.segments:
        if isinstance(segment, Signature):
            parts.append(block(signature_html(segment)))
        elif isinstance(segment, Passage):
            parts.append("\n" + site.prose(segment.text, page, chapter.path) + "\n")
        elif isinstance(segment, EntityBlock):
            parts.append(block(entity_block_html(site, segment, page)))
        elif isinstance(segment, View):
            blocks = render_view(segment, site.publication)
            wide = wide or any(needs_width(b) for b in blocks)
            parts.append(site.view(segment, page, blocks))
    for threat_id, subject_folder in site.sitemap.subjects.items():
        if subject_folder == folder:
            parts.append(threat_section(site, site.publication.get(threat_id, Threat), page, "".join(parts)))
    settings = site.publication.settings
    return Page(
        folder,
        chapter.title,
        "".join(parts),
        hide=("toc",) if wide else (),
        source=chapter.location.path,
        description=chapter.description,
        lang=chapter.lang or chapter.untranslated,
        dir=chapter.dir or (settings.direction_for(chapter.untranslated) if chapter.untranslated else ""),
        notice=untranslated_notice(chapter.untranslated, settings.language),
    )


def untranslated_notice(original: str, lang: str) -> str:
    """What a page with no translation into the reader's language says above its text, in that language."""
    if not original:
        return ""
    return say(
        "This page has not been translated into {language} yet: it is shown in {original}.",
        language=language_name(lang, lang),
        original=language_name(original, lang),
    )


def _opens_with_h1(chapter: Chapter) -> bool:
    first = chapter.segments[0] if chapter.segments else None
    if not isinstance(first, Passage):
        return False
    for line in first.text.split("\n"):
        if line.strip():
            return bool(_H1.match(line))
    return False


def signature_html(signature: Signature) -> str:
    """A signature as a block of its own: the name in bold, then the office, then the place and date."""
    lines = signature.lines
    first = f'<span class="charter-signature-name">{esc(lines[0])}</span>' if lines else ""
    rest = "".join(f"<span>{esc(line)}</span>" for line in lines[1:])
    return f'<p class="charter-signature">{first}{rest}</p>'
