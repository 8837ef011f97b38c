"""What pages load is built from the sources, exactly: the runtime bundles, the loader and the
minified stylesheets."""

import subprocess

from tests.conftest import ROOT

ASSETS = ROOT / "theme" / "assets"
BUILT = [
    "javascripts/mentorkit.js",
    "javascripts/mentorkit-runtime",
    "javascripts/workers/search-on-demand.js",
    "stylesheets/mentorkit.min.css",
    "stylesheets/mentorkit-print.min.css",
    "stylesheets/journal.min.css",
    "stylesheets/theme.min.css",
]


def files_under(folder, parts) -> dict[str, bytes]:
    found = {}
    for part in parts:
        path = folder / part
        for file in sorted(path.rglob("*") if path.is_dir() else [path]):
            if file.is_file():
                found[file.relative_to(folder).as_posix()] = file.read_bytes()
    return found


def test_the_committed_bundles_and_stylesheets_are_built_from_the_current_sources(tmp_path):
    assert (ROOT / "node_modules" / ".bin" / "esbuild").exists(), "run `npm ci` (make test does) to install esbuild"
    subprocess.run([str(ROOT / "scripts" / "bundle"), str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    fresh, shipped = files_under(tmp_path, BUILT), files_under(ASSETS, BUILT)
    assert sorted(fresh) == sorted(shipped), "the built files differ: run `make bundle`"
    stale = [name for name in fresh if fresh[name] != shipped[name]]
    assert not stale, f"stale: {stale}; run `make bundle`"
    assert {"javascripts/mentorkit-runtime/levels.js", "javascripts/mentorkit-runtime/none.js"} <= set(fresh)
