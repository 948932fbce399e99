// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// One batch axis of a <see cref="ContractionPlan"/>: how far each operand moves (in elements) per step.
/// A stride of 0 broadcasts that operand along the axis.
/// </summary>
public readonly struct BatchAxis
{
    internal BatchAxis(int size, long xStride, long yStride, long outStride)
    {
        Size = size;
        XStride = xStride;
        YStride = yStride;
        OutStride = outStride;
    }

    /// <summary>The number of batch items along this axis.</summary>
    public int Size { get; }

    /// <summary>The step through the left operand per batch item.</summary>
    public long XStride { get; }

    /// <summary>The step through the right operand per batch item.</summary>
    public long YStride { get; }

    /// <summary>The step through the output per batch item.</summary>
    public long OutStride { get; }
}

/// <summary>
/// How to compute any of the three operations on row-major data: a strided batched matrix product.
/// For every batch index, <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c>, where each operand is
/// addressed through the strides below (transposes, Keras' reshapes and broadcasting are all just strides).
/// The output's column stride is always 1.
/// </summary>
/// <remarks>
/// The runtime executes a plan directly; the generator emits a kernel from it with every number a constant.
/// Batch axes of size 1 are dropped and adjacent axes that step uniformly are merged, so most plans have
/// zero or one batch axis.
/// </remarks>
public sealed class ContractionPlan
{
    private readonly BatchAxis[] _batch;

    internal ContractionPlan(Shape result, List<BatchAxis> batch, int m, int n, int k, long xRowStride, long xDepthStride, long yDepthStride, long yColumnStride, long outRowStride)
        : this(result, Normalize(batch), m, n, k, xRowStride, xDepthStride, yDepthStride, yColumnStride, outRowStride)
    {
    }

    private ContractionPlan(Shape result, BatchAxis[] batch, int m, int n, int k, long xRowStride, long xDepthStride, long yDepthStride, long yColumnStride, long outRowStride)
    {
        Result = result;
        _batch = batch;
        M = m;
        N = n;
        K = k;
        XRowStride = xRowStride;
        XDepthStride = xDepthStride;
        YDepthStride = yDepthStride;
        YColumnStride = yColumnStride;
        OutRowStride = outRowStride;
    }

    /// <summary>The result shape.</summary>
    public Shape Result { get; }

    /// <summary>The batch axes, outermost first (possibly none).</summary>
    public IReadOnlyList<BatchAxis> Batch => _batch;

    /// <summary>Rows of each product.</summary>
    public int M { get; }

    /// <summary>Columns of each product.</summary>
    public int N { get; }

    /// <summary>The contracted (summed) length.</summary>
    public int K { get; }

    /// <summary>Step through x per row m.</summary>
    public long XRowStride { get; }

    /// <summary>Step through x per k.</summary>
    public long XDepthStride { get; }

    /// <summary>Step through y per k.</summary>
    public long YDepthStride { get; }

    /// <summary>Step through y per column n.</summary>
    public long YColumnStride { get; }

    /// <summary>Step through the output per row m (the column step is 1).</summary>
    public long OutRowStride { get; }

    /// <summary>The number of matrix products: the product of the batch sizes.</summary>
    public long BatchCount
    {
        get
        {
            long count = 1;
            foreach (var axis in _batch)
            {
                count *= axis.Size;
            }

            return count;
        }
    }

    /// <summary>Floating-point operations of the whole contraction: 2·M·N·K per batch item.</summary>
    public long FlopCount => 2L * M * N * K * BatchCount;

    // Whether two plans compute the same values for every input: the same result shape and, for each output element,
    // the same sum of products. Each plan's output axes (batch axes, rows and columns) are put in output order and
    // normalized, so different splits of one loop nest compare equal. (Used to find BatchDot axes that give the same
    // result under both batch_dot semantics.)
    internal bool ComputesSameAs(ContractionPlan other)
    {
        if (Result != other.Result)
        {
            return false;
        }

        if (Result.IsEmpty || (K == 0 && other.K == 0))
        {
            return true;
        }

        var sameDepth = K == other.K && (K == 1 || (XDepthStride == other.XDepthStride && YDepthStride == other.YDepthStride));
        return sameDepth && SameAxes(OutputAxes(), other.OutputAxes());
    }

    private BatchAxis[] OutputAxes()
    {
        var axes = new List<BatchAxis>(_batch) { new(M, XRowStride, 0, OutRowStride), new(N, 0, YColumnStride, 1) };
        axes.Sort((a, b) => b.OutStride.CompareTo(a.OutStride));
        return Normalize(axes);
    }

    private static bool SameAxes(BatchAxis[] a, BatchAxis[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Size != b[i].Size || a[i].XStride != b[i].XStride || a[i].YStride != b[i].YStride || a[i].OutStride != b[i].OutStride)
            {
                return false;
            }
        }

        return true;
    }

    // Drops axes of size 1 and merges each axis into the one outside it when they step uniformly in x, y and the output.
    internal static BatchAxis[] Normalize(List<BatchAxis> axes)
    {
        var kept = new List<BatchAxis>(axes.Count);
        foreach (var axis in axes)
        {
            if (axis.Size == 1)
            {
                continue;
            }

            if (kept.Count > 0)
            {
                var outer = kept[kept.Count - 1];
                if (outer.XStride == axis.XStride * axis.Size && outer.YStride == axis.YStride * axis.Size && outer.OutStride == axis.OutStride * axis.Size)
                {
                    kept[kept.Count - 1] = new BatchAxis(outer.Size * axis.Size, axis.XStride, axis.YStride, axis.OutStride);
                    continue;
                }
            }

            kept.Add(axis);
        }

        return kept.ToArray();
    }
}
