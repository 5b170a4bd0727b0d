"""The article's Keras SVD and RSVD (section 5), trained with Keras' defaults on recbook's split of
the article-scale synthetic data, scored as the article scores them: `model.evaluate`, with no
fallback for test users who have no training rating and no clipping to the rating range.

Usage (`make reference-keras` does all of it):
    recbook synth --preset douban --seed 42 --out DIR
    KERAS_BACKEND=jax .venv-keras/bin/python scripts/reference/keras_rsvd.py DIR \
        > Tests/Fixtures/keras-rsvd-synthetic.json

Pinned in .venv-keras (Python 3.11): keras==3.15.1, jax[cpu]==0.10.2 (jaxlib 0.10.2),
numpy (as jax pulls it). Slow: 45 + 50 epochs over 805,918 ratings, a few minutes on two cores.

The data and split are recbook's notebooks 03-06: `load ... synth=douban` (master seed 42),
`replace ratings from=-1 to=1`, `split test=0.2`. The split is replayed here from recbook's
documented rule (SplitMix64 seed derived from the master seed and stream 0x50117, Fisher-Yates,
the first ceil(0.2 n) shuffled rows as test), as scripts/reference/item_cf.py does; the fixture
keeps the split's counts and first test rows so the Swift test can check that both sides split
alike. Users and movies get dense indices in order of first appearance (pandas `unique()`).

The models are the article's `model1_SVD(10)` and `model2_RSVD(5, 1e-7)`: Embedding tables with
Keras' default uniform(-0.05, 0.05) initialiser (RSVD: `regularizers.l2(reg)` on all four
tables), a dot product (RSVD: plus both biases and a global constant `np.random.random((1,1))`
that the article's Lambda layer never trains), MSE loss, Adam with Keras' defaults, batches of
10,000, shuffled each epoch; SVD 50 epochs, RSVD 45 (the article's choices, notebooks 03 and 04).
"""
import csv
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402

import recbook_split  # noqa: E402

MASTER_SEED = 42
SPLIT_STREAM = 0x50117
TEST_FRACTION = 0.2
BATCH = 10_000
FIRST_TEST_ROWS = 5


def holdout(rows, fraction, master_seed, stream):
    """recbook's split (recbook_split.holdout) as NumPy index arrays: (train rows, test rows)."""
    train, test = recbook_split.holdout(rows, fraction, master_seed, stream)
    return np.array(train), np.array(test)


def read_ratings(path):
    """(raw user ids, raw movie ids, dense users, dense movies, ratings with -1 made 1)."""
    raw_users, raw_movies, ratings = [], [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for user, movie, rating in csv.reader(handle):
            raw_users.append(user)
            raw_movies.append(movie)
            ratings.append(float(rating))
    users = {key: index for index, key in enumerate(dict.fromkeys(raw_users))}
    movies = {key: index for index, key in enumerate(dict.fromkeys(raw_movies))}
    dense_users = np.array([users[u] for u in raw_users], dtype=np.int32)
    dense_movies = np.array([movies[m] for m in raw_movies], dtype=np.int32)
    ratings = np.array(ratings, dtype=np.float32)
    ratings[ratings == -1] = 1
    return raw_users, raw_movies, dense_users, dense_movies, ratings, len(users), len(movies)


def svd_model(users, movies, k):
    """The article's model1_SVD: the dot product of two embeddings, nothing else."""
    movie_input = keras.Input(shape=(1,), dtype="int32")
    user_input = keras.Input(shape=(1,), dtype="int32")
    m = keras.layers.Flatten()(keras.layers.Embedding(movies, k, name="movieId")(movie_input))
    u = keras.layers.Flatten()(keras.layers.Embedding(users, k, name="user")(user_input))
    output = keras.layers.Dot(axes=1)([m, u])
    model = keras.Model(inputs=[movie_input, user_input], outputs=output)
    model.compile(loss="mse", optimizer="adam", metrics=["mae"])
    return model


def rsvd_model(users, movies, k, reg):
    """The article's model2_RSVD: dot product plus user and movie biases plus an untrained
    random constant, L2 on every embedding table."""
    mu = float(np.random.random((1, 1))[0, 0])
    movie_input = keras.Input(shape=(1,), dtype="int32")
    user_input = keras.Input(shape=(1,), dtype="int32")

    def embedding(size, width, name, inputs):
        layer = keras.layers.Embedding(size, width, name=name, embeddings_regularizer=keras.regularizers.l2(reg))
        return keras.layers.Flatten()(layer(inputs))

    m = embedding(movies, k, "movie", movie_input)
    m_bias = embedding(movies, 1, "workbias", movie_input)
    u = embedding(users, k, "user", user_input)
    u_bias = embedding(users, 1, "userbias", user_input)
    output = keras.layers.Dot(axes=1)([m, u])
    output = keras.layers.add([output, m_bias, u_bias])
    output = keras.layers.Lambda(lambda x: x + mu)(output)
    model = keras.Model(inputs=[movie_input, user_input], outputs=output)
    model.compile(loss="mse", optimizer="adam", metrics=["mae"])
    return model, mu


def scores(model, test_users, test_movies, test_ratings, seen):
    """Whole-test MSE/MAE from `predict` (no clipping), the MAE on seen and unseen users, and
    what `model.evaluate` reports (its loss includes the L2 penalty)."""
    predicted = model.predict([test_movies, test_users], batch_size=BATCH, verbose=0).reshape(-1)
    errors = predicted.astype(np.float64) - test_ratings.astype(np.float64)
    unseen = ~seen
    loss, mae = model.evaluate([test_movies, test_users], test_ratings, batch_size=BATCH, verbose=0)
    return {
        "mse": float(np.mean(errors**2)),
        "mae": float(np.mean(np.abs(errors))),
        "mae_seen_users": float(np.mean(np.abs(errors[seen]))),
        "mae_unseen_users": float(np.mean(np.abs(errors[unseen]))),
        "rows_seen_users": int(seen.sum()),
        "rows_unseen_users": int(unseen.sum()),
        "predictions_outside_1_to_5": int(((predicted < 1) | (predicted > 5)).sum()),
        "keras_evaluate": {"loss": float(loss), "mae": float(mae)},
    }


def backend_version():
    """The version of the backend Keras runs on (jax unless KERAS_BACKEND says otherwise)."""
    module = __import__(keras.backend.backend())
    return getattr(module, "__version__", "unknown")


def main(data_dir):
    raw_users, raw_movies, users, movies, ratings, user_count, movie_count = read_ratings(
        os.path.join(data_dir, "user_movies.csv"))
    train, test = holdout(len(ratings), TEST_FRACTION, MASTER_SEED, SPLIT_STREAM)
    trained = np.zeros(user_count, dtype=bool)
    trained[users[train]] = True
    seen = trained[users[test]]
    result = {
        "versions": {"keras": keras.__version__, "backend": keras.backend.backend(), "numpy": np.__version__,
                     "backend_version": backend_version()},
        "data": {"ratings": int(len(ratings)), "users": user_count, "movies": movie_count},
        "split": {
            "train": int(len(train)),
            "test": int(len(test)),
            "test_users_not_in_training": int(len(set(users[test][~seen].tolist()))),
            "first_test_rows": [
                {"user": raw_users[row], "movie": raw_movies[row], "rating": float(ratings[row])}
                for row in test[:FIRST_TEST_ROWS].tolist()
            ],
        },
    }
    inputs = [movies[train], users[train]]
    test_args = (users[test], movies[test], ratings[test], seen)

    keras.utils.set_random_seed(MASTER_SEED)
    rsvd, mu = rsvd_model(user_count, movie_count, k=5, reg=1e-7)
    rsvd.fit(inputs, ratings[train], epochs=45, batch_size=BATCH, verbose=0)
    result["rsvd"] = {"k": 5, "reg": 1e-7, "epochs": 45, "batch": BATCH, "untrained_global_bias": mu,
                      **scores(rsvd, *test_args)}

    keras.utils.set_random_seed(MASTER_SEED)
    svd = svd_model(user_count, movie_count, k=10)
    svd.fit(inputs, ratings[train], epochs=50, batch_size=BATCH, verbose=0)
    result["svd"] = {"k": 10, "epochs": 50, "batch": BATCH, **scores(svd, *test_args)}

    json.dump(result, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
