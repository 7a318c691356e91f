"""Errors a build can end with that are not content problems (those are diagnostics)."""


class BuildError(Exception):
    """A rendering step failed (MkDocs, pandoc, Typst); the message says what to do.

    The build stops, prints the message without a traceback, and leaves the previous
    ``site/`` as it was.
    """
