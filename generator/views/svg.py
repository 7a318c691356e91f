"""Helpers for writing SVG by hand: escaping, measuring and wrapping text, links.

Colours are written twice: as presentation attributes (what a standalone file, the PDF
and a reader without the site's CSS see, light on white paper) and as a class from
:data:`PALETTE`, which the site's stylesheet recolours for its dark scheme.
"""

from __future__ import annotations

from html import escape

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
LINE = 1.25
"""Line height as a multiple of the font size."""

PALETTE = {
    "paper": "#ffffff",
    "ink": "#1a1a1a",
    "muted": "#4a5561",
    "heading": "#0b3d62",
    "band": "#e8f0f7",
    "shade": "#f2f5f8",
    "rule": "#6b7b88",
    "connector": "#4a5a68",
}
"""Light colours by class name (``cd-<name>``), each at WCAG AA on ``paper``: text 4.5:1, lines 3:1."""

_NARROW = set("iljft.,:;'!|()[] ")
_WIDE = set("mwMW@%")


def esc(text: str) -> str:
    """Escape text for an SVG text node or attribute."""
    return escape(text, quote=True)


def char_width(char: str) -> float:
    """The advance of one character of DejaVu Sans as a share of the font size, rounded up a little."""
    if char in _WIDE:
        return 0.92
    if char in _NARROW:
        return 0.36
    if char.isupper():
        return 0.74
    if char.isdigit():
        return 0.64
    return 0.6


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An estimate of the drawn width of ``text`` at font ``size`` (px), a little wide rather than narrow."""
    return sum(char_width(c) for c in text) * size * (1.1 if bold else 1.0)


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Break text at spaces into lines that fit ``width`` at font ``size``; nothing is ever cut off.

    A single word wider than the line is split over lines with a hyphen, never shortened.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if text_width(candidate, size, bold=bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold=bold) > width and len(current) > 2:
            cut = len(current) - 1
            while cut > 1 and text_width(current[:cut] + "-", size, bold=bold) > width:
                cut -= 1
            lines.append(current[:cut] + "-")
            current = current[cut:]
    if current:
        lines.append(current)
    return lines or [""]


def text_lines(
    lines: list[str],
    x: float,
    y: float,
    size: float,
    *,
    anchor: str = "middle",
    weight: str = "normal",
    colour: str = "ink",
    fill: str = "",
) -> str:
    """Several lines of text starting at baseline ``y``, coloured by a :data:`PALETTE` class (or ``fill``)."""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * LINE:.1f}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    paint = f'fill="{fill}"' if fill else f'class="cd-{colour}" fill="{PALETTE[colour]}"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" {paint}>{spans}</text>'
    )


def rect(x: float, y: float, width: float, height: float, colour: str, extra: str = "") -> str:
    """A filled rectangle in a :data:`PALETTE` colour."""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'class="cd-{colour}" fill="{PALETTE[colour]}"{extra}/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, colour: str = "rule", width: float = 1.0) -> str:
    """A straight line in a :data:`PALETTE` colour."""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'class="cd-{colour}-line" stroke="{PALETTE[colour]}" stroke-width="{width:g}"/>'
    )


def open_svg(width: float, height: float, title: str, desc: str) -> str:
    """The opening of a standalone SVG document with its title, description and a paper background."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="{FONT}">'
        f"<title>{esc(title)}</title><desc>{esc(desc)}</desc>"
        f'<rect width="100%" height="100%" class="cd-paper" fill="{PALETTE["paper"]}"/>'
    )


def link(href: str | None, label: str, body: str) -> str:
    """Wrap ``body`` in a link when there is an address."""
    if not href:
        return f"<g>{body}</g>"
    return f'<a href="{esc(href)}" aria-label="{esc(label)}"><title>{esc(label)}</title>{body}</a>'
