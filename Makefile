# vnie developer commands. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench bench-server bench-10k bench-lengths fuzz clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/vnie extract corpus -o demo-out
	$(BIN)/vnie validate demo-out/*.json

# Browser tests drive Debian's Chromium; install it when we can (root with apt-get).
chromium:
	@[ -x /usr/bin/chromium ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "note: /usr/bin/chromium is missing; browser tests will be skipped outside CI"

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check pipeline tests

# Like for like against underthesea (1 and 2 processes) and the cold start; then
# 10,000 real articles through `vnie batch` (about 10 minutes), and the length curve.
bench: $(STAMP)
	$(BIN)/python -m pipeline.apps.bench
	$(MAKE) bench-server

bench-10k: $(STAMP)
	$(BIN)/python -m pipeline.apps.bench --10k

bench-lengths: $(STAMP)
	$(BIN)/python -m pipeline.apps.bench --lengths

# Bounded load test of `vnie serve` on loopback (fixed request counts, stops by itself).
bench-server: $(STAMP)
	$(BIN)/python -m pipeline.apps.bench_server

# A longer fuzz run than the property tests in `make test` (FUZZ_SECONDS to change it).
FUZZ_SECONDS ?= 600
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf demo-out test-artifacts .pytest_cache .ruff_cache .hypothesis
