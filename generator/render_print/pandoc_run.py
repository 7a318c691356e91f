"""Run pandoc (the binary that ``pypandoc_binary`` ships) and turn its failures into BuildError."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pypandoc  # type: ignore[import-untyped]

from generator.errors import BuildError

MARKDOWN_FORMAT = "markdown-citations-tex_math_dollars-tex_math_single_backslash-raw_tex"
"""pandoc Markdown as Charter writes it: no citations (``@`` is just a character), no math."""


class _Collect(logging.Handler):
    """Keeps pypandoc's log of pandoc's warnings per thread, so parallel runs stay apart."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: dict[int, list[str]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.setdefault(threading.get_ident(), []).append(record.getMessage())


_COLLECT = _Collect()
_LOGGER = logging.getLogger("pypandoc")
_LOGGER.addHandler(_COLLECT)
_LOGGER.propagate = False  # pandoc's warnings are returned to the caller, not printed


def run_pandoc(source: Path, *, to: str, output: Path, args: list[str], filters: list[Path] | None = None) -> list[str]:
    """Convert ``source`` to ``output``; returns pandoc's warnings, raises BuildError on failure."""
    _COLLECT.messages.pop(threading.get_ident(), None)
    try:
        pypandoc.convert_file(
            str(source),
            to,
            format=MARKDOWN_FORMAT,
            outputfile=str(output),
            extra_args=args,
            filters=[str(f) for f in filters or []],
            sort_files=False,
        )
    except (RuntimeError, OSError) as exc:
        raise BuildError(f"pandoc could not write {output.name}: {_first_lines(str(exc))}") from None
    return _COLLECT.messages.pop(threading.get_ident(), [])


def pandoc_version() -> str:
    """The version of the bundled pandoc, e.g. '3.9'."""
    return str(pypandoc.get_pandoc_version())


def _first_lines(message: str, limit: int = 6) -> str:
    lines = [line for line in message.strip().splitlines() if line.strip()]
    return "\n  ".join(lines[:limit])
