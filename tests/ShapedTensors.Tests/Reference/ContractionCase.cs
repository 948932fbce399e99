using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShapedTensors.Tests.Reference;

internal enum ContractionOp
{
    Dot,
    BatchDot,
    MatMul,
}

internal enum AxesForm
{
    /// <summary>No axes argument: the default (rank(x)-1, rank(y)-2).</summary>
    Default,

    /// <summary>One int a, meaning (a, a).</summary>
    Int,

    /// <summary>An explicit pair (a0, a1).</summary>
    Pair,
}

/// <summary>One operation with its operand shapes and options; plain data, printable.</summary>
/// <param name="TfKeras">For BatchDot: tf.keras' batch_dot (Keras 2.2.5, TF 2.0) instead of Keras 2.2.4's.</param>
internal sealed record ContractionCase(
    ContractionOp Op,
    int[] X,
    int[] Y,
    AxesForm AxesForm = AxesForm.Default,
    int Axis0 = 0,
    int Axis1 = 0,
    bool TransposeA = false,
    bool TransposeB = false,
    bool TfKeras = false)
{
    /// <summary>The same case under tf.keras' batch_dot.</summary>
    public ContractionCase AsTfKeras() => this with { TfKeras = true };

    /// <summary>The axes handed to Keras' batch_dot, or null for the default.</summary>
    public (int A0, int A1)? Axes => AxesForm switch
    {
        AxesForm.Default => null,
        AxesForm.Int => (Axis0, Axis0),
        _ => (Axis0, Axis1),
    };

    /// <summary>The options in SEMANTICS.md §5 style: "", "axes 1", "axes (1,2)", "transposeA, transposeB".</summary>
    public string Options
    {
        get
        {
            if (Op == ContractionOp.BatchDot)
            {
                return AxesForm switch
                {
                    AxesForm.Int => $"axes {Axis0}",
                    AxesForm.Pair => $"axes ({Axis0},{Axis1})",
                    _ => string.Empty,
                };
            }

            if (Op == ContractionOp.MatMul)
            {
                var parts = new List<string>();
                if (TransposeA)
                {
                    parts.Add("transposeA");
                }

                if (TransposeB)
                {
                    parts.Add("transposeB");
                }

                return string.Join(", ", parts);
            }

            return string.Empty;
        }
    }

    public override string ToString()
    {
        var options = Options;
        return $"{Op} {Format.Tuple(X)} {Format.Tuple(Y)}" + (options.Length > 0 ? " " + options : string.Empty) + (TfKeras ? " (tf.keras)" : string.Empty);
    }

    /// <summary>Parses the §5 option column.</summary>
    public static ContractionCase Parse(string op, string x, string y, string options)
    {
        var kind = Enum.Parse<ContractionOp>(op);
        var xs = Format.ParseTuple(x);
        var ys = Format.ParseTuple(y);
        var o = options.Trim();
        if (o.Length == 0)
        {
            return new ContractionCase(kind, xs, ys);
        }

        if (o.StartsWith("axes", StringComparison.Ordinal))
        {
            var rest = o[4..].Trim();
            if (rest.StartsWith('('))
            {
                var pair = rest.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries)
                    .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                return new ContractionCase(kind, xs, ys, AxesForm.Pair, pair[0], pair[1]);
            }

            return new ContractionCase(kind, xs, ys, AxesForm.Int, int.Parse(rest, CultureInfo.InvariantCulture));
        }

        var flags = o.Split(',', StringSplitOptions.TrimEntries);
        return new ContractionCase(kind, xs, ys, TransposeA: flags.Contains("transposeA"), TransposeB: flags.Contains("transposeB"));
    }
}

/// <summary>What an operation produced: a shape, an exact error text, or an axes error.</summary>
internal sealed record Outcome(int[]? Shape, RefErrorKind? ErrorKind, string? Message)
{
    public static Outcome Success(int[] shape) => new(shape, null, null);

    public static Outcome Failure(RefErrorKind kind, string message) => new(null, kind, message);

    public bool Succeeded => Shape is not null;

    /// <summary>
    /// A comparable rendering: the tuple for a shape, the exact text for a shape error, and just
    /// "InvalidAxes" for an axes error (whose wording the spec leaves open).
    /// </summary>
    public string Canonical => Shape is not null
        ? Format.Tuple(Shape)
        : ErrorKind == RefErrorKind.InvalidAxes ? "<InvalidAxes>" : Message!;

    public override string ToString() => Shape is not null ? Format.Tuple(Shape) : $"{ErrorKind}: {Message}";

    /// <summary>The reference's outcome for a case (shape-only).</summary>
    public static Outcome OfReference(ContractionCase c)
    {
        try
        {
            var result = KerasOps.Run(c, NdArray.Symbolic(c.X), NdArray.Symbolic(c.Y));
            return Success(result.Shape);
        }
        catch (RefShapeException e)
        {
            return Failure(e.Kind, e.Message);
        }
    }
}
