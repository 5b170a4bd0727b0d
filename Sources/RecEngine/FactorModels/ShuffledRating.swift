/// One training rating's three columns side by side, as the epoch loop shuffles them.
struct ShuffledRating {
    var user: Int32
    var movie: Int32
    var rating: Float
}
