"""Releases are Git tags: the version comes from the nearest tag, `pip install --upgrade` moves
to a newer one, a pinned tag stays put, and a clone with no tag says it is not a release (issue
16, point 3). Each test tags a temporary clone of this repository, never this one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def git(*argv: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=owner@example.org", "-c", "user.name=Owner", *argv],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


@pytest.fixture(scope="module")
def toolkit(tmp_path_factory) -> Path:
    """A clone of this repository's last commit, as the toolkit's repository would be."""
    clone = tmp_path_factory.mktemp("toolkit") / "toolkit"
    git("clone", "-q", "--no-local", str(ROOT), str(clone), cwd=ROOT)
    for tag in git("tag", cwd=clone).split():  # the tests make their own releases
        git("tag", "-d", tag, cwd=clone)
    return clone


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> Path:
    """An owner's virtual environment, holding only what builds the package (offline, no isolation)."""
    folder = tmp_path_factory.mktemp("environment") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True, timeout=300)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "setuptools>=77", "setuptools-scm>=8"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return python


def pip_install(python: Path, *argv: str) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", *argv],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def installed_version(python: Path) -> str:
    """What pip says is installed (the package's own dependencies are not, so not --version)."""
    shown = subprocess.run(
        [str(python), "-m", "pip", "show", "mentorkit"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return next(line.split(": ", 1)[1] for line in shown.splitlines() if line.startswith("Version: "))


def test_pip_install_upgrade_moves_to_a_newer_tag_and_a_pinned_tag_stays(toolkit, environment):
    url = f"git+{toolkit.as_uri()}"
    git("tag", "v0.2.0", cwd=toolkit)
    pip_install(environment, url)
    assert installed_version(environment) == "0.2.0"

    (toolkit / "NEWS").write_text("a change after 0.2.0\n", encoding="utf-8")
    git("add", "NEWS", cwd=toolkit)
    git("commit", "-q", "-m", "A change", cwd=toolkit)
    git("tag", "v0.3.0", cwd=toolkit)
    pip_install(environment, "--upgrade", url)
    assert installed_version(environment) == "0.3.0"

    pip_install(environment, f"{url}@v0.2.0")  # pinned, as the owners' pages and the CI examples pin it
    assert installed_version(environment) == "0.2.0"


def test_a_copy_with_no_tag_in_reach_installs_and_says_it_is_not_a_release(tmp_path):
    clone = tmp_path / "shallow"
    git("clone", "-q", "--no-local", "--depth", "1", "--no-tags", str(ROOT), str(clone), cwd=ROOT)
    target = tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-t", str(target), str(clone)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    shown = subprocess.run(
        [sys.executable, "-m", "mentorkit.cli", "--version"],
        env={**os.environ, "PYTHONPATH": str(target)},
        cwd=tmp_path,  # not this checkout, whose own metadata Python would find first
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert shown.startswith("mentorkit 0.")  # a version all the same, below any release
    assert "not a release" in shown and "@v0.2.0" in shown
