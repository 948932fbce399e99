using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// The numbers of a <see cref="ContractionPlan"/>, equatable so that the pipeline can cache on them, and the key of
/// a kernel: calls whose plans are equal (the seed's <c>BatchDot</c> and <c>MatMul</c>, say) share one kernel.
/// </summary>
/// <param name="Batch">The batch axes as (size, x stride, y stride, output stride) quadruples, outermost first.</param>
/// <param name="XLength">Elements of the left operand.</param>
/// <param name="YLength">Elements of the right operand.</param>
/// <param name="OutLength">Elements of the output.</param>
internal sealed record PlanModel(
    int M,
    int N,
    int K,
    long XRow,
    long XDepth,
    long YDepth,
    long YColumn,
    long OutRow,
    EquatableArray<long> Batch,
    long XLength,
    long YLength,
    long OutLength)
{
    public static PlanModel From(ContractionPlan plan, long xLength, long yLength)
        => new(
            plan.M,
            plan.N,
            plan.K,
            plan.XRowStride,
            plan.XDepthStride,
            plan.YDepthStride,
            plan.YColumnStride,
            plan.OutRowStride,
            new EquatableArray<long>(plan.Batch.SelectMany(axis => new long[] { axis.Size, axis.XStride, axis.YStride, axis.OutStride })),
            xLength,
            yLength,
            plan.Result.ElementCount);

    /// <summary>
    /// Whether the number of products is known only at run time (a call on partially known shapes, see
    /// <c>KernelLayout</c>): the one batch axis then has size 0 here and the kernel takes the count as an argument, and
    /// <see cref="XLength"/>, <see cref="YLength"/>, <see cref="OutLength"/> are the extents of one item.
    /// </summary>
    public bool RunTimeBatch { get; init; }

    /// <summary>The plan of a kernel with a run-time count of products, from the layout <c>KernelLayout.Find</c> gives.</summary>
    public static PlanModel WithRunTimeBatch(ContractionPlan layout, long xLength, long yLength)
    {
        var axis = layout.Batch[0];
        var items = axis.Size - 1L;
        return From(layout, xLength, yLength) with
        {
            Batch = new EquatableArray<long>(new long[] { 0, axis.XStride, axis.YStride, axis.OutStride }),
            XLength = xLength - (items * axis.XStride),
            YLength = yLength - (items * axis.YStride),
            OutLength = layout.Result.ElementCount - (items * axis.OutStride),
            RunTimeBatch = true,
        };
    }

    /// <summary>The number of matrix products.</summary>
    public long BatchCount
    {
        get
        {
            long count = 1;
            for (var i = 0; i < Batch.Count; i += 4)
            {
                count *= Batch[i];
            }

            return count;
        }
    }

    /// <summary>Multiply-adds of one matrix product.</summary>
    public long MultiplyAdds => (long)M * N * K;

    /// <summary>The plan again, for the kernel emitters (its result shape is the output's flat length: kernels see only that).</summary>
    public ContractionPlan ToPlan()
    {
        var axes = new List<BatchAxis>(Batch.Count / 4);
        for (var i = 0; i < Batch.Count; i += 4)
        {
            axes.Add(new BatchAxis((int)Batch[i], Batch[i + 1], Batch[i + 2], Batch[i + 3]));
        }

        return new ContractionPlan(Shape.Own(new[] { (int)OutLength }), axes, M, N, K, XRow, XDepth, YDepth, YColumn, OutRow);
    }

    /// <summary>
    /// Whether the operands are laid out as plain row-major products one after the other: x [M, K], y [K, N] and the
    /// output [M, N] per item, with at most one batch axis stepping by whole matrices.
    /// </summary>
    public bool IsContiguous
        => XRow == K && XDepth == 1 && YDepth == N && YColumn == 1 && OutRow == N
            && (Batch.Count == 0 || (Batch.Count == 4 && Batch[1] == (long)M * K && Batch[2] == (long)K * N && Batch[3] == (long)M * N));
}
