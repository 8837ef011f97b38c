"""Responsiveness as a phone feels it: from a click on an answer to the next paint, on the
96-statement self-assessment and on the same statements in SurveyJS, in one run.

Chromium's processor is slowed fourfold (DevTools' CPU throttling, as Lighthouse does for a
mid-range phone). Each answer is clicked with the mouse, a statement at a time, after scrolling
it into view and letting the page settle; the Event Timing API gives each interaction's time from
the click to the next frame painted (its longest event entry). Entries shorter than 16 ms are not
reported by the browser: such clicks count as 16 ms, an upper bound.

SurveyJS (survey-core and survey-js-ui, its framework-free renderer, from benchmarks/package.json)
gets the same statements, scale and "not applicable" answer as one page of radio groups, in its
default theme: the best-known form engine, as a reader would meet it.
"""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

EVENTS = """
    window.__events = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.interactionId) window.__events.push([e.interactionId, e.name, e.duration]);
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
"""

SURVEY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS: the same statements</title>
<link rel="stylesheet" href="survey-core.min.css">
<script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script>
</head><body><div id="survey"></div><script src="statements.js"></script>
<script>
  const survey = new Survey.Model(window.STATEMENTS);
  survey.render(document.getElementById("survey"));
</script></body></html>
"""


def surveyjs_page(folder: Path, spec: dict, tools: Path) -> None:
    """The self-assessment's statements as one SurveyJS page, with the packages' own files."""
    folder.mkdir(parents=True)
    modules = tools / "node_modules"
    for source in (
        "survey-core/survey.core.min.js",
        "survey-core/survey-core.min.css",
        "survey-js-ui/survey-js-ui.min.js",
    ):
        shutil.copy(modules / source, folder / Path(source).name)
    choices = [{"value": p["value"], "text": p["label"]} for p in spec["scale"]]
    choices.append({"value": "na", "text": spec["not_applicable"]})
    pages = [
        {
            "name": group["id"],
            "title": group["title"],
            "elements": [
                {"type": "radiogroup", "name": item["id"], "title": item["text"], "choices": choices, "colCount": 0}
                for item in group["items"]
            ],
        }
        for group in spec["groups"]
    ]
    survey = {"title": spec["title"], "questionsOnPageMode": "singlePage", "pages": pages}
    (folder / "statements.js").write_text(f"window.STATEMENTS = {json.dumps(survey)};\n", encoding="utf-8")
    (folder / "index.html").write_text(SURVEY_PAGE, encoding="utf-8")


def clicks_to_paint(page, url: str, answer, count: int, throttle: float) -> list[float]:
    """Open ``url``, then click ``count`` answers (``answer(page, n)``: the n-th answer's label) with
    the processor slowed ``throttle`` times; each interaction's click-to-next-paint, in ms."""
    page.goto(url)
    page.wait_for_timeout(1500)  # loaded and idle: what is measured is answering, not loading
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    try:
        for n in range(count):
            target = answer(page, n)
            target.scroll_into_view_if_needed()
            page.wait_for_timeout(400)
            box = target.bounding_box()
            page.mouse.click(box["x"] + min(box["width"] / 2, 12), box["y"] + box["height"] / 2)
            page.wait_for_timeout(600)  # a reader reads the next statement before answering it
        page.wait_for_timeout(1000)
        entries = page.evaluate("window.__events")
    finally:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        cdp.detach()
    longest: dict[int, float] = {}
    for interaction, _, duration in entries:
        longest[interaction] = max(longest.get(interaction, 0), duration)
    times = sorted(longest.values())
    return [16.0] * max(0, count - len(times)) + times  # unreported: under 16 ms


def summary(times: list[float]) -> str:
    quick = sum(1 for t in times if t <= 16)
    return f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms ({quick} of {len(times)} under 16 ms)"
