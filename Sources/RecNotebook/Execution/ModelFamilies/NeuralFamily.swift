/// `neural`: embeddings and biases through one ReLU layer; the article's final choice of 5
/// factors, 80 hidden units, reg 0.01 and 45 epochs.
enum NeuralFamily {
    static let family = ModelFamily(
        name: "neural", summary: "embeddings and biases through a ReLU layer (the article's neural model), by Adam",
        settings: AdamFamily.settings(kind: .neural, k: 5, reg: 0.01, epochs: 45),
        build: { AdamFamily.config(.neural, $0, seed: $1) }, canBeSaved: true)
}
