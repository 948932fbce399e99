using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Shared;
using ShapedTensors.Tests.Support;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// Every row of SEMANTICS.md §5, asserted against the independent reference, the shape algebra and the
/// dynamic tensor.
/// </summary>
public sealed class SemanticsTableTests
{
    /// <summary>The §5 table, verbatim: op, x, y, options, result or exact error.</summary>
    public static readonly TheoryData<string, string, string, string, string> Rows = new()
    {
        { "Dot", "(3,4)", "(4,5)", "", "(3,5)" },
        { "Dot", "(2,3,4)", "(7,4,5)", "", "(2,3,7,5)" },
        { "Dot", "(1,2,3,4)", "(8,7,4,5)", "", "(1,2,3,8,7,5)" },
        { "Dot", "(1,2,4)", "(8,7,4,5)", "", "(1,2,8,7,5)" },
        { "Dot", "(32,28,3)", "(3,4)", "", "(32,28,4)" },
        { "Dot", "(2,3)", "(4,3,5)", "", "(2,4,5)" },
        { "Dot", "(4,)", "(7,4,5)", "", "(7,5)" },
        { "Dot", "(9,8,7,4,2)", "(9,8,7,2,5)", "", "(9,8,7,4,9,8,7,5)" },
        { "Dot", "(2,3,4)", "(4,)", "", "(2,3)" },
        { "Dot", "(3,4,5,2)", "(2,5,3,7)", "", "Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70]." },
        { "Dot", "(5,)", "(7,4,5)", "", "Dimensions must be equal, but are 5 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [1,5], [4,35]." },
        { "Dot", "(2,3)", "(4,5)", "", "Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [4,5]." },
        { "Dot", "(3,)", "(3,4)", "", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [3], [3,4]." },
        { "BatchDot", "(10,12,4,5)", "(10,12,5,8)", "", "(10,12,4,8)" },
        { "BatchDot", "(9,8,7,4,2)", "(9,8,7,2,5)", "", "(9,8,7,4,5)" },
        { "BatchDot", "(32,20,1)", "(32,30,20)", "axes (1,2)", "(32,1,30)" },
        { "BatchDot", "(100,20)", "(100,30,20)", "axes (1,2)", "(100,30)" },
        { "BatchDot", "(32,20)", "(32,20)", "axes 1", "(32,1)" },
        { "BatchDot", "(32,20)", "(32,20)", "axes 0", "(20,1)" },
        { "BatchDot", "(20,20)", "(20,20)", "", "(20,1)" },
        { "BatchDot", "(4,2,3)", "(4,5,3)", "axes (2,2)", "(4,2,5)" },
        { "BatchDot", "(4,2)", "(4,2,3)", "axes (1,1)", "(4,3)" },
        { "BatchDot", "(5,4,3)", "(5,3)", "", "(5,4)" },
        { "BatchDot", "(32,20,3)", "(32,20,3)", "axes -1", "(32,3,3)" },
        { "BatchDot", "(32,20)", "(32,20)", "", "Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,32], [32,20]." },
        { "BatchDot", "(32,20)", "(16,20)", "axes 1", "Dimensions must be equal, but are 32 and 16 for 'Mul' (op: 'Mul') with input shapes: [32,20], [16,20]." },
        { "BatchDot", "(32,20,1)", "(32,30,20)", "axes (1,1)", "Dimensions must be equal, but are 20 and 30 for 'MatMul' (op: 'BatchMatMul') with input shapes: [32,20,1], [32,30,20]." },
        { "BatchDot", "(8,2,3)", "(9,3,4)", "", "Dimension 0 in both shapes must be equal, but are 8 and 9. Shapes are [8] and [9]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [8,2,3], [9,3,4]." },
        { "BatchDot", "(32,20,1,1)", "(32,30,20,3)", "axes (1,2)", "Dimension 1 in both shapes must be equal, but are 20 and 30. Shapes are [32,20] and [32,30]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [32,20,1,1], [32,30,20,3]." },
        { "BatchDot", "(3,)", "(3,4)", "", "Can not squeeze dim[0], expected a dimension of 1, got 4 for 'Squeeze' (op: 'Squeeze') with input shapes: [4]." },
        { "MatMul", "(3,4)", "(4,5)", "", "(3,5)" },
        { "MatMul", "(10,12,4,5)", "(10,12,5,8)", "", "(10,12,4,8)" },
        { "MatMul", "(9,8,7,4,2)", "(9,8,7,2,5)", "", "(9,8,7,4,5)" },
        { "MatMul", "(3,2)", "(3,4)", "transposeA", "(2,4)" },
        { "MatMul", "(3,4)", "(5,4)", "transposeB", "(3,5)" },
        { "MatMul", "(5,3,2)", "(5,4,3)", "transposeA, transposeB", "(5,2,4)" },
        { "MatMul", "(5,2,3)", "(3,4)", "", "(5,2,4)" },
        { "MatMul", "(8,1,2,3)", "(7,3,4)", "", "(8,7,2,4)" },
        { "MatMul", "(1,2,3)", "(5,3,4)", "", "(5,2,4)" },
        { "MatMul", "(2,3)", "(4,5)", "", "Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [4,5]." },
        { "MatMul", "(8,2,3)", "(8,4,5)", "", "Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,3], [8,4,5]." },
        { "MatMul", "(8,2,3)", "(9,3,4)", "", "Dimensions must be equal, but are 8 and 9 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,3], [9,3,4]." },
        { "MatMul", "(3,)", "(3,4)", "", "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [3], [3,4]." },
        { "MatMul", "(5,2,3)", "(3,)", "", "Shape must be at least rank 2 but is rank 1 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [5,2,3], [3]." },
    };

    /// <summary>The expected column in canonical form: a tuple "(3, 5)" or the exact error text.</summary>
    private static string Canonical(string expected) =>
        expected.StartsWith('(') ? Format.Tuple(Format.ParseTuple(expected)) : expected;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Reference_agrees_with_the_table(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        Assert.Equal(Canonical(expected), Outcome.OfReference(c).Canonical);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Shape_algebra_agrees_with_the_table(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        var result = RuntimeRunner.Algebra(c);
        if (expected.StartsWith('('))
        {
            Assert.True(result.Succeeded, $"{c}: expected {expected} but got error: {result.Error?.Message}");
            Assert.Equal(Canonical(expected), result.ResultShape!.ToString());
            Assert.Null(result.Error);
        }
        else
        {
            Assert.False(result.Succeeded, $"{c}: expected an error but got {result.ResultShape}");
            Assert.Null(result.ResultShape);
            Assert.Equal(ShapeErrorKind.IncompatibleShapes, result.Error!.Kind);
            Assert.Equal(expected, result.Error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Dynamic_tensor_agrees_with_the_table(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        var left = DynamicTensor<float>.Zeros(new Shape(c.X));
        var right = DynamicTensor<float>.Zeros(new Shape(c.Y));
        if (expected.StartsWith('('))
        {
            var z = RuntimeRunner.Compute(c, left, right);
            Assert.Equal(Canonical(expected), z.Shape.ToString());
        }
        else
        {
            var e = Assert.Throws<ShapeMismatchException>(() => RuntimeRunner.Compute(c, left, right));
            Assert.Equal(expected, e.Message);
            Assert.Equal(op, e.Operation);
            Assert.Equal(new Shape(c.X), e.Left);
            Assert.Equal(new Shape(c.Y), e.Right);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Values_of_successful_rows_match_the_reference(string op, string x, string y, string options, string expected)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        if (!expected.StartsWith('('))
        {
            return;
        }

        ValueCheck.AssertValuesMatch(c, seed: 12345, out _);
    }

    [Fact]
    public void Two_by_two_value_example_for_Dot_and_MatMul()
    {
        var a = new[] { 1.0, 2, 3, 4 };
        var b = new[] { 5.0, 6, 7, 8 };
        var expected = new[] { 19.0, 22, 43, 50 };

        var reference = KerasOps.Dot(NdArray.Of(new[] { 2, 2 }, a), NdArray.Of(new[] { 2, 2 }, b));
        Assert.Equal(expected, reference.Data);
        Assert.Equal(expected, KerasOps.MatMul(NdArray.Of(new[] { 2, 2 }, a), NdArray.Of(new[] { 2, 2 }, b), false, false).Data);

        var xd = DynamicTensor<double>.FromArray(new Shape(2, 2), a);
        var yd = DynamicTensor<double>.FromArray(new Shape(2, 2), b);
        Assert.Equal(expected, xd.Dot(yd).ToArray());
        Assert.Equal(expected, xd.MatMul(yd).ToArray());

        var xf = DynamicTensor<float>.FromArray(new Shape(2, 2), a.Select(v => (float)v).ToArray());
        var yf = DynamicTensor<float>.FromArray(new Shape(2, 2), b.Select(v => (float)v).ToArray());
        var expectedF = expected.Select(v => (float)v).ToArray();
        Assert.Equal(expectedF, xf.Dot(yf).ToArray());
        Assert.Equal(expectedF, xf.MatMul(yf).ToArray());
        Assert.Equal("(2, 2)", xf.Dot(yf).Shape.ToString());
    }

    /// <summary>
    /// Guards against drift between this file and the contract: the §5 table of docs/SEMANTICS.md (the
    /// repository's copy of the contract) must be exactly <see cref="Rows"/>.
    /// </summary>
    [Fact]
    public void Rows_match_the_table_in_SEMANTICS_md()
    {
        var path = SemanticsMarkdown.FindFile();
        Assert.True(path is not null, "docs/SEMANTICS.md was not found above " + AppContext.BaseDirectory);

        var fromFile = SemanticsMarkdown.TableRows(path).Select(cells => string.Join(" ; ", cells)).ToList();
        var ours = Rows.Select(r => string.Join(" ; ", r.Select(o => (string)o))).ToList();
        Assert.Equal(fromFile, ours);
    }
}
