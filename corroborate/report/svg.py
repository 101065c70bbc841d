"""Inline SVG charts: a figure's values over time, one coloured series per source."""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import Any

from corroborate.report.values import member_value, readable

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"]


def figure_timeline(
    members: list[dict[str, Any]],
    unit: str | None,
    width: int = 520,
    height: int = 200,
    *,
    other: Collection[str] = (),
) -> str:
    """Plot each member's value at its as-of date; members from one outlet share a colour.

    Dates are ISO strings; members without a date are placed at the right edge. A member whose
    article is in `other` (a report of another story of the event) is drawn hollow and says so.
    A sum in another currency is plotted at its value in the group's (`converted_value`).
    """
    points = [_in_group_unit(m) for m in members if isinstance(m.get("value"), int | float)]
    if not points:
        return ""
    dates = sorted({str(m.get("as_of") or "") for m in points})
    values = [float(m["value"]) for m in points] + [
        float(m["value_max"]) for m in points if m.get("value_max") is not None
    ]
    low, high = min(0.0, min(values)), max(values) or 1.0
    left, right, top, bottom = 70, width - 20, 20, height - 40

    def x(date: str) -> float:
        if len(dates) == 1:
            return (left + right) / 2
        return left + (right - left) * dates.index(date) / (len(dates) - 1)

    def y(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / ((high - low) or 1.0)

    outlets = sorted({str(m.get("outlet") or m.get("article")) for m in points})
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{y(high) + 4:.1f}" text-anchor="end" font-size="11">'
        f"{high:,.0f}</text>",
        f'<text x="{left - 6}" y="{bottom + 4}" text-anchor="end" font-size="11">{low:,.0f}</text>',
        f'<text x="{left - 6}" y="{top - 6}" text-anchor="end" font-size="11">'
        f"{html.escape(unit or '')}</text>",
    ]
    for date in dates:
        parts.append(
            f'<text x="{x(date):.1f}" y="{bottom + 16}" text-anchor="middle" font-size="11">'
            f"{html.escape(date or 'undated')}</text>"
        )
    for outlet in outlets:
        series = sorted(
            (m for m in points if str(m.get("outlet") or m.get("article")) == outlet),
            key=lambda m: str(m.get("as_of") or ""),
        )
        if len(series) > 1:
            path = " ".join(
                f"{x(str(m.get('as_of') or '')):.1f},{y(float(m['value'])):.1f}" for m in series
            )
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour[outlet]}" '
                f'stroke-width="1.5" opacity="0.6"/>'
            )
        for m in series:
            cx, cy = x(str(m.get("as_of") or "")), y(float(m["value"]))
            hollow = m.get("article") in other
            written = f"{m['written']} = " if m.get("written") else ""
            label = html.escape(
                f"{outlet}{' (other story)' if hollow else ''}: {written}{readable(m['value'])} "
                f"{unit or ''} "
                f"({m.get('as_of') or 'undated'}, source: {m.get('source') or 'unattributed'})"
            )
            if m.get("value_max") is not None:
                parts.append(
                    f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" '
                    f'y2="{y(float(m["value_max"])):.1f}" stroke="{colour[outlet]}" '
                    f'stroke-width="3"/>'
                )
            # a hollow point: a report of another story of the event, not of this story
            paint = (
                f'fill="#fff" stroke="{colour[outlet]}" stroke-width="2"'
                if hollow
                else f'fill="{colour[outlet]}"'
            )
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" {paint}><title>{label}</title></circle>'
            )
    for i, outlet in enumerate(outlets):
        lx = left + 10 + (i % 3) * 150
        ly = height - 8 - (i // 3) * 0
        parts.append(
            f'<circle cx="{lx}" cy="{ly - 4}" r="4" fill="{colour[outlet]}"/>'
            f'<text x="{lx + 8}" y="{ly}" font-size="11">{html.escape(outlet[:22])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _in_group_unit(member: dict[str, Any]) -> dict[str, Any]:
    """A member at its value in the group's unit: a sum in another currency converted at the
    reports' own rate, with what was written kept for its label."""
    if member.get("converted_value") is None:
        return member
    return dict(
        member,
        value=member["converted_value"],
        value_max=member.get("converted_value_max"),
        written=member_value(member, None).split(" (about ")[0],
    )
