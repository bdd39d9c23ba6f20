# sqzjs — developer tasks. `make test` is what CI runs (through .ci/run).
GO ?= go
BIN ?= bin/sqzjs
EXAMPLE_DIR ?= $(CURDIR)/tmp/example

.PHONY: build test test-short vet fmt-check example oracle compat interop clean

## build: the static binary (pure Go, no cgo)
build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/sqzjs

## test: vet, format check, and every test (race detector on), then the
## compat summary of the recorded cases it ran (report in tmp/, so the
## committed compat-tests/REPORT.md only changes through make compat).
## Server tests run when a server answers at the default address or the
## SQZJS_TEST_POSTGRES_DSN / SQZJS_TEST_MYSQL_DSN address (with CI=true
## they may not skip). The per-package time limit is raised from go test's
## 10 minutes so that a loaded machine fails on a real hang, not on a slow
## but healthy golden run (about 5 minutes on an idle 2-core machine).
test: vet fmt-check
	@mkdir -p tmp
	CGO_ENABLED=1 SQZJS_COMPAT_RESULTS=$(CURDIR)/tmp/compat-results.json $(GO) test -race -count=1 -parallel 8 -timeout 45m ./...
	$(GO) run ./compat-tests/cmd/report -out tmp/compat-REPORT.md tmp/compat-results.json

## test-short: every test without the race detector (faster while editing)
test-short:
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './compat-tests/oracle/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## example: migrate a fresh copy of examples/migrations on SQLite and show its status
example: build
	rm -rf $(EXAMPLE_DIR) && mkdir -p $(EXAMPLE_DIR)
	cp -R examples/migrations/. $(EXAMPLE_DIR)/
	cd $(EXAMPLE_DIR) && $(CURDIR)/$(BIN) db:migrate && $(CURDIR)/$(BIN) db:migrate:status

## oracle: re-record every compat case with real Sequelize (needs Node and npm)
oracle:
	npm ci --prefix compat-tests/oracle
	node compat-tests/oracle/sqlgen-fixtures.js
	$(GO) run ./compat-tests/cmd/record
	$(GO) run ./compat-tests/cmd/record-cli

## interop: half the example with real sequelize-cli, half with sqzjs, both
## orders, every dialect sqzjs has (needs Node and the oracle's node_modules)
interop:
	$(GO) test -tags interop -count=1 ./compat-tests/cli/...

## compat: run the recorded compatibility cases against sqzjs on every
## dialect whose server is reachable and write compat-tests/REPORT.md; its
## last line is "compat: N cases, P passed, F failed, L known differences"
compat:
	@mkdir -p tmp
	@SQZJS_COMPAT_RESULTS=$(CURDIR)/tmp/compat-results.json $(GO) test -count=1 -parallel 8 ./compat-tests/...; \
	status=$$?; \
	$(GO) run ./compat-tests/cmd/report tmp/compat-results.json || status=1; \
	exit $$status

clean:
	rm -rf bin tmp

## bench: start-up, throughput and peak RSS of sqzjs against sequelize-cli
## and a raw replay of the same SQL on every dialect (needs the servers;
## sequelize-cli when Node is installed: the oracle's pinned packages are
## installed first if they are missing); prints the table and writes
## bench/RESULTS.md. Not part of make test. BENCHFLAGS: see
## `go run ./bench/cmd/bench -h` (e.g. BENCHFLAGS='-dialects sqlite -runs 3').
.PHONY: bench
bench:
	mkdir -p tmp/bench
	if command -v node >/dev/null && command -v npm >/dev/null && [ ! -d compat-tests/oracle/node_modules/sequelize-cli ]; then \
		npm ci --prefix compat-tests/oracle || echo "bench: npm ci failed; sequelize-cli will be skipped"; \
	fi
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o tmp/bench/sqzjs ./cmd/sqzjs
	$(GO) build -o tmp/bench/sqlite-replay ./bench/cmd/sqlite-replay
	$(GO) run ./bench/cmd/bench -sqzjs tmp/bench/sqzjs -sqlite-replay tmp/bench/sqlite-replay $(BENCHFLAGS)
