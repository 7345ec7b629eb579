# The front door. `make run` and `make test` work from a fresh clone with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: run test install lint format migrations-check data bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

run: $(STAMP)
	mkdir -p var
	DEBUG=1 $(BIN)/secretaris migrate --noinput
	DEBUG=1 $(BIN)/secretaris data load
	@echo ""
	@echo "  Secretaris draait op http://127.0.0.1:8000/  (stoppen met Ctrl+C)"
	@echo ""
	@# The worker sends invitations and reminders in the background; it stops with the server.
	DEBUG=1 $(BIN)/secretaris worker --interval 2 & trap 'kill $$!' EXIT; \
	DEBUG=1 $(BIN)/secretaris runserver 127.0.0.1:8000

test: $(TESTSTAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TESTSTAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check .

format: $(TESTSTAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: $(STAMP)
	DEBUG=1 $(BIN)/secretaris makemigrations --check --dry-run

data: $(STAMP)
	DEBUG=1 $(BIN)/secretaris data build --raw ../shared/data/raw

bench: $(TESTSTAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) var
