"""Measure the budgets and the calibration and print them; with --write, keep them in RESULTS.md.

Every figure is a size, or a ratio of times taken in this same run: the machines are
shared and noisy, so absolute seconds from different runs do not compare.

    python benchmarks/run.py                 # everything (Lighthouse needs npm; ~10 minutes)
    python benchmarks/run.py --only weight,build
    python benchmarks/run.py --write         # also rewrite those sections of benchmarks/RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.calibration import report as calibration_report  # noqa: E402
from benchmarks.server import serve_compressed  # noqa: E402
from benchmarks.synthetic import make_site  # noqa: E402
from tests.browser.pages import kind_of  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, authoring_server, copy_repository, free_port, serve  # noqa: E402

# Builds run as on any machine where Python keeps compiled bytecode (pip compiles an
# installed package's modules; an editable checkout caches them on first import):
# some sandboxes set PYTHONDONTWRITEBYTECODE, which would recompile the generator on every build.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
Row = tuple[str, str, str, str]  # what, measured, budget, verdict


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def timed_build(config: Path, out: Path, site_url: str = "") -> tuple[float, int]:
    """Wall time and peak memory (KiB) of one `mkdocs build` in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        env={**ENV, "SITE_URL": site_url},
        cwd=config.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {config} failed: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


# --- 1. weight --------------------------------------------------------------------


def our_assets(site: Path, page: str) -> dict[str, list]:
    """The JS and CSS of ours that a page loads: its own tags, the loader's imports, the
    runtime's stylesheet, and the theme fixes written inline (as text, under "inline")."""
    html = (site / page).read_text(encoding="utf-8")
    found = {"js": [], "css": []}
    for src in re.findall(r'<script src="([^"]*mentorkit[^"]*)"', html):
        found["js"].append((site / page).parent / src)
    for href in re.findall(r'<link rel="stylesheet" href="([^"]*mentorkit(?:\.min)?\.css)"', html):
        found["css"].append((site / page).parent / href)
    if "data-questionnaire" in html:
        # What the loader fetches for this page: the runtime of each scoring method on it, and the styles.
        loader = next(p for p in found["js"] if p.name == "mentorkit.js")
        # A page names its bundle in data-runtime where it is not its method's (a journal's prompts).
        for method, runtime in set(
            re.findall(r'data-questionnaire="[^"]*" data-method="(\w+)"(?: data-runtime="(\w+)")?', html)
        ):
            found["js"].append(loader.parent / "mentorkit-runtime" / f"{runtime or method}.js")
        found["css"].append(loader.parent.parent / "stylesheets" / "mentorkit.min.css")
    assets = {k: sorted({p.resolve() for p in v}) for k, v in found.items()}
    assets["inline"] = re.findall(r"<style data-mentorkit-theme>(.*?)</style>", html, re.DOTALL)
    return assets


def weight(site: Path) -> list[Row]:
    rows: list[Row] = []
    material = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    for label, page in (
        ("questionnaire page", "assessments/mentor-competence/index.html"),
        ("guidance page", "competences/evaluation/index.html"),
    ):
        assets = our_assets(site, page)
        inline = "".join(assets["inline"]).encode("utf-8")
        js = sum(gz(p.read_bytes()) for p in assets["js"])
        css = sum(gz(p.read_bytes()) for p in assets["css"]) + gz(inline)
        raw = sum(p.stat().st_size for p in assets["js"] + assets["css"]) + len(inline)
        if label == "questionnaire page":
            names = ", ".join(p.name for p in assets["js"])
            styles = ", ".join([p.name for p in assets["css"]] + ["theme fixes inline"] * bool(inline))
            rows.append(
                (f"JS on a {label} (gzip)", f"{js / 1024:.1f} KB ({names})", "<= 10 KB", verdict(js <= 10 * 1024))
            )
            rows.append(
                (f"CSS on a {label} (gzip)", f"{css / 1024:.1f} KB ({styles})", "<= 3 KB", verdict(css <= 3 * 1024))
            )
            rows.append(("  raw, for reference", f"{raw / 1024:.1f} KB", "", ""))
            # Linked with media="print": fetched without holding back the first paint, so outside the budget.
            paper = site / "assets" / "stylesheets" / "mentorkit-print.min.css"
            rows.append(
                ("  then, for paper only (media=print, gzip)", f"{gz(paper.read_bytes()) / 1024:.1f} KB", "", "")
            )
            # The results view follows, once the page is idle (runtime/results-*.js): off the first
            # paint and the answers' path, but on every questionnaire page, so it is shown here too.
            view = next(p for p in assets["js"] if p.parent.name == "mentorkit-runtime").with_name("results-levels.js")
            rows.append(
                (
                    "  then its results view, once the page is idle (gzip)",
                    f"{gz(view.read_bytes()) / 1024:.1f} KB ({view.name})",
                    "",
                    "",
                )
            )
            rows.append(("  ratio to Material's own JS bundle", f"{js / gz(material.read_bytes()):.2f}", "", ""))
        else:
            runtime = [p for p in assets["js"] + assets["css"] if p.name != "mentorkit.js"]
            rows.append(
                (
                    f"runtime on a {label}",
                    f"{len(runtime)} files; loader + inline theme fixes {(js + css) / 1024:.1f} KB",
                    "none of the runtime",
                    verdict(not runtime),
                )
            )
    journal = sum(gz(p.read_bytes()) for p in our_assets(site, "journal/index.html")["js"])
    rows.append(("JS on the journal page (gzip), for reference", f"{journal / 1024:.1f} KB", "", ""))
    bundle = gz((site / "assets" / "javascripts" / "mentorkit-runtime" / "journal.js").read_bytes())
    rows.append(
        (
            "the journal's bundle (gzip)",
            f"{bundle:,} B",
            f"<= {JOURNAL_BUNDLE + 2048:,} B (its size before the list of rows, + 2 KB)",
            verdict(bundle <= JOURNAL_BUNDLE + 2048),
        )
    )
    return rows


# The journal's bundle, gzip -9, at d08773c: before entries became rows (issue 28), whose budget
# is this + 2 KB, for the rows, the due dates in words, the calendar's words and the portfolio.
JOURNAL_BUNDLE = 14_991


# --- 2. build -----------------------------------------------------------------------


def build_share(work: Path, runs: int) -> list[Row]:
    """The generator's share of building this site: with it, and the same pages without it
    (the block lines left as text, no theme overrides, no plugin)."""
    plain = work / "plain"
    shutil.copytree(ROOT, plain, ignore=shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__"))
    shared = (plain / "mkdocs.shared.yml").read_text(encoding="utf-8")
    for ours in (
        r"  custom_dir: theme.*\n",
        r"  mentorkit: \{\}\n",
        r"  mentorkit:\n    questionnaires_dir: questionnaires\n",
    ):
        shared, found = re.subn(ours, "", shared)
        assert found == 1, ours
    (plain / "mkdocs.shared.yml").write_text(shared.replace("strict: true\n", "strict: false\n"), encoding="utf-8")
    times: dict[str, list[float]] = {"with": [], "without": []}
    for n in range(runs):  # alternate, so that a busy moment hits both alike
        times["with"].append(timed_build(ROOT / "mkdocs.yml", work / f"with{n}")[0])
        times["without"].append(timed_build(plain / "mkdocs.yml", work / f"without{n}")[0])
    a, b = (statistics.median(times[k]) for k in ("with", "without"))
    share = (a - b) / a
    parts = where_the_time_goes(work, 3)
    return [
        (
            "generator's share of the real site's build",
            f"{share:.1%} (median of {runs}; {a:.2f} s vs {b:.2f} s)",
            "<= 15%",
            verdict(share <= 0.15),
        ),
        (
            "  inside the build (median of 3, ms)",
            f"importing the generator {parts['import the generator']:.0f} (of which pydantic and the models "
            f"{parts['import pydantic and the models']:.0f}); loading and checking {parts['loading and checking']:.0f}, "
            f"rendering {parts['rendering']:.0f}, the plugin's events {parts['plugin events']:.0f} (of which sealing "
            f"{parts['sealing']:.0f}); Material's building of the {parts['questionnaire pages: count']:.0f} questionnaire "
            f"pages {parts['questionnaire pages']:.0f} (the other {parts['other pages: count']:.0f} pages: "
            f"{parts['other pages']:.0f})",
            "",
            "",
        ),
    ]


def where_the_time_goes(work: Path, runs: int) -> dict[str, float]:
    """benchmarks/profile_build.py, in a fresh process each run: the medians of its timings."""
    found: list[dict[str, float]] = []
    for n in range(runs):
        out = subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "profile_build.py"),
                str(ROOT / "mkdocs.yml"),
                str(work / f"profiled{n}"),
            ],
            env=ENV,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        found.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run.get(key, 0) for run in found) for key in found[0]}


def fastest(config: Path, out: Path, runs: int) -> tuple[float, int]:
    """The fastest of several builds, and the highest peak memory. A busy moment on a shared
    machine only ever adds time, so the minimum is the steadiest estimate of what the build costs:
    the ratios below divide differences of times, where a median still let one slow build
    swing a ratio by a tenth."""
    runs = [timed_build(config, out / f"site{n}") for n in range(runs)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def scaling(work: Path) -> list[Row]:
    rows: list[Row] = []
    sizes = (1_000, 10_000, 100_000)
    results = {}
    for total in sizes:
        config = make_site(work / f"scale{total}", total)
        results[total] = fastest(config, work / f"scale{total}", 3 if total == 100_000 else 11)
    base_time, base_memory = fastest(make_site(work / "scale0", 0), work / "scale0", 11)
    for small, large in itertools.pairwise(sizes):
        (t1, m1), (t2, m2) = results[small], results[large]
        ratio = (t2 - base_time) / (t1 - base_time)
        memory = m2 / m1  # whole-process peaks: the interpreter's own share is in both
        rows.append(
            (
                f"build time, {large:,} vs {small:,} statements",
                f"x{ratio:.1f} ({t1:.2f} s -> {t2:.2f} s)",
                "<= x11",
                verdict(ratio <= 11),
            )
        )
        rows.append(
            (
                f"peak memory, {large:,} vs {small:,} statements",
                f"x{memory:.1f} ({m1 / 1024:.0f} -> {m2 / 1024:.0f} MiB)",
                "linear (<= x11)",
                verdict(memory <= 11),
            )
        )
    rows.append(
        (
            "  a site with no statements (its time subtracted above)",
            f"{base_time:.2f} s, {base_memory / 1024:.0f} MiB",
            "",
            "",
        )
    )
    rows.append(("  builds per size", "11 (3 of 100,000): the fastest time, the highest peak", "", ""))
    return rows


# --- 3. browser ---------------------------------------------------------------------


def browser(work: Path, answers: int) -> list[Row]:
    from playwright.sync_api import sync_playwright

    config = make_site(work / "browser", 1_000, questionnaires=1)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    timed_build(config, work / "browser-site", site_url=url)
    server = serve(work / "browser-site", port)
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = chromium.new_page()
            page.add_init_script("""window.__long = [];
                new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
                    .observe({ type: "longtask", buffered: true });""")
            page.goto(url + "assessments/q0/")
            page.wait_for_selector("[data-enhanced]")
            radios = page.locator("[data-form] input[type=radio][value='2']")
            for n in range(answers):
                radios.nth(n).check()
            page.reload()  # now restore 'answers' saved answers, then score
            page.wait_for_selector("[data-enhanced]")
            page.wait_for_timeout(500)
            for n in range(answers, answers + 100):  # answers on the restored page
                radios.nth(n).check()
            data = page.evaluate("""() => {
                const spans = (name) => performance.getEntriesByName(name).map((e) => [e.startTime, e.duration]);
                return { enhance: spans("mentorkit:enhance"), answer: spans("mentorkit:answer"), long: window.__long };
            }""")
            # Comparing two attempts: both sets of answers rescored and compared, in the growth bundle.
            compare = page.evaluate("""async () => {
                const loader = document.querySelector("script[src*='javascripts/mentorkit.js']").src;
                const { compareAnswers } = await import(new URL("mentorkit-runtime/growth.js", loader).href);
                const spec = JSON.parse(document.querySelector("template[data-spec]").content.textContent);
                const items = spec.groups.flatMap((g) => g.items);
                const values = spec.scale.map((p) => p.value);
                const earlier = Object.fromEntries(items.map((item, n) => [item.id, values[n % values.length]]));
                const later = Object.fromEntries(items.map((item, n) => [item.id, values[(n + 1) % values.length]]));
                const times = [];
                for (let run = 0; run < 41; run++) {
                    const start = performance.now();
                    compareAnswers(spec, earlier, later);
                    times.push(performance.now() - start);
                }
                return { items: items.length, times: times.slice(1).sort((a, b) => a - b) };
            }""")
            chromium.close()
    finally:
        server.shutdown()
    restore = data["enhance"][-1][1]
    rescore = statistics.median(d for _, d in data["answer"])
    # A long task is ours when one of our measures ran inside it; the others are the page's
    # loading (Material's bundle starting, the browser laying out what scrolls into view).
    ours_ran = [start for start, _ in data["enhance"] + data["answer"]]
    ours, others = [], []
    for start, duration in data["long"]:
        ran = any(start <= t <= start + duration for t in ours_ran)
        (ours if ran else others).append(duration)
    return [
        ("restore and score 1,000 statements after load", f"{restore:.1f} ms ({answers} answers restored)", "", ""),
        (
            "rescore after one answer (median of 100)",
            f"{rescore:.2f} ms (max {max(d for _, d in data['answer']):.2f} ms)",
            "< 2 ms",
            verdict(rescore < 2),
        ),
        (
            f"compare two attempts of {compare['items']:,} statements (both rescored; median of 40)",
            f"{statistics.median(compare['times']):.2f} ms (max {max(compare['times']):.2f} ms)",
            "< 5 ms",
            verdict(statistics.median(compare["times"]) < 5),
        ),
        (
            "longest main-thread task running our code",
            f"{max(ours):.0f} ms" if ours else "none over 50 ms",
            "<= 50 ms",
            verdict(not ours),
        ),
        (
            "  longest task of any other kind, for reference",
            f"{max(others):.0f} ms ({len(others)} over 50 ms)" if others else "none over 50 ms",
            "",
            "",
        ),
    ]


def processor_seconds() -> float:
    """Processor time of this process's descendants (the browser's processes), living and ended."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append((int(entry), sum(map(int, fields[11:15]))))
    total, parents = 0, [os.getpid()]
    while parents:
        for pid, ticks in children.get(parents.pop(), []):
            total += ticks
            parents.append(pid)
    return total / os.sysconf("SC_CLK_TCK")


def search(work: Path, rounds: int = 5, loads: int = 6) -> list[Row]:
    """Processor time of page loads in Chromium with the site's search worker (Material's started
    when a reader first searches) and with Material's own (the index built on every load): the same
    site, its pages' configuration pointed back at Material's worker, taken in turn in each round."""
    from playwright.sync_api import sync_playwright

    timed_build(ROOT / "mkdocs.yml", work / "search-site")
    eager = work / "search-eager"
    shutil.copytree(work / "search-site", eager)
    for html in eager.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        html.write_text(text.replace("workers/search-on-demand.js?worker=search.", "workers/search."), encoding="utf-8")
    pages = ["about/what-is-mentoring/", "assessments/mentor-competence/", "journal/"]
    servers = {name: serve(folder, 0) for name, folder in (("on demand", work / "search-site"), ("eager", eager))}
    spent: dict[str, list[float]] = {name: [] for name in servers}
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(rounds):
                for name, server in servers.items():
                    url = f"http://127.0.0.1:{server.server_address[1]}/"
                    context = chromium.new_context()
                    page = context.new_page()
                    page.goto(url)
                    page.wait_for_timeout(1000)
                    before = processor_seconds()
                    for n in range(loads):
                        page.goto(url + pages[n % len(pages)])
                        page.wait_for_timeout(700)  # the worker's work done, as a reader reads
                    spent[name].append((processor_seconds() - before) / loads)
                    context.close()
            chromium.close()
    finally:
        for server in servers.values():
            server.shutdown()
    on_demand, eager_load = statistics.median(spent["on demand"]), statistics.median(spent["eager"])
    return [
        (
            "processor time of a page load, search built on demand",
            f"{on_demand * 1000:.0f} ms against {eager_load * 1000:.0f} ms built on every load "
            f"({on_demand / eager_load:.2f}x; median of {rounds} rounds of {loads} loads)",
            "< 1x",
            verdict(on_demand < eager_load),
        )
    ]


def journal_entries(count: int) -> list[dict]:
    """``count`` entries of the repository's journal, of each kind in turn, about 1 KB each."""
    fields = {
        "meeting": ("met-on", "key-points"),
        "reflection": ("written-on", "reflection"),
        "supervision": ("held-on", "themes"),
        "development": ("done-on", "development-learned"),
    }
    kinds = list(fields)
    today = datetime.date.today()
    entries = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        date, text = fields[kind]
        when = (today - datetime.timedelta(days=n)).isoformat()
        entries.append(
            {
                "id": f"b{n}",
                "kind": kind,
                "tags": [],
                "fields": {date: when, text: f"Entry {n} " + "lorem ipsum dolor " * 50},
            }
        )
    return entries


def journal(work: Path, count: int = 1_000, runs: int = 5) -> list[Row]:
    """The journal page holding ``count`` entries: reading and checking them all from storage, showing
    the list (newest first), filtering by kind and searching, as the page's User Timing measures them."""
    from mentorkit.site.project import load_all
    from mentorkit.site.spec import runtime_spec
    from playwright.sync_api import expect, sync_playwright

    (spec,) = load_all([ROOT / "questionnaires" / "journal.yml"], pages=None)
    version = runtime_spec(spec)["version"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    timed_build(ROOT / "mkdocs.yml", work / "journal-site", site_url=url)
    server = serve(work / "journal-site", port)
    record = {"version": version, "answers": {}, "lists": {"entries": journal_entries(count)}}
    text = json.dumps(record)
    found: dict[str, list[float]] = {"load": [], "list": [], "filter": [], "search": []}
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = chromium.new_page()
            page.goto(url)
            page.evaluate("([key, text]) => localStorage.setItem(key, text)", [f"mentorkit:/journal:{version}", text])
            for _ in range(runs):
                page.goto(url + "journal/")
                page.wait_for_selector("[data-questionnaire='journal'][data-enhanced]")
                page.select_option("#journal-filter-kind", "supervision")
                page.fill("#journal-filter-search", "entry 99")
                expect(page.locator("[data-list] > li")).to_have_count(3)  # supervision: entries 990, 994, 998
                spans = page.evaluate("""() => ({
                    load: performance.getEntriesByName("mentorkit:journal-load").map((e) => e.duration),
                    list: performance.getEntriesByName("mentorkit:journal-list").map((e) => e.duration) })""")
                found["load"].append(spans["load"][-1])
                found["list"].append(spans["list"][0])
                found["filter"].append(spans["list"][1])
                found["search"].append(max(spans["list"][2:]))
            chromium.close()
    finally:
        server.shutdown()
    rows: list[Row] = [("journal stored, as JSON", f"{len(text) / 1e6:.2f} MB ({count:,} entries)", "about 1 MB", "")]
    for name, what, most in (
        ("load", "read and check every entry from storage", 50),
        ("list", "first render of the list, newest first", 30),
        ("filter", "filter by kind", 10),
        ("search", "search (each keystroke)", 10),
    ):
        median = statistics.median(found[name])
        rows.append(
            (
                f"{count:,} entries: {what} (median of {runs})",
                f"{median:.1f} ms (max {max(found[name]):.1f} ms)",
                f"< {most} ms",
                verdict(median < most),
            )
        )
    return rows


# --- 4. authoring loop --------------------------------------------------------------


def live_reload(work: Path, runs: int = 7) -> list[Row]:
    """From saving the mentor self-assessment (96 statements) to its page, open in Chromium
    under `make serve` (mkdocs serve, this repository's whole site), showing the change with
    its runtime set up again; and the same under `zensical serve`, for reference."""
    from mentorkit.site.project import load_all
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    project = copy_repository(work / "authoring")
    yml = project / "questionnaires" / "mentor-competence.yml"
    (q,) = load_all([yml], pages=None)
    statements = sum(1 for _ in q.items())
    first = next(item for _, item in q.items()).text
    rows: list[Row] = []
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for generator in ("mkdocs", "zensical"):
            times, missed = [], 0
            with authoring_server(generator, project / "mkdocs.yml", free_port()) as url:
                page = chromium.new_page()
                page.goto(url + "assessments/mentor-competence/")
                shown = first
                for n in range(runs + 1):  # the first, a warm-up, is not counted
                    page.wait_for_selector("[data-questionnaire][data-enhanced]")
                    # Zensical's live-reload socket: open once the title no longer says it waits.
                    page.wait_for_function("document.title !== 'Waiting for connection'")
                    time.sleep(max(0.0, int(yml.stat().st_mtime) + 1.05 - time.time()))  # Zensical: whole seconds
                    wanted = f"{first} (edit {n})"
                    text = yml.read_text(encoding="utf-8")
                    started = time.perf_counter()
                    yml.write_text(text.replace(shown, wanted), encoding="utf-8")
                    shown = wanted
                    try:
                        page.wait_for_function(
                            """(text) => document.querySelector("[data-questionnaire][data-enhanced]")
                                && document.querySelector("[data-form]").textContent.includes(text)""",
                            arg=wanted,
                            timeout=15_000,
                            polling="raf",
                        )
                    except PlaywrightTimeout:  # the page was left as it was (Zensical's reload race)
                        missed += n > 0
                        page.reload()
                        continue
                    if n:
                        times.append(time.perf_counter() - started)
                page.close()
            yml.write_text(yml.read_text(encoding="utf-8").replace(shown, first), encoding="utf-8")
            median = statistics.median(times) if times else float("nan")
            rows.append(
                (
                    f"saving the {statements}-statement self-assessment to its updated page, {generator} serve"
                    + (" (make serve)" if generator == "mkdocs" else ", for reference"),
                    f"{median:.2f} s (median of {len(times)}; {min(times, default=0):.2f} to {max(times, default=0):.2f} s)"
                    + (f"; {missed} of {runs} saves left the old page until a reload by hand" if missed else ""),
                    "< 1 s" if generator == "mkdocs" else "",
                    verdict(median < 1 and not missed) if generator == "mkdocs" else "",
                )
            )
        chromium.close()
    return rows


# --- 5. lighthouse ------------------------------------------------------------------

LIGHTHOUSE_FLAGS = "--headless=new " + " ".join(CHROMIUM_ARGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def node_tools() -> Path:
    """benchmarks/node_modules, installed from benchmarks/package-lock.json when missing."""
    tools = ROOT / "benchmarks"
    wanted = ("lighthouse", "survey-core", "survey-js-ui")
    if not all((tools / "node_modules" / name).exists() for name in wanted):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=tools, check=True)
    return tools


def responsiveness(work: Path, count: int = 40, throttle: float = 4) -> list[Row]:
    """benchmarks/responsiveness.py: click-to-next-paint on the 96-statement self-assessment and on
    the same statements in SurveyJS, the processor slowed fourfold, in one run."""
    from mentorkit.site.project import load_all
    from mentorkit.site.spec import runtime_spec
    from playwright.sync_api import sync_playwright

    from benchmarks.responsiveness import EVENTS, clicks_to_paint, summary, surveyjs_page

    tools = node_tools()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = work / "responsive-site"
    timed_build(ROOT / "mkdocs.yml", site, site_url=url)
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    spec = runtime_spec(q)
    surveyjs_page(site / "surveyjs", spec, tools)
    server = serve(site, port)
    ours_answer = lambda page, n: page.locator("[data-form] [data-item]").nth(n).locator(".mk-scale__option").nth(n % 4)  # noqa: E731
    theirs_answer = lambda page, n: page.locator(".sd-question").nth(n).locator(".sd-item").nth(n % 4)  # noqa: E731
    measured = {}
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for name, path, answer in (
                ("ours", "assessments/mentor-competence/", ours_answer),
                ("surveyjs", "surveyjs/", theirs_answer),
            ):
                context = chromium.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                page.add_init_script(EVENTS)
                measured[name] = clicks_to_paint(page, url + path, answer, count, throttle)
                context.close()
            chromium.close()
    finally:
        server.shutdown()
    ours, theirs = measured["ours"], measured["surveyjs"]
    met = statistics.median(ours) < 50 and max(ours) < 100
    return [
        (
            f"click on an answer to next paint, CPU slowed {throttle:g}x, {count} answers (96-statement page, 390 px)",
            summary(ours),
            "median < 50 ms, worst < 100 ms",
            verdict(met),
        ),
        ("  the same statements in SurveyJS 2 (survey-js-ui), for reference", summary(theirs), "", ""),
        (
            "  SurveyJS's median and worst, as multiples of ours",
            f"x{statistics.median(theirs) / statistics.median(ours):.1f} and x{max(theirs) / max(ours):.1f}",
            "",
            "",
        ),
    ]


def lighthouse(work: Path, runs: int) -> list[Row]:
    tools = node_tools()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    # As published (make build): both languages, one policy. Material's language switcher
    # fetches fr/sitemap.xml, which would be a 404, and a console error, without the French site.
    timed_build(ROOT / "mkdocs.yml", work / "lh-site", site_url=url)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(ROOT / "mkdocs.fr.yml"),
            "-d",
            str(work / "lh-site" / "fr"),
        ],
        env={**ENV, "SITE_URL_FR": url + "fr/"},
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", "policy", str(work / "lh-site")],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    server = serve_compressed(work / "lh-site", port)  # as any static host does
    # The home page, a guidance page, and every English page that is a questionnaire, wherever
    # the site places it (the journal is at journal/, not under assessments/).
    site = work / "lh-site"
    questionnaires = []
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix() + "/"
        if kind_of(path, html.read_text(encoding="utf-8")).startswith("questionnaire"):  # "fr questionnaire ..." not
            questionnaires.append(path)
    pages = ["", "mentors/roles/", *questionnaires]
    rows: list[Row] = []
    try:
        for page in pages:
            scores = {c: [] for c in CATEGORIES}
            failing: set[str] = set()
            for n in range(runs):
                report = work / f"lh-{n}.json"
                subprocess.run(
                    [
                        str(tools / "node_modules" / ".bin" / "lighthouse"),
                        url + page,
                        "--quiet",
                        f"--chrome-flags={LIGHTHOUSE_FLAGS}",
                        "--output=json",
                        f"--output-path={report}",
                        "--form-factor=mobile",
                    ],
                    env={**ENV, "CHROME_PATH": "/usr/bin/chromium"},
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                data = json.loads(report.read_text(encoding="utf-8"))
                for c in CATEGORIES:
                    scores[c].append(round(data["categories"][c]["score"] * 100))
                    for ref in data["categories"][c]["auditRefs"]:
                        audit = data["audits"][ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            failing.add(f"{c}:{ref['id']}")
            medians = {c: statistics.median(v) for c, v in scores.items()}
            shown = " / ".join(f"{medians[c]:.0f}" for c in CATEGORIES)
            rows.append(
                (
                    f"Lighthouse /{page}",
                    shown + (f"  (losing: {', '.join(sorted(failing))})" if failing else ""),
                    "100 / 100 / 100 / 100",
                    verdict(all(m == 100 for m in medians.values())),
                )
            )
    finally:
        server.shutdown()
    return rows


# --- the table ----------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def table(rows: list[Row]) -> str:
    lines = ["| measure | result | budget | |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


SECTIONS = (
    "weight", "build", "scaling", "browser", "responsiveness", "journal", "search", "reload", "lighthouse", "calibration"
)  # fmt: skip
_BLOCK = re.compile(r"<!-- section: (\w+) -->\n.*?<!-- end: \1 -->\n", re.DOTALL)


def write_results(sections: dict[str, str]) -> None:
    """Rewrite the sections that ran in benchmarks/RESULTS.md and keep the others as they were,
    each with the date and machine it was measured on."""
    path = ROOT / "benchmarks" / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    blocks = {m.group(1): m.group(0) for m in _BLOCK.finditer(old)}
    stamp = f"Measured {datetime.date.today().isoformat()} on {machine()}, with `make bench`."
    for name, text in sections.items():
        blocks[name] = f"<!-- section: {name} -->\n## {name.capitalize()}\n\n{stamp}\n\n{text}\n<!-- end: {name} -->\n"
    order = [name for name in SECTIONS if name in blocks] + [name for name in blocks if name not in SECTIONS]
    path.write_text("# Benchmark results\n\n" + "\n".join(blocks[name] for name in order), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--runs", type=int, default=5, help="builds per variant for the build share")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="rewrite the sections run in benchmarks/RESULTS.md")
    args = parser.parse_args()
    wanted = [name for name in SECTIONS if name in args.only.split(",")]
    sections: dict[str, str] = {}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        measures = {
            "weight": lambda: (timed_build(ROOT / "mkdocs.yml", work / "site"), weight(work / "site"))[1],
            "build": lambda: build_share(work, args.runs),
            "scaling": lambda: scaling(work),
            "browser": lambda: browser(work, 900),
            "responsiveness": lambda: responsiveness(work),
            "journal": lambda: journal(work),
            "search": lambda: search(work),
            "reload": lambda: live_reload(work),
            "lighthouse": lambda: lighthouse(work, args.lighthouse_runs),
        }
        for name in wanted:
            if name == "calibration":
                text, met = calibration_report()
                ok &= met
            else:
                rows = measures[name]()
                text = table(rows)
                ok &= all(r[3] != "NOT MET" for r in rows)
            sections[name] = text
            print(f"\n## {name}\n\n{text}", flush=True)
    if args.write:
        write_results(sections)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
