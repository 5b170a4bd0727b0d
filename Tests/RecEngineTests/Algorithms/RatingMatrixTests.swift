import Testing

@testable import RecEngine

@Suite struct RatingMatrixTests {
    @Test func rowsAndColumnsAreSortedAndDuplicatesAveraged() {
        // u1 rates m2 twice (4 and 5 -> 4.5) and m0 once; rows arrive out of movie order.
        let table = ItemCFTestData.table(
            [(1, 2, 4), (0, 1, 3), (1, 0, 2), (1, 2, 5), (2, 1, 1)], users: 3, movies: 3)
        let matrix = RatingMatrix(table)
        #expect(matrix.userCount == 3 && matrix.movieCount == 3)
        #expect(matrix.cellCount == 4 && matrix.mergedDuplicates == 1)
        #expect(matrix.density == 4.0 / 9.0)
        #expect(Array(matrix.row(1).movies) == [0, 2])
        #expect(Array(matrix.row(1).ratings) == [2, 4.5])
        #expect(matrix.columnStart == [0, 1, 3, 4])
        #expect(matrix.columnUsers == [1, 0, 2, 1])
        #expect(matrix.columnValues == [2, 3, 1, 4.5])
        // Each column entry points at the same cell in the row arrays.
        for entry in 0..<matrix.cellCount {
            #expect(matrix.rowValues[matrix.columnRowPosition[entry]] == matrix.columnValues[entry])
        }
        #expect(matrix.rating(user: 1, movie: 2) == 4.5)
        #expect(matrix.rating(user: 0, movie: 2) == nil)
        #expect(matrix.raterCount(1) == 2)
        #expect(matrix.movieMeans() == [2, 2, 4.5])
    }

    @Test func usersWithoutRatingsHaveEmptyRows() {
        let matrix = RatingMatrix(ItemCFTestData.table([(2, 0, 4)], users: 3, movies: 2))
        #expect(matrix.row(0).movies.isEmpty && matrix.row(1).movies.isEmpty)
        #expect(matrix.movieMeans()[1].isNaN)
    }
}
