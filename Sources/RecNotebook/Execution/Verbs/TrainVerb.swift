import Foundation
import RecEngine

/// `train`: fits a model on the split's training rows and keeps it under a name.
enum TrainVerb {
    static let verb = Verb(
        name: "train",
        summary: "Trains a model (svd, rsvd, neural by Adam; sgd-svd, baseline as Surprise; movie-mean; als, embedded or "
            + "on Spark with engine=spark; item-knn) on the training rows and names it.",
        usage: "train NAME model=\(ModelFamilyRegistry.names.joined(separator: "|")) [SETTING=VALUE ...] [seed=N] "
            + "[engine=swift|spark] [on=train|all]",
        example: "train rsvd1 model=rsvd k=5 reg=1e-7 epochs=45 batch=10000",
        keys: ModelOptions.keys + ["on", "engine"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`train` needs one model name before the options, as in: \(verb.example)")
        }
        if let sparkData = session.sparkData {
            let config = try ModelOptions.candidates(
                invocation, rows: sparkData.split?.train ?? 0, seed: ModelOptions.seed(session, name: name),
                allowLists: false)[0]
            return try SparkDataVerbs.train(name, config, invocation, session)
        }
        let on = try invocation.choice("on", from: ["train", "all"], default: "train")
        let table: RatingsTable
        let described: String
        if on == "all" {
            table = try session.requireDataset(invocation).ratings
            described = "all \(table.count) ratings"
        } else {
            let split = try session.requireSplit(invocation)
            table = split.train
            described = "the \(split.kind) split's training rows (\(DisplayNumber.count(table.count)) ratings)"
        }
        let config = try ModelOptions.candidates(
            invocation, rows: table.count, seed: ModelOptions.seed(session, name: name), allowLists: false)[0]
        let givenSeed = try ModelOptions.seeds(invocation).first
        if try invocation.choice("engine", from: ["swift", "spark"], default: "swift") == "spark" {
            return try SparkTraining.train(name, config, on, invocation, session)
        }
        let started = Date()
        let epochs = config.epochCount ?? 0
        let progress: (EpochRecord) -> Void = { record in
            session.reportProgress(invocation, done: record.epoch, of: epochs, detail: EpochLine.text(name, record, of: epochs))
        }
        let fitted: FittedModel
        var parametersKey: String? = TrainedModel.fittedFromInputs
        if case .factor(let factorConfig) = config {
            // The slow models go through the runner's cache (`--cache`) as their saved-model
            // bytes; a hit restores the same parameters and history without training.
            let bytes: Data
            (bytes, parametersKey) = try session.cachedEntry(
                "fit \(name)", invocation, key: "\(factorConfig)",
                content: session.fitContent(table, settings: "\(factorConfig)"), encode: { $0 }, decode: { $0 }
            ) { () throws(NotebookError) -> Data in
                do throws(TrainingError) {
                    return try FactorTrainer.fit(factorConfig, on: table, threads: session.context.threads, progress: progress)
                        .encoded()
                } catch {
                    throw ModelOptions.failure(error, invocation)
                }
            }
            do throws(ModelFileError) {
                fitted = .factor(try FactorModel.decode(bytes, path: "the cached `\(name)`"))
            } catch {
                throw invocation.fail("\(error.description); run again with --no-cache")
            }
        } else if case .als(let alsConfig) = config {
            // ALS fits in seconds, but a notebook may train several; cached as packed factors.
            let model: ALSModel
            (model, parametersKey) = try session.cachedEntry(
                "fit \(name)", invocation, key: "\(alsConfig)", content: session.fitContent(table, settings: "\(alsConfig)"),
                encode: { $0.encoded() }, decode: ALSModel.decode
            ) { () throws(NotebookError) -> ALSModel in
                guard table.count > 0 else { throw ModelOptions.failure(TrainingError.noTrainingData, invocation) }
                do throws(ConfigError) {
                    return try ALS.fit(table, config: alsConfig, threads: session.context.threads)
                } catch {
                    throw invocation.fail(error.description)
                }
            }
            fitted = .als(model)
        } else {
            do {
                fitted = try config.fit(on: table, threads: session.context.threads, progress: progress)
            } catch {
                throw ModelOptions.failure(error, invocation)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let predictor = HeldOutEvaluation.predictor(fitted, train: table)
        let replaced = session.store(
            TrainedModel(
                name: name, config: config, predictor: predictor, trainSeconds: seconds, trainedOn: described,
                parametersKey: parametersKey, givenSeed: givenSeed), invocation)
        var metrics: [Metric] = [.count("training ratings", table.count)]
        if let history = fitted.history, let last = history.epochs.last {
            metrics.append(.count("epochs run", history.epochs.count))
            metrics.append(Metric("final train loss", last.trainLoss, precision: 4))
            metrics.append(Metric("final train MAE", last.trainMAE, precision: 4))
            if let loss = last.validationLoss, let mae = last.validationMAE {
                metrics.append(Metric("final validation loss", loss, precision: 4))
                metrics.append(Metric("final validation MAE", mae, precision: 4))
            }
        }
        var results: [CellResult] = [
            .metrics(
                MetricList(
                    title: "Trained `\(name)`: \(config.family), \(config.summary(givenSeed: givenSeed))", metrics: metrics))
        ]
        if case .factor(let factorConfig) = config, let history = fitted.history,
            let warning = LearningCheck(config: factorConfig, history: history, table: table).warning(model: name)
        {
            results.append(.note(warning))
        }
        if let history = fitted.history, history.stoppedEarly {
            results.append(
                .note(
                    "Early stopping ended training after \(history.epochs.count) epochs: validation loss had stopped improving."))
        }
        if let replaced { results.append(replaced) }
        return results
    }
}
