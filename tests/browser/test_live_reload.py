"""The authoring loop: an owner edits a questionnaire while `mkdocs serve` (or `zensical
serve`) shows its page, and the open page shows the change without a hand reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_security import WATCH_CSP
from tests.build.conftest import make_project
from tests.conftest import GENERATORS, authoring_server, free_port


@pytest.mark.parametrize("generator", GENERATORS)
def test_saving_a_questionnaire_updates_the_page_open_in_the_browser(page: Page, tmp_path, generator):
    project = make_project(tmp_path)
    with authoring_server(generator, project, free_port()) as url:
        page.add_init_script(WATCH_CSP)
        page.goto(url + "assessments/small/")
        expect(page.get_by_role("group", name="I ask open questions.")).to_be_visible()
        expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
        yml = tmp_path / "questionnaires" / "small.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("I ask open questions.", "I ask better questions."))
        expect(page.get_by_role("group", name="I ask better questions.")).to_be_visible(timeout=30_000)
        expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)  # the runtime ran again
        # mkdocs serve's live-reload script is inline: under a policy it was blocked (issue 13).
        assert page.evaluate("window.__csp") == []
