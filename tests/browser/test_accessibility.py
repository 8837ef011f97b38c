"""WCAG 2.2 AA as readers meet it: axe-core on every page in both palettes, focus that is
always visible, notices that screen readers announce, charts with a text alternative,
pages that reflow at 200 % zoom and on a phone, and questionnaires that still read
without JavaScript."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.assessment import (
    INSTRUMENTS,
    MENTOR,
    answer_all,
    open_questionnaire,
    sample_answers,
    saved,
    spec_of,
    statements,
)
from tests.browser.journeys import follow_rules
from tests.browser.pages import one_of_each_kind
from tests.browser.reader import as_a_reader, in_palette

PALETTES = ["light", "dark"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Only violations come back: passes and inapplicable rules would add nothing but time.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
# A page checked in one palette is checked in the other for what a palette changes: its colours
# (axe's colour rules, with the rules of what a person sees); every other rule judged the same page.
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
# axe-core itself, added to a page once per document by run_axe (Axe.run adds it before each run).
AXE_SCRIPT = Axe().axe_script
FORM_GROUPS = ".mk-form > .mk-group"
ENHANCED = "() => [...document.querySelectorAll('[data-questionnaire]')].every(q => q.dataset.enhanced)"
# A phone, and a 1280 px wide window at 200 % zoom (1280 / 2 CSS pixels wide, 800 / 2 high).
SCREENS = {"phone-360": {"width": 360, "height": 740}, "zoom-200": {"width": 640, "height": 400}}
# WCAG contrast of computed colours (rgb or rgba, laid over what is behind them).
COLOURS = """
    const rgba = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
    const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const luminance = (c) => {
        const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (fg, bg) => { const [x, y] = [luminance(fg), luminance(bg)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
"""
# Fades and slides end at once, so that what is drawn where is known without waiting.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
CHARTED = [qid for qid in INSTRUMENTS if spec_of(qid)["scoring"]["method"] != "none"]


@contextlib.contextmanager
def new_page(browser: Browser, **context_args):
    """A page in a context of its own (the answers typed once, no JavaScript), failing on script errors."""
    context = browser.new_context(**context_args)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], errors


def run_axe(page: Page, context: dict | None, options: dict) -> dict:
    """What axe-core finds on the page as it is now. Its 550 KB script is added when the document
    lacks it, not before every run: that saved a fifth of the processor time of the page-of-every-
    kind test (54 s against 66 s, measured alone)."""
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("([context, options]) => axe.run(context ?? document, options)", [context, options])


def violations(
    page: Page, where: str, exclude: str | None = None, within: str | None = None, options: dict = AXE_OPTIONS
) -> list[str]:
    """What axe-core finds wrong on the page as it is now (only in what ``within`` selects, but
    for what ``exclude`` selects), one readable line per element."""
    context = {key: [[selector]] for key, selector in (("include", within), ("exclude", exclude)) if selector}
    found = run_axe(page, context or None, options)["violations"]
    lines = []
    for rule in found:
        for node in rule["nodes"]:
            target = " ".join(map(str, node["target"]))
            why = " / ".join(line.strip() for line in node["failureSummary"].splitlines()[1:])
            lines.append(f"{where}: {rule['id']} ({rule['impact']}) at {target} -- {rule['help']}: {why}")
    return lines


def render_everything(page: Page) -> None:
    """Lay out every questionnaire group: off-screen ones skip rendering (content-visibility,
    a speed-up), and axe cannot tell the colours of text that is not painted. And end fades
    at once: half-way through one (the header's title after a scroll), colours are neither."""
    add_style(page, FORM_GROUPS + " { content-visibility: visible !important; }" + NO_TRANSITIONS)


def add_style(page: Page, css: str) -> None:
    """Styles for the test only, through the CSSOM: the site's policy (style-src without
    'unsafe-inline') rightly refuses a <style> element that Playwright's add_style_tag would add."""
    page.evaluate(
        """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
        css,
    )


def looked_at(page: Page, where: str) -> list[str]:
    """What the rules of what a person sees (test_look.py) find on the page as it is now: checked
    here too, where a page is open in the state and palette they need anyway."""
    return [f"{where}: {problem}" for problem in follow_rules(page)]


def report(problems: list[str]) -> str:
    return f"{len(problems)} accessibility problem(s):\n" + "\n".join(problems)


def goto(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(ENHANCED)


@pytest.fixture(scope="module")
def answered(browser: Browser, built_site) -> list[dict]:
    """What browser storage holds once the sample answers to every questionnaire are typed in
    through the form: the answers only (Material also keeps the palette seen), for each test to
    open in its own palette and screen size."""
    with new_page(browser) as page:
        for qid in INSTRUMENTS:
            open_questionnaire(page, built_site["url"], qid)
            answer_all(page, sample_answers(qid), qid)
        state = page.context.storage_state()
    return [e for origin in state["origins"] for e in origin["localStorage"] if e["name"].startswith("mentorkit:")]


def open_completed(page: Page, site: str, qid: str) -> None:
    open_questionnaire(page, site, qid)
    expect(page.locator("[data-progress-text]")).to_have_text(re.compile(r"^(\d+) of \1 answered$"))


# --- 1, 2: axe-core -----------------------------------------------------------------------------


def in_both_palettes(page: Page, check) -> list[str]:
    """``check(palette, options)`` on the page as it is, in light, then in dark as the system's setting
    changes under it, with the axe rules a palette changes; Material's kept palette then forgotten."""
    problems = check("light", AXE_OPTIONS)
    page.emulate_media(color_scheme="dark")
    in_palette(page, "dark")
    problems += check("dark", COLOUR_RULES)
    page.emulate_media(color_scheme="light")
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.includes('__palette')).forEach(k => localStorage.removeItem(k))"
    )
    return problems


def test_a_page_of_every_kind_passes_axe_in_both_palettes(page: Page, built_site):
    kinds = one_of_each_kind(built_site)
    assert {"home", "guidance", "guidance with questions", "not found", "fr home"} <= set(kinds)
    assert {f"questionnaire scored by {m}" for m in ("levels", "bands", "profile", "none")} <= set(kinds)
    problems = []
    as_a_reader(page, built_site["url"], palette="light")

    def as_loaded_and_scrolled(where: str):
        def check(palette: str, options: dict) -> list[str]:
            page.mouse.wheel(0, -100_000)  # at its top, as loaded
            # The form's statements are checked scrolled, all of them drawn; as loaded, most are
            # not drawn yet (axe cannot judge their colours), and the rest look the same.
            found = violations(page, f"{where}, {palette}, as loaded", exclude=FORM_GROUPS, options=options)
            found += looked_at(page, f"{where}, {palette}, as loaded, desktop")
            render_everything(page)
            page.mouse.wheel(0, 100_000)  # and scrolled to its end
            return found + violations(page, f"{where}, {palette}, scrolled", options=options)

        return check

    for kind, path in kinds.items():
        goto(page, built_site["url"] + path)
        in_palette(page, "light")
        problems += in_both_palettes(page, as_loaded_and_scrolled(f"{kind} ({path or '/'})"))
    assert not problems, report(problems)


@pytest.mark.parametrize("palette", PALETTES)
def test_one_category_at_a_time_passes_axe(page: Page, site: str, palette: str):
    """The stepper's own controls and its hidden groups, first and last step, as loaded and scrolled."""
    problems = []
    as_a_reader(page, site, palette=palette)
    open_questionnaire(page, site)
    in_palette(page, palette)
    page.get_by_role("radio", name="One category at a time").check()
    steps = page.get_by_role("navigation", name="Steps")
    answer_all(page, {statements()[0]["id"]: 2})
    for step in range(len(spec_of(MENTOR)["groups"])):
        if step:
            steps.get_by_role("button", name="Next").click()
        if step in (0, len(spec_of(MENTOR)["groups"]) - 1):
            expect(steps).to_contain_text(f"Step {step + 1} of")
            problems += violations(page, f"step {step + 1}, as shown")
            render_everything(page)
            page.mouse.wheel(0, 100_000)
            problems += violations(page, f"step {step + 1}, scrolled")
    assert not problems, report(problems)


def test_every_completed_questionnaire_passes_axe_in_both_palettes(page: Page, site: str, answered: list):
    """Results views (overall result, chart, table, plan, summary) exist only once answered."""
    problems = []
    as_a_reader(page, site, palette="light", answers=answered)

    def completed(qid: str):
        def check(palette: str, options: dict) -> list[str]:
            found = violations(page, f"{qid} (completed, {palette})", options=options)
            page.locator("[data-results]").scroll_into_view_if_needed()
            return found + looked_at(page, f"{qid} (completed, {palette}, at its results), desktop")

        return check

    for qid in INSTRUMENTS:
        open_completed(page, site, qid)
        in_palette(page, "light")
        render_everything(page)
        problems += in_both_palettes(page, completed(qid))
    # and with an answer refused: the error beside the field, the field marked invalid
    qid = "mentoring-agreement"
    open_questionnaire(page, site, qid)
    item = next(i for i in statements(qid) if i["type"] == "number" and i["min"] is not None)
    field = page.get_by_label(item["text"], exact=True)
    field.fill(str(int(item["min"]) - 1))
    expect(page.locator(f'[data-item="{item["id"]}"] .mk-item__error')).to_be_visible()
    render_everything(page)
    problems += in_both_palettes(
        page, lambda palette, options: violations(page, f"{qid} (number out of range, {palette})", options=options)
    )
    assert not problems, report(problems)


def test_the_search_dialog_has_a_name(page: Page, site: str):
    """Not in axe's WCAG tag set (it files it under best practice), but a dialog without a
    name is announced as just "dialog" (4.1.2)."""
    page.goto(site)
    found = run_axe(page, None, {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert found["violations"] == [], found["violations"]
    expect(page.get_by_role("dialog", name="Search")).to_have_count(1)


# --- 3: focus visible ---------------------------------------------------------------------------

SETTLED = """await Promise.all(document.getAnimations()
        .filter(a => a.effect.getTiming().iterations !== Infinity).map(a => a.finished.catch(() => null)));"""

FOCUS_STATE = (
    """async () => {
    """
    + SETTLED
    + """  // e.g. the search overlay fading out after focus left the search field
    const el = document.activeElement;
    if (!el || !el.closest('article')) return null;
    const shows = (node) => {
        const style = getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    // A control drawn by its label (the file input inside "Import answers") shows focus there.
    const drawn = el.closest('label') && getComputedStyle(el).opacity === '0' ? el.closest('label') : el;
    const box = drawn.getBoundingClientRect();
    // the middle of the part inside the window: Chromium scrolls no further than to show a part
    const [left, right] = [Math.max(box.left, 0), Math.min(box.right, innerWidth)];
    const [above, below] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
    const top = left < right && above < below ? document.elementFromPoint((left + right) / 2, (above + below) / 2) : null;
    """
    + COLOURS
    + """
    const style = getComputedStyle(drawn);
    const page = over(rgba(getComputedStyle(document.body).backgroundColor), [255, 255, 255]);
    const back = over(rgba(style.backgroundColor), page);  // a field or button's own, else the page's
    return {
        name: `${el.tagName.toLowerCase()}${el.name ? '[name=' + el.name + ']' : ''} "${(el.labels?.[0] || el).textContent.trim().slice(0, 40)}"`,
        visible: shows(drawn),
        // 1.4.3 in the focused state too: Material recolours focused links and buttons
        contrast: drawn.matches('input, textarea') ? null : ratio(over(rgba(style.color), back), back),
        // 2.4.11: scrolled into view, not left under the header, the progress bar or anything else
        covered: top && (drawn.contains(top) || top === el.closest('label')) ? null
            : `${top ? top.tagName.toLowerCase() + '.' + top.className : 'nothing'} at ${Math.round(box.top)}..${Math.round(box.bottom)} px`,
    };
}"""
)


def tab_through(page: Page, key: str = "Tab", limit: int = 400) -> list[dict]:
    """Press the key until focus has left the article after being in it; the focus states seen."""
    seen, inside = [], False
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            if inside:
                return seen
            continue
        inside = True
        seen.append(state)
    raise AssertionError(f"focus never left the article after {limit} presses of {key}")


def test_focus_is_always_visible_in_both_palettes(page: Page, site: str, answered: list):
    problems = []
    # answered, so that the results' links and the buttons are there too
    as_a_reader(page, site, palette="light", answers=answered)

    def focus_on(qid: str):
        def check(palette: str, _options: dict) -> list[str]:
            add_style(page, NO_TRANSITIONS)
            # Tab from the page's heading on: a click on its text is where the browser's next Tab
            # starts, and the header and navigation before it are not the article this checks.
            page.get_by_role("heading", level=1).click(position={"x": 2, "y": 2})
            states = tab_through(page)
            assert len(states) > len(statements(qid)), f"{qid}: Tab stopped at only {len(states)} elements"
            # The order backwards is the palette's to neither make nor break: walked once, in light.
            if palette == "light":
                states += tab_through(page, "Shift+Tab")
            found = [f"{qid}, {palette}: no visible focus on {s['name']}" for s in states if not s["visible"]]
            found += [
                f"{qid}, {palette}: focused {s['name']} has text at {s['contrast']:.2f}:1"
                for s in states
                if s["contrast"] is not None and s["contrast"] < 4.5
            ]
            return found + [
                f"{qid}, {palette}: focused {s['name']} is under {s['covered']}" for s in states if s["covered"]
            ]

        return check

    for qid in INSTRUMENTS:
        open_completed(page, site, qid)
        in_palette(page, "light")
        problems += in_both_palettes(page, focus_on(qid))
    assert not problems, "\n".join(sorted(set(problems)))


# --- 4: live regions ----------------------------------------------------------------------------


def test_notices_and_progress_are_announced(page: Page, site: str, tmp_path: Path):
    qid = "mentee-readiness"
    open_questionnaire(page, site, qid)
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("role", "status")
    progress = page.locator("[data-progress-text]")
    live = progress.locator("xpath=ancestor-or-self::*[@aria-live or @role='status'][1]")
    expect(live).to_have_count(1)
    assert live.evaluate("el => el.getAttribute('aria-live') !== 'off'")
    expect(progress).to_have_text(re.compile(r"^0 of \d+ answered$"))

    answer_all(page, sample_answers(qid), qid)
    expect(progress).to_have_text(re.compile(r"^(\d+) of \1 answered$"))
    download = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    kept = tmp_path / "answers.json"
    download.save_as(kept)

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again").click()
    expect(status).to_be_visible()
    expect(status).to_have_text("All answers cleared.")
    expect(progress).to_have_text(re.compile(r"^0 of \d+ answered$"))

    page.locator('[data-action="import"]').set_input_files(kept)
    expect(status).to_have_text(re.compile(r"^Imported \d+ answers\."))
    expect(progress).to_have_text(re.compile(r"^(\d+) of \1 answered$"))


# --- 5: charts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("qid", CHARTED)
def test_each_chart_has_a_text_alternative(page: Page, site: str, answered: list, qid: str):
    as_a_reader(page, site, answers=answered)
    open_completed(page, site, qid)
    chart_has_a_table(page, qid)


def chart_has_a_table(page: Page, qid: str) -> None:
    groups = [g["title"] for g in spec_of(qid)["groups"]]
    charts = page.locator("[data-results] svg:visible")  # the drawing for this screen's width
    expect(charts).not_to_have_count(0)
    for chart in charts.all():
        expect(chart).to_have_attribute("role", "img")
        expect(chart).to_have_accessible_name(re.compile(r"\w{3}"))
        # the next thing after the chart's figure is a table of one row per group (in the region
        # that scrolls it sideways on a narrow screen)
        table = chart.locator("xpath=ancestor::figure[1]/following-sibling::*[1]/descendant-or-self::table")
        expect(table).to_have_count(1)
        expect(table.locator("caption")).not_to_be_empty()
        assert table.locator("tbody").get_by_role("rowheader").all_inner_texts() == groups


CHART_CONTRAST = (
    """() => {
    """
    + COLOURS
    + """
    const page = over(rgba(getComputedStyle(document.body).backgroundColor), [255, 255, 255]);
    const fill = (el) => over(rgba(getComputedStyle(el).fill), page);
    const found = [];
    for (const chart of document.querySelectorAll('[data-results] svg')) {
        for (const bar of chart.querySelectorAll('.mk-chart__bar:not(.mk-chart__bar--incomplete)'))
            found.push({what: 'bar', ratio: ratio(fill(bar), page), needed: 3});
        const bar = chart.querySelector('.mk-chart__bar:not(.mk-chart__bar--incomplete)');
        for (const text of chart.querySelectorAll('text')) {
            const inside = text.classList.contains('mk-chart__value--inside');
            found.push({what: `text "${text.textContent}"${inside ? ' inside a bar' : ''}`,
                        ratio: ratio(fill(text), inside ? fill(bar) : page), needed: 4.5});
        }
    }
    return found;
}"""
)


@pytest.mark.parametrize("palette", PALETTES)
def test_chart_bars_and_labels_have_enough_contrast(page: Page, site: str, answered: list, palette: str):
    """axe cannot tell the colours behind SVG text, so the chart's colours are measured here:
    bars 3:1 against the page (1.4.11), text 4.5:1 against what it is written on (1.4.3)."""
    problems, measured = [], []
    as_a_reader(page, site, palette=palette, answers=answered)
    for qid in CHARTED:
        open_completed(page, site, qid)
        in_palette(page, palette)
        found = page.evaluate(CHART_CONTRAST)
        measured += [f["what"] for f in found]
        problems += [
            f"{qid}: {f['what']} is {f['ratio']:.2f}:1, needs {f['needed']}:1"
            for f in found
            if f["ratio"] < f["needed"]
        ]
    assert "bar" in measured and any("inside a bar" in what for what in measured), "nothing measured"
    assert not problems, "\n".join(sorted(set(problems)))


# --- 6: reflow ----------------------------------------------------------------------------------


def screenshots_dir() -> Path | None:
    """Where to keep a picture of each page for a person to look at (SCREENSHOTS_DIR), if anywhere:
    nothing is asserted of them, and drawing a whole page costs about half a second each."""
    if not os.environ.get("SCREENSHOTS_DIR"):
        return None
    folder = Path(os.environ["SCREENSHOTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# Each item scrolled to the middle of the screen, then each of its fields: inside the width of
# the screen, shown, and on top (nothing sticky or fixed drawn over it).
FIELDS_FIT = """async () => {
    const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const problems = [];
    for (const item of document.querySelectorAll('[data-form] [data-item]')) {
        item.scrollIntoView({block: 'center'});
        await frame();  // off-screen groups are painted from the next frame on
        for (const field of item.querySelectorAll('input, textarea')) {
            const { top, bottom } = field.getBoundingClientRect();
            if (top < 0 || bottom > innerHeight) { field.scrollIntoView({block: 'center'}); await frame(); }
            const box = field.getBoundingClientRect();
            const style = getComputedStyle(field);
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            const where = field.type === 'radio' ? `${field.name}=${field.value}` : field.name;
            if (!(box.left >= 0 && box.right <= innerWidth + 1)) problems.push(`${where} runs off the screen (${box.left}..${box.right} of ${innerWidth})`);
            if (!(box.width > 0 && box.height > 0 && style.visibility !== 'hidden')) problems.push(`${where} is not shown`);
            else if (!(hit && (field.contains(hit) || hit === field.closest('label'))))
                problems.push(`${where} is under ${hit ? hit.tagName + '.' + hit.className : 'nothing'}`);
        }
    }
    return problems;
}"""


def test_questionnaires_reflow_without_horizontal_scrolling(page: Page, site: str, answered: list):
    """On a phone, then at 200 % zoom: each questionnaire loaded once, the window resized under it."""
    folder = screenshots_dir()
    problems = []
    as_a_reader(page, site, screen=SCREENS["phone-360"], answers=answered)
    for qid in INSTRUMENTS:
        open_completed(page, site, qid)  # the results, chart and plan are laid out too
        for screen, size in SCREENS.items():
            page.set_viewport_size(size)
            problems += [f"{qid}, {screen}: {problem}" for problem in page.evaluate(FIELDS_FIT)]
            render_everything(page)  # off-screen groups have no layout to measure, nor paint to screenshot
            page.evaluate("window.scrollTo(0, 0)")
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1] + 1:
                problems.append(
                    f"{qid}, {screen}: the page scrolls sideways ({width[0]} px of content in {width[1]} px)"
                )
            page.locator("[data-results]").scroll_into_view_if_needed()
            problems += looked_at(page, f"{qid} (completed, at its results), {screen}")
            if folder:
                page.screenshot(path=folder / f"{qid}-{screen}.png", full_page=True)
    assert not problems, "\n".join(problems)


# --- 7: without JavaScript ----------------------------------------------------------------------


def test_without_javascript_every_question_is_shown_and_the_reader_told(browser: Browser, site: str):
    with new_page(browser, java_script_enabled=False) as page:
        for qid in INSTRUMENTS:
            page.goto(f"{site}assessments/{qid}/")
            article = page.locator("article")
            shown = article.locator("[data-item]").evaluate_all(
                "items => items.map(i => [i.dataset.item, i.checkVisibility(), i.textContent.replace(/\\s+/g, ' ')])"
            )
            assert [(id_, seen) for id_, seen, _ in shown] == [(item["id"], True) for item in statements(qid)]
            for (_, _, text), item in zip(shown, statements(qid)):
                assert item["text"] in text, (item["id"], text)
            notice = article.locator("noscript .mk-notice")  # text locators skip <noscript>
            expect(notice).to_be_visible()
            assert re.search(r"\bneeds? JavaScript\b", notice.text_content()), notice.text_content()
            # nothing to press that would do nothing: actions, progress and results stay hidden
            expect(article.get_by_role("button")).to_have_count(0)
            for hidden in ("[data-actions]", "[data-progress]", "[data-results]", "[data-status]"):
                expect(article.locator(hidden)).to_be_hidden()


@pytest.mark.parametrize("path", ["about/what-is-mentoring/", "programme/"])
def test_links_in_running_text_are_told_apart_by_more_than_colour(page: Page, site: str, path: str):
    """WCAG 1.4.1: axe judges its link-in-text-block rule inapplicable on these pages, so the
    underline that keeps links visible to readers who do not see the colour is checked here."""
    page.goto(site + path)
    decorations = page.locator("article :is(p, li) a:not(.md-button, .headerlink)").evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert decorations, "the page should have links in its text"
    assert all("underline" in d for d in decorations), decorations
