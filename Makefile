# litopys — two commands on a fresh machine:
#   make run    set everything up and extract the chronicle of samples/sample.txt
#   make test   set everything up and run the test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: setup run test lint bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# compat: the checkout goes on sys.path, so `import litopys` from the checkout's parent
	# folder finds the package, not the checkout folder as an empty namespace package
	$(PY) -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

$(NODE_STAMP): package.json
	npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: sudo apt-get install chromium (browser tests will be skipped)"; fi; }

setup: $(STAMP) $(NODE_STAMP)

run: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/litopys extract samples/sample.txt --db litopys.db

test: setup browser
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check litopys tests scripts

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules litopys.db litopys.db-wal litopys.db-shm
