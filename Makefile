# Two commands set everything up on a fresh machine with python3 (3.11+), make and git:
#   make demo   create .venv, install sendreview, render the bundled examples and their
#               portfolio dashboard into build/
#   make test   create .venv with the test tools, run lint, types and the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: demo test lint typecheck unit bench fuzz crash clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.base: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.test: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e '.[test]'
	touch $(VENV)/.base $@

demo: $(VENV)/.base
	$(BIN)/sendreview validate examples
	$(BIN)/sendreview report examples/riverside-primary --format docx,pdf,html -o build/
	$(BIN)/sendreview report examples/riverside-primary --kind follow-up --format docx,pdf,html -o build/
	$(BIN)/sendreview report examples/brookfield-school --format docx,pdf,html -o build/
	$(BIN)/sendreview status examples/riverside-primary
	$(BIN)/sendreview portfolio examples --format html -o build/portfolio.html --force

lint: $(VENV)/.test
	$(BIN)/ruff check sendreview tests bench tools
	$(BIN)/ruff format --check sendreview tests bench tools

typecheck: $(VENV)/.test
	$(BIN)/mypy

unit: $(VENV)/.test
	$(BIN)/pytest

test: lint typecheck unit

# Every benchmark runs (a missed target fails the target at the end, not at once); each
# keeps its figures in bench/results/, and the README's speed table is made from them.
bench: $(VENV)/.test
	status=0; \
	for b in startup validate_portfolio portfolio report batch_reports chart; do \
		$(BIN)/python bench/$$b.py || status=1; \
	done; \
	$(BIN)/python tools/gen_speed_table.py; exit $$status

# The long fuzz of validate (10,000+ random cases, a few minutes per thousand); the quick
# profile runs in `make test`. Findings: /tmp/fuzz-findings.jsonl, cases kept in
# /tmp/sendreview-fuzz-repro/ (re-run one with: .venv/bin/python -m tests.fuzz.repro DIR).
fuzz: $(VENV)/.test
	SENDREVIEW_FUZZ=long $(BIN)/pytest tests/fuzz

# kill -9 at random moments of init, followup new, report and renumber, 100 trials each (about
# 3 minutes); `make test` runs 15 of each. SENDREVIEW_CRASH_SEED changes the moments.
crash: $(VENV)/.test
	SENDREVIEW_CRASH_TRIALS=100 $(BIN)/pytest tests/test_crash_safety.py -q -s -k kill_9

clean:
	rm -rf $(VENV) build
