"""Changes: the publication at an earlier revision, read out of git, for the ``changes`` view and ``charter changes``.

A stage after resolve: it reads earlier versions with the same stages as the working tree,
and the views compare them (:mod:`generator.views.changes_compare`).
"""

from generator.changes.earlier import CHANGES_VIEW, attach_earlier, changes_views, read_earlier
from generator.changes.revision import Found, Unavailable, extract, find, git_revision

__all__ = [
    "CHANGES_VIEW",
    "Found",
    "Unavailable",
    "attach_earlier",
    "changes_views",
    "extract",
    "find",
    "git_revision",
    "read_earlier",
]
