"""Releases: the version is in pyproject.toml, a release is the commit that sets it with its
CHANGELOG entry, scripts/release-tag tags that commit once, pip installs each tag as pinned, and a
clone with no tags at all installs the version its files declare and names the commit (issue 24,
point 1). Each test releases in a temporary clone of this repository, never this one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

VERSION = re.compile(r'^version = "([^"]+)"$', re.M)


def declared_version() -> str:
    found = VERSION.search((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert found, "pyproject.toml declares no version"
    return found.group(1)


def git(*argv: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=owner@example.org", "-c", "user.name=Owner", *argv],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


@pytest.fixture
def toolkit(tmp_path) -> Path:
    """A clone of this repository's last commit, as the toolkit's repository would be (one per
    test: each makes releases of its own)."""
    clone = tmp_path / "toolkit"
    git("clone", "-q", "--no-local", str(ROOT), str(clone), cwd=ROOT)
    for tag in git("tag", cwd=clone).split():  # the tests make their own releases
        git("tag", "-d", tag, cwd=clone)
    served(clone)
    return clone


def served(clone: Path) -> None:
    """pip clones with --filter=blob:none, as from GitHub; a local repository must allow it, or
    git fetches each blob on its own, endlessly."""
    git("config", "uploadpack.allowFilter", "true", cwd=clone)


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> Path:
    """An owner's virtual environment, holding only what builds the package (offline, no isolation)."""
    folder = tmp_path_factory.mktemp("environment") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True, timeout=300)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--upgrade", "pip", "setuptools>=77"],  # pip first, as documented
        check=True,
        capture_output=True,
        timeout=600,
    )
    return python


def pip_install(python: Path, *argv: str) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-compile", "--no-deps", "--no-build-isolation", *argv],
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


def release(toolkit: Path, version: str, *, entry: bool = True) -> None:
    """Commit a release as the CHANGELOG says one is made: the version and its entry together."""
    project = toolkit / "pyproject.toml"
    project.write_text(VERSION.sub(f'version = "{version}"', project.read_text(encoding="utf-8")), encoding="utf-8")
    if entry:
        log = toolkit / "CHANGELOG.md"
        text = log.read_text(encoding="utf-8")
        log.write_text(text.replace("## [Unreleased]\n", f"## [Unreleased]\n\n## [{version}] - 2027-01-15\n", 1))
    git("commit", "-q", "-am", f"Release {version}", cwd=toolkit)


def release_tag(toolkit: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(toolkit / "scripts" / "release-tag")], cwd=toolkit, capture_output=True, text=True
    )


def test_a_release_commit_is_tagged_once_and_pip_installs_each_tag_as_pinned(toolkit, environment):
    first, declared = release_tag(toolkit).stdout, declared_version()
    if ".dev" in declared:  # between releases: nothing to tag
        assert "in development" in first and not git("tag", cwd=toolkit)
    else:  # a copy of a release commit, without its tag: tagged now, as it lands
        assert first.startswith(f"tagged v{declared} at ")
    release(toolkit, "0.9.0")
    assert release_tag(toolkit).stdout.startswith("tagged v0.9.0 at ")
    released = git("rev-parse", "HEAD", cwd=toolkit).strip()
    (toolkit / "NEWS").write_text("a change after 0.9.0\n", encoding="utf-8")
    git("add", "NEWS", cwd=toolkit)
    git("commit", "-q", "-m", "A change", cwd=toolkit)
    assert "v0.9.0 exists already" in release_tag(toolkit).stdout  # a later push tags nothing
    assert git("rev-list", "-n", "1", "v0.9.0", cwd=toolkit).strip() == released
    assert "## [0.9.0] - 2027-01-15" in git("tag", "-l", "--format=%(contents)", "v0.9.0", cwd=toolkit)
    release(toolkit, "0.9.1")
    assert release_tag(toolkit).returncode == 0

    url = f"mentorkit @ git+{toolkit.as_uri()}"
    pip_install(environment, f"{url}@v0.9.0")  # pinned, as the owners' pages and the CI examples pin it
    assert installed_version(environment) == "0.9.0"
    pip_install(environment, f"{url}@v0.9.1")
    assert installed_version(environment) == "0.9.1"


def test_a_version_without_its_changelog_entry_is_not_tagged(toolkit):
    release(toolkit, "0.9.5", entry=False)
    result = release_tag(toolkit)
    assert result.returncode == 1
    assert "CHANGELOG.md: no entry '## [0.9.5] - YYYY-MM-DD'" in result.stderr and "Traceback" not in result.stderr
    assert "v0.9.5" not in git("tag", cwd=toolkit)


def test_a_clone_with_no_tags_installs_the_version_its_files_declare_and_says_the_commit(tmp_path):
    clone = tmp_path / "published"  # as a host that publishes only the branch serves it
    git("clone", "-q", "--no-local", "--no-tags", str(ROOT), str(clone), cwd=ROOT)
    served(clone)
    commit = git("rev-parse", "HEAD", cwd=clone).strip()
    target = tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-compile", "--no-deps", "--no-build-isolation", "-t", str(target),
         f"mentorkit @ git+{clone.as_uri()}"],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    shown = subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", "--version"],
        env={**os.environ, "PYTHONPATH": str(target)},
        cwd=tmp_path,  # not this checkout, whose own metadata Python would find first
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    declared = declared_version()
    assert shown.startswith(f"mentorkit {declared} (installed from commit {commit[:12]}")
    assert ("not a release" in shown) == (".dev" in declared)


def test_the_declared_version_is_a_release_with_its_entry_or_the_next_in_development():
    declared = declared_version()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if ".dev" in declared:
        assert "## [Unreleased]" in changelog
        released = declared.split(".dev")[0]
        assert f"## [{released}]" not in changelog, "a released version cannot be in development again"
    else:
        assert re.search(rf"^## \[{re.escape(declared)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    # Install lines pin a tag that exists: in development, the latest release, not the next one.
    pinned = re.search(r"^## \[(\d+\.\d+\.\d+)\] - ", changelog, re.M).group(1)
    for name in ["README.md", "content/programme/your-own-repository.md", "content/programme/editing-this-site.md",
                 "examples/ci/github-pages.yml", "examples/ci/gitlab-ci.yml", ".pre-commit-hooks.yaml"]:  # fmt: skip
        pins = set(re.findall(r"@?v(\d+\.\d+\.\d+)\b", (ROOT / name).read_text(encoding="utf-8")))
        assert pins == {pinned}, f"{name} pins {sorted(pins)}, not v{pinned}"
