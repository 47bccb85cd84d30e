# Two commands: `make run` serves the platform with the demo world; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages migrate demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

messages: $(STAMP)
	$(BIN)/kpcs i18n compile

migrate: $(STAMP) messages
	mkdir -p var
	$(BIN)/kpcs migrate --noinput -v0

demo: migrate
	$(BIN)/kpcs demo

run: demo
	@echo "Serving kpcs at http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/kpcs runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) messages lint
	bash scripts/test.sh

bench: $(STAMP) messages
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) var test-artifacts
