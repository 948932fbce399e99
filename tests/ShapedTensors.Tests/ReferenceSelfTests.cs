using System;
using System.Linq;
using ShapedTensors.Tests.Reference;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// Checks of the reference against direct definitions (no runtime involved), so that an agreement
/// between the runtime and the reference means something.
/// </summary>
public sealed class ReferenceSelfTests
{
    private static NdArray RandomArray(Random rng, params int[] shape) =>
        NdArray.Of(shape, Enumerable.Range(0, (int)NdArray.Size(shape)).Select(_ => Math.Round((rng.NextDouble() * 8) - 4)).ToArray());

    /// <summary>numpy.dot by its definition: out[i..., j..., l] = sum_k x[i..., k] * y[j..., k, l].</summary>
    private static double[] NumpyDot(NdArray x, NdArray y)
    {
        var xLead = x.Shape[..^1];
        var k = x.Shape[^1];
        var yLead = y.Rank >= 2 ? y.Shape[..^2] : Array.Empty<int>();
        var l = y.Rank >= 2 ? y.Shape[^1] : 1;
        var result = new double[NdArray.Size(xLead) * NdArray.Size(yLead) * l];
        var o = 0;
        for (long xi = 0; xi < NdArray.Size(xLead); xi++)
        {
            for (long yj = 0; yj < NdArray.Size(yLead); yj++)
            {
                for (var c = 0; c < l; c++)
                {
                    double sum = 0;
                    for (var t = 0; t < k; t++)
                    {
                        var yOffset = y.Rank >= 2 ? (yj * k * l) + (t * l) + c : t;
                        sum += x.Data![(xi * k) + t] * y.Data![yOffset];
                    }

                    result[o++] = sum;
                }
            }
        }

        return result;
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 7, 4, 5 })]
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 8, 7, 4, 5 })]
    [InlineData(new[] { 4 }, new[] { 7, 4, 5 })]
    [InlineData(new[] { 2, 3 }, new[] { 4, 3, 5 })]
    [InlineData(new[] { 3, 2, 5 }, new[] { 5, 2 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 2, 2, 3, 2 }, new[] { 3, 1, 2, 3 })]
    public void Dot_equals_the_numpy_definition(int[] xs, int[] ys)
    {
        var rng = new Random(5);
        var x = RandomArray(rng, xs);
        var y = RandomArray(rng, ys);
        var z = KerasOps.Dot(x, y);
        Assert.Equal(NumpyDot(x, y), z.Data);
    }

    [Fact]
    public void BatchDot_rank2_is_a_row_wise_inner_product()
    {
        var rng = new Random(6);
        var x = RandomArray(rng, 5, 7);
        var y = RandomArray(rng, 5, 7);
        var z = KerasOps.BatchDot(x, y, (1, 1));
        Assert.Equal(new[] { 5, 1 }, z.Shape);
        for (var b = 0; b < 5; b++)
        {
            Assert.Equal(Enumerable.Range(0, 7).Sum(k => x.At(b, k) * y.At(b, k)), z.At(b, 0));
        }
    }

    [Fact]
    public void BatchDot_rank3_default_is_a_batched_matrix_product()
    {
        var rng = new Random(7);
        var x = RandomArray(rng, 3, 2, 4);
        var y = RandomArray(rng, 3, 4, 5);
        var z = KerasOps.BatchDot(x, y, null);
        Assert.Equal(new[] { 3, 2, 5 }, z.Shape);
        for (var b = 0; b < 3; b++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 5; j++)
                {
                    Assert.Equal(Enumerable.Range(0, 4).Sum(k => x.At(b, i, k) * y.At(b, k, j)), z.At(b, i, j));
                }
            }
        }
    }

    [Fact]
    public void MatMul_broadcasts_batch_dims_and_transposes()
    {
        var rng = new Random(8);
        var x = RandomArray(rng, 2, 1, 3, 4); // transposeA: each matrix is 4x3
        var y = RandomArray(rng, 5, 2, 3);    // transposeB: each matrix is 3x2
        var z = KerasOps.MatMul(x, y, true, true);
        Assert.Equal(new[] { 2, 5, 4, 2 }, z.Shape);
        for (var a = 0; a < 2; a++)
        {
            for (var b = 0; b < 5; b++)
            {
                for (var i = 0; i < 4; i++)
                {
                    for (var j = 0; j < 2; j++)
                    {
                        var expected = Enumerable.Range(0, 3).Sum(k => x.At(a, 0, k, i) * y.At(b, j, k));
                        Assert.Equal(expected, z.At(a, b, i, j));
                    }
                }
            }
        }
    }

    [Fact]
    public void Squeeze_checks_range_before_sizes()
    {
        var x = NdArray.Symbolic(3, 1);
        var e = Assert.Throws<RefShapeException>(() => TfOps.Squeeze(x, new[] { 0, 2 }));
        Assert.Equal("squeeze_dims[1] not in [-2,2). for 'Squeeze' (op: 'Squeeze') with input shapes: [3,1].", e.Message);
        Assert.Equal(new[] { 3 }, TfOps.Squeeze(x, new[] { -1 }).Shape);
    }
}
