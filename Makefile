# EMGov: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export EMGOV_VAR_DIR ?= $(CURDIR)/var

.PHONY: install run test fuzz lint format check-system clean bench-competition

install: $(STAMP) node_modules/.package-lock.json

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

check-system:
	@missing=""; \
	for p in fonts-noto-cjk chromium poppler-utils libpangoft2-1.0-0; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "提示：以下 Debian 软件包未安装，文档和浏览器测试需要它们：$$missing"; \
	  echo "      sudo apt-get install -y$$missing"; fi

run: install check-system
	$(BIN)/emgov migrate --no-input
	$(BIN)/emgov demo --if-empty
	$(BIN)/emgov serve --bind 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/emgov check --fail-level WARNING
	$(BIN)/emgov makemigrations --check --dry-run
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# 500 participants answering at once against `emgov serve` (a benchmark; see docs/performance.md).
bench-competition: install
	$(BIN)/emgov bench_competition --participants 500

# The API and list-page fuzzers with a larger budget than `make test` gives them (docs/security.md).
fuzz: install
	EMGOV_FUZZ_EXAMPLES=$${EMGOV_FUZZ_EXAMPLES:-25} \
	EMGOV_FUZZ_PERSONAS=$${EMGOV_FUZZ_PERSONAS:-district_officer,legal,guicheng_officer,leader,admin} \
	$(BIN)/python -m pytest -n 2 emgov/api/tests/test_fuzz.py emgov/core/tests/test_list_fuzz.py $(PYTEST_ARGS)

lint:
	$(BIN)/python -m ruff check .

format:
	$(BIN)/python -m ruff format .
	$(BIN)/python -m ruff check --fix .

clean:
	rm -rf $(VENV) node_modules var test-artifacts
