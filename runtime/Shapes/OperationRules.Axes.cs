// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.expand_dims(x, axis)</c> (OPS.md §7.1, array_ops.cc:1930-1977): <paramref name="axis"/> in
    /// <c>[-rank-1, rank]</c> (the axis is a computed input), a 1 inserted there.
    /// </summary>
    public static StaticOperation ExpandDims(StaticShape x, int axis)
    {
        var rank = x.Rank;
        if (axis < -rank - 1 || axis > rank)
        {
            var suffix = ShapeError.ComputedInput(1, new[] { axis });
            return FailWithSuffix($"dim {axis} not in the interval [{-rank - 1}, {rank}].", suffix, OperationCatalog.ExpandDims, x, OptionInput(true, 1));
        }

        var at = Normalized(axis, rank + 1);
        var dims = new Dimension[rank + 1];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = i < at ? x[i] : i == at ? Dimension.Known(1) : x[i - 1];
        }

        return StaticOperation.Success(StaticShape.Own(dims), axes: new[] { at });
    }

    /// <summary>
    /// <c>K.squeeze(x, axis)</c> (OPS.md §7.2, array_ops.cc:1980-2044; the axis is an attribute: no suffix):
    /// <paramref name="axis"/> in <c>[-rank, rank)</c>, and that dimension 1 — assumed when it is not known, and
    /// checked at run time.
    /// </summary>
    public static StaticOperation Squeeze(StaticShape x, int axis)
    {
        var rank = x.Rank;
        var op = OperationCatalog.Squeeze;
        if (axis < -rank || axis >= rank)
        {
            return Fail(ShapeError.SqueezeIndexOutOfRange(0, rank), op, x);
        }

        var at = Normalized(axis, rank);
        var rules = new DimensionRules();
        if (!rules.TrySqueeze(TracedDimension.Of(x, isX: true)[at], -1))
        {
            return Fail(ShapeError.CannotSqueeze(at, x[at].Value), op, x);
        }

        return StaticOperation.Success(StaticShape.Own(Without(x, new[] { at })), rules.Deferred, new[] { at });
    }
}
