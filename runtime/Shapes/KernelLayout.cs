// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

/// <summary>
/// Whether a call on partially known shapes has one loop nest for every run-time size but the number of products: the
/// generator then emits a kernel with every other size and stride constant and a run-time count of products (the
/// seed's <c>(b,12,4,5)·(b,12,5,8)</c>: <c>12·b</c> products of [4x5]·[5x8]), and the runtime, holding the same
/// layout, checks per call that the run-time plan is that one.
/// </summary>
/// <remarks>
/// The layout is found by planning the call twice, with every run-time size 2 and then 3: whatever depends on a
/// run-time size differs between the two. Sizes of 0 or 1 at run time may plan differently (a batch axis of one item
/// disappears), which <see cref="BatchCount"/> accepts where it is the same loop nest and otherwise leaves to the
/// runtime's product.
/// </remarks>
internal static class KernelLayout
{
    // The run-time size the layout is planned at (and again at Probe + 1, to see what depends on it).
    private const int Probe = 2;

    /// <summary>
    /// The plan at run-time sizes 2 (its one batch axis's size is then meaningless), or null when anything but the
    /// count of products depends on a run-time size, or when the call does not plan at those sizes.
    /// </summary>
    public static ContractionPlan? Find(StaticShape x, StaticShape y, Func<Shape, Shape, ContractionResult> rule)
        => Find(x, y, (rx, ry) => rule(rx, ry).Plan);

    /// <summary><see cref="Find(StaticShape, StaticShape, Func{Shape, Shape, ContractionResult})"/> with a planner that gives the plan or null.</summary>
    public static ContractionPlan? Find(StaticShape x, StaticShape y, Func<Shape, Shape, ContractionPlan?> plan)
    {
        if (x.IsFullyKnown && y.IsFullyKnown)
        {
            return null;
        }

        var two = plan(Substitute(x, Probe), Substitute(y, Probe));
        var three = plan(Substitute(x, Probe + 1), Substitute(y, Probe + 1));
        if (two is null || three is null || two.Batch.Count != 1 || three.Batch.Count != 1 || !SameProduct(two, three))
        {
            return null;
        }

        var (a, b) = (two.Batch[0], three.Batch[0]);
        return a.XStride == b.XStride && a.YStride == b.YStride && a.OutStride == b.OutStride ? two : null;
    }

    /// <summary>
    /// The number of products when <paramref name="plan"/> (for run-time sizes) is the loop nest of
    /// <paramref name="layout"/>, else -1.
    /// </summary>
    public static long BatchCount(ContractionPlan layout, ContractionPlan plan)
    {
        if (!SameProduct(layout, plan))
        {
            return -1;
        }

        if (plan.Batch.Count == 0)
        {
            return 1;
        }

        var (a, b) = (layout.Batch[0], plan.Batch[0]);
        return plan.Batch.Count == 1 && a.XStride == b.XStride && a.YStride == b.YStride && a.OutStride == b.OutStride ? b.Size : -1;
    }

    /// <summary>The element count of a value of <paramref name="shape"/> at the sizes <c>Find</c> plans with: what the layout's extents are measured against.</summary>
    public static long ProbeLength(StaticShape shape) => Substitute(shape, Probe).ElementCount;

    private static bool SameProduct(ContractionPlan a, ContractionPlan b)
        => a.M == b.M && a.N == b.N && a.K == b.K
            && a.XRowStride == b.XRowStride && a.XDepthStride == b.XDepthStride
            && a.YDepthStride == b.YDepthStride && a.YColumnStride == b.YColumnStride && a.OutRowStride == b.OutRowStride;

    private static Shape Substitute(StaticShape shape, int size)
    {
        var dims = new int[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = shape[i].IsKnown ? shape[i].Value : size;
        }

        return Shape.Own(dims);
    }
}
