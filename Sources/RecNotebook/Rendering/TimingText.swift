import RecEngine

/// Wall times as the reports print them. Timings are the only part of a report allowed to
/// change between two renders of the same notebook on the same data.
enum TimingText {
    /// What a page shows in place of a timing value (a `seconds` table column) under
    /// `--no-timings`; the value itself goes to `timings.json`.
    static let omitted = "—"

    static func seconds(_ value: Double) -> String {
        value < 10 ? DisplayNumber.fixed(value, 3) + " s" : DisplayNumber.fixed(value, 1) + " s"
    }
}
