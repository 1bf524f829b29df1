# paramscope: `make demo` and `make test` work on a fresh machine with Python 3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test bench bench-scale fuzz clean web serve golden

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
	$(BIN)/python -m pytest -rs -p no:cacheprovider --doctest-modules --ignore=src/paramscope/examples src/paramscope tests

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

## golden: regenerate every golden fixture and generated index with real Keras (slow: about an
## hour on 2 cores).  Needs the generators' environments, built from tools/requirements-keras3.txt
## (KERAS3_PYTHON: Keras 3.15.1 + JAX) and tools/requirements-tfkeras.txt (TFKERAS_PYTHON:
## tf-keras 2.21 + TensorFlow 2.21, also Keras 3 on TensorFlow); the tests never need them.
## tools/README.md lists which fixtures each command writes.
KERAS3_PYTHON  ?= /work/venvs/k3/bin/python
TFKERAS_PYTHON ?= /work/venvs/k2/bin/python
# TensorFlow's site-packages, appended after Keras 3's own for the Keras 3 (JAX) cases whose
# layers need TensorFlow (lookup, hashing, text preprocessing)
TFKERAS_SITE   ?= $(shell $(TFKERAS_PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' 2>/dev/null)
GOLDEN_TMP     ?= /tmp/paramscope-golden
K3    = KERAS_BACKEND=jax $(KERAS3_PYTHON)
K3_TF = PYTHONPATH=$(GOLDEN_TMP)/tfpath KERAS_BACKEND=jax $(KERAS3_PYTHON)
K3_ON_TF = KERAS_BACKEND=tensorflow TF_CPP_MIN_LOG_LEVEL=3 $(TFKERAS_PYTHON)
TFK   = TF_CPP_MIN_LOG_LEVEL=3 $(TFKERAS_PYTHON)
GOLDEN_KERAS3_CASES  = functional rnn attention extra applications merge_functions ops_models scripts scripts_defects
GOLDEN_TFKERAS_CASES = functional rnn attention preprocessing merge_functions tf_backend tf_ops tfkeras_only
golden:
	@test -x $(KERAS3_PYTHON) || { echo "KERAS3_PYTHON=$(KERAS3_PYTHON): no such Python (pip install -r tools/requirements-keras3.txt)"; exit 2; }
	@test -x $(TFKERAS_PYTHON) || { echo "TFKERAS_PYTHON=$(TFKERAS_PYTHON): no such Python (pip install -r tools/requirements-tfkeras.txt)"; exit 2; }
	mkdir -p $(GOLDEN_TMP)/tfpath
	printf 'import sys\nsys.path.append("%s")\n' $(TFKERAS_SITE) > $(GOLDEN_TMP)/tfpath/sitecustomize.py
	# Keras 3 on JAX: the model cases (tools/golden_cases.py, tools/cases/*.py)
	$(K3) tools/make_golden.py --backend keras3
	for c in $(GOLDEN_KERAS3_CASES); do $(K3) tools/make_golden.py --cases tools/cases/$$c.py || exit 1; done
	$(K3_TF) tools/make_golden.py --cases tools/cases/preprocessing.py
	$(K3) tools/make_golden.py --cases tools/cases/api_surface.py --out tests/golden/keras3_api/api_surface.json.gz
	$(K3) tools/make_golden.py --cases tools/cases/layer_state.py --out tests/golden/keras3_api/layer_state.json.gz
	$(K3) tools/make_golden.py --cases tools/cases/web_examples.py --out tests/golden/web/examples.json.gz
	# Keras 3 on TensorFlow
	$(K3_ON_TF) tools/make_golden.py --keras3-backend tensorflow --cases tools/cases/api_adapt_tf.py --out tests/golden/keras3_api/api_adapt_tf.json.gz
	$(K3_ON_TF) tools/make_golden.py --backend keras3 --keras3-backend tensorflow --cases tools/cases/keras3_legacy_backend.py --out tests/golden/tf_scripts/keras3_legacy_backend.json.gz
	$(K3_ON_TF) tools/make_golden.py --backend keras3 --keras3-backend tensorflow --cases tools/cases/tf_in_call.py --out tests/golden/tf_scripts/keras3_tf_in_call.json.gz
	# tf-keras 2.21
	$(TFK) tools/make_golden.py --backend tfkeras
	for c in $(GOLDEN_TFKERAS_CASES); do $(TFK) tools/make_golden.py --backend tfkeras --cases tools/cases/$$c.py || exit 1; done
	$(TFK) tools/make_golden.py --backend tfkeras --cases tools/cases/tf_ops_call.py --out tests/golden/tf_scripts/tf_ops_call.json.gz
	$(TFK) tools/make_tf_api.py
	$(TFK) tools/make_tf1_names.py
	# the other generators
	$(K3) tools/make_applications.py
	$(TFK) tools/make_applications.py --backend tfkeras
	$(K3) tools/make_files.py --backend keras3
	$(TFK) tools/make_files.py --backend tfkeras
	$(K3) tools/make_reloaded.py
	$(K3) tools/make_costs.py
	$(K3) tools/make_diagrams.py
	$(K3) tools/make_ops.py
	$(K3) tools/make_api_index.py
	$(PYTHON) tools/extract_layer_tests.py
	$(K3) tools/make_layer_tests.py --tensorflow-site $(TFKERAS_SITE)
	# the layer tables and snippets (tools/cases/layer_tables.py, layer_snippets.py): TensorFlow
	# and tf_keras from the tf-keras environment's site-packages
	$(K3) tools/make_layer_tables.py --tensorflow-site $(TFKERAS_SITE)
	CORPUS_K3_PYTHON=$(KERAS3_PYTHON) CORPUS_K2_PYTHON=$(TFKERAS_PYTHON) $(PYTHON) tools/make_corpus.py
	# indexes made from paramscope's own source and the fixtures above (no Keras)
	$(PYTHON) tools/make_ops_index.py
	$(PYTHON) tools/make_layer_index.py
	$(PYTHON) tools/make_font_widths.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache fuzz-findings web/dist web/dist.partial tests/artifacts
