"""One publication in several languages: translations checked against their sources, one site per language.

``tests/roots/languages`` is the minimal harbour plan in English with French beside it: two
chapters translated (``plan.fr.md``, ``register.fr.md``), one not (``structure.md``), and every
entity's text in ``translations/fr.yml``. Its OFFICIAL section and OFFICIAL risk carry canaries
in both languages (CANARYFRSECTION, CANARYFRRISK, CANARYENGRISK) that no public page may carry.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Report
from generator.leakcheck import secrets
from generator.pipeline import read_publication
from generator.resolve.editions import for_edition
from generator.resolve.languages import for_language

ROOT = Path(__file__).resolve().parent / "roots" / "languages" / "content"
CANARIES = ("CANARYFRSECTION", "CANARYFRRISK", "CANARYENGRISK")


def copy_root(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT, content)
    return content


def check(content: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run ``charter check``; its status and its diagnostic lines, without hints, paths made relative."""
    status = main(["check", str(content), "-q", *args])
    err = capsys.readouterr().err
    lines = [
        line.replace(f"{content}/", "") for line in err.splitlines() if not line.startswith(("  hint", "charter:"))
    ]
    return status, lines


MISSING_STRUCTURE = (
    "structure.md:1:1: warning[W-TRANSLATION-MISSING]: the chapter has no French translation: "
    "its French pages show it in English, with a notice"
)


def test_the_root_checks_with_only_its_untranslated_chapter_reported(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check(ROOT, capsys)
    assert status == 0
    assert lines == [MISSING_STRUCTURE]


def test_a_language_marked_required_makes_a_missing_translation_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    settings = content / "publication.yml"
    text = settings.read_text(encoding="utf-8").replace("name: Français}", "name: Français, required: yes}")
    settings.write_text(text, encoding="utf-8")
    status, lines = check(content, capsys)
    assert status == 1
    assert lines == [MISSING_STRUCTURE.replace("warning[W-", "error[E-")]


def test_strict_makes_a_missing_translation_fail_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = check(ROOT, capsys, "--strict")
    assert status == 1


def test_a_translation_whose_source_changed_is_stale_until_marked_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    plan = content / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("every night", "every night and day"), encoding="utf-8")
    _, lines = check(content, capsys)
    assert lines[0] == (
        "plan.fr.md:1:1: warning[W-TRANSLATION-STALE]: the French translation translates an earlier version of "
        "plan.md, which has changed since"
    )
    assert main(["translate", "--mark-current", str(content), "-q"]) == 0
    _, lines = check(content, capsys)
    assert lines == [MISSING_STRUCTURE]


def test_an_entity_block_changed_in_the_source_leaves_its_translation_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    register = content / "register.md"
    text = register.read_text(encoding="utf-8").replace("review: 2026-06-30", "review: 2026-07-31")
    register.write_text(text, encoding="utf-8")
    _, lines = check(content, capsys)
    assert lines == [MISSING_STRUCTURE]


def test_a_translation_with_another_outline_is_reported_and_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    plan = content / "plan.fr.md"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("## Affectations {classification=OFFICIAL}", "## Affectations"),
        encoding="utf-8",
    )
    _, lines = check(content, capsys)
    assert lines == [
        "plan.fr.md:1:1: warning[W-TRANSLATION-STRUCTURE]: the French translation no longer matches "
        "plan.md: it heading 2 (line 11) is level 2 unmarked, its source's is level 2 marked OFFICIAL; "
        "the French pages show the chapter untranslated",
        MISSING_STRUCTURE,
    ]
    publication = read_publication(content, Report())
    assert publication is not None
    french = for_language(publication, "fr")
    chapter = next(c for c in french.chapters if c.path == "plan.md")
    assert chapter.untranslated == "en"
    assert "CANARYFRSECTION" not in "".join(getattr(s, "text", "") for s in chapter.segments)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("views.md", "---\ntitle: Vues\n---\n\n# Vues\n"),
            "views.fr.md:1:1: error[E-TRANSLATION-SOURCE]: this is a French translation of views.md, which does "
            "not exist",
        ),
        (
            ("translations/fr.yml", "R-THEFT-1:\n  title: Vol\n"),
            "translations/fr.yml:1:1: error[E-TRANSLATION-ID]: no entity has the ID 'R-THEFT-1'",
        ),
        (
            ("translations/fr.yml", "R-THEFT-01:\n  lead: AG-PORT\n"),
            "translations/fr.yml:2:3: error[E-TRANSLATION-FIELD]: risk R-THEFT-01.lead: the field is never translated",
        ),
        (
            ("translations/fr.yml", "R-THEFT-01:\n  title: [Vol]\n"),
            "translations/fr.yml:2:10: error[E-TRANSLATION-VALUE]: risk R-THEFT-01.title: a translation is text",
        ),
        (
            ("translations/de.yml", "R-THEFT-01:\n  title: Diebstahl\n"),
            "translations/de.yml:1:1: error[E-TRANSLATION-LANGUAGE]: translations/de.yml translates into de, which "
            "is not one of the publication's other languages",
        ),
        (
            ("translations/fr.yml", "labels:\n  Hihg: Élevé\n"),
            "translations/fr.yml:2:3: error[E-TRANSLATION-FIELD]: labels.Hihg: not a factor, a band, a scale's "
            "label or definition or an impact dimension that translates",
        ),
    ],
    ids=["orphan", "unknown-id", "untranslatable-field", "not-text", "unknown-language", "unknown-label"],
)
def test_a_translation_that_cannot_be_used_is_an_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], expected: str
) -> None:
    content = copy_root(tmp_path)
    name, text = change
    target = content / (name.replace(".md", ".fr.md") if name.endswith(".md") else name)
    target.write_text(text, encoding="utf-8")
    status, lines = check(content, capsys)
    assert status == 1
    assert expected in lines


def test_a_translation_holds_no_entities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = copy_root(tmp_path)
    plan = content / "plan.fr.md"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "\n```yaml risk\nid: R-NEW-01\ntitle: Nouveau\n```\n", encoding="utf-8"
    )
    status, lines = check(content, capsys)
    assert status == 1
    assert (
        "plan.fr.md:24:9: error[E-TRANSLATION-BLOCK]: a translation holds no risk block: its entities are written "
        "in plan.md"
    ) in lines


def test_the_publication_must_list_its_own_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = copy_root(tmp_path)
    settings = content / "publication.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("  - {code: en, name: English}\n", ""), encoding="utf-8"
    )
    status, lines = check(content, capsys)
    assert status == 1
    assert lines[0] == (
        "publication.yml:9:1: error[E-LANGUAGE-DEFAULT]: publication.languages: the publication's language (en) "
        "is not among its languages"
    )


def test_the_french_copy_carries_the_translations_and_keeps_the_entities() -> None:
    publication = read_publication(ROOT, Report())
    assert publication is not None
    french = for_language(publication, "fr")
    assert french.settings.language == "fr" and french.settings.source_language == "en"
    plan = next(c for c in french.chapters if c.path == "plan.md")
    texts = "\n".join(getattr(s, "text", "") for s in plan.segments)
    assert "Nous traitons d’abord [[R-THEFT-01]]" in texts and "We address" not in texts
    kinds = [type(s).__name__ for s in plan.segments]
    assert kinds.count("EntityBlock") == 6  # two objectives, the action, the indicator, the phase, the acronym
    assert kinds[-1] == "View"  # the entities stand in their section, before the raci view that closes the last
    assert french.entities["R-THEFT-01"].title == "Vol de conteneurs sur le quai"
    assert publication.entities["R-THEFT-01"].title == "Theft of containers from the quay"  # the whole is untouched
    assert next(c for c in french.chapters if c.path == "structure.md").untranslated == "en"
    assert [band.name for band in french.settings.scales.bands] == ["Faible", "Moyen", "Élevé"]
    assert french.settings.scales.factor_name("likelihood") == "Probabilité"
    assert french.settings.scales.axes().across_label == "Probabilité"  # the heat map names its axis in French
    assert publication.settings.scales.axes().across_label == ""
    assert french.entities["R-THEFT-01"].inherent.band.name == "Élevé"  # rated in the French bands
    assert publication.entities["R-THEFT-01"].inherent.band.name == "High"
    texts = "\n".join(getattr(s, "text", "") for s in plan.segments)
    assert "Le registre compte 2 risques de classe élevée" in texts  # a figure may still name the band as written


def test_the_leak_check_looks_for_the_french_restricted_text() -> None:
    publication = read_publication(ROOT, Report())
    assert publication is not None
    french = for_language(publication, "fr")
    public = next(e for e in publication.settings.editions if e.id == "public")
    found = {secret.text for secret in secrets(french, for_edition(french, public, Report()))}
    assert any("canaryfrsection" in text for text in found)  # the leak check's texts are normalised
    assert any("canaryfrrisk" in text for text in found)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("languages")
    shutil.copytree(ROOT, project / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)  # the project's outputs go to the current folder
        assert main(["build", "content", "--no-print", "-q"]) == 0
    return project / "site"


def test_every_page_has_its_counterpart_and_links_it(built: Path) -> None:
    for edition in ("public", "restricted"):
        top = built / edition
        english = {p.relative_to(top) for p in top.rglob("*.html") if p.relative_to(top).parts[0] != "fr"}
        french = {p.relative_to(top / "fr") for p in (top / "fr").rglob("*.html")}
        assert english == french
        for page in sorted(english - {Path("404.html")}):
            for here, there, lang in ((top / page, top / "fr" / page, "fr"), (top / "fr" / page, top / page, "en")):
                html = here.read_text(encoding="utf-8")
                link = re.search(rf'<a href="([^"]*)" hreflang="{lang}"', html)
                assert link is not None, f"{here} has no link to its {lang} page"
                assert (here.parent / link.group(1) / "index.html").resolve() == there.resolve() or (
                    here.parent / link.group(1)
                ).resolve() == there.resolve(), f"{here} links {link.group(1)}"


def test_the_french_pages_are_french(built: Path) -> None:
    plan = (built / "public" / "fr" / "plan" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in plan
    assert "<title>Plan - Plan de sûreté portuaire</title>" in plan  # the publication's own title, translated
    assert "Nous traitons d’abord" in plan and "We address" not in plan
    assert ">Vol de conteneurs sur le quai<" in plan  # a reference reads as the entity's French title
    structure = (built / "public" / "fr" / "structure" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p class="charter-untranslated" role="note">Cette page n’est pas encore traduite en français : '
        "elle est présentée en anglais.</p>"
    ) in structure
    assert '<div dir="ltr" lang="en">' in structure  # the English text is marked as English
    english = (built / "public" / "structure" / "index.html").read_text(encoding="utf-8")
    assert "charter-untranslated" not in english and '<html lang="en"' in english


def test_an_entity_page_shows_its_narrative_in_the_language_or_marked_as_english(built: Path) -> None:
    committee = (built / "public" / "fr" / "committees" / "cm-hsc" / "index.html").read_text(encoding="utf-8")
    assert "<p>Le comité se réunit chaque trimestre.</p>" in committee
    risk = (built / "public" / "fr" / "risks" / "r-theft-01" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div dir="ltr" lang="en">\s*<p>Theft is the most frequent crime on the quay.</p>', risk), risk


def test_the_edition_is_named_in_the_language(built: Path) -> None:
    page = (built / "restricted" / "fr" / "plan" / "index.html").read_text(encoding="utf-8")
    assert '<span class="charter-marking__edition"> · Édition du comité</span>' in page
    assert not (built / "restricted" / "fr" / "downloads").exists()  # built --no-print


def test_each_language_has_its_own_search(built: Path) -> None:
    french = json.loads((built / "public" / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((built / "public" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    french_text = " ".join(doc["text"] for doc in french["docs"])
    assert "Nous traitons" in french_text and "We address" not in french_text
    assert "We address" in " ".join(doc["text"] for doc in english["docs"])


def test_no_public_page_carries_restricted_text_in_either_language(built: Path) -> None:
    public = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (built / "public").rglob("*.*"))
    restricted = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (built / "restricted").rglob("*.html")
    )
    for canary in CANARIES:
        assert canary not in public
        assert canary in restricted


def test_a_language_charter_cannot_write_its_own_words_in_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    settings = content / "publication.yml"
    text = settings.read_text(encoding="utf-8").replace("name: Français}\n", "name: Français}\n  - {code: xh}\n")
    settings.write_text(text, encoding="utf-8")
    _, lines = check(content, capsys)
    found = [line for line in lines if "W-MESSAGE-MISSING" in line]
    assert len(found) == 1
    assert found[0].startswith(
        "publication.yml:12:5: warning[W-MESSAGE-MISSING]: Charter's catalogue has no xh for any words it writes "
        "itself (such as '"
    )
    assert found[0].endswith("the xh pages show them in English")


def test_the_preview_shows_one_language_without_a_switch(tmp_path: Path) -> None:
    from generator.render_site.preview import Preview

    repo = Path(__file__).resolve().parents[1]
    preview = Preview(ROOT.resolve(), repo, tmp_path / "fr", language="fr")
    assert preview._build() is None
    page = (preview.site_dir / "plan" / "index.html").read_text(encoding="utf-8")
    assert "Nous traitons d’abord" in page and '<html lang="fr"' in page
    assert "md-select__link" not in page  # the other language is not built: no switch to lead nowhere
    problems = Preview(ROOT.resolve(), repo, tmp_path / "de", language="de")._build()
    assert problems is not None
    assert "error[E-LANGUAGE-UNKNOWN]: the publication is not published in 'de' (its languages: en, fr)" in problems


def test_an_entity_whose_text_changed_is_stale_until_marked_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    register = content / "register.md"
    text = register.read_text(encoding="utf-8").replace("title: Theft of containers from the quay", "title: Theft")
    register.write_text(text, encoding="utf-8")
    _, lines = check(content, capsys)
    assert lines == [
        MISSING_STRUCTURE,
        "translations/fr.yml:9:3: warning[W-TRANSLATION-STALE]: risk R-THEFT-01: its French text translates an "
        "earlier version of its scenario, title, which has changed since",
    ]
    assert main(["translate", "--mark-current", str(content), "-q"]) == 0
    _, lines = check(content, capsys)
    assert lines == [MISSING_STRUCTURE]


def test_entities_text_never_marked_is_reported_once_for_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_root(tmp_path)
    texts = content / "translations" / "fr.yml"
    texts.write_text(
        "\n".join(line for line in texts.read_text(encoding="utf-8").split("\n") if "translates:" not in line),
        encoding="utf-8",
    )
    _, lines = check(content, capsys)
    assert lines[-1] == (
        "translations/fr.yml:1:1: warning[W-TRANSLATION-STALE]: the French text of 14 entities is not marked with "
        "the version of the source it translates (TH-THEFT, TH-SPILL, R-THEFT-01, R-SPILL-01, R-SMUG-01, AG-PORT "
        "and 8 more)"
    )
    assert main(["translate", "--mark-current", str(content), "-q"]) == 0
    _, lines = check(content, capsys)
    assert lines == [MISSING_STRUCTURE]
