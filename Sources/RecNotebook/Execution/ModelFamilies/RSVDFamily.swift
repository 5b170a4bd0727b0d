/// `rsvd`: the dot product plus user and movie biases and the mean, L2 on the embeddings; the
/// article's final choice of 5 factors, reg 1e-7 and 45 epochs.
enum RSVDFamily {
    static let family = ModelFamily(
        name: "rsvd", summary: "embeddings with biases and L2 regularisation (the article's RSVD), by Adam",
        settings: AdamFamily.settings(kind: .rsvd, k: 5, reg: 1e-7, epochs: 45),
        build: { AdamFamily.config(.rsvd, $0, seed: $1) }, canBeSaved: true)
}
