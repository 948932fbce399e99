// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// TensorFlow's two ways of matching a pair of dimensions at graph time (PARTIAL_SHAPES.md §4), with the result
/// naming of §9, recording every match that only the run time can make (§8.3). One instance serves one call.
/// Fully known dimensions are the special case: no check is deferred and the results are TensorFlow's.
/// </summary>
internal sealed class DimensionRules
{
    private List<DeferredCheck>? _deferred; // made on the first deferred check: fully known shapes never need it

    /// <summary>The checks left to the run time, in the order the shape functions met them.</summary>
    public IReadOnlyList<DeferredCheck> Deferred => (IReadOnlyList<DeferredCheck>?)_deferred ?? Array.Empty<DeferredCheck>();

    /// <summary>
    /// <c>InferenceContext::Merge</c>: false only for two known, different sizes (the caller words the error).
    /// The result is known if either side is; else x's name; else y's name; else unknown. Sound because every
    /// kernel that merges requires equality.
    /// </summary>
    public bool TryMerge(TracedDimension x, TracedDimension y, out TracedDimension merged)
    {
        if (x.IsKnown && y.IsKnown)
        {
            merged = x;
            return x.Dimension.Value == y.Dimension.Value;
        }

        if (x.Dimension.IsSameNameAs(y.Dimension))
        {
            merged = TracedDimension.FromBoth(x.Dimension, x, y); // §8.4 binds them
            return true;
        }

        Defer(DeferredCheck.Between(DeferredCheckKind.Equal, x, y));
        merged = x.IsKnown ? x
            : y.IsKnown ? y
            : x.Dimension.IsNamed ? x
            : y.Dimension.IsNamed ? y
            : TracedDimension.FromBoth(Dimension.Unknown, x, y);
        return true;
    }

    /// <summary>
    /// <c>BroadcastBinaryOpOutputShapeFnHelper</c> on one pair: false only for two known sizes that differ with
    /// neither 1. With a side not known: a known size &gt; 1 wins, a known 1 yields the other side (name
    /// included), one name on both sides stays, and anything else is a fresh unknown (at run time the result is
    /// the larger size, which is neither name).
    /// </summary>
    public bool TryBroadcast(TracedDimension x, TracedDimension y, out TracedDimension result)
    {
        if (x.IsKnown && y.IsKnown)
        {
            int dx = x.Dimension.Value, dy = y.Dimension.Value;
            result = dx == 1 ? y : x; // a 1 stretches to the other size, 0 included
            return dx == dy || dx == 1 || dy == 1;
        }

        if (x.Dimension.Is(1) || y.Dimension.Is(1))
        {
            result = x.Dimension.Is(1) ? y : x; // always valid: nothing to check
            return true;
        }

        if (x.Dimension.IsSameNameAs(y.Dimension))
        {
            result = TracedDimension.FromBoth(x.Dimension, x, y);
            return true;
        }

        Defer(DeferredCheck.Between(DeferredCheckKind.Broadcastable, x, y));
        result = x.IsKnown && x.Dimension.Value > 1 ? x
            : y.IsKnown && y.Dimension.Value > 1 ? y
            : TracedDimension.FromBoth(Dimension.Unknown, x, y);
        return true;
    }

    private void Defer(DeferredCheck check) => (_deferred ??= new List<DeferredCheck>()).Add(check);

    /// <summary>
    /// The Squeeze shape function on one squeezed dimension: false for a known size other than 1; a dimension that
    /// is not known is assumed to be 1 (and the run time checks it). <paramref name="axis"/> is the axis of BatchDot's
    /// product, or -1 for an operand's own axis (<c>Squeeze</c>).
    /// </summary>
    public bool TrySqueeze(TracedDimension dimension, int axis)
    {
        if (dimension.IsKnown)
        {
            return dimension.Dimension.Value == 1;
        }

        Defer(DeferredCheck.Squeezed(dimension, axis));
        return true;
    }
}
