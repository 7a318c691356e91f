"""Helpers for writing SVG by hand: escaping, text wrapping and links."""

from __future__ import annotations

from html import escape

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
CHAR_WIDTH = 0.6
CHAR_WIDTH_BOLD = 0.68
"""Average glyph widths of DejaVu Sans (regular, bold) as a fraction of the font size, to wrap without a font engine."""


def esc(text: str) -> str:
    """Escape text for an SVG text node or attribute."""
    return escape(text, quote=True)


def wrap(text: str, size: float, width: float, max_lines: int = 3, *, bold: bool = False) -> list[str]:
    """Break text into lines that fit ``width`` at font ``size``; the last line is cut with '…'."""
    limit = max(4, int(width / (size * (CHAR_WIDTH_BOLD if bold else CHAR_WIDTH))))
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word if len(word) <= limit else word[: limit - 1] + "…"
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: limit - 1].rstrip() + "…"
    return lines


def text_lines(
    lines: list[str],
    x: float,
    y: float,
    size: float,
    *,
    anchor: str = "middle",
    weight: str = "normal",
    fill: str = "#1a1a1a",
) -> str:
    """Several lines of text starting at baseline ``y``."""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * 1.25:.1f}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{spans}</text>'
    )


def open_svg(width: float, height: float, title: str, desc: str) -> str:
    """The opening of a standalone SVG document with its title and description."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="{FONT}">'
        f"<title>{esc(title)}</title><desc>{esc(desc)}</desc>"
    )


def link(href: str | None, label: str, body: str) -> str:
    """Wrap ``body`` in a link when there is an address."""
    if not href:
        return f"<g>{body}</g>"
    return f'<a href="{esc(href)}" aria-label="{esc(label)}"><title>{esc(label)}</title>{body}</a>'
