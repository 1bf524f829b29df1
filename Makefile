# paramscope: `make demo` and `make test` work on a fresh machine with Python 3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test bench bench-scale fuzz clean web serve

# The page (web/) needs npm to fetch Pyodide; without npm, `make test` skips its browser tests
# (with the reason shown) instead of building it.
NPM        := $(shell command -v npm 2>/dev/null)
PORT       ?= 8000
WEB_INPUTS := web/build.py web/package.json web/package-lock.json web/examples.json \
              pyproject.toml README.md $(wildcard web/src/* web/examples/*.py examples/*.py) \
              $(shell find src/paramscope -name '*.py' -not -path '*/__pycache__/*')
ifneq ($(NPM),)
TEST_WEB   := web/dist/build.json
endif

$(VENV)/.installed-base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

## demo: set up and summarise the embedded example (the seed tutorial's CNN), with its arithmetic
demo: $(VENV)/.installed-base
	$(BIN)/paramscope demo

## test: set up and run the whole test suite (golden fixtures from real Keras, no Keras needed);
## builds the page first (make web) for its browser tests when npm is there
test: $(VENV)/.installed-test $(TEST_WEB)
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider --doctest-modules --ignore=src/paramscope/examples src/paramscope tests

## bench: speed and memory ratios (see bench/README.md); uses real Keras when BENCH_KERAS_PYTHON is set
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

## bench-scale: time and memory per layer at 10,000 vs 100,000 layers, per MB of a long name
bench-scale: $(VENV)/.installed-test
	$(BIN)/python bench/scale.py

## fuzz: the long fuzzing run (FUZZ_CASES cases, default 100000, in FUZZ_WORKERS processes;
## FUZZ_MINUTES > 0 stops it after that many minutes); cases with a problem are saved in
## FUZZ_OUT (default fuzz-findings/)
FUZZ_CASES ?= 100000
FUZZ_MINUTES ?= 0
FUZZ_WORKERS ?= 2
FUZZ_OUT ?= fuzz-findings
fuzz: $(VENV)/.installed-test
	$(BIN)/python tests/fuzz/run_fuzz.py --cases $(FUZZ_CASES) --workers $(FUZZ_WORKERS) --out $(FUZZ_OUT) \
		--minutes $(FUZZ_MINUTES)

## web: build the page into web/dist/ (static files: Pyodide and CodeMirror from npm, paramscope's wheel)
web: web/dist/build.json

web/dist/build.json: $(WEB_INPUTS)
	$(PYTHON) web/build.py

## serve: build the page and serve web/dist on http://localhost:$(PORT)/ (Python's http.server)
serve: web
	@echo "paramscope's page: http://localhost:$(PORT)/  (Ctrl+C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory web/dist

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache fuzz-findings web/dist web/dist.partial tests/artifacts
