# Cửa Số: `make run` serves the demo site; `make test` runs every check CI runs.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install install-dev migrate seed test lint check pytest messages worker clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(VENV)/bin/celery -A lms worker --loglevel=INFO

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install-dev
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-but-long-enough-for-the-check ALLOWED_HOSTS=cuaso.example DATABASE_URL=sqlite:///:memory: \
		REDIS_URL=redis://127.0.0.1:6379/0 CUASO_SMS_BACKEND=lms.sms.ConsoleBackend \
		DJANGO_SETTINGS_MODULE=lms.settings.production $(PY) manage.py check --deploy --fail-level WARNING

# The integration pass runs search and the integration folder again on PostgreSQL, with Redis as
# cache and broker and a real Celery worker. Skipped, with the reason, when the services do not
# answer; under CI=true that is a failure instead.
PG_URL ?= postgres://postgres@127.0.0.1:5432/cuaso
TEST_REDIS_CACHE ?= redis://127.0.0.1:6379/14
TEST_REDIS_BROKER ?= redis://127.0.0.1:6379/15

pytest: install-dev
	$(VENV)/bin/pytest --ignore=tests/integration
	@status=0; $(PY) tests/integration/services.py || status=$$?; \
	if [ $$status -eq 0 ]; then \
		echo "== integration pass: PostgreSQL, Redis, Celery worker"; \
		DATABASE_URL=$(PG_URL) REDIS_URL=$(TEST_REDIS_CACHE) CELERY_BROKER_URL=$(TEST_REDIS_BROKER) \
			$(VENV)/bin/pytest --create-db tests/integration tests/courses/test_search.py tests/lms/test_learning.py \
				tests/lms/test_phone_signup.py tests/lms/test_certificates.py tests/lms/test_progress_api.py \
				tests/community_teams/test_visits.py tests/community_teams/test_api.py tests/community_teams/test_areas.py \
				tests/community_teams/test_sync.py tests/community_teams/test_erasure.py \
				tests/community_teams/test_dashboard.py tests/lms/test_insight.py; \
	elif [ $$status -ne 3 ]; then exit $$status; fi

test: lint check pytest

messages: install-dev
	$(PY) manage.py makemessages -l vi -l en --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*' --ignore='locale_*'
	$(PY) manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf var/ .pytest_cache .ruff_cache
