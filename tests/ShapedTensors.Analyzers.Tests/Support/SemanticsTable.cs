using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using ShapedTensors.Tests.Shared;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>One row of SEMANTICS.md §5: an operation on two shapes with options, and its result shape or exact error.</summary>
public sealed record SemanticsRow(string Operation, int[] X, int[] Y, string Options, string Expected)
{
    public bool IsError => !Expected.StartsWith('(');

    /// <summary>The option arguments as C# code, each preceded by ", ".</summary>
    public string CSharpOptions => Options switch
    {
        "" => string.Empty,
        "transposeA" => ", transposeA: true",
        "transposeB" => ", transposeB: true",
        "transposeA, transposeB" => ", transposeA: true, transposeB: true",
        _ when Options.StartsWith("axes (", StringComparison.Ordinal) => ", " + Options["axes ".Length..].Replace(",", ", ", StringComparison.Ordinal),
        _ when Options.StartsWith("axes ", StringComparison.Ordinal) => ", " + Options["axes ".Length..],
        _ => throw new FormatException("Unknown options: " + Options),
    };

    /// <summary>What the runtime does with these shapes: the exception message, or null when the call succeeds.</summary>
    public string? RuntimeError() => Run(BatchDotSemantics.Keras224).Error;

    /// <summary>Whether a BatchDot row gives another result under tf.keras' batch_dot (ST0008).</summary>
    public bool DivergesUnderTfKeras()
        => Operation == "BatchDot" && SemanticsDifference.Exists(X, Y, (x, y, semantics) => BatchDot(x, y, semantics));

    private (Shape? Shape, string? Error) Run(BatchDotSemantics semantics)
    {
        var x = DynamicTensor<double>.Zeros(new Shape(X));
        var y = DynamicTensor<double>.Zeros(new Shape(Y));
        try
        {
            var result = Operation switch
            {
                "Dot" => x.Dot(y),
                "MatMul" => x.MatMul(y, Options.Contains("transposeA", StringComparison.Ordinal), Options.Contains("transposeB", StringComparison.Ordinal)),
                _ => BatchDot(x, y, semantics),
            };
            return (result.Shape, null);
        }
        catch (ShapeMismatchException e)
        {
            return (null, e.Message);
        }
    }

    private DynamicTensor<double> BatchDot(DynamicTensor<double> x, DynamicTensor<double> y, BatchDotSemantics semantics) => Options switch
    {
        "" => x.BatchDot(y, semantics),
        _ when Options.StartsWith("axes (", StringComparison.Ordinal) => x.BatchDot(y, Pair(Options["axes ".Length..]), semantics),
        _ => x.BatchDot(y, int.Parse(Options["axes ".Length..], CultureInfo.InvariantCulture), semantics),
    };

    public override string ToString() => $"{Operation} {string.Join(",", X)} . {string.Join(",", Y)} {Options}";

    private static (int, int) Pair(string text)
    {
        var parts = ParseInts(text);
        return (parts[0], parts[1]);
    }

    internal static int[] ParseInts(string text)
        => text.Trim('(', ')').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.Parse(part, CultureInfo.InvariantCulture))
            .ToArray();
}

/// <summary>Reads the §5 table straight from docs/SEMANTICS.md, so every row of the contract is tested.</summary>
public static class SemanticsTable
{
    public static IReadOnlyList<SemanticsRow> Rows { get; } = Read();

    private static List<SemanticsRow> Read()
        => SemanticsMarkdown.TableRows(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "SEMANTICS.md"))
            .Select(cells => new SemanticsRow(cells[0], SemanticsRow.ParseInts(cells[1]), SemanticsRow.ParseInts(cells[2]), cells[3], cells[4]))
            .ToList();
}
