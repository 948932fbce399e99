using System;
using System.Globalization;
using System.Linq;
using ShapedTensors.Tests.Reference;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// One call on partially known shapes, as PARTIAL_SHAPES.md §10 writes it: dimensions are sizes, names or <c>?</c>,
/// e.g. <c>(b,4,5)</c>; options as in SEMANTICS.md §5 (<c>axes (1,2)</c>, <c>axes 1</c>, <c>transposeA</c>).
/// </summary>
internal sealed record PartialCase(ContractionOp Op, string[] X, string[] Y, AxesForm AxesForm = AxesForm.Default, int Axis0 = 0, int Axis1 = 0, bool TransposeA = false, bool TransposeB = false)
{
    public static PartialCase Parse(string op, string x, string y, string options)
    {
        // The option column is SEMANTICS.md §5's: reuse its parser on placeholder shapes.
        var parsed = ContractionCase.Parse(op, "(1,)", "(1,)", options);
        return new PartialCase(parsed.Op, ParseDims(x), ParseDims(y), parsed.AxesForm, parsed.Axis0, parsed.Axis1, parsed.TransposeA, parsed.TransposeB);
    }

    /// <summary><c>(b,4,5)</c>, <c>(4,)</c>, <c>()</c> to its dimensions' spellings.</summary>
    public static string[] ParseDims(string tuple)
        => tuple.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static StaticShape ToStatic(string[] dims)
        => StaticShape.Parse(dims.Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? (object)size : d).ToArray());

    public StaticShape StaticX => ToStatic(X);

    public StaticShape StaticY => ToStatic(Y);

    /// <summary>The shape algebra's graph-time answer.</summary>
    public StaticContraction Run() => Op switch
    {
        ContractionOp.Dot => StaticShapeAlgebra.Dot(StaticX, StaticY),
        ContractionOp.MatMul => StaticShapeAlgebra.MatMul(StaticX, StaticY, TransposeA, TransposeB),
        _ => AxesForm switch
        {
            AxesForm.Default => StaticShapeAlgebra.BatchDot(StaticX, StaticY),
            AxesForm.Int => StaticShapeAlgebra.BatchDot(StaticX, StaticY, Axis0, Axis0, validateAxes: true),
            _ => StaticShapeAlgebra.BatchDot(StaticX, StaticY, Axis0, Axis1, validateAxes: true),
        },
    };

    /// <summary>The same call on fully known run-time shapes, through the public shape algebra.</summary>
    public ContractionResult RunKnown(Shape x, Shape y) => Op switch
    {
        ContractionOp.Dot => ShapeAlgebra.Dot(x, y),
        ContractionOp.MatMul => ShapeAlgebra.MatMul(x, y, TransposeA, TransposeB),
        _ => AxesForm switch
        {
            AxesForm.Default => ShapeAlgebra.BatchDot(x, y),
            AxesForm.Int => ShapeAlgebra.BatchDot(x, y, Axis0),
            _ => ShapeAlgebra.BatchDot(x, y, Axis0, Axis1),
        },
    };

    public string Options => new ContractionCase(Op, Array.Empty<int>(), Array.Empty<int>(), AxesForm, Axis0, Axis1, TransposeA, TransposeB).Options;

    public override string ToString() => $"{Op} ({string.Join(",", X)}{(X.Length == 1 ? "," : "")}) ({string.Join(",", Y)}{(Y.Length == 1 ? "," : "")}) {Options}".TrimEnd();
}
