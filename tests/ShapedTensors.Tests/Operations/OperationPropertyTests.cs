using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// Random fully known shapes (fixed seeds) against small references written here (numpy's broadcast and reduction
/// result shapes, np.transpose, np.reshape, np.concatenate, np.expand_dims, np.squeeze).
/// </summary>
public sealed class OperationPropertyTests
{
    private const int Cases = 400;

    [Fact]
    public void Broadcast_is_numpy_broadcasting()
    {
        var random = new Random(11);
        for (var n = 0; n < Cases; n++)
        {
            var x = RandomShapes.Sizes(random);
            var y = RandomShapes.BroadcastPartner(random, x);
            var outcome = OperationRules.Broadcast(OperationCatalog.Multiply, Known(x), Known(y));
            var expected = NumpyBroadcast(x, y, out var mismatch);
            if (expected is null)
            {
                Assert.StartsWith($"Dimensions must be equal, but are {mismatch.X} and {mismatch.Y} for 'mul' (op: 'Mul')", outcome.Error!.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expected, outcome.Result!.ToShape().ToArray());
            }
        }
    }

    [Fact]
    public void Reduce_drops_or_keeps_the_given_axes()
    {
        var random = new Random(12);
        for (var n = 0; n < Cases; n++)
        {
            var x = RandomShapes.Sizes(random);
            var axes = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(-x.Length - 1, x.Length + 1)).ToArray();
            var keepDims = random.Next(2) == 0;
            var outcome = OperationRules.Reduce(OperationCatalog.Sum, Known(x), axes, false, keepDims);
            var invalid = axes.Where(a => a < -x.Length || a >= x.Length).ToArray();
            if (invalid.Length > 0)
            {
                Assert.StartsWith($"Invalid reduction dimension {invalid[0]} for input with {x.Length} dimensions. for 'Sum'", outcome.Error!.Message, StringComparison.Ordinal);
                continue;
            }

            var reduced = axes.Select(a => (a + x.Length) % x.Length).ToHashSet();
            var expected = x.Select((d, i) => reduced.Contains(i) ? (keepDims ? 1 : -1) : d).Where(d => d >= 0).ToArray();
            Assert.Equal(expected, outcome.Result!.ToShape().ToArray());
            Assert.Equal(reduced.Order(), outcome.Axes);
        }
    }

    [Fact]
    public void Permutations_reorder_the_axes()
    {
        var random = new Random(13);
        for (var n = 0; n < Cases; n++)
        {
            var x = RandomShapes.Sizes(random);
            var perm = Enumerable.Range(0, x.Length).OrderBy(_ => random.Next()).ToArray();
            var outcome = OperationRules.PermuteDimensions(Known(x), perm);
            Assert.Equal(perm.Select(p => x[p]).ToArray(), outcome.Result!.ToShape().ToArray());
            Assert.Equal(x.Reverse().ToArray(), OperationRules.Transpose(Known(x)).Result!.ToShape().ToArray());
        }
    }

    [Fact]
    public void Reshape_keeps_the_element_count()
    {
        var random = new Random(14);
        for (var n = 0; n < Cases; n++)
        {
            var x = RandomShapes.Sizes(random);
            var count = x.Aggregate(1, (a, b) => a * b);
            var target = RandomShapes.Sizes(random);
            var inferred = random.Next(3) == 0 && target.Length > 0 ? random.Next(target.Length) : -1;
            if (inferred >= 0)
            {
                target[inferred] = -1;
            }

            var outcome = OperationRules.Reshape(Known(x), target);
            var specified = target.Where(d => d != -1).Aggregate(1, (a, b) => a * b);
            var fits = inferred < 0 ? specified == count : specified > 0 && count % specified == 0;
            Assert.Equal(fits, outcome.Succeeded);
            if (fits)
            {
                var expected = target.Select(d => d == -1 ? count / specified : d).ToArray();
                Assert.Equal(expected, outcome.Result!.ToShape().ToArray());
            }
        }
    }

    [Fact]
    public void Concatenate_adds_along_the_axis()
    {
        var random = new Random(15);
        for (var n = 0; n < Cases; n++)
        {
            var first = RandomShapes.Sizes(random, minRank: 1);
            var axis = random.Next(-first.Length, first.Length);
            var at = (axis + first.Length) % first.Length;
            var tensors = Enumerable.Range(0, random.Next(2, 4)).Select(_ =>
            {
                var t = (int[])first.Clone();
                t[at] = random.Next(0, 4);
                if (random.Next(8) == 0)
                {
                    t[random.Next(t.Length)] = random.Next(1, 5); // sometimes a mismatch elsewhere
                }

                return t;
            }).ToArray();
            var outcome = OperationRules.Concatenate(tensors.Select(Known).ToArray(), axis);
            var fits = tensors.All(t => Enumerable.Range(0, t.Length).All(i => i == at || t[i] == tensors[0][i]));
            Assert.Equal(fits, outcome.Succeeded);
            if (fits)
            {
                var expected = (int[])tensors[0].Clone();
                expected[at] = tensors.Sum(t => t[at]);
                Assert.Equal(expected, outcome.Result!.ToShape().ToArray());
                Assert.Equal(new[] { at }, outcome.Axes);
            }
        }
    }

    [Fact]
    public void ExpandDims_and_Squeeze_are_inverse()
    {
        var random = new Random(16);
        for (var n = 0; n < Cases; n++)
        {
            var x = RandomShapes.Sizes(random);
            var axis = random.Next(-x.Length - 1, x.Length + 1);
            var expanded = OperationRules.ExpandDims(Known(x), axis);
            var at = axis < 0 ? axis + x.Length + 1 : axis;
            Assert.Equal(x.Take(at).Append(1).Concat(x.Skip(at)).ToArray(), expanded.Result!.ToShape().ToArray());
            Assert.Equal(x, OperationRules.Squeeze(expanded.Result, axis).Result!.ToShape().ToArray());
        }
    }

    internal static StaticShape Known(int[] sizes) => StaticShape.Of(new Shape(sizes));

    // numpy: right-aligned, equal or one of them 1; the first mismatch from the left, x's size first.
    private static int[]? NumpyBroadcast(int[] x, int[] y, out (int X, int Y) mismatch)
    {
        var rank = Math.Max(x.Length, y.Length);
        var result = new int[rank];
        mismatch = default;
        for (var i = 0; i < rank; i++)
        {
            var dx = i - (rank - x.Length) >= 0 ? x[i - (rank - x.Length)] : 1;
            var dy = i - (rank - y.Length) >= 0 ? y[i - (rank - y.Length)] : 1;
            if (dx != dy && dx != 1 && dy != 1)
            {
                mismatch = (dx, dy);
                return null;
            }

            result[i] = dx == 1 ? dy : dx;
        }

        return result;
    }
}

/// <summary>Small random shapes for the property tests.</summary>
internal static class RandomShapes
{
    /// <summary>Rank in [minRank, 4], sizes in [1, 4] (0 sometimes).</summary>
    public static int[] Sizes(Random random, int minRank = 0)
        => Enumerable.Range(0, random.Next(minRank, 5)).Select(_ => random.Next(12) == 0 ? 0 : random.Next(1, 5)).ToArray();

    /// <summary>A shape that mostly broadcasts with <paramref name="x"/>: a suffix of it, some sizes 1, some changed.</summary>
    public static int[] BroadcastPartner(Random random, int[] x)
    {
        var y = x.Skip(random.Next(0, x.Length + 1)).ToArray();
        if (random.Next(3) == 0)
        {
            y = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(1, 4)).Concat(y).ToArray();
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = random.Next(6) switch { 0 => 1, 1 => random.Next(1, 5), _ => y[i] };
        }

        return y;
    }
}
