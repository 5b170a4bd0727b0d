import RecEngine

/// Wall times as the reports print them. Timings are the only part of a report allowed to
/// change between two renders of the same notebook on the same data.
enum TimingText {
    static func seconds(_ value: Double) -> String {
        value < 10 ? DisplayNumber.fixed(value, 3) + " s" : DisplayNumber.fixed(value, 1) + " s"
    }
}
