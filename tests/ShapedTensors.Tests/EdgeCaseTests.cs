using System.Linq;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Support;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// Cases beyond the §5 table that pin down how the rules of §2–§4 (and the brief's extensions) read at
/// their corners: rank 0, squeezes that fall outside the result, scalar results, Keras quirks, and
/// zero-sized dimensions.
/// Each row is checked against the reference, the shape algebra and the dynamic tensor.
/// </summary>
public sealed class EdgeCaseTests
{
    public static readonly TheoryData<string, string, string, string, string> Rows = new()
    {
        // Rank 0 on the 2-D MatMul paths.
        { "Dot", "()", "(3,4)", "", "Shape must be rank 2 but is rank 0 for 'MatMul' (op: 'MatMul') with input shapes: [], [3,4]." },
        { "MatMul", "()", "(3,4)", "", "Shape must be rank 2 but is rank 0 for 'MatMul' (op: 'MatMul') with input shapes: [], [3,4]." },
        { "MatMul", "(3,4)", "()", "", "Shape must be rank 2 but is rank 0 for 'MatMul' (op: 'MatMul') with input shapes: [3,4], []." },
        { "MatMul", "()", "(2,3,4)", "", "Shape must be at least rank 2 but is rank 0 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [], [2,3,4]." },
        { "MatMul", "(3,)", "(2,5,6)", "", "Shape must be at least rank 2 but is rank 1 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [3], [2,5,6]." },

        // Our BatchDot extensions.
        { "BatchDot", "()", "(3,)", "", "Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [], [3]." },
        { "BatchDot", "(2,3)", "()", "", "Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [2,3], []." },
        { "BatchDot", "(5,)", "(5,)", "", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [5], [5]." },
        { "BatchDot", "(5,)", "(5,)", "axes 0", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [5], [5]." },

        // Dot: numpy extension for a vector y.
        { "Dot", "(2,3,4)", "(5,)", "", "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [6,4], [5,1]." },
        { "Dot", "(2,1,3,4)", "(4,)", "", "(2, 1, 3)" },
        { "Dot", "(4,)", "(4,)", "", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [4], [4]." },
        { "Dot", "(1,1,1)", "(1,1,1)", "", "(1, 1, 1, 1)" },
        { "Dot", "(6,)", "(2,6,1)", "", "(2, 1)" },

        // Keras 2.2.4 squeezes idx = rank(x)+rank(y)-3 .. when x has the higher rank: past the end for rank(x) >= 4.
        // The text names the entry's position in Keras' list of squeeze axes (squeeze_dims[i]), not the axis.
        { "BatchDot", "(2,3,4,1)", "(2,3)", "", "squeeze_dims[1] not in [-4,4). for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3,4,1]." },
        { "BatchDot", "(2,3,4,5)", "(2,3,5)", "", "squeeze_dims[0] not in [-4,4). for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3,4,1]." },
        { "BatchDot", "(2,4,5)", "(2,5)", "", "(2, 4)" },
        { "BatchDot", "(2,4,5)", "(2,5)", "axes (2,1)", "(2, 4)" },
        { "BatchDot", "(2,4,5)", "(2,3)", "axes (2,1)", "Dimensions must be equal, but are 5 and 3 for 'MatMul' (op: 'BatchMatMul') with input shapes: [2,4,5], [2,3,1]." },
        { "BatchDot", "(2,3,4)", "(2,3,4,5)", "axes (2,2)", "(2, 3, 5)" },
        { "BatchDot", "(2,3,4)", "(2,3,4,5)", "", "(2, 3, 5)" },
        { "BatchDot", "(2,3)", "(2,3,1,5)", "", "Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3,1,5]." },
        { "BatchDot", "(2,1)", "(2,1,1,5)", "", "(2, 5)" },

        // A squeeze down to a scalar: the result is rank 0 (no expand_dims).
        { "BatchDot", "(3,1)", "(3,)", "axes 0", "()" },
        { "BatchDot", "(1,3)", "(3,)", "", "Can not squeeze dim[0], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [3]." },

        // n == 2 goes through tf.multiply, which broadcasts (a Keras quirk): (1,5) with (4,5).
        { "BatchDot", "(1,5)", "(4,5)", "axes 1", "(4, 1)" },
        { "BatchDot", "(4,1)", "(4,5)", "", "Dimensions must be equal, but are 4 and 5 for 'Mul' (op: 'Mul') with input shapes: [1,4], [4,5]." },
        { "BatchDot", "(4,5)", "(4,5)", "axes (1,-1)", "Dimensions must be equal, but are 5 and 4 for 'Mul' (op: 'Mul') with input shapes: [5,4], [4,5]." },
        { "BatchDot", "(4,5)", "(4,5)", "axes (-1,-1)", "(4, 1)" },
        { "BatchDot", "(3,3)", "(3,3)", "axes (1,0)", "(3, 1)" },

        // n >= 3: negative axes are compared to n-1 without normalising.
        { "BatchDot", "(2,3,4)", "(2,5,4)", "axes (-1,-1)", "Dimensions must be equal, but are 3 and 5 for 'MatMul' (op: 'BatchMatMul') with input shapes: [2,3,4], [2,5,4]." },
        { "BatchDot", "(2,3,4)", "(2,5,4)", "axes (2,2)", "(2, 3, 5)" },
        { "BatchDot", "(2,4,3)", "(2,4,5)", "axes (1,1)", "(2, 3, 5)" },
        { "BatchDot", "(2,4,3)", "(2,4,5)", "axes 1", "(2, 3, 5)" },

        // MatMul: batch broadcast is checked left to right, after the inner dims.
        { "MatMul", "(2,3,4,5)", "(3,2,5,6)", "", "Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [2,3,4,5], [3,2,5,6]." },
        { "MatMul", "(2,3,4,5)", "(3,2,6,6)", "", "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [2,3,4,5], [3,2,6,6]." },
        { "MatMul", "(7,1,4,5)", "(3,6,5)", "", "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [7,1,4,5], [3,6,5]." },
        { "MatMul", "(7,1,4,5)", "(3,6,5)", "transposeB", "(7, 3, 4, 6)" },
        { "MatMul", "(7,1,5,4)", "(3,6,5)", "transposeA, transposeB", "(7, 3, 4, 6)" },
        { "MatMul", "(2,3)", "(4,2)", "transposeA, transposeB", "(3, 4)" },
        { "MatMul", "(1,1,2,3)", "(3,4)", "", "(1, 1, 2, 4)" },

        // Zero-sized dimensions: empty results, empty contractions (K = 0: zeros), a 1 broadcast to 0, and a
        // 0 that meets another size in a merge or a broadcast.
        { "MatMul", "(0,3)", "(3,4)", "", "(0, 4)" },
        { "MatMul", "(3,0)", "(0,4)", "", "(3, 4)" },
        { "MatMul", "(3,4)", "(4,0)", "", "(3, 0)" },
        { "MatMul", "(0,3)", "(0,4)", "transposeA", "(3, 4)" },
        { "MatMul", "(1,2,3)", "(0,3,4)", "", "(0, 2, 4)" },
        { "MatMul", "(0,2,3)", "(5,3,4)", "", "Dimensions must be equal, but are 0 and 5 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [0,2,3], [5,3,4]." },
        { "MatMul", "(2,3)", "(0,4)", "", "Dimensions must be equal, but are 3 and 0 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [0,4]." },
        { "Dot", "(2,3,0)", "(0,5)", "", "(2, 3, 5)" },
        { "Dot", "(2,0,4)", "(4,5)", "", "(2, 0, 5)" },
        { "Dot", "(0,)", "(3,0,5)", "", "(3, 5)" },
        { "Dot", "(2,3,0)", "(0,)", "", "(2, 3)" },
        { "Dot", "(2,3)", "(4,0,5)", "", "Dimensions must be equal, but are 3 and 0 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [0,20]." },
        { "Dot", "(0,2,3)", "(4,3,0)", "", "(0, 2, 4, 0)" },
        { "BatchDot", "(0,4,5)", "(0,5,8)", "", "(0, 4, 8)" },
        { "BatchDot", "(3,4,0)", "(3,0,8)", "", "(3, 4, 8)" },
        { "BatchDot", "(3,0)", "(3,0)", "axes 1", "(3, 1)" },
        { "BatchDot", "(0,20)", "(0,20)", "axes 1", "(0, 1)" },
        { "BatchDot", "(1,5)", "(0,5)", "axes 1", "(0, 1)" },
        { "BatchDot", "(0,2,3)", "(1,3,4)", "", "Dimension 0 in both shapes must be equal, but are 0 and 1. Shapes are [0] and [1]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [0,2,3], [1,3,4]." },
        { "BatchDot", "(4,0)", "(4,0,3)", "axes (1,1)", "(4, 3)" },
        { "BatchDot", "(2,3)", "(2,3,0,5)", "", "Dimensions must be equal, but are 1 and 0 for 'MatMul' (op: 'BatchMatMul') with input shapes: [2,3,1,1], [2,3,0,5]." },
        { "BatchDot", "(2,0)", "(2,0,1,5)", "", "Can not squeeze dim[1], expected a dimension of 1, got 0 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,0,1,5]." },
        { "BatchDot", "(2,1)", "(2,1,1,0)", "", "(2, 0)" },
    };

    /// <summary>
    /// TensorFlow's own empty cases (tensorflow/python/kernel_tests/batch_matmul_op_test.py, v1.13.1,
    /// <c>_testEmpty</c>: each with every combination of adjoint flags, an adjoint operand given with its last
    /// two axes swapped), and the 2-D ones of matmul_op_test.py's zero-size inputs: shapes, and values (zeros)
    /// in every form.
    /// </summary>
    public static TheoryData<string, string, bool, bool> TensorFlowEmptyCases()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var (a, b) in new[] { ("0,3,2", "0,2,4"), ("3,0,2", "3,2,5"), ("3,3,2", "3,2,0"), ("0,3", "3,4"), ("3,0", "0,4"), ("3,4", "4,0") })
        {
            foreach (var (adjointA, adjointB) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                data.Add(a, b, adjointA, adjointB);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TensorFlowEmptyCases))]
    public void TensorFlow_matmul_test_empty_cases_give_numpy_results(string a, string b, bool adjointA, bool adjointB)
    {
        static string Swapped(string dims, bool swap)
        {
            var d = dims.Split(',');
            if (swap)
            {
                (d[^1], d[^2]) = (d[^2], d[^1]);
            }

            return "(" + string.Join(",", d) + ")";
        }

        var options = string.Join(", ", new[] { adjointA ? "transposeA" : null, adjointB ? "transposeB" : null }.Where(o => o is not null));
        var c = ContractionCase.Parse("MatMul", Swapped(a, adjointA), Swapped(b, adjointB), options);
        var expected = Outcome.OfReference(c);
        Assert.True(expected.Succeeded, expected.ToString());
        Assert.Equal(expected.Canonical, RuntimeRunner.AlgebraOutcome(c).Canonical);
        ValueCheck.AssertValuesMatch(c, seed: 3, out var shape);
        Assert.Equal(0, NdArray.Size(c.X) * NdArray.Size(c.Y));
        Assert.Contains(0, c.X.Concat(c.Y).Concat(shape));
    }

    private static string Canonical(string expected) =>
        expected.StartsWith('(') ? Format.Tuple(Format.ParseTuple(expected)) : expected;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Reference_gives_the_expected_outcome(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        Assert.Equal(Canonical(expected), Outcome.OfReference(c).Canonical);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Shape_algebra_gives_the_expected_outcome(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        Assert.Equal(Canonical(expected), RuntimeRunner.AlgebraOutcome(c).Canonical);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Dynamic_tensor_gives_the_expected_outcome_and_values(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        Assert.Equal(Canonical(expected), RuntimeRunner.DynamicOutcome(c).Canonical);
        if (expected.StartsWith('('))
        {
            ValueCheck.AssertValuesMatch(c, seed: 7, out _);
        }
    }

    /// <summary>
    /// Explicit axes are validated before anything else, so a rank-0 operand with explicit axes is an
    /// axes error (no axis is in range for rank 0).
    /// </summary>
    [Theory]
    [InlineData("()", "(3,)", "axes 0")]
    [InlineData("(3,)", "()", "axes (0,0)")]
    [InlineData("()", "()", "axes (0,0)")]
    public void Explicit_axes_are_validated_before_the_rank_zero_check(string x, string y, string options)
    {
        var c = ContractionCase.Parse("BatchDot", x, y, options);
        Assert.Equal("<InvalidAxes>", Outcome.OfReference(c).Canonical);
        Assert.Equal("<InvalidAxes>", RuntimeRunner.AlgebraOutcome(c).Canonical);
        Assert.Equal("<InvalidAxes>", RuntimeRunner.DynamicOutcome(c).Canonical);
    }
}
