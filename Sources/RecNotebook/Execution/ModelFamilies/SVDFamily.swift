/// `svd`: the article's plain dot product `p_u · q_i`, trained by Adam; its final choice of
/// 10 factors and 50 epochs. It has no regularisation, so it takes no `reg`.
enum SVDFamily {
    static let family = ModelFamily(
        name: "svd", summary: "dot product of user and movie embeddings (the article's SVD), by Adam",
        settings: AdamFamily.settings(kind: .svd, k: 10, reg: nil, epochs: 50),
        build: { AdamFamily.config(.svd, $0, seed: $1) }, canBeSaved: true)
}
