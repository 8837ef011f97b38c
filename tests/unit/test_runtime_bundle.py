"""The bundle that pages load is built from the runtime's sources, exactly."""

import json
import subprocess

from tests.conftest import ROOT

BUNDLE = ROOT / "theme" / "assets" / "javascripts" / "mentorkit.runtime.js"


def test_the_committed_bundle_is_built_from_the_current_sources(tmp_path):
    command = json.loads((ROOT / "package.json").read_text())["scripts"]["bundle"]
    fresh = tmp_path / "runtime.js"
    command = command.replace("--outfile=theme/assets/javascripts/mentorkit.runtime.js", f"--outfile={fresh}")
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    assert esbuild.exists(), "run `npm ci` (make test does) to install esbuild"
    subprocess.run(command.replace("esbuild ", f"{esbuild} ", 1), shell=True, cwd=ROOT, check=True, capture_output=True)
    assert fresh.read_bytes() == BUNDLE.read_bytes(), "the runtime bundle is stale: run `make bundle`"
