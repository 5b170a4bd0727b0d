/// A formula as a tree, between the TeX it was read from and the MathML it is written as.
indirect enum MathNode: Sendable, Hashable {
    /// A variable or a name: `<mi>`. `upright` asks for roman type on a single letter (which
    /// MathML otherwise sets in italics), as TeX does for `\mathrm{d}` and capital Greek.
    case identifier(String, upright: Bool)
    /// `<mn>`: digits, with a decimal point.
    case number(String)
    /// `<mo>`: a relation, a binary operator, a delimiter or a big operator.
    case symbol(String, MathOperator)
    /// `<mtext>`: words inside a formula.
    case text(String)
    /// `<mspace>` of a width in em.
    case space(String)
    case row([MathNode])
    case fraction(numerator: MathNode, denominator: MathNode)
    case root(MathNode, index: MathNode?)
    /// A mark above its base: a hat, a bar, a tilde, an arrow.
    case accent(MathNode, mark: String, stretchy: Bool)
    /// Sub- and superscripts; `limits` puts them under and over the base (a displayed sum).
    case scripts(MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// `\left( … \right)`: delimiters that grow with their content; nil for `\left.`.
    case fenced(open: String?, MathNode, close: String?)
}
