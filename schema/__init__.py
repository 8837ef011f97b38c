"""The JSON Schemas of the file formats (written by `mentorkit schema --folder schema`),
shipped inside the package as ``mentorkit.schemas``: the plugin publishes these files
with every site as they are, and a test keeps them equal to the models."""
