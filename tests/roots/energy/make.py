"""Write tests/roots/energy/content: a national energy security strategy of a fictional state.

A test publication of another shape than the sample: three score factors (threat ×
vulnerability × impact) on 4-point scales, a replaced threat catalogue of ten categories,
160 risks with long titles, 18 agencies, committees in three tiers, twelve objectives
(OBJ-1..OBJ-12, so that natural sort matters), 48 actions, indicators, French passages and a
tree of about 40 chapters in folders up to three levels deep.

Deterministic (a fixed seed): run ``python tests/roots/energy/make.py`` and commit the diff.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).parent / "content"
RNG = random.Random(20261101)
DATE = dt.date(2026, 11, 1)

PUBLICATION = """\
# Written by tests/roots/energy/make.py: edit that script, not this file.
# A national energy security strategy scored on three factors of four steps each, with a
# threat catalogue of its own and a heat map of likelihood (threat × vulnerability) against impact.
title: National Energy Security Strategy 2027–2032
short_title: NESS
subtitle: Keeping the lights on, the homes warm and the industry running
country: Republic of Caledra
issuer: Department for Energy Security & Networks
emblem: emblem.png
emblem_alt: 'Emblem of Caledra: a gold "ring" on green'
imprint:
  reference: "ISBN 978-0-00-000000-2"
  copyright: © Crown copyright 2026 <Caledra>
  licence: Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) — reuse with attribution
  contact: "Energy Security Unit, 4 Quay Street, Lorne; energy-security@caledra.example"
  alternative_formats: For an accessible version (#large-print, $audio), write to the Energy Security Unit.
edition: First edition
version: 1.0.0
date: 2026-11-01
status: approved
language: en
classification:
  levels: [PUBLIC, OFFICIAL]
  default: PUBLIC
  colours: {OFFICIAL: "#f2c200"}  # yellow: its marking is written in black
editions:
  - {id: public, title: Public edition, level: PUBLIC}
  - {id: committee, title: Council edition, level: OFFICIAL}
documents:
  - {id: strategy, title: National Energy Security Strategy 2027–2032, chapters: all}
threat_catalogue: replace
scales:
  factors: [threat, vulnerability, impact]
  formula: threat * vulnerability * impact
  heatmap: {across: [threat, vulnerability], up: impact, across_label: Likelihood}
  threat:
    - {score: 1, label: Remote, definition: No actor or hazard known to be able and willing; no event in twenty years}
    - {score: 2, label: Credible, definition: Capability or intent exists, not both; one event in ten to twenty years}
    - {score: 3, label: Likely, definition: Capability and intent both shown; one event in two to ten years}
    - {score: 4, label: Imminent, definition: Active campaign or hazard season under way; an event each year}
  vulnerability:
    - {score: 1, label: Protected, definition: Redundant systems and tested controls}
    - {score: 2, label: Exposed, definition: Controls in place with known gaps}
    - {score: 3, label: Weak, definition: Single points of failure with partial controls}
    - {score: 4, label: Open, definition: No effective control}
  impact:
    - {score: 1, label: Minor, definition: Local outage of hours; cost below CAL 10 million}
    - {score: 2, label: Serious, definition: Regional outage of a day or shortage of a fuel for a week}
    - {score: 3, label: Severe, definition: National outage of days; rationing of gas or fuel}
    - {score: 4, label: Critical, definition: Loss of supply to essential services for a week or more; deaths}
  bands:
    - {name: Low, min: 1, max: 8, colour: "#2e7d32"}
    - {name: Medium, min: 9, max: 18, colour: "#f9a825"}
    - {name: High, min: 19, max: 36, colour: "#ef6c00"}
    - {name: Very high, min: 37, max: 64, colour: "#c62828"}
history:
  - {version: 0.9.0, date: 2026-06-15, summary: Draft for consultation with the energy sector}
  - {version: 1.0.0, date: 2026-11-01, summary: Approved by the National Energy Security Council}
"""

AGENCIES = [
    ("AG-ENERGY", "Ministry of Energy and Climate", "MEC", "energy", ""),
    ("AG-REGULATOR", "Energy Regulatory Authority", "ERA", "energy", "Ministry of Energy and Climate"),
    ("AG-GRID", "Caledran Transmission System Operator", "CTSO", "energy", "Ministry of Energy and Climate"),
    ("AG-GASNET", "National Gas Network Company", "NGNC", "energy", "Ministry of Energy and Climate"),
    ("AG-NUCLEAR", "Nuclear Safety and Security Authority", "NSSA", "energy", "Office of the Prime Minister"),
    ("AG-STOCKS", "Strategic Fuel Stocks Agency", "SFSA", "energy", "Ministry of Energy and Climate"),
    ("AG-CERT", "National Cyber Security Centre", "NCSC", "telecommunications", "Ministry of Digital Affairs"),
    ("AG-INTEL", "State Security Service", "SSS", "intelligence", "Office of the Prime Minister"),
    ("AG-POLICE", "National Police", "NP", "police", "Ministry of the Interior"),
    ("AG-DEFENCE", "Caledran Armed Forces", "CAF", "defence", "Ministry of Defence"),
    ("AG-CIVPRO", "Civil Protection Directorate", "CPD", "interior", "Ministry of the Interior"),
    ("AG-MET", "Meteorological and Space Weather Office", "MSWO", "environment", "Ministry of the Environment"),
    ("AG-ENV", "Environment Agency", "EA", "environment", "Ministry of the Environment"),
    ("AG-FOREIGN", "Ministry of Foreign Affairs", "MFA", "foreign-affairs", ""),
    ("AG-FINANCE", "Ministry of Finance", "MOF", "other", ""),
    ("AG-TRANSPORT", "Ministry of Transport", "MOT", "transport", ""),
    ("AG-PORTS", "Port of Talis Authority", "PTA", "port-authority", "Ministry of Transport"),
    ("AG-INDUSTRY", "Caledran Energy Industry Association", "CEIA", "industry", ""),
]

# (id, name, description, malicious, code, theme, lead, supports)
THREATS = [
    (
        "TH-CYBER",
        "Cyber attack on energy systems",
        "Intrusion into the control, market or business systems of energy companies.",
        True,
        "CYB",
        "malicious",
        "AG-CERT",
        ["AG-GRID", "AG-INTEL", "AG-GASNET"],
    ),
    (
        "TH-SABOTAGE",
        "Physical sabotage and attack",
        "Deliberate damage to plants, lines, pipelines and cables.",
        True,
        "SAB",
        "malicious",
        "AG-POLICE",
        ["AG-DEFENCE", "AG-INTEL", "AG-GRID"],
    ),
    (
        "TH-INSIDER",
        "Insider threat",
        "Staff or contractors who misuse their access, on purpose or under pressure.",
        True,
        "INS",
        "malicious",
        "AG-INTEL",
        ["AG-INDUSTRY", "AG-POLICE"],
    ),
    (
        "TH-DRONES",
        "Hostile use of drones",
        "Surveillance, disruption or attack with uncrewed aircraft or vessels.",
        True,
        "DRN",
        "malicious",
        "AG-DEFENCE",
        ["AG-POLICE", "AG-NUCLEAR"],
    ),
    (
        "TH-IMPORTS",
        "Disruption of fuel imports",
        "Loss of imported gas, oil or nuclear fuel through conflict, sanctions or supplier failure.",
        False,
        "IMP",
        "supply",
        "AG-ENERGY",
        ["AG-FOREIGN", "AG-STOCKS", "AG-PORTS"],
    ),
    (
        "TH-MARKET",
        "Market failure and price shock",
        "Price spikes, trader default or manipulation that stop energy reaching users.",
        False,
        "MKT",
        "supply",
        "AG-REGULATOR",
        ["AG-FINANCE", "AG-ENERGY"],
    ),
    (
        "TH-NETWORK",
        "Failure of networks and storage",
        "Technical failure of transmission, pipelines, interconnectors or storage.",
        False,
        "NET",
        "supply",
        "AG-GRID",
        ["AG-GASNET", "AG-REGULATOR"],
    ),
    (
        "TH-WEATHER",
        "Extreme weather and climate",
        "Storms, floods, heat, drought and cold spells that damage assets or raise demand.",
        False,
        "WTH",
        "hazards",
        "AG-CIVPRO",
        ["AG-MET", "AG-GRID", "AG-ENV"],
    ),
    (
        "TH-SPACE",
        "Space weather",
        "Geomagnetic storms that damage transformers and disturb satellite timing.",
        False,
        "SPW",
        "hazards",
        "AG-MET",
        ["AG-GRID", "AG-CIVPRO"],
    ),
    (
        "TH-NUCLEAR",
        "Nuclear and radiological incident",
        "An accident or security incident at Brannock nuclear station or in transport of its fuel.",
        False,
        "NUC",
        "hazards",
        "AG-NUCLEAR",
        ["AG-CIVPRO", "AG-ENV", "AG-TRANSPORT"],
    ),
]

THEMES = {
    "malicious": ("Malicious threats", "Threats that someone causes on purpose."),
    "supply": ("Supply and markets", "Threats to the flow of fuels and to the markets that carry them."),
    "hazards": (
        "Natural and technical hazards",
        "Hazards that nobody intends, and that a changing climate makes more frequent.",
    ),
}

EVENTS = {
    "CYB": [
        "Ransomware attack encrypting the supervisory control systems of",
        "Covert intrusion into the protection relays of",
        "Wiper malware deleting the market settlement records of",
        "Compromise of a software supplier's update server used by",
    ],
    "SAB": [
        "Coordinated arson attack on the switchgear of",
        "Explosive attack on the compressor station serving",
        "Cutting of the subsea power cable feeding",
        "Armed intrusion and damage to the cooling intake of",
    ],
    "INS": [
        "Contractor planting a remote-access device in",
        "Operator selling network diagrams and passwords of",
        "Disgruntled engineer disabling the safety systems of",
        "Coerced employee leaking outage plans for",
    ],
    "DRN": [
        "Drone swarm forcing a shutdown of",
        "Repeated drone overflights and surveillance of",
        "Uncrewed boat attack on the jetty of",
        "Drone carrying an explosive charge striking",
    ],
    "IMP": [
        "Loss of pipeline gas deliveries from the eastern corridor to",
        "Blockade of tanker traffic through the Strait of Orrin cutting supplies to",
        "Sanctions halting nuclear fuel assemblies for",
        "Bankruptcy of the main crude supplier of",
    ],
    "MKT": [
        "Default of a large gas trader leaving customers of",
        "Winter price spike of more than 400% on the wholesale market supplying",
        "Manipulation of balancing prices by generators serving",
        "Collapse of retail suppliers covering households served by",
    ],
    "NET": [
        "Cascading failure of the 400 kV ring around",
        "Corrosion rupture of the main gas transmission pipeline to",
        "Long outage of the Vessen interconnector linking",
        "Leak and forced emptying of the salt-cavern gas store at",
    ],
    "WTH": [
        "Winter storm bringing down overhead lines across",
        "River flood inundating the substations of",
        "Summer drought cutting the cooling water and hydro output of",
        "Three-week cold spell doubling gas demand in",
    ],
    "SPW": [
        "Severe geomagnetic storm overheating the large transformers of",
        "Loss of satellite timing to the protection and metering of",
        "Geomagnetically induced currents tripping the grid around",
        "Radio blackout during a storm disrupting the repair crews of",
    ],
    "NUC": [
        "Loss of off-site power and back-up diesel at",
        "Security breach during the road transport of spent fuel from",
        "Radiological release forcing the sheltering of towns near",
        "Prolonged shutdown of both reactors serving",
    ],
}

ASSETS = [
    "the national control centre at Merrow",
    "Brannock nuclear power station",
    "the Talis liquefied natural gas terminal",
    "the Orin hydroelectric cascade",
    "the Kestrel Bay offshore wind farm",
    "the Halvard refinery and its product pipeline",
    "the Ardenne Valley gas storage",
    "the capital's district heating network",
    "the northern 400 kV transmission corridor",
    "the Vessen interconnector converter station",
    "the regional distribution networks of Northmark",
    "the strategic fuel depots at Port Talis",
]

TAILS = [
    "",
    "",
    ", during a cold winter evening peak",
    ", leaving hospitals, water works and telecommunications on back-up power for several days",
    ", while the second unit is down for planned maintenance and imports are already constrained"
    " by the regional shortage",
    ", causing rota disconnections of households and industry across three regions for more than a week",
]

OBJECTIVES = [
    ("OBJ-1", "Secure and diverse supplies of gas, oil and nuclear fuel", "AG-ENERGY", ["IMP"]),
    ("OBJ-2", "A transmission grid that withstands the loss of any single asset", "AG-GRID", ["NET"]),
    ("OBJ-3", "Energy control systems defended against cyber attack", "AG-CERT", ["CYB"]),
    ("OBJ-4", "Sites and lines protected against sabotage and drones", "AG-POLICE", ["SAB", "DRN"]),
    ("OBJ-5", "A trusted workforce with access controlled and checked", "AG-INTEL", ["INS"]),
    ("OBJ-6", "Markets that keep energy flowing in a crisis", "AG-REGULATOR", ["MKT"]),
    ("OBJ-7", "Assets adapted to a changing climate", "AG-CIVPRO", ["WTH"]),
    ("OBJ-8", "Warning of and resilience to space weather", "AG-MET", ["SPW"]),
    ("OBJ-9", "Nuclear safety and security beyond international standards", "AG-NUCLEAR", ["NUC"]),
    ("OBJ-10", "Strategic stocks that last ninety days", "AG-STOCKS", ["IMP", "MKT"]),
    ("OBJ-11", "Restoration of supply within 72 hours of any outage", "AG-GRID", ["NET", "WTH", "SAB"]),
    ("OBJ-12", "Partners abroad who help in a crisis", "AG-FOREIGN", ["IMP", "NUC"]),
]

LINES = [
    ("supply", "Line of effort 1: Supply and stocks", ["OBJ-1", "OBJ-10", "OBJ-12"]),
    ("networks", "Line of effort 2: Networks and restoration", ["OBJ-2", "OBJ-11", "OBJ-7", "OBJ-8"]),
    ("protection", "Line of effort 3: Protection and security", ["OBJ-3", "OBJ-4", "OBJ-5", "OBJ-9"]),
    ("markets", "Line of effort 4: Markets and people", ["OBJ-6"]),
]

ACTION_VERBS = [
    "Build and test a recovery plan for",
    "Install continuous monitoring on",
    "Harden the perimeter and access control of",
    "Agree mutual-aid arrangements covering",
    "Exercise a national response to an incident at",
    "Replace single points of failure in",
    "Train operators and contractors at",
    "Publish security standards for the owners of",
]

FRENCH = """\
> *Version française* : La région du Val-d'Ardenne publie ses documents en français et en
> anglais. Le stockage de gaz d'Ardenne assure près d'un tiers de la demande hivernale du
> pays ; sa protection, la formation des exploitants et l'information des communes voisines
> relèvent du présent chapitre. Les élus régionaux sont consultés avant chaque exercice.
"""


SIGNATURE = "name: Dr Aileen Marsh-Okafor\ntitle: Secretary of State for Energy\nplace: Lorne\ndate: 2026-11-01"


def emblem_png(size: int = 96) -> bytes:
    """A small PNG emblem (a gold ring on a green disc), written without an imaging library."""
    rows = []
    centre = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            r = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 / (size / 2)
            if r > 1:
                row += bytes([255, 255, 255, 0])
            elif 0.62 < r < 0.78:
                row += bytes([201, 162, 39, 255])
            else:
                row += bytes([27, 94, 32, 255])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def part(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + part(b"IHDR", header) + part(b"IDAT", raw) + part(b"IEND", b"")


def block(kind: str, text: str) -> str:
    """A fenced data block."""
    return f"```yaml {kind}\n{text.rstrip()}\n```\n"


def chapter(path: str, title: str, order: int, body: str, annex: bool = False, front: bool = False) -> None:
    """Write one chapter with its front matter."""
    target = ROOT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    flag = ("annex: yes\n" if annex else "") + ("front_matter: yes\n" if front else "")
    target.write_text(
        f"---\ntitle: '{title}'\norder: {order}\n{flag}---\n\n# {title}\n\n{body.strip()}\n", encoding="utf-8"
    )


def lower(scores: dict[str, int]) -> dict[str, int]:
    """Scores one step lower on one or two factors, never below 1."""
    out = dict(scores)
    for factor in RNG.sample(sorted(out), RNG.choice([1, 1, 2])):
        out[factor] = max(1, out[factor] - 1)
    return out


def scores_text(scores: dict[str, int]) -> str:
    return "{" + ", ".join(f"{f}: {scores[f]}" for f in ("threat", "vulnerability", "impact")) + "}"


def risks_of(code: str, lead: str, supports: list[str], threat_id: str) -> list[tuple[str, str]]:
    """Sixteen risks of one threat category: (id, block text)."""
    out = []
    for n in range(1, 17):
        rid = f"R-{code}-{n:02d}"
        event = EVENTS[code][(n - 1) % 4]
        asset = ASSETS[(n * 5 + len(code) + ord(code[0])) % len(ASSETS)]
        title = f"{event} {asset}{TAILS[(n + ord(code[1])) % len(TAILS)]}"
        inherent = {"threat": RNG.randint(2, 4), "vulnerability": RNG.randint(2, 4), "impact": RNG.randint(1, 4)}
        residual = lower(inherent)
        target = lower(residual)
        review = DATE + dt.timedelta(days=30 * RNG.randint(1, 14))
        support = RNG.sample(supports, RNG.randint(1, len(supports)))
        lines = [
            f"id: {rid}",
            f"title: {title}",
            f"threat: {threat_id}",
            f"lead: {lead}",
            f"support: [{', '.join(support)}]",
            f"scenario: >-\n  {event} {asset}. The operator loses control of the affected plant for several days, and"
            " the agencies must restore supply while they investigate.",
            f"key_assets: [{asset[4:].capitalize() if asset.startswith('the ') else asset}]",
            f"inherent: {scores_text(inherent)}",
            f"residual: {scores_text(residual)}",
            f"target: {scores_text(target)}",
            f"trend: {RNG.choice(['increasing', 'stable', 'stable', 'decreasing'])}",
            f"confidence: {RNG.choice(['high', 'medium', 'medium', 'low'])}",
            f"review: {review.isoformat()}",
        ]
        if n % 3 == 0:
            lines.append(
                "controls:\n"
                f"  - {{name: Security plan approved by the regulator, effectiveness: partial, owner: {lead}}}\n"
                f"  - {{name: Redundant supply route, effectiveness: {RNG.choice(['effective', 'weak'])},"
                " owner: AG-GRID}"
            )
        if n == 16:
            lines.append("classification: OFFICIAL")
            lines.append(f"public_group: Sensitive {code.lower()} scenarios")
        out.append((rid, "\n".join(lines)))
    return out


def write_register(order: int) -> tuple[int, dict[str, list[str]]]:
    """The register: an overview, a folder per theme, a folder per threat category with its risks."""
    by_code: dict[str, list[str]] = {}
    chapter(
        "register/index.md",
        "The energy security risk register",
        order,
        "The register holds {{count risks}} risks in {{count threats}} threat categories, each scored on"
        " threat, vulnerability and impact. A risk's likelihood is its threat times its vulnerability;"
        " its score is likelihood times impact.\n\n"
        + block("view", "show: heatmap\nstage: inherent")
        + "\n"
        + block("view", "show: heatmap\nstage: residual")
        + "\n"
        + block("view", "show: heatmap\nstage: target")
        + "\n"
        + block("view", "show: coverage")
        + "\n"
        + block("view", "show: register"),
    )
    for theme, (name, text) in THEMES.items():
        order += 1
        chapter(f"register/{theme}/index.md", name, order, text + "\n\n" + "The categories of this group follow.")
        for tid, tname, desc, malicious, code, ttheme, lead, supports in THREATS:
            if ttheme != theme:
                continue
            order += 1
            risks = risks_of(code, lead, supports, tid)
            by_code[code] = [rid for rid, _ in risks]
            threat_block = block(
                "threat", f"id: {tid}\nname: {tname}\ndescription: {desc}\nmalicious: {'yes' if malicious else 'no'}"
            )
            body = f"{desc} The [[{lead}]] leads on this category.\n\n{threat_block}\n"
            if code == "NET":
                body += FRENCH + "\n"
            for _rid, text_ in risks:
                body += block("risk", text_) + "\n"
            body += block("view", f"show: heatmap\nstage: residual\nthreat: {tid}\ntitle: 'Residual heat map: {tname}'")
            chapter(f"register/{theme}/{code.lower()}/index.md", tname, order, body)
    return order, by_code


def agencies_block() -> str:
    items = []
    for aid, name, short, kind, ministry in AGENCIES:
        item = f"- id: {aid}\n  name: {name}\n  short: {short}\n  type: {kind}"
        if ministry:
            item += f"\n  ministry: {ministry}"
        items.append(item)
    return block("agency", "\n".join(items))


COMMITTEES = [
    (
        "CM-NESC",
        "National Energy Security Council",
        "NESC",
        "national",
        None,
        "AG-ENERGY",
        [a[0] for a in AGENCIES[1:]],
    ),
    (
        "CM-GRID",
        "Grid Resilience Sub-Committee",
        "GRSC",
        "sub-committee",
        "CM-NESC",
        "AG-GRID",
        ["AG-REGULATOR", "AG-CIVPRO", "AG-MET", "AG-INDUSTRY"],
    ),
    (
        "CM-FUELS",
        "Fuels and Stocks Sub-Committee",
        "FSSC",
        "sub-committee",
        "CM-NESC",
        "AG-STOCKS",
        ["AG-GASNET", "AG-PORTS", "AG-FOREIGN", "AG-FINANCE"],
    ),
    (
        "CM-SECURITY",
        "Protective Security Sub-Committee",
        "PSSC",
        "sub-committee",
        "CM-NESC",
        "AG-INTEL",
        ["AG-POLICE", "AG-DEFENCE", "AG-CERT", "AG-NUCLEAR"],
    ),
    (
        "CM-MARKETS",
        "Markets and Consumers Sub-Committee",
        "MCSC",
        "sub-committee",
        "CM-NESC",
        "AG-REGULATOR",
        ["AG-FINANCE", "AG-INDUSTRY"],
    ),
    (
        "CM-WG-OT",
        "Working Group on Operational Technology",
        "WG-OT",
        "working-group",
        "CM-SECURITY",
        "AG-CERT",
        ["AG-GRID", "AG-GASNET", "AG-INDUSTRY"],
    ),
    (
        "CM-WG-DRONES",
        "Working Group on Drones",
        "WG-DR",
        "working-group",
        "CM-SECURITY",
        "AG-DEFENCE",
        ["AG-POLICE", "AG-TRANSPORT"],
    ),
    (
        "CM-WG-CLIMATE",
        "Working Group on Climate Adaptation",
        "WG-CA",
        "working-group",
        "CM-GRID",
        "AG-ENV",
        ["AG-MET", "AG-GRID"],
    ),
]


def committee_block(c: tuple) -> str:
    cid, name, short, tier, parent, chair, members = c
    lines = [f"id: {cid}", f"name: {name}", f"short: {short}", f"tier: {tier}"]
    if parent:
        lines.append(f"parent: {parent}")
    lines += [
        f"chair: {chair}",
        f"secretariat: {chair}",
        f"members: [{', '.join(members)}]",
        "meets: " + ("quarterly" if tier == "national" else "monthly"),
        f"purpose: To coordinate the work of its members on the {name.lower().replace('working group on ', '')}.",
    ]
    return block("committee", "\n".join(lines))


def actions_for(line_objs: list[str], by_code: dict[str, list[str]], counter: list[int]) -> tuple[str, list[str]]:
    """The actions of one line of effort: four per objective, covering all the objective's risks."""
    text = ""
    ids = []
    for oid, _otitle, olead, codes in OBJECTIVES:
        if oid not in line_objs:
            continue
        risks = [r for code in codes for r in by_code[code]]
        chunks = [risks[i::4] for i in range(4)]
        for k in range(4):
            counter[0] += 1
            n = counter[0]
            aid = f"ACT-{n:02d}"
            ids.append(aid)
            start = dt.date(2026 + (n % 3), 1 + (n * 5) % 12, 1)
            end = dt.date(start.year + 1 + n % 4, start.month, 28)
            status = "progressing" if start <= DATE else "planned"
            if n % 11 == 0 and start <= DATE:
                status = "delayed"
            asset = ASSETS[n % len(ASSETS)]
            responsible = olead if k % 2 == 0 else AGENCIES[(n * 7) % len(AGENCIES)][0]
            consulted = sorted({AGENCIES[(n + j) % len(AGENCIES)][0] for j in (2, 5)} - {responsible})
            committee = COMMITTEES[1 + n % (len(COMMITTEES) - 1)][0]
            mid = start + (end - start) / 2
            text += block(
                "action",
                f"id: {aid}\ntitle: {ACTION_VERBS[n % len(ACTION_VERBS)]} {asset}\nobjective: {oid}\n"
                f"risks: [{', '.join(chunks[k])}]\ncommittee: {committee}\nstart: {start}\nend: {end}\n"
                f"status: {status}\nmilestones:\n  - {{date: {mid.isoformat()}, title: Half-way review}}\n"
                f"raci:\n  responsible: {responsible}\n  accountable: {olead}\n  consulted: [{', '.join(consulted)}]\n"
                "  informed: [AG-ENERGY]",
            )
            text += "\n"
    return text, ids


def main() -> None:
    """Write the whole content folder afresh."""
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ROOT.mkdir(parents=True)
    (ROOT / "publication.yml").write_text(PUBLICATION, encoding="utf-8")
    (ROOT / "emblem.png").write_bytes(emblem_png())
    chapter(
        "foreword.md",
        "Foreword",
        10,
        "Energy is the service on which every other depends. This strategy sets out how the Republic"
        " of Caledra will keep its homes warm, its lights on and its industry running through the"
        " next five winters.\n\n" + FRENCH + "\n\n" + block("signature", SIGNATURE),
        front=True,
    )
    chapter(
        "summary.md",
        "Executive summary",
        20,
        "The strategy rests on a register of {{count risks}} risks, {{count objectives}} objectives and"
        " {{count actions}} actions led by {{count agencies}} agencies under the [[CM-NESC]].",
        front=True,
    )
    order = 30
    chapter("strategy/index.md", "The strategy", order, "What the state wants to achieve, and how.")
    for path, title, text in [
        ("strategy/vision.md", "Vision", "Secure, affordable and clean energy for every Caledran, whatever happens."),
        ("strategy/principles.md", "Principles", "Security by design; shared responsibility; proportion; openness."),
        ("strategy/context/index.md", "Strategic context", "The energy system the strategy protects."),
        ("strategy/context/supply.md", "Where our energy comes from", "Imports, nuclear, hydro and wind."),
        ("strategy/context/networks.md", "Networks and storage", "The grid, the pipelines and the stores."),
        ("strategy/context/regions.md", "The regions", "Northmark, Vessen and the Val-d'Ardenne.\n\n" + FRENCH),
    ]:
        order += 1
        chapter(path, title, order, text)
    order += 1
    chapter(
        "strategy/objectives.md",
        "Strategic objectives",
        order,
        "\n".join(
            block(
                "objective",
                f"id: {oid}\ntitle: {title}\nlead: {lead}\nrisks: [{', '.join('@' + c for c in codes)}]",
            )
            for oid, title, lead, codes in OBJECTIVES
        )
        + "\n"
        + block("view", "show: traceability"),
    )
    order, by_code = write_register(100)
    # objectives list their risks by threat code: fill them in now the risk IDs are known
    objectives_path = ROOT / "strategy/objectives.md"
    text = objectives_path.read_text(encoding="utf-8")
    for code, ids in by_code.items():
        text = text.replace("@" + code, ", ".join(ids))
    objectives_path.write_text(text, encoding="utf-8")

    order = 200
    chapter("strategy/lines/index.md", "Lines of effort", order, "Four lines of effort carry the actions.")
    counter = [0]
    indicators = []
    for slug, title, objs in LINES:
        order += 1
        text, ids = actions_for(objs, by_code, counter)
        indicators += ids[::2]
        chapter(
            f"strategy/lines/{slug}.md",
            title,
            order,
            "Each action names who is responsible and who is accountable.\n\n"
            + text
            + block("view", f"show: actions\nobjective: {objs[0]}"),
        )
    order += 1
    chapter(
        "strategy/lines/plan.md",
        "The action plan",
        order,
        block("view", "show: actions") + "\n" + block("view", "show: timeline") + "\n" + block("view", "show: raci"),
    )
    order = 300
    chapter("structure/index.md", "Governance", order, "Who does what.")
    chapter("structure/agencies.md", "Agencies", order + 1, agencies_block() + "\n" + block("view", "show: agencies"))
    chapter(
        "structure/committees/index.md",
        "Committees",
        order + 2,
        "Three tiers: the Council, its sub-committees, and working groups.\n\n" + block("view", "show: orgchart"),
    )
    for k, (path, title, tier) in enumerate(
        [
            ("national", "The National Energy Security Council", "national"),
            ("sub-committees", "Sub-committees", "sub-committee"),
            ("working-groups", "Working groups", "working-group"),
        ]
    ):
        body = "\n".join(committee_block(c) for c in COMMITTEES if c[3] == tier)
        if tier == "national":
            body += "\n" + block("view", "show: membership")
        chapter(f"structure/committees/{path}.md", title, order + 3 + k, body)
    ind_text = []
    for n, aid in enumerate(indicators, start=1):
        oid = OBJECTIVES[n % len(OBJECTIVES)][0]
        parent = f"action: {aid}" if n % 2 else f"objective: {oid}"
        ind_text.append(
            f"- id: IND-{n:02d}\n  name: Share of planned work completed ({aid})\n"
            f"  level: {'output' if n % 2 else 'outcome'}\n"
            f"  {parent}\n  owner: {AGENCIES[n % len(AGENCIES)][0]}\n  baseline: {n % 5}\n  target: 100\n  unit: '%'\n"
            "  frequency: quarterly"
        )
    chapter(
        "monitoring.md",
        "Monitoring and evaluation",
        400,
        block("indicator", "\n".join(ind_text)) + "\n" + block("view", "show: indicators"),
    )
    chapter("annexes/index.md", "Annexes", 500, "Reference material.", annex=True)
    chapter(
        "annexes/acronyms.md",
        "Acronyms",
        501,
        block(
            "acronym",
            "- id: LNG\n  meaning: Liquefied natural gas\n- id: OT\n  meaning: Operational technology\n"
            "- id: SCADA\n  meaning: Supervisory control and data acquisition",
        )
        + "\n"
        + block("view", "show: acronyms"),
        annex=True,
    )
    chapter("annexes/scales.md", "Scoring scales", 502, block("view", "show: scales"), annex=True)
    chapter("annexes/review.md", "Risks due for review", 503, block("view", "show: review"), annex=True)
    chapter("annexes/document-control.md", "Document control", 504, block("view", "show: history"), annex=True)


if __name__ == "__main__":
    main()
