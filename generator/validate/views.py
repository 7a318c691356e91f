"""Read ``yaml view`` blocks: which generated table or diagram, filtered how."""

from __future__ import annotations

from generator.model import Risk, Settings, View
from generator.validate.fields import FieldReader
from generator.validate.kinds import read_level

# option name -> the entity kind it names, or a special converter name
_STAGE = "stage"
_DATE = "date"

VIEWS: dict[str, dict[str, str]] = {
    "register": {"threat": "threat", "agency": "agency", "objective": "objective"},
    "heatmap": {"stage": _STAGE, "threat": "threat", "agency": "agency"},
    "orgchart": {"committee": "committee"},
    "membership": {},
    "raci": {"objective": "objective"},
    "traceability": {},
    "actions": {"objective": "objective", "agency": "agency"},
    "timeline": {"objective": "objective"},
    "indicators": {"objective": "objective"},
    "coverage": {},
    "review": {"before": _DATE},
    "phases": {},
    "committees": {},
    "agencies": {},
    "acronyms": {},
    "history": {},
    "scales": {},
}
"""Every view a chapter may place, with the options each one takes."""


def read_view(r: FieldReader, settings: Settings) -> View | None:
    """A view block, with its options checked."""
    show = r.choice("show", VIEWS, default="", required=True)
    title = r.text("title")
    classification = read_level(r, "classification", settings) or r.level or settings.default_level
    if not show:
        r.finish(("show", "title", "classification", *sorted({o for opts in VIEWS.values() for o in opts})))
        return None
    view = View(show=show, location=r.key_location("show"), title=title, classification=classification)
    for option, kind in VIEWS[show].items():
        if option not in r.node.items:
            continue
        view.option_locations[option] = r.key_location(option)
        if kind == _STAGE:
            view.options[option] = r.choice(option, Risk.STAGES, default="residual")
        elif kind == _DATE:
            day = r.date(option)
            if day is not None:
                view.options[option] = day.isoformat()
        else:
            target = r.ref(option, kind)
            if target:
                view.options[option] = target
    r.finish(("show", "title", "classification", *VIEWS[show]))
    return view
