# The two commands of the quickstart: `make run` and `make test`.
PORT ?= 8000
PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.9.5
VENV := .venv
UV := $(shell command -v uv || echo .tools/bin/uv)

.PHONY: setup run seed serve test test-fast lint typecheck clean

setup: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	touch $@

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

run: seed
	$(VENV)/bin/homepage serve --host 127.0.0.1 --port $(PORT)

# An existing database is upgraded in place first (API news, tokens and audit kept).
seed: setup
	$(VENV)/bin/homepage db upgrade
	$(VENV)/bin/homepage seed

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: setup
	$(VENV)/bin/mypy

# The whole suite on SQLite, then again on a throwaway PostgreSQL server (scripts/test-postgres)
# when Debian's postgresql package is installed, as .ci/run makes sure it is.
test: lint typecheck
	$(VENV)/bin/pytest
	@url=$$(scripts/test-postgres start); status=$$?; \
	if [ $$status -eq 3 ]; then echo "PostgreSQL is not installed: skipped the PostgreSQL pass."; exit 0; fi; \
	[ $$status -eq 0 ] || exit $$status; \
	echo "The suite again, on PostgreSQL:"; \
	HOMEPAGE_TEST_POSTGRES_URL=$$url $(VENV)/bin/pytest

# The quick loop: unit, store and API tests on SQLite, no server, no browser.
test-fast: setup
	$(VENV)/bin/pytest -m "not e2e" -q

clean:
	rm -rf $(VENV) .tools var .pytest_cache .mypy_cache .ruff_cache
