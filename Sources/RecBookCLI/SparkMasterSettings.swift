import ArgumentParser

/// `--spark-master`, shared by `render`, `check` and `watch`; it reaches `engine=spark` through
/// the run's options, never the process environment.
struct SparkMasterSettings: ParsableArguments {
    @Option(help: "Spark master for `train ... engine=spark` (default: $SPARK_MASTER, else local[2]).")
    var sparkMaster: String?
}
