"""The cohort report's figures, written one way wherever they appear: its tables, its charts and
their files, its summary sentences, and its CSV.

A mean or a change has two decimals (2.50, +0.25); a count is written as it is; a share is a whole
percentage. The report writes them as its language does (2,50 and 40 % in French), with Babel's
CLDR data; the rounding is done first, the same way for every language and for the CSV, which
holds the same figures as numbers with a plain decimal point, read by every spreadsheet whatever
its language.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cache

from ..site.catalogue import BASE

MISSING = "–"  # no figure: too few answers, or no one in the cohort


@cache
def _locale(language: str):
    from babel import Locale  # only where a figure is written

    return Locale.parse(language, sep="-")


def figure(value: object, language: str = BASE) -> str:
    """A figure (or a cell's text, written as it is) as the report writes it: '2.50' for a mean, '12' for a count, MISSING for none."""
    from babel.numbers import format_decimal

    if value is None:
        return MISSING
    if isinstance(value, float):
        return format_decimal(Decimal(f"{value:.2f}"), "#,##0.00", locale=_locale(language))
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, locale=_locale(language))
    return str(value)


def change(value: float, language: str = BASE) -> str:
    """A difference between two means, with its sign: '+0.25', '-1.00'."""
    from babel.numbers import format_decimal

    return format_decimal(Decimal(f"{value:+.2f}"), "+#,##0.00;-#,##0.00", locale=_locale(language))


def share(value: float, language: str = BASE) -> str:
    """A share of people as a whole percentage: '40%' ('40 %' in French)."""
    from babel.numbers import format_percent

    return format_percent(Decimal(f"{value * 100:.0f}").scaleb(-2), locale=_locale(language))


def date(value: datetime.date, language: str = BASE) -> str:
    """A day as the language writes it in full: 'March 2, 2026', '2 mars 2026'."""
    from babel.dates import format_date

    return format_date(value, "long", locale=_locale(language))


def csv_figure(value: object) -> object:
    """A figure in the CSV: the same rounding as the report, as a number ('' for none)."""
    if value is None:
        return ""
    return round(value, 2) if isinstance(value, float) else value
