# The two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev
STAMP := $(VENV)/.installed

.PHONY: run test install lint format migrate seed messages compilemessages check clean bench-stats bench screenshots serve

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

compilemessages: $(STAMP)
	@if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
		$(DEV) $(BIN)/python manage.py compilemessages --ignore=.venv -v 0; fi

migrate: $(STAMP)
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0

seed: migrate
	$(DEV) $(BIN)/python manage.py seed_demo

run: install compilemessages seed
	@echo ""
	@echo "  CyberAware is starting on http://127.0.0.1:$(PORT)/"
	@echo "  Estonian water programme: http://127.0.0.1:$(PORT)/et/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  (password for every demo account: cyberaware-demo)"
	@echo "    admin        administrator"
	@echo "    editor       content editor"
	@echo "    editor.et    editor for the Estonian pages only"
	@echo "    manager.ee   programme manager, Estonia"
	@echo "    coordinator  programme coordinator, all regions"
	@echo "  Learner sign-in: http://127.0.0.1:$(PORT)/et/accounts/login/  learner@example.com / cyberaware-demo"
	@echo "  SME administrator: sme.admin@example.com (same sign-in), team page http://127.0.0.1:$(PORT)/et/organisation/team/"
	@echo ""
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack here: PostgreSQL, Redis, task worker, gunicorn (docs/deployment.md),
# serving the demo content, loaded with config.settings.production_demo (production + the demo app).
serve: install compilemessages
	PORT=$(PORT) bash scripts/serve.sh

# The xAPI tests send statements to a throwaway Ralph LRS (scripts/lrs.sh, its
# own virtualenv in var/lrs-venv); without one they are skipped, saying why.
test: install compilemessages
	@bash -c '. scripts/lrs.sh || echo "No Ralph LRS: the xAPI tests (tests/xapi) will be skipped."; \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)'

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(DEV) $(BIN)/python manage.py makemessages $(foreach l,et fr it sk sl es,-l $(l)) --ignore=.venv --ignore=staticfiles --ignore=var --no-obsolete

check: install
	$(DEV) $(BIN)/python manage.py check
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

# PNG screenshots of the main pages, desktop and phone, into screenshots/.
screenshots: install compilemessages
	$(BIN)/python -m pytest -p no:logging -q tests/e2e/screenshots.py
	@echo "Screenshots are in $(CURDIR)/screenshots/"

# Statistics benchmark on a throwaway PostgreSQL: about 1,000,000 progress rows
# (takes 10-15 minutes, mostly generating the data). LEARNERS=20000 for a quick run.
LEARNERS ?= 100000
bench-stats: install
	@bash -c 'set -euo pipefail; . scripts/postgres.sh; \
	  export DJANGO_SETTINGS_MODULE=config.settings.dev; \
	  $(BIN)/python manage.py migrate -v 0; \
	  $(BIN)/python manage.py seed_demo; \
	  $(BIN)/python manage.py generate_load_data --learners $(LEARNERS) --extra-modules 15 --modules-per-learner 5 15 --batch-size 5000; \
	  $(DEV) $(BIN)/python manage.py bench_statistics --repeat 5 --output bench-results/statistics.md'

# Page benchmark of the production stack with wrk (docs/performance.md): a
# throwaway PostgreSQL and Redis, gunicorn with production settings plus the
# demo app and its instruments (config.settings.production_demo). About
# 100,000 progress rows by default (a few minutes); BENCH_LEARNERS=100000 for
# the full million (about 8 more minutes to generate). Results in bench-results/bench.md.
BENCH_LEARNERS ?= 10000
bench: install compilemessages
	@command -v wrk >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || { \
	  echo "== installing wrk and redis-server"; apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server >/dev/null; }
	@bash -c 'set -euo pipefail; . scripts/postgres.sh; . scripts/redis.sh; \
	  $(BIN)/python scripts/bench.py --learners $(BENCH_LEARNERS) $(BENCH_ARGS)'

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media var
