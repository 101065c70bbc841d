"""How figure values read in reports."""

from __future__ import annotations

from corroborate.report.values import figure_value


def test_a_converted_value_keeps_the_sources_digits_and_says_what_was_written() -> None:
    assert (
        figure_value(999.7353, "km2", qualifier="about", original_value=386, original_unit="sq mi")
        == "about 1,000 km2 (written 386 sq mi)"
    )
    assert figure_value(96.56, "km", original_value=60, original_unit="miles") == (
        "96.6 km (written 60 miles)"
    )


def test_a_value_as_written_is_shown_in_full() -> None:
    assert figure_value(121000, "people") == "121,000 people"
    assert figure_value(4.75, "percent", value_max=5.0) == "4.75–5 percent"
    assert figure_value(1294.5) == "1,294.5"
