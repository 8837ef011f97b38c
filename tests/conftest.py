"""Shared fixtures: real builds of this repository, by mkdocs and by Zensical, served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATORS = ("mkdocs", "zensical")
# What a programme's repository holds: enough to build this repository's site elsewhere.
SOURCES = ("content", "content-fr", "questionnaires", "theme", "mkdocs.yml", "mkdocs.fr.yml", "mkdocs.shared.yml")
# Debian's Chromium, as the browser suite drives it: its headless build (package
# chromium-headless-shell, the same Blink and V8 at the same version), which is what Playwright
# itself runs for headless tests. It starts a context in a quarter of the processor time the whole
# browser takes and loads a page in about half (measured: 0.07 s against 0.33 s a context, 0.52 s
# against 1.25 s for the self-assessment in a new context), which keeps the suite within its
# minutes on two cores. The whole browser, /usr/bin/chromium, still runs every journey of the
# engine tier (tests/engines), the restart test that keeps a profile on disk, and `make look`.
CHROMIUM_HEADLESS = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Ports for servers that only take a number (mkdocs serve, zensical serve), which cannot be handed
# a socket already bound. They come from below the kernel's ephemeral range, from which every other
# server of the suite gets its port (it binds port 0), and from a block of their own for each
# pytest-xdist worker: no other server of the suite can hold one, so none is picked, freed and lost.
_AUTHORING_PORTS = 200


def _ephemeral_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


def _authoring_ports():
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    first = _ephemeral_start() - _AUTHORING_PORTS * (worker + 1)
    while True:
        yield from range(first, first + _AUTHORING_PORTS)


_next_authoring_port = _authoring_ports()


def free_port() -> int:
    """A port of this worker's own block that nothing listens on now (see above)."""
    for _ in range(_AUTHORING_PORTS):
        port = next(_next_authoring_port)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue  # held by something outside the suite: the next one
            return port
    raise RuntimeError(f"every port of this worker's block below {_ephemeral_start()} is in use")


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


def zensical_build(config: Path, *, site_url: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``zensical build`` command, as an author would. Zensical has no option
    for the output folder: it builds into the configuration's site_dir, inside the project."""
    environment = {**os.environ, "NO_COLOR": "1", "SITE_URL": site_url, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=config.parent,
        timeout=300,
    )


def build(generator: str, config: Path, *, site_url: str = "", env: dict | None = None):
    """Build with either generator into the project's site/ folder: (the process, the site folder)."""
    out = config.parent / "site"
    if generator == "mkdocs":
        return mkdocs_build(config, out, site_url=site_url, env=env), out
    return zensical_build(config, site_url=site_url, env=env), out


@contextlib.contextmanager
def authoring_server(generator: str, config: Path, port: int, env: dict | None = None):
    """``mkdocs serve`` or ``zensical serve`` on 127.0.0.1:port, as an author runs it, until
    it answers; stopped (this process, by its id) afterwards."""
    command = [sys.executable, "-m", generator, "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", **(env or {})}
    server = subprocess.Popen(
        command, cwd=config.parent, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{generator} serve did not answer on port {port}") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def copy_repository(folder: Path) -> Path:
    """This repository's site sources, copied: Zensical builds only inside the project's folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / name)
    return folder


def install_from_wheel(folder: Path, wheels: Path) -> Path:
    """pip install of this repository's built wheel into ``folder``, as a programme installs the
    package (no checkout); its site-packages, to put on PYTHONPATH. The wheel is built once into
    ``wheels`` for all the suite's workers: two builds at once would share the checkout's build
    folders."""
    wheels.mkdir(parents=True, exist_ok=True)
    with open(wheels / "building", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not list(wheels.glob("mentorkit-*.whl")):
            # setuptools copies into build/ and keeps what an earlier build left there: a file since
            # moved or deleted would still ship. The wheel is built from the checkout as it is.
            shutil.rmtree(ROOT / "build", ignore_errors=True)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "wheel",
                    str(ROOT),
                    "--no-deps",
                    "--no-build-isolation",
                    "-q",
                    "-w",
                    str(wheels),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
    (wheel,) = wheels.glob("mentorkit-*.whl")
    target = folder / "site-packages"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            str(wheel),
            "--no-deps",
            "--no-compile",
            "-q",
            "--target",
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


@pytest.fixture(scope="session")
def installed_package(tmp_path_factory) -> Path:
    """The package alone, from its wheel, in a folder of its own (no checkout of this repository),
    for every test of this worker that uses it."""
    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker's folder is inside the run's
        run = run.parent
    return install_from_wheel(tmp_path_factory.mktemp("installed"), run / "wheels")


def seal(site: Path) -> None:
    """``mentorkit policy``, as the README's build commands end."""
    policy = subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", "policy", str(site)], capture_output=True, text=True, cwd=ROOT
    )
    assert policy.returncode == 0, policy.stderr


def build_repository(generator: str, folder: Path, base: str) -> Path:
    """This repository's site, English at the root and French under fr/, as published:
    built by ``generator`` with site_url set to the address it is served from (so that
    Material's instant navigation is really exercised), then sealed."""
    out = site_folder(generator, folder)
    if generator == "mkdocs":
        result = mkdocs_build(ROOT / "mkdocs.yml", out, site_url=base)
        assert result.returncode == 0, result.stderr
        result = mkdocs_build(ROOT / "mkdocs.fr.yml", out / "fr", env={"SITE_URL_FR": base + "fr/"})
        assert result.returncode == 0, result.stderr
    else:
        project = copy_repository(folder / "project")
        result = zensical_build(project / "mkdocs.yml", site_url=base)
        assert result.returncode == 0, result.stdout + result.stderr
        result = zensical_build(project / "mkdocs.fr.yml", env={"SITE_URL_FR": base + "fr/"})
        assert result.returncode == 0, result.stdout + result.stderr
    seal(out)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        # A site rebuilt within the same second keeps its Last-Modified (whole seconds), so a
        # reload would get "304 Not Modified" and show the old page. Always send the file,
        # as a host with content-based ETags would.
        del self.headers["If-Modified-Since"]
        watch = getattr(self.server, "watch", None)
        if watch is None:
            return super().send_head()
        if watch.answer(self):
            return None
        page = watch.page(self)
        if page is None:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        return io.BytesIO(page)

    def do_POST(self):
        watch = getattr(self.server, "watch", None)
        if watch is None or not watch.answer(self):
            self.send_error(405)

    def send_response(self, code, message=None):
        watch = getattr(self.server, "watch", None)
        if watch is not None and code >= 400:
            watch.note(f"HTTP {code}", self.path)
        super().send_response(code, message)


def serve(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A static server of ``directory`` on 127.0.0.1 (port 0: one the system gives it, held from now
    on; the folder may be built after, for the address the server has)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.watch = None  # tests/engines/watch.py's, while the engine tier runs
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def listening(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A server of ``directory`` on a port it already holds, and its address: a site is built for
    that address afterwards. (A port picked free, let go and bound later may be taken meanwhile by
    another worker of the suite.)"""
    server = serve(directory, 0)
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def site_folder(generator: str, folder: Path) -> Path:
    """Where build_repository writes the site of ``generator`` in ``folder``."""
    return folder / "site" if generator == "mkdocs" else folder / "project" / "site"


def _served(generator: str, tmp_path_factory):
    folder = tmp_path_factory.mktemp(generator)
    server, base = listening(site_folder(generator, folder))
    out = build_repository(generator, folder, base)
    yield {"dir": out, "url": base, "generator": generator, "server": server}
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """This repository's site built by mkdocs, served: the browser tests' site."""
    yield from _served("mkdocs", tmp_path_factory)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The same site built by Zensical from the same configuration, served."""
    yield from _served("zensical", tmp_path_factory)


@pytest.fixture(params=GENERATORS)
def generator(request) -> str:
    """Each generator in turn, for tests that build a project of their own."""
    return request.param


@pytest.fixture(scope="session", params=GENERATORS)
def each_site(request):
    """The site as each generator builds it: for the tests that read the built HTML."""
    return request.getfixturevalue("built_site" if request.param == "mkdocs" else "zensical_site")
