import RecNotebook

/// What `recbook preview` changes in a report page as it serves it; the file on disk is never
/// touched. The page's Content-Security-Policy is widened to let exactly one script run, the one
/// carrying this response's nonce, and that script is added before `</body>`: it listens on
/// `/events` and reloads the page when a render rewrote it, keeping the scroll position.
public enum LivePage {
    /// The served page, or `html` as it is when it carries no recbook policy (a page recbook did
    /// not write gets no script).
    public static func inject(into html: String, nonce: String) -> String {
        guard let meta = html.range(of: ContentSecurityPolicy.meta),
            let body = html.range(of: "</body>", options: .backwards), meta.upperBound <= body.lowerBound
        else { return html }
        var page = html
        page.replaceSubrange(body, with: "<script nonce=\"\(nonce)\">\n\(script)</script>\n</body>")
        page.replaceSubrange(meta, with: ContentSecurityPolicy.metaElement(ContentSecurityPolicy.served(nonce: nonce)))
        return page
    }

    /// A fresh nonce: 16 random bytes as hex, new for every response so that a page cannot
    /// learn one and use it in raw HTML.
    public static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    /// The reload script. A `reload` event's data is the names of the pages a render wrote; the
    /// page reloads when its own name is among them, saving its scroll position in
    /// sessionStorage first and restoring it after. `data-preview` on `<html>` says the page
    /// is listening (the end-to-end check waits for it).
    static let script = """
        (() => {
          const name = decodeURIComponent(location.pathname.split("/").pop()) || "index.html";
          const key = "recbook-preview-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            window.scrollTo(0, Number(saved));
          }
          const events = new EventSource("/events");
          events.addEventListener("open", () => { document.documentElement.dataset.preview = "live"; });
          events.addEventListener("reload", (event) => {
            if (!event.data.split(" ").includes(name)) return;
            sessionStorage.setItem(key, String(window.scrollY));
            events.close();
            location.reload();
          });
        })();

        """
}
