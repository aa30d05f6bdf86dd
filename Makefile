# The two commands a fresh machine needs: `make demo` and `make test`.
# Both create .venv and install tamis into it first (only the package registries are needed).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= $(abspath ../shared)
TAMIS_HOME ?= $(abspath .tamis-demo)
export TAMIS_HOME

.PHONY: demo test install lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/tamis demo --data $(SHARED)/data --examples $(SHARED)/examples

test: $(VENV)/.installed
	scripts/ensure-chromium
	TAMIS_SHARED=$(SHARED) scripts/with-postgres $(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check tamis tests bench

bench: $(VENV)/.installed
	$(PY) bench/load_sources.py --data $(SHARED)/data

clean:
	rm -rf $(VENV) .tamis-demo .pytest_cache
