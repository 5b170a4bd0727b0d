/// Parses plain decimal numbers (`-1`, `4`, `3.5`, `8.25`) from bytes, rejecting anything else:
/// no exponents, no spaces inside, no `nan` or `inf`, which a rating never is.
enum DecimalParser {
    static func parse(_ bytes: ByteView, _ start: Int, _ end: Int) -> Double? {
        var position = start
        var last = end
        while position < last && bytes[position] == 0x20 { position += 1 }
        while last > position && bytes[last - 1] == 0x20 { last -= 1 }
        guard position < last else { return nil }
        var negative = false
        if bytes[position] == 0x2D || bytes[position] == 0x2B {
            negative = bytes[position] == 0x2D
            position += 1
        }
        var integer: Double = 0
        var digits = 0
        while position < last, case let digit = bytes[position] &- 0x30, digit < 10 {
            integer = integer * 10 + Double(digit)
            digits += 1
            position += 1
        }
        var hasFraction = false
        if position < last && bytes[position] == 0x2E {
            position += 1
            hasFraction = true
            while position < last, bytes[position] &- 0x30 < 10 {
                digits += 1
                position += 1
            }
        }
        guard digits > 0 && position == last else { return nil }
        if hasFraction {
            // Rare for ratings: let the standard library round the decimal correctly.
            return Double(bytes.string(start..<end).trimmingSpaces())
        }
        return negative ? -integer : integer
    }

    /// Parses a decimal held in a `String`.
    static func parse(_ text: Substring) -> Double? {
        ByteView.with(String(text)) { parse($0, 0, $0.count) }
    }

    /// `4` for 4.0, `3.5` for 3.5: how a user wrote the number.
    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
