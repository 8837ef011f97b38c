"""The theme, shipped inside the package as ``mentorkit.theme``: the mkdocs plugin adds
this folder to Material's theme folders, so a programme's site needs no custom_dir."""
