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
        return f"{float(f'{v:.3g}') if converted else v:,g}"

    text = (f"{qualifier} " if qualifier else "") + number(value)
    if value_max is not None:
        text += f"–{number(value_max)}"
    if unit:
        text += f" {unit}"
    if converted:
        text += f" (written {original_value:,g} {original_unit})"
    return text


def member_value(member: Mapping[str, Any], unit: str | None) -> str:
    """`figure_value` of a figure group's member (a dict, as in the JSON output)."""
    return figure_value(
        member["value"],
        unit,
        value_max=member.get("value_max"),
        qualifier=member.get("qualifier"),
        original_value=member.get("original_value"),
        original_unit=member.get("original_unit"),
    )


def article_figure_value(figure: Figure) -> str:
    return figure_value(
        figure.value,
        figure.unit,
        value_max=figure.value_max,
        qualifier=figure.qualifier,
        original_value=figure.original_value,
        original_unit=figure.original_unit,
    )
