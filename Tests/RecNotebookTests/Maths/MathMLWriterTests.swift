import Testing

@testable import RecNotebook

/// Exact MathML for small formulas, and the formulas the notebooks explain their models with.
@Suite struct MathMLWriterTests {
    /// The MathML inside `<semantics>`, without the TeX annotation.
    private func mathML(_ tex: String, display: Bool = false) throws -> String {
        MathMLWriter.element(try TeXParser.parse(tex, display: display))
    }

    private func failure(_ tex: String) -> String? {
        do {
            _ = try TeXParser.parse(tex, display: false)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func lettersNumbersAndOperators() throws {
        #expect(try mathML("x") == "<mi>x</mi>")
        #expect(try mathML("1.5 - 2x") == "<mrow><mn>1.5</mn><mo>−</mo><mn>2</mn><mi>x</mi></mrow>")
        #expect(try mathML("a < b") == "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>")
        #expect(try mathML("a \\le b \\cdot c") == "<mrow><mi>a</mi><mo>≤</mo><mi>b</mi><mo>⋅</mo><mi>c</mi></mrow>")
        #expect(try mathML("(x)") == "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func wholeFormulaKeepsItsTeXAsAnAnnotation() throws {
        let node = try TeXParser.parse("a<b", display: true)
        #expect(
            MathMLWriter.math(node, tex: "a<b", display: true)
                == "<math display=\"block\"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"
                + "<annotation encoding=\"application/x-tex\">a&lt;b</annotation></semantics></math>")
        #expect(MathMLWriter.math(.row([]), tex: "", display: false).hasPrefix("<math><semantics>"))
    }

    @Test func scriptsAndGroups() throws {
        #expect(try mathML("x^2") == "<msup><mi>x</mi><mn>2</mn></msup>")
        #expect(try mathML("r_{ui}") == "<msub><mi>r</mi><mrow><mi>u</mi><mi>i</mi></mrow></msub>")
        #expect(try mathML("p_u^\\top") == "<msubsup><mi>p</mi><mi>u</mi><mi>⊤</mi></msubsup>")
        #expect(try mathML("\\beta_1^t") == "<msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup>")
        #expect(try mathML("f'") == "<msup><mi>f</mi><mo>′</mo></msup>")
        #expect(try mathML("x_12") == "<mrow><msub><mi>x</mi><mn>1</mn></msub><mn>2</mn></mrow>")
    }

    @Test func accentsFractionsAndRoots() throws {
        #expect(
            try mathML("\\hat{r}_{ui}")
                == "<msub><mover accent=\"true\"><mi>r</mi><mo stretchy=\"false\">^</mo></mover>"
                + "<mrow><mi>u</mi><mi>i</mi></mrow></msub>")
        #expect(
            try mathML("\\bar r_i")
                == "<msub><mover accent=\"true\"><mi>r</mi><mo stretchy=\"false\">¯</mo></mover><mi>i</mi></msub>")
        #expect(try mathML("\\frac{a}{b+1}") == "<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac>")
        #expect(try mathML("\\frac12") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try mathML("\\sqrt{x}") == "<msqrt><mi>x</mi></msqrt>")
        #expect(try mathML("\\sqrt[3]{x}") == "<mroot><mi>x</mi><mn>3</mn></mroot>")
        #expect(
            try mathML("\\vec{v}") == "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>")
    }

    @Test func bigOperatorsTakeLimitsOnlyInDisplay() throws {
        #expect(
            try mathML("\\sum_{i=1}^n x_i", display: true)
                == "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
                + "<msub><mi>x</mi><mi>i</mi></msub></mrow>")
        #expect(
            try mathML("\\sum_{i=1}^n", display: false)
                == "<msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>")
        #expect(
            try mathML("\\min_{X,Y}", display: true)
                == "<munder><mo lspace=\"0\" rspace=\"0.1667em\">min</mo><mrow><mi>X</mi><mo>,</mo><mi>Y</mi></mrow></munder>")
        #expect(
            try mathML("\\arg\\min_\\theta", display: true)
                == "<munder><mo lspace=\"0\" rspace=\"0.1667em\">arg\u{2009}min</mo><mi>θ</mi></munder>")
        #expect(try mathML("\\max_i", display: false) == "<msub><mo lspace=\"0\" rspace=\"0.1667em\">max</mo><mi>i</mi></msub>")
        #expect(try mathML("\\sum\\nolimits_i", display: true) == "<msub><mo>∑</mo><mi>i</mi></msub>")
        #expect(try mathML("\\int_0^1", display: true) == "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")
        #expect(
            try mathML("\\operatorname{rank}(A)")
                == "<mrow><mo lspace=\"0\" rspace=\"0.1667em\">rank</mo><mo stretchy=\"false\">(</mo><mi>A</mi>"
                + "<mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func delimitersFencesAndNorms() throws {
        #expect(
            try mathML("\\left( x \\right)")
                == "<mrow><mo stretchy=\"true\">(</mo><mi>x</mi><mo stretchy=\"true\">)</mo></mrow>")
        #expect(
            try mathML("\\left| x \\right.") == "<mrow><mo stretchy=\"true\">|</mo><mi>x</mi></mrow>")
        #expect(
            try mathML("\\lVert p \\rVert^2")
                == "<mrow><mo stretchy=\"false\">‖</mo><mi>p</mi><msup><mo stretchy=\"false\">‖</mo><mn>2</mn></msup></mrow>")
        #expect(try mathML("\\|x\\|") == "<mrow><mo stretchy=\"false\">‖</mo><mi>x</mi><mo stretchy=\"false\">‖</mo></mrow>")
        #expect(try mathML("\\bigl(") == "<mo minsize=\"1.2em\" maxsize=\"1.2em\">(</mo>")
    }

    @Test func lettersFontsTextAndSpaces() throws {
        #expect(try mathML("\\Sigma\\sigma") == "<mrow><mi mathvariant=\"normal\">Σ</mi><mi>σ</mi></mrow>")
        #expect(try mathML("\\epsilon\\varepsilon\\lambda\\mu") == "<mrow><mi>ϵ</mi><mi>ε</mi><mi>λ</mi><mi>μ</mi></mrow>")
        #expect(try mathML("\\infty\\nabla\\partial") == "<mrow><mi>∞</mi><mi mathvariant=\"normal\">∇</mi><mi>∂</mi></mrow>")
        #expect(try mathML("\\mathrm{d}x") == "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>")
        #expect(try mathML("\\mathbf{x}_1") == "<msub><mi>𝐱</mi><mn>1</mn></msub>")
        #expect(try mathML("\\mathbb{R}^k") == "<msup><mi>ℝ</mi><mi>k</mi></msup>")
        #expect(try mathML("\\text{ observed}") == "<mtext>\u{A0}observed</mtext>")
        #expect(try mathML("\\text{a<b}") == "<mtext>a&lt;b</mtext>")
        #expect(
            try mathML("a\\quad b\\qquad c\\,d\\;e")
                == "<mrow><mi>a</mi><mspace width=\"1em\"></mspace><mi>b</mi><mspace width=\"2em\"></mspace><mi>c</mi>"
                + "<mspace width=\"0.1667em\"></mspace><mi>d</mi><mspace width=\"0.2778em\"></mspace><mi>e</mi></mrow>")
        #expect(try mathML("a \\to b \\leftarrow c") == "<mrow><mi>a</mi><mo>→</mo><mi>b</mi><mo>←</mo><mi>c</mi></mrow>")
        #expect(
            try mathML("1, \\ldots, n \\cdots") == "<mrow><mn>1</mn><mo>,</mo><mo>…</mo><mo>,</mo><mi>n</mi><mo>⋯</mo></mrow>")
    }

    @Test func whatIsOutsideTheSubsetIsAnErrorNamingIt() {
        #expect(failure("\\foo x") == "unknown command `\\foo`")
        #expect(failure("{x") == "a `{` is never closed by a `}`")
        #expect(failure("x}") == "a `}` closes no `{`")
        #expect(failure("x^a^b") == "a double superscript: write `x^{ab}` for one superscript")
        #expect(failure("\\left( x") == "a `\\left` has no `\\right` after it")
        #expect(failure("x \\right)") == "a `\\right` has no `\\left` before it in the same group")
        #expect(failure("\\frac{a}") == "`\\frac` needs an argument, as in `\\frac{x}`")
        #expect(failure("a & b") == "`&` aligns columns, which needs an environment recbook does not typeset")
        #expect(failure("\\begin{aligned}") == "environments (`\\begin{…}`) are not typeset; write one formula per `$$…$$`")
        #expect(failure("x^") == "`^` needs an argument, as in `^{x}`")
        #expect(failure(String(repeating: "{", count: 100_000)) == "groups and arguments nest more than 100 deep")
        #expect(failure(String(repeating: "\\hat", count: 100_000) + "x") == "groups and arguments nest more than 100 deep")
        #expect(failure("\\text{\\alpha}") == "`\\text{…}` holds plain words only; put commands outside it")
    }

    /// The formulas the notebooks explain their models with all typeset, with their structure.
    @Test func theNotebooksFormulasTypeset() throws {
        let prediction = try mathML("\\hat{r}_{ui} = \\mu + b_u + b_i + p_u^\\top q_i", display: true)
        #expect(prediction.contains("<msubsup><mi>p</mi><mi>u</mi><mi>⊤</mi></msubsup><msub><mi>q</mi><mi>i</mi></msub>"))
        #expect(prediction.contains("<mi>μ</mi><mo>+</mo><msub><mi>b</mi><mi>u</mi></msub>"))

        let loss = try mathML(
            "\\sum_{(u,i)} (r_{ui} - \\hat{r}_{ui})^2 + \\lambda (\\lVert p_u \\rVert^2 + \\lVert q_i \\rVert^2)", display: true)
        #expect(loss.hasPrefix("<mrow><munder><mo>∑</mo><mrow><mo stretchy=\"false\">(</mo><mi>u</mi><mo>,</mo><mi>i</mi>"))
        #expect(loss.contains("<msup><mo stretchy=\"false\">)</mo><mn>2</mn></msup>"))
        #expect(loss.contains("<msup><mo stretchy=\"false\">‖</mo><mn>2</mn></msup>"))

        let moment = try mathML("m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t", display: true)
        #expect(moment.contains("<msub><mi>m</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>"))
        let corrected = try mathML("\\hat{m}_t = \\frac{m_t}{1-\\beta_1^t}", display: true)
        #expect(corrected.contains("<mfrac><msub><mi>m</mi><mi>t</mi></msub><mrow><mn>1</mn><mo>−</mo><msubsup><mi>β</mi>"))
        let step = try mathML(
            "\\theta_t = \\theta_{t-1} - \\alpha \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}", display: true)
        #expect(step.contains("<mfrac><msub><mover accent=\"true\"><mi>m</mi>"))
        #expect(step.contains("<msqrt><msub><mover accent=\"true\"><mi>v</mi>"))

        let als = try mathML(
            "\\min_{X,Y} \\sum_{r_{ui} \\text{ observed}} (r_{ui} - x_u^\\top y_i)^2 + \\lambda(\\sum_u \\lVert x_u\\rVert^2 "
                + "+ \\sum_i \\lVert y_i \\rVert^2)", display: true)
        #expect(als.hasPrefix("<mrow><munder><mo lspace=\"0\" rspace=\"0.1667em\">min</mo>"))
        #expect(
            als.contains(
                "<munder><mo>∑</mo><mrow><msub><mi>r</mi><mrow><mi>u</mi><mi>i</mi></mrow></msub><mtext>\u{A0}observed</mtext></mrow></munder>"
            ))

        let pearson = try mathML(
            "r_{ij} = \\frac{\\sum_u (r_{ui}-\\bar r_i)(r_{uj}-\\bar r_j)}{\\sqrt{\\sum_u (r_{ui}-\\bar r_i)^2}"
                + "\\sqrt{\\sum_u (r_{uj}-\\bar r_j)^2}}", display: true)
        #expect(pearson.contains("<mfrac><mrow><munder><mo>∑</mo><mi>u</mi></munder>"))
        #expect(pearson.contains("<mrow><msqrt><munder><mo>∑</mo><mi>u</mi></munder>"))
        for formula in [prediction, loss, moment, corrected, step, als, pearson] {
            #expect(!formula.contains("\\"), "every command became MathML: \(formula)")
        }
    }
}
