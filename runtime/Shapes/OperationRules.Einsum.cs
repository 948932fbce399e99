// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShapedTensors;

/// <summary>
/// What graph time says about one einsum or tensordot call: the shape outcome (result, exact error, deferred checks),
/// the axes' labels when it succeeded, and where in the equation an error is.
/// </summary>
internal sealed class StaticEinsum
{
    public StaticEinsum(StaticOperation outcome, EinsumLabels? labels, EquationSpan? errorSpan)
    {
        Outcome = outcome;
        Labels = labels;
        ErrorSpan = errorSpan;
    }

    public StaticOperation Outcome { get; }

    /// <summary>The labels of every axis, when the call succeeded.</summary>
    public EinsumLabels? Labels { get; }

    /// <summary>The part of the equation an error is about, or null (tensordot, or no smaller part than the whole call).</summary>
    public EquationSpan? ErrorSpan { get; }
}

internal static partial class OperationRules
{
    /// <summary>
    /// <c>tf.einsum(equation, *operands)</c> as TF 2.1 builds it (OPS.md §9): the Python wrapper's checks, unframed
    /// (<see cref="EinsumEquation"/>), then the <c>Einsum</c> op's shape function (<c>EinsumShape</c>,
    /// common_shape_fns.cc:267-414), framed <c>for 'einsum/Einsum' (op: 'Einsum')</c> with the operands' shapes.
    /// </summary>
    public static StaticEinsum Einsum(string equation, IReadOnlyList<StaticShape> operands)
    {
        Require.NotNull(equation, nameof(equation));
        Require.NotNull(operands, nameof(operands));
        var parsed = EinsumEquation.Parse(equation, operands);
        if (parsed.Error is { } wrapperError)
        {
            return new StaticEinsum(StaticOperation.Failure(wrapperError), null, parsed.ErrorSpan);
        }

        var shapes = new StaticShape[operands.Count];
        for (var i = 0; i < shapes.Length; i++)
        {
            shapes[i] = operands[i];
        }

        var rules = new DimensionRules();
        var byLabel = new Dictionary<char, TracedDimension>();
        var broadcasts = new TracedDimension[shapes.Length][];
        for (var i = 0; i < shapes.Length; i++)
        {
            var subscript = parsed.Inputs[i];
            var start = parsed.InputStart(i);
            if (EllipsisError(subscript) is { } periods)
            {
                return Failed(periods, parsed, shapes, start, subscript.Length);
            }

            var dims = TracedDimension.Of(shapes[i], isX: i == 0);
            var ellipsis = subscript.IndexOf("...", StringComparison.Ordinal);
            var named = ellipsis < 0 ? subscript.Length : subscript.Length - 3;
            var context = $"\n\t for {i.ToString(CultureInfo.InvariantCulture)}th input and equation: {parsed.Resolved}";
            if (ellipsis < 0 && dims.Length != named)
            {
                return Failed(ShapeError.MustBeRank(named, dims.Length) + context, parsed, shapes, start, subscript.Length);
            }

            if (ellipsis >= 0 && dims.Length < named)
            {
                return Failed(ShapeError.MustBeAtLeastRank(named, dims.Length) + context, parsed, shapes, start, subscript.Length);
            }

            var after = ellipsis < 0 ? 0 : subscript.Length - ellipsis - 3;
            broadcasts[i] = ellipsis < 0 ? Array.Empty<TracedDimension>() : Slice(dims, ellipsis, dims.Length - after);
            for (var at = 0; at < subscript.Length; at++)
            {
                if (at == ellipsis)
                {
                    at += 2;
                    continue;
                }

                var axis = ellipsis >= 0 && at > ellipsis ? dims.Length - (subscript.Length - at) : at;
                var label = subscript[at];
                if (!byLabel.TryGetValue(label, out var first))
                {
                    byLabel[label] = dims[axis];
                }
                else if (rules.TryMerge(first, dims[axis], out var merged))
                {
                    byLabel[label] = merged;
                }
                else
                {
                    return Failed(ShapeError.DimensionsMustBeEqual(first.Dimension.Value, dims[axis].Dimension.Value), parsed, shapes, start + at, 1);
                }
            }
        }

        // Rule 9: the ... parts broadcast (BroadcastBinaryOpOutputShapeFnHelper).
        var broadcast = broadcasts[0];
        if (broadcasts.Length == 2)
        {
            var rank = Math.Max(broadcast.Length, broadcasts[1].Length);
            var joined = new TracedDimension[rank];
            for (var j = 0; j < rank; j++)
            {
                var d0 = LeftPadded(broadcasts[0], j, rank);
                var d1 = LeftPadded(broadcasts[1], j, rank);
                if (!rules.TryBroadcast(d0, d1, out joined[j]))
                {
                    var second = parsed.Inputs[1].IndexOf("...", StringComparison.Ordinal);
                    return Failed(ShapeError.DimensionsMustBeEqual(d0.Dimension.Value, d1.Dimension.Value), parsed, shapes, parsed.InputStart(1) + second, 3);
                }
            }

            broadcast = joined;
        }

        var output = parsed.Output;
        if (EllipsisError(output) is { } outputPeriods)
        {
            return Failed(outputPeriods, parsed, shapes, parsed.OutputStart, output.Length);
        }

        var outputEllipsis = output.IndexOf("...", StringComparison.Ordinal);
        if (outputEllipsis < 0 && broadcast.Length > 0)
        {
            var core = $"Shape must be at most rank 0 but is rank {broadcast.Length.ToString(CultureInfo.InvariantCulture)}\n\t for einsum equation '{parsed.Resolved}' without ellipsis (...) in the output subscripts where input(s) have non-empty broadcasting shape";
            return Failed(core, parsed, shapes, parsed.OutputStart, output.Length);
        }

        var result = new List<TracedDimension>();
        for (var at = 0; at < output.Length; at++)
        {
            if (at == outputEllipsis)
            {
                result.AddRange(broadcast);
                at += 2;
                continue;
            }

            result.Add(byLabel[output[at]]);
        }

        var labels = new int[shapes.Length][];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = EinsumLabels.Of(parsed.Inputs[i], shapes[i].Rank, broadcast.Length);
        }

        var outcome = StaticOperation.Success(TracedDimension.ToShape(result.ToArray()), rules.Deferred);
        return new StaticEinsum(outcome, new EinsumLabels(labels, EinsumLabels.Of(output, result.Count, broadcast.Length)), null);
    }

    // ValidateEinsumEllipsis (common_shape_fns.cc:249-265): no periods, or exactly one "...". Its other text,
    // "Periods found outside of ellipsis", needs three periods apart, which the wrapper's format check never lets
    // through (every period it accepts is part of a "..."), so only the count is checked.
    private static string? EllipsisError(string subscript)
    {
        var periods = 0;
        foreach (var c in subscript)
        {
            periods += c == '.' ? 1 : 0;
        }

        return periods is 0 or 3
            ? null
            : $"Expected at most one ellipsis (...), but found {periods.ToString(CultureInfo.InvariantCulture)} periods (.) in the input subscript: {subscript}";
    }

    private static StaticEinsum Failed(string core, EinsumEquation parsed, StaticShape[] shapes, int start, int length)
        => new(Fail(core, OperationCatalog.Einsum, shapes), null, parsed.SpanOf(start, length));

    private static TracedDimension[] Slice(TracedDimension[] dims, int from, int to)
    {
        var slice = new TracedDimension[to - from];
        Array.Copy(dims, from, slice, 0, slice.Length);
        return slice;
    }
}
