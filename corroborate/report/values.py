"""How a figure's value reads in a report: "about 1,000 km2 (written 386 square miles)"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corroborate.model import Figure


def figure_value(
    value: float,
    unit: str | None = None,
    *,
    value_max: float | None = None,
    qualifier: str | None = None,
    original_value: float | None = None,
    original_unit: str | None = None,
) -> str:
    """The value as a reader should see it. A converted value is rounded to three significant
    digits (386 square miles is "1,000 km2", not "999.735 km2": the digits after the third are
    the conversion's, not the source's) and followed by what the source wrote."""
    converted = original_unit is not None and original_value is not None

    def number(v: float) -> str:
        return readable(float(f"{v:.3g}") if converted else v)

    text = (f"{qualifier} " if qualifier else "") + number(value)
    if value_max is not None:
        text += f"–{number(value_max)}"
    if unit:
        text += f" {unit}"
    if converted:
        text += f" (written {readable(original_value)} {original_unit})"  # type: ignore[arg-type]
    return text


def readable(v: float) -> str:
    """A number as people write it: "3,200,000,000", "121,000", "6.4", "0.9375" (never
    "3.2e+09")."""
    if abs(v) < 1e15 and float(v).is_integer():
        return f"{v:,.0f}"
    if abs(v) >= 1000:
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{v:g}"


def member_value(member: Mapping[str, Any], unit: str | None) -> str:
    """`figure_value` of a figure group's member (a dict, as in the JSON output). A sum in
    another currency than the group's reads in its own, then at the reports' own rate:
    "3,200,000,000 USD (about 3,000,000,000 CHF at the reports' own rate)"."""
    converted = member.get("converted_value")
    own = member.get("unit") if converted is not None else unit
    text = figure_value(
        member["value"],
        own,
        value_max=member.get("value_max"),
        qualifier=member.get("qualifier"),
        original_value=member.get("original_value"),
        original_unit=member.get("original_unit"),
    )
    if converted is not None:
        about = readable(float(f"{converted:.3g}"))
        top = member.get("converted_value_max")
        if top is not None:
            about += f"–{readable(float(f'{top:.3g}'))}"
        text += f" (about {about} {unit or ''} at the reports' own rate)"
    return text


def article_figure_value(figure: Figure) -> str:
    return figure_value(
        figure.value,
        figure.unit,
        value_max=figure.value_max,
        qualifier=figure.qualifier,
        original_value=figure.original_value,
        original_unit=figure.original_unit,
    )
