import RecNotebook

/// The directive grammar on arbitrary text: it must return a directive or a located error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirectives(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? DirectiveParser.parseCell(text, file: "fuzz.md", firstLine: 1)
    return 0
}
