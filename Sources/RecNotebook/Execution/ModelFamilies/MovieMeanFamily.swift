/// `movie-mean`: each movie's mean training rating; nothing to set.
enum MovieMeanFamily {
    static let family = ModelFamily(
        name: "movie-mean", summary: "each movie's mean training rating (popularity baseline)", settings: [],
        build: { _, _ in .movieMean })
}
