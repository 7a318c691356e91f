"""The default threat catalogue: the twelve categories of the IMO maritime security deck."""

from __future__ import annotations

from generator.diagnostics import Location
from generator.model.entities import Threat

_IMO = [
    (
        "TH-CIVIL-CONFLICT",
        "Civil conflict",
        "Armed conflict or serious civil unrest ashore or in neighbouring waters that spills into ports, "
        "shipping lanes or the maritime workforce.",
        True,
    ),
    (
        "TH-IUU-FISHING",
        "Illegal, unreported and unregulated fishing",
        "Fishing that breaks national or regional rules, goes unreported, or is done by vessels without "
        "nationality or licence.",
        True,
    ),
    (
        "TH-MIGRATION",
        "Irregular human migration",
        "Movement of people by sea outside the regular channels, often in unsafe craft and organised by smugglers.",
        True,
    ),
    ("TH-STOWAWAYS", "Stowaways", "People who board a ship without consent and are found after departure.", True),
    (
        "TH-PIRACY",
        "Piracy and armed robbery",
        "Acts of violence, detention or depredation against ships, their crews or cargo, on the high "
        "seas (piracy) or within a state's waters (armed robbery).",
        True,
    ),
    (
        "TH-TERRORISM",
        "Maritime terrorism",
        "Attacks on or through ships, ports and offshore facilities intended to kill, coerce or intimidate.",
        True,
    ),
    (
        "TH-SMUGGLING",
        "Weapons and narcotics smuggling",
        "Trafficking of arms, drugs and precursor chemicals through ports, shipping and small craft.",
        True,
    ),
    (
        "TH-CYBER",
        "Cyber security",
        "Attacks on and failures of the information and operational technology of ships, ports and "
        "maritime authorities.",
        True,
    ),
    (
        "TH-OFFSHORE-ENERGY",
        "Offshore energy platforms, including wind farms",
        "Threats to oil and gas installations, offshore wind farms and their supply chains.",
        True,
    ),
    (
        "TH-UNDERSEA-CABLES",
        "Undersea cables",
        "Damage to, or interference with, submarine telecommunications and power cables.",
        True,
    ),
    (
        "TH-HERITAGE-THEFT",
        "Theft from heritage shipwrecks",
        "Looting and unlicensed salvage of historic wrecks and underwater cultural heritage.",
        True,
    ),
    (
        "TH-WILDLIFE-TRADE",
        "Illegal wildlife trade",
        "Smuggling of protected species and their products through ports and by sea.",
        True,
    ),
]


def default_threats(path: str, level: str) -> list[Threat]:
    """The twelve IMO threat categories as built-in threat entities, at the publication's lowest level."""
    return [
        Threat(
            id=tid,
            name=name,
            description=description,
            malicious=malicious,
            imo=number,
            builtin=True,
            classification=level,
            location=Location(path, 1, 1),
        )
        for number, (tid, name, description, malicious) in enumerate(_IMO, start=1)
    ]
