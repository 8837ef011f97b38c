"""The journeys every reader takes, in each engine readers use: Chromium, Firefox (ESR, over
WebDriver BiDi) and WebKit (WebKitGTK, the engine of every iOS browser and of Safari). The journeys
are written once, in tests/engines/journeys.mjs, and run by tests/engines/run.mjs against this
repository's site; the rest of the browser suite goes deeper, in Chromium alone.

What a page reports meanwhile (a script error, a promise nobody caught, a request that failed or
that the site's policy blocked) is heard by the server that sends it (tests/engines/watch.py), the
same way in every engine, and fails the journey it happened in."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.browser.pages import one_of_each_kind
from tests.conftest import ROOT
from tests.engines.engines import ENGINES, command
from tests.engines.watch import watched


def run_journeys(engine: str, site: dict) -> list[dict]:
    kinds = json.dumps(one_of_each_kind(site))
    with watched(site["server"]):
        done = subprocess.run(
            command("run.mjs", engine, site["url"], kinds), cwd=ROOT, capture_output=True, text=True, timeout=300
        )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    declared = next((line["declared"] for line in lines if "declared" in line), [])
    results = [line for line in lines if "journey" in line]
    ran = [r["journey"] for r in results]
    assert done.returncode == 0 and declared and ran == declared, (
        f"the {engine} run stopped after {len(ran)} of {len(declared)} journeys:\n{done.stdout}\n{done.stderr}"
    )
    return results


@pytest.mark.parametrize("engine", ENGINES)
def test_every_journey_works_in_each_engine_with_nothing_reported(engine: str, built_site):
    results = run_journeys(engine, built_site)
    failed = [
        f"- {r['journey']}: {r.get('error') or 'reported ' + json.dumps(r['reported'], ensure_ascii=False)}"
        for r in results
        if not r["ok"] or r["reported"]
    ]
    assert not failed, f"in {engine}:\n" + "\n".join(failed)
