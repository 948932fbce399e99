using System;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>Random tensordots (ranks 1–4, a count or two lists of axes, negative axes) against numpy's definition through <see cref="NaiveEinsum"/>.</summary>
public sealed class TensorDotCorpusTests
{
    [Fact]
    public void Random_tensordots_compute_what_numpy_computes()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var a = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, 4)).ToArray();
            var contracted = random.Next(0, a.Length + 1);
            var aAxes = Enumerable.Range(0, a.Length).OrderBy(_ => random.Next()).Take(contracted).ToArray();
            var b = Enumerable.Range(0, contracted + random.Next(0, 3)).Select(_ => random.Next(1, 4)).ToArray();
            var bAxes = Enumerable.Range(0, b.Length).OrderBy(_ => random.Next()).Take(contracted).ToArray();
            for (var k = 0; k < contracted; k++)
            {
                b[bAxes[k]] = a[aAxes[k]];
            }

            var x = DynamicTensor<double>.Random(new Shape(a), seed);
            var y = DynamicTensor<double>.Random(new Shape(b), seed + 1000);
            var name = $"seed {seed}: {new Shape(a)} {new Shape(b)} axes [{string.Join(",", aAxes)}] [{string.Join(",", bAxes)}]";
            var equation = EinsumSpecTests.TensorDotEquation($"[[{string.Join(",", aAxes)}],[{string.Join(",", bAxes)}]]", a.Length, b.Length);
            var expected = NaiveEinsum.Compute(equation, (a, x.ToArray()), (b, y.ToArray()));

            // Negative axes count from the end, once.
            var negative = aAxes.Select(axis => random.Next(2) == 0 ? axis - a.Length : axis).ToArray();
            var actual = x.TensorDot(y, (negative, bAxes));
            Assert.Equal(expected.Shape, actual.Shape.ToArray());
            EinsumAssert.Close(expected.Values, actual.ToArray(), name);
        }
    }

    [Fact]
    public void A_partial_shape_merges_pairs_and_the_run_time_checks_the_sizes()
    {
        var rule = OperationRules.TensorDot(StaticShape.Parse("batch", 3), StaticShape.Parse("?", 5), TensorDotAxes.Of(1));
        Assert.Equal("(batch, 5)", rule.Outcome.Result!.ToString());
        Assert.Equal("y[0] (?) must equal x[1] (3)", Assert.Single(rule.Outcome.Deferred).Describe());

        // Graph time on the declared shapes when the contracted sizes are known (a ? in the 2-D frame), else run time.
        var x = new PartialTensor(StaticShape.Parse("batch", 3), 2, 3);
        Assert.Equal(
            "Dimensions must be equal, but are 3 and 4 for 'Tensordot/MatMul' (op: 'MatMul') with input shapes: [2,3], [4,5].",
            Assert.Throws<ShapeMismatchException>(() => x.TensorDot(new PartialTensor(StaticShape.Parse("?", 5), 4, 5), 1)).Message);
        Assert.Equal(
            "Dimensions must be equal, but are 3 and 4 for 'Tensordot/MatMul' (op: 'MatMul') with input shapes: [?,3], [4,5].",
            Assert.Throws<ShapeMismatchException>(() => x.TensorDot(new PartialTensor(StaticShape.Parse(4, 5), 4, 5), ([-1], [0]))).Message);
    }
}
