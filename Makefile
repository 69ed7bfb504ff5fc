# GreenLedger: `make run` opens the app on the demo workspace, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench demo template clean chart-screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(VENV)/bin/greenledger --open-demo

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/dashboard.py
	@if command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) benchmarks/window_startup.py; \
	else QT_QPA_PLATFORM=offscreen $(PY) benchmarks/window_startup.py; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

screenshots: $(TEST_STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) tools/screenshots.py

chart-screenshots: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/export_charts.py
