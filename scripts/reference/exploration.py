"""Independent reference figures for notebook 01, computed with pandas the way the article does.

Usage: python scripts/reference/exploration.py DATA_DIR > Tests/Fixtures/douban-exploration.json

DATA_DIR holds user_movies.csv and hot_movies.csv (e.g. ../shared/data/douban). The Swift tests
compare recbook's numbers with this file; regenerate it with `make reference`.
"""
import json
import sys

import pandas as pd


def main(data_dir):
    data = pd.read_csv(f"{data_dir}/user_movies.csv", names=["userId", "movieId", "rating"],
                       dtype={"userId": str, "movieId": str})
    movies = pd.read_csv(f"{data_dir}/hot_movies.csv", names=["movieId", "score", "title"],
                         dtype={"movieId": str})

    # Douban scores over every listed movie; the article's > 8 table, ties in file order.
    above = movies[movies.score > 8].sort_values(by="score", kind="stable")
    histogram = data.groupby("rating").size()

    # Dense ids in order of first appearance, as the article's mapping() does.
    movie_index = {movie_id: i for i, movie_id in enumerate(data.movieId.unique())}
    cleaned = data.replace({"rating": {-1: 1}})
    per_movie = cleaned.groupby("movieId").rating.agg(["mean", "count"])
    per_movie["index"] = [movie_index[m] for m in per_movie.index]
    ranking = per_movie.sort_values(by=["mean", "index"], ascending=[False, True])
    scores = dict(zip(movies.movieId, movies.score))
    titles = dict(zip(movies.movieId, movies.title))

    result = {
        "source": "pandas " + pd.__version__ + " on " + data_dir,
        "movies": {
            "listed": int(len(movies)),
            "max_score": float(movies.score.max()),
            "min_score": float(movies.score.min()),
            "mean_score": float(movies.score.mean()),
            "above_8": [{"movieId": m, "score": float(s), "title": t}
                        for m, s, t in zip(above.movieId, above.score, above.title)],
        },
        "ratings": {
            "rows": int(len(data)),
            "users": int(data.userId.nunique()),
            "movies": int(data.movieId.nunique()),
            "min": float(data.rating.min()),
            "max": float(data.rating.max()),
            "mean": float(data.rating.mean()),
            "histogram": {str(int(k)): int(v) for k, v in histogram.items()},
            "replaced_minus_one": int((data.rating == -1).sum()),
        },
        "mean_rating_ranking": [
            {"movie": int(row["index"]), "movieId": movie_id, "mean": float(row["mean"]),
             "count": int(row["count"]), "score": float(scores[movie_id]), "title": titles[movie_id]}
            for movie_id, row in ranking.head(30).iterrows()
        ],
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/douban")
