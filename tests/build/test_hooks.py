"""The pre-commit hook a programme's repository uses checks everything `mentorkit validate`
checks, translations and the programme's own sentences included, run the way pre-commit runs
it: a programme's .pre-commit-config.yaml names this repository at a commit, and `pre-commit run`
installs it as a hook in its own environment, once (issue 16, point 4)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.build.conftest import SMALL
from tests.conftest import ROOT

TRANSLATION = """\
title: Petit contrôle
scale: {0: Jamais, 1: Parfois, 2: Toujours}
levels:
  basic: {name: Base}
  advanced: {name: Avancé}
groups:
  listening: {titel: Écouter}
  asking: {title: Demander}
items:
  listen-b1: {text: Je laisse l'autre finir.}
  listen-a1: {text: Je remarque ce qui n'est pas dit.}
  ask-b1: {text: Je pose des questions ouvertes.}
  ask-a1: {text: Je pose la question qui change la conversation.}
"""


def git(*argv: str, cwd: Path) -> str:
    done = subprocess.run(["git", *argv], cwd=cwd, check=True, capture_output=True, timeout=60, text=True)
    return done.stdout.strip()


def this_repository_committed(folder: Path) -> tuple[Path, str]:
    """A clone of this repository with the changes to its files not committed yet committed on top
    (as try-repo does), and that commit: the repository and rev a programme's configuration names."""
    clone = folder / "toolkit"
    git("clone", "-q", str(ROOT), str(clone), cwd=folder)
    changes = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, capture_output=True, check=True).stdout
    if changes:
        subprocess.run(["git", "apply", "--index"], input=changes, cwd=clone, check=True, capture_output=True)
        git("-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "uncommitted", cwd=clone)
    return clone, git("rev-parse", "HEAD", cwd=clone)


def commit_check(repository: Path, cache: Path) -> subprocess.CompletedProcess:
    """`pre-commit run` on the staged files, as at a commit; the hook's environment is installed
    in `cache` on the first run and used again after."""
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"
    return subprocess.run(
        [pre_commit, "run"],
        cwd=repository,
        capture_output=True,
        text=True,
        # No byte-code compiled at install: a third of the install's time, and nothing the hook's
        # behaviour depends on.
        env={**os.environ, "PRE_COMMIT_HOME": str(cache), "PIP_NO_COMPILE": "1"},
        timeout=900,
    )


def test_the_hook_stops_a_broken_translation_or_messages_file_being_committed(tmp_path):
    toolkit, rev = this_repository_committed(tmp_path)
    repository = tmp_path / "programme"
    (repository / "questionnaires" / "fr").mkdir(parents=True)
    (repository / "messages").mkdir()
    (repository / "questionnaires" / "small.yml").write_text(SMALL, encoding="utf-8")
    (repository / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {toolkit}\n    rev: {rev}\n    hooks:\n      - id: mentorkit-validate\n", encoding="utf-8"
    )
    git("init", "-q", cwd=repository)
    (repository / "questionnaires" / "fr" / "small.yml").write_text(TRANSLATION, encoding="utf-8")
    (repository / "messages" / "fr.yml").write_text('imprimer: "Imprimer"\n', encoding="utf-8")
    (repository / "notes.yml").write_text("not: [a questionnaire\n", encoding="utf-8")  # not the hook's
    git("add", "-A", cwd=repository)
    result = commit_check(repository, tmp_path / "cache")
    shown = result.stdout + result.stderr
    assert result.returncode == 1, shown
    assert "mentorkit validate" in shown and "Failed" in shown
    assert (
        "questionnaires/fr/small.yml:7:15: groups.listening.titel: unknown field 'titel'; did you mean 'title'?"
        in shown
    )
    assert "messages/fr.yml:1:1: imprimer: unknown key 'imprimer'" in shown
    assert "notes.yml" not in shown

    (repository / "questionnaires" / "fr" / "small.yml").write_text(
        TRANSLATION.replace("titel", "title"), encoding="utf-8"
    )
    (repository / "messages" / "fr.yml").write_text('print: "Imprimer"\n', encoding="utf-8")
    git("add", "-A", cwd=repository)
    result = commit_check(repository, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installing environment" not in result.stdout + result.stderr  # once per commit named
    assert "ok  1 translation(s)" not in result.stdout  # pre-commit shows a passing hook's output only with -v
