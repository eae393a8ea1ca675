# vnie developer commands. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench bench-server bench-10k bench-report bench-lengths fuzz clean chromium

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
	$(BIN)/python -m pipeline.apps.bench --10k
	$(MAKE) bench-server

bench-10k: $(STAMP)
	$(BIN)/python -m pipeline.apps.bench --10k

# The review site of the 10k batch run: `vnie report` prints the build time and the site's
# size. REPORT_RUN is made with `vnie batch` when it is not there yet (about 5 minutes);
# REPORT_ARGS=--no-verify skips re-extracting every article.
REPORT_RUN ?= ../runs/news10k-main
REPORT_SITE ?= /tmp/vnie-news10k-site
REPORT_ARGS ?= --workers 2
bench-report: $(STAMP)
	@[ -f "$(REPORT_RUN)/manifest.json" ] || $(BIN)/vnie batch ../shared/news10k/articles.jsonl.gz \
	  -o $(REPORT_RUN) --workers 2 --no-progress
	$(BIN)/vnie report $(REPORT_RUN) --html $(REPORT_SITE) $(REPORT_ARGS) --no-progress

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
