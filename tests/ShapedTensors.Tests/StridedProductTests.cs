using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Kernels;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// The runtime's strided batched product on random layouts (row-major or transposed operands, padded output rows,
/// broadcast batch axes, empty sizes), against a plain loop over the same strides: every strategy (the packed
/// product aside, see <see cref="BlockedGemmTests"/>) runs, and nothing outside the product's output is written.
/// </summary>
public class StridedProductTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_layouts_agree_with_a_plain_loop_in_float(int seed) => CheckRandomLayouts<float>(seed, 300, 1e-4);

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_layouts_agree_with_a_plain_loop_in_double(int seed) => CheckRandomLayouts<double>(seed, 200, 1e-10);

    [Theory]
    [InlineData(1, 4096, 1)] // a dot product as (1, K) . (K, 1)
    [InlineData(300, 500, 1)] // matrix . vector
    [InlineData(7, 300, 3)] // narrow rows, columns gathered along k
    [InlineData(1, 1000, 64)] // vector . matrix
    [InlineData(33, 1, 65)] // an outer product
    public void Shapes_that_used_to_be_cliffs_agree_with_a_plain_loop(int m, int k, int n)
    {
        var layout = new Layout(m, n, k, k, 1, n, 1, n, []);
        Check<float>(layout, new Random(m + k + n), 1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Dot_products_along_k_cover_every_tail(int n)
    {
        // k around one, four and eight vectors of every width (from eight, the loop first aligns x's row: the three
        // rows start at different offsets); y row-major (its columns gathered when n > 1) and transposed (its columns
        // read in place).
        foreach (var k in new[] { 4, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 128, 129, 200, 257, 1031 })
        {
            Check<float>(new Layout(3, n, k, k, 1, n, 1, n, []), new Random(k), 1e-4);
            Check<float>(new Layout(3, n, k, k, 1, 1, k, n, []), new Random(k), 1e-4);
            Check<double>(new Layout(3, n, k, k, 1, n, 1, n, []), new Random(k), 1e-10);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    [InlineData(32)]
    [InlineData(11)]
    [InlineData(9)]
    public void Every_tiling_of_the_rows_covers_each_row_once(int m)
    {
        // Row counts whose last rows are tiles of four and four (8, 14, 32), or of four and one (11) or two and one
        // (9) after the sixes, with columns of one vector, two and an overlapping tail.
        foreach (var n in new[] { 16, 32, 40 })
        {
            Check<float>(new Layout(m, n, 20, 20, 1, n, 1, n, []), new Random(m * n), 1e-4);
        }
    }

    [Fact]
    public void Batches_that_are_rows_or_columns_of_one_product_agree_with_a_plain_loop()
    {
        Layout[] layouts =
        [
            // Rows: y shared, x and the output stepping by whole products (a batch by one matrix), on one axis and two.
            new(7, 42, 52, 52, 1, 42, 1, 42, [320, 364, 0, 294]),
            new(3, 5, 4, 4, 1, 5, 1, 5, [2, 24, 0, 30, 2, 12, 0, 15]),
            // Rows of one each: the items' steps become the row strides, whatever the single row's were.
            new(1, 5, 7, 99, 1, 5, 1, 99, [12, 7, 0, 6]),
            // Columns: x shared, each item's narrow columns right after the previous item's (K.dot of a matrix by a
            // stack of matrices), row-major, transposed, with padded output rows, and under an outer batch axis.
            new(480, 3, 22, 22, 1, 3, 1, 48, [16, 0, 66, 3]),
            new(6, 2, 5, 5, 1, 1, 5, 8, [4, 0, 10, 2]),
            new(6, 3, 9, 9, 1, 3, 1, 20, [5, 0, 27, 3]),
            new(5, 1, 40, 40, 1, 1, 1, 7, [7, 0, 40, 1]),
            new(6, 2, 5, 5, 1, 2, 1, 8, [3, 30, 40, 48, 4, 0, 10, 2]),
            // Neither: the columns of one item overlap the next's (shared y columns), or x moves per item.
            new(6, 2, 5, 5, 1, 2, 1, 4, [2, 0, 0, 2]),
            new(6, 2, 5, 5, 1, 2, 1, 8, [4, 30, 10, 2]),
        ];
        foreach (var layout in layouts)
        {
            Check<float>(layout, new Random(layout.M * layout.K), 1e-4);
            Check<double>(layout, new Random(layout.N), 1e-10);
        }
    }

    [Fact]
    public void An_empty_contraction_writes_zeros()
    {
        var output = new float[] { 5, 5, 5, 5, 5, 5 };
        StridedProduct.Multiply<float>([], [], output, 2, 3, 0, 0, 1, 3, 1, 3, []);
        Assert.All(output, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Spans_too_short_for_the_product_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StridedProduct.Multiply<float>(new float[5], new float[6], new float[4], 2, 2, 3, 3, 1, 2, 1, 2, []));
        Assert.Equal("A product of [2x3] . [3x2] with these strides reaches elements 5, 5 and 3 of x, y and the output, whose lengths are 5, 6 and 4.", error.Message);
    }

    [Fact]
    public void Bad_sizes_strides_and_batches_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StridedProduct.Multiply<float>(new float[4], new float[4], new float[4], -1, 2, 2, 2, 1, 2, 1, 2, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => StridedProduct.Multiply<float>(new float[4], new float[4], new float[4], 2, 2, 2, -2, 1, 2, 1, 2, []));
        Assert.Throws<ArgumentException>(() => StridedProduct.Multiply<float>(new float[4], new float[4], new float[4], 2, 2, 2, 2, 1, 2, 1, 2, [1, 0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => StridedProduct.Multiply<float>(new float[4], new float[4], new float[4], 2, 2, 2, 2, 1, 2, 1, 2, [2, 0, -1, 4]));
    }

    [Fact]
    public void An_empty_batch_touches_nothing()
    {
        var output = new float[] { 5 };
        StridedProduct.Multiply<float>([], [], output, 4, 4, 4, 4, 1, 4, 1, 4, [0, 16, 16, 16]);
        Assert.Equal(5f, output[0]);
    }

    private static void CheckRandomLayouts<T>(int seed, int cases, double tolerance)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            Check<T>(Layout.Random(random), random, tolerance);
        }
    }

    private static void Check<T>(Layout layout, Random random, double tolerance)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var x = Values<T>(random, layout.XLength);
        var y = Values<T>(random, layout.YLength);
        var sentinel = T.CreateChecked(-12345);
        var output = Enumerable.Repeat(sentinel, layout.OutLength).ToArray();
        var expected = (T[])output.Clone();
        layout.Reference(x, y, expected);

        StridedProduct.Multiply<T>(x, y, output, layout.M, layout.N, layout.K, layout.XRow, layout.XDepth, layout.YDepth, layout.YColumn, layout.OutRow, layout.Batch);

        for (var i = 0; i < output.Length; i++)
        {
            var (e, a) = (double.CreateChecked(expected[i]), double.CreateChecked(output[i]));
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"{layout}: element {i} is {a}, expected {e}");
        }
    }

    private static T[] Values<T>(Random random, int length)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        => Enumerable.Range(0, length).Select(_ => T.CreateChecked((random.NextDouble() * 2) - 1)).ToArray();

    private sealed record Layout(int M, int N, int K, long XRow, long XDepth, long YDepth, long YColumn, long OutRow, long[] Batch)
    {
        public int XLength => Length(((M - 1L) * XRow) + ((K - 1L) * XDepth), 1);

        public int YLength => Length(((K - 1L) * YDepth) + ((N - 1L) * YColumn), 2);

        public int OutLength => Length(((M - 1L) * OutRow) + (N - 1L), 3);

        // Sizes 0 to 40 (rows to 13), each operand row-major or transposed, output rows padded or not, up to two
        // batch axes whose strides may be 0 (broadcast) for x or y.
        public static Layout Random(Random random)
        {
            var (m, n, k) = (random.Next(0, 14), random.Next(0, 41), random.Next(0, 41));
            (long xRow, long xDepth) = random.Next(2) == 0 ? (k, 1) : (1, m);
            (long yDepth, long yColumn) = random.Next(2) == 0 ? (n, 1) : (1, k);
            var outRow = n + (random.Next(3) == 0 ? random.Next(1, 4) : 0);
            var batch = new List<long>();
            long xBlock = m * k, yBlock = k * n, outBlock = m * outRow;
            for (var axes = random.Next(0, 3); axes > 0; axes--)
            {
                var size = random.Next(1, 4);
                var xStride = random.Next(4) == 0 ? 0 : xBlock;
                var yStride = random.Next(4) == 0 ? 0 : yBlock;
                batch.InsertRange(0, [size, xStride, yStride, outBlock]);
                xBlock = Math.Max(xBlock, xStride * size);
                yBlock = Math.Max(yBlock, yStride * size);
                outBlock *= size;
            }

            return new Layout(m, n, k, xRow, xDepth, yDepth, yColumn, outRow, [.. batch]);
        }

        // The plain loop: every batch item, row, column and k, through the strides.
        public void Reference<T>(T[] x, T[] y, T[] output)
            where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            foreach (var (xb, yb, ob) in Items())
            {
                for (var m = 0; m < M; m++)
                {
                    for (var n = 0; n < N; n++)
                    {
                        var sum = T.Zero;
                        for (var k = 0; k < K; k++)
                        {
                            sum += x[xb + (m * XRow) + (k * XDepth)] * y[yb + (k * YDepth) + (n * YColumn)];
                        }

                        output[ob + (m * OutRow) + n] = sum;
                    }
                }
            }
        }

        public override string ToString() => $"[{M}x{K}].[{K}x{N}] strides x ({XRow}, {XDepth}) y ({YDepth}, {YColumn}) out {OutRow} batch [{string.Join(", ", Batch)}]";

        private IEnumerable<(long X, long Y, long Out)> Items()
        {
            IEnumerable<(long, long, long)> items = [(0L, 0L, 0L)];
            for (var i = 0; i < Batch.Length; i += 4)
            {
                var (size, xs, ys, os) = (Batch[i], Batch[i + 1], Batch[i + 2], Batch[i + 3]);
                items = items.SelectMany(item => Enumerable.Range(0, (int)size).Select(j => (item.Item1 + (j * xs), item.Item2 + (j * ys), item.Item3 + (j * os)))).ToList();
            }

            return items;
        }

        // One past the last element an operand's accesses reach, over every batch item (at least 1, so spans exist).
        private int Length(long last, int operand)
        {
            if (M == 0 || N == 0 || (operand != 3 && K == 0))
            {
                return 1;
            }

            for (var i = 0; i < Batch.Length; i += 4)
            {
                last += (Batch[i] - 1) * Batch[i + operand];
            }

            return (int)last + 1;
        }
    }
}
