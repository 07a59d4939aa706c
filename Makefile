# Two commands: `make run` executes every notebook (outputs, Images/ and the README's tables regenerated),
# `make test` runs the unit tests and every notebook under strict nbval.
# Both create .venv from requirements.txt first when it is missing or out of date.
#
# PYTHON is the interpreter that creates .venv (3.10 to 3.14): `make test PYTHON=python3.10`.
# .venv is rebuilt when PYTHON is a different version from the one that built it.

PYTHON  ?= python3
VENV    := .venv
VPYTHON := $(VENV)/bin/python
VERSION := $(shell $(PYTHON) -c "import sys; print('%d.%d' % sys.version_info[:2])" 2>/dev/null)
READY   := $(VENV)/.requirements-installed-$(VERSION)

.PHONY: setup run test lint bench check-python

setup: check-python $(READY)

check-python:
	@test -n "$(VERSION)" || { echo "PYTHON=$(PYTHON) is not a Python interpreter"; exit 1; }
	@$(PYTHON) -c "import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 14))" || \
		{ echo "PYTHON=$(PYTHON) is Python $(VERSION); this project supports 3.10 to 3.14"; exit 1; }

$(READY): requirements.txt pyproject.toml
	@if [ -x $(VPYTHON) ] && ! [ -e $(READY) ] && ls $(VENV)/.requirements-installed-* >/dev/null 2>&1; then \
		echo "$(VENV) was built with another Python: rebuilding it with $(PYTHON) ($(VERSION))"; rm -rf $(VENV); fi
	test -x $(VPYTHON) || $(PYTHON) -m venv $(VENV)
	$(VPYTHON) -m pip install --quiet --upgrade pip
	$(VPYTHON) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.requirements-installed-*
	touch $(READY)

run: setup
	$(VPYTHON) tools/run_notebooks.py
	$(VPYTHON) tools/readme_tables.py

test: setup
	$(VPYTHON) -m pytest

lint: setup
	$(VPYTHON) -m ruff check .
	$(VPYTHON) -m check_jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

bench: setup
	$(VPYTHON) benchmarks/bench_training.py
	$(VPYTHON) benchmarks/bench_gradcheck.py --skip-big
	$(VPYTHON) benchmarks/bench_studies.py
