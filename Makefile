# Developer tasks. `make test` is what CI runs (see .ci/run).

GO           ?= go
PKGS         ?= ./...
TEST_TIMEOUT ?= 20m
FUZZTIME     ?= 30s
BIN          ?= bin/teramotc
EXAMPLES     := examples/minimal examples/setup-guide-role examples/setup-guide-user

# Fuzz targets, one PACKAGE:FuzzName per entry; `make fuzz` runs each for
# FUZZTIME. Add yours here.
FUZZ_TARGETS ?= \
	./internal/view:FuzzDiagnosticSnippet \
	./internal/view:FuzzGitHubEscape \
	./internal/view:FuzzLintFormats \
	./internal/view:FuzzRedactor \
	./internal/view:FuzzShowPlanFile \
	./internal/view:FuzzPlanTextDiff \
	./pkg/spec:FuzzLoad \
	./pkg/spec:FuzzVarFile \
	./pkg/spec:FuzzSensitiveVar \
	./pkg/spec:FuzzFindSecrets \
	./pkg/render:FuzzMarshal \
	./pkg/render:FuzzMarshalJSON \
	./pkg/inspect:FuzzInspect \
	./pkg/rules:FuzzSuppressions \
	./pkg/rules:FuzzParseDirective \
	./pkg/rules:FuzzParseInline \
	./pkg/rules:FuzzHardRulesAgree \
	./pkg/rules:FuzzRuleMeta \
	./pkg/rules/internal/astcodec:FuzzDecode \
	./pkg/apply:FuzzPolicyEquivalence \
	./pkg/apply:FuzzNormalize \
	./pkg/apply:FuzzReadPlanFile \
	./pkg/apply:FuzzDisplay

.PHONY: all build test race bench fmt fmt-check vet fuzz lint-examples render-examples clean

all: build vet test

build:
	$(GO) build -o $(BIN) ./cmd/teramotc

test:
	$(GO) test -timeout $(TEST_TIMEOUT) $(PKGS)

# The race detector over the apply engine, whose buckets, progress
# reporting and interrupts run on concurrent goroutines (CI runs it after
# `make test`). RACE_PKGS=./... races every package (the whole suite took
# 30 minutes on a busy 2-core machine).
RACE_PKGS ?= ./pkg/apply
race:
	$(GO) test -race -timeout $(TEST_TIMEOUT) $(RACE_PKGS)

# Go benchmarks (load, render, inspect, evaluate, lint of 1 and of N specs),
# then bench/compare.sh: teramotc against conftest on generated specs (see
# docs/performance.md; N=... RUNS=... override its size).
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	bench/compare.sh

# Formats Go code and the example specs.
fmt:
	gofmt -w cmd internal pkg
	$(GO) run ./cmd/teramotc fmt -recursive examples

# Fails when Go code or example specs are not formatted.
fmt-check:
	@out=$$(gofmt -l cmd internal pkg); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) run ./cmd/teramotc fmt -check -recursive examples

vet:
	$(GO) vet $(PKGS)

# scripts/fuzz.sh forgives only Go 1.26's end-of-run coordinator race.
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
		GO=$(GO) scripts/fuzz.sh $$pkg $$fn $(FUZZTIME); \
	done

# Lints the shipped examples with the built-in rules. The role example's
# partner account and external id default to placeholders that lint rejects
# (TMC604, TMC602), as it should for a copy that keeps them: here they are
# given fresh random values unless TERAMOTC_VAR_teramot_account_id and
# TERAMOTC_VAR_external_id are set.
lint-examples:
	@TERAMOTC_VAR_teramot_account_id=$${TERAMOTC_VAR_teramot_account_id:-$$(od -An -N6 -tu1 /dev/urandom | tr -s ' ' '\n' | sed '/^$$/d' | awk '{printf "%02d", $$1 % 90 + 10}')} \
	TERAMOTC_VAR_external_id=$${TERAMOTC_VAR_external_id:-$$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')} \
	$(GO) run ./cmd/teramotc lint $(EXAMPLES)

# Re-renders the committed output of the examples that have one
# (every examples/*/rendered).
render-examples:
	@set -e; for r in examples/*/rendered; do \
		$(GO) run ./cmd/teramotc render $${r%/rendered} -o $$r; \
	done

clean:
	rm -rf bin out
