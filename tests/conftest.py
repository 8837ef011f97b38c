"""Shared fixtures: a real mkdocs build of this repository, served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(
    config: Path, out: Path, *, site_url: str = "", env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` command, as an author would."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=config.parent,
        timeout=300,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        # A site rebuilt within the same second keeps its Last-Modified (whole seconds), so a
        # reload would get "304 Not Modified" and show the old page. Always send the file,
        # as a host with content-based ETags would.
        del self.headers["If-Modified-Since"]
        return super().send_head()


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """This repository's site, English at the root and French under fr/, as published,
    built with site_url set to the address it is served from, so that Material's
    instant navigation is really exercised."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", out, site_url=base)
    assert result.returncode == 0, result.stderr
    result = mkdocs_build(ROOT / "mkdocs.fr.yml", out / "fr", env={"SITE_URL_FR": base + "fr/"})
    assert result.returncode == 0, result.stderr
    policy = subprocess.run(
        [sys.executable, "-m", "mentorkit.cli", "policy", str(out)], capture_output=True, text=True, cwd=ROOT
    )
    assert policy.returncode == 0, policy.stderr
    server = serve(out, port)
    yield {"dir": out, "url": base}
    server.shutdown()
