using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>Every example of OPS.md §8 and §9.2, read from the document: the rule's outcome, and the run time's values or exception.</summary>
public sealed class EinsumSpecTests
{
    private static readonly List<ContractionSpecCase> Cases = ContractionSpecCases.Cases(OpsCases.FindFile()!);

    public static TheoryData<int, string> AllCases() => ContractionSpecCases.Indexed(Cases);

    [Fact]
    public void Every_example_of_sections_8_and_9_is_read()
    {
        Assert.Equal(7, Cases.Count(c => c.Section == "8"));
        Assert.Equal(13, Cases.Count(c => c.Section == "9.2"));
        Assert.Equal(9, Cases.Count(c => c.Error is not null));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Rule_gives_the_result_or_the_exact_text(int index, string name)
    {
        var c = Cases[index];
        var shapes = c.Operands.Select(dims => StaticShape.Of(new Shape(dims))).ToArray();
        var outcome = Rule(c, shapes).Outcome;
        if (c.Result is not null)
        {
            Assert.True(outcome.Succeeded, $"{name}: {outcome}");
            Assert.Equal(new Shape(c.Result).ToString(), outcome.Result!.ToString());
        }
        else
        {
            Assert.False(outcome.Succeeded, $"{name} expected to fail, got {outcome}");
            Assert.Equal(c.Error, outcome.Error!.Message);
            Assert.Equal(c.Unframed, outcome.Error.Node is null);
        }
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Run_time_gives_numpy_values_or_throws_the_text(int index, string name)
    {
        var c = Cases[index];
        var operands = c.Operands.Select((dims, i) => DynamicTensor<double>.Random(new Shape(dims), seed: i + 1)).ToArray();
        if (c.Result is null)
        {
            var thrown = Assert.ThrowsAny<ArgumentException>(() => Run(c, operands));
            Assert.Equal(c.Error, thrown.Message);
            return;
        }

        var actual = Run(c, operands);
        var equation = c.Equation ?? TensorDotEquation(c.Axes!, c.Operands[0].Length, c.Operands[1].Length);
        var expected = NaiveEinsum.Compute(equation, operands.Select(o => (o.Shape.ToArray(), o.ToArray())).ToArray());
        Assert.Equal(expected.Shape, actual.Shape.ToArray());
        EinsumAssert.Close(expected.Values, actual.ToArray(), name);
    }

    /// <summary>The einsum equation of a tensordot: a's axes a, b, c, ...; b's contracted axes take their partner's letter.</summary>
    internal static string TensorDotEquation(string axes, int rankA, int rankB)
    {
        var (aAxes, bAxes) = Axes(axes, rankA);
        var a = Enumerable.Range(0, rankA).Select(i => (char)('a' + i)).ToArray();
        var b = Enumerable.Range(0, rankB).Select(j => Array.IndexOf(bAxes, j) is var k and >= 0 ? a[aAxes[k]] : (char)('n' + j)).ToArray();
        var output = a.Where((_, i) => !aAxes.Contains(i)).Concat(b.Where((_, j) => !bAxes.Contains(j)));
        return $"{new string(a)},{new string(b)}->{string.Concat(output)}";
    }

    private static (int[] A, int[] B) Axes(string axes, int rankA)
    {
        if (!axes.StartsWith("[[", StringComparison.Ordinal))
        {
            var n = int.Parse(axes, System.Globalization.CultureInfo.InvariantCulture);
            return (Enumerable.Range(rankA - n, n).ToArray(), Enumerable.Range(0, n).ToArray());
        }

        var lists = axes[1..^1].Split("],[");
        return (OpsCases.ParseInts(lists[0]), OpsCases.ParseInts(lists[1]));
    }

    private static StaticEinsum Rule(ContractionSpecCase c, StaticShape[] shapes)
    {
        if (c.Equation is not null)
        {
            return OperationRules.Einsum(c.Equation, shapes);
        }

        return c.Axes!.StartsWith("[[", StringComparison.Ordinal)
            ? OperationRules.TensorDot(shapes[0], shapes[1], TensorDotAxes.Of(Axes(c.Axes, shapes[0].Rank).A, Axes(c.Axes, shapes[0].Rank).B))
            : OperationRules.TensorDot(shapes[0], shapes[1], TensorDotAxes.Of(int.Parse(c.Axes, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static DynamicTensor<double> Run(ContractionSpecCase c, DynamicTensor<double>[] operands)
    {
        if (c.Equation is not null)
        {
            return operands.Length == 1 ? DynamicTensor<double>.Einsum(c.Equation, operands[0]) : DynamicTensor<double>.Einsum(c.Equation, operands[0], operands[1]);
        }

        return c.Axes!.StartsWith("[[", StringComparison.Ordinal)
            ? operands[0].TensorDot(operands[1], Axes(c.Axes, operands[0].Rank))
            : operands[0].TensorDot(operands[1], int.Parse(c.Axes, System.Globalization.CultureInfo.InvariantCulture));
    }
}
