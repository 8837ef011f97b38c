"""Synthetic questionnaires of a chosen size, for the build and browser benchmarks."""

from __future__ import annotations

from pathlib import Path

import yaml
from mentorkit.commands.scaffold import page_text


def questionnaire(qid: str, statements: int, groups: int = 10) -> dict:
    per_group = max(1, statements // groups)
    return {
        "id": qid,
        "title": f"Synthetic {qid}",
        "scale": [{"value": v, "label": label} for v, label in enumerate(["Not yet", "Sometimes", "Mostly", "Always"])],
        "scoring": {
            "method": "bands",
            "focus_below": "high",
            "bands": [
                {"id": "low", "name": "Low", "from": 0},
                {"id": "mid", "name": "Middle", "from": 1.5},
                {"id": "high", "name": "High", "from": 2.25},
            ],
        },
        "groups": [
            {
                "id": f"g{g}",
                "title": f"Group {g}",
                "next_step": "Practise this.",
                "items": [
                    {"id": f"g{g}-s{i}", "text": f"I do the thing numbered {g}.{i} with care and attention."}
                    for i in range(per_group)
                ],
            }
            for g in range(groups)
        ],
    }


def make_site(folder: Path, total_statements: int, questionnaires: int = 10) -> Path:
    """A site of ``questionnaires`` pages sharing ``total_statements``: the page count stays
    fixed while statements grow, so Material's per-page navigation does not blur the scaling.
    Each questionnaire has its page, as `mentorkit new` writes it."""
    (folder / "content" / "assessments").mkdir(parents=True)
    (folder / "content" / "index.md").write_text("# Synthetic\n", encoding="utf-8")
    (folder / "questionnaires").mkdir()
    for n in range(questionnaires):
        data = questionnaire(f"q{n}", total_statements // questionnaires)
        (folder / "questionnaires" / f"q{n}.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        page = folder / "content" / "assessments" / f"q{n}.md"
        page.write_text(page_text(data["id"], data["title"]), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Synthetic\ndocs_dir: content\n"
        "theme:\n  name: mentorkit\n  font: false\n"
        "plugins:\n  - mentorkit\n"
        "markdown_extensions:\n  - toc\n  - mentorkit\n",
        encoding="utf-8",
    )
    return config
