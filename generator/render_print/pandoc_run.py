"""Run pandoc (the binary that ``pypandoc_binary`` ships) and turn its failures into BuildError.

A document is read once into pandoc's JSON document (:func:`read_markdown`, with the safety
filter) and written from it in every format (:func:`write_ast`): reading Markdown is most of
pandoc's work, and the three formats share it. pandoc is started directly: pypandoc's own
``convert_file`` asks pandoc for its formats first and wraps the run in more work than the
conversion of a short document takes.
"""

from __future__ import annotations

import errno
import functools
import os
import signal
import subprocess
import threading
from pathlib import Path

import pypandoc  # type: ignore[import-untyped]

from generator.errors import BuildError
from generator.render_print.safety import write_filter, write_format_filter

MARKDOWN_FORMAT = "markdown" + "".join(
    f"-{extension}"
    for extension in (
        "citations",  # ``@`` is just a character
        "tex_math_dollars",  # so is ``$``: no math
        "tex_math_single_backslash",
        "raw_tex",  # nothing raw: no LaTeX or ``{=format}`` block or span reaches a writer
        "latex_macros",
        "raw_attribute",
        # raw HTML is read only so that the safety filter finds its comments (and drops them) and
        # its tags (and shows them as text): nothing inside an HTML block is read as Markdown
        "markdown_in_html_blocks",
        "native_divs",
        "native_spans",
        "yaml_metadata_block",  # no metadata but Charter's own, which comes in a file (``metadata``)
        "pandoc_title_block",
    )
)
"""pandoc Markdown as Charter writes it: plain text and Markdown structure; nothing raw reaches a writer.

Charter's own raw Typst and Office XML reach the writers through the safety filter
(:mod:`.safety`), which every run applies first."""


def read_markdown(source: Path, output: Path) -> list[str]:
    """Read assembled Markdown into pandoc's JSON document, the safety filter applied; returns pandoc's warnings.

    Use :func:`generator.render_print.pandoc_ast.read_document`, which also checks the
    document's links to its own anchors: this reads one piece of it.
    """
    command = [_pandoc(), f"--from={MARKDOWN_FORMAT}", "--to=json", str(source), f"--output={output}"]
    command.append(f"--lua-filter={write_filter(source.parent)}")
    return _run(command, source, output)


def write_ast(
    ast: Path,
    *,
    to: str,
    output: Path,
    args: list[str],
    filters: list[Path] | None = None,
    metadata: Path | None = None,
) -> list[str]:
    """Write pandoc's JSON document (one :func:`read_markdown` made) as ``to``; returns pandoc's warnings.

    ``metadata`` is a YAML (or JSON) file of the document's metadata: the only metadata
    pandoc gets, since the Markdown cannot carry any. The format filter (what only one
    writer needs, see :data:`.safety.FORMAT_FILTERS`) runs before ``filters``.
    """
    command = ["--from=json", f"--to={to}", str(ast), f"--output={output}", *args]
    if metadata is not None:
        command.append(f"--metadata-file={metadata}")
    format_filter = write_format_filter(ast.parent, to)
    if format_filter is not None:
        command.append(f"--lua-filter={format_filter}")
    command += [f"--lua-filter={f}" if f.suffix == ".lua" else f"--filter={f}" for f in filters or []]
    return _run([_pandoc(), *command], ast, output)


def _run(command: list[str], source: Path, output: Path) -> list[str]:
    try:
        finished = subprocess.run(command, capture_output=True, check=False)
    except OSError as exc:
        raise BuildError(f"pandoc could not write {output.name}: {exc}") from None
    messages = finished.stderr.decode("utf-8", errors="replace")
    if finished.returncode == -signal.SIGXFSZ:  # a file-size limit (ulimit -f) stopped pandoc mid-write
        too_large = OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(output))
        raise BuildError(f"pandoc could not write {output.name}: {too_large.strerror}") from too_large
    if finished.returncode != 0:
        raise BuildError(f"pandoc could not write {output.name}: {_first_lines(messages)}")
    warnings = [line for line in messages.splitlines() if line.strip()]
    WARNINGS.add(source, warnings)
    return warnings


class Warnings:
    """pandoc's warnings of every run, by the file it read, until the document's build takes them.

    The three formats of a document run in threads at once; each edition is a process of its own.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_source: dict[Path, list[str]] = {}

    def add(self, source: Path, lines: list[str]) -> None:
        with self._lock:
            self._by_source.setdefault(source, []).extend(lines)

    def take(self) -> dict[Path, list[str]]:
        """Every warning so far, by source; forgets them."""
        with self._lock:
            taken, self._by_source = self._by_source, {}
        return taken


WARNINGS = Warnings()
"""What :func:`run_pandoc` heard; :mod:`.pandoc_warnings` turns it into diagnostics."""


@functools.cache
def _pandoc() -> str:
    """The pandoc executable: pypandoc_binary's, else one on the PATH."""
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError as exc:
        raise BuildError(f"pandoc is missing: {exc}; reinstall Charter (pip install -e .)") from None


def pandoc_version() -> str:
    """The version of the bundled pandoc, e.g. '3.9'."""
    return str(pypandoc.get_pandoc_version())


def _first_lines(message: str, limit: int = 6) -> str:
    lines = [line for line in message.strip().splitlines() if line.strip()]
    return "\n  ".join(lines[:limit])
