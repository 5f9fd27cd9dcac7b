# Adviesvolger: `make run` serves the demo site, `make test` runs the whole test suite.

# Python 3.11 is what the project supports (pyproject: requires-python).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall only when the dependency list changes, so a second `make` starts at once.
INSTALLED := $(VENV)/.installed

MANAGE := $(BIN)/python manage.py
HOST_PORT ?= 127.0.0.1:8000
# Links to the admin in the demo's mails point where it is served (unless set otherwise).
DEMO_ENV := WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST_PORT)}"

.PHONY: install run test bench clean

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml scripts/requirements.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python scripts/requirements.py test > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet -r $(VENV)/requirements.txt
	touch $@

# The demo's default site gets the address it is served on, so its links work there; the site's
# own Dutch error pages show (DEBUG off; DJANGO_DEBUG=1 for Django's debug pages).
run: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(DEMO_ENV) $(MANAGE) load_demo --address $(HOST_PORT)
	$(DEMO_ENV) $(MANAGE) runserver $(HOST_PORT)

# PYTEST_ARGS passes options through, e.g. `make test PYTEST_ARGS="-k meeting -x"`.
test: $(INSTALLED)
	PYTHON=$(BIN)/python scripts/run-tests $(PYTEST_ARGS)

# Every benchmarks/bench_*.py, one after the other; stops at the first that fails.
bench: $(INSTALLED)
	@set -e; for script in benchmarks/bench_*.py; do \
		echo "== $$script"; $(BIN)/python $$script; echo; \
	done

clean:
	rm -rf $(VENV) .pytest_cache
