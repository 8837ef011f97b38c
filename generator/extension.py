"""The Markdown extension under the module name programmes have written in their configuration
(`markdown_extensions: [mentorkit.extension]`) since before the wings; it lives in site/."""

from .site.extension import QuestionnaireExtension, makeExtension

__all__ = ["QuestionnaireExtension", "makeExtension"]
