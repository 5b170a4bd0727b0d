/// The typeface a font command (`\mathrm`, `\mathbf`, `\mathbb`, …) sets letters and digits in.
///
/// MathML Core only knows italic and upright letters, so the other faces are written with
/// Unicode's mathematical alphanumeric characters (𝐱, ℝ, ℒ), which every browser shows.
enum MathFont: Sendable, Hashable {
    case italic, roman, bold, blackboard, calligraphic, sansSerif

    /// The command that selects each face.
    static let commands: [String: MathFont] = [
        "mathrm": .roman, "mathit": .italic, "mathbf": .bold, "boldsymbol": .bold, "mathbb": .blackboard,
        "mathcal": .calligraphic, "mathsf": .sansSerif,
    ]

    /// A letter in this face: the node for one letter of a variable.
    func letter(_ character: Character) -> MathNode {
        switch self {
        case .italic: return .identifier(String(character), upright: false)
        case .roman: return .identifier(String(character), upright: true)
        default: return .identifier(String(styled(character)), upright: false)
        }
    }

    /// Digits (and a decimal point) in this face.
    func number(_ digits: String) -> MathNode {
        switch self {
        case .bold, .blackboard, .sansSerif: return .number(String(digits.map(styled)))
        default: return .number(digits)
        }
    }

    /// The Unicode character for an ASCII letter or digit in this face; anything else unchanged.
    private func styled(_ character: Character) -> Character {
        guard let ascii = character.asciiValue else { return character }
        let (upper, lower, digit, exceptions) = ranges
        if let exception = exceptions[character] { return Character(UnicodeScalar(exception)!) }
        let base: UInt32?
        let offset: UInt8
        switch ascii {
        case 65...90: (base, offset) = (upper, ascii - 65)
        case 97...122: (base, offset) = (lower, ascii - 97)
        case 48...57: (base, offset) = (digit, ascii - 48)
        default: return character
        }
        guard let base, let scalar = UnicodeScalar(base + UInt32(offset)) else { return character }
        return Character(scalar)
    }

    /// First code points of the face's capitals, small letters and digits, and the letters
    /// Unicode encoded earlier in the Letterlike Symbols block.
    private var ranges: (UInt32?, UInt32?, UInt32?, [Character: UInt32]) {
        switch self {
        case .bold: return (0x1D400, 0x1D41A, 0x1D7CE, [:])
        case .blackboard:
            return (
                0x1D538, 0x1D552, 0x1D7D8,
                ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124]
            )
        case .calligraphic:
            return (
                0x1D49C, 0x1D4B6, nil,
                [
                    "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
                    "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
                ]
            )
        case .sansSerif: return (0x1D5A0, 0x1D5BA, 0x1D7E2, [:])
        case .italic, .roman: return (nil, nil, nil, [:])
        }
    }
}
