"""Which chapter is about which threat category, so that a threat has one page, not two.

Drafters often give a threat category a chapter of its own (the sample's
``register/piracy.md``): its prose and its risks. That chapter is then the threat's page
on the site: links to the threat lead there, and the threat's facts and what refers to it
are shown at its end instead of on a generated page of their own.

A chapter is about a threat when every risk of the threat is written in that chapter and
the chapter's risks belong to no more than :data:`MAX_SUBJECTS` threats: a chapter that
holds the risks of many threats is a register, not a chapter about one of them.
"""

from __future__ import annotations

from collections import defaultdict

from generator.model import Risk
from generator.resolve import Publication

MAX_SUBJECTS = 3
"""The most threat categories one chapter may be about (the sample's explosive devices chapter is about two)."""


def threat_chapters(publication: Publication) -> dict[str, str]:
    """Threat ID → the path of the chapter about it, for each threat that has one."""
    chapters_of: dict[str, set[str]] = defaultdict(set)
    threats_in: dict[str, set[str]] = defaultdict(set)
    for risk in publication.of_kind(Risk):
        chapters_of[risk.threat].add(risk.chapter)
        threats_in[risk.chapter].add(risk.threat)
    known = {chapter.path for chapter in publication.chapters}
    found = {}
    for threat, chapters in chapters_of.items():
        if len(chapters) != 1:
            continue
        chapter = next(iter(chapters))
        if chapter in known and len(threats_in[chapter]) <= MAX_SUBJECTS:
            found[threat] = chapter
    return found
