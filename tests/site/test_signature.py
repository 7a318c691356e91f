"""A signature block on the web: one block, the name in bold and each line on its own line."""

from __future__ import annotations

import re

from tests.site.conftest import Built


def test_the_sample_foreword_is_signed_in_a_block_of_its_own(sample_site: Built) -> None:
    html = (sample_site.site / "strategy" / "foreword" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<p class="charter-signature">(.*?)</p>', html)
    assert block is not None, "the foreword has no signature block"
    lines = re.findall(r"<span[^>]*>(.*?)</span>", block.group(1))
    assert lines == [
        "Hon. Dr Marisa Okonde-Lavalle",
        "Minister of Transport and Maritime Affairs",
        "Port Anselm, 30 September 2026",
    ]
    assert 'class="charter-signature-name"' in block.group(1)
    assert "Okonde-Lavalle</strong>\nMinister" not in html  # no longer a paragraph that runs on one line


def test_the_footer_names_the_issuer_and_the_licence(sample_site: Built) -> None:
    html = (sample_site.site / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('class="md-copyright"') :][:1500]
    assert "© Republic of Solmara 2026 · Ministry of Transport and Maritime Affairs" in footer
    assert "Open Government Licence v3.0" in footer
