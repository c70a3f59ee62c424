# alembic-patterns developer / CI targets.
#   make test        lint, machine setup (scripts/ci-setup.sh), then the whole suite incl. real-database tiers
#   make test-quick  go test -short without any setup: scale tests stay out, tiers that need PostgreSQL/alembic/claude skip (~40 s)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# Go 1.26 lives in /usr/local/go/bin, which is not on every PATH (e.g. non-login CI shells).
export PATH := /usr/local/go/bin:$(PATH)

GO  ?= go
BIN := .build/alembic-patterns
# staticcheck 2026.2.2, built from the module proxy by `make lint`.
STATICCHECK_VERSION := v0.8.2

.PHONY: build test test-quick lint demo setup clean validate-plugin bench scale sweep release-dry-run

build:
	$(GO) build -o $(BIN) ./server

# The setup output is assigned before eval: `eval "$$(...)"` alone would hide a failing setup.
# -timeout 15m: the budget of the whole .ci/run; go test's default (10 min per package) is what a
# loaded 2-core machine can exceed for internal/plugin (real Claude Code, pip, pre-commit, PostgreSQL).
test: lint
	@echo "== scripts/ci-setup.sh"
	@env_lines="$$(bash scripts/ci-setup.sh)"; \
	eval "$$env_lines"; \
	echo "== ALEMBIC_PATTERNS_REQUIRE_ALL=1 go test -count=1 -timeout 15m ./..."; \
	ALEMBIC_PATTERNS_REQUIRE_ALL=1 $(GO) test -count=1 -timeout 15m ./...

test-quick:
	$(GO) test -short ./...

# gofmt over all Go files except hidden dirs (.git, .build), vendor/ and testdata/.
lint:
	@echo "== gofmt -l"
	@files="$$(find . -path ./vendor -prune -o -name '.?*' -prune -o -name testdata -prune \
	        -o -type f -name '*.go' -print)"; \
	if [[ -n $$files ]]; then \
	    unformatted="$$(gofmt -l $$files)"; \
	    if [[ -n $$unformatted ]]; then \
	        echo "gofmt: these files need formatting (run gofmt -w):" >&2; \
	        echo "$$unformatted" >&2; \
	        exit 1; \
	    fi; \
	fi
	@echo "== go vet ./..."
	@$(GO) vet ./...
	@echo "== staticcheck ./..."
	@$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# The demo project has findings on purpose: exit 1 (findings) is success here, 2 (usage/I/O) is not.
# Runs the built binary because `go run` turns every non-zero exit into 1.
demo: build
	@rc=0; ./$(BIN) check examples/shop || rc=$$?; \
	if (( rc > 1 )); then echo "demo: alembic-patterns exited $$rc" >&2; exit "$$rc"; fi

# Prepare the machine only; prints the export lines.
setup:
	bash scripts/ci-setup.sh

clean:
	rm -rf .build libexec

# The offline Claude Code validator (installed by `make setup` outside the repository, which is the plugin).
CLAUDE ?= $(or $(ALEMBIC_PATTERNS_CLAUDE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/alembic-patterns-ci/node/node_modules/.bin/claude)
validate-plugin:
	@test -x "$(CLAUDE)" || { echo "$(CLAUDE) not found: run make setup first" >&2; exit 1; }
	@home="$$(mktemp -d)"; trap 'rm -rf "$$home"' EXIT; \
	HOME="$$home" DISABLE_AUTOUPDATER=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 "$(CLAUDE)" plugin validate . --strict

# This machine's release artefacts, as the release workflow builds them (what CI's tests install):
#   make release-dry-run [RELEASE_OUT=~/.cache/alembic-patterns-ci/release] [RELEASE_URL=http://127.0.0.1:8000]
RELEASE_OUT ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/alembic-patterns-ci/release
RELEASE_URL ?= http://127.0.0.1:8000
release-dry-run:
	rm -rf $(RELEASE_OUT)
	bash scripts/release-dry-run.sh $(RELEASE_OUT) $(RELEASE_URL)

# Speed on a generated 3,000-revision project against the bare parse floor.
bench:
	bash scripts/bench.sh 3000 5
	$(GO) test -run '^$$' -bench . -benchtime 3x ./server/internal/bench/
	$(GO) test -run '^$$' -bench PostToolUse3000 -benchtime 5x ./server/internal/hook
	$(GO) test -run '^$$' -bench 'WarmCheckHead$$|ColdStart' -benchtime 50x ./server/internal/mcpserver

# Linear growth: review all on 1k-4k revisions, check of one file of 1k-8k operations
# (time and peak memory; SCALE_BASE=REV measures that revision too, first).
scale:
	bash scripts/scale.sh 3 $(SCALE_BASE)

# The real-project sweep over a directory of checkouts (see scripts/sweep.sh):
#   make sweep SWEEP_DIR=/path/to/checkouts
sweep:
	@test -n "$(SWEEP_DIR)" || { echo "usage: make sweep SWEEP_DIR=DIR (one checkout per subdirectory)" >&2; exit 2; }
	bash scripts/sweep.sh $(SWEEP_DIR)
