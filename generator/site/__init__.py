"""The site wing: the Markdown extension and the MkDocs plugin, the library of a site's
questionnaires, the blocks, links and pages they render, the runtime's spec, the build and its
security policy, and the checks of a questionnaire against its site. Imports scoring and format."""
