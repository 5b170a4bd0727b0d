/// Titles for synthetic movies: Chinese words put together, unique by position, never a comma.
enum MovieTitles {
    private static let openings = [
        "夏日", "星空", "午夜", "远方", "少年", "城市", "海边", "迷雾", "秘密", "时光",
        "银河", "风中", "雪国", "长夜", "森林", "月光", "黎明", "归途", "镜中", "山间",
    ]
    private static let endings = [
        "之歌", "旅人", "往事", "追光", "奇遇", "来信", "特工", "花园", "列车", "之王",
        "密码", "故事", "猎人", "回声", "守望", "骑士", "乐园", "侦探", "航线", "剧场",
    ]

    static func title(for position: Int) -> String {
        let opening = openings[position % openings.count]
        let ending = endings[(position / openings.count + position * 7) % endings.count]
        let round = position / (openings.count * endings.count)
        let base = opening + ending
        // A few titles carry a Latin subtitle, as real Douban titles often do.
        let subtitle = position % 9 == 4 ? " Part \(position % 5 + 2)" : ""
        return round == 0 ? base + subtitle : "\(base) \(round + 1)" + subtitle
    }
}

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
