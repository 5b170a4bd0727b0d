/// The commands recbook's TeX subset knows that stand for one symbol, by what they become.
enum TeXSymbols {
    /// Lower-case Greek letters, set in italics like Latin variables.
    static let lowerGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    /// Capital Greek letters, upright as in TeX.
    static let upperGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols that stand for a quantity (`<mi>`), upright.
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "top": "⊤", "intercal": "⊺", "ell": "ℓ", "emptyset": "∅",
        "forall": "∀", "exists": "∃", "neg": "¬", "prime": "′",
    ]

    /// Relations, binary operators, arrows and dots (`<mo>`).
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆", "circ": "∘",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
        "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋",
        "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩", "setminus": "∖",
        "wedge": "∧", "vee": "∨", "land": "∧", "lor": "∨", "mid": "∣", "leftarrow": "←", "gets": "←",
        "rightarrow": "→", "to": "→", "leftrightarrow": "↔", "Leftarrow": "⇐", "Rightarrow": "⇒",
        "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺", "mapsto": "↦", "ldots": "…", "dots": "…",
        "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "colon": ":", "oplus": "⊕", "otimes": "⊗", "odot": "⊙",
    ]

    /// Delimiters, by command; each also works after `\left`, `\right` and `\big`.
    static let delimiters: [String: String] = [
        "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "vert": "|",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "{": "{", "}": "}",
    ]

    /// Characters that are delimiters when typed as they are.
    static let delimiterCharacters: Set<Character> = ["(", ")", "[", "]", "|", "/"]

    /// Big operators: limits go under and over them in display maths.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    ]

    /// Integrals: big operators whose limits stay at the side, as in TeX.
    static let integrals: [String: String] = ["int": "∫", "iint": "∬", "oint": "∮"]

    /// Named operators whose limits go under them in display maths.
    static let limitNames: Set<String> = ["min", "max", "lim", "sup", "inf", "liminf", "limsup", "det", "Pr", "gcd"]

    /// Named functions, with their subscripts at the side.
    static let functionNames: Set<String> = [
        "arg", "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "dim", "ker", "deg", "sgn",
    ]

    /// Accents, by command: the mark and whether it stretches over a wide base.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false), "overline": ("‾", true),
        "tilde": ("~", false), "widetilde": ("~", true), "vec": ("→", false), "dot": ("˙", false),
        "ddot": ("¨", false),
    ]

    /// Spaces, by command, in em (TeX's widths).
    static let spaces: [String: String] = [
        "quad": "1em", "qquad": "2em", ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em",
        " ": "0.25em",
    ]

    /// `\big` and its kin: the size of the delimiter after them, in em.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em",
        "bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "Bigg": "3em", "Biggl": "3em", "Biggr": "3em",
    ]

    /// Characters escaped by a backslash that stand for themselves.
    static let escapedCharacters: [String: String] = ["$": "$", "%": "%", "#": "#", "&": "&", "_": "_"]
}
