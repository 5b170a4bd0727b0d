/// How an operator (`<mo>`) is set, beyond what the browser's operator dictionary says.
enum MathOperator: Sendable, Hashable {
    /// Spaced by the operator dictionary: `+`, `=`, `\le`, `\in`, `\sum`.
    case plain
    /// A parenthesis, bar or bracket written without `\left`/`\right`: it keeps its size, as in TeX.
    case delimiter
    /// A delimiter of a fixed larger size (`\big(`), in em.
    case sized(String)
    /// A delimiter of `\left`/`\right`: it grows with what it encloses.
    case fence
    /// A named operator (`\min`, `\log`, `\operatorname{…}`): upright, with a thin space after it
    /// and none before, as TeX spaces `\mathop`.
    case named
}
