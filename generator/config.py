"""Options of the mkdocs plugin, validated by mkdocs itself."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class MentorkitConfig(base.Config):
    questionnaires_dir = c.Type(str, default="questionnaires")
    """Folder of questionnaire YAML files, relative to mkdocs.yml."""
    pages_dir = c.Type(str, default="assessments")
    """Where the generated questionnaire pages appear in the site."""
    only = c.ListOfItems(c.Type(str), default=[])
    """Build only these questionnaires (file names without .yml); empty: all of them.
    A site in another language may offer only the questionnaires translated for it."""
