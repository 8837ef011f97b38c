"""What the runtime and the theme's styles may rely on: what Safari 16.4 (iOS 16.4, the oldest
WebKit still widely in readers' hands) and Firefox ESR 140 (the oldest ESR still supported) both
have. The journeys run in today's engines (tests/engines); this holds the sources to the older
ones. A feature newer than that is used only where the same file checks for it and does without
(a fallback), or, in a stylesheet, where nothing breaks when an engine ignores it.

Each entry is the feature as written in the source, and the version of each engine that brought
it; checked against the sources as they are, so a new use of one fails here until it has its
fallback (and its line below)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

RUNTIME = ROOT / "theme-src" / "javascripts" / "mentorkit"
STYLES = ROOT / "theme-src" / "stylesheets"

# (pattern in the source, what it is, Safari / Firefox versions that have it, the check that guards it)
NEWER_SCRIPT = [
    (r"\brequestIdleCallback\(", "requestIdleCallback (no Safari)", r"window\.requestIdleCallback \?"),
    (r"\bObject\.groupBy\(|\bMap\.groupBy\(", "Object.groupBy (Safari 17.4)", None),
    (r"\bPromise\.withResolvers\(", "Promise.withResolvers (Safari 17.4, Firefox 121)", None),
    (
        r"\.(union|intersection|difference|symmetricDifference|isSubsetOf)\(",
        "Set methods (Safari 17, Firefox 127)",
        None,
    ),
    (r"\.checkVisibility\(", "Element.checkVisibility (Safari 17.4)", None),
    (
        r"\bnavigator\.share\b",
        "the share sheet (no Firefox on a desktop)",
        r"navigator\.share \?|\"share\" in navigator|typeof navigator\.share\b",
    ),
    (r"\bnavigator\.storage\.estimate\b", "navigator.storage.estimate (Safari 17)", None),
    (r"\bshowPopover\(|\bpopover\b", "popover (Safari 17, Firefox 125)", None),
    (r"addEventListener\(\"scrollend\"", "the scrollend event (no Safari)", None),
    (r"\bIterator\.from\(|\.values\(\)\.map\(", "iterator helpers (Safari 18.4, Firefox 131)", None),
    (r"/[^/\n]+/v\b", "the RegExp v flag (Safari 17)", None),
]
# In a stylesheet, a feature an engine ignores is dropped whole: these would take a rule with them,
# or change what a reader sees, on an engine without them.
NEWER_STYLE = [
    (r"(?m)^\s*&|[{;]\s*&", "nesting (Safari 16.5)"),
    (r"light-dark\(", "light-dark() (Safari 17.5, Firefox 120)"),
    (r"@scope\b", "@scope (Safari 17.4, no Firefox ESR 140)"),
    (r"@starting-style\b", "@starting-style (Safari 17.5, Firefox 129)"),
    (r"anchor-name|position-anchor", "anchor positioning (Safari 26)"),
]


def sources(folder: Path, suffix: str) -> list[Path]:
    return [p for p in sorted(folder.rglob(f"*{suffix}")) if ".min." not in p.name]


def newer_in(code: str) -> list[str]:
    """The features of NEWER_SCRIPT the code uses without its guard."""
    code = re.sub(r"(?m)^\s*(//|\*|/\*\*).*$", "", code)  # what comments say is not code
    return [
        what
        for pattern, what, guard in NEWER_SCRIPT
        if re.search(pattern, code) and not (guard and re.search(guard, code))
    ]


def test_the_runtime_uses_nothing_newer_than_safari_16_4_and_firefox_140_without_a_fallback():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in sources(RUNTIME, ".js")
        if "mentorkit-runtime" not in path.parts  # the bundles, built from these sources
        for what in newer_in(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_stylesheets_use_nothing_an_older_engine_would_drop_with_the_rule():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in sources(STYLES, ".css")
        for pattern, what in NEWER_STYLE
        if re.search(pattern, re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "newer"),
    [
        ("const groups = Object.groupBy(items, (i) => i.kind);", "Object.groupBy"),
        ("requestIdleCallback(draw);", "requestIdleCallback"),
        ("if (shown.checkVisibility()) draw();", "Element.checkVisibility"),
        (".mk-a { color: red; & b { color: blue; } }", "nesting"),
    ],
)
def test_the_checks_find_a_newer_feature_and_accept_one_behind_its_guard(source: str, newer: str):
    in_style = [what for pattern, what in NEWER_STYLE if re.search(pattern, source)]
    assert any(newer in what for what in newer_in(source) + in_style)
    assert newer_in("const idle = window.requestIdleCallback ? requestIdleCallback : setTimeout;") == []
