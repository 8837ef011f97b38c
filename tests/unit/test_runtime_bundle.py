"""What pages load is built from the sources, exactly: the runtime bundle and the minified stylesheets."""

import json
import re
import subprocess

from tests.conftest import ROOT


def test_the_committed_bundle_and_stylesheets_are_built_from_the_current_sources(tmp_path):
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    assert esbuild.exists(), "run `npm ci` (make test does) to install esbuild"
    steps = json.loads((ROOT / "package.json").read_text())["scripts"]["bundle"].split(" && ")
    assert len(steps) == 3
    for step in steps:
        shipped = ROOT / re.search(r"--outfile=(\S+)", step).group(1)
        fresh = tmp_path / shipped.name
        command = step.replace(f"--outfile={shipped.relative_to(ROOT)}", f"--outfile={fresh}").replace(
            "esbuild ", f"{esbuild} ", 1
        )
        subprocess.run(command, shell=True, cwd=ROOT, check=True, capture_output=True)
        assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name} is stale: run `make bundle`"
