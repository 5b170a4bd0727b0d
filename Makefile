# recbook: `make report` renders every notebook into output/, `make test` runs the tests.
# Both install Debian's libcmark-dev first when it is missing (as root, or through sudo).

SWIFT ?= swift
RECBOOK_RELEASE = .build/release/recbook
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: at-scale-data at-scale-report bench-spark spark-cluster spark-cluster-stop chromium report test lint format deps build reference reference-keras article-scale-check bench bench-scale scale-check clean docs spark fuzz browser-check

# recbook.yml lists the notebooks and the data each runs on: 01-02 on the Douban files
# (data/douban/, else ../shared/data/douban), 03-06 on data/douban or else the synthetic
# article-scale preset, 07 on MovieLens 100K. Notebook 06 trains on Spark too, so the report
# needs Java and pyspark (`make spark`). Put a source elsewhere with, for instance,
# `make report REPORT_FLAGS="--data douban=/path/to/folder"`.
REPORT_FLAGS ?=
report: deps spark
	$(SWIFT) build -c release --product recbook
	$(RECBOOK_RELEASE) render --out output $(REPORT_FLAGS)

# The preview server's in-process tests run in a second process: in the first, hundreds of
# synchronous tests queue on Swift's two cooperative threads, and a server that needs one of them
# for every step could wait longer than any timeout (CI saw 300 s pass before it could listen).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip RecPreviewTests.PreviewServerTests
	$(SWIFT) test --filter RecPreviewTests.PreviewServerTests

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Benchmarks/RecBenchmarks Benchmarks/ScaleBenchmarks
	scripts/lint-unsafe.sh Sources

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Benchmarks/RecBenchmarks Benchmarks/ScaleBenchmarks

deps:
	@dpkg -s libcmark-dev >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libcmark-dev pkg-config; }

# Independent reference figures for the tests (every file in Tests/Fixtures), computed with pandas
# in a project virtualenv.
reference:
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/pip install --quiet pandas==3.1.1
	.venv/bin/python scripts/reference/exploration.py ../shared/data/douban > Tests/Fixtures/douban-exploration.json
	.venv/bin/python scripts/reference/item_cf.py ../shared/data/douban > Tests/Fixtures/douban-item-cf.json

# The article's Keras SVD and RSVD on the article-scale synthetic data and recbook's split, scored
# as Keras scores (no fallback for cold-start users, no clipping): the reference that
# KerasReferenceTests holds recbook to. Slow (a few minutes), so neither `make test` nor CI runs it.
KERAS_DATA = .build/keras-reference-data
reference-keras:
	$(SWIFT) build --product recbook
	test -x .venv-keras/bin/python || python3 -m venv .venv-keras
	.venv-keras/bin/pip install --quiet keras==3.15.1 "jax[cpu]==0.10.2"
	.build/debug/recbook synth --preset douban --seed 42 --out $(KERAS_DATA)
	KERAS_BACKEND=jax .venv-keras/bin/python scripts/reference/keras_rsvd.py $(KERAS_DATA) > Tests/Fixtures/keras-rsvd-synthetic.json

# recbook's exact-Adam RSVD under Keras' rule against that reference (within 2%), at article
# scale in a release build; too slow for the debug `make test`.
article-scale-check: deps
	RECBOOK_ARTICLE_SCALE=1 $(SWIFT) test -c release -Xswiftc -enable-testing --filter KerasReferenceTests

# A Spark standalone cluster on this machine (a master and two one-core workers, everything on
# 127.0.0.1) from the pyspark in .venv: `recbook render --spark-master spark://127.0.0.1:7077`.
spark-cluster: spark
	scripts/spark-cluster.sh start

spark-cluster-stop:
	scripts/spark-cluster.sh stop

# Notebook 08's data: Douban-shaped synthetic ratings, as CSV and as Parquet (converted by Spark).
AT_SCALE_RATINGS ?= 50000000
at-scale-data: spark
	$(SWIFT) build -c release --product recbook
	$(RECBOOK_RELEASE) synth --ratings $(AT_SCALE_RATINGS) --format parquet --out data/at-scale --spark-master 'local[2]'

# Notebook 08 rendered on `make spark-cluster`'s cluster, each executor with 2 GB of its worker's 3 GB.
at-scale-report: deps spark
	$(SWIFT) build -c release --product recbook
	SPARK_EXECUTOR_MEMORY=2g $(RECBOOK_RELEASE) render notebooks/08-at-scale.md --spark-master spark://127.0.0.1:7077 --out output

# A second Spark ALS fit in a notebook against a warm fit in a plain PySpark script, side by side,
# on the article-scale synthetic data (issue 16); writes scripts/bench/spark-warm-fit.json.
bench-spark: spark
	$(SWIFT) build -c release --product recbook
	$(RECBOOK_RELEASE) synth --preset douban --seed 42 --out .build/bench-spark-data
	.venv/bin/python scripts/bench/spark_warm_fit.py $(RECBOOK_RELEASE) .build/bench-spark-data > scripts/bench/spark-warm-fit.json

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress --target RecBenchmarks

# 1M, 10M and 50M synthetic ratings (RECBOOK_SCALES=1,10 for the smaller ones only); several
# minutes and up to a few GB.
bench-scale: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress --target ScaleBenchmarks

# The 50M-rating goal with the release CLI: synth, then load + ALS rank 10, 10 iterations under
# /usr/bin/time -v (RATINGS=10000000 for a smaller run).
RATINGS ?= 50000000
scale-check: deps
	$(SWIFT) build -c release --product recbook
	scripts/scale-check.sh $(RATINGS)

clean:
	rm -rf .build Benchmarks/.build

# Regenerates the README's directive reference from the code.
docs:
	$(SWIFT) build --product recbook
	python3 scripts/update-readme.py .build/debug/recbook

# pyspark (and the numpy its ML library needs) in the project virtualenv, for `engine=spark`;
# nbformat too, with which the tests validate `--to ipynb` exports.
spark:
	@command -v java >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y openjdk-17-jre-headless; }
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/pip install --quiet pyspark==4.3.0 numpy==2.4.6 nbformat==5.11.1

# libFuzzer on the grammar, the notebook parser and the CSV readers (FUZZ_SECONDS each).
FUZZ_SECONDS ?= 30
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Headless Chromium over every report: console errors, broken links, desktop and phone screenshots;
# then a notebook's raw <script> must not run (csp-check) and `recbook preview` must follow edits.
# Debian's headless-capable Chromium, for the browser checks and the tests that drive it.
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

browser-check: chromium
	python3 scripts/browser-check.py output .build/screenshots
	$(SWIFT) build --product recbook
	python3 scripts/csp-check.py .build/debug/recbook
	python3 scripts/preview-check.py .build/debug/recbook
