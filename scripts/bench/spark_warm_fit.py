"""A second ALS fit in a recbook notebook against a warm fit in a plain PySpark script, side by
side in one run, on the same data and split (issue 16: a Spark cell after the first must cost no
more than a warm fit in such a script).

Usage: .venv/bin/python scripts/bench/spark_warm_fit.py RECBOOK DATA_DIR [MASTER]
DATA_DIR holds user_movies.csv (for instance `recbook synth --preset douban --out DIR`). recbook
renders a notebook with two Spark ALS cells (notebook 06's: rank 10 reg 0.1, then rank 5 reg 0.3);
the script then fits the same two models on recbook's split in one PySpark session. Prints JSON:
each side's fit seconds and the whole second cell / second fit as seen by its caller."""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import recbook_split  # noqa: E402

MODELS = [(10, 0.1), (5, 0.3)]
NOTEBOOK = """# Two Spark fits

```rec
load ratings=user_movies.csv
replace ratings from=-1 to=1
split test=0.2
train first model=als rank=10 iterations=10 reg=0.1 engine=spark
```

```rec
train second model=als rank=5 iterations=10 reg=0.3 engine=spark
```
"""


def recbook_side(recbook, data_dir, master):
    """Renders the notebook; returns each Spark cell's (start-up, fit, predict, request) seconds."""
    folder = tempfile.mkdtemp(prefix="spark-warm-")
    with open(os.path.join(folder, "two.md"), "w") as out:
        out.write(NOTEBOOK)
    subprocess.run([os.path.abspath(recbook), "render", "two.md", "--data", os.path.abspath(data_dir), "--out", "out",
                    "--no-cache", "--no-timings", "--spark-master", master], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "PYSPARK_DRIVER_PYTHON": sys.executable})
    timings = json.load(open(os.path.join(folder, "out", "timings.json")))
    cells = next(iter(timings["reports"].values()))["cells"]
    return [column["values"] for cell in cells for column in cell.get("timedColumns", [])]


def read_split(data_dir):
    """recbook's dense ids (first appearance), -1 read as 1, and recbook's split."""
    users, movies, rows = {}, {}, []
    with open(os.path.join(data_dir, "user_movies.csv"), newline="", encoding="utf-8") as handle:
        for user, movie, rating in csv.reader(handle):
            value = float(rating)
            rows.append((users.setdefault(user, len(users)), movies.setdefault(movie, len(movies)),
                         1.0 if value == -1 else value))
    train, test = recbook_split.holdout(len(rows), 0.2, 42, 0x50117)
    return [rows[i] for i in train], [rows[i] for i in test]


def pyspark_side(data_dir, master):
    """Both fits in one session, timed as recbook's driver times them."""
    from pyspark.ml.recommendation import ALS
    from pyspark.sql import SparkSession

    train_rows, test_rows = read_split(data_dir)
    spark = (SparkSession.builder.master(master).config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "4g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    train = spark.createDataFrame(train_rows, "user INT, movie INT, rating FLOAT").cache()
    test = spark.createDataFrame(test_rows, "user INT, movie INT, rating FLOAT")
    fits = []
    for rank, reg in MODELS:
        began = time.time()
        model = ALS(rank=rank, maxIter=10, regParam=reg, seed=42, userCol="user", itemCol="movie", ratingCol="rating",
                    coldStartStrategy="nan").fit(train)
        model.userFactors.count()
        fitted = time.time()
        model.transform(test).select("prediction").collect()
        fits.append({"fit": fitted - began, "fit_and_predict": time.time() - began})
    spark.stop()
    return fits


def main(recbook, data_dir, master="local[2]"):
    cells = recbook_side(recbook, data_dir, master)
    fits = pyspark_side(data_dir, master)
    print(json.dumps({
        "master": master,
        "recbook": [{"startup": c[0], "fit": c[1], "predict": c[2], "request": c[3]} for c in cells],
        "pyspark_one_session": fits,
        "second_fit": {"recbook": cells[1][1], "pyspark_warm": fits[1]["fit"]},
    }, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
