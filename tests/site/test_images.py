"""Images a chapter shows travel with it: copied below media/ and linked from the page."""

from __future__ import annotations

from pathlib import Path

from tests.site.conftest import MINIMAL, build_site, copy_content

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_a_chapter_image_is_copied_and_linked(tmp_path: Path) -> None:
    content = copy_content(MINIMAL, tmp_path / "content")
    (content / "images").mkdir()
    (content / "images" / "quay.png").write_bytes(PNG)
    plan = content / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n![Map of the container quay](images/quay.png)\n")
    built = build_site(content, tmp_path)
    assert built.status == 0, built.stderr
    assert (built.site / "media" / "images" / "quay.png").read_bytes() == PNG
    page = (built.site / "plan" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="Map of the container quay" src="../media/images/quay.png" />' in page
