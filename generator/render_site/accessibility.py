"""The accessibility statement: a page of every edition's site, as EU and UK law ask public bodies for.

Its sections follow the model statements (the European Commission's Implementing Decision
2018/1523 and the UK government's sample statement): the compliance status, what is not
accessible, how to give feedback and ask for another format, the enforcement procedure, how
the site was tested and when the statement was prepared and last reviewed. What the body knows
about its own content comes from ``accessibility:`` in ``publication.yml``; what Charter knows
about what it makes (what it tests, and what it knows to be limited) is written here, once,
so every publication's statement says it the same way.
"""

from __future__ import annotations

from generator.render_site.escape import esc
from generator.render_site.fragments import block, item_list, paragraph
from generator.render_site.links import ACCESSIBILITY_FOLDER
from generator.render_site.render import Page, Renderer
from generator.views.text import long_date
from generator.words import say


def _laws() -> dict[str, str]:
    """The law each ``accessibility.law`` names, as the statement cites it."""
    return {
        "eu": say(
            "Directive (EU) 2016/2102 of the European Parliament and of the Council on the accessibility of the "
            "websites and mobile applications of public sector bodies"
        ),
        "uk": say("the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"),
    }


def _default_enforcement() -> dict[str, str]:
    return {
        "eu": say(
            "If you are not satisfied with our reply, you may turn to the body your country has made responsible "
            "for the enforcement procedure of Directive (EU) 2016/2102."
        ),
        "uk": say(
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility "
            "regulations. If you are not happy with how we respond to your complaint, contact the Equality "
            "Advisory and Support Service (EASS)."
        ),
    }


def charter_tests() -> list[str]:
    """What Charter's own tests check, on its sample publication and its test publications, for every site it makes."""
    return [
        say(
            "Every kind of page this site has is checked against the WCAG 2.2 A and AA rules of axe-core in a "
            "headless Chromium browser, in the light and the dark colour scheme, at a desktop width (1280 px) and "
            "a phone width (390 px)."
        ),
        say("The HTML of the pages is checked with the W3C Nu HTML Checker."),
        say("Text and diagram colours are checked for WCAG AA contrast in both colour schemes."),
        say(
            "The PDF edition is written as tagged PDF (PDF/UA-1), which is checked as the file is made; the EPUB "
            "edition is checked with epubcheck."
        ),
    ]


def charter_limits() -> list[str]:
    """What Charter knows to be limited in every site it makes."""
    return [
        say(
            "Diagrams and charts (the organisation chart, the action timeline, the indicator charts) are images. "
            "Each has a text alternative, a full text version below it, and the charts have a table of the same "
            "figures; a reader who cannot see the image loses nothing it shows."
        ),
        say(
            "Sorting and filtering the tables, and the search, need JavaScript. Without it every table is shown "
            "whole, in its published order, and every page is reached through the navigation."
        ),
        say(
            "The DOCX and EPUB downloads are made from the same source as the PDF, with headings, alternative text "
            "and table headers, but they are not tested against an accessibility standard."
        ),
        say(
            "Automated tests find only some accessibility problems; they cannot judge, for example, whether a text "
            "alternative describes its image well or whether the language is plain."
        ),
    ]


def accessibility_page(site: Renderer) -> Page:
    """The page at ``accessibility/``: the statement for this edition's website."""
    publication = site.publication
    settings = publication.settings
    statement = settings.accessibility
    body_name = statement.body or say("The government of {country}", country=settings.country)
    edition = publication.edition
    covers = f"{settings.title}" + (f", {edition.title}" if edition else "")
    law = _laws().get(statement.law)
    title = say("Accessibility statement")
    text = f"# {title}\n"
    intro = say(
        "This statement covers the website of {covers}. {body} wants as many people as possible to be "
        "able to use it: to change colours, zoom in up to 400% without the text spilling off the screen, move "
        "through it with a keyboard alone, and listen to it with a screen reader.",
        covers=covers,
        body=body_name,
    )
    if law:
        intro += " " + say("It is made under {law}.", law=law)
    text += block(paragraph(intro, "charter-lead"))

    text += f"\n## {say('Compliance status')}\n"
    standard = say("the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA")
    if statement.known_issues:
        status = say(
            "This website is partially compliant with {standard}, because of the problems listed below.",
            standard=standard,
        )
    else:
        status = say(
            "This website is fully compliant with {standard}, as far as the tests described below can tell. "
            "{body} knows of no content that fails it.",
            standard=standard,
            body=body_name,
        )
    text += block(paragraph(status))
    if statement.known_issues:
        text += f"\n## {say('Content that is not accessible')}\n"
        text += block(item_list([esc(item) for item in statement.known_issues]))
    text += f"\n## {say('What we know is limited')}\n"
    text += block(
        paragraph(say("These limits come from how the site is made; none of them keeps a reader from its content.")),
        item_list([esc(item) for item in charter_limits()]),
    )

    text += f"\n## {say('Feedback, contact and other formats')}\n"
    text += block(*_contact(statement.contact, statement.alternative_formats, statement.response))

    text += f"\n## {say('Enforcement procedure')}\n"
    enforcement = statement.enforcement or _default_enforcement().get(statement.law, "")
    if not enforcement:
        enforcement = say(
            "If you are not satisfied with our reply, ask for your complaint to be reviewed by someone senior to "
            "the person who answered it."
        )
    text += block(paragraph(enforcement))

    text += f"\n## {say('How this website was tested')}\n"
    text += block(
        paragraph(
            say(
                "This website is published with Charter, whose own tests check every kind of page it makes, on its "
                "sample publication and its test publications:"
            )
        ),
        item_list([esc(item) for item in charter_tests()]),
        paragraph(statement.tested_by),
    )

    text += f"\n## {say('Preparation of this statement')}\n"
    reviewed = statement.reviewed or settings.date
    prepared = say(
        "This statement was prepared on {prepared}, when version {version} of the "
        "publication was issued. It was last reviewed on {reviewed}.",
        prepared=long_date(settings.date),
        version=settings.version,
        reviewed=long_date(reviewed),
    )
    text += block(paragraph(prepared))
    description = say("How accessible the website of {title} is, and how to report a problem.", title=settings.title)
    return Page(ACCESSIBILITY_FOLDER, title, text, description=description)


def _contact(contact: str, formats: str, response: str) -> list[str]:
    parts = []
    if contact:
        parts.append(
            paragraph(say("To report an accessibility problem or ask for help, contact: {contact}", contact=contact))
        )
    else:
        parts.append(
            paragraph(say("To report an accessibility problem, write to the body that publishes this website."))
        )
    if formats:
        parts.append(paragraph(formats))
    else:
        parts.append(
            paragraph(
                say(
                    "If you need the content in another format, such as large print, easy read, audio or Braille, ask "
                    "at the same address. The PDF, DOCX and EPUB downloads are other formats of the same text."
                )
            )
        )
    if response:
        parts.append(paragraph(say("We will reply {response}.", response=response)))
    return parts
