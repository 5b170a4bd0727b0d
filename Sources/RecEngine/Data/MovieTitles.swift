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
