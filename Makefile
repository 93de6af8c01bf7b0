# Two commands matter: `make demo` and `make test` (see README.md). Both set everything up first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo demo-reset test install messages lint types contracts pytest serve serve-prod clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Lodestar needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(BIN)/lodestar compile-catalogues

demo: install messages
	mkdir -p var
	$(BIN)/lodestar migrate --no-input
	$(BIN)/lodestar createcachetable
	$(BIN)/lodestar demo-data
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C stops the server and the task worker)"
	@# DEBUG off: the demo shows the product's own error pages (make serve keeps Django's debug pages).
	@trap 'kill 0' EXIT; $(BIN)/lodestar worker & DEBUG=0 $(BIN)/lodestar runserver 127.0.0.1:8000

# The same, after deleting the demo's objects (and nothing else) so that it loads again from scratch.
demo-reset: install messages
	mkdir -p var
	$(BIN)/lodestar migrate --no-input
	$(BIN)/lodestar createcachetable
	$(BIN)/lodestar demo-data --reset
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C stops the server and the task worker)"
	@trap 'kill 0' EXIT; $(BIN)/lodestar worker & DEBUG=0 $(BIN)/lodestar runserver 127.0.0.1:8000

serve: install messages
	@trap 'kill 0' EXIT; $(BIN)/lodestar worker & $(BIN)/lodestar runserver 127.0.0.1:8000

# The production server: gunicorn (gunicorn.conf.py: one single-threaded process per core, each with a
# bounded PostgreSQL pool) serving the collected static files, and one task worker. Set LODESTAR_MODE=production,
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL for a real deployment (README, "Deploying").
serve-prod: install messages
	mkdir -p var
	DEBUG=$${DEBUG:-0} $(BIN)/lodestar collectstatic --no-input -v 0
	DEBUG=$${DEBUG:-0} $(BIN)/lodestar migrate --no-input
	DEBUG=$${DEBUG:-0} $(BIN)/lodestar createcachetable
	@trap 'kill 0' EXIT; DEBUG=$${DEBUG:-0} $(BIN)/lodestar worker & DEBUG=$${DEBUG:-0} $(BIN)/gunicorn -c gunicorn.conf.py lodestar.wsgi:application

lint: install
	$(BIN)/ruff check lodestar tests bench
	$(BIN)/ruff format --check lodestar tests bench

types: install
	$(BIN)/mypy lodestar bench

# The import-linter contracts of pyproject.toml: the engine stays pure, core names no app, apps form
# layers with no cycle between them. No cache: it goes by the files' times of change, which two
# edits within one second can fool, and the whole graph takes under a second to build.
contracts: install
	$(BIN)/lint-imports --no-logo --no-cache

pytest: install messages
	$(BIN)/pytest

test: lint types contracts pytest

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache

# Refresh the French catalogue after adding strings (needs GNU gettext); then translate the new entries.
catalogue: install
	cd lodestar && ../$(BIN)/lodestar makemessages -l fr --no-location --ignore "demo/*" --ignore "engine/*"
