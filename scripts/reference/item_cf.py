"""Independent reference figures for notebook 02 (item-based collaborative filtering), computed
with pandas the way the article's section 4 does it.

Usage: python scripts/reference/item_cf.py DATA_DIR > Tests/Fixtures/douban-item-cf.json

DATA_DIR holds user_movies.csv and hot_movies.csv (e.g. ../shared/data/douban). After the
article's -1 -> 1 clean-up, it builds the user x title pivot (pivot_table, mean of duplicate
ratings), correlates it (corr(method='pearson', min_periods=100)) and, for a fixed sample of users
who rated two or more movies, lists the article's item-based recommendation: for each rated
movie, its correlation column (dropna) times the user's rating, summed per movie, sorted
descending, rated movies dropped. It also replays recbook's seeded 80/20 split and scores
mean-centred item kNN on it (MAE / RMSE), next to the movie-mean baseline. The whole ranking is kept, not only its head, so that ties at
the cut cannot make a test flaky. The Swift tests compare recbook's numbers with this file.
"""
import json
import math
import sys

import pandas as pd

from recbook_split import holdout

MIN_PERIODS = 100
SAMPLE = 50
# Item kNN on recbook's default split: master seed 42, split stream 0x50117, 20% test.
MASTER_SEED = 42
SPLIT_STREAM = 0x50117
TEST_FRACTION = 0.2
NEIGHBOURS = 40


def item_knn(data):
    """Mean-centred item kNN (Surprise's KNNWithMeans, item-based) on the training pivot's
    Pearson correlations; unknown users or movies get the training mean; clipped to the scale."""
    train_rows, test_rows = holdout(len(data), TEST_FRACTION, MASTER_SEED, SPLIT_STREAM)
    train, test = data.iloc[train_rows], data.iloc[test_rows]
    pivot = train.pivot_table(index="user", columns="movieId", values="rating")
    corr = pivot.corr(method="pearson", min_periods=MIN_PERIODS)
    means = pivot.mean()
    fallback, low, high = train.rating.mean(), train.rating.min(), train.rating.max()
    cells = pivot.stack().dropna()
    rated = {user: group.droplevel(0) for user, group in cells.groupby(level=0)}

    def predict(user, movie, baseline):
        if user not in rated or movie not in means.index:
            return fallback
        if baseline:
            return min(high, max(low, means[movie]))
        neighbours = sorted(((corr.at[movie, other], other, value) for other, value in rated[user].items()
                             if other != movie and corr.at[movie, other] > 0),
                            key=lambda n: (-n[0], n[1]))[:NEIGHBOURS]
        if not neighbours:
            return min(high, max(low, means[movie]))
        shift = sum(s * (value - means[other]) for s, other, value in neighbours) / sum(n[0] for n in neighbours)
        return min(high, max(low, means[movie] + shift))

    result = {"test_rows": len(test), "train_rows": len(train), "neighbours": NEIGHBOURS}
    for name, baseline in (("knn", False), ("movie_mean", True)):
        errors = [predict(u, m, baseline) - r for u, m, r in zip(test.user, test.movieId, test.rating)]
        result[name] = {"mae": sum(abs(e) for e in errors) / len(errors),
                        "rmse": math.sqrt(sum(e * e for e in errors) / len(errors))}
    return result


def first_appearance(column):
    """Dense ids in order of first appearance, as the article's mapping() makes them."""
    return {key: index for index, key in enumerate(column.unique())}


def recommend(pivot, corr, user):
    """The article's loop, with pd.concat for the Series.append that pandas 2 removed."""
    user_rating = pivot.loc[user].dropna()
    parts = [corr[title].dropna() * user_rating.iloc[i] for i, title in enumerate(user_rating.index)]
    parts = [part for part in parts if len(part) > 0]
    if not parts:
        return user_rating, pd.Series(dtype=float)
    summed = pd.concat(parts).groupby(level=0).sum()
    summed = summed.sort_values(ascending=False)
    # errors='ignore': a rated movie without any defined correlation is not in the sum at all.
    return user_rating, summed.drop(labels=user_rating.index.values, errors="ignore")


def number(value):
    return None if math.isnan(value) else float(value)


def main(data_dir):
    data = pd.read_csv(f"{data_dir}/user_movies.csv", names=["userId", "movieId", "rating"],
                       dtype={"userId": str, "movieId": str})
    movies = pd.read_csv(f"{data_dir}/hot_movies.csv", names=["movieId", "score", "title"],
                         dtype={"movieId": str})
    users = first_appearance(data.userId)
    movie_index = first_appearance(data.movieId)
    data["user"] = data.userId.map(users)
    data = data.replace({"rating": {-1: 1}})
    merged = data.merge(movies[["movieId", "title"]], on="movieId")
    pivot = merged.pivot_table(index="user", columns="title", values="rating")
    corr = pivot.corr(method="pearson", min_periods=MIN_PERIODS)
    rated = pivot.notna().astype(float)
    common = rated.T.dot(rated)
    title_to_id = dict(zip(movies.title, movies.movieId))

    titles = list(pivot.columns)
    pairs = []
    for i, a in enumerate(titles):
        for b in titles[i:]:
            pairs.append({"a": title_to_id[a], "b": title_to_id[b], "common": int(common.loc[a, b]),
                          "r": number(corr.loc[a, b])})

    counts = pivot.notna().sum(axis=1)
    eligible = sorted(int(u) for u in counts[counts >= 2].index)
    step = max(1, len(eligible) // SAMPLE)
    sample = set(eligible[::step][:SAMPLE])
    sample |= {u for u in (666, 6666) if u in set(eligible)}
    heaviest = counts.sort_values(ascending=False, kind="stable").head(5).index
    sample |= {int(u) for u in heaviest if counts[u] >= 2}

    recommendations = []
    for user in sorted(sample):
        user_rating, ranking = recommend(pivot, corr, user)
        recommendations.append({
            "user": user,
            "rated": [{"movieId": title_to_id[t], "rating": float(r)} for t, r in user_rating.items()],
            "ranking": [{"movieId": title_to_id[t], "title": t, "score": float(s)} for t, s in ranking.items()],
        })

    result = {
        "source": "pandas " + pd.__version__ + " on " + data_dir,
        "min_periods": MIN_PERIODS,
        "pivot": {"users": int(pivot.shape[0]), "movies": int(pivot.shape[1]),
                  "cells": int(pivot.notna().sum().sum()), "eligible_users": len(eligible)},
        "movies": [{"movieId": title_to_id[t], "title": t, "index": movie_index[title_to_id[t]],
                    "raters": int(rated[t].sum())} for t in titles],
        "pairs": pairs,
        "recommendations": recommendations,
        "item_knn": item_knn(data),
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/douban")
