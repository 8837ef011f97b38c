"""The format wing: a questionnaire file read (files, loader), checked (validate, wording, checks)
into the model, its translations and references, and the JSON Schemas of the format. Imports
nothing of the other wings."""
