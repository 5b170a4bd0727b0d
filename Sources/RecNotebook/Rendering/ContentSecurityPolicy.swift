/// The Content-Security-Policy every page carries as the first element of its `<head>`.
///
/// A report is self-contained and inert: its CSS is inline, its charts are inline SVG, and it
/// needs no script and nothing from the network. Prose keeps an author's raw HTML (as Jupyter
/// does), so a notebook can bring a `<script>` or an `onerror=` handler; the policy stops both,
/// and any remote image, font, frame or form, wherever the page is opened. Links between pages
/// are navigation, which the policy does not govern.
public enum ContentSecurityPolicy {
    /// What a report on disk allows: inline styles (the page's `<style>` and SVG attributes)
    /// and `data:` images, nothing else. `base-uri` and `form-action` do not fall back to
    /// `default-src`, so they are closed by name.
    public static let report = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The `<meta>` element written into every page; the preview server finds it by this exact text.
    public static let meta = metaElement(report)

    /// The policy of a page served by `recbook preview`: the report's, plus the one script
    /// carrying `nonce` and its connection back to the server's `/events`.
    public static func served(nonce: String) -> String {
        report + "; script-src 'nonce-\(nonce)'; connect-src 'self'"
    }

    /// `<meta http-equiv="Content-Security-Policy" content="POLICY">`; the policy is written as
    /// it is (single quotes are fine in a double-quoted attribute), so it reads as in the spec.
    public static func metaElement(_ policy: String) -> String {
        precondition(!policy.contains("\"") && !policy.contains("&"), "a policy is plain ASCII without quotes")
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"
    }
}
