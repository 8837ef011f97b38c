"""A look at every view a reader meets, kept: `make look` (python -m tests.look).

Builds this repository's site, serves it on 127.0.0.1, drives Debian's Chromium through every view
of tests/browser/journeys.py (each page kind as loaded, while answering and with results; attempts,
another person's view, candidates, the observer's page, a journal with entries, a document on
paper) at 360, 390 and 1280 px in both palettes, and writes into a folder outside the work tree:

    <view>/<width>-<palette>.png   what the reader sees at that moment
    sheet-<page>.png               one contact sheet per page: its views in rows, the sizes in columns
    report/<reading>.png           the board report (two cohorts) on a phone, a desktop and paper
    engines/<kind>-<engine>.png    each page kind at 390 px in Chromium, Firefox and WebKit, and the
                                   views where engines differ (results, attempts, a journal with entries)
    sheet-engines.png              those side by side: a kind in each row, an engine in each column
    problems.txt                   what the rules of what a person sees (look.js) found, if anything

Whoever changes a page looks at its sheet before they stop. The same views are held to the same
rules in the suite (tests/browser/test_look.py); here a person looks at them.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.journeys import View, engine_views, follow_rules, open_view, views
from tests.browser.pages import one_of_each_kind
from tests.browser.reader import in_palette
from tests.conftest import CHROMIUM_ARGS, ROOT, build_repository, serve
from tests.engines.engines import ENGINES, command

SIZES = [(360, 740), (390, 844), (1280, 800)]
PALETTES = ["light", "dark"]
DEFAULT_OUT = Path(os.environ.get("LOOK_DIR") or Path(tempfile.gettempdir()) / "mentorkit-look")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def page_of(view: View) -> str:
    """The page a view is on, for its contact sheet: its address below the site's."""
    return "/" + view.path.split("#")[0]


def photograph(page, site: str, view: View, folder: Path) -> tuple[dict[str, Path], list[str]]:
    shots: dict[str, Path] = {}
    problems: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        for palette in PALETTES:
            page.set_viewport_size({"width": width, "height": height})
            page.emulate_media(color_scheme=palette)
            open_view(page, site, view)
            if view.media == "screen":
                in_palette(page, palette)
            page.wait_for_timeout(400)  # Material's header fades its title in after a scroll
            shot = folder / f"{width}-{palette}.png"
            page.screenshot(path=shot)
            shots[f"{width} px, {palette}"] = shot
            problems += [f"{view.name}, {width} px, {palette}: {found}" for found in follow_rules(page)]
    return shots, problems


def photograph_report(page, work: Path, folder: Path) -> list[str]:
    """The board report of two cohorts, whole, in each of its readings (test_report_look.py)."""
    from tests.browser.test_report_look import READINGS, write_cohorts

    report = write_cohorts(work / "report").as_uri()
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for reading, (width, height, media) in READINGS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(media=media, color_scheme="light")
        page.goto(report)
        page.screenshot(path=folder / f"{reading}.png", full_page=True)
        problems += [f"board report, {reading}: {found}" for found in follow_rules(page)]
    page.emulate_media(media="screen")
    print("looked at the board report", flush=True)
    return problems


def photograph_engines(site: str, built: Path, folder: Path) -> tuple[list[tuple[str, dict[str, Path]]], list[str]]:
    """Each page kind, and the views where engines differ most, at 390 px in every engine
    (journeys.engine_views, tests/engines/photograph.mjs), held to the same rules in each: the rows
    of a contact sheet, a view in each row, and what the rules found."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds = json.dumps(engine_views(one_of_each_kind({"dir": built})))
    rows: dict[str, dict[str, Path]] = {}
    problems: list[str] = []
    for engine in ENGINES:
        done = subprocess.run(command("photograph.mjs", engine, site, kinds, str(folder)), cwd=ROOT,
                              capture_output=True, text=True, timeout=600)  # fmt: skip
        for line in done.stdout.splitlines():
            shot = json.loads(line)
            rows.setdefault(shot["kind"], {})[engine] = Path(shot["shot"])
            problems += [f"{shot['kind']}, 390 px, in {engine}: {found}" for found in shot["problems"]]
        if done.returncode:
            problems.append(f"{engine} could not photograph every page kind: {done.stderr.strip()[-500:]}")
        print(f"looked at every page kind in {engine}", flush=True)
    return [(kind, shots) for kind, shots in rows.items() if len(shots) == len(ENGINES)], problems


def contact_sheet(browser, title: str, rows: list[tuple[str, dict[str, Path]]], out: Path) -> None:
    """The views of one page side by side, drawn by the browser itself from a page of images."""
    columns = list(rows[0][1])
    inline = lambda path: "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()  # noqa: E731
    cells = "".join(
        f"<tr><th>{html.escape(name)}</th>"
        + "".join(f'<td><img src="{inline(shots[c])}"></td>' for c in columns)
        + "</tr>"
        for name, shots in rows
    )
    heads = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    document = (
        "<!doctype html><meta charset=utf-8><style>body{font:14px sans-serif;margin:16px;background:#eee}"
        "td,th{vertical-align:top;padding:6px;text-align:left}img{display:block;border:1px solid #999;"
        "zoom:0.5}</style>"
        f"<h1>{html.escape(title)}</h1><table><tr><th></th>{heads}</tr>{cells}</table>"
    )
    page = browser.new_page(viewport={"width": 1600, "height": 800})
    page.set_content(document)
    page.screenshot(path=out, full_page=True)
    page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.look", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to write (default {DEFAULT_OUT})")
    parser.add_argument("--only", default="", help="only the views whose name contains this text")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    if out.is_relative_to(Path(__file__).resolve().parent.parent):
        parser.error("write the pictures outside the work tree, where they are never committed")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="mentorkit-look-site-"))
    server = serve(work / "site", 0)  # the port is ours before the site is built for its address
    site = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        built = build_repository("mkdocs", work, site)
        chosen = [view for view in views(one_of_each_kind({"dir": built})) if args.only in view.name]
        problems: list[str] = []
        sheets: dict[str, list[tuple[str, dict[str, Path]]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            for view in chosen:
                print(f"looking at {view.name}", flush=True)
                shots, found = photograph(page, site, view, out / slug(view.name))
                problems += found
                sheets.setdefault(page_of(view), []).append((view.name, shots))
            for title, rows in sheets.items():
                contact_sheet(browser, title, rows, out / f"sheet-{slug(title) or 'home'}.png")
            if args.only in "board report":  # every view, or asked for by name
                problems += photograph_report(page, work, out / "report")
            if args.only in "engines":
                rows, found = photograph_engines(site, built, out / "engines")
                problems += found
                if rows:
                    contact_sheet(browser, "Each page kind in each engine, 390 px", rows, out / "sheet-engines.png")
            browser.close()
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    (out / "problems.txt").write_text("".join(f"{p}\n" for p in problems), encoding="utf-8")
    print(f"{len(chosen)} views, {len(sheets)} contact sheets in {out}")
    print(f"{len(problems)} problem(s) the rules found" + (f": see {out / 'problems.txt'}" if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
