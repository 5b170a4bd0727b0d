/// The JSON-lines envelopes of recbook's Spark driver protocol (version
/// `SparkDriverScript.protocolVersion`): one request per line, exactly one reply per request, in
/// order, errors as data.
enum DriverMessage {
    struct Request<Arguments: Encodable>: Encodable {
        var v = SparkDriverScript.protocolVersion
        var id: Int
        var op: String
        var args: Arguments
    }

    /// What every reply has, read before its result.
    struct ReplyHeader: Decodable {
        var v: Int
        var id: Int?
        var ok: Bool
        var error: String?
    }

    struct Reply<Result: Decodable>: Decodable {
        var result: Result
    }

    /// An operation without arguments or without a result.
    struct Empty: Codable {}

    /// The driver's first line: Spark is up.
    struct Hello: Decodable, Sendable {
        var master: String
        var sparkVersion: String
        var startupSeconds: Double

        enum CodingKeys: String, CodingKey {
            case master
            case sparkVersion = "spark_version"
            case startupSeconds = "startup_seconds"
        }
    }
}
