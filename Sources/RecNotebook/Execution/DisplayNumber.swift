import Foundation

/// Number formatting shared by the renderers and the few verbs that make labels.
enum DisplayNumber {
    /// The most digits after the point `value(_:precision:)` adds to write a value exactly.
    static let maximumDigits = 6

    /// How a number from a result (a metric, a table cell, a bar, an axis label) is shown; HTML
    /// and Markdown both print this text, so they show the same digits.
    ///
    /// `precision` is the fewest digits after the point, not a rounding that may lose the value:
    /// when those digits do not write the value exactly, it gets the fewest more digits (up to
    /// `maximumDigits`) that do. So in a whole-number column 4 shows `4` but a MovieLens rating
    /// of 0.5 shows `0.5` (never `0`), 4.25 `4.25`, 12345678.9 `12345678.9`, -0.0001 `-0.0001`.
    /// A value that no decimal that short writes exactly is a computed figure (a mean, an error,
    /// a prediction): it is rounded to `precision`, the display its verb chose for it. NaN, inf
    /// and -inf are spelled `NaN`, `inf` and `-inf`, as in the JSON twin.
    static func value(_ value: Double, precision: Int) -> String {
        guard value.isFinite else { return fixed(value, precision) }
        for digits in precision...max(precision, maximumDigits) {
            let text = fixed(value, digits)
            // Exact: the printed decimal reads back as the very same Double.
            if Double(text) == value { return text }
        }
        return fixed(value, precision)
    }

    /// Fixed digits after the point; NaN as pandas prints it. For layout (coordinates, times);
    /// values from results go through `value(_:precision:)`.
    static func fixed(_ value: Double, _ precision: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(precision)f", value)
        // "-0.000000" reads as a sign error; pandas prints 0.
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// A count as pages show it: `1,007,397` (see `grouped(_:)`).
    static func count(_ value: Int) -> String {
        grouped(String(value))
    }

    /// A number already written by `value(_:precision:)` or `String(Int)`, with a comma between
    /// each group of three digits of its whole part: `1007397` → `1,007,397`, `-1234.5` →
    /// `-1,234.5`, `999` and `NaN` unchanged. Pages show counts and quantities this way; ids
    /// (`TableColumn.Kind.identifier`) and the JSON twin's raw numbers never.
    static func grouped(_ number: String) -> String {
        let sign = number.hasPrefix("-") ? "-" : ""
        let unsigned = number.dropFirst(sign.count)
        let whole = unsigned.prefix { $0.isASCII && $0.isNumber }
        guard whole.count > 3 else { return number }
        var digits = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { digits.append(",") }
            digits.append(digit)
        }
        return sign + digits + unsigned.dropFirst(whole.count)
    }

    /// `text` with the commas `grouped(_:)` puts into numbers taken out again (`1,007,397
    /// ratings` → `1007397 ratings`), so `check` compares a note's numbers, not how they were
    /// written: reports rendered before numbers were grouped still compare equal.
    static func ungrouped(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let isDigit = { (position: Int) in
                position >= 0 && position < characters.count && characters[position].isASCII && characters[position].isNumber
            }
            if character == ",", isDigit(index - 1), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3),
                !isDigit(index + 4)
            {
                continue
            }
            result.append(character)
        }
        return result
    }

    /// `4` for 4.0, `-1` for -1.0, `3.5` for 3.5.
    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The decimal a `Float` was read from: ratings are stored as `Float`, and `Float(3.7)` is
    /// 3.700000047683716 as a `Double`; shown and stored (in the JSON twin) as 3.7.
    static func decimal(_ value: Float) -> Double {
        value.isFinite ? Double("\(value)") ?? Double(value) : Double(value)
    }
}
