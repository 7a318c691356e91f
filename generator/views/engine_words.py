"""The engine's own labels (statuses, tiers, agency types, trends, …) in the page's language.

The vocabularies of :mod:`generator.model.vocabulary` label their values in English; a label
the engine supplies is written in the current language (:func:`generator.words.say`), and a
label the publication gives (``vocabulary:`` in ``publication.yml``) is written as given.
"""

from __future__ import annotations

from generator.model.kinds import KindSpec
from generator.model.vocabulary import Vocabulary
from generator.words import DEFAULT, language, say


def engine_word(label: str) -> str:
    """An engine label ('Progressing', 'Coast guard') in the current language; any other label as given."""
    if language() == DEFAULT:
        return label
    return _words().get(label, label)


def vocabulary_label(vocabulary: Vocabulary, value: str) -> str:
    """A value's label as tables show it, in the current language where the engine supplies it."""
    return engine_word(vocabulary.label(value))


def _words() -> dict[str, str]:
    return {
        # action statuses
        "Planned": say("Planned"),
        "Progressing": say("Progressing"),
        "Finished": say("Finished"),
        "Delayed": say("Delayed"),
        # committee tiers
        "National committee": say("National committee"),
        "Sub-committee": say("Sub-committee"),
        "Port committee": say("Port committee"),
        "Working group": say("Working group"),
        # indicator levels
        "Output": say("Output"),
        "Outcome": say("Outcome"),
        # trends, treatments, confidence, risk statuses, control effectiveness
        "Increasing": say("Increasing"),
        "Stable": say("Stable"),
        "Decreasing": say("Decreasing"),
        "Treat": say("Treat"),
        "Tolerate": say("Tolerate"),
        "Transfer": say("Transfer"),
        "Terminate": say("Terminate"),
        "High": say("High"),
        "Medium": say("Medium"),
        "Low": say("Low"),
        "Open": say("Open"),
        "In process": say("In process"),
        "Accepted": say("Accepted"),
        "Closed": say("Closed"),
        "Effective": say("Effective"),
        "Partial": say("Partial"),
        "Weak": say("Weak"),
        "None": say("None"),
        # agency types
        "Navy": say("Navy"),
        "Coast guard": say("Coast guard"),
        "Police": say("Police"),
        "Customs": say("Customs"),
        "Immigration": say("Immigration"),
        "Fisheries": say("Fisheries"),
        "Port authority": say("Port authority"),
        "Maritime administration": say("Maritime administration"),
        "Intelligence": say("Intelligence"),
        "Foreign affairs": say("Foreign affairs"),
        "Environment": say("Environment"),
        "Justice": say("Justice"),
        "Industry": say("Industry"),
        "Defence": say("Defence"),
        "Transport": say("Transport"),
        "Interior": say("Interior"),
        "Heritage": say("Heritage"),
        "Energy": say("Energy"),
        "Telecommunications": say("Telecommunications"),
        "Other": say("Other"),
    }


def kind_title(spec: KindSpec) -> str:
    """A kind's singular as a label or heading: 'Threat category'."""
    words = {
        "risk": say("Risk"),
        "agency": say("Agency"),
        "committee": say("Committee"),
        "objective": say("Objective"),
        "action": say("Action"),
        "indicator": say("Indicator"),
        "threat category": say("Threat category"),
        "phase": say("Phase"),
        "acronym": say("Acronym"),
    }
    return words.get(spec.label.singular, spec.label.title)


def kind_plural_title(spec: KindSpec) -> str:
    """A kind's plural as a heading: 'Threat categories'."""
    words = {
        "risks": say("Risks"),
        "agencies": say("Agencies"),
        "committees": say("Committees"),
        "objectives": say("Objectives"),
        "actions": say("Actions"),
        "indicators": say("Indicators"),
        "threat categories": say("Threat categories"),
        "phases": say("Phases"),
        "acronyms": say("Acronyms"),
    }
    return words.get(spec.label.plural, spec.label.plural_title)


def kind_index(spec: KindSpec) -> str:
    """The title of a kind's index page: 'Risk register', 'Agencies'."""
    if spec.index_title == "Risk register":
        return say("Risk register")
    return spec.index_title or kind_plural_title(spec)


def more_of_kind(spec: KindSpec) -> str:
    """The label of the links to the previous and next entity of a kind: 'More risks'."""
    words = {
        "risks": say("More risks"),
        "agencies": say("More agencies"),
        "committees": say("More committees"),
        "objectives": say("More objectives"),
        "actions": say("More actions"),
        "indicators": say("More indicators"),
        "threat categories": say("More threat categories"),
        "phases": say("More phases"),
        "acronyms": say("More acronyms"),
    }
    return words.get(spec.label.plural, f"More {spec.label.plural}")


def kind_word(spec: KindSpec) -> str:
    """A kind's singular in running text: 'risk', 'threat category'."""
    words = {
        "risk": say("risk"),
        "agency": say("agency"),
        "committee": say("committee"),
        "objective": say("objective"),
        "action": say("action"),
        "indicator": say("indicator"),
        "threat category": say("threat category"),
        "phase": say("phase"),
        "acronym": say("acronym"),
    }
    return words.get(spec.label.singular, spec.label.singular)


def kind_plural(spec: KindSpec) -> str:
    """A kind's plural in running text: 'risks', 'threat categories'."""
    words = {
        "risks": say("risks"),
        "agencies": say("agencies"),
        "committees": say("committees"),
        "objectives": say("objectives"),
        "actions": say("actions"),
        "indicators": say("indicators"),
        "threat categories": say("threat categories"),
        "phases": say("phases"),
        "acronyms": say("acronyms"),
    }
    return words.get(spec.label.plural, spec.label.plural)
