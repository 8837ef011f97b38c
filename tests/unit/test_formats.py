"""Dates, times and numbers as the page's language and region write them, and the reader's own
calendar day wherever a day is written (tests/node/formats.mjs runs the runtime's format module)."""

from __future__ import annotations

import json
import os

import pytest
from mentorkit.site.catalogue import locale_tag

from tests.unit.helpers import node_output

# French writes a no-break space before '%' (narrow or not, by the version of CLDR the engine carries).
NO_BREAK = {"\u202f": "\u00a0"}


def runtime(cases: list, zone: str = "UTC") -> list:
    return node_output("formats.mjs", json.dumps(cases), env={**os.environ, "TZ": zone})


def test_dates_and_times_are_written_as_the_sites_language_and_region_write_them():
    cases = [
        ["en-GB", "formatDate", "2027-01-12"],
        ["en", "formatDate", "2027-01-12"],
        ["fr-FR", "formatDate", "2027-01-12"],
        ["en-GB", "formatDate", "2027-01-12T14:00"],
        ["en", "formatDate", "2027-01-12T14:00"],
        ["fr-FR", "formatDate", "2027-01-12T14:00"],
        ["en-GB", "formatMonth", "2027-01-01"],
        ["fr-FR", "formatMonth", "2027-01-01"],
    ]
    assert runtime(cases) == [
        "12 January 2027",
        "January 12, 2027",
        "12 janvier 2027",
        "12 January 2027 at 14:00",
        "January 12, 2027 at 2:00 PM",
        "12 janvier 2027 à 14:00",
        "January 2027",
        "janvier 2027",
    ]


def test_numbers_are_written_as_the_page_writes_them_a_year_ungrouped():
    cases = [
        ["fr-FR", "formatNumber", 2.5],
        ["en-GB", "formatNumber", 2.5],
        ["en-GB", "formatNumber", 2026],
        ["en-GB", "formatNumber", 12345.678],
        ["fr-FR", "formatMean", 2],
        ["en-GB", "formatMean", 2],
        ["fr-FR", "formatShare", 0.5],
        ["fr-FR", "sentence", 2.5],
        ["en-GB", "sentence", 1],
        ["en-GB", "formatList", ["Care", "Challenge", "Contrast"]],
        ["fr-FR", "formatList", ["Soin", "Défi"]],
    ]
    assert [text.translate(str.maketrans(NO_BREAK)) for text in runtime(cases)] == [
        "2,5",
        "2.5",
        "2026",
        "12,345.68",
        "2,0",
        "2.0",
        "50\u00a0%",
        "2,5 hours",
        "1 hour",
        "Care, Challenge and Contrast",
        "Soin et Défi",
    ]


@pytest.mark.parametrize(
    "zone, instant, day",
    [
        # 09:30 on 3 March in Auckland is 20:30 on 2 March in UTC: the reader's day is the 3rd.
        ("Pacific/Auckland", "2027-03-02T20:30:00Z", "2027-03-03"),
        ("Pacific/Auckland", "2027-03-03T10:59:00Z", "2027-03-03"),
        # 16:30 on 2 March in California is already the 3rd in UTC: the reader's day is the 2nd.
        ("America/Los_Angeles", "2027-03-03T00:30:00Z", "2027-03-02"),
        ("America/Los_Angeles", "2027-03-02T07:59:00Z", "2027-03-01"),
    ],
)
def test_a_day_is_the_readers_own_day_either_side_of_utc_midnight(zone, instant, day):
    assert runtime([["en-GB", "today", instant], ["en-GB", "localDay", instant]], zone) == [day, day]
    written = runtime([["en-GB", "formatMoment", instant]], zone)[0]
    assert written == runtime([["en-GB", "formatDate", day]])[0]


def test_a_site_sets_its_region_and_an_unknown_one_falls_back_to_the_language_with_a_warning(capsys):
    assert locale_tag("en", "GB") == "en-GB"
    assert locale_tag("fr-CA", "fr") == "fr-FR"
    assert locale_tag("en", "419") == "en-419"
    assert locale_tag("fr", None) == "fr"
    assert capsys.readouterr().err == ""
    assert locale_tag("en", "Britain") == "en"
    warned = capsys.readouterr().err
    assert "region 'Britain' is not a region code" in warned
    assert "the pages write them as 'en' does" in warned


LABELS = [
    "Before the course",
    "Équipe Nord (2026)",
    "  --a--b--  ",
    "Ünïcödé",
    "研修前",
    "",
    "x" * 39 + "-yz",
    "Spring_2026",
]


def test_a_label_becomes_the_same_file_name_part_on_both_sides():
    from mentorkit.format.files import file_slug

    made = runtime([["en", "fileSlug", label] for label in LABELS])
    assert made == [file_slug(label) for label in LABELS]
    assert made[:5] == ["before-the-course", "equipe-nord-2026", "a-b", "unicode", ""]
    assert made[6] == "x" * 39  # cut at 40, and no hyphen left at the end
