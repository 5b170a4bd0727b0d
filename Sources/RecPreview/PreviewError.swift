/// Why `recbook preview` cannot serve.
public enum PreviewError: Error, Equatable, CustomStringConvertible {
    case badHost(String)
    case cannotListen(reason: String)

    public var description: String {
        switch self {
        case .badHost(let host):
            "--host must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not `\(host)`"
        case .cannotListen(let reason):
            "cannot serve the preview: \(reason) (is another program using the port? try --port 0 for a free one)"
        }
    }
}
