using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;
using static ShapedTensors.Tests.Operations.NaiveOperations;
using static ShapedTensors.Tests.Operations.OperationData;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// Every kernel of OPS.md §1–§7, through the entry points generated code calls, against <see cref="NaiveOperations"/>:
/// random shapes of ranks 0–5, every axis form, both broadcasting sides, float and double, and rows of 1 to 40
/// elements so that every vector width's tail is met.
/// </summary>
public sealed class KernelTests
{
    private static readonly ElementwiseOperation[] Binaries = Enum.GetValues<ElementwiseOperation>();

    [Fact]
    public void Broadcast_matches_numpy_float() => Broadcast<float>();

    [Fact]
    public void Broadcast_matches_numpy_double() => Broadcast<double>();

    private static void Broadcast<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(11);
        foreach (var (x, y) in BroadcastPairs(random))
        {
            foreach (var operation in Binaries)
            {
                CheckBroadcast<T>(random, operation, x, y);
            }
        }
    }

    // Random pairs of ranks 0–5 where either side (or both) stretches, and the fast paths' shapes along 1..40.
    private static IEnumerable<(int[] X, int[] Y)> BroadcastPairs(Random random)
    {
        for (var i = 0; i < 200; i++)
        {
            var result = Dims(random, random.Next(0, 6), allowEmpty: i % 25 == 0);
            yield return (Stretched(random, result), Stretched(random, result));
        }

        for (var n = 1; n <= 40; n++)
        {
            yield return ([3, n], [3, n]);
            yield return ([3, n], [n]);
            yield return ([n], [2, n]);
            yield return ([3, n], []);
            yield return ([], [3, n]);
            yield return ([3, n], [3, 1]);
            yield return ([2, 1, n], [3, 1]);
        }
    }

    // A suffix of the result's dimensions, some made 1: an operand that broadcasts to it.
    private static int[] Stretched(Random random, int[] result)
        => result[random.Next(0, result.Length + 1)..].Select(d => random.Next(3) == 0 ? 1 : d).ToArray();

    private static void CheckBroadcast<T>(Random random, ElementwiseOperation operation, int[] xDims, int[] yDims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (x, xe) = Values<T>(random, Count(xDims));
        var (y, ye) = Values<T>(random, Count(yDims));
        var resultDims = BroadcastShape(xDims, yDims);
        var output = new T[Count(resultDims)];
        GeneratedCodeSupport.Broadcast<T>(operation, x, new Shape(xDims), y, new Shape(yDims), output, new Shape(resultDims));
        AssertClose(NaiveOperations.Broadcast(operation, xe, xDims, ye, yDims), output, $"{operation} {Text(xDims)} {Text(yDims)}");
    }

    [Fact]
    public void Unary_matches_numpy_float() => Unary<float>();

    [Fact]
    public void Unary_matches_numpy_double() => Unary<double>();

    private static void Unary<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(12);
        foreach (var operation in Enum.GetValues<UnaryOperation>())
        {
            foreach (var length in Enumerable.Range(0, 41).Append(1000))
            {
                // Log of a negative element is NaN in both; the values cover it and Sqrt's clip.
                var (x, xe) = Values<T>(random, length, -3, 3);
                var output = new T[length];
                GeneratedCodeSupport.Unary<T>(operation, x, output);
                AssertClose(xe.Select(v => NaiveOperations.Unary(operation, v)).ToArray(), output, $"{operation} {length}");
            }
        }
    }

    [Fact]
    public void Sqrt_clips_negative_values_to_zero_as_keras_does()
    {
        var output = new float[3];
        GeneratedCodeSupport.Unary<float>(UnaryOperation.Sqrt, [-4f, 0f, 9f], output);
        Assert.Equal([0f, 0f, 3f], output);
    }

    [Fact]
    public void Softplus_is_stable_at_both_ends_and_in_place()
    {
        // log(1 + exp(x)) naively overflows to infinity above 88 (float) and rounds to 0 below -17: x itself there, and
        // exp(x).
        float[] x = [1000f, 100f, 20f, 0f, -20f, -100f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        GeneratedCodeSupport.Unary<float>(UnaryOperation.Softplus, x, x);
        Assert.Equal([1000f, 100f, 20f, MathF.Log(2f), MathF.Exp(-20f), MathF.Exp(-100f), float.PositiveInfinity, 0f, float.NaN], x);

        double[] y = [800, 40, 1e-20, -1e-20, -40, -700];
        GeneratedCodeSupport.Unary<double>(UnaryOperation.Softplus, y, y);
        Assert.Equal(800, y[0]);
        Assert.Equal(40, y[1]);
        Assert.Equal(Math.Log(2), y[2], 15);
        Assert.Equal(Math.Log(2), y[3], 15);
        Assert.Equal(Math.Exp(-40), y[4], Math.Exp(-40) * 1e-14);
        Assert.Equal(Math.Exp(-700), y[5], Math.Exp(-700) * 1e-14);
    }

    [Fact]
    public void Prod_of_nothing_is_one_as_numpy_and_tensorflow_say()
    {
        var output = new float[3];
        GeneratedCodeSupport.Reduce<float>(ReductionOperation.Prod, [], new Shape(3, 0), [1], output);
        Assert.Equal([1f, 1f, 1f], output);
        GeneratedCodeSupport.Reduce<float>(ReductionOperation.Prod, [1f, 2f, 3f, 4f, 5f, 6f], new Shape(3, 2), [1], output);
        Assert.Equal([2f, 12f, 30f], output);
    }

    [Fact]
    public void Softmax_matches_numpy_float() => Softmax<float>();

    [Fact]
    public void Softmax_matches_numpy_double() => Softmax<double>();

    private static void Softmax<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(13);
        var shapes = Enumerable.Range(0, 60).Select(_ => Dims(random, random.Next(1, 6)))
            .Concat(Enumerable.Range(1, 40).SelectMany(n => new[] { new[] { 3, n }, new[] { n, 5 }, new[] { 2, n, 3 } }))
            .Append([2, 1000]); // long rows: the fused exp-and-sum's vector loops, then its scalar tail
        foreach (var dims in shapes)
        {
            for (var axis = 0; axis < dims.Length; axis++)
            {
                var (x, xe) = Values<T>(random, Count(dims), -5, 5);
                var output = new T[x.Length];
                GeneratedCodeSupport.Softmax<T>(x, new Shape(dims), axis, output);
                AssertClose(NaiveOperations.Softmax(xe, dims, axis), output, $"softmax {Text(dims)} axis {axis}");
            }
        }
    }

    [Fact]
    public void Softmax_of_large_inputs_does_not_overflow()
    {
        foreach (var axis in new[] { 0, 1 })
        {
            var output = new float[4];
            GeneratedCodeSupport.Softmax<float>([1000f, 1000f, 1001f, 1000f], new Shape(2, 2), axis, output);
            Assert.All(output, v => Assert.True(float.IsFinite(v)));
            var expected = axis == 1 ? new[] { 0.5, 0.5, 0.7310586, 0.2689414 } : [0.2689414, 0.5, 0.7310586, 0.5];
            AssertClose(expected, output, $"axis {axis}");
        }
    }

    [Fact]
    public void Reductions_match_numpy_float() => Reductions<float>();

    [Fact]
    public void Reductions_match_numpy_double() => Reductions<double>();

    private static void Reductions<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(14);
        var cases = new List<(int[] Dims, int[] Axes)>();
        for (var i = 0; i < 80; i++)
        {
            var dims = Dims(random, random.Next(0, 6), allowEmpty: i % 20 == 0);
            cases.Add((dims, Enumerable.Range(0, dims.Length).Where(_ => random.Next(2) == 0).ToArray()));
            cases.Add((dims, Enumerable.Range(0, dims.Length).ToArray()));
        }

        for (var n = 1; n <= 40; n++)
        {
            cases.Add(([3, n], [1]));
            cases.Add(([n, 5], [0]));
            cases.Add(([2, n, 3], [0, 2]));
            cases.Add(([n], []));
        }

        foreach (var (dims, axes) in cases)
        {
            foreach (var operation in Enum.GetValues<ReductionOperation>())
            {
                var (x, xe) = Values<T>(random, Count(dims));
                var output = new T[Count(dims.Where((_, axis) => !axes.Contains(axis)).ToArray())];
                GeneratedCodeSupport.Reduce<T>(operation, x, new Shape(dims), axes, output);
                AssertClose(NaiveOperations.Reduce(operation, xe, dims, axes), output, $"{operation} {Text(dims)} over {Text(axes)}");
            }
        }
    }

    [Fact]
    public void Transpose_matches_numpy_float() => Transpose<float>();

    [Fact]
    public void Transpose_matches_numpy_double() => Transpose<double>();

    private static void Transpose<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(15);
        var cases = new List<(int[] Dims, int[] Permutation)>();
        for (var i = 0; i < 150; i++)
        {
            var dims = Dims(random, random.Next(0, 6), allowEmpty: i % 30 == 0);
            cases.Add((dims, Enumerable.Range(0, dims.Length).OrderBy(_ => random.Next()).ToArray()));
        }

        // The tiled 2-D path: sizes around the tile, batched and not.
        foreach (var (rows, columns) in new[] { (1, 40), (40, 1), (33, 65), (64, 32), (7, 70), (31, 33) })
        {
            cases.Add(([rows, columns], [1, 0]));
            cases.Add(([2, rows, columns], [0, 2, 1]));
            cases.Add(([rows, 3, columns], [2, 1, 0]));
        }

        foreach (var (dims, permutation) in cases)
        {
            var (x, xe) = Values<T>(random, Count(dims));
            var output = new T[x.Length];
            GeneratedCodeSupport.Transpose<T>(x, new Shape(dims), permutation, output);
            AssertClose(NaiveOperations.Transpose(xe, dims, permutation), output, $"transpose {Text(dims)} by {Text(permutation)}");
        }
    }

    [Fact]
    public void Concatenate_matches_numpy_float() => Concatenate<float>();

    [Fact]
    public void Concatenate_matches_numpy_double() => Concatenate<double>();

    private static void Concatenate<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(16);
        for (var i = 0; i < 150; i++)
        {
            var dims = Dims(random, random.Next(1, 5));
            var axis = random.Next(dims.Length);
            var operands = Enumerable.Range(0, 2 + (i % 3)).Select(_ =>
            {
                var own = (int[])dims.Clone();
                own[axis] = random.Next(0, 5);
                var (values, exact) = Values<T>(random, Count(own));
                return (Values: values, Exact: exact, Dims: own);
            }).ToArray();
            var resultDims = (int[])dims.Clone();
            resultDims[axis] = operands.Sum(o => o.Dims[axis]);
            var output = new T[Count(resultDims)];
            var result = new Shape(resultDims);
            var (a, b) = (operands[0], operands[1]);
            switch (operands.Length)
            {
                case 2:
                    GeneratedCodeSupport.Concatenate<T>(axis, output, result, a.Values, new Shape(a.Dims), b.Values, new Shape(b.Dims));
                    break;
                case 3:
                    GeneratedCodeSupport.Concatenate<T>(axis, output, result, a.Values, new Shape(a.Dims), b.Values, new Shape(b.Dims), operands[2].Values, new Shape(operands[2].Dims));
                    break;
                default:
                    GeneratedCodeSupport.Concatenate<T>(axis, output, result, a.Values, new Shape(a.Dims), b.Values, new Shape(b.Dims), operands[2].Values, new Shape(operands[2].Dims), operands[3].Values, new Shape(operands[3].Dims));
                    break;
            }

            var expected = NaiveOperations.Concatenate(axis, operands.Select(o => (o.Exact, o.Dims)).ToArray());
            AssertClose(expected, output, $"concatenate {string.Join(" ", operands.Select(o => Text(o.Dims)))} along {axis}");
        }
    }

    [Fact]
    public void Copy_keeps_the_element_order()
    {
        var output = new double[4];
        GeneratedCodeSupport.Copy<double>([1, 2, 3, 4], output);
        Assert.Equal([1.0, 2, 3, 4], output);
    }

    [Fact]
    public void A_span_of_the_wrong_length_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Add, new float[5], new Shape(2, 3), new float[3], new Shape(3), new float[6], new Shape(2, 3)));
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Unary<float>(UnaryOperation.Relu, new float[5], new float[6]));
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Reduce<float>(ReductionOperation.Sum, new float[6], new Shape(2, 3), [1], new float[3]));
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Transpose<float>(new float[6], new Shape(2, 3), [1, 0], new float[5]));
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Concatenate<float>(1, new float[10], new Shape(2, 5), new float[6], new Shape(2, 3), new float[6], new Shape(2, 3)));
        Assert.Throws<ArgumentException>(() => GeneratedCodeSupport.Copy<float>(new float[6], new float[5]));
    }
}
