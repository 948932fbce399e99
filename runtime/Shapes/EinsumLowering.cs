// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// How an accepted einsum or tensordot runs: as the strided batched product MatMul and BatchDot run
/// (<see cref="ContractionPlan"/>) whenever its labels fit one — batch labels as batch axes, one free label of each
/// operand as rows and columns (the others as batch axes the other operand does not move along), the summed labels
/// as the depth — or else as one loop over every label (<see cref="Axes"/>).
/// </summary>
/// <remarks>
/// The product's output column step is 1, so the innermost output label is its columns: when that label is the first
/// operand's, the operands trade places (<see cref="Swapped"/>). One operand is the product with a single 1 that never
/// moves (<see cref="OneOperand"/>): sums, traces, diagonals and transposes are then products of depth 1 or more.
/// </remarks>
internal sealed class EinsumLowering
{
    private EinsumLowering(Shape result, ContractionPlan? plan, bool swapped, bool oneOperand, BatchAxis[] axes)
    {
        Result = result;
        Plan = plan;
        Swapped = swapped;
        OneOperand = oneOperand;
        Axes = axes;
    }

    public Shape Result { get; }

    /// <summary>The product to run, or null when the labels do not fit one (then loop over <see cref="Axes"/>).</summary>
    public ContractionPlan? Plan { get; }

    /// <summary>Whether the plan's x is the second operand and its y the first.</summary>
    public bool Swapped { get; }

    /// <summary>Whether there is one operand: the plan's x is then a single 1 (all its strides 0), its y the operand.</summary>
    public bool OneOperand { get; }

    /// <summary>
    /// Every label: its size and steps through the operands as given (not swapped) and the output, 0 where the label is
    /// absent or the operand's axis is a broadcast 1 (a repeated label's steps add up: that is how a diagonal is read).
    /// </summary>
    public IReadOnlyList<BatchAxis> Axes { get; }

    /// <summary>The lowering of an accepted call with <paramref name="labels"/> on the run-time <paramref name="shapes"/>.</summary>
    public static EinsumLowering Create(EinsumLabels labels, IReadOnlyList<Shape> shapes)
    {
        var sizes = new Dictionary<int, int>();
        for (var i = 0; i < shapes.Count; i++)
        {
            for (var axis = 0; axis < shapes[i].Rank; axis++)
            {
                var label = labels.Operands[i][axis];
                sizes[label] = sizes.TryGetValue(label, out var size) && size != 1 ? size : shapes[i][axis];
            }
        }

        var resultDims = Array.ConvertAll(labels.Output, label => sizes[label]);
        var result = new Shape(resultDims);
        var order = new List<int>(sizes.Keys);
        order.Sort();
        var x = Strides(labels.Operands[0], shapes[0], sizes);
        var y = shapes.Count > 1 ? Strides(labels.Operands[1], shapes[1], sizes) : new Dictionary<int, long>();
        var output = Strides(labels.Output, result, sizes);
        var axes = new BatchAxis[order.Count];
        for (var i = 0; i < axes.Length; i++)
        {
            var label = order[i];
            axes[i] = new BatchAxis(sizes[label], Get(x, label), Get(y, label), Get(output, label));
        }

        var oneOperand = shapes.Count == 1;
        var (plan, swapped) = Lower(result, labels.Output, order, axes, oneOperand);
        return new EinsumLowering(result, plan, swapped, oneOperand, axes);
    }

    /// <summary>
    /// The kernel layout (<see cref="KernelLayout"/>) of a two-operand call with <paramref name="labels"/> on partially
    /// known shapes, and whether its lowering takes the operands the other way round; null when there is none.
    /// </summary>
    public static (ContractionPlan? Layout, bool Swapped) FindLayout(EinsumLabels labels, StaticShape x, StaticShape y)
    {
        bool? swapped = null;
        var consistent = true;
        var layout = KernelLayout.Find(x, y, (rx, ry) =>
        {
            var lowering = Create(labels, new[] { rx, ry });
            consistent &= swapped is null || swapped == lowering.Swapped;
            swapped = lowering.Swapped;
            return lowering.Plan;
        });
        return layout is not null && consistent && swapped is { } trade ? (layout, trade) : (null, false);
    }

    private static (ContractionPlan? Plan, bool Swapped) Lower(Shape result, int[] outputLabels, List<int> order, BatchAxis[] axes, bool oneOperand)
    {
        // One operand: it is y, and x the constant 1.
        var work = new BatchAxis[axes.Length];
        for (var i = 0; i < axes.Length; i++)
        {
            work[i] = oneOperand ? new BatchAxis(axes[i].Size, 0, axes[i].XStride, axes[i].OutStride) : axes[i];
        }

        // The columns: the innermost output label of a size above 1 (its output step is 1).
        var columns = -1;
        for (var i = outputLabels.Length - 1; i >= 0 && columns < 0; i--)
        {
            var at = order.IndexOf(outputLabels[i]);
            columns = work[at].Size > 1 ? at : -1;
        }

        var swapped = columns >= 0 && work[columns].YStride == 0 && work[columns].XStride != 0;
        if (swapped)
        {
            for (var i = 0; i < work.Length; i++)
            {
                work[i] = new BatchAxis(work[i].Size, work[i].YStride, work[i].XStride, work[i].OutStride);
            }
        }

        if (columns >= 0 && work[columns].XStride != 0)
        {
            columns = -1; // a batch label innermost: columns of 1, the label a batch axis
        }

        // The rows: the largest output label only x moves along.
        var rows = -1;
        for (var i = 0; i < work.Length; i++)
        {
            if (i != columns && work[i].OutStride != 0 && work[i].YStride == 0 && work[i].Size > 1 && (rows < 0 || work[i].Size > work[rows].Size))
            {
                rows = i;
            }
        }

        if (Depth(work) is not { } depth)
        {
            return (null, swapped);
        }

        var batch = new List<BatchAxis>();
        for (var i = 0; i < work.Length; i++)
        {
            if (i != rows && i != columns && work[i].OutStride != 0)
            {
                batch.Add(new BatchAxis(work[i].Size, work[i].XStride, work[i].YStride, work[i].OutStride));
            }
        }

        batch.Sort((a, b) => b.OutStride.CompareTo(a.OutStride));
        var m = rows < 0 ? new BatchAxis(1, 0, 0, 0) : work[rows];
        var n = columns < 0 ? new BatchAxis(1, 0, 0, 0) : work[columns];
        var plan = new ContractionPlan(result, batch, m.Size, n.Size, depth.Size, m.XStride, depth.XStride, depth.YStride, n.YStride, m.OutStride);
        return (plan, swapped);
    }

    // The summed labels as one depth axis: none is a depth of 1; several must step uniformly (the outer one's strides
    // are the inner one's times its size) in both operands, else there is no single depth and null is returned.
    private static BatchAxis? Depth(BatchAxis[] work)
    {
        var summed = new List<BatchAxis>();
        foreach (var axis in work)
        {
            if (axis.OutStride == 0 && axis.Size != 1)
            {
                summed.Add(axis);
            }
        }

        if (summed.Exists(a => a.Size == 0))
        {
            return new BatchAxis(0, 0, 0, 0); // an empty sum: every output element is 0
        }

        summed.Sort((a, b) => b.XStride != a.XStride ? b.XStride.CompareTo(a.XStride) : b.YStride.CompareTo(a.YStride));
        var depth = summed.Count == 0 ? new BatchAxis(1, 0, 0, 0) : summed[summed.Count - 1];
        for (var i = summed.Count - 2; i >= 0; i--)
        {
            var outer = summed[i];
            if (outer.XStride != depth.XStride * depth.Size || outer.YStride != depth.YStride * depth.Size)
            {
                return null;
            }

            depth = new BatchAxis(outer.Size * depth.Size, depth.XStride, depth.YStride, 0);
        }

        return depth;
    }

    // For each label of one tensor, the step of its axes added up (a repeated label is a diagonal); an axis of size 1
    // under a larger label is a broadcast and does not move.
    private static Dictionary<int, long> Strides(int[] labels, Shape shape, Dictionary<int, int> sizes)
    {
        var strides = new Dictionary<int, long>();
        long step = 1;
        for (var axis = labels.Length - 1; axis >= 0; axis--)
        {
            var label = labels[axis];
            var moves = shape[axis] == sizes[label] && shape[axis] != 1 ? step : 0;
            strides[label] = Get(strides, label) + moves;
            step *= shape[axis];
        }

        return strides;
    }

    private static long Get(Dictionary<int, long> strides, int label) => strides.TryGetValue(label, out var stride) ? stride : 0;
}
