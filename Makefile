# GreenLedger: `make run` opens the app on the demo workspace, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test lint bench bench-curve demo template clean chart-screenshots translations dist

# setuptools warns on every editable install that a folder named like the package may shadow it;
# ours maps greenledger to the repo root on purpose (package-dir), so that one warning is silenced.
PIP := PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip --quiet --disable-pip-version-check --no-input

$(STAMP): pyproject.toml
	@echo "make: virtual environment $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@echo "make: installing GreenLedger and its dependencies"
	@$(PIP) install --upgrade pip
	@$(PIP) install -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	@echo "make: installing the test tools"
	@$(PIP) install -e '.[test]'
	@touch $@

$(DIST_STAMP): $(STAMP)
	@echo "make: installing PyInstaller"
	@$(PIP) install -e '.[dist]'
	@touch $@

run: $(STAMP)
	@echo "make: opening GreenLedger on the demo workspace"
	@$(VENV)/bin/greenledger --open-demo

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .
	$(PY) tools/lint_imports.py

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(PY) tools/lint_imports.py

# the sources compiled first, as an installed app has them (PYTHONDONTWRITEBYTECODE would make
# every timed process compile each module it imports again)
COMPILE = env -u PYTHONDONTWRITEBYTECODE $(PY) -m compileall -q core gui benchmarks

bench: $(TEST_STAMP)
	$(COMPILE)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/dashboard.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/big.py
	@if command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) benchmarks/window_startup.py; \
	else QT_QPA_PLATFORM=offscreen $(PY) benchmarks/window_startup.py; fi

# issue 15's figures at 50k, 200k and 876k rows (BENCH_BIG=1 adds 2M and 5M; BENCH_SIZES=a,b,...)
bench-curve: $(TEST_STAMP)
	$(COMPILE)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/curve.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

screenshots: $(TEST_STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) tools/screenshots.py

chart-screenshots: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/export_charts.py

# Translations: lupdate collects every tr()/translate() string of core/ and gui/ into the .ts
# (keeping what is translated); lrelease compiles the .qm that the app loads (both committed).
TS := resources/translations/greenledger_zh_CN.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find core gui -name '*.py' | sort) -ts $(TS) -no-obsolete
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

# The Linux app: PyInstaller bundle dist/GreenLedger (installer/greenledger.spec), then
# dist/GreenLedger-<version>-linux-<arch>.tar.gz and a .deb; prints their sizes (installer/README.md).
dist: $(DIST_STAMP)
	$(PY) installer/dist.py
