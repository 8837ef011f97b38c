"""Options of the mkdocs plugin, validated by mkdocs itself.

The questionnaires' own options (their folder, which of them, their language) belong
to the Markdown extension, the one place both generators read: the plugin takes them
from there rather than repeat them.
"""

from mkdocs.config import base
from mkdocs.config import config_options as c


class MentorkitConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Off: the plugin does nothing, and the site is built as Zensical builds it."""
