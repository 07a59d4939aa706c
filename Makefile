# Two commands: `make run` executes every notebook (outputs and Images/ regenerated),
# `make test` runs the unit tests and every notebook under strict nbval.
# Both create .venv from requirements.txt first when it is missing or out of date.

VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.requirements-installed

.PHONY: setup run test lint bench

setup: $(READY)

$(READY): requirements.txt pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $(READY)

run: setup
	$(PYTHON) tools/run_notebooks.py

test: setup
	$(PYTHON) -m pytest

lint: setup
	$(PYTHON) -m ruff check .

bench: setup
	$(PYTHON) benchmarks/bench_training.py
	$(PYTHON) benchmarks/bench_gradcheck.py --skip-big
