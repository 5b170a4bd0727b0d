import Foundation
import Testing

@testable import RecEngine

/// `ByteView` is the one place in Data/ that reads memory through a pointer; these pin its
/// operations against plain array arithmetic, at lengths and offsets around its 8-byte steps.
@Suite struct ByteViewTests {
    @Test func equalityAgreesWithArraysAtEveryLengthAndDifferingByte() {
        let bytes = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        ByteView.with(bytes) { view in
            for length in 0..<20 {
                for start in [0, 1, 3, 7] {
                    let key = view.slice(start..<(start + length))
                    #expect(key.count == length)
                    #expect(key.elementsEqual(view.slice(start..<(start + length))))
                    #expect(!key.elementsEqual(view.slice(start..<(start + length + 1))), "longer by one")
                    for differing in 0..<length {
                        var changed = Array(bytes[start..<(start + length)])
                        changed[differing] ^= 0x80
                        let equal = ByteView.with(changed) { key.elementsEqual($0) }
                        #expect(!equal, "length \(length), byte \(differing)")
                    }
                }
            }
        }
    }

    @Test func slicesIndexFromZeroAndDecodeAsUTF8() {
        let text = "id,用户,4\n"
        ByteView.with(text) { view in
            #expect(view.count == text.utf8.count)
            let field = view.slice(3..<9)
            #expect(field[0] == Array(text.utf8)[3])
            #expect(field.validatedString() == "用户")
            #expect(view.string(3..<9) == "用户")
            #expect(view.slice(3..<5).validatedString() == nil, "half a character is not UTF-8")
            #expect(view.newlineCount(in: 0..<view.count) == 1)
            var copy: [UInt8] = [1]
            field.append(to: &copy)
            #expect(copy == [1] + Array(text.utf8)[3..<9])
        }
    }

    @Test func uint32ReadsTheMachinesByteOrderAtAnyOffset() {
        let values: [UInt32] = [0, 1, 0xDEAD_BEEF, 0x0102_0304, UInt32.max]
        for value in values {
            for offset in 0..<4 {
                var bytes = [UInt8](repeating: 0xAA, count: offset)
                withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
                #expect(ByteView.with(bytes) { $0.uint32(at: offset) } == value)
            }
        }
    }
}
