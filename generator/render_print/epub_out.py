"""EPUB 3: pandoc's EPUB writer with Charter's stylesheet; pandoc writes the navigation document."""

from __future__ import annotations

from pathlib import Path

from generator.render_print.pandoc_run import run_pandoc
from generator.render_print.safety import check_output


def write_epub(markdown: Path, epub: Path, *, theme: Path, metadata: Path | None = None) -> None:
    """The assembled Markdown as an EPUB 3 book, split into one file per chapter.

    The book is read back and refused if any of its documents could run a script.
    """
    args = [
        f"--css={theme / 'epub.css'}",
        "--toc",
        "--toc-depth=2",
        "--split-level=1",
        "--epub-title-page=true",
        f"--resource-path={markdown.parent}",
        # pandoc draws a random UUID otherwise; a stable one keeps the EPUB byte-identical build to build
        f"--metadata=identifier:urn:charter:{epub.stem}",
    ]
    run_pandoc(markdown, to="epub3", output=epub, args=args, metadata=metadata)
    check_output(epub, "EPUB")
