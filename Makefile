# The two commands of the README, and a few helpers.
.PHONY: run test build bench fmt screenshots

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

screenshots:
	scripts/test.sh screenshots

build:
	go build -o bin/suaradesa ./cmd/suaradesa

fmt:
	gofmt -w $$(git ls-files '*.go')
