import RecNotebook

/// A whole notebook through cmark and the cell splitter, then every cell through the grammar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownParser.parse(text, file: "fuzz.md")
    for cell in document.cells {
        _ = try? DirectiveParser.parseCell(cell.code, file: "fuzz.md", firstLine: cell.firstCodeLine)
    }
    return 0
}
