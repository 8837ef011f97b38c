"""The theme writes the policy placeholder that the sealer fills in (and mkdocs serve removes)."""

from __future__ import annotations

from mentorkit.security import PLACEHOLDER, REFERRER

from tests.conftest import ROOT


def test_the_theme_writes_the_placeholder_the_sealer_looks_for():
    theme = (ROOT / "theme" / "main.html").read_text(encoding="utf-8")
    assert PLACEHOLDER in theme and REFERRER in theme
