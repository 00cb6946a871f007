# Two commands for a newcomer (see README):  make demo   and   make test
# Both create .venv from this project's own files first; nothing else needs installing.
# The first interpreter that really runs and is 3.10 or newer (pyenv shims answer `command -v` for
# versions that are not active, so each candidate is run). 3.10-3.12 come first: there the rules run
# on durable-rules; on 3.13+ durable-rules does not build and plancheck's own evaluator runs them
# (same results; `plancheck --version` names the engine).
PYTHON ?= $(shell for p in python3.12 python3.11 python3.10 python3.13 python3.14 python3; do $$p -c 'import sys; sys.exit(sys.version_info[:2] < (3, 10))' >/dev/null 2>&1 && echo $$p && break; done)
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: demo serve test test-py313 test-py312 lint schemas bench fuzz clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "plancheck needs Python 3.10 or newer"; exit 1; }
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 10) else "plancheck needs Python 3.10 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/plancheck --version
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/plancheck check fixtures/chengzhong-district-draft.txt --parent fixtures/guangxi-2021-2025-parent.txt --fail-on none

serve: $(STAMP)
	$(BIN)/plancheck serve

# The suite runs in one worker process per CPU (pytest-xdist; at most 4, as each worker holds its own
# parsed fixtures). `logical`, not `auto`: with psutil installed auto counts physical cores, and a
# 2-vCPU machine whose vCPUs are one core's two threads would get a single worker.
# PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= logical
test: $(STAMP)
	$(BIN)/ruff check --no-cache engine tests bench
	$(BIN)/pytest -n $(PYTEST_WORKERS) --maxprocesses 4

# The whole suite on another Python, in its own environment (CI, .ci/run, uses the default above).
# On 3.13+ durable-rules is not installed and the rules run on plancheck's own evaluator; on 3.12 on
# durable-rules. Under pyenv the interpreter must be active: PYENV_VERSION=3.13.0 make test-py313
PY313 ?= python3.13
PY312 ?= python3.12
test-py313:
	$(MAKE) test PYTHON=$(PY313) VENV=.venv-py313

test-py312:
	$(MAKE) test PYTHON=$(PY312) VENV=.venv-py312

# The CI fuzz properties (tests/fuzz, tests/parse/test_properties.py) with 50x more examples (~15 min)
fuzz: $(STAMP)
	PLANCHECK_FUZZ_SCALE=50 PARSE_FUZZ_EXAMPLES=3000 $(BIN)/pytest tests/fuzz tests/parse/test_properties.py -x

schemas: $(STAMP)
	$(BIN)/python -m engine.schemas

bench: $(STAMP)
	$(BIN)/python -m bench.speed
	$(BIN)/python -m bench.quality
	$(BIN)/python -m bench.precision

clean:
	rm -rf $(VENV) .venv-py313 .venv-py312
