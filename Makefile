# Two commands on a fresh machine: `make serve` (or `make build`) and `make test`.
# Everything installs from this repository's own files into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve serve-zensical build build-zensical test lint browser bench look bundle regen clean

$(BIN)/mentorkit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/mentorkit

serve: setup
	$(BIN)/mkdocs serve

serve-zensical: setup
	$(BIN)/zensical serve

# Every language listed in mkdocs.yml's extra.alternate (English at site/, French at
# site/fr/ from mkdocs.fr.yml), then one Content-Security-Policy for all of it
build: setup
	$(BIN)/mentorkit build

# The same site from the same configuration, built by Zensical (strict: set in the
# configuration; each page rendered anew, never taken from .cache/)
build-zensical: setup
	$(BIN)/mentorkit build --generator zensical

browser:
	@scripts/ensure-browsers

# esbuild, to check (and rebuild) the runtime bundle from its sources
node_modules/.bin/esbuild: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

bundle: node_modules/.bin/esbuild
	npm run -s bundle

# After a change to the format, the spec, scoring, a questionnaire or the runtime: everything
# generated from them and committed, from its sources (tests fail while any of the four is stale):
# the JSON Schemas, the runtime's types of the spec and results (types/spec.d.ts, from the
# TypedDicts in generator/site/spec_types.py and generator/scoring/result_types.py), the parity
# vectors and the bundles.
regen: setup node_modules/.bin/esbuild
	$(BIN)/python -m mentorkit.commands.cli schema --folder schema
	$(BIN)/python -m mentorkit.site.spec_dts types/spec.d.ts
	$(BIN)/python -m tests.vectors
	npm run -s bundle

PY_SOURCES := generator tests benchmarks schema theme

# ruff and Biome (biome.json: the runtime's and the browser tests' JavaScript, formatted and linted;
# `node_modules/.bin/biome check --write` formats), then the types: mypy (pyproject.toml), tsc over
# the runtime's modules (tsconfig.json), and tsc --strict over all of them (tsconfig.strict.json)
lint: setup node_modules/.bin/esbuild
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	node_modules/.bin/biome check
	$(BIN)/mypy
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.strict.json

# On every core: each worker builds the sites it tests once and drives a browser of its own.
# Byte-code kept: the suite starts Python about 175 times (builds, commands, hooks), and a
# machine that sets PYTHONDONTWRITEBYTECODE compiles the package afresh in each (0.13 s of 0.37 s).
test: setup browser node_modules/.bin/esbuild lint
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist worksteal

bench: setup browser
	$(BIN)/python benchmarks/run.py --write

# Every view a reader meets, photographed at 360, 390 and 1280 px in both palettes, with a contact
# sheet per page, into a folder outside the work tree (LOOK_DIR, default /tmp/mentorkit-look).
# Look at the sheet of every page you changed before you stop.
look: setup browser
	$(BIN)/python -m tests.look $(if $(LOOK_DIR),--out $(LOOK_DIR))

clean:
	rm -rf site $(VENV) .pytest_cache .cache
