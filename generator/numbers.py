"""The cohort report's figures, written one way wherever they appear: its tables, its charts and
their files, its summary sentences, and its CSV.

A mean or a change has two decimals (2.50, +0.25); a count is written as it is; a share is a whole
percentage. The CSV holds the same figures rounded the same way, as numbers with a plain decimal
point, which every spreadsheet reads whatever its language (the report itself is in English).
"""

from __future__ import annotations

MISSING = "–"  # no figure: too few answers, or no one in the cohort


def figure(value: object) -> str:
    """A figure (or a cell's text, written as it is) as the report writes it: '2.50' for a mean, '12' for a count, MISSING for none."""
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def change(value: float) -> str:
    """A difference between two means, with its sign: '+0.25', '-1.00'."""
    return f"{value:+.2f}"


def share(value: float) -> str:
    """A share of people as a whole percentage: '40%'."""
    return f"{value * 100:.0f}%"


def csv_figure(value: object) -> object:
    """A figure in the CSV: the same rounding as the report, as a number ('' for none)."""
    if value is None:
        return ""
    return round(value, 2) if isinstance(value, float) else value
