/// User names for synthetic users: like the real file, a mix of names and numeric Douban ids.
/// Both come from bijections of the user number, so they never collide.
enum UserNames {
    private static let stems = ["moon", "xiao", "film", "lee", "cat", "yun", "sky", "mu"]

    static func appendName(for user: Int, to bytes: inout [UInt8]) {
        let scrambled = UInt64(truncatingIfNeeded: user) &* 0x9E37_79B9 & 0xFFFF_FFFF_FFFF
        if user % 3 == 0 {
            bytes.append(contentsOf: String(100_000_000 + UInt64(user)).utf8)
        } else {
            bytes.append(contentsOf: stems[Int(scrambled % 8)].utf8)
            bytes.append(contentsOf: String(scrambled, radix: 36).utf8)
        }
    }
}
