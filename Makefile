# Two commands a newcomer needs: `make run` and `make test` (see README.md).
# Both create .venv on first use and are safe to run again.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The embedded default: the checkout's own PostgreSQL (portal/devdb.py: data in var/postgres,
# a Unix socket there and no TCP port), started when needed; Celery eager. DATABASE_URL
# overrides it (CI, production).
export DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format db stop reset-db migrate demo lock clean messages screenshots code

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Start the checkout's PostgreSQL unless DATABASE_URL names another; reused while it runs.
DEVDB := $(BIN)/python -m portal.devdb
db: install
	@$(if $(DATABASE_URL),true,$(DEVDB) start >/dev/null)

# Stop it (the data stays), or stop it and wipe its data folder.
stop:
	@if [ -x $(BIN)/python ]; then $(DEVDB) stop; else echo "No .venv: nothing to stop."; fi

reset-db: install
	@$(DEVDB) reset

migrate: db
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	DEMO_MODE=1 $(BIN)/python manage.py load_demo

# The accounts come last, after the set-up output, where the eye lands; the in-process mail
# log is quiet in DEBUG (LOG_LEVEL=INFO brings it back).
run: migrate
	DEMO_MODE=1 $(BIN)/python manage.py load_demo --no-accounts
	@DEMO_MODE=1 $(BIN)/python manage.py demo_accounts --url http://$(HOST):$(PORT)/
	@DEMO_MODE=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The demo staff's current second-factor code (the demo authenticator's key is published).
code: install
	@$(BIN)/python manage.py demo_code

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The suite runs on both cores; the browser, broker and production-shape tests start servers
# and workers of their own, so they run after, one at a time. pytest's exit 5 ("no test
# collected", e.g. when PYTEST_ARGS picks only fast tests) is not a failure there.
JOBS ?= 2
SERIAL := browser or broker or production or devdb
test: lint db
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/pytest -n $(JOBS) -m "not ($(SERIAL))" $(PYTEST_ARGS)
	$(BIN)/pytest -m "$(SERIAL)" $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Performance (README "Performance"): build the benchmark world, then measure. The checkout's
# own server serves too: BENCH_DATABASE_URL=$$($(DEVDB) start portal_bench) (README).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_OUTPUT ?= var/benchmark.json
.PHONY: seed-benchmark benchmark benchmark-served benchmark-scales

# Builds the benchmark world (wipes only a database it built itself; createdb it first).
seed-benchmark: install
	DATABASE_URL=$(BENCH_DATABASE_URL) nice -n 10 $(BIN)/python -m scripts.benchmark.seed $(if $(SCALE),--scale $(SCALE))

benchmark: install
	@mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) nice -n 10 $(BIN)/python -m scripts.benchmark.run --output $(BENCH_OUTPUT) --requests $(or $(REQUESTS),50)

# Served as in production (gunicorn, 2 workers, DEBUG off) and driven from outside by wrk:
# CONNECTIONS concurrent clients, DURATION seconds a page; worker memory read after MEMORY
# requests (empty: skipped). Installs Debian's wrk if missing.
BENCH_SERVED_OUTPUT ?= var/benchmark-served.json
MEMORY ?= 500,5000
benchmark-served: install
	@command -v wrk >/dev/null || apt-get install -y wrk || (apt-get update && apt-get install -y wrk) \
		|| { echo "benchmark-served needs wrk and could not install it: run 'apt-get install -y wrk' as root." >&2; exit 1; }
	@mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m scripts.benchmark.served --output $(BENCH_SERVED_OUTPUT) \
		--connections $(or $(CONNECTIONS),4) --duration $(or $(DURATION),10) --memory "$(MEMORY)"
	@$(BIN)/python -m scripts.benchmark.table $(BENCH_SERVED_OUTPUT) $(if $(BEFORE),--before $(BEFORE))

# The same pages on a world a tenth the size (seed it with SCALE=0.1 into its own database):
# each page's p50 ratio between the two and the query counts at both.
BENCH_SMALL_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench_small
benchmark-scales: install
	@mkdir -p var
	DATABASE_URL=$(BENCH_SMALL_DATABASE_URL) nice -n 10 $(BIN)/python -m scripts.benchmark.run --no-export --output var/benchmark-small.json --requests $(or $(REQUESTS),50)
	DATABASE_URL=$(BENCH_DATABASE_URL) nice -n 10 $(BIN)/python -m scripts.benchmark.run --no-export --output var/benchmark-full.json --requests $(or $(REQUESTS),50)
	$(BIN)/python -m scripts.benchmark.compare var/benchmark-small.json var/benchmark-full.json

# Re-take the README's screenshots with the browser tests (needs Debian's chromium).
screenshots: db
	scripts/screenshots

MESSAGES_IGNORE := --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'scripts/*' --ignore 'node_modules/*'

# For translators (needs GNU gettext): extract the strings, then compile the catalogues.
# The compiled .mo files are committed so that a fresh machine needs no gettext.
messages: install
	$(BIN)/python manage.py makemessages --all $(MESSAGES_IGNORE) --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv' --ignore 'var'

# Refresh the pinned versions after changing pyproject.toml.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable > constraints.txt

# Everything made here except the database, which only `make reset-db` wipes.
clean: stop
	rm -rf $(VENV)
	@[ ! -d var ] || find var -mindepth 1 -maxdepth 1 ! -name postgres ! -name .postgres.lock -exec rm -rf {} +
