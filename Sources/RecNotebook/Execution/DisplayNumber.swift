import Foundation

/// Number formatting shared by the renderers and the few verbs that make labels.
enum DisplayNumber {
    /// Fixed digits after the point; NaN as pandas prints it.
    static func fixed(_ value: Double, _ precision: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(precision)f", value)
        // "-0.000000" reads as a sign error; pandas prints 0.
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// `4` for 4.0, `-1` for -1.0, `3.5` for 3.5.
    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
