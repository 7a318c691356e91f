"""A chapter's own images reach every format, with their alt text in the PDF."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.print.conftest import MINIMAL, build, figure_alts

pytestmark = pytest.mark.slow  # builds print editions

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    '<rect width="200" height="100" fill="#123456"/></svg>'
)


def test_chapter_images_are_copied_and_keep_their_alt_text(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "charts").mkdir()
    (content / "charts" / "patrols.svg").write_text(SVG, encoding="utf-8")
    plan = content / "plan.md"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "\n![Night patrols by month](charts/patrols.svg)\n", encoding="utf-8"
    )
    built = build(content, tmp_path / "out")
    assert "Night patrols by month" in figure_alts(built.file("PDF"))
    for fmt in ("DOCX", "EPUB"):
        with zipfile.ZipFile(built.file(fmt)) as package:
            assert any(b"#123456" in package.read(name) for name in package.namelist()), (
                f"the image is not in the {fmt}"
            )
