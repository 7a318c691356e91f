"""Write a synthetic publication of N entities in Charter's content format.

    python bench/synthetic.py OUT_DIR --entities 5000

The publication is valid and passes ``charter check --strict``: every agency sits on a
committee, every risk is addressed by an objective, every high residual risk has an
action, and every IMO threat category is assessed. Benchmarks build it at several sizes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

IMO_THREATS = [
    "TH-CIVIL-CONFLICT",
    "TH-IUU-FISHING",
    "TH-MIGRATION",
    "TH-STOWAWAYS",
    "TH-PIRACY",
    "TH-TERRORISM",
    "TH-SMUGGLING",
    "TH-CYBER",
    "TH-OFFSHORE-ENERGY",
    "TH-UNDERSEA-CABLES",
    "TH-HERITAGE-THEFT",
    "TH-WILDLIFE-TRADE",
]
PER_FILE = 40
WORDS = (
    "port",
    "vessel",
    "harbour",
    "coastal",
    "patrol",
    "cargo",
    "anchorage",
    "terminal",
    "crew",
    "channel",
    "offshore",
    "customs",
    "registry",
    "surveillance",
    "boarding",
    "inspection",
    "manifest",
    "berth",
)

ACTION_DATES = {
    "planned": ("2027-0{month}-01", "2029-12-31"),
    "progressing": ("2026-0{month}-01", "2029-12-31"),
    "delayed": ("2026-0{month}-01", "2029-12-31"),
    "finished": ("2025-0{month}-01", "2026-0{month}-28"),
}
"""Start and end (by month) for each status, so no status contradicts the publication date (2026-06-30)."""

PUBLICATION = """\
title: Synthetic Strategy
short_title: SYN
country: Republic of Benchmark
edition: First edition
version: 1.0.0
date: 2026-06-30
status: draft
language: en
classification:
  levels: [PUBLIC, OFFICIAL, OFFICIAL-SENSITIVE, SECRET]
  default: PUBLIC
editions:
  - {id: public, title: Public edition, level: PUBLIC}
documents:
  - {id: strategy, title: Synthetic Strategy, chapters: all}
scales:
  factors: [likelihood, impact]
  formula: likelihood * impact
  likelihood:
    - {score: 1, label: Very unlikely, definition: Less than 0.2%}
    - {score: 2, label: Unlikely, definition: 0.2% to 1%}
    - {score: 3, label: Possible, definition: 1% to 5%}
    - {score: 4, label: Likely, definition: 5% to 25%}
    - {score: 5, label: Very likely, definition: More than 25%}
  impact:
    - {score: 1, label: Minor}
    - {score: 2, label: Limited}
    - {score: 3, label: Moderate}
    - {score: 4, label: Significant}
    - {score: 5, label: Catastrophic}
  impact_dimensions:
    - {id: human, name: Human welfare}
    - {id: economic, name: Economic}
  bands:
    - {name: Low, min: 1, max: 4, colour: "#2e7d32"}
    - {name: Medium, min: 5, max: 9, colour: "#f9a825"}
    - {name: High, min: 10, max: 15, colour: "#ef6c00"}
    - {name: Very high, min: 16, max: 25, colour: "#c62828"}
history:
  - {version: 1.0.0, date: 2026-06-30, summary: Synthetic}
"""


def _sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def write_synthetic(out_dir: Path, n_entities: int, seed: int = 7) -> Path:
    """Write a content folder of about ``n_entities`` entities into ``out_dir``; returns it."""
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / "publication.yml").write_text(PUBLICATION, encoding="utf-8")
    n_agencies = max(4, n_entities * 3 // 100)
    n_committees = max(2, n_entities // 100)
    n_objectives = max(1, n_entities // 50)
    n_risks = max(len(IMO_THREATS), n_entities * 40 // 100)
    n_actions = max(1, n_entities * 35 // 100)
    n_indicators = max(1, n_entities - n_agencies - n_committees - n_objectives - n_risks - n_actions)
    agencies = [f"AG-{i:04d}" for i in range(n_agencies)]
    risks = [f"R-{i:05d}" for i in range(n_risks)]
    objectives = [f"OBJ-{i:03d}" for i in range(n_objectives)]
    committees = [f"CM-{i:03d}" for i in range(n_committees)]

    blocks: dict[str, list[str]] = {"structure": [], "register": [], "plan": []}
    for i, agency in enumerate(agencies):
        blocks["structure"].append(
            f"```yaml agency\nid: {agency}\nname: Agency {i} of {rng.choice(WORDS)} affairs\nshort: A{i}\n"
            f"type: other\nministry: Ministry {i % 7}\n```\n\n{_sentence(rng)}\n"
        )
    for i, committee in enumerate(committees):
        members = agencies[i::n_committees]
        parent = "" if i == 0 else f"parent: {committees[(i - 1) // 4]}\n"
        tier = "national" if i == 0 else "sub-committee"
        blocks["structure"].append(
            f"```yaml committee\nid: {committee}\nname: Committee {i} on {rng.choice(WORDS)} security\n"
            f"tier: {tier}\n{parent}chair: {members[0]}\nmembers: [{', '.join(members[1:])}]\n"
            f"meets: monthly\npurpose: {_sentence(rng)}\nfunctions: [{_sentence(rng, 5)[:-1]}, "
            f"{_sentence(rng, 6)[:-1]}]\n```\n\n{_sentence(rng)}\n"
        )
    for i, risk in enumerate(risks):
        li, im = rng.randint(2, 5), rng.randint(2, 5)
        rl, ri = max(1, li - rng.randint(0, 1)), im
        threat = IMO_THREATS[i % len(IMO_THREATS)]
        blocks["register"].append(
            f"```yaml risk\nid: {risk}\ntitle: Risk {i} to the {rng.choice(WORDS)} {rng.choice(WORDS)}\n"
            f"threat: {threat}\nlead: {rng.choice(agencies)}\nsupport: [{rng.choice(agencies)}]\n"
            f"scenario: {_sentence(rng, 20)}\nkey_assets: [{rng.choice(WORDS).capitalize()} {i}]\n"
            f"inherent: {{likelihood: {li}, impact: {im}}}\nimpact_dimensions: {{human: {im}}}\n"
            f"residual: {{likelihood: {rl}, impact: {ri}}}\ntarget: {{likelihood: 1, impact: {ri}}}\n"
            f"controls:\n  - {{name: Control {i}, effectiveness: partial, owner: {rng.choice(agencies)}}}\n"
            f"review: 2027-0{1 + i % 9}-15\n```\n\n{_sentence(rng)} See [[{risks[i - 1]}]].\n"
        )
    for i, objective in enumerate(objectives):
        addressed = risks[i::n_objectives]
        blocks["plan"].append(
            f"```yaml objective\nid: {objective}\ntitle: Objective {i}\nlead: {rng.choice(agencies)}\n"
            f"risks: [{', '.join(addressed)}]\n```\n\n{_sentence(rng)}\n"
        )
    for i in range(n_actions):
        treated = risks[i::n_actions][:6]
        status = rng.choice(list(ACTION_DATES))
        begins, ends = (date.format(month=1 + i % 6) for date in ACTION_DATES[status])
        blocks["plan"].append(
            f"```yaml action\nid: ACT-{i:05d}\ntitle: Action {i} on {rng.choice(WORDS)} {rng.choice(WORDS)}\n"
            f"objective: {objectives[i % n_objectives]}\nrisks: [{', '.join(treated)}]\n"
            f"committee: {committees[i % n_committees]}\nstart: {begins}\nend: {ends}\n"
            f"status: {status}\n"
            f"raci:\n  responsible: {rng.choice(agencies)}\n  accountable: {rng.choice(agencies)}\n"
            f"  consulted: [{rng.choice(agencies)}]\n  informed: [{rng.choice(agencies)}]\n```\n\n{_sentence(rng)}\n"
        )
    for i in range(n_indicators):
        blocks["plan"].append(
            f"```yaml indicator\nid: IND-{i:05d}\nname: Indicator {i}\nlevel: output\n"
            f"objective: {objectives[i % n_objectives]}\nowner: {rng.choice(agencies)}\n"
            f"baseline: {rng.randint(0, 50)}\ntarget: {rng.randint(51, 100)}\nunit: per cent\n```\n"
        )
    order = 10
    for section, items in blocks.items():
        for start in range(0, len(items), PER_FILE):
            chunk = items[start : start + PER_FILE]
            name = out_dir / section / f"{section}-{start // PER_FILE:04d}.md"
            name.parent.mkdir(exist_ok=True)
            name.write_text(
                f"---\ntitle: {section.capitalize()} part {start // PER_FILE + 1}\norder: {order}\n---\n\n"
                f"# {section.capitalize()} part {start // PER_FILE + 1}\n\n" + "\n".join(chunk),
                encoding="utf-8",
            )
            order += 1
    (out_dir / "views.md").write_text(
        "---\ntitle: Views\norder: 5\n---\n\n# Views\n\n```yaml view\nshow: heatmap\nstage: residual\n```\n\n"
        "```yaml view\nshow: orgchart\n```\n",
        encoding="utf-8",
    )
    return out_dir


def main() -> None:
    """Command line: write a synthetic publication."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--entities", type=int, default=5000)
    args = parser.parse_args()
    write_synthetic(args.out_dir, args.entities)


if __name__ == "__main__":
    main()
