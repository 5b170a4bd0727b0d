/// One epoch's rows as the three columns the batches read.
struct EpochColumns: Sendable {
    let users: Memory<Int32>
    let movies: Memory<Int32>
    let ratings: Memory<Float>

    init(count: Int, in arena: MemoryArena) {
        users = arena.allocate(count, repeating: 0)
        movies = arena.allocate(count, repeating: 0)
        ratings = arena.allocate(count, repeating: 0)
    }

    @inline(__always)
    func store(_ record: ShuffledRating, at position: Int) {
        users[position] = record.user
        movies[position] = record.movie
        ratings[position] = record.rating
    }
}
