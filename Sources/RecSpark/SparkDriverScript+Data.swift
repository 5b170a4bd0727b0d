/// The driver's operations on ratings that stay in Spark (`load ratings=URI engine=spark`):
/// reading, statistics, the hashed split, ALS on numbered ids, ranking metrics and top-N lists.
/// Only their results go back to recbook, never the rows.
extension SparkDriverScript {
    static let dataOperations = #"""
        # Ratings that stay in Spark (`load ratings=URI engine=spark`): recbook receives only the
        # results below, never the rows. Columns: user and movie as the file writes them (text), rating.
        data = {}


        def text_ratings(args):
            """A delimited file read as lines, each split and checked as recbook's own reader checks it;
            `bad` marks the rows it would call malformed."""
            from pyspark.sql import functions as F

            lines = spark.read.text(args["uri"]).filter(F.trim("value") != "")
            if args["header"]:
                first = lines.first()
                if first is not None:
                    lines = lines.filter(F.col("value") != first["value"])
            fields = F.split("value", "\\Q" + args["separator"] + "\\E", -1)
            frame = lines.select(
                "value", F.size(fields).alias("fields"),
                F.trim(fields.getItem(args["user_column"])).alias("user"),
                F.trim(fields.getItem(args["movie_column"])).alias("movie"),
                F.trim(fields.getItem(args["rating_column"])).try_cast("double").alias("rating"))
            bad = ((F.col("fields") != args["field_count"]) | F.col("user").isNull() | (F.col("user") == "")
                   | F.col("movie").isNull() | (F.col("movie") == "") | F.col("rating").isNull())
            return frame, bad


        def parquet_ratings(args):
            from pyspark.sql import functions as F

            frame = spark.read.parquet(args["uri"])
            names = {name.lower(): name for name in frame.columns}

            def column(*choices):
                for choice in choices:
                    if choice in names:
                        return names[choice]
                raise ValueError("the Parquet data has no %s column (columns: %s)" % (choices[0], ", ".join(frame.columns)))

            frame = frame.select(
                F.col(column("user", "userid", "user_id")).cast("string").alias("user"),
                F.col(column("movie", "movieid", "movie_id", "item")).cast("string").alias("movie"),
                F.col(column("rating")).cast("double").alias("rating"),
                F.concat_ws(",", *[F.col(name).cast("string") for name in frame.columns]).alias("value"))
            bad = F.col("user").isNull() | F.col("movie").isNull() | F.col("rating").isNull()
            return frame, bad


        def load(args):
            from pyspark.sql import functions as F

            for old in data.values():
                for frame in old if isinstance(old, tuple) else (old,):
                    if hasattr(frame, "unpersist"):
                        frame.unpersist()
            data.clear()
            frame, bad = parquet_ratings(args) if args["format"] == "parquet" else text_ratings(args)
            low, high = args["rating_range"]
            bad = bad | (F.col("rating") < low) | (F.col("rating") > high)
            if args["whole_ratings"]:
                bad = bad | (F.col("rating") != F.floor("rating"))
            malformed = frame.filter(bad)
            skipped = malformed.count()
            examples = [row["value"] for row in malformed.limit(3).collect()]
            if skipped and not args["skip_malformed"]:
                raise ValueError("%d malformed row%s in %s, for example `%s`; add skip-malformed=true to skip and count them"
                                 % (skipped, "" if skipped == 1 else "s", args["uri"], examples[0]))
            ratings = frame.filter(~bad).select("user", "movie", "rating")
            ratings = ratings.repartition(spark.sparkContext.defaultParallelism).cache()
            data["ratings"] = ratings
            return dict(summary({}), skipped=skipped, examples=examples)


        def loaded():
            if "ratings" not in data:
                raise ValueError("no ratings are loaded in Spark")
            return data["ratings"]


        def summary(args):
            from pyspark.sql import functions as F

            row = loaded().agg(F.count("*").alias("rows"), F.countDistinct("user").alias("users"),
                               F.countDistinct("movie").alias("movies"), F.min("rating").alias("minimum"),
                               F.max("rating").alias("maximum"), F.mean("rating").alias("mean")).first()
            return row.asDict()


        def histogram(args):
            rows = loaded().groupBy("rating").count().orderBy("rating").collect()
            return {"values": [[row["rating"], row["count"]] for row in rows]}


        def hash_split(args):
            """recbook's row-hash split (RecEngine's RowHashSplit): a row is a test row when the first
            8 hex digits of SHA-256("USER,MOVIE,SEED") are below the threshold."""
            from pyspark.sql import functions as F

            ratings = loaded()
            for name in ("train", "test"):
                if name in data:
                    data.pop(name).unpersist()
            data.pop("models", None)
            key = F.concat_ws(",", "user", "movie", F.lit(args["seed"]))
            hashed = F.conv(F.substring(F.sha2(key, 256), 1, 8), 16, 10).cast("bigint")
            flagged = ratings.withColumn("test", hashed < F.lit(args["threshold"]))
            data["train"] = flagged.filter(~F.col("test")).drop("test").cache()
            data["test"] = flagged.filter(F.col("test")).drop("test").cache()
            train_users = data["train"].select("user").distinct()
            cold = data["test"].select("user").distinct().join(train_users, "user", "left_anti").count()
            return {"train": data["train"].count(), "test": data["test"].count(), "cold_users": cold}


        def id_table(column):
            """Integer ids for ALS: the column's distinct values in sorted order, numbered from 0. A
            distributed sort numbers the rows within each partition and a short list of partition
            sizes turns that into one count, so no list of values ever reaches the driver (at 50
            million ratings there are 11 million users, which StringIndexer would collect)."""
            from pyspark.sql import functions as F

            values = (loaded().select(column).distinct().orderBy(column)
                      .withColumn("part", F.spark_partition_id())
                      .withColumn("position", F.monotonically_increasing_id()).cache())
            offsets, total = [], 0
            for row in sorted(values.groupBy("part").count().collect()):
                offsets.append((row["part"], total))
                total += row["count"]
            starts = spark.createDataFrame(offsets, "part INT, start BIGINT")
            # monotonically_increasing_id puts the partition number in the upper 31 bits.
            number = F.col("start") + F.col("position") - F.shiftleft(F.col("part").cast("bigint"), 33)
            table = values.join(F.broadcast(starts), "part").select(column, number.cast("int").alias("index")).cache()
            table.count()
            values.unpersist()
            return table


        def ids():
            """The users' and the movies' id tables, numbering every user and movie of all the loaded
            ratings, so every split and fit of them uses the same ids."""
            if "indexed" not in data:
                data["indexed"] = (id_table("user"), id_table("movie"))
            return data["indexed"]


        def indexed(frame):
            """FRAME's ratings with ALS's integer ids: u, m, rating."""
            from pyspark.sql import functions as F

            users, movies = ids()
            return frame.join(users, "user").withColumnRenamed("index", "u").join(movies, "movie").select(
                "u", F.col("index").alias("m"), "rating")


        def als_on_data(args):
            """ALS on the Spark split's training rows, scored on its test rows as recbook's `evaluate`
            scores: a user or movie with no training rating gets the training mean, and predictions
            are clipped to the training ratings' range."""
            from pyspark.sql import functions as F

            if "train" not in data:
                raise ValueError("the ratings in Spark have no split yet")
            ids()
            began = time.time()
            train = indexed(data["train"])
            model = ALS(rank=args["rank"], maxIter=args["iterations"], regParam=args["regularization"],
                        nonnegative=args["nonnegative"], seed=args["seed"], userCol="u", itemCol="m",
                        ratingCol="rating", coldStartStrategy="nan").fit(train)
            model.userFactors.count()
            fitted = time.time()
            bounds = data["train"].agg(F.mean("rating"), F.min("rating"), F.max("rating")).first()
            mean, low, high = bounds[0], bounds[1], bounds[2]
            predicted = model.transform(indexed(data["test"]))
            fallback = F.isnan("prediction") | F.col("prediction").isNull()
            estimate = F.when(fallback, F.lit(mean)).otherwise(
                F.least(F.greatest(F.col("prediction").cast("double"), F.lit(low)), F.lit(high)))
            error = F.col("rating") - estimate
            row = predicted.agg(F.count("*").alias("rows"), F.sum(F.when(fallback, 1).otherwise(0)).alias("fallbacks"),
                                F.mean(error * error).alias("mse"), F.mean(F.abs(error)).alias("mae")).first()
            scored = time.time()
            data.setdefault("models", {})[args["name"]] = (model, mean, low, high)
            return {"rows": row["rows"], "fallbacks": row["fallbacks"], "mse": row["mse"], "mae": row["mae"],
                    "fit_seconds": fitted - began, "predict_seconds": scored - fitted, "rank": model.rank}


        def rank(args):
            """Movies by mean rating or by number of ratings (ties by movie id), with at least
            min_count ratings."""
            from pyspark.sql import functions as F

            movies = loaded().groupBy("movie").agg(F.mean("rating").alias("mean"), F.count("*").alias("count"))
            movies = movies.filter(F.col("count") >= args["min_count"])
            top = movies.orderBy(F.desc(args["by"]), F.asc("movie")).limit(args["n"]).collect()
            return {"rows": [[row["movie"], row["mean"], row["count"]] for row in top], "total": movies.count()}


        def trained(name):
            models = data.get("models", {})
            if name not in models:
                raise ValueError("no model %r was trained on the ratings in Spark since their last split" % name)
            return models[name]


        def recommend(args):
            """The n unrated movies with the highest predictions for one user (the training mean for
            movies ALS has no factors for, every prediction clipped to the training range), and the
            user's own ratings, highest first."""
            from pyspark.sql import functions as F

            model, mean, low, high = trained(args["model"])
            users, movies = ids()
            user = args["user"]
            rated = loaded().filter(F.col("user") == user).select("movie", "rating").collect()
            if not rated:
                raise ValueError("user id %r is not in the ratings" % user)
            user_index = users.filter(F.col("user") == user).first()["index"]
            vector = model.userFactors.filter(F.col("id") == user_index).first()
            labels = sorted((row["index"], row["movie"]) for row in movies.collect())
            factors = {row["id"]: row["features"] for row in model.itemFactors.collect()}
            seen = set(row["movie"] for row in rated)
            scored = []
            for index, movie in labels:
                if movie in seen:
                    continue
                if vector is None or index not in factors:
                    prediction = mean
                else:
                    prediction = sum(a * b for a, b in zip(vector["features"], factors[index]))
                scored.append((-min(max(prediction, low), high), movie))
            scored.sort()
            favourites = sorted(((-row["rating"], row["movie"]) for row in rated))[: args["n"]]
            return {"recommended": [[movie, -score] for score, movie in scored[: args["n"]]],
                    "rated": [[movie, -rating] for rating, movie in favourites], "rated_count": len(rated),
                    "unrated": len(scored)}


        def ranking(args):
            """Top-k quality of a model fitted on the Spark split, by RecEngine's RankingEvaluation
            rules: for every user with a training rating and a relevant held-out movie (mean held-out
            rating at least `relevant`, not also rated in training), every movie the user did not
            rate in training is ranked by its clipped prediction (the training mean without
            factors), ties by movie id; precision, recall, NDCG and AP at k are averaged over those
            users. Computed row by row in Spark SQL: no user's list reaches the driver."""
            from pyspark.sql import functions as F

            model, mean, low, high = trained(args["model"])
            users, movies = ids()
            k, threshold = args["k"], args["relevant"]

            train, test = indexed(data["train"]), indexed(data["test"])
            relevant = (test.groupBy("u", "m").agg(F.mean("rating").alias("rating")).filter(F.col("rating") >= threshold)
                        .join(train.select("u", "m").distinct(), ["u", "m"], "left_anti"))
            wanted = relevant.groupBy("u").agg(F.collect_set("m").alias("relevant"))
            rated = train.groupBy("u").agg(F.collect_set("m").alias("rated"))
            cold = (test.filter(F.col("rating") >= threshold).select("u").distinct()
                    .join(rated, "u", "left_anti").count())
            evaluated = wanted.join(rated, "u").cache()
            catalogue = movies.count()
            with_factors = set(row["id"] for row in model.itemFactors.select("id").collect())
            without = [row["index"] for row in movies.collect() if row["index"] not in with_factors]
            scores = model.recommendForUserSubset(evaluated.select("u"), max(1, len(with_factors)))
            extra = F.array(*[F.struct(F.lit(m).alias("m"), F.lit(mean).cast("float").alias("rating")) for m in without])
            candidates = F.filter(F.concat(F.col("recommendations"), extra) if without else F.col("recommendations"),
                                  lambda x: ~F.array_contains("rated", x["m"]))
            clipped = F.transform(candidates, lambda x: F.struct(
                x["m"].alias("m"), F.least(F.greatest(x["rating"].cast("double"), F.lit(low)), F.lit(high)).alias("score")))

            def order(a, b):
                return (F.when(a["score"] > b["score"], -1).when(a["score"] < b["score"], 1)
                        .when(a["m"] < b["m"], -1).when(a["m"] > b["m"], 1).otherwise(0))

            top = F.slice(F.array_sort(clipped, order), 1, k)
            hits = F.transform(top, lambda x: F.when(F.array_contains("relevant", x["m"]), 1.0).otherwise(0.0))
            ideal = F.least(F.lit(k), F.size("relevant"))
            ranked = evaluated.join(scores, "u").select(F.transform(top, lambda x: x["m"]).alias("shown"),
                                                       hits.alias("hits"), F.size("relevant").alias("relevant"),
                                                       ideal.alias("ideal"))
            total = F.aggregate("hits", F.lit(0.0), lambda a, h: a + h)
            dcg = F.aggregate(F.transform("hits", lambda h, i: h / F.log2(i + 2)), F.lit(0.0), lambda a, v: a + v)
            best = F.aggregate(F.sequence(F.lit(1), F.col("ideal")), F.lit(0.0), lambda a, i: a + 1 / F.log2(i + 1))
            precisions = F.transform("hits", lambda h, i: h * F.aggregate(F.slice("hits", 1, i + 1), F.lit(0.0),
                                                                          lambda a, v: a + v) / (i + 1))
            ap = F.aggregate(precisions, F.lit(0.0), lambda a, v: a + v) / F.col("ideal")
            row = ranked.agg(F.count("*").alias("users"), F.mean(total / k).alias("precision"),
                             F.mean(total / F.col("relevant")).alias("recall"), F.mean(dcg / best).alias("ndcg"),
                             F.mean(ap).alias("map")).first()
            shown = ranked.select(F.explode("shown")).distinct().count()
            evaluated.unpersist()
            return dict(row.asDict(), cold_users=cold, coverage=shown / catalogue if catalogue else None)


        def write_parquet(args):
            """The loaded ratings as Parquet (user and movie as text, rating as a double), replacing PATH."""
            loaded().write.mode("overwrite").parquet(args["path"])
            return {"rows": spark.read.parquet(args["path"]).count()}
        """#
}
