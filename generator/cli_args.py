"""What every ``charter`` command shares: its exit statuses and how it finds the content folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.project import find_content

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def content_folder(value: str | None, parser: argparse.ArgumentParser) -> Path:
    """The content folder named on the command line, or the one of the project the current folder is in."""
    if value is None:
        return find_content(Path.cwd()) or Path("content")
    path = Path(value)
    if not path.exists():
        parser.exit(EXIT_USAGE, f"charter: error: the content folder '{value}' does not exist\n")
    if not path.is_dir():
        parser.exit(EXIT_USAGE, f"charter: error: '{value}' is not a folder; give the content folder\n")
    return path
