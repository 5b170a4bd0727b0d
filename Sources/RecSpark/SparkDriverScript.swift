/// The PySpark driver program recbook contains: one per notebook, started on the first directive
/// that needs Spark and spoken to in JSON lines (see `SparkDriver` for the protocol). It is
/// written into the session's work folder, so the exact program of each run can be read there.
enum SparkDriverScript {
    static let fileName = "recbook_spark_driver.py"

    /// The protocol both sides speak; a reply of another version is refused.
    static let protocolVersion = 1

    /// The whole program: the protocol and Spark's start, the operations on ratings held in
    /// Spark (`SparkDriverScript+Data.swift`), then the request loop. Python needs a function
    /// defined before the table of operations names it, hence this order.
    static var source: String {
        [protocolAndSession, dataOperations, requestLoop].joined(separator: "\n\n\n")
    }

    /// The protocol, Spark's start, and the embedded-data route (`als`: a split written by recbook).
    private static let protocolAndSession = #"""
        # recbook's Spark driver, protocol version 1. recbook runs it with the Python that has pyspark
        # and writes one request per line to its standard input:
        #   {"v": 1, "id": N, "op": NAME, "args": {...}}
        # It answers each with exactly one line, in order, errors as data:
        #   {"v": 1, "id": N, "ok": true, "result": {...}}  or  {"v": 1, "id": N, "ok": false, "error": TEXT}
        # Its first line (id 0) says whether Spark started. Everything else it, py4j or the JVM print
        # goes to standard error, which recbook keeps as the session's log.
        import json
        import os
        import sys
        import threading
        import time

        PROTOCOL = 1
        replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
        os.dup2(2, 1)
        sys.stdout = sys.stderr


        def describe(error):
            """One line: a Java exception's own message rather than py4j's wrapping and stack."""
            java = getattr(error, "java_exception", None)
            if java is not None:
                return str(java.toString())
            lines = str(error).strip().splitlines()
            return "%s: %s" % (type(error).__name__, lines[0] if lines else "")


        def send(message):
            message["v"] = PROTOCOL
            replies.write(json.dumps(message, allow_nan=False) + "\n")


        def watch_parent(parent):
            # recbook gone (killed, interrupted) means nobody will ever read a reply: exit, and the JVM,
            # which pyspark ties to this process's life, exits with it.
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(3)


        threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()

        started = time.time()
        try:
            from pyspark.ml.recommendation import ALS
            from pyspark.sql import SparkSession

            spark = SparkSession.builder.appName("recbook").getOrCreate()
            spark.sparkContext.setLogLevel("ERROR")
        except Exception as error:
            send({"id": 0, "ok": False, "error": describe(error)})
            sys.exit(1)
        send({"id": 0, "ok": True, "result": {"master": spark.sparkContext.master, "spark_version": spark.version,
                                              "startup_seconds": time.time() - started}})


        def write_factors(path, frame):
            with open(path, "w") as out:
                for row in sorted(frame.collect(), key=lambda r: r["id"]):
                    out.write(",".join([str(row["id"])] + ["%r" % float(v) for v in row["features"]]) + "\n")


        splits = {}


        def split_frames(folder):
            """SPLIT/train.csv (cached: every later fit on the same split reuses it) and SPLIT/test.csv."""
            if folder not in splits:
                train = spark.read.csv(os.path.join(folder, "train.csv"), schema="user INT, movie INT, rating FLOAT")
                test = spark.read.csv(os.path.join(folder, "test.csv"), schema="row INT, user INT, movie INT, rating FLOAT")
                # A file this size is one partition: spread it over the cores before ALS blocks it.
                train = train.repartition(spark.sparkContext.defaultParallelism)
                splits[folder] = (train.cache(), test)
            return splits[folder]


        def als(args):
            """Explicit ALS on the split's training rows; predicts its test rows; writes predictions and
            factors to WORK."""
            work = args["work"]
            began = time.time()
            train, test = split_frames(args["split"])
            model = ALS(rank=args["rank"], maxIter=args["iterations"], regParam=args["regularization"],
                        nonnegative=args["nonnegative"], seed=args["seed"], userCol="user", itemCol="movie",
                        ratingCol="rating", coldStartStrategy="nan").fit(train)
            model.userFactors.count()
            fitted = time.time()
            rows = model.transform(test).select("row", "prediction").collect()
            with open(os.path.join(work, "predictions.csv"), "w") as out:
                for row in sorted(rows, key=lambda r: r["row"]):
                    out.write("%d,%r\n" % (row["row"], float(row["prediction"])))
            predicted = time.time()
            write_factors(os.path.join(work, "user_factors.csv"), model.userFactors)
            write_factors(os.path.join(work, "movie_factors.csv"), model.itemFactors)
            return {"fit_seconds": fitted - began, "predict_seconds": predicted - fitted, "rank": model.rank}
        """#

    /// Reads requests until `stop` or the end of input, one reply each, and stops Spark.
    private static let requestLoop = #"""
        OPERATIONS = {"als": als, "load": load, "write_parquet": write_parquet, "summary": summary, "histogram": histogram, "split": hash_split, "rank": rank, "recommend": recommend,
                      "als_on_data": als_on_data, "ranking": ranking, "stop": lambda args: {}}

        for line in sys.stdin:
            try:
                request = json.loads(line)
                if not isinstance(request, dict):
                    raise ValueError("a request is a JSON object")
            except ValueError as error:
                send({"id": None, "ok": False, "error": "not a request: %s" % error})
                continue
            number = request.get("id")
            if request.get("v") != PROTOCOL:
                send({"id": number, "ok": False, "error": "protocol version %r; this driver speaks %d" % (request.get("v"), PROTOCOL)})
                continue
            operation = OPERATIONS.get(request.get("op"))
            if operation is None:
                send({"id": number, "ok": False, "error": "unsupported request %r" % request.get("op")})
                continue
            try:
                send({"id": number, "ok": True, "result": operation(request.get("args") or {})})
            except Exception as error:
                send({"id": number, "ok": False, "error": describe(error)})
            if request.get("op") == "stop":
                break
        spark.stop()
        """#
}
