/// The PySpark job recbook runs through spark-submit. It is part of recbook (written into the
/// work folder next to its input, so the exact script of each run can be read there):
/// it trains Spark MLlib's explicit ALS on `train.csv`, predicts `test.csv`, and writes the
/// predictions, both factor matrices and its timings. `done.json` is written last; without
/// it the output counts as truncated.
enum SparkALSJobScript {
    static let fileName = "recbook_als_job.py"

    static let source = #"""
        # recbook's Spark ALS job. Usage: spark-submit --master MASTER recbook_als_job.py WORK_FOLDER
        import json
        import os
        import sys
        import time

        started = time.time()
        from pyspark.ml.recommendation import ALS
        from pyspark.sql import SparkSession

        work = sys.argv[1]
        settings = json.load(open(os.path.join(work, "settings.json")))
        spark = SparkSession.builder.appName("recbook-als").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        ready = time.time()

        train = spark.read.csv(os.path.join(work, "train.csv"), schema="user INT, movie INT, rating FLOAT")
        test = spark.read.csv(os.path.join(work, "test.csv"), schema="row INT, user INT, movie INT, rating FLOAT")
        als = ALS(rank=settings["rank"], maxIter=settings["iterations"], regParam=settings["regularization"],
                  nonnegative=settings["nonnegative"], seed=settings["seed"], userCol="user", itemCol="movie",
                  ratingCol="rating", coldStartStrategy="nan")
        model = als.fit(train.cache())
        model.userFactors.count()
        fitted = time.time()

        rows = model.transform(test).select("row", "prediction").collect()
        with open(os.path.join(work, "predictions.csv"), "w") as out:
            for row in sorted(rows, key=lambda r: r["row"]):
                out.write("%d,%r\n" % (row["row"], float(row["prediction"])))
        predicted = time.time()

        for name, frame in (("user_factors.csv", model.userFactors), ("movie_factors.csv", model.itemFactors)):
            with open(os.path.join(work, name), "w") as out:
                for row in sorted(frame.collect(), key=lambda r: r["id"]):
                    out.write(",".join([str(row["id"])] + ["%r" % float(v) for v in row["features"]]) + "\n")

        done = {"master": spark.sparkContext.master, "spark_version": spark.version,
                "startup_seconds": ready - started, "fit_seconds": fitted - ready,
                "predict_seconds": predicted - fitted, "rank": model.rank}
        spark.stop()
        with open(os.path.join(work, "done.json"), "w") as out:
            json.dump(done, out)
        """#
}
