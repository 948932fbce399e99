using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Support;
using Xunit;

namespace ShapedTensors.Tests;

public sealed class DynamicTensorTests
{
    // ------------------------------------------------------------------ factories

    [Fact]
    public void Zeros_and_ones_have_the_shape_and_values()
    {
        var z = DynamicTensor<float>.Zeros(new Shape(2, 3, 4));
        Assert.Equal(new Shape(2, 3, 4), z.Shape);
        Assert.Equal(3, z.Rank);
        Assert.Equal(24, z.Length);
        Assert.All(z.ToArray(), v => Assert.Equal(0f, v));

        var z2 = DynamicTensor<double>.Zeros(5, 1);
        Assert.Equal(new Shape(5, 1), z2.Shape);
        Assert.Equal(5, z2.Length);
        Assert.All(z2.ToArray(), v => Assert.Equal(0d, v));

        var o = DynamicTensor<double>.Ones(new Shape(3));
        Assert.Equal(new[] { 1d, 1d, 1d }, o.ToArray());
        var o2 = DynamicTensor<float>.Ones(2, 2);
        Assert.Equal(new[] { 1f, 1f, 1f, 1f }, o2.ToArray());
        Assert.Equal(new Shape(2, 2), o2.Shape);
    }

    [Fact]
    public void Scalar_tensor_has_one_element_and_no_indices()
    {
        var s = DynamicTensor<double>.Ones(Shape.Scalar);
        Assert.Equal(0, s.Rank);
        Assert.Equal(1, s.Length);
        Assert.Equal(1d, s[ReadOnlySpan<int>.Empty]);
        s[ReadOnlySpan<int>.Empty] = 4.5;
        Assert.Equal(new[] { 4.5 }, s.ToArray());
    }

    [Fact]
    public void Random_is_deterministic_per_seed_in_unit_interval()
    {
        var shape = new Shape(7, 13);
        var a = DynamicTensor<float>.Random(shape, seed: 42).ToArray();
        var b = DynamicTensor<float>.Random(shape, seed: 42).ToArray();
        var c = DynamicTensor<float>.Random(shape, seed: 43).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));
        Assert.All(a, v => Assert.True(v < 1f, $"{v} is not < 1"));
        Assert.True(a.Distinct().Count() > a.Length / 2, "values are not spread out");

        var d = DynamicTensor<double>.Random(shape, seed: 42).ToArray();
        var e = DynamicTensor<double>.Random(shape, seed: 42).ToArray();
        var f = DynamicTensor<double>.Random(shape, seed: -7).ToArray();
        Assert.Equal(d, e);
        Assert.NotEqual(d, f);
        Assert.All(d, v => Assert.True(v >= 0d && v < 1d, $"{v} is outside [0, 1)"));
        Assert.True(d.Average() is > 0.3 and < 0.7, $"mean {d.Average()} is not near 0.5");
    }

    [Fact]
    public void FromArray_copies_the_data()
    {
        var data = new[] { 1f, 2f, 3f, 4f, 5f, 6f };
        var t = DynamicTensor<float>.FromArray(new Shape(2, 3), data);
        data[0] = 100f;
        Assert.Equal(1f, t[0, 0]);
        Assert.Equal(6f, t[1, 2]);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, t.ToArray());
    }

    [Fact]
    public void FromSpan_copies_the_data()
    {
        Span<double> data = stackalloc double[] { 1, 2, 3, 4 };
        var t = DynamicTensor<double>.FromSpan(new Shape(4), data);
        data[3] = -1;
        Assert.Equal(new[] { 1d, 2d, 3d, 4d }, t.ToArray());
    }

    [Fact]
    public void Constructor_wraps_without_copying()
    {
        var data = new[] { 1d, 2d, 3d, 4d };
        var t = new DynamicTensor<double>(new Shape(2, 2), data);
        data[3] = 40;
        Assert.Equal(40d, t[1, 1]);
        t[0, 0] = 10;
        Assert.Equal(10d, data[0]);
    }

    [Fact]
    public void Wrong_length_is_rejected_with_expected_and_actual_lengths()
    {
        var shape = new Shape(7, 11); // 77 elements
        var e1 = Assert.Throws<ArgumentException>(() => DynamicTensor<float>.FromArray(shape, new float[76]));
        AssertMentionsLengths(e1, 77, 76);
        var e2 = Assert.Throws<ArgumentException>(() => DynamicTensor<double>.FromSpan(shape, new double[78]));
        AssertMentionsLengths(e2, 77, 78);
        var e3 = Assert.Throws<ArgumentException>(() => new DynamicTensor<double>(shape, new double[3]));
        AssertMentionsLengths(e3, 77, 3);
        var e4 = Assert.Throws<ArgumentException>(() => DynamicTensor<double>.FromSpan(Shape.Scalar, ReadOnlySpan<double>.Empty));
        AssertMentionsLengths(e4, 1, 0);
    }

    private static void AssertMentionsLengths(ArgumentException e, int expected, int actual)
    {
        Assert.Contains(expected.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains(actual.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => DynamicTensor<float>.FromArray(new Shape(2), null!));
        Assert.Throws<ArgumentNullException>(() => new DynamicTensor<float>(new Shape(2), null!));
        Assert.Throws<ArgumentNullException>(() => new DynamicTensor<float>(null!, new float[2]));
        Assert.Throws<ArgumentNullException>(() => DynamicTensor<float>.FromArray(null!, new float[2]));
        Assert.Throws<ArgumentNullException>(() => DynamicTensor<float>.FromFunction(new Shape(2), null!));
        Assert.Throws<ArgumentNullException>(() => DynamicTensor<float>.Zeros((Shape)null!));
    }

    [Fact]
    public void FromFunction_is_called_once_per_index_in_row_major_order()
    {
        var shape = new Shape(2, 3, 4);
        var seen = new List<string>();
        var t = DynamicTensor<double>.FromFunction(shape, index =>
        {
            seen.Add(string.Join(",", index.ToArray()));
            return (index[0] * 100) + (index[1] * 10) + index[2];
        });

        var expected = new List<string>();
        var values = new List<double>();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 4; k++)
                {
                    expected.Add($"{i},{j},{k}");
                    values.Add((i * 100) + (j * 10) + k);
                }
            }
        }

        Assert.Equal(expected, seen);
        Assert.Equal(values, t.ToArray());
        Assert.Equal(123d, t[1, 2, 3]);

        var calls = 0;
        var scalar = DynamicTensor<float>.FromFunction(Shape.Scalar, index =>
        {
            calls++;
            Assert.Equal(0, index.Length);
            return 7f;
        });
        Assert.Equal(1, calls);
        Assert.Equal(new[] { 7f }, scalar.ToArray());
    }

    [Fact]
    public void Unsupported_element_type_throws_NotSupportedException()
    {
        Assert.Throws<NotSupportedException>(() => DynamicTensor<Half>.Zeros(2, 2));
        Assert.Throws<NotSupportedException>(() => DynamicTensor<Half>.FromArray(new Shape(2), new Half[2]));
        Assert.Throws<NotSupportedException>(() => new DynamicTensor<Half>(new Shape(2), new Half[2]));
    }

    // ------------------------------------------------------------------ element access

    [Fact]
    public void Indexer_gets_and_sets_row_major_elements()
    {
        var t = DynamicTensor<float>.FromArray(new Shape(2, 3), new[] { 0f, 1, 2, 3, 4, 5 });
        Assert.Equal(0f, t[0, 0]);
        Assert.Equal(2f, t[0, 2]);
        Assert.Equal(3f, t[1, 0]);
        Assert.Equal(5f, t[1, 2]);
        t[1, 1] = 42f;
        Assert.Equal(42f, t.AsReadOnlySpan()[4]);
        ReadOnlySpan<int> index = stackalloc int[] { 0, 1 };
        Assert.Equal(1f, t[index]);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(0, 3)]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(5, 5)]
    public void Indexer_out_of_range_throws(int i, int j)
    {
        var t = DynamicTensor<double>.Zeros(2, 3);
        AssertOutOfRange(Record.Exception(() => t[i, j]));
        AssertOutOfRange(Record.Exception(() => t[i, j] = 1));
    }

    private static void AssertOutOfRange(Exception? e) =>
        Assert.True(e is IndexOutOfRangeException or ArgumentOutOfRangeException, $"got {e?.GetType().Name ?? "no exception"}");

    [Fact]
    public void Indexer_with_wrong_number_of_indices_throws_ArgumentException()
    {
        var t = DynamicTensor<double>.Zeros(2, 3);
        Assert.Throws<ArgumentException>(() => t[1]);
        Assert.Throws<ArgumentException>(() => t[1, 1, 0]);
        Assert.Throws<ArgumentException>(() => t[ReadOnlySpan<int>.Empty]);
        Assert.Throws<ArgumentException>(() => t[0, 0, 0] = 1);

        // (1, 5) is a valid flat offset for a (2, 3) tensor's 6 elements, but index 5 is outside dim 1.
        AssertOutOfRange(Record.Exception(() => t[0, 5]));
    }

    [Fact]
    public void Spans_round_trip()
    {
        var t = DynamicTensor<double>.Zeros(3, 2);
        var span = t.AsSpan();
        Assert.Equal(6, span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = i * 1.5;
        }

        Assert.Equal(4.5, t[1, 1]);
        Assert.Equal(7.5, t[2, 1]);
        Assert.Equal(new[] { 0, 1.5, 3, 4.5, 6, 7.5 }, t.AsReadOnlySpan().ToArray());

        var copy = t.ToArray();
        copy[0] = 99;
        Assert.Equal(0d, t[0, 0]);

        var again = DynamicTensor<double>.FromSpan(t.Shape, t.AsReadOnlySpan());
        Assert.Equal(t.ToArray(), again.ToArray());
    }

    // ------------------------------------------------------------------ ToString

    [Fact]
    public void ToString_is_numpy_like()
    {
        var m = DynamicTensor<float>.FromArray(new Shape(2, 2), new[] { 19f, 22f, 43f, 50f });
        Assert.Equal("[[19. 22.]\n [43. 50.]]", m.ToString());
        var md = DynamicTensor<double>.FromArray(new Shape(2, 2), new[] { 19d, 22d, 43d, 50d });
        Assert.Equal("[[19. 22.]\n [43. 50.]]", md.ToString());

        var v = DynamicTensor<float>.FromArray(new Shape(2), new[] { 1.5f, -2f });
        Assert.Equal("[ 1.5 -2. ]", v.ToString());
        var vd = DynamicTensor<double>.FromArray(new Shape(2), new[] { 1.5, -2 });
        Assert.Equal("[ 1.5 -2. ]", vd.ToString());
    }

    [Fact]
    public void ToString_of_a_product_result()
    {
        var a = DynamicTensor<float>.FromArray(new Shape(2, 2), new[] { 1f, 2, 3, 4 });
        var b = DynamicTensor<float>.FromArray(new Shape(2, 2), new[] { 5f, 6, 7, 8 });
        Assert.Equal("[[19. 22.]\n [43. 50.]]", a.Dot(b).ToString());
        Assert.Equal("[[19. 22.]\n [43. 50.]]", a.MatMul(b).ToString());
    }

    // ------------------------------------------------------------------ operation errors

    [Theory]
    [InlineData("Dot", "(3,4,5,2)", "(2,5,3,7)", "", "Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70].")]
    [InlineData("Dot", "(3,)", "(3,4)", "", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [3], [3,4].")]
    [InlineData("BatchDot", "(8,2,3)", "(9,3,4)", "", "Dimension 0 in both shapes must be equal, but are 8 and 9. Shapes are [8] and [9]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [8,2,3], [9,3,4].")]
    [InlineData("BatchDot", "(32,20)", "(16,20)", "axes 1", "Dimensions must be equal, but are 32 and 16 for 'Mul' (op: 'Mul') with input shapes: [32,20], [16,20].")]
    [InlineData("BatchDot", "(32,20,1,1)", "(32,30,20,3)", "axes (1,2)", "Dimension 1 in both shapes must be equal, but are 20 and 30. Shapes are [32,20] and [32,30]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [32,20,1,1], [32,30,20,3].")]
    [InlineData("BatchDot", "(3,)", "(3,4)", "", "Can not squeeze dim[0], expected a dimension of 1, got 4 for 'Squeeze' (op: 'Squeeze') with input shapes: [4].")]
    [InlineData("MatMul", "(8,2,3)", "(9,3,4)", "", "Dimensions must be equal, but are 8 and 9 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,3], [9,3,4].")]
    [InlineData("MatMul", "(3,2)", "(3,4)", "transposeB", "Dimensions must be equal, but are 2 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [3,2], [3,4].")]
    public void Shape_errors_throw_ShapeMismatchException_with_the_exact_text(string op, string x, string y, string options, string message)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        foreach (var useDestination in new[] { false, true })
        {
            var left = DynamicTensor<double>.Ones(new Shape(c.X));
            var right = DynamicTensor<double>.Ones(new Shape(c.Y));
            var destination = DynamicTensor<double>.Zeros(1);
            var e = Assert.Throws<ShapeMismatchException>(() =>
            {
                if (useDestination)
                {
                    RuntimeRunner.ComputeInto(c, left, right, destination);
                }
                else
                {
                    RuntimeRunner.Compute(c, left, right);
                }
            });

            Assert.IsAssignableFrom<ArgumentException>(e);
            Assert.Equal(message, e.Message);
            Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
            Assert.Equal(op, e.Operation);
            Assert.Equal(new Shape(c.X), e.Left);
            Assert.Equal(new Shape(c.Y), e.Right);
            Assert.Equal(message, e.Error.Message);
            Assert.Equal(ShapeErrorKind.IncompatibleShapes, e.Error.Kind);
        }
    }

    [Fact]
    public void ShapeMismatchException_is_catchable_as_ArgumentException()
    {
        var a = DynamicTensor<float>.Zeros(2, 3);
        var b = DynamicTensor<float>.Zeros(4, 5);
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => a.Dot(b));
        Assert.IsType<ShapeMismatchException>(e);
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [4,5].", e.Message);
    }

    [Theory]
    [InlineData(3, 0, 3, 3)]    // axis0 = rank(x)
    [InlineData(-4, 0, 3, 3)]   // axis0 < -rank(x)
    [InlineData(0, 3, 3, 3)]    // axis1 = rank(y)
    [InlineData(0, -4, 3, 3)]   // axis1 < -rank(y)
    [InlineData(2, 2, 3, 2)]    // int-style (2, 2): fine for x, out of range for y
    [InlineData(1, 5, 2, 2)]
    public void Invalid_BatchDot_axes_throw_ArgumentOutOfRangeException_named_axes(int a0, int a1, int rx, int ry)
    {
        var x = DynamicTensor<float>.Ones(Enumerable.Repeat(2, rx).ToArray());
        var y = DynamicTensor<float>.Ones(Enumerable.Repeat(2, ry).ToArray());
        var destination = DynamicTensor<float>.Zeros(2, 2);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => x.BatchDot(y, (a0, a1)));
        Assert.Equal("axes", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => x.BatchDot(y, (a0, a1), destination));
        Assert.Equal("axes", e.ParamName);
        if (a0 == a1)
        {
            e = Assert.Throws<ArgumentOutOfRangeException>(() => x.BatchDot(y, a0));
            Assert.Equal("axes", e.ParamName);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => x.BatchDot(y, a0, destination));
            Assert.Equal("axes", e.ParamName);
        }

        var algebra = ShapeAlgebra.BatchDot(x.Shape, y.Shape, a0, a1);
        Assert.False(algebra.Succeeded);
        Assert.Equal(ShapeErrorKind.InvalidAxes, algebra.Error!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(algebra.Error.Message));
    }

    [Fact]
    public void Default_BatchDot_axes_are_never_validated()
    {
        // Both rank 1: the default axes are (0, -1); no axes error, but TF1's MatMul rank check.
        var x = DynamicTensor<float>.Ones(5);
        var y = DynamicTensor<float>.Ones(5);
        var e = Assert.Throws<ShapeMismatchException>(() => x.BatchDot(y));
        Assert.Equal("Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [5], [5].", e.Message);
        Assert.Equal("BatchDot", e.Operation);
    }

    [Fact]
    public void BatchDot_with_a_rank_zero_operand_is_an_error()
    {
        var scalar = DynamicTensor<float>.Ones(Shape.Scalar);
        var v = DynamicTensor<float>.Ones(3);
        var e = Assert.Throws<ShapeMismatchException>(() => scalar.BatchDot(v));
        Assert.Equal("Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [], [3].", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => v.BatchDot(scalar));
        Assert.Equal("Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [3], [].", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => scalar.BatchDot(scalar));
        Assert.Equal("Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [], [].", e.Message);
    }

    [Fact]
    public void Null_operands_are_rejected()
    {
        var x = DynamicTensor<double>.Ones(2, 2);
        var d = DynamicTensor<double>.Zeros(2, 2);
        Assert.Throws<ArgumentNullException>(() => x.Dot(null!));
        Assert.Throws<ArgumentNullException>(() => x.BatchDot(null!));
        Assert.Throws<ArgumentNullException>(() => x.BatchDot(null!, 1));
        Assert.Throws<ArgumentNullException>(() => x.BatchDot(null!, (1, 1)));
        Assert.Throws<ArgumentNullException>(() => x.MatMul(null!));
        Assert.Throws<ArgumentNullException>(() => x.Dot(null!, d));
        Assert.Throws<ArgumentNullException>(() => x.Dot(x, null!));
        Assert.Throws<ArgumentNullException>(() => x.BatchDot(x, (DynamicTensor<double>)null!));
        Assert.Throws<ArgumentNullException>(() => x.MatMul(x, null!));
        Assert.Throws<ArgumentNullException>(() => ShapeAlgebra.Dot(null!, new Shape(2)));
        Assert.Throws<ArgumentNullException>(() => ShapeAlgebra.MatMul(new Shape(2), null!));
        Assert.Throws<ArgumentNullException>(() => ShapeAlgebra.BatchDot(null!, new Shape(2), 0, 0));
    }

    // ------------------------------------------------------------------ destination forms

    [Fact]
    public void Destination_forms_write_the_result()
    {
        var a = DynamicTensor<double>.FromArray(new Shape(2, 2), new[] { 1d, 2, 3, 4 });
        var b = DynamicTensor<double>.FromArray(new Shape(2, 2), new[] { 5d, 6, 7, 8 });
        var d = DynamicTensor<double>.FromFunction(new Shape(2, 2), _ => double.NaN);
        a.Dot(b, d);
        Assert.Equal(new[] { 19d, 22, 43, 50 }, d.ToArray());
        var m = DynamicTensor<double>.Zeros(2, 2);
        a.MatMul(b, m, transposeA: true);
        Assert.Equal(new[] { 26d, 30, 38, 44 }, m.ToArray());
        var bd = DynamicTensor<double>.Zeros(2, 1);
        a.BatchDot(b, 1, bd);
        Assert.Equal(new[] { 17d, 53 }, bd.ToArray());
    }

    [Fact]
    public void Destination_with_the_wrong_shape_or_length_is_rejected()
    {
        var a = DynamicTensor<float>.Ones(3, 4);
        var b = DynamicTensor<float>.Ones(4, 5);
        var sameLengthWrongShape = DynamicTensor<float>.Zeros(5, 3);
        var wrongLength = DynamicTensor<float>.Zeros(3, 4);
        var wrongRank = DynamicTensor<float>.Zeros(15);

        foreach (var d in new[] { sameLengthWrongShape, wrongLength, wrongRank })
        {
            var e1 = Assert.ThrowsAny<ArgumentException>(() => a.Dot(b, d));
            Assert.IsNotType<ShapeMismatchException>(e1);
            var e2 = Assert.ThrowsAny<ArgumentException>(() => a.MatMul(b, d));
            Assert.IsNotType<ShapeMismatchException>(e2);
        }

        var x = DynamicTensor<float>.Ones(6, 2, 3);
        var y = DynamicTensor<float>.Ones(6, 3, 4);
        var e3 = Assert.ThrowsAny<ArgumentException>(() => x.BatchDot(y, DynamicTensor<float>.Zeros(6, 4, 2)));
        Assert.IsNotType<ShapeMismatchException>(e3);
        var e4 = Assert.ThrowsAny<ArgumentException>(() => x.BatchDot(y, (2, 1), DynamicTensor<float>.Zeros(6, 2)));
        Assert.IsNotType<ShapeMismatchException>(e4);

        // The destination is untouched when rejected.
        Assert.All(sameLengthWrongShape.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Destination_aliasing_an_operand_is_rejected()
    {
        var a = DynamicTensor<double>.Ones(3, 3);
        var b = DynamicTensor<double>.Ones(3, 3);
        Assert.ThrowsAny<ArgumentException>(() => a.Dot(b, a));
        Assert.ThrowsAny<ArgumentException>(() => a.MatMul(b, b));
    }

    [Fact]
    public void Shape_errors_win_over_destination_errors_and_leave_it_untouched()
    {
        var a = DynamicTensor<float>.Ones(2, 3);
        var b = DynamicTensor<float>.Ones(4, 5);
        var d = DynamicTensor<float>.Zeros(2, 5);
        Assert.Throws<ShapeMismatchException>(() => a.Dot(b, d));
        Assert.All(d.ToArray(), v => Assert.Equal(0f, v));
    }

    // ------------------------------------------------------------------ threads

    [Fact]
    public void Concurrent_operations_on_shared_inputs_match_a_serial_run()
    {
        var x = DynamicTensor<float>.Random(new Shape(4, 48, 64), seed: 1);
        var y = DynamicTensor<float>.Random(new Shape(64, 80), seed: 2);
        var bx = DynamicTensor<double>.Random(new Shape(8, 33, 21), seed: 3);
        var by = DynamicTensor<double>.Random(new Shape(8, 21, 19), seed: 4);

        var dot = x.Dot(y).ToArray();
        var batch = bx.BatchDot(by).ToArray();
        var matmul = bx.MatMul(by, transposeA: false, transposeB: false).ToArray();
        var xBefore = x.ToArray();

        var mismatches = 0;
        Parallel.For(0, 96, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            bool same = (i % 3) switch
            {
                0 => x.Dot(y).ToArray().SequenceEqual(dot),
                1 => bx.BatchDot(by).ToArray().SequenceEqual(batch),
                _ => bx.MatMul(by).ToArray().SequenceEqual(matmul),
            };
            if (!same)
            {
                System.Threading.Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
        Assert.Equal(xBefore, x.ToArray());

        // And the serial result itself is right.
        var reference = KerasOps.Dot(
            NdArray.Of(x.Shape.ToArray(), x.ToArray().Select(v => (double)v).ToArray()),
            NdArray.Of(y.Shape.ToArray(), y.ToArray().Select(v => (double)v).ToArray()));
        Assert.Null(ValueCheck.Compare("Dot (4,48,64)·(64,80)", reference, x.Dot(y), ValueCheck.FloatTolerance));
    }
}
