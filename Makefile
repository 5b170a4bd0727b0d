# recbook: `make report` renders every notebook into output/, `make test` runs the tests.
# Both install Debian's libcmark-dev first when it is missing (as root, or through sudo).

SWIFT ?= swift
# Real Douban files: data/douban/ when a user has put them there, else the shared copy beside
# the checkout; with neither, notebooks generate the synthetic `douban` preset (their banner says so).
DOUBAN ?= $(or $(patsubst %/user_movies.csv,%,$(firstword $(wildcard data/douban/user_movies.csv ../shared/data/douban/user_movies.csv))),data/douban)
RECBOOK_RELEASE = .build/release/recbook
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: report test lint format deps build reference bench clean docs spark fuzz browser-check

report: deps
	$(SWIFT) build -c release --product recbook
	$(RECBOOK_RELEASE) render notebooks --data $(DOUBAN) --out output

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Benchmarks/RecBenchmarks

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Benchmarks/RecBenchmarks

deps:
	@dpkg -s libcmark-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libcmark-dev pkg-config; }

# Independent reference figures for the tests, computed with pandas in a project virtualenv.
reference:
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/pip install --quiet pandas
	.venv/bin/python scripts/reference/exploration.py ../shared/data/douban > Tests/Fixtures/douban-exploration.json

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress

clean:
	rm -rf .build Benchmarks/.build

# Regenerates the README's directive reference from the code.
docs:
	$(SWIFT) build --product recbook
	python3 scripts/update-readme.py .build/debug/recbook

# pyspark (and the numpy its ML library needs) in the project virtualenv, for `engine=spark`.
spark:
	@command -v java >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y openjdk-17-jre-headless; }
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/pip install --quiet pyspark numpy

# libFuzzer on the grammar, the notebook parser and the CSV readers (FUZZ_SECONDS each).
FUZZ_SECONDS ?= 30
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Headless Chromium over every report: console errors, broken links, desktop and phone screenshots.
browser-check:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
	python3 scripts/browser-check.py output .build/screenshots
