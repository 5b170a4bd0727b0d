/// Work on a predictor of one concrete model type. A loop of many predictions through
/// `Predictor<FittedModel>` matches the enum on every call, and matching copies the model out
/// of its case each time; `Predictor<FittedModel>.withConcreteModel` matches once and hands the
/// loop a predictor of the model itself.
public protocol PredictorWork {
    associatedtype Output
    func run<Model: RatingEstimator>(_ predictor: Predictor<Model>) -> Output
}
