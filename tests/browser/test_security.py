"""Nothing injected runs, nothing leaves the site."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.assessment import INSTRUMENTS, answer_all, open_questionnaire, sample_answers, saved
from tests.browser.pages import one_of_each_kind
from tests.browser.reader import choose_palette, in_palette
from tests.build.conftest import make_project
from tests.conftest import listening, mkdocs_build

WATCH_CSP = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture
def watched(page: Page, site: str):
    """The page, recording policy violations, console errors and requests to other origins."""
    page.add_init_script(WATCH_CSP)
    seen = {"console": [], "outside": []}
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith((site, "data:", "blob:")) else seen["outside"].append(r.url))
    return page, seen


def loaded(page: Page) -> None:
    """The page's own scripts have run: Material's (its header is set up) and ours, where it has a questionnaire."""
    expect(
        page.locator("[data-md-component=header][data-md-state], .md-header--shadow, .md-header").first
    ).to_be_attached()
    expect(page.locator("[data-questionnaire]:not([data-enhanced])")).to_have_count(0)


def test_a_page_of_every_kind_runs_under_the_policy_with_no_violation_no_error_and_no_outside_request(
    watched, built_site
):
    """Every page carries the one policy (a build test reads them all); a page of each kind
    shows in a browser that what its templates and runtime do is allowed by it."""
    page, seen = watched
    kinds = one_of_each_kind(built_site)
    assert len(kinds) >= 10
    for path in kinds.values():
        page.goto(built_site["url"] + path)
        loaded(page)
        assert page.evaluate("window.__csp") == [], path
    assert seen["console"] == [] and seen["outside"] == []


def test_materials_own_features_need_no_inline_style_or_script_the_policy_forbids(watched, site: str):
    """style-src has no 'unsafe-inline': what Material's bundle does as a reader uses the site must still hold."""
    page, seen = watched
    page.goto(site + "mentors/effective-mentor/")
    loaded(page)
    choose_palette(page, "dark")
    in_palette(page, "dark")
    page.get_by_role("search").get_by_role("textbox").click()
    page.get_by_role("search").get_by_role("textbox").press_sequentially("mentee")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents")
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 400, "height": 800})
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator("nav.md-nav--primary").first).to_be_visible()
    page.get_by_role("link", name="Choosing a mentee").first.click()  # instant navigation
    expect(page).to_have_url(site + "mentors/choosing-a-mentee/")
    assert page.evaluate("window.__csp") == []
    assert seen["console"] == [] and seen["outside"] == []


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_completing_and_exporting_a_questionnaire_needs_nothing_the_policy_forbids(watched, site: str, qid: str):
    page, seen = watched
    open_questionnaire(page, site, qid)
    answer_all(page, sample_answers(qid), qid)
    _ = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    page.get_by_role("link", name="Home").first.click()  # instant navigation under the policy
    expect(page).to_have_url(site)
    assert page.evaluate("window.__csp") == []
    assert seen["console"] == [] and seen["outside"] == []


def test_the_policy_really_blocks_inline_script_and_eval(watched, built_site, site: str):
    page, seen = watched
    page.goto(site)
    page.evaluate("""() => { const s = document.createElement("script");
        s.textContent = "window.__ran = true"; document.body.append(s); }""")
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
    # eval must be tried by the page's own code: DevTools' evaluation is not bound by the policy.
    (built_site["dir"] / "eval-probe.js").write_text(
        "try { window.__evaluated = new Function('return 41 + 1')(); } catch (e) { window.__evalError = e.name; }"
    )
    page.evaluate("""() => new Promise((done) => { const s = document.createElement("script");
        s.src = "eval-probe.js"; s.onload = done; document.body.append(s); })""")
    assert page.evaluate("window.__evaluated") is None
    assert page.evaluate("window.__evalError") == "EvalError"
    seen["console"].clear()  # the blocked attempts above are logged as errors, as they should be


HOSTILE = """id: small
title: 'Check <script>window.__xss = "title"</script>'
intro: |
  Hello <script>window.__xss = "intro"</script> <img src=x onerror="window.__xss='img'">
  [click](javascript:window.__xss='link') [sneaky](java&#x09;script:window.__xss='entity')
scale:
  - {value: 0, label: '<b onmouseover="window.__xss=1">Never</b>'}
  - {value: 2, label: Always}
scoring:
  method: bands
  focus_below: good
  bands:
    - {id: low, name: '<svg onload="window.__xss=2">Low', from: 0}
    - {id: good, name: Good, from: 1}
groups:
  - id: listening
    title: '<iframe src="javascript:parent.__xss=3"></iframe>Listening'
    description: '<a href="javascript:window.__xss=4">here</a>'
    guidance: listening.md
    next_step: 'Try this: <script>window.__xss = "next"</script> [go](javascript:window.__xss=5)'
    items:
      - {id: listen-1, text: '<img src=x onerror="window.__xss=6">I listen', hint: '<script>window.__xss=7</script>'}
      - {id: note, type: text, text: 'Notes <style>body{display:none}</style>'}
"""


@contextlib.contextmanager
def built_and_served(project: Path, tmp_path: Path) -> Iterator[str]:
    """The project built by mkdocs into tmp_path/site and served on 127.0.0.1: its address."""
    server, url = listening(tmp_path / "site")
    result = mkdocs_build(project, tmp_path / "site", site_url=url)
    assert result.returncode == 0, result.stderr
    try:
        yield url
    finally:
        server.shutdown()


def test_hostile_text_in_a_questionnaire_is_shown_never_run(page: Page, tmp_path):
    project = make_project(tmp_path, HOSTILE, title='Check <script>window.__xss = "title"</script>')
    with built_and_served(project, tmp_path) as url:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url + "assessments/small/")
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        page.get_by_role("radio", name="Always").first.check()  # results and next steps render
        page.get_by_role("radio", name=re.compile("Never")).last.check()
        for link in page.locator("article a").all():
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript"), href
        page.locator("article").hover()
        assert page.evaluate("window.__xss === undefined"), page.evaluate("window.__xss")
        assert dialogs == []
        expect(page.locator("article")).to_contain_text('<script>window.__xss = "intro"</script>')
        expect(page.get_by_role("group", name=re.compile("I listen"))).to_contain_text(
            '<img src=x onerror="window.__xss=6">'
        )
        expect(page.locator("body")).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text('Check <script>window.__xss = "title"</script>')
        assert page.title().startswith("Check <script>")
        assert page.locator("article iframe, article svg[onload], article img[onerror]").count() == 0


CONTENT_PAGE = """---
title: '</title><script>window.__xss = "title"</script>'
description: '"><script>window.__xss = "description"</script>'
---
# Notes <script>window.__xss = "heading"</script>

</article><script>window.__xss = "article"</script><article>

Text after the content, and a style of the page's own:
<style>.own-style { border-top: 3px solid rgb(1, 2, 3) }</style><p class="own-style">Styled</p>
"""


def test_no_script_in_a_content_page_runs_whatever_it_closes_and_wherever_it_lands(page: Page, tmp_path):
    # The sealer once ended the content at its first </article> and trusted every script outside it,
    # so these ran on every page; a front-matter title lands unescaped in <title> and the navigation.
    project = make_project(tmp_path)
    (tmp_path / "content" / "notes.md").write_text(CONTENT_PAGE, encoding="utf-8")
    with built_and_served(project, tmp_path) as url:
        page.add_init_script(WATCH_CSP)
        for path in ("notes/", "", "assessments/small/"):
            page.goto(url + path)
            expect(page.locator("body")).to_be_visible()
            assert page.evaluate("window.__xss") is None, path
            blocked = page.evaluate("window.__csp")
            assert blocked and all(v.startswith("script-src") for v in blocked), (path, blocked)
            if path == "notes/":
                expect(page.locator(".own-style")).to_have_css(
                    "border-top-color", "rgb(1, 2, 3)"
                )  # hashed: styles run no code
